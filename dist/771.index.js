export const id = 771;
export const ids = [771];
export const modules = {

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
const FIELD_MANAGER = 'k8s-image-pull-secret-action';


/***/ })

};

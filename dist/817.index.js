export const id = 817;
export const ids = [817];
export const modules = {

/***/ 8817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAnnotations: () => (/* binding */ runAnnotations)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _apply_desired_secret_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2747);
// Which workflow run last changed the credentials, recorded on the Secret so that a person looking at the
// cluster can find it. Read from the runner's environment through @actions/github's context.


function runAnnotations() {
    const annotations = {};
    const repository = process.env.GITHUB_REPOSITORY;
    if (repository) {
        annotations[`${_apply_desired_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_ANNOTATION_PREFIX */ .P_}repository`] = repository;
        if (_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.runId) {
            annotations[`${_apply_desired_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_ANNOTATION_PREFIX */ .P_}run-url`] =
                `${_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.serverUrl}/${repository}/actions/runs/${_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.runId}`;
        }
    }
    if (_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.sha)
        annotations[`${_apply_desired_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_ANNOTATION_PREFIX */ .P_}commit`] = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.sha;
    return annotations;
}


/***/ })

};

export const id = 934;
export const ids = [934];
export const modules = {

/***/ 1934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   connect: () => (/* binding */ connect)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1547);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3243);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6771);
// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.



/** Per-attempt deadline of every API request; retries get a fresh one. */
const REQUEST_TIMEOUT_MS = 10_000;
function connect(kubeconfig) {
    const config = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .KubeConfig */ .ypW();
    if (kubeconfig.document) {
        config.loadFromString((0,js_yaml__WEBPACK_IMPORTED_MODULE_1__/* .dump */ .Bh)(kubeconfig.document));
        config.setCurrentContext(kubeconfig.contextName);
    }
    else {
        config.loadFromCluster(kubeconfig.inClusterPathPrefix);
    }
    return new _cluster_js__WEBPACK_IMPORTED_MODULE_2__/* .KubernetesCluster */ .Z(config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .CoreV1Api */ .f5Y), {
        server: kubeconfig.server,
        contextName: kubeconfig.contextName,
        requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
}


/***/ })

};

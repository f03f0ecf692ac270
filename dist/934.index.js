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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1547);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6527);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6771);
// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.






/** Per-attempt deadline of every API request; retries get a fresh one. */
const REQUEST_TIMEOUT_MS = 10_000;
function connect(kubeconfig) {
    const config = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
    if (kubeconfig.document) {
        config.loadFromString((0,js_yaml__WEBPACK_IMPORTED_MODULE_2__/* .dump */ .Bh)(withTokenFilesRead(kubeconfig.document)));
        config.setCurrentContext(kubeconfig.contextName);
    }
    else {
        config.loadFromCluster(kubeconfig.inClusterPathPrefix);
    }
    return new _cluster_js__WEBPACK_IMPORTED_MODULE_5__/* .KubernetesCluster */ .Z(config.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .CoreV1Api */ .f5Y), {
        server: kubeconfig.server,
        contextName: kubeconfig.contextName,
        requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
}
/**
 * kubectl's `tokenFile` (client-go reads the file and trims it) is unknown to client-node 2.0.1, which reads
 * only `token-file`, untrimmed: a kubeconfig that works with kubectl would send no token (401), or one with
 * a trailing newline. So the file is read here, once, into `token`, the way client-go reads it.
 */
function withTokenFilesRead(document) {
    const users = document.users.map(({ name, user }) => {
        const path = user.tokenFile ?? user['token-file'];
        if (typeof path !== 'string' || path === '' || typeof user.token === 'string')
            return { name, user };
        let token;
        try {
            token = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').trim();
        }
        catch (error) {
            const code = error.code ?? 'unreadable';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('kubeconfig', `user "${name}" names the token file ${path}, which cannot be read (${code}).`);
        }
        (0,_masking_js__WEBPACK_IMPORTED_MODULE_4__/* .maskValue */ .QS)(token);
        return { name, user: { ...user, token } };
    });
    return { ...document, users };
}


/***/ })

};

export const id = 744;
export const ids = [744];
export const modules = {

/***/ 3744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var _reconcile_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7036);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs_read_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9659);
/* harmony import */ var _kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5217);
// The post step (action.yml `post:`): with `cleanup: true`, removes what the main step wrote — on each
// cluster it wrote to, all at once.





async function runPost() {
    const plan = (0,_reconcile_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .loadCleanupPlan */ .M7)();
    if (!plan)
        return; // cleanup is off, or the main step stopped before writing anything
    if (plan.namespaces.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Clean-up: this run created or changed nothing, so there is nothing to remove.');
        return;
    }
    const { kubeconfig, context } = (0,_inputs_read_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readConnectionInputs */ .q)();
    const { connect } = await Promise.all(/* import() */[__webpack_require__.e(34), __webpack_require__.e(274)]).then(__webpack_require__.bind(__webpack_require__, 1274));
    const plans = (0,_reconcile_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanupPlansByContext */ .pT)(plan);
    const single = plans.get(undefined);
    let failures;
    if (single) {
        const resolved = (0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveKubeconfig */ .a8)({ inline: kubeconfig, context });
        // A later step may point KUBECONFIG at another cluster (a second `aws eks update-kubeconfig`): deleting
        // there what has the same name would hit another team's objects while ours stay.
        if (plan.server !== undefined && (0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .displayUrl */ .Qy)(resolved.server) !== plan.server) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Clean-up skipped: the kubeconfig now names the API server ${(0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .displayUrl */ .Qy)(resolved.server)}, not ${plan.server} where the main step wrote; nothing was removed.`);
            return;
        }
        failures = await (0,_reconcile_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanUp */ .nY)(connect(resolved), single);
    }
    else {
        // The contexts the main step wrote to, as the plan names them (`*` is not resolved again: a context added
        // to the kubeconfig since holds nothing of this run's).
        const perCluster = await Promise.all([...plans].map(async ([name, part]) => {
            const contextName = name ?? '';
            try {
                const [resolved] = (0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveKubeconfigContexts */ .g7)({ inline: kubeconfig }, [contextName]);
                const recorded = plan.servers?.[contextName];
                if (recorded !== undefined && (0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .displayUrl */ .Qy)(resolved.server) !== recorded) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Clean-up skipped for ${contextName}: the context now names the API server ${(0,_kube_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .displayUrl */ .Qy)(resolved.server)}, not ${recorded} where the main step wrote; nothing was removed there.`);
                    return [];
                }
                return await (0,_reconcile_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanUp */ .nY)(connect(resolved), part, contextName);
            }
            catch (error) {
                // A context the kubeconfig no longer defines, a certificate file gone: that cluster only.
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ))
                    throw error;
                return [`${contextName}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`];
            }
        }));
        failures = perCluster.flat();
    }
    if (failures.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Clean-up failed in ${failures.length} namespace${failures.length === 1 ? '' : 's'}:\n${failures.map((line) => `- ${line}`).join('\n')}`);
    }
}


/***/ })

};

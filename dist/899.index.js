export const id = 899;
export const ids = [899];
export const modules = {

/***/ 4899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 874 modules
var dist = __webpack_require__(1547);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/kube/cluster.ts
var cluster = __webpack_require__(6771);
// EXTERNAL MODULE: ./src/kube/retry.ts
var retry = __webpack_require__(4963);
;// CONCATENATED MODULE: ./src/kube/kubernetes-cluster.ts
// The client-node implementation of Cluster: every call gets the same per-attempt timeout, retries on
// transient failures, a debug line (status codes only) and one worded error.





/** The client-node implementation. Created by kube/client.ts, which loads the client lazily. */
class KubernetesCluster {
    api;
    settings;
    retryPolicy;
    constructor(api, settings) {
        this.api = api;
        this.settings = settings;
        this.retryPolicy = settings.retryPolicy ?? retry/* DEFAULT_RETRY_POLICY */.cO;
    }
    async readSecret(namespace, name) {
        return this.orUndefinedWhenMissing(this.call({ verb: 'get', resource: 'secrets', namespace, name }, (options) => this.api.readNamespacedSecret({ name, namespace }, options)));
    }
    async applySecret(namespace, secret, { dryRun }) {
        const name = secret.metadata?.name ?? '';
        return this.call({ verb: 'patch', resource: 'secrets', namespace, name }, (options) => this.api.patchNamespacedSecret({ name, namespace, body: secret, fieldManager: cluster/* FIELD_MANAGER */.v, force: true, dryRun: dryRunParam(dryRun) }, options), 'application/apply-patch+yaml');
    }
    async deleteSecret(namespace, name, { dryRun }) {
        // Already gone is as good as deleted: also when a retried DELETE finds its first attempt succeeded.
        await this.orUndefinedWhenMissing(this.call({ verb: 'delete', resource: 'secrets', namespace, name }, (options) => this.api.deleteNamespacedSecret({ name, namespace, dryRun: dryRunParam(dryRun) }, options)));
    }
    async readServiceAccount(namespace, name) {
        return this.orUndefinedWhenMissing(this.call({ verb: 'get', resource: 'serviceaccounts', namespace, name }, (options) => this.api.readNamespacedServiceAccount({ name, namespace }, options)));
    }
    async listServiceAccounts(namespace) {
        const list = await this.call({ verb: 'list', resource: 'serviceaccounts', namespace }, (options) => this.api.listNamespacedServiceAccount({ namespace }, options));
        return list.items;
    }
    async replaceServiceAccount(namespace, serviceAccount, { dryRun }) {
        const name = serviceAccount.metadata?.name ?? '';
        return this.call({ verb: 'update', resource: 'serviceaccounts', namespace, name }, (options) => this.api.replaceNamespacedServiceAccount({ name, namespace, body: serviceAccount, fieldManager: cluster/* FIELD_MANAGER */.v, dryRun: dryRunParam(dryRun) }, options));
    }
    async createNamespace(name, { dryRun }) {
        const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
        try {
            await this.call({ verb: 'create', resource: 'namespaces', name }, (options) => this.api.createNamespace({ body, fieldManager: cluster/* FIELD_MANAGER */.v, dryRun: dryRunParam(dryRun) }, options));
            return 'created';
        }
        catch (error) {
            if (error instanceof api_errors/* KubeApiError */.W3 && error.status === 409 && error.reason === 'AlreadyExists')
                return 'exists';
            throw error;
        }
    }
    async listNamespaceNames(labelSelector) {
        const list = await this.call({ verb: 'list', resource: 'namespaces' }, (options) => this.api.listNamespace({ labelSelector: labelSelector || undefined }, options));
        return list.items.map((namespace) => namespace.metadata?.name ?? '').filter((name) => name !== '');
    }
    async orUndefinedWhenMissing(request) {
        try {
            return await request;
        }
        catch (error) {
            if (error instanceof api_errors/* KubeApiError */.W3 && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** One API call with a per-attempt timeout, retries on transient failures, and a worded error. */
    async call(operation, send, contentType) {
        const label = `${operation.verb} ${operation.resource}${operation.name ? `/${operation.name}` : ''}${operation.namespace ? ` -n ${operation.namespace}` : ''}`;
        const timeoutMs = this.settings.requestTimeoutMs;
        // A middleware appended to the client's own (which adds authentication): it gives each attempt its own
        // deadline, and sets the patch content type the typed methods would otherwise send as json-patch.
        const middleware = {
            pre: (context) => {
                context.setSignal(AbortSignal.timeout(timeoutMs));
                if (contentType)
                    context.setHeaderParam('Content-Type', contentType);
                return new dist/* Observable */.cPK(Promise.resolve(context));
            },
            post: (response) => new dist/* Observable */.cPK(Promise.resolve(response))
        };
        try {
            const result = await (0,retry/* withRetry */.bD)(() => send({ middleware: [middleware], middlewareMergeStrategy: 'append' }), api_errors/* classifyForRetry */.gZ, (error, attemptNumber, delayMs) => {
                core/* debug */.Yz(`${label}: attempt ${attemptNumber} failed (${briefFailure(error)}); retrying in ${delayMs} ms`);
            }, this.retryPolicy);
            core/* debug */.Yz(`${label}: ok`);
            return result;
        }
        catch (error) {
            core/* debug */.Yz(`${label}: failed (${briefFailure(error)})`);
            throw (0,api_errors/* toKubeApiError */.Vp)(error, operation, this.settings);
        }
    }
}
function dryRunParam(dryRun) {
    return dryRun ? 'All' : undefined;
}
/** Status code or error code only: never an exception message, which may quote a response. */
function briefFailure(error) {
    const { code, name } = (error ?? {});
    // An HTTP status (client-node's ApiException); a DOMException's legacy numeric code (TimeoutError: 23) is not.
    if (typeof code === 'number' && code >= 100)
        return `HTTP ${code}`;
    const cause = error?.cause?.code;
    if (typeof cause === 'string')
        return cause;
    return typeof name === 'string' ? name : 'error';
}

;// CONCATENATED MODULE: ./src/kube/client.ts
// Builds the Kubernetes client from a kubeconfig that kubeconfig.ts has already checked. This is the only
// module that loads @kubernetes/client-node at run time: main.ts imports it lazily, after the inputs are
// validated, because loading the client is most of the action's start-up time.






/** Per-attempt deadline of every API request; retries get a fresh one. */
const REQUEST_TIMEOUT_MS = 10_000;
function connect(kubeconfig) {
    const config = new dist/* KubeConfig */.ypW();
    if (kubeconfig.document) {
        config.loadFromString((0,js_yaml/* dump */.Bh)(withTokenFilesRead(kubeconfig.document)));
        config.setCurrentContext(kubeconfig.contextName);
    }
    else {
        config.loadFromCluster(kubeconfig.inClusterPathPrefix);
    }
    return new KubernetesCluster(apiClient(config), {
        server: kubeconfig.server,
        contextName: kubeconfig.contextName,
        requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
}
/** Sent with every request, so the API server's audit log shows who wrote. */
const USER_AGENT = 'k8s-image-pull-secret-action';
/** What KubeConfig.makeApiClient does, but with the connection reuse below. */
function apiClient(config) {
    const cluster = config.getCurrentCluster();
    if (!cluster)
        throw new Error('the kubeconfig has no current cluster'); // resolveKubeconfig checked it already
    return new dist/* CoreV1Api */.f5Y((0,dist/* createConfiguration */.$v4)({
        baseServer: new dist/* ServerConfiguration */.i04(cluster.server, {}),
        authMethods: { default: new SharedConnectionAuth(config) },
        middleware: [(0,dist/* setHeaderMiddleware */.Ofj)('User-Agent', USER_AGENT)]
    }));
}
/**
 * client-node 2.0.1 gives every request a new undici Agent, so every request opens its own TLS connection
 * (kubernetes-client/javascript#2893): with 100 namespaces that is 400 handshakes. The kubeconfig's TLS
 * settings do not change during a run, so the first request's dispatcher is kept and reused (keep-alive);
 * the credentials (headers: token, exec plugin output) are still applied to every request.
 */
class SharedConnectionAuth {
    config;
    // client-node's own undici (a newer major than the action's), so typed from its RequestContext.
    dispatcher;
    constructor(config) {
        this.config = config;
    }
    getName() {
        return 'default';
    }
    async applySecurityAuthentication(context) {
        await this.config.applySecurityAuthentication(context);
        if (this.dispatcher)
            context.setDispatcher(this.dispatcher);
        else
            this.dispatcher = context.getDispatcher();
    }
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
            token = (0,external_node_fs_.readFileSync)(path, 'utf8').trim();
        }
        catch (error) {
            const code = error.code ?? 'unreadable';
            throw new errors/* InputError */.dz('kubeconfig', `user "${name}" names the token file ${path}, which cannot be read (${code}).`);
        }
        (0,masking/* maskValue */.QS)(token);
        return { name, user: { ...user, token } };
    });
    return { ...document, users };
}


/***/ })

};

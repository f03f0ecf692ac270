export const id = 444;
export const ids = [444,63];
export const modules = {

/***/ 5063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
  connect: () => (/* binding */ connect),
  transportFor: () => (/* binding */ transportFor)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/kube/kubeconfig.ts
var kubeconfig = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/kube/endpoint.ts
// Where the API server is and how to trust it: the server URL and TLS settings of the kubeconfig's current
// cluster (or of the in-cluster service account), read once per run. The user's credentials are
// credentials.ts's job; this module only says which server certificate to accept.



/** The cluster entry the resolved context names (kubeconfig.ts has checked that it exists). */
function clusterEntryOf(resolved) {
    const document = resolved.document;
    if (!document)
        return undefined;
    const clusterName = document.contexts.find((entry) => entry.name === resolved.contextName)?.context.cluster;
    return document.clusters.find((entry) => entry.name === clusterName);
}
function endpointOf(resolved) {
    if (resolved.origin === 'in-cluster') {
        const caFile = (0,external_node_path_.join)(resolved.inClusterPathPrefix ?? '', kubeconfig/* IN_CLUSTER_ROOT */.C0, 'ca.crt');
        return {
            url: new URL(resolved.server),
            ca: readCaFile(caFile, 'the in-cluster service account'),
            rejectUnauthorized: true
        };
    }
    const entry = clusterEntryOf(resolved);
    if (!entry)
        throw new errors/* InputError */.dz('kubeconfig', `context "${resolved.contextName}" names no cluster.`);
    const { name, cluster } = entry;
    const where = `cluster "${name}"`;
    if (typeof cluster['proxy-url'] === 'string' && cluster['proxy-url'] !== '') {
        // Sending directly when the kubeconfig asks for a proxy would reach the wrong network, or nothing.
        throw new errors/* InputError */.dz('kubeconfig', `${where} sets proxy-url, which the action does not support: reach the API server directly from the runner.`);
    }
    const caData = cluster['certificate-authority-data'];
    const caFile = cluster['certificate-authority'];
    let ca;
    if (typeof caData === 'string' && caData !== '')
        ca = Buffer.from(caData, 'base64');
    else if (typeof caFile === 'string' && caFile !== '')
        ca = readCaFile(caFile, where);
    const serverName = cluster['tls-server-name'];
    return {
        url: new URL(resolved.server),
        ca,
        rejectUnauthorized: cluster['insecure-skip-tls-verify'] !== true,
        serverName: typeof serverName === 'string' && serverName !== '' ? serverName : undefined
    };
}
function readCaFile(path, where) {
    return (0,kubeconfig/* readNamedFile */.wh)(path, `${where} names the certificate authority file`);
}

;// CONCATENATED MODULE: ./src/kube/credentials.ts
// What each request carries to prove who it is, from the kubeconfig's current user: a bearer token (inline,
// from a token file, or from an exec plugin), Basic credentials, a client certificate, or, for the legacy
// `auth-provider` plugins (gcp, azure, oidc), whatever @kubernetes/client-node computes. That last case is
// the only one that loads client-node, so every other user skips its ~130 ms of module loading.
//
// Nothing here puts a credential, or a plugin's output, into an error message or a log line.







/** Keys of a kubeconfig `user` that this module understands (`extensions` carries nothing for us). */
const KNOWN_USER_KEYS = new Set([
    'token',
    'tokenFile',
    'token-file',
    'username',
    'password',
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'exec',
    'auth-provider',
    'extensions'
]);
function credentialsOf(resolved) {
    if (resolved.origin === 'in-cluster') {
        // client-go re-reads the projected token now and then; a step lasts far less than its hour-long life.
        const token = readTokenFile((0,external_node_path_.join)(resolved.inClusterPathPrefix ?? '', kubeconfig/* IN_CLUSTER_ROOT */.C0, 'token'), 'the in-cluster service account');
        return fixed({ authorization: `Bearer ${token}` });
    }
    const document = resolved.document;
    const userName = document.contexts.find((entry) => entry.name === resolved.contextName)?.context.user;
    const user = document.users.find((entry) => entry.name === userName)?.user ?? {};
    const where = `user "${userName}"`;
    const unknown = Object.keys(user).filter((key) => !KNOWN_USER_KEYS.has(key));
    if (unknown.length > 0) {
        // Impersonation (`as`, `as-groups`…) or a newer field: acting without it would act as someone else.
        throw new errors/* InputError */.dz('kubeconfig', `${where} uses ${unknown.map((key) => `\`${key}\``).join(', ')}, which the action does not support.`);
    }
    if (isRecord(user['auth-provider']))
        return clientNodeFallback(document, resolved.contextName);
    const clientCertificate = clientCertificateOf(user, where);
    if (isRecord(user.exec))
        return execPluginSource(parseExecConfig(user.exec, where), clientCertificate, clusterInfo(resolved));
    if (user.exec !== undefined)
        throw new errors/* InputError */.dz('kubeconfig', `${where}: \`exec\` must be a mapping.`);
    return fixed({ authorization: staticAuthorization(user, where), clientCertificate });
}
/** Shorter inline tokens are not registered as secrets (see staticAuthorization). */
const MIN_MASKED_LENGTH = 8;
function fixed(credentials) {
    const ready = Promise.resolve(credentials);
    return () => ready;
}
/** token, then a token file, then Basic: the order client-go applies them in. */
function staticAuthorization(user, where) {
    if (typeof user.token === 'string' && user.token !== '') {
        // The kubeconfig input was masked as it was read; a KUBECONFIG file from an earlier step was not.
        // Too short a value would star out ordinary text all over the log, and is no real token anyway.
        if (user.token.length >= MIN_MASKED_LENGTH)
            (0,masking/* maskValue */.QS)(user.token);
        return `Bearer ${user.token}`;
    }
    const tokenFile = user.tokenFile ?? user['token-file'];
    if (typeof tokenFile === 'string' && tokenFile !== '')
        return `Bearer ${readTokenFile(tokenFile, where)}`;
    if (typeof user.username === 'string' && user.username !== '') {
        const password = typeof user.password === 'string' ? user.password : '';
        const encoded = Buffer.from(`${user.username}:${password}`).toString('base64');
        (0,masking/* maskValue */.QS)(password);
        (0,masking/* maskValue */.QS)(encoded);
        return `Basic ${encoded}`;
    }
    return undefined;
}
/** Read once and trimmed, as client-go reads `tokenFile` (client-node 2.0.1 would send the newline). */
function readTokenFile(path, where) {
    const token = (0,kubeconfig/* readNamedFile */.wh)(path, `${where} names the token file`).toString('utf8').trim();
    (0,masking/* maskValue */.QS)(token);
    return token;
}
function clientCertificateOf(user, where) {
    const cert = pemFrom(user, 'client-certificate', where);
    const key = pemFrom(user, 'client-key', where);
    if (cert && key) {
        (0,masking/* maskValue */.QS)(key.toString('utf8'));
        return { cert, key };
    }
    if (cert || key) {
        throw new errors/* InputError */.dz('kubeconfig', `${where} has a client ${cert ? 'certificate but no key' : 'key but no certificate'}.`);
    }
    return undefined;
}
/** `NAME-data` (base64 PEM) wins over the file `NAME`, as in client-go. */
function pemFrom(user, name, where) {
    const data = user[`${name}-data`];
    if (typeof data === 'string' && data !== '')
        return Buffer.from(data, 'base64');
    const path = user[name];
    if (typeof path !== 'string' || path === '')
        return undefined;
    return (0,kubeconfig/* readNamedFile */.wh)(path, `${where} names the ${name} file`);
}
// ---- exec credential plugins (EKS `aws eks get-token`, gke-gcloud-auth-plugin, kubelogin) ----
const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
/**
 * How long a plugin may take. `aws eks get-token` and gke-gcloud-auth-plugin answer in seconds; one that
 * waits for a login that can never happen here (stdin is closed) would otherwise hold the step until the
 * job's own timeout, since the request timeout only starts once the credentials are there.
 */
const EXEC_PLUGIN_TIMEOUT_MS = 60_000;
function parseExecConfig(exec, where) {
    const { apiVersion, command, args = [], env = [] } = exec;
    if (typeof command !== 'string' || command === '')
        throw new errors/* InputError */.dz('kubeconfig', `${where}: \`exec\` has no command.`);
    if (typeof apiVersion !== 'string' || !EXEC_API_VERSIONS.includes(apiVersion)) {
        throw new errors/* InputError */.dz('kubeconfig', `${where}: the exec plugin's apiVersion must be one of ${EXEC_API_VERSIONS.join(', ')} (v1alpha1 was removed from Kubernetes).`);
    }
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
        throw new errors/* InputError */.dz('kubeconfig', `${where}: \`exec.args\` must be a list of strings.`);
    }
    const validEnv = env === null ||
        (Array.isArray(env) &&
            env.every((entry) => isRecord(entry) && typeof entry.name === 'string' && typeof entry.value === 'string'));
    if (!validEnv)
        throw new errors/* InputError */.dz('kubeconfig', `${where}: \`exec.env\` must be a list of {name, value} strings.`);
    return {
        apiVersion,
        command,
        args,
        env: (env ?? []),
        provideClusterInfo: exec.provideClusterInfo === true,
        installHint: typeof exec.installHint === 'string' && exec.installHint.trim() !== '' ? exec.installHint.trim() : undefined
    };
}
/** The `spec.cluster` an exec plugin gets with `provideClusterInfo: true`. */
function clusterInfo(resolved) {
    const cluster = clusterEntryOf(resolved)?.cluster ?? {};
    const extensions = Array.isArray(cluster.extensions) ? cluster.extensions : [];
    const execExtension = extensions.find((entry) => isRecord(entry) && entry.name === 'client.authentication.k8s.io/exec');
    return {
        server: resolved.server,
        'tls-server-name': cluster['tls-server-name'],
        'insecure-skip-tls-verify': cluster['insecure-skip-tls-verify'],
        'certificate-authority-data': cluster['certificate-authority-data'],
        config: execExtension?.extension
    };
}
/**
 * Runs the plugin once and shares the result among concurrent requests, until its expirationTimestamp
 * (client-go's rule). A failure is kept too: every namespace reports the same one line, and a broken plugin
 * is not started a hundred times.
 */
function execPluginSource(exec, kubeconfigCertificate, cluster, now = Date.now, timeoutMs = EXEC_PLUGIN_TIMEOUT_MS) {
    let pending;
    return async () => {
        const current = pending;
        if (current) {
            const held = await current;
            if (now() < held.expiresAt)
                return held.credentials;
            if (pending === current)
                pending = undefined;
        }
        pending ??= runExecPlugin(exec, kubeconfigCertificate, cluster, timeoutMs);
        return (await pending).credentials;
    };
}
async function runExecPlugin(exec, kubeconfigCertificate, cluster, timeoutMs) {
    const spec = { interactive: false };
    if (exec.provideClusterInfo)
        spec.cluster = cluster;
    const execInfo = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec });
    const env = { ...process.env, KUBERNETES_EXEC_INFO: execInfo };
    for (const { name, value } of exec.env)
        env[name] = value;
    const stdout = await new Promise((resolve, reject) => {
        const failed = (how) => new api_errors/* KubeApiError */.W3(`Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${exec.command}\` failed (${how}).`, undefined, 'ExecPlugin', undefined);
        // stdin closed (never interactive), stderr dropped: plugins print tokens and prompts there.
        const child = (0,external_node_child_process_.spawn)(exec.command, exec.args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
        const chunks = [];
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        const timer = setTimeout(() => {
            reject(failed(`did not finish within ${timeoutMs / 1000} s`));
            child.kill('SIGKILL');
            // A process the plugin started may still hold the pipe open: stop reading, so nothing waits on it.
            child.stdout.destroy();
        }, timeoutMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            const hint = error.code === 'ENOENT' && exec.installHint ? `; ${exec.installHint}` : '';
            reject(failed(`could not be started: ${error.code ?? 'error'}${hint}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code === 0)
                resolve(Buffer.concat(chunks).toString('utf8'));
            else
                reject(failed(signal ? `killed by ${signal}` : `exit ${code}`));
        });
    });
    return parseExecCredential(stdout, exec, kubeconfigCertificate);
}
function parseExecCredential(stdout, exec, kubeconfigCertificate) {
    const unusable = (what) => new api_errors/* KubeApiError */.W3(`Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${exec.command}\` printed ${what}.`, undefined, 'ExecPlugin', undefined);
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch {
        // JSON.parse's message quotes the text, which holds the token: never pass it on, nor any of the output.
        throw unusable('something that is not JSON');
    }
    const status = isRecord(parsed) ? parsed.status : undefined;
    if (!isRecord(parsed) || parsed.kind !== 'ExecCredential' || !isRecord(status)) {
        throw unusable('JSON without a credential status (kind and status expected)');
    }
    const { token, clientCertificateData, clientKeyData, expirationTimestamp } = status;
    const credentials = { clientCertificate: kubeconfigCertificate };
    if (typeof token === 'string' && token !== '') {
        (0,masking/* maskValue */.QS)(token);
        credentials.authorization = `Bearer ${token}`;
    }
    if (typeof clientCertificateData === 'string' && typeof clientKeyData === 'string' && clientKeyData !== '') {
        (0,masking/* maskValue */.QS)(clientKeyData);
        credentials.clientCertificate = { cert: clientCertificateData, key: clientKeyData };
    }
    if (!credentials.authorization && credentials.clientCertificate === kubeconfigCertificate) {
        throw unusable('a credential status with neither a token nor a client certificate and key');
    }
    const expiresAt = typeof expirationTimestamp === 'string' ? Date.parse(expirationTimestamp) : Number.NaN;
    return { credentials, expiresAt: Number.isFinite(expiresAt) ? expiresAt : Number.POSITIVE_INFINITY };
}
// ---- legacy auth-provider plugins, through @kubernetes/client-node ----
/**
 * gcp, azure and oidc `auth-provider`s (deprecated since Kubernetes 1.22, still in old kubeconfigs) are left
 * to client-node, loaded only here: it refreshes their tokens and computes the Authorization header. The
 * TLS trust stays the endpoint's; only the header and a client certificate, if any, are taken.
 */
function clientNodeFallback(document, contextName) {
    let loading;
    const load = async () => {
        const { KubeConfig } = await __webpack_require__.e(/* import() */ 94).then(__webpack_require__.bind(__webpack_require__, 94));
        const config = new KubeConfig();
        config.loadFromString(JSON.stringify(document)); // JSON is YAML: no need for a YAML writer
        config.setCurrentContext(contextName);
        return config;
    };
    let lastToken;
    const compute = async () => {
        const config = await (loading ??= load());
        const options = { headers: {} };
        await config.applyToHTTPSOptions(options);
        const authorization = options.headers.Authorization;
        const { cert, key } = options;
        if (typeof authorization === 'string' && authorization !== lastToken) {
            // A refreshed token (gcp/azure `cmd-path`, an oidc refresh) was never in the kubeconfig input's masks.
            lastToken = authorization;
            (0,masking/* maskValue */.QS)(authorization.replace(/^Bearer /, ''));
        }
        return {
            authorization: typeof authorization === 'string' ? authorization : undefined,
            clientCertificate: isPem(cert) && isPem(key) ? { cert, key } : undefined
        };
    };
    // Concurrent requests share one computation: an expired token is refreshed once, not once per request.
    let inFlight;
    return () => (inFlight ??= compute().finally(() => {
        inFlight = undefined;
    }));
}
function isPem(value) {
    return typeof value === 'string' || Buffer.isBuffer(value);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/kube/cluster.ts
var cluster = __webpack_require__(6771);
// EXTERNAL MODULE: ./src/kube/retry.ts
var retry = __webpack_require__(4963);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/apply/concurrency.ts
var concurrency = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/kube/transport.ts
// The HTTP(S) requests to the API server, on node:https with one keep-alive agent per run: the action
// needs a handful of JSON REST calls, and loading @kubernetes/client-node for them cost more than the calls.
//
// Failures keep the shapes api-errors.ts reads: a non-2xx answer throws an HttpStatusError shaped like
// client-node's ApiException ({code, body, headers}); a network or TLS failure is node's own error with its
// `code` (ECONNREFUSED, ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…); a timeout is the signal's TimeoutError.
// No error message or header here ever holds a request body, a response body or a credential.



/** Sent with every request, so the API server's audit log shows who wrote. */
const USER_AGENT = 'k8s-image-pull-secret-action';
/** Enough for everything apply/concurrency.ts lets run at once, without queueing for a socket. */
const MAX_SOCKETS = concurrency/* NAMESPACE_CONCURRENCY */.mo * concurrency/* SERVICE_ACCOUNT_CONCURRENCY */.Yv;
/** A non-2xx answer: the fields of client-node's ApiException, which api-errors.ts reads. */
class HttpStatusError extends Error {
    code;
    body;
    headers;
    constructor(code, 
    /** The raw response body (a Kubernetes Status JSON, usually). Never put into a message. */
    body, 
    /** Response headers, names in lower case. */
    headers) {
        super(`HTTP ${code}`);
        this.code = code;
        this.body = body;
        this.headers = headers;
        this.name = 'HttpStatusError';
    }
}
/** A 2xx answer whose body is not JSON. The message does not quote it (JSON.parse's would). */
class InvalidResponseError extends Error {
    constructor(status) {
        super(`the API server answered ${status} with a body that is not JSON`);
        this.name = 'InvalidResponseError';
    }
}
class HttpTransport {
    endpoint;
    credentials;
    agent;
    secure;
    /** The server URL's path without its trailing slash ('' for most servers). */
    basePath;
    constructor(endpoint, credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.secure = endpoint.url.protocol === 'https:';
        const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS };
        this.agent = this.secure ? new external_node_https_.Agent(agentOptions) : new external_node_http_.Agent(agentOptions);
        this.basePath = endpoint.url.pathname.replace(/\/+$/, '');
    }
    async request(request) {
        const { authorization, clientCertificate } = await this.credentials();
        const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
        const headers = { 'User-Agent': USER_AGENT, Accept: 'application/json' };
        if (authorization)
            headers.Authorization = authorization;
        if (payload) {
            headers['Content-Type'] = request.contentType ?? 'application/json';
            headers['Content-Length'] = payload.length;
        }
        const { url } = this.endpoint;
        const options = {
            method: request.method,
            // URL.hostname keeps an IPv6 address in brackets; the socket wants it bare.
            hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: url.port || (this.secure ? 443 : 80),
            path: this.basePath + request.path + queryString(request.query),
            headers,
            agent: this.agent
        };
        if (this.secure) {
            // The agent pools connections per distinct TLS options, so a certificate an exec plugin renews gets
            // its own connections while every other request shares them.
            options.ca = this.endpoint.ca;
            options.rejectUnauthorized = this.endpoint.rejectUnauthorized;
            if (this.endpoint.serverName)
                options.servername = this.endpoint.serverName;
            if (clientCertificate) {
                options.cert = clientCertificate.cert;
                options.key = clientCertificate.key;
            }
        }
        return send(this.secure ? external_node_https_ : external_node_http_, options, payload, AbortSignal.timeout(request.timeoutMs));
    }
    /** Closes the idle keep-alive connections (tests; a run's process simply exits). */
    close() {
        this.agent.destroy();
    }
}
function queryString(query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {}))
        if (value !== undefined)
            params.append(key, value);
    const text = params.toString();
    return text ? `?${text}` : '';
}
function send(module, options, payload, signal) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            outcome();
        };
        const fail = (error) => {
            settle(() => {
                reject(error);
            });
        };
        const request = module.request(options, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            // A connection closed mid-body: node's ECONNRESET `aborted`, which the retry loop knows.
            response.on('error', fail);
            response.on('end', () => {
                const status = response.statusCode ?? 0;
                const text = Buffer.concat(chunks).toString('utf8');
                if (status < 200 || status >= 300) {
                    fail(new HttpStatusError(status, text, flatHeaders(response.headers)));
                    return;
                }
                if (text === '') {
                    settle(() => {
                        resolve(undefined);
                    });
                    return;
                }
                let parsed;
                try {
                    parsed = JSON.parse(text);
                }
                catch {
                    fail(new InvalidResponseError(status));
                    return;
                }
                settle(() => {
                    resolve(parsed);
                });
            });
        });
        // The signal's own TimeoutError is what the retry loop and api-errors.ts recognise (as with fetch);
        // destroying the request also ends a response that stalls mid-body.
        const onAbort = () => {
            fail(signal.reason);
            request.destroy();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        request.on('error', fail);
        request.end(payload);
    });
}
function flatHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

;// CONCATENATED MODULE: ./src/kube/kubernetes-cluster.ts
// The Cluster implementation on the action's own transport: every call gets the same per-attempt timeout,
// retries on transient failures, a debug line (status codes only) and one worded error. The Kubernetes
// types come from @kubernetes/client-node as types only: nothing of it is loaded at run time.





/** How long a restarted kube-apiserver's authorizer may lag behind its listener, and how often to ask again. */
const RBAC_SYNC_WINDOW_MS = 10_000;
const RBAC_SYNC_RETRY_MS = 500;
/** The core/v1 REST calls the action makes. Created by kube/client.ts. */
class KubernetesCluster {
    transport;
    settings;
    retryPolicy;
    clock;
    /** Whether the API server has answered any request of this step (any HTTP status). */
    serverAnswered = false;
    constructor(transport, settings) {
        this.transport = transport;
        this.settings = settings;
        this.retryPolicy = settings.retryPolicy ?? retry/* DEFAULT_RETRY_POLICY */.cO;
        this.clock = settings.clock ?? retry/* SYSTEM_CLOCK */.Vc;
    }
    async readSecret(namespace, name) {
        return this.orUndefinedWhenMissing(this.call({ verb: 'get', resource: 'secrets', namespace, name }, { method: 'GET', path: secretPath(namespace, name) }));
    }
    async applySecret(namespace, secret, { dryRun }) {
        const name = secret.metadata?.name ?? '';
        // Server-side apply takes YAML, and JSON is YAML: the body is sent as JSON under the apply content type.
        return this.call({ verb: 'patch', resource: 'secrets', namespace, name }, {
            method: 'PATCH',
            path: secretPath(namespace, name),
            query: { dryRun: dryRunParam(dryRun), fieldManager: cluster/* FIELD_MANAGER */.v, force: 'true' },
            body: secret,
            contentType: 'application/apply-patch+yaml'
        });
    }
    async deleteSecret(namespace, name, { dryRun }) {
        // Already gone is as good as deleted: also when a retried DELETE finds its first attempt succeeded.
        await this.orUndefinedWhenMissing(this.call({ verb: 'delete', resource: 'secrets', namespace, name }, { method: 'DELETE', path: secretPath(namespace, name), query: { dryRun: dryRunParam(dryRun) } }));
    }
    async readServiceAccount(namespace, name) {
        return this.orUndefinedWhenMissing(this.call({ verb: 'get', resource: 'serviceaccounts', namespace, name }, { method: 'GET', path: serviceAccountPath(namespace, name) }));
    }
    async listServiceAccounts(namespace) {
        const list = await this.call({ verb: 'list', resource: 'serviceaccounts', namespace }, { method: 'GET', path: serviceAccountPath(namespace) });
        return list.items;
    }
    async replaceServiceAccount(namespace, serviceAccount, { dryRun }) {
        const name = serviceAccount.metadata?.name ?? '';
        return this.call({ verb: 'update', resource: 'serviceaccounts', namespace, name }, {
            method: 'PUT',
            path: serviceAccountPath(namespace, name),
            query: { dryRun: dryRunParam(dryRun), fieldManager: cluster/* FIELD_MANAGER */.v },
            body: serviceAccount
        });
    }
    async createNamespace(name, { dryRun }) {
        const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
        try {
            await this.call({ verb: 'create', resource: 'namespaces', name }, {
                method: 'POST',
                path: '/api/v1/namespaces',
                query: { dryRun: dryRunParam(dryRun), fieldManager: cluster/* FIELD_MANAGER */.v },
                body
            });
            return 'created';
        }
        catch (error) {
            if (error instanceof api_errors/* KubeApiError */.W3 && error.status === 409 && error.reason === 'AlreadyExists') {
                // After an attempt that got no answer, the namespace is most likely the one that attempt created.
                return error.afterUnansweredAttempt ? 'created' : 'exists';
            }
            throw error;
        }
    }
    async listNamespaceNames(labelSelector) {
        const list = await this.call({ verb: 'list', resource: 'namespaces' }, { method: 'GET', path: '/api/v1/namespaces', query: { labelSelector: labelSelector || undefined } });
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
    async call(operation, request) {
        const label = `${operation.verb} ${operation.resource}${operation.name ? `/${operation.name}` : ''}${operation.namespace ? ` -n ${operation.namespace}` : ''}`;
        const attempt = { ...request, timeoutMs: this.settings.requestTimeoutMs };
        const state = { unanswered: false };
        try {
            const result = await (0,retry/* withRetry */.bD)(async () => {
                const answer = await this.transport.request(attempt);
                this.serverAnswered = true;
                return answer;
            }, (error) => this.verdictFor(error, state), (error, attemptNumber, delayMs) => {
                if (!(error instanceof HttpStatusError))
                    state.unanswered = true;
                core/* debug */.Yz(`${label}: attempt ${attemptNumber} failed (${briefFailure(error)}); retrying in ${delayMs} ms`);
            }, this.retryPolicy, this.clock);
            core/* debug */.Yz(`${label}: ok`);
            return result;
        }
        catch (error) {
            core/* debug */.Yz(`${label}: failed (${briefFailure(error)})`);
            const failure = (0,api_errors/* toKubeApiError */.Vp)(error, operation, this.settings);
            failure.afterUnansweredAttempt = state.unanswered;
            throw failure;
        }
    }
    /** classifyForRetry, and what a kube-apiserver restart in the middle of the step looks like. */
    verdictFor(error, state) {
        const verdict = (0,api_errors/* classifyForRetry */.gZ)(error);
        const answered = error instanceof HttpStatusError;
        if (answered)
            this.serverAnswered = true;
        // A server that answered earlier in this step and now refuses connections is restarting (an upgrade, a
        // crash-looping kube-apiserver: ~20 s): ride it out for the whole time budget, not just 6 attempts.
        if (!answered && this.serverAnswered && briefFailure(error) === 'ECONNREFUSED')
            return { ...verdict, untilBudget: true };
        // Just after start-up kube-apiserver serves requests before its RBAC cache has synced, and refuses what it
        // allows a moment later: after an unanswered attempt, a 403 is tried again for a few seconds.
        if (answered && error.code === 403 && state.unanswered) {
            state.firstForbiddenAt ??= this.clock.now();
            if (this.clock.now() - state.firstForbiddenAt < RBAC_SYNC_WINDOW_MS)
                return { retryable: true, retryAfterMs: RBAC_SYNC_RETRY_MS, untilBudget: true };
        }
        return verdict;
    }
}
function secretPath(namespace, name) {
    return `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`;
}
function serviceAccountPath(namespace, name) {
    const collection = `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts`;
    return name === undefined ? collection : `${collection}/${encodeURIComponent(name)}`;
}
function dryRunParam(dryRun) {
    return dryRun ? 'All' : undefined;
}
/** Status code or error code only: never an exception message, which may quote a response. */
function briefFailure(error) {
    const { code, name } = (error ?? {});
    // An HTTP status (HttpStatusError); a DOMException's legacy numeric code (TimeoutError: 23) is not.
    if (typeof code === 'number' && code >= 100)
        return `HTTP ${code}`;
    // node's network and TLS errors carry their code themselves (ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…).
    if (typeof code === 'string')
        return code;
    const cause = error?.cause?.code;
    if (typeof cause === 'string')
        return cause;
    return typeof name === 'string' ? name : 'error';
}

;// CONCATENATED MODULE: ./src/kube/client.ts




/** Per-attempt deadline of every API request; retries get a fresh one. */
const REQUEST_TIMEOUT_MS = 10_000;
function connect(kubeconfig) {
    return new KubernetesCluster(transportFor(kubeconfig), {
        server: kubeconfig.server,
        contextName: kubeconfig.contextName,
        requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
}
/** The transport alone, for a KubernetesCluster with other settings (tests use a short timeout). */
function transportFor(kubeconfig) {
    return new HttpTransport(endpointOf(kubeconfig), credentialsOf(kubeconfig));
}


/***/ }),

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
const FIELD_MANAGER = 'k8s-image-pull-secret-action';


/***/ })

};

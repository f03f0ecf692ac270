export const id = 274;
export const ids = [274];
export const modules = {

/***/ 1274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// UNUSED EXPORTS: REQUEST_TIMEOUT_MS, transportFor

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/kube/kubeconfig.ts
var kube_kubeconfig = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/kube/auth-provider.ts
// The legacy `auth-provider` users (deprecated since Kubernetes 1.22, still in old kubeconfigs), as
// kubectl 1.36 treats them, without any Kubernetes client library:
// - `gcp` and `azure`: kubectl no longer has them and fails with the message of client-go's stubs
//   (plugin/pkg/client/auth/gcp/gcp_stub.go, azure/azure_stub.go); so does the action, on one line;
// - `oidc` (plugin/pkg/client/auth/oidc/oidc.go): idp-issuer-url and client-id are required; an id-token
//   that is a JWT whose `exp` is more than 10 s away (expiryDelta) is sent as `Bearer <id-token>`. kubectl
//   refreshes an expired or absent one with the refresh-token at the issuer; the action does not (it would
//   have to write the new tokens back into a kubeconfig that is gone when the job ends) and says which exec
//   plugin to use instead;
// - any other name: "no Auth Provider found for name …" (rest/plugin.go GetAuthProvider).
// Nothing here puts a token into a message.



/** oidc.go expiryDelta: a token this close to its expiry counts as expired. */
const OIDC_EXPIRY_DELTA_MS = 10_000;
/**
 * Checks the user's auth-provider as client-go does when it builds the transport, which it does even when
 * a token or basic auth will be sent instead: gcp, azure, an unknown name or an oidc entry without issuer
 * or client id fail. Returns the Authorization header source when the provider is the one that
 * authenticates (`used`), else undefined.
 */
function authProviderBearer(provider, where, used, now = Date.now) {
    const name = typeof provider.name === 'string' ? provider.name : '';
    const config = {};
    if ((0,kube_kubeconfig/* isRecord */.u4)(provider.config)) {
        for (const [key, value] of Object.entries(provider.config))
            if (typeof value === 'string')
                config[key] = value;
    }
    switch (name) {
        case 'gcp':
            throw new errors/* InputError */.dz('kubeconfig', `${where} uses the gcp auth-provider, and kubectl 1.36 says: the gcp auth plugin has been removed; please use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead (see https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details; to install it: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin).`);
        case 'azure':
            throw new errors/* InputError */.dz('kubeconfig', `${where} uses the azure auth-provider, and kubectl 1.36 says: the azure auth plugin has been removed; please use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead (see https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details).`);
        case 'oidc':
            return oidcBearer(config, where, used, now);
        default:
            throw new errors/* InputError */.dz('kubeconfig', `${where} uses the auth-provider "${name}", and kubectl 1.36 fails the same way ("no Auth Provider found for name"); use an exec credential plugin instead.`);
    }
}
const OIDC_INSTEAD = 'switch the user to an exec credential plugin that logs in without a prompt, such as kubelogin (`kubectl oidc-login get-token`, https://github.com/int128/kubelogin), or give the action a kubeconfig with a current id-token';
function oidcBearer(config, where, used, now) {
    // newOIDCAuthProvider: "Must provide idp-issuer-url" / "Must provide client-id".
    for (const key of ['idp-issuer-url', 'client-id']) {
        if (!config[key]) {
            throw new errors/* InputError */.dz('kubeconfig', `${where} uses the oidc auth-provider without \`${key}\`, which kubectl refuses too; add it, or ${OIDC_INSTEAD}.`);
        }
    }
    // The refresh-token and client-secret are never used here, but they are credentials all the same.
    for (const key of ['id-token', 'refresh-token', 'client-secret'])
        if (config[key])
            (0,kube_kubeconfig/* maskCredential */.kV)(config[key]);
    if (!used)
        return undefined;
    const idToken = config['id-token'] ?? '';
    const check = () => {
        if (idToken === '')
            return 'has no id-token, and the action does not log in or refresh tokens';
        const expiry = jwtExpiry(idToken);
        if (expiry === 'invalid')
            return 'has an id-token that is not a valid JWT (kubectl refuses it too)';
        // oidc.go idTokenExpired: valid while now + expiryDelta is before exp; a missing exp counts as expired.
        if (expiry === undefined)
            return 'has an id-token without an expiry, which kubectl treats as expired';
        if (now() + OIDC_EXPIRY_DELTA_MS < expiry)
            return undefined;
        return `has an id-token that expired at ${new Date(expiry).toISOString()} (kubectl would refresh it with the refresh-token; the action does not)`;
    };
    const problem = check();
    if (problem)
        throw new errors/* InputError */.dz('kubeconfig', `${where}: the oidc auth-provider ${problem}; ${OIDC_INSTEAD}.`);
    return () => {
        const expired = check();
        if (expired) {
            throw new api_errors/* KubeApiError */.W3(`Cannot authenticate to the Kubernetes API server: ${where}: the oidc auth-provider ${expired}; ${OIDC_INSTEAD}.`, undefined, 'AuthProvider', undefined);
        }
        return `Bearer ${idToken}`;
    };
}
/**
 * The `exp` claim of a JWT in epoch ms as oidc.go idTokenExpired reads it: three dot-separated parts, the
 * payload unpadded base64url JSON, `exp` a number (or a string holding one: Go's json.Number takes both),
 * truncated to whole seconds. 'invalid' where client-go returns an error; undefined for no `exp`.
 */
function jwtExpiry(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return 'invalid';
    const payload = parts[1];
    // base64.RawURLEncoding: no padding, no characters outside the URL-safe alphabet.
    if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1)
        return 'invalid';
    let claims;
    try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        return 'invalid';
    }
    if (!(0,kube_kubeconfig/* isRecord */.u4)(claims))
        return 'invalid';
    // encoding/json matches a key to the `exp` tag case-insensitively, and the last match wins.
    const keys = Object.keys(claims).filter((key) => key.toLowerCase() === 'exp');
    if (keys.length === 0)
        return undefined;
    const exp = claims[keys[keys.length - 1]];
    const number = typeof exp === 'number' ? exp : typeof exp === 'string' && isJsonNumber(exp) ? Number(exp) : NaN;
    if (!Number.isFinite(number))
        return 'invalid';
    return Math.trunc(number) * 1000;
}
function isJsonNumber(text) {
    return /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text);
}

;// CONCATENATED MODULE: ./src/kube/endpoint.ts
// Where the API server is and how to trust it: the server URL, TLS settings and proxy of the kubeconfig's
// current cluster (or of the in-cluster service account), read once per run. The user's credentials are
// credentials.ts's job; this module only says which server certificate to accept and which way to go.
//
// The rules are client-go's (tools/clientcmd/client_config.go getServerIdentificationPartialConfig,
// validation.go validateClusterInfo, transport/transport.go TLSConfigFor):
// - certificate-authority-data and certificate-authority together are refused (validateClusterInfo), and a
//   certificate-authority file must be readable, whatever the server's scheme;
// - for an https:// server, insecure-skip-tls-verify together with a CA is refused (TLSConfigFor: "specifying
//   a root certificates file with the insecure flag is not allowed"), and a CA must hold at least one PEM
//   certificate (rootCertPool); for http:// client-go applies no TLS setting at all;
// - proxy-url must be an http, https or socks5 URL (helpers.go parseProxyURL).



/** The schemes client-go accepts in `proxy-url` (WHATWG URL lower-cases the scheme, as Go's url.Parse does). */
const PROXY_SCHEMES = ['http:', 'https:', 'socks5:'];
/** The cluster entry the resolved context names (kubeconfig.ts has checked that it exists). */
function clusterEntryOf(resolved) {
    return resolved.cluster;
}
function endpointOf(resolved) {
    if (resolved.origin === 'in-cluster') {
        const caFile = (0,external_node_path_.join)(resolved.inClusterPathPrefix ?? '', kube_kubeconfig/* IN_CLUSTER_ROOT */.C0, 'ca.crt');
        return {
            url: new URL(resolved.server),
            ca: readCaFile(caFile, 'the in-cluster service account'),
            rejectUnauthorized: true
        };
    }
    const entry = clusterEntryOf(resolved);
    if (!entry)
        throw new errors/* InputError */.dz('kubeconfig', `context "${resolved.contextName}" names no cluster.`);
    const cluster = entry.body;
    const where = `cluster "${entry.name}" in ${entry.source}`;
    const url = new URL(resolved.server);
    const proxyUrl = proxyUrlOf(cluster['proxy-url'], where);
    const caData = nonEmpty(cluster['certificate-authority-data']);
    const caFile = nonEmpty(cluster['certificate-authority']);
    if (caData && caFile) {
        throw new errors/* InputError */.dz('kubeconfig', `${where} sets both certificate-authority-data and certificate-authority, which kubectl refuses too; keep one.`);
    }
    const ca = caData ? Buffer.from(caData, 'base64') : caFile ? readCaFile(caFile, where) : undefined;
    const insecure = cluster['insecure-skip-tls-verify'] === true;
    const endpoint = {
        url,
        ca,
        rejectUnauthorized: !insecure,
        serverName: nonEmpty(cluster['tls-server-name']),
        proxyUrl
    };
    // client-go merges the TLS settings only for an https:// server (client_config.go, under
    // IsConfigTransportTLS): for http:// they mean nothing, and neither check below applies.
    if (url.protocol !== 'https:')
        return endpoint;
    if (ca && insecure) {
        throw new errors/* InputError */.dz('kubeconfig', `${where} sets insecure-skip-tls-verify together with a certificate authority, which kubectl refuses too ("specifying a root certificates file with the insecure flag is not allowed"); remove one of them.`);
    }
    if (ca && (0,kube_kubeconfig/* pemCertificates */.xC)(ca).length === 0) {
        throw new errors/* InputError */.dz('kubeconfig', `${where}: its certificate authority (${caData ? 'certificate-authority-data' : caFile}) holds no PEM certificate, which kubectl refuses too; set the cluster's CA certificate.`);
    }
    return endpoint;
}
/** `proxy-url` as client-go reads it: http, https or socks5. Its password is masked and never printed. */
function proxyUrlOf(value, where) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        // Not quoted: it may carry a password.
        throw new errors/* InputError */.dz('kubeconfig', `${where} has a proxy-url that is not a valid URL.`);
    }
    for (const form of (0,kube_kubeconfig/* urlPasswordForms */.Cj)(url))
        (0,kube_kubeconfig/* maskCredential */.kV)(form);
    if (!PROXY_SCHEMES.includes(url.protocol)) {
        throw new errors/* InputError */.dz('kubeconfig', `${where} has a proxy-url with the scheme "${url.protocol.replace(/:$/, '')}", which kubectl does not accept either; use an http://, https:// or socks5:// proxy.`);
    }
    return url;
}
function nonEmpty(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function readCaFile(path, where) {
    return (0,kube_kubeconfig/* readNamedFile */.wh)(path, `${where} names the certificate authority file`);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/kube/exec-plugin.ts
// exec credential plugins (`aws eks get-token`, gke-gcloud-auth-plugin, kubelogin, doctl, tsh…), run as
// client-go v0.36 runs them (plugin/pkg/client/auth/exec/exec.go):
// - the kubeconfig's `exec` is checked as validation.go validateAuthInfo and exec.go newAuthenticator check
//   it: command and apiVersion required, apiVersion v1 or v1beta1, env names non-empty, interactiveMode
//   required for v1 (v1beta1 defaults it to IfAvailable: api/v1/defaults.go);
// - never interactive: the runner has no terminal, so `Always` is refused (exec.go isInteractive fails
//   with "standard input is not a terminal") and IfAvailable/Never run with stdin closed and
//   KUBERNETES_EXEC_INFO saying `interactive: false`; `spec.cluster` only with provideClusterInfo;
// - the plugin's credential is reused until its expirationTimestamp has passed (credsExpired), and after a
//   401 the plugin runs again once when the rejected credential is still the current one
//   (maybeRefreshCreds);
// - its output must be an ExecCredential of the apiVersion asked for, with a token or a certificate and key
//   that form a pair (refreshCredsLocked).
// Differences, on purpose: the plugin's environment is the action's without INPUT_* (the action's inputs,
// registry password included) and ACTIONS_RUNTIME_TOKEN (which the runner hands to actions, never to the
// `run:` steps where kubectl runs); its stderr is dropped rather than shown (plugins print tokens there);
// it is stopped after EXEC_PLUGIN_TIMEOUT_MS; a plugin that failed is not started again for every request.
//
// Nothing here puts a credential, or any of the plugin's output, into an error message or a log line.






const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
const INTERACTIVE_MODES = ['Never', 'IfAvailable', 'Always'];
/**
 * How long a plugin may take. `aws eks get-token` and gke-gcloud-auth-plugin answer in seconds; one that
 * waits for a login that can never happen here (stdin is closed) would otherwise hold the step until the
 * job's own timeout, since the request timeout only starts once the credentials are there.
 */
const EXEC_PLUGIN_TIMEOUT_MS = 60_000;
/** The kubeconfig's `exec`, checked as client-go checks it; `where` names the user and its source. */
function parseExecConfig(exec, where) {
    const refuse = (problem) => new errors/* InputError */.dz('kubeconfig', `${where}: ${problem}`);
    const text = (key) => (typeof exec[key] === 'string' ? exec[key] : '');
    const apiVersion = text('apiVersion');
    const command = text('command');
    if (command === '')
        throw refuse('`exec` has no command, which kubectl refuses too; set `exec.command`.');
    if (apiVersion === '') {
        throw refuse('`exec` has no apiVersion, which kubectl refuses too; set `exec.apiVersion: client.authentication.k8s.io/v1`.');
    }
    const env = (Array.isArray(exec.env) ? exec.env : []).map((entry) => {
        const name = (0,kube_kubeconfig/* isRecord */.u4)(entry) && typeof entry.name === 'string' ? entry.name : '';
        const value = (0,kube_kubeconfig/* isRecord */.u4)(entry) && typeof entry.value === 'string' ? entry.value : '';
        if (name === '')
            throw refuse('an `exec.env` entry has no name, which kubectl refuses too; name it or remove it.');
        return { name, value };
    });
    // api/v1/defaults.go: v1beta1 defaults to IfAvailable; v1 must say.
    const interactiveMode = text('interactiveMode') || (apiVersion.endsWith('/v1beta1') ? 'IfAvailable' : '');
    if (interactiveMode === '') {
        throw refuse(`\`exec.interactiveMode\` is missing, which kubectl refuses with ${apiVersion}; set \`interactiveMode: Never\` (a CI runner has no terminal to prompt on).`);
    }
    if (!INTERACTIVE_MODES.includes(interactiveMode)) {
        throw refuse(`\`exec.interactiveMode\` is "${interactiveMode}", which kubectl refuses too; use Never, IfAvailable or Always.`);
    }
    if (!EXEC_API_VERSIONS.includes(apiVersion)) {
        throw refuse(`the exec plugin's apiVersion must be one of ${EXEC_API_VERSIONS.join(', ')} (kubectl 1.36 accepts no other; v1alpha1 was removed).`);
    }
    const hint = oneLine(text('installHint'));
    return {
        apiVersion,
        command,
        args: Array.isArray(exec.args) ? exec.args : [],
        env,
        provideClusterInfo: exec.provideClusterInfo === true,
        interactiveMode: interactiveMode,
        installHint: hint === '' ? undefined : hint
    };
}
/**
 * A plugin that only runs with a terminal to prompt on cannot run here: client-go fails it with "standard
 * input is not a terminal" when it would run, the action before the first request.
 */
function assertNonInteractive(exec, where) {
    if (exec.interactiveMode !== 'Always')
        return;
    throw new errors/* InputError */.dz('kubeconfig', `${where}: the exec plugin has \`interactiveMode: Always\`, so it needs a terminal to prompt on, and a CI runner has none (kubectl fails the same way: "standard input is not a terminal"); use a plugin login that needs no prompt and set \`interactiveMode: Never\`.`);
}
/**
 * Runs the plugin once and shares the result among concurrent requests, until its expirationTimestamp
 * (client-go's rule). A failure is kept too: every namespace reports the same one line, and a broken plugin
 * is not started a hundred times. `cluster` is the ExecCredential's spec.cluster (provideClusterInfo).
 */
function execPluginSource(exec, cluster, options = {}) {
    const now = options.now ?? Date.now;
    const run = (renewal) => runExecPlugin(exec, cluster, options.env ?? process.env, options.timeoutMs ?? EXEC_PLUGIN_TIMEOUT_MS).then((held) => ({ ...held, renewal }));
    let current;
    let renewing;
    const get = async () => {
        const before = current;
        if (before) {
            const held = await before;
            // exec.go credsExpired: expired once now is after the expiry.
            if (now() <= held.expiresAt)
                return held.credentials;
            if (current === before)
                current = undefined;
        }
        current ??= run(false);
        return (await current).credentials;
    };
    const renewAfterUnauthorized = async (used) => {
        const before = current;
        if (!before)
            return false;
        let held;
        try {
            held = await before;
        }
        catch {
            return false;
        }
        if (current !== before)
            return true; // renewed meanwhile: send again with what get() now returns
        // A credential older than the current one was rejected: the current one has not been tried yet.
        if (!sameCredentials(used, held.credentials))
            return true;
        // The credential the plugin gave right after a 401 was rejected too: running it again would loop.
        if (held.renewal)
            return false;
        if (renewing?.from !== held) {
            const done = run(true).then((fresh) => {
                if (current === before)
                    current = Promise.resolve(fresh);
                return true;
            }, 
            // maybeRefreshCreds: a failed re-run keeps the credentials the plugin gave before.
            () => false);
            renewing = { from: held, done };
        }
        return renewing.done;
    };
    return { get, renewAfterUnauthorized };
}
/** The action's environment as the plugin gets it: no INPUT_* (issue 17), plus `exec.env` and the exec info. */
function pluginEnvironment(base, exec, execInfo) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (/^INPUT_/i.test(name) || name === 'ACTIONS_RUNTIME_TOKEN')
            continue;
        env[name] = value;
    }
    // exec.go: os.Environ(), then exec.env, then KUBERNETES_EXEC_INFO; for a name given twice the last wins.
    for (const { name, value } of exec.env)
        env[name] = value;
    env.KUBERNETES_EXEC_INFO = execInfo;
    return env;
}
async function runExecPlugin(exec, cluster, baseEnv, timeoutMs) {
    const spec = { interactive: false };
    if (exec.provideClusterInfo && cluster)
        spec.cluster = cluster;
    const execInfo = JSON.stringify({ kind: 'ExecCredential', apiVersion: exec.apiVersion, spec });
    const env = pluginEnvironment(baseEnv, exec, execInfo);
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
            // exec.go wrapCmdRunErrorLocked: the installHint goes with "executable … not found".
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
    return parseExecCredential(stdout, exec);
}
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
function parseExecCredential(stdout, exec) {
    const unusable = (what) => new api_errors/* KubeApiError */.W3(`Cannot authenticate to the Kubernetes API server: the kubeconfig's exec credential plugin \`${exec.command}\` printed ${what}.`, undefined, 'ExecPlugin', undefined);
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch {
        // client-go's decoder takes YAML too. Neither parser's message is passed on: both quote the text.
        try {
            parsed = (0,js_yaml/* load */.Hh)(stdout, { schema: js_yaml/* CORE_SCHEMA */.OU });
        }
        catch {
            parsed = undefined;
        }
    }
    if (!(0,kube_kubeconfig/* isRecord */.u4)(parsed))
        throw unusable('something that is not JSON');
    const status = parsed.status;
    // Mask before any check can fail: whatever the plugin printed as a credential is one.
    if ((0,kube_kubeconfig/* isRecord */.u4)(status)) {
        if (typeof status.token === 'string')
            (0,kube_kubeconfig/* maskCredential */.kV)(status.token);
        if (typeof status.clientKeyData === 'string')
            (0,masking/* maskValue */.QS)(status.clientKeyData);
    }
    if (parsed.kind !== 'ExecCredential')
        throw unusable('JSON that is not an ExecCredential (kind and status expected)');
    if (parsed.apiVersion !== exec.apiVersion) {
        // exec.go: "exec plugin is configured to use API version X, plugin returned version Y".
        const version = typeof parsed.apiVersion === 'string' && /^[\w./-]{1,100}$/.test(parsed.apiVersion)
            ? `apiVersion ${parsed.apiVersion}`
            : 'no usable apiVersion';
        throw unusable(`an ExecCredential with ${version}, while the kubeconfig asks for ${exec.apiVersion}`);
    }
    if (!(0,kube_kubeconfig/* isRecord */.u4)(status))
        throw unusable('JSON without a credential status (kind and status expected)');
    const text = (key) => (typeof status[key] === 'string' ? status[key] : '');
    const token = text('token');
    const cert = text('clientCertificateData');
    const key = text('clientKeyData');
    if (token === '' && cert === '' && key === '') {
        throw unusable('a credential status with neither a token nor a client certificate and key');
    }
    if ((cert === '') !== (key === ''))
        throw unusable('only a client certificate or only a key, not both');
    const credentials = {};
    if (token !== '')
        credentials.authorization = `Bearer ${token}`;
    if (cert !== '') {
        const problem = (0,kube_kubeconfig/* keyPairProblem */.BF)(cert, key);
        if (problem)
            throw unusable(`a client certificate and key that cannot be used: ${problem}`);
        credentials.clientCertificate = { cert, key };
    }
    const expiration = status.expirationTimestamp;
    let expiresAt = Number.POSITIVE_INFINITY;
    if (typeof expiration === 'string' && expiration !== '') {
        if (!RFC3339_RE.test(expiration))
            throw unusable('an expirationTimestamp that is not an RFC 3339 time');
        expiresAt = Date.parse(expiration);
    }
    else if (expiration !== undefined && expiration !== null && expiration !== '') {
        throw unusable('an expirationTimestamp that is not an RFC 3339 time');
    }
    return { credentials, expiresAt };
}
function sameCredentials(a, b) {
    if (a.authorization !== b.authorization)
        return false;
    const [x, y] = [a.clientCertificate, b.clientCertificate];
    if (!x || !y)
        return x === y;
    return Buffer.from(x.cert).equals(Buffer.from(y.cert)) && Buffer.from(x.key).equals(Buffer.from(y.key));
}
/** client_config.go cleanANSIEscapeCodes, and on one line: the hint goes into a one-line message. */
function oneLine(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
        .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim());
}

;// CONCATENATED MODULE: ./src/kube/credentials.ts
// What each request carries to prove who it is, from the kubeconfig's current user, decided as client-go
// v0.36 decides it (tools/clientcmd/client_config.go getUserIdentificationPartialConfig, validation.go
// validateAuthInfo, transport/round_trippers.go HTTPWrappersForConfig):
// - static credentials (here): a bearer token (`token`, `tokenFile`), Basic (`username`/`password`), a
//   client certificate and key;
// - an exec plugin (exec-plugin.ts), which client-go does not run when the user also has a token, a
//   username or a client certificate (exec.go UpdateTransportConfig returns early);
// - a legacy auth-provider (auth-provider.ts): oidc with a current id-token; gcp and azure refused as
//   kubectl refuses them.
// Deliberate difference: client-go applies no user credential at all to an http:// server
// (IsConfigTransportTLS), so kubectl silently goes anonymous; the action refuses instead, naming the server,
// since the credentials would otherwise travel in clear text (or, as kubectl does, silently not at all).
//
// Nothing here puts a credential, or a plugin's output, into an error message or a log line.










/** The AuthInfo fields of client-go's kubeconfig v1 (api/v1/types.go); kubectl ignores any other key. */
const AUTH_INFO_FIELDS = new Set([
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'token',
    'tokenFile',
    'as',
    'as-uid',
    'as-groups',
    'as-user-extra',
    'username',
    'password',
    'auth-provider',
    'exec',
    'extensions'
]);
/** Impersonation: acting without it would act as someone else, and the action does not send its headers. */
const IMPERSONATION_FIELDS = ['as', 'as-uid', 'as-groups', 'as-user-extra'];
/**
 * transport/token_source.go NewCachedFileTokenSource: a token file is read again once its last reading is
 * a minute old, less the 10 s leeway.
 */
const TOKEN_FILE_REREAD_MS = 50_000;
function credentialsOf(resolved, options = {}) {
    const now = options.now ?? Date.now;
    if (resolved.origin === 'in-cluster') {
        // client-go re-reads the projected token now and then; a step lasts far less than its hour-long life.
        const path = (0,external_node_path_.join)(resolved.inClusterPathPrefix ?? '', kube_kubeconfig/* IN_CLUSTER_ROOT */.C0, 'token');
        const token = (0,kube_kubeconfig/* readNamedFile */.wh)(path, 'the in-cluster service account names the token file').toString('utf8').trim();
        (0,kube_kubeconfig/* maskCredential */.kV)(token);
        return fixed({ authorization: `Bearer ${token}` });
    }
    const user = resolved.user ?? { name: '', body: {}, source: 'the kubeconfig' };
    const body = user.body;
    const where = `user "${user.name}" in ${user.source}`;
    const refuse = (problem) => new errors/* InputError */.dz('kubeconfig', `${where} ${problem}`);
    const impersonation = IMPERSONATION_FIELDS.filter((key) => isSet(body[key]));
    if (impersonation.length > 0) {
        throw refuse(`uses ${impersonation.map((key) => `\`${key}\``).join(', ')} (impersonation), which the action does not support; use a kubeconfig user that is the identity itself.`);
    }
    const unknown = Object.keys(body).filter((key) => !AUTH_INFO_FIELDS.has(key));
    if (unknown.length > 0) {
        core/* warning */.$e(`The kubeconfig's ${where} has ${unknown.map((key) => `\`${key}\``).join(', ')}, which kubectl does not know and ignores; so does the action${unknown.includes('token-file') ? ' (kubectl reads a token file from `tokenFile`)' : ''}.`);
    }
    const token = credentials_text(body.token);
    const tokenFile = credentials_text(body.tokenFile);
    const username = credentials_text(body.username);
    const password = credentials_text(body.password);
    const certificateGiven = credentials_text(body['client-certificate']) !== '' || credentials_text(body['client-certificate-data']) !== '';
    // validation.go validateAuthInfo, in its order.
    if (token !== '' && (username !== '' || password !== '')) {
        throw refuse('has both a token and a username/password, which kubectl refuses too ("more than one authentication method found"); keep one.');
    }
    if (certificateGiven)
        checkCertificateFields(body, refuse);
    const exec = (0,kube_kubeconfig/* isRecord */.u4)(body.exec) ? parseExecConfig(body.exec, where) : undefined;
    const provider = (0,kube_kubeconfig/* isRecord */.u4)(body['auth-provider']) ? body['auth-provider'] : undefined;
    if (exec && provider) {
        throw refuse('has both `exec` and `auth-provider`, which kubectl refuses too; keep the exec plugin.');
    }
    // round_trippers.go HTTPWrappersForConfig: "username/password or bearer token may be set, but not both".
    if (tokenFile !== '' && username !== '') {
        throw refuse('has both a tokenFile and a username, which kubectl refuses too ("username/password or bearer token may be set, but not both"); keep one.');
    }
    const hasToken = token !== '' || tokenFile !== '';
    // transport.Config.HasBasicAuth: a password without a username sends nothing.
    const hasBasic = username !== '';
    const sendsCredentials = hasToken || hasBasic || certificateGiven || exec !== undefined || provider !== undefined;
    if (new URL(resolved.server).protocol !== 'https:') {
        if (!sendsCredentials)
            return fixed({}); // anonymous, as kubectl
        const cluster = resolved.cluster ?? { name: '', source: user.source };
        const whose = cluster.source === user.source ? `user "${user.name}"` : where;
        throw new errors/* InputError */.dz('kubeconfig', `cluster "${cluster.name}" in ${cluster.source} has the plain-HTTP server ${(0,kube_kubeconfig/* displayUrl */.Qy)(resolved.server)}, so the credentials of ${whose} would travel in clear text (kubectl silently sends none there); use the cluster's https:// address.`);
    }
    if (!sendsCredentials) {
        // client_config.go: a user client-go cannot identify (canIdentifyUser) makes kubectl prompt for a
        // username and password on stdin; a runner has nobody to answer, so kubectl fails there ("EOF").
        throw new errors/* InputError */.dz('kubeconfig', `${user.name ? where : `context "${resolved.contextName}" in ${user.source} names no user and so`} has no credential kubectl can use (a token, tokenFile, client certificate with its key, username, exec plugin or auth-provider), so kubectl would prompt for a username and password, which nobody can answer on a CI runner; add the user's credentials to the kubeconfig.`);
    }
    const clientCertificate = certificateGiven ? clientCertificateOf(body, where, refuse) : undefined;
    if (exec && !hasToken && !hasBasic && !clientCertificate) {
        assertNonInteractive(exec, where);
        return execPluginSource(exec, exec.provideClusterInfo ? clusterInfo(resolved) : undefined, { ...options, now });
    }
    // client-go builds the auth-provider (and fails for gcp, azure…) even when a token or basic auth is sent
    // in its place: the token and Basic round trippers set the header first and the provider leaves it.
    const bearer = provider ? authProviderBearer(provider, where, !hasToken && !hasBasic, now) : undefined;
    if (token !== '')
        (0,kube_kubeconfig/* maskCredential */.kV)(token);
    if (tokenFile !== '')
        return tokenFileSource(tokenFile, token, where, clientCertificate, now);
    if (token !== '')
        return fixed({ authorization: `Bearer ${token}`, clientCertificate });
    if (hasBasic) {
        const encoded = Buffer.from(`${username}:${password}`).toString('base64');
        (0,masking/* maskValue */.QS)(password);
        (0,masking/* maskValue */.QS)(encoded);
        return fixed({ authorization: `Basic ${encoded}`, clientCertificate });
    }
    if (bearer) {
        return {
            get: () => new Promise((resolve) => {
                resolve({ authorization: bearer(), clientCertificate }); // a throw here rejects
            }),
            renewAfterUnauthorized: () => Promise.resolve(false)
        };
    }
    // A client certificate alone (or next to an auth-provider that a token or basic auth stands in for).
    return fixed({ clientCertificate });
}
function fixed(credentials) {
    const ready = Promise.resolve(credentials);
    return { get: () => ready, renewAfterUnauthorized: () => Promise.resolve(false) };
}
/**
 * `tokenFile`, as client-go reads it (client_config.go, round_trippers.go NewBearerAuthWithRefreshRoundTripper,
 * token_source.go): trimmed, read again every TOKEN_FILE_REREAD_MS, the last good token kept when a later
 * reading fails. Alone, a file that cannot be read, or is empty, is an error; next to a `token`, the token is
 * sent whenever the file gives none.
 */
function tokenFileSource(path, token, where, clientCertificate, now) {
    const read = () => {
        try {
            const content = (0,files/* readRegularFile */.XF)(path, kube_kubeconfig/* MAX_NAMED_FILE_BYTES */.ku).toString('utf8').trim();
            return content === '' ? { code: 'empty' } : { token: content };
        }
        catch (error) {
            if (!(error instanceof files/* FileProblem */.kc))
                throw error;
            return { code: error.reason };
        }
    };
    const first = read();
    if ('code' in first && token === '') {
        throw new errors/* InputError */.dz('kubeconfig', first.code === 'empty'
            ? `${where} names the token file ${path}, which is empty.`
            : `${where} names the token file ${path}, which cannot be read (${first.code}).`);
    }
    let credentials = { authorization: `Bearer ${token}`, clientCertificate };
    let fromFile = '';
    const take = (reading) => {
        if (!('token' in reading) || reading.token === fromFile)
            return;
        fromFile = reading.token;
        (0,kube_kubeconfig/* maskCredential */.kV)(fromFile);
        credentials = { authorization: `Bearer ${fromFile}`, clientCertificate };
    };
    take(first);
    let readAt = now();
    return {
        get: () => {
            if (now() - readAt >= TOKEN_FILE_REREAD_MS) {
                readAt = now();
                take(read());
            }
            return Promise.resolve(credentials);
        },
        renewAfterUnauthorized: () => Promise.resolve(false)
    };
}
/** validation.go: both forms of the certificate, or of the key, are refused, and so is a certificate alone. */
function checkCertificateFields(body, refuse) {
    if (credentials_text(body['client-certificate']) !== '' && credentials_text(body['client-certificate-data']) !== '') {
        throw refuse('sets both client-certificate-data and client-certificate, which kubectl refuses too; keep one.');
    }
    const keyFile = credentials_text(body['client-key']);
    const keyData = credentials_text(body['client-key-data']);
    if (keyFile !== '' && keyData !== '') {
        throw refuse('sets both client-key-data and client-key, which kubectl refuses too; keep one.');
    }
    if (keyFile === '' && keyData === '') {
        throw refuse('has a client certificate but no key; add client-key-data (or client-key).');
    }
}
/**
 * The certificate and key, from `-data` (base64 PEM) or the file, checked as tls.X509KeyPair checks them
 * (EC, RSA and PKCS #8 keys). A key without a certificate is ignored, as client-go ignores it.
 */
function clientCertificateOf(body, where, refuse) {
    const pem = (name) => {
        const data = credentials_text(body[`${name}-data`]);
        if (data !== '')
            return Buffer.from(data, 'base64');
        return (0,kube_kubeconfig/* readNamedFile */.wh)(credentials_text(body[name]), `${where} names the ${name} file`);
    };
    const cert = pem('client-certificate');
    const key = pem('client-key');
    (0,masking/* maskValue */.QS)(key.toString('utf8'));
    const problem = (0,kube_kubeconfig/* keyPairProblem */.BF)(cert, key);
    if (problem)
        throw refuse(`has a client certificate and key that kubectl cannot use either: ${problem}.`);
    return { cert, key };
}
/**
 * The ExecCredential's spec.cluster for provideClusterInfo (rest/exec.go ConfigToExecCluster): the server as
 * client-go keeps it, the TLS settings, the CA as data (read from the file when given as one), proxy-url and
 * the cluster's `client.authentication.k8s.io/exec` extension as `config` (null without one).
 */
function clusterInfo(resolved) {
    const cluster = resolved.cluster?.body ?? {};
    const endpoint = endpointOf(resolved);
    const info = { server: execServer(resolved.server) };
    if (endpoint.serverName)
        info['tls-server-name'] = endpoint.serverName;
    if (!endpoint.rejectUnauthorized)
        info['insecure-skip-tls-verify'] = true;
    if (endpoint.ca)
        info['certificate-authority-data'] = endpoint.ca.toString('base64');
    if (credentials_text(cluster['proxy-url']) !== '')
        info['proxy-url'] = cluster['proxy-url'];
    if (cluster['disable-compression'] === true)
        info['disable-compression'] = true;
    const extensions = Array.isArray(cluster.extensions) ? cluster.extensions : [];
    const execExtension = extensions.find((entry) => (0,kube_kubeconfig/* isRecord */.u4)(entry) && entry.name === 'client.authentication.k8s.io/exec');
    info.config = execExtension?.extension ?? null;
    return info;
}
/** client_config.go ClientConfig: a server URL with a path loses its query and fragment. */
function execServer(server) {
    const url = new URL(server);
    if (url.pathname.length <= 1)
        return server;
    url.search = '';
    url.hash = '';
    return url.href;
}
function credentials_text(value) {
    return typeof value === 'string' ? value : '';
}
function isSet(value) {
    if (Array.isArray(value))
        return value.length > 0;
    if ((0,kube_kubeconfig/* isRecord */.u4)(value))
        return Object.keys(value).length > 0;
    return value !== undefined && value !== null && value !== '';
}

// EXTERNAL MODULE: ./src/kube/cluster.ts
var cluster = __webpack_require__(6771);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/http/connections.ts + 1 modules
var connections = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/http/request.ts
var request = __webpack_require__(7777);
;// CONCATENATED MODULE: ./src/kube/transport.ts
// The API server's side of the action's one HTTP layer (src/http): a handful of JSON REST calls over pooled
// keep-alive connections, through the kubeconfig's `proxy-url` or the proxy HTTPS_PROXY/NO_PROXY choose, as
// kubectl goes. Loading @kubernetes/client-node for these calls cost more than the calls.
//
// Failures keep the shapes api-errors.ts reads: a non-2xx answer throws an HttpStatusError shaped like
// client-node's ApiException ({code, body, headers}); a network or TLS failure is node's own error with its
// `code` (ECONNREFUSED, ECONNRESET, SELF_SIGNED_CERT_IN_CHAIN…); a proxy's refusal a ProxyError; a timeout
// the signal's TimeoutError. No error message or header here ever holds a request body, a response body or
// a credential.


/**
 * The longest answer accepted. A list of 1000 namespaces with their managed fields is a few MB; a Secret
 * at the API's 1 MiB limit, base64 and all, under 2 MB.
 */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
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
    connections;
    /** Scheme, host and the server URL's path without its trailing slash (a path is there behind Rancher). */
    base;
    constructor(endpoint, credentials, maxSockets = connections/* MAX_SOCKETS_PER_ROUTE */.W) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        const { proxyUrl } = endpoint;
        this.connections = new connections/* Connections */.U({
            maxSockets,
            proxyUrl: proxyUrl ? { url: proxyUrl, source: "the kubeconfig's proxy-url" } : undefined
        });
        this.base = endpoint.url.origin + endpoint.url.pathname.replace(/\/+$/, '');
    }
    async request(request) {
        const used = await this.credentials.get();
        let response = await this.send(request, used);
        // client-go runs an exec plugin again after a 401 and sends the request once more with what it printed.
        if (response.status === 401 && (await this.credentials.renewAfterUnauthorized(used))) {
            response = await this.send(request, await this.credentials.get());
        }
        return parse(response);
    }
    /** Closes the idle keep-alive connections (tests; a run's process simply exits). */
    close() {
        this.connections.close();
    }
    send(apiRequest, credentials) {
        const { authorization, clientCertificate } = credentials;
        const body = apiRequest.body === undefined ? undefined : Buffer.from(JSON.stringify(apiRequest.body));
        const headers = { accept: 'application/json' };
        if (authorization)
            headers.authorization = authorization;
        if (body)
            headers['content-type'] = apiRequest.contentType ?? 'application/json';
        return (0,request/* request */.E)(this.connections, {
            method: apiRequest.method,
            url: new URL(this.base + apiRequest.path + queryString(apiRequest.query)),
            headers,
            body,
            timeoutMs: apiRequest.timeoutMs,
            maxResponseBytes: MAX_RESPONSE_BYTES,
            tls: {
                ca: this.endpoint.ca,
                servername: this.endpoint.serverName,
                rejectUnauthorized: this.endpoint.rejectUnauthorized,
                cert: clientCertificate?.cert,
                key: clientCertificate?.key
            }
        });
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
function parse(response) {
    const { status, headers } = response;
    const text = response.body.toString('utf8');
    if (status < 200 || status >= 300)
        throw new HttpStatusError(status, text, headers);
    if (text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new InvalidResponseError(status);
    }
}

;// CONCATENATED MODULE: ./src/kube/rest-cluster.ts
// The Cluster implementation on the action's own transport: every call gets the same per-attempt timeout,
// retries on transient failures, a debug line (status codes only) and one worded error. The Kubernetes
// types come from @kubernetes/client-node as types only: nothing of it is loaded at run time.





/** How long a restarted kube-apiserver's authorizer may lag behind its listener, and how often to ask again. */
const RBAC_SYNC_WINDOW_MS = 10_000;
const RBAC_SYNC_RETRY_MS = 500;
/** The core/v1 REST calls the action makes. Created by kube/connect.ts. */
class RestCluster {
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
    async deleteSecret(namespace, name, { dryRun }, preconditions) {
        // Already gone is as good as deleted: also when a retried DELETE finds its first attempt succeeded.
        await this.orUndefinedWhenMissing(this.call({ verb: 'delete', resource: 'secrets', namespace, name }, {
            method: 'DELETE',
            path: secretPath(namespace, name),
            query: { dryRun: dryRunParam(dryRun) },
            body: preconditions && { apiVersion: 'v1', kind: 'DeleteOptions', preconditions }
        }));
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

;// CONCATENATED MODULE: ./src/kube/connect.ts





/** Per-attempt deadline of every API request; retries get a fresh one. */
const REQUEST_TIMEOUT_MS = 10_000;
function connect(kubeconfig) {
    return new RestCluster(transportFor(kubeconfig), {
        server: (0,kube_kubeconfig/* displayUrl */.Qy)(kubeconfig.server),
        contextName: kubeconfig.contextName,
        requestTimeoutMs: REQUEST_TIMEOUT_MS
    });
}
/**
 * The transport alone, for a RestCluster with other settings (tests use a short timeout). The
 * endpoint is read first, so a cluster's problem is reported before its user's.
 */
function transportFor(kubeconfig) {
    const endpoint = endpointOf(kubeconfig);
    return new HttpTransport(endpoint, credentialsOf(kubeconfig));
}


/***/ })

};

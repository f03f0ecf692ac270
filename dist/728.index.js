export const id = 728;
export const ids = [728];
export const modules = {

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ mapConcurrently),
/* harmony export */   Yv: () => (/* binding */ SERVICE_ACCOUNT_CONCURRENCY),
/* harmony export */   mo: () => (/* binding */ NAMESPACE_CONCURRENCY)
/* harmony export */ });
// How much the action does at once, and the one helper that bounds it. Each namespace has at most a few
// requests outstanding (two reads, then one write per service account, at most SERVICE_ACCOUNT_CONCURRENCY
// at a time), so 32 × 4 stays well under the API server's default max-requests-inflight (400) and the
// transport's socket pool, and no request waits for a socket long enough to eat into its timeout.
/** Namespaces in flight at once. */
const NAMESPACE_CONCURRENCY = 32;
/** Service accounts updated at once within one namespace (`service-accounts: '*'` can mean hundreds). */
const SERVICE_ACCOUNT_CONCURRENCY = 4;
/**
 * Runs `task` over `items` with at most `limit` in flight, keeping the results in input order. Every task
 * runs to its end: a task that throws rejects the whole only after the others have settled, so nothing
 * goes on unseen after the caller has reported.
 */
async function mapConcurrently(items, limit, task) {
    const results = new Array(items.length);
    const failures = [];
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index]);
            }
            catch (error) {
                failures.push(error);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failures.length > 0)
        throw failures[0];
    return results;
}


/***/ }),

/***/ 7708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bO: () => (/* binding */ addPullSecret),
/* harmony export */   k4: () => (/* binding */ removePullSecret),
/* harmony export */   lc: () => (/* binding */ waitForServiceAccount)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4005);
/* harmony import */ var _kube_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4963);



/** Conflicts are expected under concurrency; each retry re-reads, so a handful is plenty. */
const MAX_CONFLICT_RETRIES = 10;
async function addPullSecret(cluster, namespace, serviceAccount, secretName, options) {
    const result = await updateWithRetry(cluster, namespace, serviceAccount, options, (current) => {
        const entries = current.imagePullSecrets ?? [];
        if (entries.some((entry) => entry.name === secretName))
            return undefined;
        return [...entries, { name: secretName }];
    });
    return result === 'unchanged' ? 'present' : 'added';
}
/** Takes our entry out again (post-step clean-up); 'absent' when it was no longer there. */
async function removePullSecret(cluster, namespace, name, secretName, options) {
    const serviceAccount = await cluster.readServiceAccount(namespace, name);
    if (!serviceAccount)
        return 'absent';
    const result = await updateWithRetry(cluster, namespace, serviceAccount, options, (current) => {
        const entries = current.imagePullSecrets ?? [];
        if (!entries.some((entry) => entry.name === secretName))
            return undefined;
        return entries.filter((entry) => entry.name !== secretName);
    });
    return result === 'unchanged' ? 'absent' : 'removed';
}
/**
 * Optimistic concurrency: `change` returns the new imagePullSecrets, or undefined when nothing is to do.
 */
async function updateWithRetry(cluster, namespace, initial, options, change) {
    const name = initial.metadata?.name ?? '';
    let current = initial;
    // Set when a write got no answer and then a conflict: that write may well have landed, so finding the
    // change already made on the next read means it was ours.
    let ownWriteMayHaveLanded = false;
    for (let attempt = 1;; attempt++) {
        const imagePullSecrets = change(current);
        if (imagePullSecrets === undefined)
            return ownWriteMayHaveLanded ? 'written' : 'unchanged';
        // The whole object goes back (PUT), with the resourceVersion read. managedFields is left out: on an
        // update, an absent list keeps the server's bookkeeping as it is.
        const { managedFields: _managedFields, ...metadata } = current.metadata ?? {};
        const body = {
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata,
            automountServiceAccountToken: current.automountServiceAccountToken,
            secrets: current.secrets,
            imagePullSecrets
        };
        try {
            await cluster.replaceServiceAccount(namespace, body, options);
            return 'written';
        }
        catch (error) {
            const conflict = error instanceof _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && error.status === 409 && error.reason === 'Conflict';
            if (!conflict || attempt > MAX_CONFLICT_RETRIES)
                throw error;
            ownWriteMayHaveLanded ||= error.afterUnansweredAttempt;
        }
        await (0,_kube_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(Math.round(Math.random() * 50 * attempt));
        const reread = await cluster.readServiceAccount(namespace, name);
        if (!reread)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Service account "${name}" in namespace "${namespace}" was deleted while the action was updating it.`);
        current = reread;
    }
}
/**
 * The `default` ServiceAccount of a new namespace is created by a controller a little after the namespace.
 * Polls until it appears; bounded, with a message that says what was waited for.
 */
async function waitForServiceAccount(cluster, namespace, name, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 50;; delay = Math.min(delay * 2, 1000)) {
        const serviceAccount = await cluster.readServiceAccount(namespace, name);
        if (serviceAccount)
            return serviceAccount;
        if (Date.now() + delay > deadline) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Service account "${name}" did not appear in namespace "${namespace}" within ${timeoutMs / 1000} s. The cluster's service account controller creates it shortly after the namespace; check that the controller runs, or create it before this step.`);
        }
        await (0,_kube_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay);
    }
}


/***/ }),

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ cleanupPlanOf),
/* harmony export */   Fb: () => (/* binding */ saveCleanupPlan),
/* harmony export */   M7: () => (/* binding */ loadCleanupPlan),
/* harmony export */   nY: () => (/* binding */ cleanUp)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _apply_concurrency_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/* harmony import */ var _apply_service_accounts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
// `cleanup: true`: the post step, at the end of the job, undoes what the main step did — and only that.
// The main step saves a plan (names only, never a credential) with core.saveState; the post step, a new
// process running the same bundle, reads it back and carries it out.




const STATE_KEY = 'cleanup-plan';
function cleanupPlanOf(secretName, results) {
    const namespaces = results
        .map((result) => ({
        namespace: result.namespace,
        deleteSecret: result.secret === 'created',
        serviceAccounts: Object.entries(result.serviceAccounts)
            .filter(([, outcome]) => outcome === 'added')
            .map(([name]) => name)
    }))
        .filter((entry) => entry.deleteSecret || entry.serviceAccounts.length > 0);
    return { secretName, namespaces };
}
function saveCleanupPlan(plan) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEY, JSON.stringify(plan));
}
function loadCleanupPlan() {
    const saved = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_KEY);
    return saved ? JSON.parse(saved) : undefined;
}
/** Returns one line per namespace that could not be cleaned up. */
async function cleanUp(cluster, plan) {
    const failures = await (0,_apply_concurrency_js__WEBPACK_IMPORTED_MODULE_3__/* .mapConcurrently */ .X2)(plan.namespaces, _apply_concurrency_js__WEBPACK_IMPORTED_MODULE_3__/* .NAMESPACE_CONCURRENCY */ .mo, async ({ namespace, deleteSecret, serviceAccounts }) => {
        try {
            // References first, so no service account ever names a Secret that is gone.
            for (const name of serviceAccounts) {
                const outcome = await (0,_apply_service_accounts_js__WEBPACK_IMPORTED_MODULE_1__/* .removePullSecret */ .k4)(cluster, namespace, name, plan.secretName, { dryRun: false });
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Namespace "${namespace}": service account "${name}" ${outcome === 'removed' ? 'no longer lists' : 'did not list'} "${plan.secretName}"`);
            }
            if (deleteSecret) {
                const existed = await cluster.readSecret(namespace, plan.secretName);
                if (existed)
                    await cluster.deleteSecret(namespace, plan.secretName, { dryRun: false });
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Namespace "${namespace}": secret "${plan.secretName}" ${existed ? 'deleted' : 'was already gone'}`);
            }
            return undefined;
        }
        catch (error) {
            return `${namespace}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`;
        }
    });
    return failures.filter((failure) => failure !== undefined);
}


/***/ }),

/***/ 7706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ credentialsOfDockerConfig),
/* harmony export */   Hi: () => (/* binding */ MAX_SECRET_DATA_BYTES),
/* harmony export */   Iq: () => (/* binding */ normalizeDockerConfig),
/* harmony export */   OH: () => (/* binding */ mergeDockerConfigs),
/* harmony export */   eA: () => (/* binding */ secretDataSize),
/* harmony export */   m3: () => (/* binding */ validateCredential),
/* harmony export */   n2: () => (/* binding */ dockerConfigFromCredentials),
/* harmony export */   t5: () => (/* binding */ serializeDockerConfig),
/* harmony export */   vS: () => (/* binding */ parseJsonWithoutEcho),
/* harmony export */   zx: () => (/* binding */ encodeAuth)
/* harmony export */ });
/* unused harmony exports decodeAuth, buildDockerConfigEntry */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _validation_registry_server_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7294);
// The `.dockerconfigjson` a kubernetes.io/dockerconfigjson Secret holds, built exactly as
// `kubectl create secret docker-registry` builds it (staging/src/k8s.io/kubectl/pkg/cmd/create/
// create_secret_docker.go): {"auths":{SERVER:{"username","password","email"?,"auth"}}}, auth = standard
// base64 of `username:password`, compact, no trailing newline, the server used verbatim as the key.
// Pure functions only: reading inputs and masking happen in inputs.ts and masking.ts.


/** The API server refuses a Secret whose data adds up to more than this (MaxSecretSize, 1 MiB). */
const MAX_SECRET_DATA_BYTES = 1024 * 1024;
/** Standard base64 with padding, as Go's base64.StdEncoding (which the kubelet uses) requires. */
const STRICT_BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function encodeAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
/**
 * The username and password an `auth` value holds, as the kubelet reads it (split at the first ':'), or
 * undefined when it is not strict base64 of UTF-8 `username:password` with both parts non-empty.
 */
function decodeAuth(auth) {
    if (auth === '' || !STRICT_BASE64_RE.test(auth))
        return undefined;
    const bytes = Buffer.from(auth, 'base64');
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes))
        return undefined; // not UTF-8: could not survive JSON
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1)
        return undefined;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
/** kubectl's entry for one credential, keys in kubectl's order; email only when given. */
function buildDockerConfigEntry(credential) {
    const entry = { username: credential.username, password: credential.password, auth: '' };
    if (credential.email)
        entry.email = credential.email;
    // Re-insert auth last so the serialized key order is kubectl's: username, password, email, auth.
    delete entry.auth;
    entry.auth = encodeAuth(credential.username, credential.password);
    return entry;
}
function dockerConfigFromCredentials(credentials) {
    const auths = {};
    for (const credential of credentials)
        auths[credential.server] = buildDockerConfigEntry(credential);
    return { auths };
}
/** `base` with every server of `override` replaced by override's entry (explicit entries win). */
function mergeDockerConfigs(base, override) {
    return { auths: { ...base.auths, ...override.auths } };
}
/**
 * The Secret's `.dockerconfigjson` value. Unlike kubectl (Go's encoder) it leaves `<`, `>` and `&` as they
 * are instead of writing `\u003c` etc.: the same JSON once parsed, and nobody mistakes it for corruption.
 */
function serializeDockerConfig(config) {
    return JSON.stringify(config);
}
/** Bytes the serialized config takes in the Secret's data (the API counts decoded bytes). */
function secretDataSize(serializedConfig) {
    return Buffer.byteLength(serializedConfig, 'utf8');
}
/** The username and password of every entry (entries built or normalized here always carry both). */
function credentialsOfDockerConfig(config) {
    return Object.entries(config.auths).map(([server, entry]) => {
        const decoded = entry.username && entry.password ? undefined : decodeAuth(entry.auth);
        const credential = {
            server,
            username: entry.username ?? decoded?.username ?? '',
            password: entry.password ?? decoded?.password ?? ''
        };
        if (entry.email)
            credential.email = entry.email;
        return credential;
    });
}
/**
 * Checks one credential. `where` says which entry it is ("registry 'ghcr.io'", "entry 2 (registry …)");
 * `inputOf` names the input to blame for a field (the field itself for the separate inputs, else one input).
 */
function validateCredential(credential, where, inputOf) {
    const { username, password, email } = credential;
    const fail = (field, problem) => {
        // `where` already names the registry: "registry 'a b' contains whitespace", not "the registry of …".
        const subject = field === 'registry' ? where : `the ${field} of ${where}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputOf(field), `${subject} ${problem}`);
    };
    const serverProblem = (0,_validation_registry_server_js__WEBPACK_IMPORTED_MODULE_1__/* .registryServerProblem */ .o)(credential.server);
    if (serverProblem)
        fail('registry', serverProblem);
    if (username === '')
        fail('username', 'is empty; give the registry user name');
    if (password === '')
        fail('password', 'is empty; give the password or token');
    if (username.includes(':')) {
        fail('username', "contains ':', which Basic auth cannot carry (it separates user name and password)");
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(username))
        fail('username', 'contains a line break or control character');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(password)) {
        fail('password', "contains a control character; check the secret's value");
    }
    if (username === '_json_key') {
        if (!isServiceAccountKey(password)) {
            fail('password', '(username _json_key) is not a JSON service-account key; pass the whole key file, a JSON object with ' +
                '"type": "service_account" and "private_key"');
        }
    }
    else if (/[\r\n]/.test(password)) {
        fail('password', 'contains a line break; a registry password or token is one line (only a _json_key password, a JSON ' +
            'key file, spans lines): check the secret for a stray newline');
    }
    // eslint-disable-next-line no-control-regex
    if (email !== undefined && (email === '' || /\s/.test(email) || /[\u0000-\u001f\u007f]/.test(email))) {
        fail('email', 'is empty or contains whitespace or a control character');
    }
}
/** A Google service-account key file: a JSON object with a string `type` and `private_key`. */
function isServiceAccountKey(text) {
    let key;
    try {
        key = JSON.parse(text);
    }
    catch {
        return false;
    }
    return (typeof key === 'object' &&
        key !== null &&
        typeof key.type === 'string' &&
        typeof key.private_key === 'string');
}
/**
 * JSON.parse whose failure never shows the text: Node's SyntaxError quotes the input around the error,
 * and this input is full of credentials. The message gives only the position.
 */
function parseJsonWithoutEcho(text, input, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // Node names the place for some errors only ("... in JSON at position 20 (line 1 column 21)").
        const place = /line (\d+) column (\d+)/.exec(error instanceof Error ? error.message : '');
        const where = place ? ` at line ${place[1]} column ${place[2]}` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is not valid JSON${where}; it must be ${what}`);
    }
}
const CREDENTIAL_STORE_ADVICE = "the runner's credential helper holds the secret, not the file, so a Secret made from it could not " +
    'pull anything. Pass username and password (or registries) instead, or a docker-config-json written by ' +
    'a docker login without a credential store (e.g. with DOCKER_CONFIG pointing at an empty directory)';
/**
 * Checks a parsed Docker config (docker-config-json / docker-config-file) and returns it normalized:
 * every entry with username, password, email (when non-empty) and auth, in kubectl's order; other keys
 * (identitytoken, ...) are dropped because the kubelet does not use them. Other top-level keys are dropped.
 */
function normalizeDockerConfig(value, input) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'must be a JSON object like {"auths": {"ghcr.io": {"auth": "…"}}}');
    }
    const config = value;
    const store = describeCredentialStore(config);
    const auths = config.auths;
    if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
        if (store)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has no 'auths' because it uses ${store}: ${CREDENTIAL_STORE_ADVICE}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has no 'auths' object; it must look like {"auths": {"ghcr.io": {"auth": "…"}}} (the legacy .dockercfg ` +
            'format without "auths" is not accepted: wrap its entries in {"auths": …})');
    }
    const servers = Object.keys(auths);
    if (servers.length === 0) {
        if (store)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has an empty 'auths' because it uses ${store}: ${CREDENTIAL_STORE_ADVICE}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "has an empty 'auths': it holds no registry credentials");
    }
    const normalized = {};
    for (const server of servers) {
        const where = `registry '${(0,_validation_registry_server_js__WEBPACK_IMPORTED_MODULE_1__/* .redactedServer */ .U)(server)}'`;
        const entry = auths[server];
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the entry for ${where} must be an object with "auth" or "username" and "password"`);
        }
        const fields = entry;
        for (const field of ['auth', 'username', 'password', 'email']) {
            if (fields[field] !== undefined && typeof fields[field] !== 'string') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the "${field}" of ${where} must be a string`);
            }
        }
        const auth = fields.auth ?? '';
        const username = fields.username ?? '';
        const password = fields.password ?? '';
        const email = fields.email ?? '';
        let credential;
        if (auth !== '') {
            const decoded = decodeAuth(auth);
            if (!decoded) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the "auth" of ${where} is not standard base64 of 'username:password' (UTF-8, both parts non-empty)`);
            }
            if ((username !== '' && username !== decoded.username) || (password !== '' && password !== decoded.password)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the "auth" of ${where} does not match its "username" and "password"; remove one or make them agree`);
            }
            credential = { server, ...decoded };
        }
        else if (username !== '' && password !== '') {
            credential = { server, username, password };
        }
        else if (store) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the entry for ${where} is empty because this config uses ${store}: ${CREDENTIAL_STORE_ADVICE}`);
        }
        else {
            const token = typeof fields.identitytoken === 'string' ? ' (an identitytoken is for the docker CLI only)' : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the entry for ${where} has neither "auth" nor "username" and "password"${token}`);
        }
        if (email !== '')
            credential.email = email;
        validateCredential(credential, where, () => input);
        normalized[server] = buildDockerConfigEntry(credential);
    }
    return { auths: normalized };
}
function describeCredentialStore(config) {
    const parts = [];
    if (typeof config.credsStore === 'string' && config.credsStore !== '') {
        parts.push(`a credential store ("credsStore": "${config.credsStore}")`);
    }
    if (typeof config.credHelpers === 'object' && config.credHelpers !== null) {
        if (Object.keys(config.credHelpers).length > 0)
            parts.push('credential helpers ("credHelpers")');
    }
    return parts.length > 0 ? parts.join(' and ') : undefined;
}


/***/ }),

/***/ 4817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readConnectionInputs),
  K: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/docker-config.ts
var docker_config = __webpack_require__(7706);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/validation/registry-server.ts
var registry_server = __webpack_require__(7294);
;// CONCATENATED MODULE: ./src/validation/names.ts
// Kubernetes name rules (k8s.io/apimachinery/pkg/util/validation), with the API server's own wording so a
// message here reads like the one the cluster would have sent, but before any request is made.
// Each check returns the list of problems (empty = valid) instead of throwing: the caller knows which input
// the value came from and words the error around it.
const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE}$`);
const DNS1123_LABEL_MAX_LENGTH = 63;
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE_MAX_LENGTH = 63;
/** RFC 1123 label, e.g. a namespace name. */
function dns1123LabelProblems(value) {
    const problems = [];
    if (value.length > DNS1123_LABEL_MAX_LENGTH) {
        problems.push(`must be no more than ${DNS1123_LABEL_MAX_LENGTH} characters`);
    }
    if (!DNS1123_LABEL_RE.test(value)) {
        problems.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start " +
            `and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '${DNS1123_LABEL}')`);
    }
    return problems;
}
/** RFC 1123 subdomain, e.g. a Secret or ServiceAccount name. */
function dns1123SubdomainProblems(value) {
    const problems = [];
    if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) {
        problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`);
    }
    if (!DNS1123_SUBDOMAIN_RE.test(value)) {
        problems.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must " +
            `start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS1123_SUBDOMAIN}')`);
    }
    return problems;
}
/** A label or annotation key: `[prefix/]name`, the prefix a DNS subdomain, the name a qualified name. */
function qualifiedNameProblems(value) {
    const slash = value.indexOf('/');
    const prefix = slash === -1 ? undefined : value.slice(0, slash);
    const name = slash === -1 ? value : value.slice(slash + 1);
    const problems = [];
    if (prefix !== undefined) {
        if (prefix === '')
            problems.push('prefix part must be non-empty');
        else
            problems.push(...dns1123SubdomainProblems(prefix).map((p) => `prefix part ${p}`));
    }
    if (name === '') {
        problems.push('name part must be non-empty');
    }
    else {
        if (name.length > QUALIFIED_NAME_MAX_LENGTH) {
            problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`);
        }
        if (!QUALIFIED_NAME_RE.test(name)) {
            problems.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
                `alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '${QUALIFIED_NAME}')`);
        }
    }
    return problems;
}
/** A label value: empty, or up to 63 characters of a qualified name's alphabet. */
function labelValueProblems(value) {
    const problems = [];
    if (value.length > LABEL_VALUE_MAX_LENGTH) {
        problems.push(`must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`);
    }
    if (!LABEL_VALUE_RE.test(value)) {
        problems.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
            `start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '${LABEL_VALUE}')`);
    }
    return problems;
}
/** The characters below U+0020 and DEL, which have no place in a single-line value. */
function hasControlCharacter(value) {
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u001f\u007f]/.test(value);
}

;// CONCATENATED MODULE: ./src/validation/label-selector.ts
// The label selector syntax of k8s.io/apimachinery/pkg/labels.Parse (what `kubectl get -l` and the API's
// `labelSelector` parameter accept): comma-separated requirements, each one of
//   key   !key   key=value   key==value   key!=value   key in (a,b)   key notin (a,b)   key>1   key<1
// Parsed here so that a typo fails as an input error before any request; the API server does the matching.
// __tests__/server-parity/label-selector.test.ts holds this parser to what kube-apiserver accepts.

/** A selector that does not parse; the message says where and why, in the words of labels.Parse. */
class LabelSelectorError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LabelSelectorError';
    }
}
const SYMBOLS = ['==', '!=', '(', ')', ',', '!', '=', '<', '>'];
const SPECIAL_CHARACTERS = new Set(['(', ')', ',', '!', '=', '<', '>']);
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
        if (symbol) {
            tokens.push({ kind: 'symbol', text: symbol, position: i });
            i += symbol.length;
            continue;
        }
        const start = i;
        while (i < text.length && !/\s/.test(text[i]) && !SPECIAL_CHARACTERS.has(text[i]))
            i++;
        tokens.push({ kind: 'identifier', text: text.slice(start, i), position: start });
    }
    tokens.push({ kind: 'end', position: text.length });
    return tokens;
}
function describe(token) {
    return token.kind === 'end' ? 'the end of the selector' : `'${token.text}' at position ${token.position + 1}`;
}
/** Parses a selector; the empty selector is no requirement at all (it matches everything). */
function parseLabelSelector(text) {
    const tokens = tokenize(text);
    let index = 0;
    const peek = () => tokens[index];
    const next = () => tokens[index++];
    const fail = (problem) => {
        throw new LabelSelectorError(problem);
    };
    const isSymbol = (token, symbol) => token.kind === 'symbol' && token.text === symbol;
    const readKey = () => {
        const token = next();
        if (token.kind !== 'identifier')
            fail(`expected a label key, found ${describe(token)}`);
        const key = token.text;
        const problems = qualifiedNameProblems(key);
        if (problems.length > 0)
            fail(`invalid label key '${key}': ${problems.join('; ')}`);
        return key;
    };
    const readValue = () => {
        const token = peek();
        // `key=` (an empty value) is valid: the value token is simply absent.
        if (token.kind !== 'identifier')
            return '';
        index++;
        const problems = labelValueProblems(token.text);
        if (problems.length > 0)
            fail(`invalid label value '${token.text}': ${problems.join('; ')}`);
        return token.text;
    };
    const readValueSet = (operator) => {
        if (!isSymbol(next(), '('))
            fail(`expected '(' after '${operator}', found ${describe(tokens[index - 1])}`);
        const values = [];
        for (;;) {
            values.push(readValue());
            const token = next();
            if (isSymbol(token, ')'))
                break;
            if (!isSymbol(token, ','))
                fail(`expected ',' or ')' in the values of '${operator}', found ${describe(token)}`);
        }
        // As labels.Parse reads it, and kube-apiserver accepts it: `in ()` is the set holding the empty value.
        return values;
    };
    const requirements = [];
    if (peek().kind === 'end')
        return requirements;
    for (;;) {
        if (isSymbol(peek(), '!')) {
            index++;
            requirements.push({ key: readKey(), operator: 'DoesNotExist', values: [] });
        }
        else {
            const key = readKey();
            const token = peek();
            if (token.kind === 'end' || isSymbol(token, ',')) {
                requirements.push({ key, operator: 'Exists', values: [] });
            }
            else if (isSymbol(token, '=') || isSymbol(token, '==') || isSymbol(token, '!=')) {
                index++;
                const operator = token.kind === 'symbol' && token.text === '!=' ? 'NotEquals' : 'Equals';
                requirements.push({ key, operator, values: [readValue()] });
            }
            else if (isSymbol(token, '<') || isSymbol(token, '>')) {
                index++;
                const value = readValue();
                if (!/^-?\d+$/.test(value))
                    fail(`the value after '${token.text}' must be an integer`);
                requirements.push({ key, operator: isSymbol(token, '<') ? 'LessThan' : 'GreaterThan', values: [value] });
            }
            else if (token.kind === 'identifier' && (token.text === 'in' || token.text === 'notin')) {
                index++;
                requirements.push({ key, operator: token.text === 'in' ? 'In' : 'NotIn', values: readValueSet(token.text) });
            }
            else {
                fail(`expected an operator (=, ==, !=, in, notin, <, >) or ',' after '${key}', found ${describe(token)}`);
            }
        }
        const separator = next();
        if (separator.kind === 'end')
            return requirements;
        if (!isSymbol(separator, ','))
            fail(`expected ',' or the end of the selector, found ${describe(separator)}`);
    }
}

;// CONCATENATED MODULE: ./src/inputs.ts
// The action's input boundary: the only module that reads workflow inputs. It reads every input once,
// registers masks for every credential as soon as it has read it (before any check that could fail, so no
// error message or later log line can show one), then validates everything and returns typed Inputs.
// Every failure is an InputError that names the input and says how to fix it, never with a credential's
// value in it. Defaults live in action.yml only: the runner passes them as INPUT_* like any other value.











/** The API server's limit on the total size of annotation keys and values (TotalAnnotationSizeLimitB). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;
/** Reads and checks every input; throws InputError naming the input and the fix. */
function readInputs() {
    // Phase 1: read the inputs that carry credentials and mask them at once. Parsing can fail here; the
    // failure is kept and thrown in phase 2, so every other credential input has been masked first.
    const primary = readPrimaryCredential();
    const registries = deferred(() => readRegistriesList());
    const configJson = deferred(() => readDockerConfigJsonInput());
    const configFile = deferred(() => readDockerConfigFileInput());
    const kubeconfig = deferred(() => readKubeconfig());
    // Phase 2: validate.
    const dockerConfig = buildDockerConfig(primary, registries(), configJson(), configFile());
    return {
        dockerConfig,
        credentials: (0,docker_config/* credentialsOfDockerConfig */.CL)(dockerConfig),
        secretName: readSecretName(),
        namespaces: readNamespaces(),
        namespaceSelector: readNamespaceSelector(),
        createNamespace: readBoolean('create-namespace'),
        serviceAccounts: readServiceAccounts(),
        labels: readKeyValueLines('labels', labelValueProblems),
        annotations: readAnnotations(),
        kubeconfig: kubeconfig(),
        context: readSingleLine('context'),
        dryRun: readBoolean('dry-run'),
        verifyRegistry: readBoolean('verify-registry'),
        recreate: readBoolean('recreate'),
        cleanup: readBoolean('cleanup')
    };
}
/**
 * Only what the post step needs to reach the cluster again (the kubeconfig, masked again in this new
 * process, and the context), without re-reading or re-checking the credentials.
 */
function readConnectionInputs() {
    return { kubeconfig: readKubeconfig(), context: readSingleLine('context') };
}
/** Runs `read` now; returns a getter that gives its value or throws its error later. */
function deferred(read) {
    try {
        const value = read();
        return () => value;
    }
    catch (error) {
        return () => {
            throw error;
        };
    }
}
function readPrimaryCredential() {
    const password = core/* getInput */.V4('password');
    const username = core/* getInput */.V4('username');
    (0,masking/* maskCredential */.kV)({ username, password });
    return { registry: core/* getInput */.V4('registry'), username, password, email: core/* getInput */.V4('email') };
}
/** The `registry`/`username`/`password`/`email` inputs as a credential, or undefined when not given. */
function primaryCredential({ registry, username, password, email }) {
    if (username === '' && password === '') {
        if (email !== '')
            throw new errors/* InputError */.dz('email', 'is set but username and password are not; give all three');
        return [];
    }
    if (password === '') {
        throw new errors/* InputError */.dz('password', 'is empty but username is set; give the password or token (from a secret)');
    }
    if (username === '') {
        throw new errors/* InputError */.dz('username', 'is empty but password is set; give the registry user name as well');
    }
    const credential = { server: registry, username, password };
    if (email !== '')
        credential.email = email;
    (0,docker_config/* validateCredential */.m3)(credential, `registry '${(0,registry_server/* redactedServer */.U)(registry)}'`, (field) => field);
    return [credential];
}
const REGISTRY_ENTRY_KEYS = ['registry', 'username', 'password', 'email'];
/** `registries`: YAML list of {registry, username, password, email}. Masked before it is checked. */
function readRegistriesList() {
    const text = core/* getInput */.V4('registries');
    if (text === '')
        return [];
    const list = loadYamlWithoutEcho(text, 'registries', js_yaml/* FAILSAFE_SCHEMA */.uH);
    maskRegistryPasswords(list);
    if (list === null || list === undefined || list === '')
        return [];
    if (!Array.isArray(list)) {
        throw new errors/* InputError */.dz('registries', 'must be a YAML list of mappings, e.g.\n- registry: ghcr.io\n  username: bot\n  password: ${{ secrets.GHCR_TOKEN }}');
    }
    return list.map((item, index) => {
        const where = `entry ${index + 1}`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            throw new errors/* InputError */.dz('registries', `${where} is not a mapping with registry, username and password`);
        }
        const fields = item;
        const unknownKeys = Object.keys(fields).filter((key) => !REGISTRY_ENTRY_KEYS.includes(key));
        if (unknownKeys.length > 0) {
            throw new errors/* InputError */.dz('registries', `${where} has unknown key(s) ${unknownKeys.map((k) => `'${k}'`).join(', ')}; the keys are registry, username, password and email`);
        }
        for (const key of REGISTRY_ENTRY_KEYS) {
            const value = fields[key];
            if (value !== undefined && value !== null && typeof value !== 'string') {
                throw new errors/* InputError */.dz('registries', `the ${key} of ${where} must be a plain string, not a list or mapping`);
            }
        }
        const text = (key) => (typeof fields[key] === 'string' ? fields[key].trim() : '');
        for (const key of ['registry', 'username', 'password']) {
            if (text(key) === '')
                throw new errors/* InputError */.dz('registries', `${where} has no ${key}; each entry needs registry, username and password`);
        }
        const credential = {
            server: text('registry'),
            username: text('username'),
            password: text('password')
        };
        if (text('email') !== '')
            credential.email = text('email');
        (0,docker_config/* validateCredential */.m3)(credential, `${where} (registry '${(0,registry_server/* redactedServer */.U)(credential.server)}')`, () => 'registries');
        return credential;
    });
}
/**
 * Masks every `password` in the parsed `registries` value, whatever its shape (a list as documented, or a
 * mistaken mapping or nesting), before its shape is checked. Trimmed, as the password is used trimmed.
 */
function maskRegistryPasswords(value) {
    if (Array.isArray(value)) {
        for (const item of value)
            maskRegistryPasswords(item);
        return;
    }
    if (typeof value !== 'object' || value === null)
        return;
    const fields = value;
    const username = typeof fields.username === 'string' ? fields.username.trim() : '';
    if (typeof fields.password === 'string')
        (0,masking/* maskCredential */.kV)({ username, password: fields.password.trim() });
    else if (typeof fields.password === 'object')
        maskEveryString(fields.password);
}
function maskEveryString(value) {
    if (typeof value === 'string')
        (0,masking/* maskValue */.QS)(value.trim());
    else if (typeof value === 'object' && value !== null)
        for (const item of Object.values(value))
            maskEveryString(item);
}
/** `docker-config-json`: a Docker config as JSON, or base64 of it (as stored in a Secret's data). */
function readDockerConfigJsonInput() {
    const text = core/* getInput */.V4('docker-config-json');
    if (text === '')
        return undefined;
    let json = text;
    if (!text.startsWith('{')) {
        const compact = text.replace(/\s+/g, '');
        if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
            (0,masking/* maskValue */.QS)(text); // base64 of the whole config: as secret as the config itself
            json = Buffer.from(compact, 'base64').toString('utf8');
        }
    }
    return parseDockerConfig(json, 'docker-config-json');
}
/** `docker-config-file`: a path to a Docker config; `~` means the runner's home directory. */
function readDockerConfigFileInput() {
    const path = core/* getInput */.V4('docker-config-file');
    if (path === '')
        return undefined;
    if (hasControlCharacter(path))
        throw new errors/* InputError */.dz('docker-config-file', 'contains a line break or control character; give one path');
    // HOME first (as a shell expands ~), the account's home directory where HOME is not set (Windows).
    const home = process.env.HOME || (0,external_node_os_.homedir)();
    const expanded = path === '~' || path.startsWith('~/') ? home + path.slice(1) : path;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(expanded), 'utf8');
    }
    catch (error) {
        const code = error.code;
        const reason = code === 'ENOENT'
            ? 'no such file'
            : code === 'EACCES'
                ? 'permission denied'
                : code === 'EISDIR'
                    ? 'it is a directory, not a file'
                    : (code ?? 'unreadable');
        throw new errors/* InputError */.dz('docker-config-file', `cannot read '${expanded}' (${reason}); give the path of a Docker config such as ~/.docker/config.json`);
    }
    return parseDockerConfig(text, 'docker-config-file');
}
/** Parses, masks (before any check), then checks a Docker config. */
function parseDockerConfig(json, input) {
    const parsed = (0,docker_config/* parseJsonWithoutEcho */.vS)(json, input, 'a Docker config such as {"auths": {"ghcr.io": {"auth": "…"}}}');
    (0,masking/* maskDockerConfig */.vY)(parsed);
    return (0,docker_config/* normalizeDockerConfig */.Iq)(parsed, input);
}
function buildDockerConfig(primary, registries, configJson, configFile) {
    const explicit = primaryCredential(primary);
    for (const credential of registries) {
        if (explicit.some((other) => other.server === credential.server)) {
            throw new errors/* InputError */.dz('registries', `lists registry '${(0,registry_server/* redactedServer */.U)(credential.server)}' more than once (or again after the registry input); give each registry once`);
        }
        explicit.push(credential);
    }
    if (configJson && configFile) {
        throw new errors/* InputError */.dz('docker-config-file', 'cannot be combined with docker-config-json; give one of the two');
    }
    const base = configJson ?? configFile ?? { auths: {} };
    const explicitConfig = (0,docker_config/* dockerConfigFromCredentials */.n2)(explicit);
    const merged = (0,docker_config/* mergeDockerConfigs */.OH)(base, explicitConfig);
    if (Object.keys(merged.auths).length === 0) {
        throw new errors/* InputError */.dz('username', 'no registry credentials given: set username and password (with registry), registries, docker-config-json or docker-config-file');
    }
    const size = (0,docker_config/* secretDataSize */.eA)((0,docker_config/* serializeDockerConfig */.t5)(merged));
    if (size > docker_config/* MAX_SECRET_DATA_BYTES */.Hi) {
        // Name the input that contributed the most: that is where the bulk is.
        const contributions = [
            ['password', sizeOf((0,docker_config/* dockerConfigFromCredentials */.n2)(explicit.slice(0, primary.username === '' ? 0 : 1)))],
            ['registries', sizeOf((0,docker_config/* dockerConfigFromCredentials */.n2)(registries))],
            [configJson ? 'docker-config-json' : 'docker-config-file', sizeOf(base)]
        ];
        const [input] = contributions.reduce((largest, candidate) => (candidate[1] > largest[1] ? candidate : largest));
        throw new errors/* InputError */.dz(input, `makes the Secret's data ${size} bytes, over the Kubernetes limit of ${docker_config/* MAX_SECRET_DATA_BYTES */.Hi} bytes (1 MiB); ` +
            'store fewer or smaller credentials');
    }
    return merged;
}
function sizeOf(config) {
    return Object.keys(config.auths).length === 0 ? 0 : (0,docker_config/* secretDataSize */.eA)((0,docker_config/* serializeDockerConfig */.t5)(config));
}
// ---------------------------------------------------------------------------------------------------------
// Kubernetes names and metadata
function readSecretName() {
    const name = core/* getInput */.V4('secret-name');
    if (name === '')
        throw new errors/* InputError */.dz('secret-name', 'is required: give the name of the Secret, e.g. regcred');
    const problems = dns1123SubdomainProblems(name);
    if (problems.length > 0)
        throw new errors/* InputError */.dz('secret-name', `'${printable(name)}' is not a valid name: ${problems.join('; ')}`);
    return name;
}
/** Comma- or newline-separated, trimmed, empty items dropped, duplicates dropped, order kept. */
function readList(input) {
    const items = core/* getInput */.V4(input)
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
    return [...new Set(items)];
}
function readNamespaces() {
    const namespaces = readList('namespace');
    for (const namespace of namespaces) {
        const problems = dns1123LabelProblems(namespace);
        if (problems.length > 0) {
            throw new errors/* InputError */.dz('namespace', `'${printable(namespace)}' is not a valid namespace name: ${problems.join('; ')}`);
        }
    }
    return namespaces;
}
function readNamespaceSelector() {
    const selector = core/* getInput */.V4('namespace-selector');
    if (selector === '')
        return undefined;
    if (hasControlCharacter(selector)) {
        throw new errors/* InputError */.dz('namespace-selector', 'contains a line break or control character; separate requirements with commas');
    }
    try {
        parseLabelSelector(selector);
    }
    catch (error) {
        if (!(error instanceof LabelSelectorError))
            throw error;
        throw new errors/* InputError */.dz('namespace-selector', `is not a valid label selector: ${error.message} (examples: 'team=web', 'env in (staging,prod)', '!legacy')`);
    }
    return selector;
}
function readServiceAccounts() {
    const accounts = readList('service-accounts');
    if (accounts.includes('*')) {
        if (accounts.length > 1) {
            throw new errors/* InputError */.dz('service-accounts', "mixes '*' (all service accounts) with names; give either '*' or names");
        }
        return accounts;
    }
    for (const account of accounts) {
        const problems = dns1123SubdomainProblems(account);
        if (problems.length > 0) {
            throw new errors/* InputError */.dz('service-accounts', `'${printable(account)}' is not a valid service account name: ${problems.join('; ')}`);
        }
    }
    return accounts;
}
/** `key=value` lines; keys are qualified names, values checked by `valueProblems`. */
function readKeyValueLines(input, valueProblems) {
    const result = {};
    for (const line of core/* getMultilineInput */.q3(input)) {
        const equals = line.indexOf('=');
        if (equals === -1) {
            throw new errors/* InputError */.dz(input, `the line '${printable(line)}' is not key=value; give one key=value per line`);
        }
        const key = line.slice(0, equals).trim();
        const value = line.slice(equals + 1).trim();
        const keyProblems = qualifiedNameProblems(key);
        if (keyProblems.length > 0)
            throw new errors/* InputError */.dz(input, `the key '${printable(key)}' is invalid: ${keyProblems.join('; ')}`);
        if (hasControlCharacter(value))
            throw new errors/* InputError */.dz(input, `the value of '${key}' contains a control character`);
        const problems = valueProblems(value);
        if (problems.length > 0)
            throw new errors/* InputError */.dz(input, `the value of '${key}' is invalid: ${problems.join('; ')}`);
        if (Object.hasOwn(result, key) && result[key] !== value) {
            throw new errors/* InputError */.dz(input, `gives '${key}' twice with different values; keep one`);
        }
        result[key] = value;
    }
    return result;
}
function readAnnotations() {
    const annotations = readKeyValueLines('annotations', () => []);
    const size = Object.entries(annotations).reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (size > MAX_ANNOTATIONS_BYTES) {
        throw new errors/* InputError */.dz('annotations', `add up to ${size} bytes; Kubernetes allows at most ${MAX_ANNOTATIONS_BYTES}`);
    }
    return annotations;
}
// ---------------------------------------------------------------------------------------------------------
// Cluster access and switches
/** The kubeconfig YAML, decoded from base64 when it was given that way; masked before any check. */
function readKubeconfig() {
    const text = core/* getInput */.V4('kubeconfig');
    if (text === '')
        return undefined;
    const base64 = text.replace(/\s+/g, '');
    const looksBase64 = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0;
    const yamlText = looksBase64 ? Buffer.from(base64, 'base64').toString('utf8') : text;
    if (looksBase64)
        (0,masking/* maskValue */.QS)(text);
    (0,masking/* maskKubeconfig */.CB)(yamlText);
    const document = loadYamlWithoutEcho(yamlText, 'kubeconfig', js_yaml/* FAILSAFE_SCHEMA */.uH);
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new errors/* InputError */.dz('kubeconfig', 'is neither kubeconfig YAML (a mapping with clusters, contexts and users) nor base64 of it; pass the file content, e.g. ${{ secrets.KUBECONFIG }}');
    }
    return yamlText;
}
function readSingleLine(input) {
    const value = core/* getInput */.V4(input);
    if (value === '')
        return undefined;
    if (hasControlCharacter(value))
        throw new errors/* InputError */.dz(input, 'contains a line break or control character; give one name');
    return value;
}
function readBoolean(input) {
    try {
        return core/* getBooleanInput */.Vt(input);
    }
    catch (error) {
        if (!(error instanceof TypeError))
            throw error;
        const value = core/* getInput */.V4(input);
        const got = value === '' ? 'it is empty' : `got '${printable(value)}'`;
        throw new errors/* InputError */.dz(input, `must be true or false (YAML 1.2: true, True, TRUE, false, False, FALSE); ${got}`);
    }
}
// ---------------------------------------------------------------------------------------------------------
/**
 * YAML parse whose failure never shows the text: js-yaml's message quotes the lines around the error, and
 * these inputs hold credentials. Only the reason and the line number are given.
 */
function loadYamlWithoutEcho(text, input, schema) {
    try {
        return (0,js_yaml/* load */.Hh)(text, { schema });
    }
    catch (error) {
        const { reason, mark } = error;
        const line = typeof mark?.line === 'number' ? ` at line ${mark.line + 1}` : '';
        const why = typeof reason === 'string' ? `: ${reason}` : '';
        throw new errors/* InputError */.dz(input, `is not valid YAML${line}${why}`);
    }
}
/** A non-secret value for a message: control characters shown escaped, long values cut. */
function printable(value) {
    const escaped = JSON.stringify(value).slice(1, -1);
    return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}


/***/ }),

/***/ 4005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vp: () => (/* binding */ toKubeApiError),
/* harmony export */   W3: () => (/* binding */ KubeApiError),
/* harmony export */   gZ: () => (/* binding */ classifyForRetry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4963);
// Turns what the Kubernetes client throws into one plain sentence for the log, and tells the retry loop
// which failures are transient. Never includes a request body or a credential: only the operation, the
// server's Status message (which carries no secret data) and network error codes.


/** A failed API request, worded for the log; `status`/`reason` let callers react to 404 and 409. */
class KubeApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    status;
    reason;
    detailsKind;
    constructor(message, status, reason, detailsKind) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.detailsKind = detailsKind;
        this.name = 'KubeApiError';
    }
    /**
     * An earlier attempt of the same request got no answer (timeout, dropped connection): the server may
     * have carried it out, so a 409 now can be the echo of our own write rather than someone else's.
     */
    afterUnansweredAttempt = false;
    /** A write into a namespace that does not exist answers 404 with details.kind `namespaces`. */
    get isMissingNamespace() {
        return this.status === 404 && this.detailsKind === 'namespaces';
    }
}
const NETWORK_CAUSES = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    EPIPE: 'connection closed',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_CLOSED: 'connection closed',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
    UND_ERR_BODY_TIMEOUT: 'response body stalled'
};
const TLS_CAUSES = {
    SELF_SIGNED_CERT_IN_CHAIN: 'certificate signed by an unknown authority',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate signed by an unknown authority',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate signed by an unknown authority',
    CERT_HAS_EXPIRED: 'certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: "certificate is not valid for the server's host name",
    ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on that port'
};
/** The HTTP status and Status body of a client-node ApiException, or undefined for other errors. */
function httpFailure(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const { code, body, headers } = error;
    if (typeof code !== 'number' || code < 100)
        return undefined;
    let parsed = {};
    if (typeof body === 'string') {
        try {
            parsed = JSON.parse(body);
        }
        catch {
            parsed = {};
        }
    }
    else if (typeof body === 'object' && body !== null) {
        parsed = body;
    }
    return { status: code, body: parsed, headers: headers ?? {} };
}
/** The innermost error code of a network/TLS failure: on the error itself (node:https) or on a `cause` it wraps. */
function causeCode(error) {
    let current = error;
    for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
        const { code, name } = current;
        if (name === 'TimeoutError' || name === 'AbortError')
            return 'TIMEOUT';
        if (typeof code === 'string' && code !== 'UND_ERR')
            return code;
        current = current.cause;
    }
    return undefined;
}
function classifyForRetry(error) {
    const failure = httpFailure(error);
    if (failure) {
        const transient = failure.status === 429 || (failure.status >= 500 && failure.status !== 501);
        return {
            retryable: transient,
            retryAfterMs: transient ? (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(failure.headers['retry-after']) : undefined
        };
    }
    const code = causeCode(error);
    return { retryable: code === 'TIMEOUT' || (code !== undefined && code in NETWORK_CAUSES) };
}
function describe(operation) {
    const target = operation.name ? `${operation.resource}/${operation.name}` : operation.resource;
    return operation.namespace
        ? `${operation.verb} ${target} in namespace "${operation.namespace}"`
        : `${operation.verb} ${target}`;
}
/** The RBAC rule that grants an operation, in the shape of a Role's `rules` entry. */
function grantingRule(operation) {
    return `{apiGroups: [""], resources: ["${operation.resource}"], verbs: ["${operation.verb}"]}`;
}
function toKubeApiError(error, operation, context) {
    if (error instanceof KubeApiError)
        return error;
    const failure = httpFailure(error);
    if (failure) {
        const { status, body } = failure;
        const message = body.message ?? `HTTP ${status}`;
        const make = (text) => new KubeApiError(text, status, body.reason, body.details?.kind);
        if (status === 401) {
            return make(`The Kubernetes API server at ${context.server} rejected the credentials of kubeconfig context "${context.contextName}" (401 Unauthorized): check that its token or client certificate is valid and not expired.`);
        }
        if (status === 403 && body.reason === 'Forbidden' && /cannot \w+ resource/.test(message)) {
            const user = /User "([^"]*)"/.exec(message)?.[1];
            const who = user ? `User "${user}"` : 'The kubeconfig user';
            const where = operation.namespace ? `a Role in namespace "${operation.namespace}"` : 'a ClusterRole';
            // The verb the server says is missing, which is not always the request's: a server-side apply that
            // creates the object is a PATCH that also needs `create`.
            const denied = /cannot (\w+) resource "([^"]+)"/.exec(message);
            const missing = denied
                ? { ...operation, verb: denied[1], resource: denied[2] }
                : operation;
            return make(`${who} may not ${missing.verb} ${missing.resource}${operation.namespace ? ` in namespace "${operation.namespace}"` : ' at cluster scope'} (403 Forbidden). Grant it with this rule in ${where} bound to that user: ${grantingRule(missing)} (see the README's "Permissions").`);
        }
        if (status === 403)
            return make(`Cannot ${describe(operation)}: ${message} (403).`);
        if (status === 404 && body.details?.kind === 'namespaces') {
            const namespace = body.details.name ?? operation.namespace;
            return make(`Namespace "${namespace}" does not exist: set \`create-namespace: true\`, or create it before this step.`);
        }
        if (status === 422 || status === 409 || status === 400)
            return make(`Cannot ${describe(operation)}: ${message}`);
        if (status === 429 || status >= 500) {
            return make(`The Kubernetes API server kept failing to ${describe(operation)} (${status}${body.reason ? ` ${body.reason}` : ''}): ${message}`);
        }
        return make(`Cannot ${describe(operation)}: ${message} (${status}).`);
    }
    const code = causeCode(error);
    if (code === 'TIMEOUT') {
        return new KubeApiError(`The Kubernetes API server at ${context.server} did not answer a request to ${describe(operation)} within ${context.requestTimeoutMs / 1000} s (after retries).`, undefined, 'Timeout', undefined);
    }
    if (code && code in TLS_CAUSES) {
        return new KubeApiError(`TLS with the Kubernetes API server at ${context.server} failed: ${TLS_CAUSES[code]} (${code}). Check the kubeconfig's certificate-authority data for this cluster.`, undefined, 'TLS', undefined);
    }
    if (code && code in NETWORK_CAUSES) {
        return new KubeApiError(`Cannot reach the Kubernetes API server at ${context.server}: ${NETWORK_CAUSES[code]} (${code}). Check the kubeconfig's server URL and that the runner can reach the cluster.`, undefined, 'Unreachable', undefined);
    }
    const detail = code ?? (error instanceof Error ? error.name : typeof error);
    return new KubeApiError(`Cannot ${describe(operation)} on the Kubernetes API server at ${context.server}: the request failed (${detail}).`, undefined, undefined, undefined);
}


/***/ }),

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ IN_CLUSTER_ROOT),
/* harmony export */   a8: () => (/* binding */ resolveKubeconfig),
/* harmony export */   wh: () => (/* binding */ readNamedFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
// Finds the kubeconfig the action should use and checks it before any request is sent, without loading
// the Kubernetes client: a broken kubeconfig is an input error, reported as one line naming the input.
//
// Sources, in the order kubectl uses them: the `kubeconfig` input; the files listed in KUBECONFIG (merged
// as kubectl merges them: for each name the first file wins, and so does the first current-context);
// ~/.kube/config; the in-cluster service account (KUBERNETES_SERVICE_HOST and its token file).





/** Where a pod's service account token, CA and namespace are mounted. */
const IN_CLUSTER_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';
function resolveKubeconfig(request) {
    const env = request.env ?? process.env;
    if (request.inline !== undefined) {
        const document = parseDocument(request.inline, 'the kubeconfig input');
        return selectContext(document, 'input', request.context);
    }
    const listed = (env.KUBECONFIG ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter((path) => path.length > 0);
    if (listed.length > 0) {
        const documents = listed.map((path) => readDocument(path, 'KUBECONFIG'));
        return selectContext(mergeDocuments(documents), 'KUBECONFIG', request.context);
    }
    const homeConfig = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.kube', 'config');
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(homeConfig)) {
        return selectContext(readDocument(homeConfig, '~/.kube/config'), '~/.kube/config', request.context);
    }
    const inClusterPathPrefix = request.inClusterPathPrefix ?? '';
    const inClusterRoot = inClusterPathPrefix + IN_CLUSTER_ROOT;
    if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(inClusterRoot, 'token'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `KUBERNETES_SERVICE_HOST is set but there is no service account token at ${inClusterRoot}/token; pass a kubeconfig instead.`);
        }
        if (request.context) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('context', 'contexts come from a kubeconfig, and none was found (the action runs in-cluster).');
        }
        const namespaceFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(inClusterRoot, 'namespace');
        const namespace = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(namespaceFile) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(namespaceFile, 'utf8').trim() : '';
        const host = env.KUBERNETES_SERVICE_HOST.includes(':')
            ? `[${env.KUBERNETES_SERVICE_HOST}]`
            : env.KUBERNETES_SERVICE_HOST;
        return {
            origin: 'in-cluster',
            inClusterPathPrefix,
            contextName: 'inClusterContext',
            namespace: namespace || 'default',
            server: `https://${host}:${env.KUBERNETES_SERVICE_PORT}`
        };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', 'no cluster credentials found: pass the kubeconfig input (e.g. `kubeconfig: ${{ secrets.KUBECONFIG }}`), or run a step that sets KUBECONFIG first (azure/k8s-set-context, aws eks update-kubeconfig, google-github-actions/get-gke-credentials).');
}
/**
 * A file the kubeconfig (or KUBECONFIG) names: its content, or an input error that says who names which
 * file and why it cannot be read. `namedBy` reads as the start of that sentence, e.g. `user "ci" names the
 * token file`.
 */
function readNamedFile(path, namedBy) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${namedBy} ${path}, which cannot be read (${code}).`);
    }
}
function readDocument(path, origin) {
    const text = readNamedFile(path, `${origin} names`).toString('utf8');
    return absolutePaths(parseDocument(text, `${path} (from ${origin})`), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path)));
}
function parseDocument(text, where) {
    let parsed;
    try {
        parsed = (0,js_yaml__WEBPACK_IMPORTED_MODULE_3__/* .load */ .Hh)(text);
    }
    catch (error) {
        const mark = error.mark;
        const line = mark ? ` at line ${mark.line + 1}` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${where} is not valid YAML${line}.`);
    }
    if (!isRecord(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${where} is not a kubeconfig (expected a YAML mapping with clusters, users and contexts).`);
    }
    return {
        ...parsed,
        clusters: namedEntries(parsed, 'clusters', 'cluster', where),
        users: namedEntries(parsed, 'users', 'user', where),
        contexts: namedEntries(parsed, 'contexts', 'context', where).map((entry) => ({
            name: entry.name,
            context: entry.context
        })),
        'current-context': typeof parsed['current-context'] === 'string' ? parsed['current-context'] : undefined
    };
}
function namedEntries(document, listKey, itemKey, where) {
    const list = document[listKey] ?? [];
    if (!Array.isArray(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${where}: \`${listKey}\` must be a list.`);
    return list.map((entry, index) => {
        if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${where}: entry ${index + 1} of \`${listKey}\` has no name.`);
        }
        const body = entry[itemKey];
        if (!isRecord(body)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `${where}: ${listKey.slice(0, -1)} "${entry.name}" has no \`${itemKey}\` mapping.`);
        }
        return { name: entry.name, [itemKey]: body };
    });
}
/**
 * kubectl's merge: the first file that defines a name wins, and so does the first non-empty current-context
 * (kubectl itself writes `current-context: ""` into a kubeconfig that has none yet).
 */
function mergeDocuments(documents) {
    const merged = { apiVersion: 'v1', kind: 'Config', clusters: [], users: [], contexts: [] };
    for (const document of documents) {
        for (const key of ['clusters', 'users', 'contexts']) {
            const known = new Set(merged[key].map((entry) => entry.name));
            for (const entry of document[key]) {
                if (!known.has(entry.name))
                    merged[key].push(entry);
            }
        }
        merged['current-context'] ||= document['current-context'];
    }
    return merged;
}
/** Files named in a kubeconfig file are relative to that file, as kubectl reads them. */
function absolutePaths(document, base) {
    const fix = (record, key) => {
        const value = record[key];
        if (typeof value === 'string' && value !== '' && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(value))
            record[key] = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(base, value);
    };
    for (const { cluster } of document.clusters)
        fix(cluster, 'certificate-authority');
    for (const { user } of document.users) {
        fix(user, 'client-certificate');
        fix(user, 'client-key');
        fix(user, 'tokenFile');
        fix(user, 'token-file');
    }
    return document;
}
function selectContext(document, origin, requested) {
    const source = origin === 'input' ? 'the kubeconfig input' : origin;
    const known = document.contexts.map((entry) => entry.name);
    const contextName = requested ?? document['current-context'];
    if (!contextName) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(requested === undefined ? 'kubeconfig' : 'context', `${source} has no current-context; set the context input to one of: ${known.join(', ') || '(none defined)'}.`);
    }
    const entry = document.contexts.find((candidate) => candidate.name === contextName);
    if (!entry) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(requested === undefined ? 'kubeconfig' : 'context', `context "${contextName}" is not defined in ${source}; it defines: ${known.join(', ') || '(none)'}.`);
    }
    const { cluster: clusterName, user: userName, namespace } = entry.context;
    const cluster = document.clusters.find((candidate) => candidate.name === clusterName);
    if (!cluster) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `context "${contextName}" names cluster "${clusterName}", which ${source} does not define.`);
    }
    if (!document.users.some((candidate) => candidate.name === userName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `context "${contextName}" names user "${userName}", which ${source} does not define.`);
    }
    const server = cluster.cluster.server;
    if (typeof server !== 'string' || !/^https?:\/\/[^\s/]+/.test(server)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('kubeconfig', `cluster "${clusterName}" in ${source} has no valid server URL (expected https://HOST[:PORT]).`);
    }
    return { origin, document, contextName, namespace: namespace || 'default', server };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 4963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vc: () => (/* binding */ SYSTEM_CLOCK),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
// Retries for transient API failures: 429 (honouring Retry-After), 5xx, dropped connections and timeouts.
// Bounded in attempts and in total time, with exponential backoff and full jitter so that concurrent
// namespaces (and concurrent jobs) do not retry in lock-step. A failure can ask for the whole time budget
// instead of the attempt limit: the caller's judgement that the server is coming back (a restart).
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    baseDelayMs: 200,
    maxDelayMs: 5000,
    budgetMs: 60_000
};
const SYSTEM_CLOCK = { now: () => Date.now(), sleep: (ms) => sleep(ms) };
async function withRetry(attempt, classify, onRetry, policy = DEFAULT_RETRY_POLICY, clock = SYSTEM_CLOCK) {
    const started = clock.now();
    for (let attemptNumber = 1;; attemptNumber++) {
        try {
            return await attempt();
        }
        catch (error) {
            const verdict = classify(error);
            if (!verdict.retryable || (attemptNumber >= policy.maxAttempts && !verdict.untilBudget))
                throw error;
            const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
            const delay = verdict.retryAfterMs ?? Math.round(Math.random() * backoff);
            if (clock.now() - started + delay > policy.budgetMs)
                throw error;
            onRetry(error, attemptNumber, delay);
            await clock.sleep(delay);
        }
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/** Retry-After as seconds (the API server's form) or an HTTP date; capped so a bad value cannot stall the step. */
function parseRetryAfter(value, capMs = 30_000) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    if (!Number.isFinite(ms))
        return undefined;
    return Math.min(capMs, Math.max(0, ms));
}


/***/ }),

/***/ 6527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ maskKubeconfig),
/* harmony export */   QS: () => (/* binding */ maskValue),
/* harmony export */   kV: () => (/* binding */ maskCredential),
/* harmony export */   vY: () => (/* binding */ maskDockerConfig),
/* harmony export */   vv: () => (/* binding */ maskSerializedConfig)
/* harmony export */ });
/* unused harmony exports MIN_SIGNIFICANT_LINE_LENGTH, maskSecretString */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3243);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7706);
// Registers every form in which a credential could reach the log with the runner's masker
// (core.setSecret → `::add-mask::`). The runner replaces each registered string wherever it appears, line
// by line, so a secret has to be registered in each form it could be printed in: as given, line by line,
// JSON-escaped (as inside the serialized config), Go-escaped (as kubectl writes it), base64-encoded (as in
// `auth` and in the Secret's data). The action also never prints these; masking is the second fence.



/**
 * A line of a multi-line secret is registered on its own only when, trimmed, it has at least this many
 * characters and at least one letter or digit. The runner masks each line of the log separately, so each
 * line of a multi-line secret (a JSON key file) must be registered, but a line such as `{`, `}`, `},` or
 * `"a": 1,` is structure, not secret: registering it would star out every brace in the log and make it
 * unreadable, while a fragment of under 6 characters carries too little of a key to be worth hiding (the
 * key's real secret, the private_key line, is hundreds of characters long).
 */
const MIN_SIGNIFICANT_LINE_LENGTH = 6;
function isSignificantLine(line) {
    return line.length >= MIN_SIGNIFICANT_LINE_LENGTH && /[\p{L}\p{N}]/u.test(line);
}
/** Registers one string, and each significant line of it when it spans lines. Empty strings are skipped. */
function maskValue(value) {
    if (value.trim() === '')
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    if (!/[\r\n]/.test(value))
        return;
    for (const line of value.split(/\r?\n|\r/)) {
        const trimmed = line.trim();
        if (isSignificantLine(trimmed))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(trimmed);
    }
}
/** The string as JSON.stringify writes it inside quotes. */
function jsonEscaped(value) {
    return JSON.stringify(value).slice(1, -1);
}
/** The string as Go's encoding/json (kubectl) writes it inside quotes: also <, >, &, U+2028 and U+2029. */
function goJsonEscaped(value) {
    return jsonEscaped(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** A secret string in every form it could be printed in: raw, its lines, JSON- and Go-escaped. */
function maskSecretString(secret) {
    maskValue(secret);
    const escapedForms = new Set();
    for (const text of [
        secret,
        ...secret
            .split(/\r?\n|\r/)
            .map((line) => line.trim())
            .filter(isSignificantLine)
    ]) {
        escapedForms.add(jsonEscaped(text));
        escapedForms.add(goJsonEscaped(text));
    }
    for (const form of escapedForms)
        if (form !== secret)
            maskValue(form);
}
/** The password of a credential (all forms) and its `auth`. The username is not a secret and stays readable. */
function maskCredential(credential) {
    if (credential.password === '')
        return;
    maskSecretString(credential.password);
    maskJsonKeyFields(credential.password);
    if (credential.username !== '')
        maskValue((0,_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeAuth */ .zx)(credential.username, credential.password));
}
// Fields of a JSON key file (a Google service-account key as a `_json_key` password) that are secret on
// their own. The private key sits on one line of the file with `\n` escapes; decoded (as a program that
// loads the key would print it) its PEM body lines are separate log lines, so each is registered too.
const JSON_KEY_SECRET_FIELDS = ['private_key', 'private_key_id', 'client_secret', 'refresh_token'];
function maskJsonKeyFields(password) {
    if (!password.trimStart().startsWith('{'))
        return;
    let key;
    try {
        key = JSON.parse(password);
    }
    catch {
        return;
    }
    if (typeof key !== 'object' || key === null)
        return;
    for (const field of JSON_KEY_SECRET_FIELDS) {
        const value = key[field];
        if (typeof value === 'string')
            maskValue(value);
    }
}
const SECRET_ENTRY_FIELDS = ['password', 'auth', 'identitytoken', 'registrytoken'];
/**
 * Every credential inside a Docker config, before or after validation: it walks any shape defensively so
 * that it can run on a config as soon as it is parsed, before a check that might fail.
 */
function maskDockerConfig(config) {
    if (typeof config !== 'object' || config === null)
        return;
    // Without an `auths` object the entries may sit at the top (the legacy .dockercfg form, refused later).
    const auths = config.auths;
    const entries = typeof auths === 'object' && auths !== null ? auths : config;
    for (const entry of Object.values(entries)) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const fields = entry;
        for (const field of SECRET_ENTRY_FIELDS) {
            const value = fields[field];
            if (typeof value === 'string')
                maskSecretString(value);
        }
        // The `auth` the Secret will hold for an entry given as username and password without one.
        if (typeof fields.username === 'string' && typeof fields.password === 'string' && fields.auth === undefined) {
            maskValue((0,_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeAuth */ .zx)(fields.username, fields.password));
        }
        // The password hidden in `auth`, when only `auth` is given.
        if (typeof fields.auth === 'string' && /^[A-Za-z0-9+/]+=*$/.test(fields.auth)) {
            const decoded = Buffer.from(fields.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon !== -1)
                maskSecretString(decoded.slice(colon + 1));
        }
    }
}
/**
 * The final `.dockerconfigjson` as the action sends it: the JSON itself and its base64 (the form it takes
 * in the Secret's `data`, e.g. in an API response or a `kubectl get secret -o yaml`).
 */
function maskSerializedConfig(serializedConfig) {
    maskValue(serializedConfig);
    maskValue(Buffer.from(serializedConfig, 'utf8').toString('base64'));
}
// Fields of a kubeconfig user (AuthInfo) that hold a secret. Decided field by field:
// - token, password: bearer token and basic-auth password.
// - client-key-data: the private key (base64 PEM); its decoded PEM lines too.
// - auth-provider.config: access-token, refresh-token, id-token, client-secret (oidc, gcp, azure).
// - exec.env: values of variables whose name says they are secret (AWS_SECRET_ACCESS_KEY, *_TOKEN, ...).
//   Other env values (AWS_PROFILE=prod, a region) are not secret and masking short common words would
//   star them out all over the log.
// Not masked: client-certificate-data and certificate-authority-data (public certificates), username,
// file paths (token-file, client-key), server URLs.
const KUBECONFIG_USER_SECRET_FIELDS = ['token', 'password', 'client-key-data'];
const AUTH_PROVIDER_SECRET_KEY_RE = /token|secret|password|key/i;
const SECRET_ENV_NAME_RE = /token|secret|password|passwd|key|credential|auth/i;
/**
 * The credentials inside kubeconfig YAML. Parses with the failsafe schema (every scalar a string, so a
 * numeric-looking token is not turned into a number) and ignores anything it cannot read: the kube layer
 * reports a malformed kubeconfig later.
 */
function maskKubeconfig(yamlText) {
    let document;
    try {
        document = (0,js_yaml__WEBPACK_IMPORTED_MODULE_1__/* .load */ .Hh)(yamlText, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_1__/* .FAILSAFE_SCHEMA */ .uH });
    }
    catch {
        return;
    }
    const users = asRecord(document)?.users;
    if (!Array.isArray(users))
        return;
    for (const named of users) {
        const user = asRecord(asRecord(named)?.user);
        if (!user)
            continue;
        for (const field of KUBECONFIG_USER_SECRET_FIELDS) {
            const value = user[field];
            if (typeof value !== 'string')
                continue;
            maskValue(value);
            if (field === 'client-key-data')
                maskValue(Buffer.from(value, 'base64').toString('utf8'));
        }
        const providerConfig = asRecord(asRecord(user['auth-provider'])?.config);
        for (const [key, value] of Object.entries(providerConfig ?? {})) {
            if (typeof value === 'string' && AUTH_PROVIDER_SECRET_KEY_RE.test(key))
                maskValue(value);
        }
        const exec = asRecord(user.exec);
        maskSecretArguments(exec?.args);
        const env = exec?.env;
        if (!Array.isArray(env))
            continue;
        for (const variable of env) {
            const { name, value } = asRecord(variable) ?? {};
            if (typeof name === 'string' && typeof value === 'string' && SECRET_ENV_NAME_RE.test(name))
                maskValue(value);
        }
    }
}
/** A flag that names a secret, e.g. kubelogin's `--client-secret`, with its value joined (`=`) or next. */
const SECRET_FLAG_RE = /^--?[\w-]*(?:secret|token|password)[\w-]*(?:=(.*))?$/i;
/** Exec plugin arguments such as `--client-secret=VALUE` or `--client-secret VALUE`. */
function maskSecretArguments(args) {
    if (!Array.isArray(args))
        return;
    args.forEach((arg, index) => {
        if (typeof arg !== 'string')
            return;
        const flag = SECRET_FLAG_RE.exec(arg);
        if (!flag)
            return;
        const joined = flag.at(1);
        const value = joined ?? args[index + 1];
        if (typeof value === 'string' && !value.startsWith('-'))
            maskValue(value);
    });
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}


/***/ }),

/***/ 7294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ redactedServer),
/* harmony export */   o: () => (/* binding */ registryServerProblem)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// What may stand as a key under `auths`: the forms the kubelet matches an image reference against
// (k8s.io/kubernetes/pkg/credentialprovider keyring): `host[:port][/path]`, optionally as an http(s) URL,
// where a host label may be a glob such as `*.gcr.io`. kubectl stores the server verbatim, so do we; this
// only refuses what can never match an image (or is a typo): whitespace, other schemes, user info, queries.

// A DNS label, or a glob over one (the kubelet matches keys like `*.dkr.ecr.*.amazonaws.com`). Upper case
// is accepted because registries are matched case-insensitively by the kubelet.
const HOST_LABEL_RE = /^(?:\*|[A-Za-z0-9*](?:[-A-Za-z0-9_*]{0,61}[A-Za-z0-9*])?)$/;
const PATH_RE = /^(?:\/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*$/;
/** Why a registry server string cannot be used, or undefined when it can. Never echoes user info. */
function registryServerProblem(server) {
    if (server === '')
        return 'is empty; give a registry host such as ghcr.io, or leave the input out';
    if (/\s/.test(server))
        return 'contains whitespace or a line break; give one registry host such as ghcr.io';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(server))
        return 'contains a control character';
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(server);
    if (scheme && !/^https?$/i.test(scheme[1])) {
        return `uses the scheme '${scheme[1]}://'; give a host such as ghcr.io, or an http:// or https:// URL`;
    }
    const rest = scheme ? server.slice(scheme[0].length) : server;
    const slash = rest.indexOf('/');
    const authority = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? '' : rest.slice(slash);
    if (authority.includes('@')) {
        return 'contains user information (an @ before the host); put the user name and password in their own inputs';
    }
    if (/[?#]/.test(path))
        return 'contains a query or fragment (? or #); give only host[:port][/path]';
    if (!PATH_RE.test(path))
        return 'has a path with characters that are not allowed in a URL path';
    if (authority === '')
        return 'has no host; give a registry host such as ghcr.io';
    let host = authority;
    let port;
    const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(authority);
    if (bracketed) {
        if (!(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(bracketed[1]))
            return `has '[${bracketed[1]}]', which is not an IPv6 address`;
        host = '';
        port = bracketed[2];
    }
    else {
        const colon = authority.lastIndexOf(':');
        if (colon !== -1) {
            host = authority.slice(0, colon);
            port = authority.slice(colon + 1);
        }
    }
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
        return 'has a port that is not a number from 1 to 65535';
    }
    if (host !== '' && !(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(host)) {
        if (host.length > 253)
            return 'has a host name longer than 253 characters';
        const labels = host.split('.');
        if (labels.some((label) => !HOST_LABEL_RE.test(label))) {
            return ('has an invalid host name: each dot-separated part must be 1-63 letters, digits or hyphens, not starting ' +
                "or ending with a hyphen (a '*' glob is allowed)");
        }
    }
    return undefined;
}
/** The server for a message: user info (`user:password@`), which may hold a credential, replaced by `***@`. */
function redactedServer(server) {
    return server.replace(/^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?)[^/]*@/, '$1***@');
}


/***/ })

};

export const id = 185;
export const ids = [185];
export const modules = {

/***/ 5964:
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
// Pure functions only: reading inputs and masking happen in inputs/read-inputs.ts and masking.ts.


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

/***/ 9148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   d5: () => (/* binding */ NO_SUCH_FILE),
/* harmony export */   kc: () => (/* binding */ FileProblem)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// Reading a file that an input or a kubeconfig names (a Docker config, a token file, a certificate): only a
// regular file, only up to a bound, never waiting. A path can name a FIFO (opening it blocks until a writer
// comes, which may be never), /dev/zero (endless) or a device; each is refused with a reason instead of
// hanging the step until the job's timeout or growing without bound.

/** Why a named file cannot be used, worded to follow "cannot read PATH (…)". */
class FileProblem extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
        this.name = 'FileProblem';
    }
}
/** The reason given for a path that does not exist (callers that skip missing files compare with it). */
const NO_SUCH_FILE = 'no such file';
const ERRNO_REASONS = {
    ENOENT: NO_SUCH_FILE,
    EACCES: 'permission denied',
    EISDIR: 'it is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links'
};
function readRegularFile(path, maxBytes) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new FileProblem(ERRNO_REASONS[code] ?? code);
    }
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stats.isDirectory())
            throw new FileProblem(ERRNO_REASONS.EISDIR);
        if (!stats.isFile())
            throw new FileProblem('it is not a regular file but a pipe, socket or device');
        if (stats.size > maxBytes)
            throw new FileProblem(`it is larger than ${describeBytes(maxBytes)}`);
        // One byte more than allowed is read, so a file that grew since fstat is still caught.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        for (;;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > maxBytes)
                throw new FileProblem(`it is larger than ${describeBytes(maxBytes)}`);
        }
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function describeBytes(bytes) {
    return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T6: () => (/* binding */ ProxyError),
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   kT: () => (/* binding */ causeOfCode),
/* harmony export */   rd: () => (/* binding */ networkFailure)
/* harmony export */ });
// What went wrong on the way to a server, in words: the one table of network, TLS and proxy failures that
// the API server calls (kube/api-errors.ts) and the registry check (registry/verify.ts) both word their
// messages from, and the one judgement of which of them are worth another attempt.
//
// A cause is named from its error code through these tables, never by quoting an error's message: node's
// messages are harmless, but a message from further away (a proxy, a parser) may quote what it was sent.
// Nothing here holds a response body, a header value or a credential.
/** A proxy refused, failed or could not be reached. `code` is the underlying one when there is one. */
class ProxyError extends Error {
    proxy;
    source;
    problem;
    code;
    retryable;
    constructor(
    /** The proxy as messages show it (proxy.ts's proxyLabel: no user-info). */
    proxy, 
    /** Where it was configured: `HTTPS_PROXY`, the kubeconfig's `proxy-url`… */
    source, 
    /** What it did, completing "the proxy X (from Y) …": `answered 407 to CONNECT host:443`. */
    problem, code, retryable) {
        super(`the proxy ${proxy} (from ${source}) ${problem}`);
        this.proxy = proxy;
        this.source = source;
        this.problem = problem;
        this.code = code;
        this.retryable = retryable;
        this.name = 'ProxyError';
    }
}
/** An answer whose body is longer than the caller allows: an error, never a truncated answer. */
class ResponseTooLargeError extends Error {
    limitBytes;
    code = 'RESPONSE_TOO_LARGE';
    constructor(limitBytes) {
        super(`the answer is larger than ${formatBytes(limitBytes)}`);
        this.limitBytes = limitBytes;
        this.name = 'ResponseTooLargeError';
    }
}
const unreachable = (phrase) => ({ kind: 'unreachable', phrase, retryable: true });
const certificate = (phrase, unknownAuthority = false) => ({
    kind: 'certificate',
    phrase,
    retryable: false,
    unknownAuthority
});
const tls = (phrase) => ({ kind: 'tls', phrase, retryable: false });
const UNKNOWN_AUTHORITY = 'certificate signed by an unknown authority';
/** By error code: node's system errors and its TLS/OpenSSL codes. */
const CAUSES = {
    ECONNREFUSED: unreachable('connection refused'),
    ECONNRESET: unreachable('connection reset'),
    ECONNABORTED: unreachable('connection aborted'),
    EPIPE: unreachable('connection closed'),
    ENOTFOUND: unreachable('the host name does not resolve'),
    EAI_AGAIN: unreachable('DNS lookup failed'),
    ETIMEDOUT: unreachable('connection timed out'),
    EHOSTUNREACH: unreachable('host unreachable'),
    ENETUNREACH: unreachable('network unreachable'),
    ERR_TLS_HANDSHAKE_TIMEOUT: { kind: 'tls', phrase: 'the TLS handshake timed out', retryable: true },
    SELF_SIGNED_CERT_IN_CHAIN: certificate(UNKNOWN_AUTHORITY, true),
    DEPTH_ZERO_SELF_SIGNED_CERT: certificate('self-signed certificate', true),
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: certificate(UNKNOWN_AUTHORITY, true),
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: certificate(UNKNOWN_AUTHORITY, true),
    UNABLE_TO_GET_ISSUER_CERT: certificate(UNKNOWN_AUTHORITY, true),
    CERT_UNTRUSTED: certificate('certificate not trusted', true),
    CERT_HAS_EXPIRED: certificate('certificate has expired'),
    CERT_NOT_YET_VALID: certificate('certificate is not valid yet'),
    CERT_SIGNATURE_FAILURE: certificate('certificate signature does not verify'),
    CERT_REVOKED: certificate('certificate has been revoked'),
    ERR_TLS_CERT_ALTNAME_INVALID: certificate("certificate is not valid for the server's host name"),
    ERR_SSL_WRONG_VERSION_NUMBER: tls('the server does not speak TLS on that port'),
    ERR_SSL_UNSUPPORTED_PROTOCOL: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
    ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
    ERR_SSL_NO_PROTOCOLS_AVAILABLE: tls('no TLS version in common (TLS 1.2 or newer is needed)'),
    ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: tls('the server ended the TLS handshake (no cipher or certificate in common)'),
    ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: tls('the server requires a client certificate'),
    ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: tls('the server did not accept the client certificate'),
    ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: tls('the server did not accept the client certificate'),
    ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: tls('the server did not accept the client certificate')
};
/** A code the tables do not list, by its family. */
function causeOfUnlisted(code) {
    if (/CERT|SELF_SIGNED|ISSUER/.test(code))
        return certificate('the server certificate was not accepted');
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
        return tls('the TLS handshake failed');
    if (code.startsWith('HPE_'))
        return { kind: 'other', phrase: 'the answer is not valid HTTP', retryable: false };
    return undefined;
}
/** The cause behind an error code, for messages that word a failure on the way to a proxy (tunnel.ts). */
function causeOfCode(code) {
    if (code === undefined)
        return undefined;
    return CAUSES[code] ?? causeOfUnlisted(code);
}
/** The error and its causes, outermost first (bounded: a cause chain can be cyclic). */
function causeChain(error) {
    const chain = [];
    let current = error;
    while (typeof current === 'object' && current !== null && chain.length < 6) {
        const entry = current;
        chain.push(entry);
        current = entry.cause;
    }
    return chain;
}
/**
 * What a failed request ran into, read by the error's shape, not with instanceof: errors may come from
 * another realm (jest's VM contexts), and a cause chain mixes DOMException, TypeError and system errors.
 */
function networkFailure(error) {
    const chain = causeChain(error);
    const proxy = chain.find((entry) => entry.name === 'ProxyError' || entry.name === 'ProxySettingError');
    if (proxy) {
        return {
            kind: 'proxy',
            cause: String(proxy.message),
            code: typeof proxy.code === 'string' ? proxy.code : undefined,
            retryable: proxy.retryable === true
        };
    }
    if (chain.some((entry) => entry.name === 'TimeoutError' || entry.name === 'AbortError')) {
        return { kind: 'timeout', cause: 'no answer in time (timeout)', code: 'TIMEOUT', retryable: true };
    }
    const tooLarge = chain.find((entry) => entry.name === 'ResponseTooLargeError');
    if (tooLarge)
        return { kind: 'too-large', cause: String(tooLarge.message), code: 'RESPONSE_TOO_LARGE', retryable: false };
    const code = tlsCodeOf(chain) ??
        chain
            .map((entry) => entry.code)
            .filter((value) => typeof value === 'string')
            .at(-1);
    const cause = causeOfCode(code);
    if (cause && code) {
        return {
            kind: cause.kind,
            cause: `${cause.phrase} (${code})`,
            code,
            retryable: cause.retryable,
            ...(cause.unknownAuthority ? { unknownAuthority: true } : {})
        };
    }
    // Anything else is named, not quoted: an unknown error's message may carry request details.
    const name = chain.at(-1)?.name;
    const label = code ?? (typeof name === 'string' ? name : typeof error);
    return { kind: 'other', cause: `the request failed (${label})`, code, retryable: false };
}
/**
 * node reports a TLS failure that surfaces while the request is being written as EPROTO, with OpenSSL's
 * reason only in the message ("…:SSL routines:…:wrong version number:…"); tls.connect reports the same as
 * ERR_SSL_WRONG_VERSION_NUMBER. The reason is read (never quoted) to give both the same code.
 */
function tlsCodeOf(chain) {
    for (const entry of chain) {
        const { code, reason, message } = entry;
        if (code !== 'EPROTO')
            continue;
        const text = typeof reason === 'string' ? reason : /SSL routines:[^:]*:([a-z0-9 ]+):/i.exec(String(message))?.[1];
        return text ? `ERR_SSL_${text.trim().toUpperCase().replace(/\W+/g, '_')}` : 'ERR_SSL_PROTOCOL';
    }
    return undefined;
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
        return `${bytes / (1024 * 1024)} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vc: () => (/* binding */ SYSTEM_CLOCK),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   sb: () => (/* binding */ statusVerdict),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
// The one retry loop of the action, for the API server calls and the registry check alike: 429 (honouring
// Retry-After), 5xx, dropped connections and timeouts. Bounded in attempts and in total time, with
// exponential backoff and full jitter so that concurrent namespaces (and concurrent jobs) do not retry in
// lock-step. The caller says what is transient (statusVerdict here for answers, errors.ts's networkFailure
// for everything else); a failure can ask for the whole time budget instead of the attempt limit: the
// caller's judgement that the server is coming back (a restart).
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
/**
 * An HTTP answer as the retry loop sees it: 429 and 5xx are worth another attempt (after the server's
 * Retry-After, when it gave one), except 501 Not Implemented, which the next attempt would get again.
 */
function statusVerdict(status, retryAfter, capMs) {
    const retryable = status === 429 || (status >= 500 && status !== 501);
    const retryAfterMs = retryable ? parseRetryAfter(retryAfter, capMs) : undefined;
    return retryAfterMs === undefined ? { retryable } : { retryable, retryAfterMs };
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

/***/ 9659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readConnectionInputs),
  K: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/docker-config/docker-config.ts
var docker_config = __webpack_require__(5964);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/validation/registry-server.ts
var registry_server = __webpack_require__(7294);
;// CONCATENATED MODULE: ./src/inputs/registries.ts
// The `registries` input: a YAML list of {registry, username, password, email}, or with the secrets taken
// from the step's environment (`username-env`, `password-env`).
//
// The runner pastes `${{ secrets.X }}` into the YAML before the action sees it, so a secret's own characters
// become YAML: ` #` starts a comment, a leading `*` makes an alias, `&` an anchor, `!` a tag, `: ` a nested
// mapping, `123456` a number. A YAML reader would quietly store something else, and the pods would meet
// ImagePullBackOff. So the text is read with a parser that keeps comments, anchors, tags and source
// positions (`yaml`), and every such sign fails the input, naming the entry and the fix but never quoting
// the text: the parser's own messages quote it, so only its error code and the position are used.





const INPUT = 'registries';
const VALUE_KEYS = ['registry', 'username', 'password', 'email'];
const ENV_KEYS = { 'username-env': 'username', 'password-env': 'password' };
/** The fields that hold secrets (or, for the username, part of the `auth` string): never changed in silence. */
const SECRET_KEYS = ['username', 'password'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PASS_THROUGH_ENV = "pass it with password-env (or username-env) from the step's env: instead of pasting it";
const EXAMPLE = 'e.g.\n- registry: quay.io\n  username: ${{ vars.QUAY_USER }}\n  password-env: QUAY_TOKEN   # with env: QUAY_TOKEN: ${{ secrets.QUAY_TOKEN }}';
/** What the parser's error codes mean for a pasted secret, worded without quoting the text. */
const YAML_ERROR_CAUSES = {
    BAD_SCALAR_START: 'a value starts with a character YAML reserves (%, @ or `)',
    BLOCK_AS_IMPLICIT_KEY: "a value holds ': ', which YAML reads as a nested mapping",
    MULTILINE_IMPLICIT_KEY: 'a value runs over several lines',
    UNEXPECTED_TOKEN: 'unexpected text after a value (a quote inside a quoted value?)',
    MISSING_CHAR: 'a quoted value is not closed',
    DUPLICATE_KEY: 'a key appears twice in one entry',
    BAD_INDENT: 'the indentation is inconsistent',
    TAB_AS_INDENT: 'a tab is used for indentation'
};
/**
 * The entries of the `registries` text, each checked and with its secrets masked. `env` is the step's
 * environment, for `username-env` / `password-env`.
 */
function parseRegistries(text, env) {
    if (text.trim() === '')
        return [];
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
    const root = document.contents;
    // Masked before anything can fail, whatever the shape: the runner masks the input only as a whole.
    maskSecretValues(root, text);
    const problem = [...document.errors, ...document.warnings].at(0);
    if (problem) {
        const { line, col } = lineCounter.linePos(problem.pos[0]);
        const entry = (0,dist/* isSeq */.oP)(root) ? root.items.findIndex((item) => covers(item, problem.pos[0])) : -1;
        const cause = YAML_ERROR_CAUSES[problem.code] ?? `YAML error ${problem.code}`;
        throw new errors/* InputError */.dz(INPUT, `is not valid YAML at line ${line}, column ${col}${entry >= 0 ? ` (entry ${entry + 1})` : ''}: ${cause}; ` +
            `if that is where a secret was pasted, ${PASS_THROUGH_ENV}`);
    }
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
        return [];
    if (!(0,dist/* isSeq */.oP)(root))
        throw new errors/* InputError */.dz(INPUT, `must be a YAML list of mappings, ${EXAMPLE}`);
    return root.items.map((item, index) => entryOf(item, `entry ${index + 1}`, env));
}
function entryOf(item, where, env) {
    if (!(0,dist/* isMap */.jh)(item))
        throw new errors/* InputError */.dz(INPUT, `${where} is not a mapping with registry, username and password`);
    const values = {};
    const fromEnv = {};
    const registryNode = item.items.find((pair) => keyOf(pair) === 'registry')?.value;
    // The registry names the entry in messages once it is known to be plain text; it is not secret.
    const registry = (0,dist/* isScalar */.jn)(registryNode) && typeof registryNode.value === 'string' ? registryNode.value.trim() : '';
    const named = registry === '' ? where : `${where} (registry '${(0,registry_server/* redactedServer */.U)(registry)}')`;
    for (const pair of item.items) {
        const key = keyOf(pair);
        if (key === undefined || !(VALUE_KEYS.includes(key) || key in ENV_KEYS)) {
            throw new errors/* InputError */.dz(INPUT, `${named} has an unknown key${key === undefined ? '' : ` '${key}'`}; the keys are registry, username (or username-env), password (or password-env) and email`);
        }
        const value = plainText(pair.value, key, named);
        if (key in ENV_KEYS)
            fromEnv[ENV_KEYS[key]] = value;
        else
            values[key] = value;
    }
    for (const field of ['username', 'password']) {
        const variable = fromEnv[field];
        if (variable === undefined)
            continue;
        if (values[field] !== undefined) {
            throw new errors/* InputError */.dz(INPUT, `${named} has both ${field} and ${field}-env; keep one`);
        }
        if (!ENV_NAME.test(variable)) {
            throw new errors/* InputError */.dz(INPUT, `the ${field}-env of ${named} must be an environment variable name, e.g. QUAY_TOKEN`);
        }
        const value = env[variable] ?? '';
        if (value.trim() === '') {
            throw new errors/* InputError */.dz(INPUT, `${named} takes its ${field} from ${variable}, which is ${variable in env ? 'empty' : 'not set'} in the step's environment; ` +
                `add it under the step's env:, e.g. ${variable}: \${{ secrets.${variable} }}`);
        }
        values[field] = value;
    }
    const text = (field) => values[field]?.trim() ?? '';
    (0,masking/* maskCredential */.kV)({ username: text('username'), password: text('password') });
    for (const field of ['registry', 'username', 'password']) {
        if (text(field) === '') {
            throw new errors/* InputError */.dz(INPUT, `${named} has no ${field}; each entry needs registry, username and password (or username-env / password-env)`);
        }
    }
    const credential = {
        server: text('registry'),
        username: text('username'),
        password: text('password')
    };
    if (text('email') !== '')
        credential.email = text('email');
    (0,docker_config/* validateCredential */.m3)(credential, named, () => INPUT);
    return credential;
}
/**
 * A value as written, or an InputError saying why YAML would store something other than the text. For the
 * secret fields every sign of a pasted secret that changed the document counts; elsewhere only the type.
 */
function plainText(node, key, where) {
    const field = `the ${key} of ${where}`;
    const secret = SECRET_KEYS.includes(key);
    const changed = (how) => new errors/* InputError */.dz(INPUT, `${field} ${how}, so YAML would not store it as written; ${PASS_THROUGH_ENV}, or quote it`);
    if (node === null)
        return undefined;
    if ((0,dist/* isAlias */.Vj)(node))
        throw changed("starts with '*', which YAML reads as a reference to an anchor");
    if (!(0,dist/* isScalar */.jn)(node))
        throw new errors/* InputError */.dz(INPUT, `${field} must be a plain string, not a list or mapping`);
    if (node.anchor !== undefined)
        throw changed("starts with '&', which YAML reads as an anchor name and drops");
    if (node.tag !== undefined)
        throw changed("starts with '!', which YAML reads as a type tag");
    if (node.value === null) {
        // `password:` with nothing after it is a missing value (reported as such); `~` or `null` written out is not.
        if ((node.source ?? '') === '')
            return undefined;
        throw changed('is read by YAML as null');
    }
    if (typeof node.value !== 'string')
        throw changed(`is read by YAML as a ${typeof node.value}, not text`);
    if (secret && node.comment)
        throw changed("holds ' #', which starts a YAML comment: the rest of it would be dropped");
    if (secret && node.type === dist/* Scalar */.X5.PLAIN && node.range && spansLines(node)) {
        throw changed('runs over several lines without a block scalar (| or >): YAML would join them with spaces');
    }
    return node.value;
}
function keyOf(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}
function covers(node, offset) {
    const range = node?.range;
    return range !== undefined && offset >= range[0] && offset <= range[2];
}
/** A plain scalar whose source holds a line break: the parser folded the lines into one. */
function spansLines(node) {
    const source = node.srcToken?.source;
    return typeof source === 'string' && /[\r\n]/.test(source);
}
/**
 * Masks what may be a secret before any check: every scalar under a username or password key, and — since a
 * document that does not parse has no trustworthy values — the rest of every line after `password:`.
 */
function maskSecretValues(root, text) {
    const visit = (node) => {
        if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                visit(item);
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const username = node.items.find((pair) => keyOf(pair) === 'username')?.value;
        for (const pair of node.items) {
            if (keyOf(pair) !== 'password')
                continue;
            const value = pair.value;
            const source = (0,dist/* isScalar */.jn)(value) && typeof value.source === 'string' ? value.source : '';
            const user = (0,dist/* isScalar */.jn)(username) && typeof username.value === 'string' ? username.value.trim() : '';
            if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string')
                (0,masking/* maskCredential */.kV)({ username: user, password: value.value.trim() });
            if (source.trim() !== '')
                (0,masking/* maskValue */.QS)(source.trim());
        }
    };
    visit(root);
    for (const match of text.matchAll(/password\s*:[ \t]*(.*)$/gm)) {
        const rest = match[1].trim();
        // A block scalar's header (`|`, `>-`) is syntax: masking it would star out every `|` in the log.
        if (!/^[|>][-+0-9]*$/.test(rest))
            (0,masking/* maskValue */.QS)(rest);
    }
}

;// CONCATENATED MODULE: ./src/validation/image-reference.ts
// Image references as kubelet reads a pod's `image:` before it looks for credentials: parsers.ParseImageName,
// which is github.com/distribution/reference ParseNormalizedNamed (v0.6.0, the version k8s.io/kubernetes
// 1.36 pins). "nginx" becomes docker.io/library/nginx, "org/app" docker.io/org/app, index.docker.io/x
// docker.io/x; a first part with a '.' or ':', or "localhost", or upper-case letters is the registry host.
// The keyring then matches that repository name (never the tag or digest) against the Secret's keys.
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
/** The digest algorithms kubelet's parser can check (crypto/sha256 and crypto/sha512 are linked in). */
const DIGEST_HEX_LENGTH = new Map([
    ['sha256', 64],
    ['sha384', 96],
    ['sha512', 128]
]);
/** reference.RepositoryNameTotalLengthMax: the path, without the domain. */
const MAX_PATH_LENGTH = 255;
/** The reference kubelet would pull, or why kubelet's parser refuses it (the pod would never start). */
function parseImageReference(text) {
    if (IDENTIFIER_RE.test(text))
        return { problem: 'is a 64-character hex image ID, not a repository name' };
    const { domain, remainder } = splitDockerDomain(text);
    const colon = remainder.indexOf(':');
    const remote = colon === -1 ? remainder : remainder.slice(0, colon);
    if (remote.toLowerCase() !== remote) {
        return { problem: `has upper-case letters in the repository name '${remote}'; repository names are lower case` };
    }
    const full = `${domain}/${remainder}`;
    const match = REFERENCE_RE.exec(full);
    if (!match) {
        if (REFERENCE_RE.test(full.toLowerCase()))
            return { problem: 'has upper-case letters in the repository name' };
        return {
            problem: 'is not an image reference; write [host[:port]/]name[:tag][@digest] in lower case, e.g. ghcr.io/org/app:1.2'
        };
    }
    const name = match[1];
    const digest = match.at(3);
    const parts = ANCHORED_NAME_RE.exec(name);
    const registry = parts?.[1] ?? '';
    const path = parts?.[2] ?? name;
    if (path.length > MAX_PATH_LENGTH)
        return { problem: `has a repository name longer than ${MAX_PATH_LENGTH} characters` };
    if (digest !== undefined) {
        const [algorithm, hex] = digest.split(':');
        const length = DIGEST_HEX_LENGTH.get(algorithm);
        if (length === undefined)
            return { problem: `has a digest with an unsupported algorithm '${algorithm}' (use sha256)` };
        if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
            return { problem: `has a malformed ${algorithm} digest (${length} lower-case hex characters)` };
        }
    }
    return { name: registry === '' ? path : `${registry}/${path}`, domain: registry };
}
/** reference.splitDockerDomain: which part is the registry, and the Docker Hub defaults. */
function splitDockerDomain(name) {
    const slash = name.indexOf('/');
    if (slash === -1)
        return { domain: 'docker.io', remainder: `library/${name}` };
    const first = name.slice(0, slash);
    let domain = first;
    let remainder = name.slice(slash + 1);
    if (first === 'index.docker.io')
        domain = 'docker.io';
    else if (first !== 'localhost' && !/[.:]/.test(first) && first.toLowerCase() === first) {
        domain = 'docker.io';
        remainder = name;
    }
    if (domain === 'docker.io' && !remainder.includes('/'))
        remainder = `library/${remainder}`;
    return { domain, remainder };
}

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

;// CONCATENATED MODULE: ./src/inputs/read-inputs.ts
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
        ...readContextInputs(),
        images: readImages(),
        dryRun: readBoolean('dry-run'),
        verifyRegistry: readBoolean('verify-registry'),
        recreate: readBoolean('recreate'),
        adopt: readBoolean('adopt'),
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
/** `registries`: parsed and masked by inputs/registries.ts, with the step's environment for `*-env` keys. */
function readRegistriesList() {
    return parseRegistries(core/* getInput */.V4('registries'), process.env);
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
/** Far above any real Docker config, and above the 1 MiB a Secret can hold (checked later, with its reason). */
const MAX_DOCKER_CONFIG_FILE_BYTES = 4 * 1024 * 1024;
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
        text = (0,files/* readRegularFile */.XF)((0,external_node_path_.resolve)(expanded), MAX_DOCKER_CONFIG_FILE_BYTES).toString('utf8');
    }
    catch (error) {
        if (!(error instanceof files/* FileProblem */.kc))
            throw error;
        throw new errors/* InputError */.dz('docker-config-file', `cannot read '${expanded}' (${error.reason}); give the path of a Docker config such as ~/.docker/config.json`);
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
/** `images`: comma/newline list, each parsed as kubelet parses a pod's image (docker.io/library/… for nginx). */
function readImages() {
    return readList('images').map((written) => {
        const parsed = parseImageReference(written);
        if ('problem' in parsed)
            throw new errors/* InputError */.dz('images', `'${printable(written)}' ${parsed.problem}`);
        return { written, ...parsed };
    });
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
/**
 * `context` (one kubeconfig context) or `contexts` (several, or `*` for every one, applied in one step): one
 * of the two, since a context given in both places would be ambiguous about which clusters are meant.
 */
function readContextInputs() {
    const context = readSingleLine('context');
    const contexts = readList('contexts');
    if (contexts.length === 0)
        return { context, contexts };
    if (context !== undefined) {
        throw new errors/* InputError */.dz('contexts', 'cannot be combined with context; list every context in contexts (or use context alone for one cluster)');
    }
    if (contexts.includes('*') && contexts.length > 1) {
        throw new errors/* InputError */.dz('contexts', "mixes '*' (every context of the kubeconfig) with names; give either '*' or names");
    }
    for (const name of contexts) {
        if (hasControlCharacter(name))
            throw new errors/* InputError */.dz('contexts', `'${printable(name)}' contains a control character; give context names`);
    }
    return { context, contexts };
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
 * even its short `reason` quotes a token (`unidentified alias "Xk9…"`, without the `*` that the runner's
 * mask would need to match). Only the position is given.
 */
function loadYamlWithoutEcho(text, input, schema) {
    try {
        return (0,js_yaml/* load */.Hh)(text, { schema });
    }
    catch (error) {
        const { mark } = error;
        const where = typeof mark?.line === 'number' && typeof mark.column === 'number'
            ? ` at line ${mark.line + 1}, column ${mark.column + 1}`
            : '';
        throw new errors/* InputError */.dz(input, `is not valid YAML${where}; check the text around it (not shown: it may hold a credential)`);
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
/* harmony export */   Gb: () => (/* binding */ briefOf),
/* harmony export */   Vp: () => (/* binding */ toKubeApiError),
/* harmony export */   W3: () => (/* binding */ KubeApiError),
/* harmony export */   gZ: () => (/* binding */ classifyForRetry)
/* harmony export */ });
/* unused harmony export shownServerMessage */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);
// Turns what the Kubernetes client throws into one plain sentence for the log, and tells the retry loop
// which failures are transient. The API server's own part is here (the operation, RBAC hints, the Status
// message, which carries no secret data); network, TLS and proxy failures are worded and judged by the
// HTTP layer's one table (http/errors.ts), shared with the registry check. Never includes a request body, a
// header value or a credential.



/**
 * A failure as the `result` output and the job summary may show it: our own words and the HTTP status for an
 * API error (see KubeApiError.brief), the message of any other worded failure.
 */
function briefOf(error) {
    return error instanceof KubeApiError ? error.brief : error instanceof Error ? error.message : String(error);
}
/** A failed API request, worded for the log; `status`/`reason` let callers react to 404 and 409. */
class KubeApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    status;
    reason;
    detailsKind;
    brief;
    constructor(message, status, reason, detailsKind, 
    /**
     * The same failure in our own words and the HTTP status only, without the server's message: what the
     * `result` output and the job summary carry (they outlive the log and are read by other tools).
     */
    brief = message) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.detailsKind = detailsKind;
        this.brief = brief;
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
function classifyForRetry(error) {
    const failure = httpFailure(error);
    if (failure)
        return (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .statusVerdict */ .sb)(failure.status, failure.headers['retry-after']);
    return { retryable: (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)(error).retryable };
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
/** Longest server message shown; Kubernetes' own messages are one short line. */
const MAX_SHOWN_MESSAGE_LENGTH = 300;
/**
 * The server's Status message as it may be shown: an admission webhook or a ValidatingAdmissionPolicy's
 * messageExpression can echo the request, i.e. the Secret's data (the docker config, its `auth`, the
 * password). A message that quotes anything of the kind — JSON, a long base64 run or a JWT (Kubernetes
 * names hold dashes, so they never make such a run), a credential-looking `key: value` — is left out and
 * replaced by our own words; the rest is kept to its first line, bounded.
 */
function shownServerMessage(message, status) {
    if (message === undefined || message.trim() === '')
        return `HTTP ${status}`;
    const quotesRequestData = /[{}]|"auths?"|\.dockerconfigjson"\s*:|imagePullSecrets|[A-Za-z0-9+/]{40,}|eyJ[A-Za-z0-9_-]{16,}|\b(?:password|passwd|token|auth|secret)\b\s*["']?\s*[:=]|\b(?:bearer|basic) [A-Za-z0-9+/=._-]{8,}/i.test(message);
    if (quotesRequestData)
        return `its message is not shown: it quotes what may be request data or a credential (HTTP ${status})`;
    const firstLine = message.split(/\r?\n/)[0].trim();
    return firstLine.length > MAX_SHOWN_MESSAGE_LENGTH
        ? `${firstLine.slice(0, MAX_SHOWN_MESSAGE_LENGTH - 3)}...`
        : firstLine;
}
function toKubeApiError(error, operation, context) {
    if (error instanceof KubeApiError)
        return error;
    const failure = httpFailure(error);
    if (failure) {
        const { status, body } = failure;
        // `raw` is only read (the RBAC parse below), never shown; `message` is what a sentence may quote.
        const raw = body.message ?? '';
        const message = shownServerMessage(body.message, status);
        const make = (text, brief) => new KubeApiError(text, status, body.reason, body.details?.kind, brief);
        // For the sentences that quote the server: the operation and the status, nothing of the server's text.
        const brief = `Cannot ${describe(operation)} (HTTP ${status}${body.reason ? ` ${body.reason}` : ''}).`;
        if (status === 401) {
            return make(`The Kubernetes API server at ${context.server} rejected the credentials of kubeconfig context "${context.contextName}" (401 Unauthorized): check that its token or client certificate is valid and not expired.`);
        }
        if (status === 403 && body.reason === 'Forbidden' && /cannot \w+ resource/.test(raw)) {
            const user = /User "([^"]*)"/.exec(raw)?.[1];
            const who = user ? `User "${user}"` : 'The kubeconfig user';
            const where = operation.namespace ? `a Role in namespace "${operation.namespace}"` : 'a ClusterRole';
            // The verb the server says is missing, which is not always the request's: a server-side apply that
            // creates the object is a PATCH that also needs `create`.
            const denied = /cannot (\w+) resource "([^"]+)"/.exec(raw);
            const missing = denied
                ? { ...operation, verb: denied[1], resource: denied[2] }
                : operation;
            return make(`${who} may not ${missing.verb} ${missing.resource}${operation.namespace ? ` in namespace "${operation.namespace}"` : ' at cluster scope'} (403 Forbidden). Grant it with this rule in ${where} bound to that user: ${grantingRule(missing)} (see the README's "Permissions").`);
        }
        if (status === 403)
            return make(`Cannot ${describe(operation)}: ${message} (403).`, brief);
        if (status === 404 && body.details?.kind === 'namespaces') {
            const namespace = body.details.name ?? operation.namespace;
            return make(`Namespace "${namespace}" does not exist: set \`create-namespace: true\`, or create it before this step.`);
        }
        if (status === 422 || status === 409 || status === 400)
            return make(`Cannot ${describe(operation)}: ${message}`, brief);
        if (status === 429 || status >= 500) {
            return make(`The Kubernetes API server kept failing to ${describe(operation)} (${status}${body.reason ? ` ${body.reason}` : ''}): ${message}`, brief);
        }
        return make(`Cannot ${describe(operation)}: ${message} (${status}).`, brief);
    }
    const network = (0,_http_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .rd)(error);
    const fail = (message, reason) => new KubeApiError(message, undefined, reason, undefined);
    switch (network.kind) {
        case 'timeout':
            return fail(`The Kubernetes API server at ${context.server} did not answer a request to ${describe(operation)} within ${context.requestTimeoutMs / 1000} s (after retries).`, 'Timeout');
        case 'certificate':
            return fail(`TLS with the Kubernetes API server at ${context.server} failed: ${network.cause}. Check the kubeconfig's certificate-authority data for this cluster.`, 'TLS');
        case 'tls':
            return fail(`TLS with the Kubernetes API server at ${context.server} failed: ${network.cause}. Check that the kubeconfig's server URL names the API server's HTTPS port.`, 'TLS');
        case 'unreachable':
            return fail(`Cannot reach the Kubernetes API server at ${context.server}: ${network.cause}. Check the kubeconfig's server URL and that the runner can reach the cluster.`, 'Unreachable');
        case 'proxy':
            return fail(`Cannot reach the Kubernetes API server at ${context.server}: ${network.cause}.`, 'Proxy');
        case 'too-large':
            return fail(`The Kubernetes API server's answer to ${describe(operation)} was not read: ${network.cause}.`, 'TooLarge');
        case 'other':
            return fail(`Cannot ${describe(operation)} on the Kubernetes API server at ${context.server}: ${network.cause}.`, undefined);
    }
}


/***/ }),

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
const FIELD_MANAGER = 'k8s-image-pull-secret-action';


/***/ }),

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ keyPairProblem),
/* harmony export */   C0: () => (/* binding */ IN_CLUSTER_ROOT),
/* harmony export */   Cj: () => (/* binding */ urlPasswordForms),
/* harmony export */   Qy: () => (/* binding */ displayUrl),
/* harmony export */   a8: () => (/* binding */ resolveKubeconfig),
/* harmony export */   g7: () => (/* binding */ resolveKubeconfigContexts),
/* harmony export */   kV: () => (/* binding */ maskCredential),
/* harmony export */   ku: () => (/* binding */ MAX_NAMED_FILE_BYTES),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   wh: () => (/* binding */ readNamedFile),
/* harmony export */   xC: () => (/* binding */ pemCertificates)
/* harmony export */ });
/* unused harmony export MIN_MASKED_LENGTH */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9148);
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6527);
// Finds the kubeconfig the action should use and checks it before any request is sent, without loading
// any Kubernetes client: a broken kubeconfig is an input error, reported as one line naming the input.
//
// It reads kubeconfigs as kubectl v1.36 (client-go v0.36, k8s.io/client-go/tools/clientcmd) reads them:
// - Sources, in kubectl's order: the `kubeconfig` input; else the files listed in KUBECONFIG (deduplicated,
//   a file that does not exist skipped, loader.go `Load`); else ~/.kube/config; else the in-cluster service
//   account (KUBERNETES_SERVICE_HOST and its token file).
// - Merge (loader.go `Load`): for each name the first file wins, and so does the first non-empty
//   current-context.
// - A file is refused as client-go refuses to load it: not YAML, a field of the wrong type (an unquoted
//   number as a token), `-data` that is not base64, or one name twice in a list (api/v1/conversion.go).
// - Relative paths are resolved against the folder of the file that holds them (loader.go
//   `ResolveLocalPaths`).
// Where the action deliberately differs from kubectl, the comment at the spot says so.








/** Where a pod's service account token, CA and namespace are mounted. */
const IN_CLUSTER_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';
const INPUT_SOURCE = 'the kubeconfig input';
function resolveKubeconfig(request) {
    const loaded = loadKubeconfig(request);
    if (loaded.origin !== 'in-cluster')
        return selectContext(loaded.document, loaded.origin, request.context);
    if (request.context) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('context', 'contexts come from a kubeconfig, and none was found (the action runs in-cluster).');
    }
    return loaded;
}
/**
 * The `contexts` input: each context named (or, for `*`, every context the kubeconfig defines, in its order),
 * each checked as the `context` input is, all before any request. A context that is not defined fails the
 * whole step here: a typo in a fleet's list should not quietly leave one cluster out.
 */
function resolveKubeconfigContexts(request, contexts) {
    const loaded = loadKubeconfig(request);
    if (loaded.origin === 'in-cluster') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('contexts', 'contexts come from a kubeconfig, and none was found (the action runs in-cluster); pass the kubeconfig input.');
    }
    const { document, origin } = loaded;
    const source = sourceOf(origin);
    const defined = document.contexts.map((entry) => entry.name).filter((name) => name !== '');
    const every = contexts.includes('*');
    const wanted = every ? defined : contexts;
    if (wanted.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('contexts', `'*' matches no context: ${source} defines none; give a kubeconfig with contexts, or name them.`);
    }
    const unknown = wanted.filter((name) => !defined.includes(name));
    if (unknown.length > 0) {
        const names = unknown.map((name) => `"${name}"`).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('contexts', `${unknown.length > 1 ? 'contexts' : 'context'} ${names} ${unknown.length > 1 ? 'are' : 'is'} not defined in ${source}; it defines: ${defined.join(', ') || '(none)'}.`);
    }
    return wanted.map((name) => selectContext(document, origin, name));
}
/** The kubeconfig document from the first source kubectl would use, or the in-cluster service account. */
function loadKubeconfig(request) {
    const env = request.env ?? process.env;
    if (request.inline !== undefined) {
        // The input is text, not a file, so there is no file to be relative to. kubectl, given a kubeconfig
        // without a location (from stdin or bytes), opens relative paths from its working directory; the
        // action's working directory is the workspace, so relative paths in the input name files there.
        const base = request.workingDirectory ?? process.cwd();
        const document = parseDocument(request.inline, INPUT_SOURCE);
        return { origin: 'input', document: located(document, base, INPUT_SOURCE) };
    }
    // filepath.SplitList, then loader.go `deduplicate`: the same file listed twice is read once.
    const listed = [...new Set((env.KUBECONFIG ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter((path) => path.length > 0))];
    if (listed.length > 0) {
        const documents = listed.flatMap((path) => {
            const document = readDocument(path, `${path} (from KUBECONFIG)`);
            return document ? [document] : [];
        });
        if (documents.length > 0)
            return { origin: 'KUBECONFIG', document: mergeDocuments(documents) };
        // kubectl warns and carries on with an empty config: it then uses the in-cluster service account if it
        // runs in a pod, else http://localhost:8080. Deliberate difference: the action was pointed at a
        // kubeconfig that is not there, and writing Secrets to whatever cluster the runner happens to sit in
        // would be worse than stopping.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `none of the files KUBECONFIG lists exists (${listed.join(', ')}); check the step that writes it, or pass the kubeconfig input.`);
    }
    const homeConfig = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.kube', 'config');
    const home = readDocument(homeConfig, '~/.kube/config');
    if (home)
        return { origin: '~/.kube/config', document: home };
    const inClusterPathPrefix = request.inClusterPathPrefix ?? '';
    const inClusterRoot = inClusterPathPrefix + IN_CLUSTER_ROOT;
    if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT) {
        if (!isFile((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(inClusterRoot, 'token'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `KUBERNETES_SERVICE_HOST is set but there is no service account token at ${inClusterRoot}/token; pass a kubeconfig instead.`);
        }
        const namespaceFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(inClusterRoot, 'namespace');
        const namespace = isFile(namespaceFile) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(namespaceFile, 'utf8').trim() : '';
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', 'no cluster credentials found: pass the kubeconfig input (e.g. `kubeconfig: ${{ secrets.KUBECONFIG }}`), or run a step that sets KUBECONFIG first (azure/k8s-set-context, aws eks update-kubeconfig, google-github-actions/get-gke-credentials).');
}
/**
 * A file the kubeconfig (or KUBECONFIG) names: its content, or an input error that says who names which
 * file and why it cannot be read. `namedBy` reads as the start of that sentence, e.g. `user "ci" names the
 * token file`.
 */
function readNamedFile(path, namedBy) {
    try {
        return (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularFile */ .XF)(path, MAX_NAMED_FILE_BYTES);
    }
    catch (error) {
        if (!(error instanceof _files_js__WEBPACK_IMPORTED_MODULE_6__/* .FileProblem */ .kc))
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${namedBy} ${path}, which cannot be read (${error.reason}).`);
    }
}
/** A kubeconfig, token, certificate or key file is kilobytes; this bound only stops a device or a runaway file. */
const MAX_NAMED_FILE_BYTES = 4 * 1024 * 1024;
/**
 * Inline tokens, token-file contents and the like shorter than this are not registered as secrets: too
 * short a value would star out ordinary text all over the log, and is no real credential anyway.
 */
const MIN_MASKED_LENGTH = 8;
/** Registers a credential read from a kubeconfig (or printed by its plugin) with the runner's masker. */
function maskCredential(value) {
    if (value.trim().length >= MIN_MASKED_LENGTH)
        (0,_masking_js__WEBPACK_IMPORTED_MODULE_7__/* .maskValue */ .QS)(value);
}
/** A URL's password as written (percent-encoded) and decoded: each form a log line could show. */
function urlPasswordForms(url) {
    if (url.password === '')
        return [];
    let decoded = url.password;
    try {
        decoded = decodeURIComponent(url.password);
    }
    catch {
        // Not valid percent-encoding: the raw form is the one that can be printed.
    }
    return [...new Set([url.password, decoded])];
}
/**
 * A password in a server URL (`https://admin:pw@host`) is a credential like any other: masked at once, raw
 * and percent-decoded. Messages and debug lines show the URL through displayUrl, without the user info.
 */
function maskUserInfo(server) {
    let url;
    try {
        url = new URL(server);
    }
    catch {
        return; // endpoint.ts refuses a server that is no URL, without quoting it
    }
    for (const form of urlPasswordForms(url))
        (0,_masking_js__WEBPACK_IMPORTED_MODULE_7__/* .maskValue */ .QS)(form);
}
/** `https://user:pw@host/` without its user info, for messages. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        return parsed.href.replace(/\/$/, '');
    }
    catch {
        return url.replace(/\/\/[^/@]*@/, '//');
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// ---- PEM material, checked as Go's crypto/tls and crypto/x509 check it when client-go builds its transport ----
const PEM_CERTIFICATE_RE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** The certificates of a PEM bundle that parse (x509.CertPool.AppendCertsFromPEM keeps those). */
function pemCertificates(pem) {
    const certificates = [];
    for (const block of pem.toString('utf8').match(PEM_CERTIFICATE_RE) ?? []) {
        try {
            certificates.push(new node_crypto__WEBPACK_IMPORTED_MODULE_3__.X509Certificate(block));
        }
        catch {
            // AppendCertsFromPEM skips a block that does not parse, too.
        }
    }
    return certificates;
}
/**
 * What is wrong with a client certificate and key (tls.X509KeyPair's checks: a PEM certificate, an
 * unencrypted PEM private key, RSA PKCS#1, EC SEC 1 or PKCS#8, that belongs to the certificate), or
 * undefined when they form a pair. Never quotes either.
 */
function keyPairProblem(cert, key) {
    const leaf = pemCertificates(cert).at(0);
    if (!leaf)
        return 'the client certificate is not a PEM certificate';
    let privateKey;
    try {
        privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.createPrivateKey)({ key, format: 'pem' });
    }
    catch {
        return 'the client key is not an unencrypted PEM private key (RSA, EC or PKCS #8)';
    }
    if (!leaf.checkPrivateKey(privateKey))
        return 'the client key does not belong to the client certificate';
    return undefined;
}
// ---- reading and checking one document ----
/** The document of one file, with its paths made absolute; undefined when the file does not exist. */
function readDocument(path, source) {
    let text;
    try {
        text = (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularFile */ .XF)(path, MAX_NAMED_FILE_BYTES).toString('utf8');
    }
    catch (error) {
        if (!(error instanceof _files_js__WEBPACK_IMPORTED_MODULE_6__/* .FileProblem */ .kc))
            throw error;
        // loader.go skips a file only when os.IsNotExist (ENOENT); anything else fails the load.
        if (error.reason === _files_js__WEBPACK_IMPORTED_MODULE_6__/* .NO_SUCH_FILE */ .d5)
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${source} cannot be read (${error.reason}).`);
    }
    return located(parseDocument(text, source), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path)), source);
}
function parseDocument(text, where) {
    let parsed;
    try {
        // An empty file (or only comments: YAML null) is an empty kubeconfig (clientcmd.Load), not an error.
        const blank = text.split(/\r?\n/).every((line) => /^\s*(?:#|$)/.test(line));
        parsed = blank ? {} : (0,js_yaml__WEBPACK_IMPORTED_MODULE_4__/* .load */ .Hh)(text);
    }
    catch (error) {
        // js-yaml's message quotes the text around the error, which may hold a token: only the line is kept.
        const mark = error.mark;
        const line = mark ? ` at line ${mark.line + 1}` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} is not valid YAML${line}.`);
    }
    if (parsed === undefined || parsed === null)
        parsed = {};
    if (!isRecord(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} is not a kubeconfig (expected a YAML mapping with clusters, users and contexts).`);
    }
    const currentContext = parsed['current-context'];
    if (currentContext !== undefined && currentContext !== null && typeof currentContext !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where}: \`current-context\` must be a string.`);
    }
    checkExtensions(parsed.extensions, `${where}: the top-level \`extensions\``);
    return {
        ...parsed,
        clusters: namedEntries(parsed, 'clusters', 'cluster', CLUSTER_FIELDS, where).map(({ name, body }) => ({
            name,
            cluster: body
        })),
        users: namedEntries(parsed, 'users', 'user', USER_FIELDS, where).map(({ name, body }) => {
            if (isRecord(body.exec))
                checkFields(body.exec, EXEC_FIELDS, `${where}: user "${name}" has \`exec\` with`);
            if (isRecord(body['auth-provider']))
                checkAuthProvider(body['auth-provider'], `${where}: user "${name}"`);
            return { name, user: body };
        }),
        contexts: namedEntries(parsed, 'contexts', 'context', CONTEXT_FIELDS, where).map(({ name, body }) => ({
            name,
            context: body
        })),
        'current-context': currentContext ?? undefined
    };
}
// The fields of client-go's v1 kubeconfig types (tools/clientcmd/api/v1/types.go) and their JSON types.
// Go's decoder fails the whole file on a value of another type; fields it does not know it ignores.
const CLUSTER_FIELDS = {
    server: 'string',
    'tls-server-name': 'string',
    'insecure-skip-tls-verify': 'boolean',
    'certificate-authority': 'string',
    'certificate-authority-data': 'base64',
    'proxy-url': 'string',
    'disable-compression': 'boolean',
    extensions: 'list'
};
const USER_FIELDS = {
    'client-certificate': 'string',
    'client-certificate-data': 'base64',
    'client-key': 'string',
    'client-key-data': 'base64',
    token: 'string',
    tokenFile: 'string',
    as: 'string',
    'as-uid': 'string',
    'as-groups': 'strings',
    'as-user-extra': 'mapping',
    username: 'string',
    password: 'string',
    'auth-provider': 'mapping',
    exec: 'mapping',
    extensions: 'list'
};
const CONTEXT_FIELDS = {
    cluster: 'string',
    user: 'string',
    namespace: 'string',
    extensions: 'list'
};
const EXEC_FIELDS = {
    command: 'string',
    args: 'strings',
    env: 'list',
    apiVersion: 'string',
    installHint: 'string',
    provideClusterInfo: 'boolean',
    interactiveMode: 'string'
};
const TYPE_NAMES = {
    string: 'a string (quote it)',
    boolean: 'true or false',
    base64: 'base64',
    strings: 'a list of strings',
    mapping: 'a mapping',
    list: 'a list'
};
/** Go's base64.StdEncoding as encoding/json decodes []byte with it: padded, CR and LF ignored. */
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function hasType(value, type) {
    switch (type) {
        case 'string':
            return typeof value === 'string';
        case 'boolean':
            return typeof value === 'boolean';
        case 'base64':
            return typeof value === 'string' && BASE64_RE.test(value.replace(/[\r\n]/g, ''));
        case 'strings':
            return Array.isArray(value) && value.every((item) => typeof item === 'string');
        case 'mapping':
            return isRecord(value);
        case 'list':
            return Array.isArray(value);
    }
}
/** Checks the known fields' types and drops null ones (Go leaves a null field at its zero value). */
function checkFields(body, fields, where) {
    for (const [key, value] of Object.entries(body)) {
        if (value === null) {
            // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a null field is an absent one
            delete body[key];
            continue;
        }
        const type = fields[key];
        if (type && !hasType(value, type)) {
            // The value itself is never quoted: it may be a credential.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} \`${key}\` that is not ${TYPE_NAMES[type]}.`);
        }
    }
}
function checkAuthProvider(provider, where) {
    checkFields(provider, { name: 'string', config: 'mapping' }, `${where} has \`auth-provider\` with`);
    for (const [key, value] of Object.entries(isRecord(provider.config) ? provider.config : {})) {
        if (typeof value !== 'string' && value !== null) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} has \`auth-provider.config\` with \`${key}\` that is not ${TYPE_NAMES.string}.`);
        }
    }
}
/** A list of `{name, extension}`: conversion.go refuses one name twice, as for clusters. */
function checkExtensions(list, where) {
    if (list === undefined || list === null)
        return;
    if (!Array.isArray(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} is not a list.`);
    const seen = new Set();
    for (const entry of list) {
        const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : '';
        if (seen.has(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} names the extension "${name}" twice, which kubectl refuses too; remove one.`);
        }
        seen.add(name);
    }
}
function namedEntries(document, listKey, itemKey, fields, where) {
    const list = document[listKey] ?? [];
    if (!Array.isArray(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where}: \`${listKey}\` must be a list.`);
    const kind = listKey.slice(0, -1);
    const seen = new Set();
    return list.map((entry, index) => {
        if (!isRecord(entry)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where}: entry ${index + 1} of \`${listKey}\` is not a mapping.`);
        }
        // Go reads a missing name as "": such an entry can never be chosen, but is no error by itself.
        const name = entry.name ?? '';
        if (typeof name !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where}: entry ${index + 1} of \`${listKey}\` has a name that is not a string.`);
        }
        if (seen.has(name)) {
            // client-go fails to convert the list (api/v1/conversion.go, `duplicate name … in list`) and so does
            // not load the file at all; its message prints the whole list, credentials included: ours does not.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where} defines the ${kind} "${name}" twice in \`${listKey}\`, which kubectl refuses too; rename or remove one.`);
        }
        seen.add(name);
        const body = entry[itemKey] ?? {};
        if (!isRecord(body)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `${where}: ${kind} "${name}" has a \`${itemKey}\` that is not a mapping.`);
        }
        const copy = { ...body };
        checkFields(copy, fields, `${where}: ${kind} "${name}" has`);
        checkExtensions(copy.extensions, `${where}: ${kind} "${name}"`);
        return { name, body: copy };
    });
}
// ---- merging and locating ----
/** Where each entry body was read from, for messages (entries are shared, not copied, by the merge). */
const sources = new WeakMap();
/**
 * loader.go `ResolveLocalPaths`: certificate-authority, client-certificate, client-key and tokenFile, and
 * exec.command only when it contains a path separator (a bare name is looked up in PATH), are made absolute
 * against `base`. Empty and absolute paths are left alone.
 */
function located(document, base, source) {
    const fix = (record, key) => {
        const value = record[key];
        if (typeof value === 'string' && value !== '' && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(value))
            record[key] = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(base, value);
    };
    for (const { cluster } of document.clusters) {
        fix(cluster, 'certificate-authority');
        sources.set(cluster, source);
    }
    for (const { user } of document.users) {
        fix(user, 'client-certificate');
        fix(user, 'client-key');
        fix(user, 'tokenFile');
        const exec = user.exec;
        if (isRecord(exec) && typeof exec.command === 'string' && exec.command.includes(node_path__WEBPACK_IMPORTED_MODULE_2__.sep))
            fix(exec, 'command');
        sources.set(user, source);
    }
    return document;
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
/** How messages name where the kubeconfig came from. */
function sourceOf(origin) {
    return origin === 'input' ? INPUT_SOURCE : origin;
}
function selectContext(document, origin, requested) {
    const source = sourceOf(origin);
    const known = document.contexts.map((entry) => entry.name).filter((name) => name !== '');
    const contextName = requested || document['current-context'];
    if (!contextName) {
        // Deliberate difference: with no current-context kubectl falls back to http://localhost:8080 (or the
        // in-cluster service account); the action refuses, since that is never the cluster a workflow means.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(requested ? 'context' : 'kubeconfig', `${source} has no current-context; set the context input to one of: ${known.join(', ') || '(none defined)'}.`);
    }
    const entry = document.contexts.find((candidate) => candidate.name === contextName);
    if (!entry) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(requested ? 'context' : 'kubeconfig', `context "${contextName}" is not defined in ${source}; it defines: ${known.join(', ') || '(none)'}.`);
    }
    const { cluster: clusterName, user: userName, namespace } = entry.context;
    // Deliberate differences: a context without a cluster, or naming one that is not defined, sends kubectl
    // to http://localhost:8080; one naming a user that is not defined gives kubectl an empty user (which it
    // then prompts for on stdin). Both are typos far more often than intent, and the action says so instead.
    const cluster = document.clusters.find((candidate) => candidate.name === clusterName);
    if (!clusterName || !cluster) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', clusterName
            ? `context "${contextName}" names cluster "${clusterName}", which ${source} does not define.`
            : `context "${contextName}" in ${source} names no cluster.`);
    }
    const user = document.users.find((candidate) => candidate.name === userName);
    if (userName && !user) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `context "${contextName}" names user "${userName}", which ${source} does not define.`);
    }
    const clusterSource = sources.get(cluster.cluster) ?? source;
    const server = cluster.cluster.server;
    if (typeof server !== 'string' || server === '') {
        // validation.go: `no server found for cluster`.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `cluster "${clusterName}" in ${clusterSource} has no server URL.`);
    }
    // Deliberate difference: kubectl reads a server without a scheme as http://; the action wants it spelled out.
    if (!/^https?:\/\/[^\s/]+/i.test(server)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('kubeconfig', `cluster "${clusterName}" in ${clusterSource} has no valid server URL (expected https://HOST[:PORT]).`);
    }
    maskUserInfo(server);
    return {
        origin,
        document,
        contextName,
        namespace: namespace || 'default',
        server,
        cluster: { name: clusterName, body: cluster.cluster, source: clusterSource },
        // A context without a user has an empty AuthInfo in kubectl too; credentials.ts says what that means.
        user: user
            ? { name: user.name, body: user.user, source: sources.get(user.user) ?? source }
            : { name: '', body: {}, source }
    };
}
/** inClusterClientConfig.Possible: the path exists and is not a folder. */
function isFile(path) {
    try {
        return !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3243);
/* harmony import */ var _docker_config_docker_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5964);
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
        maskValue((0,_docker_config_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeAuth */ .zx)(credential.username, credential.password));
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
            maskValue((0,_docker_config_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeAuth */ .zx)(fields.username, fields.password));
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

/***/ 7036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ cleanupPlanOf),
/* harmony export */   Fb: () => (/* binding */ saveCleanupPlan),
/* harmony export */   M7: () => (/* binding */ loadCleanupPlan),
/* harmony export */   nY: () => (/* binding */ cleanUp),
/* harmony export */   pT: () => (/* binding */ cleanupPlansByContext)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3355);
/* harmony import */ var _namespace_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9319);
/* harmony import */ var _service_accounts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9552);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3916);
/* harmony import */ var _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4005);
// `cleanup: true`: the post step, at the end of the job, undoes what the main step did — and only that.
// The main step saves a plan (names only, never a credential) with core.saveState; the post step, a new
// process running the same bundle, reads it back and carries it out.









const STATE_KEY = 'cleanup-plan';
function cleanupPlanOf(secretName, outcomes) {
    const results = outcomes.flatMap(({ context, results }) => results.map((result) => ({ context, ...result })));
    const namespaces = results
        .map((result) => ({
        ...(result.context === undefined ? {} : { context: result.context }),
        namespace: result.namespace,
        deleteSecret: result.secret === 'created',
        ...(result.createdSecret ? { secret: result.createdSecret } : {}),
        serviceAccounts: Object.entries(result.serviceAccounts)
            .filter(([name, outcome]) => outcome === 'added' && !result.uncertainServiceAccounts?.includes(name))
            .map(([name]) => name)
    }))
        .filter((entry) => entry.deleteSecret || entry.serviceAccounts.length > 0);
    const servers = Object.fromEntries(outcomes.flatMap(({ context, server }) => (context === undefined ? [] : [[context, server]])));
    if (Object.keys(servers).length > 0)
        return { secretName, namespaces, servers };
    const server = outcomes.find(({ context }) => context === undefined)?.server;
    return server === undefined ? { secretName, namespaces } : { secretName, namespaces, server };
}
/** The plan split by context (the one key `undefined` for a step without `contexts`), in the plan's order. */
function cleanupPlansByContext(plan) {
    const plans = new Map();
    for (const { context, ...entry } of plan.namespaces) {
        const part = plans.get(context) ?? { secretName: plan.secretName, namespaces: [] };
        part.namespaces.push(entry);
        plans.set(context, part);
    }
    return plans;
}
/** Where the plan's file is named when it does not go into the state itself. */
const STATE_FILE_KEY = 'cleanup-plan-file';
/**
 * The runner hands saved state to the post step as an environment variable, and Linux caps one at 128 KiB:
 * a plan for ~700 namespaces or more would keep the post step from starting at all. Past this size the
 * plan goes to a file in RUNNER_TEMP (the job's own folder, kept until the job ends) and the state names it.
 */
const MAX_INLINE_PLAN_BYTES = 32 * 1024;
function saveCleanupPlan(plan, env = process.env) {
    const text = JSON.stringify(plan);
    const folder = env.RUNNER_TEMP;
    if (Buffer.byteLength(text) <= MAX_INLINE_PLAN_BYTES || !folder) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEY, text);
        return;
    }
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, `k8s-image-pull-secret-action-cleanup-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}.json`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(file, text, { mode: 0o600 });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_FILE_KEY, file);
}
function loadCleanupPlan() {
    const file = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_FILE_KEY);
    const saved = file ? (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(file, 'utf8') : _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_KEY);
    return saved ? JSON.parse(saved) : undefined;
}
/**
 * Deletes the Secret the main step created, if it is still that object, unchanged. Another Secret of the
 * same name (deleted and created again by someone else: a new uid) or the same one changed since (another
 * run's credentials: a new resourceVersion) is left in place, with a warning. The server checks both
 * (DeleteOptions preconditions), so nothing changes between our look and the delete.
 */
async function deleteCreatedSecret(cluster, namespace, secretName, created, label) {
    const existing = await cluster.readSecret(namespace, secretName);
    if (!existing) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${label}: secret "${secretName}" was already gone`);
        return;
    }
    const leave = (why) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${label}: secret "${secretName}" was left in place: ${why}.`);
    };
    if (created && existing.metadata?.uid !== created.uid) {
        leave('it is not the Secret this run created (it was deleted and created again since)');
        return;
    }
    try {
        await cluster.deleteSecret(namespace, secretName, { dryRun: false }, created);
    }
    catch (error) {
        if (error instanceof _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .KubeApiError */ .W3 && error.status === 409) {
            leave('it changed after this run wrote it (another run or person updated it)');
            return;
        }
        throw error;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${label}: secret "${secretName}" deleted`);
}
/**
 * Returns one line per namespace that could not be cleaned up (`namespace: why`, or `context/namespace: why`
 * for a cluster of the `contexts` input).
 */
async function cleanUp(cluster, plan, context) {
    const label = (namespace) => (0,_namespace_js__WEBPACK_IMPORTED_MODULE_5__/* .namespaceLabel */ .Y)({ context }, namespace);
    const failures = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapConcurrently */ .X2)(plan.namespaces, _concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .NAMESPACE_CONCURRENCY */ .mo, async ({ namespace, deleteSecret, secret, serviceAccounts }) => {
        try {
            // References first, so no service account ever names a Secret that is gone.
            for (const name of serviceAccounts) {
                const outcome = await (0,_service_accounts_js__WEBPACK_IMPORTED_MODULE_6__/* .removePullSecret */ .k4)(cluster, namespace, name, plan.secretName, { dryRun: false });
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${label(namespace)}: service account "${name}" ${outcome === 'removed' ? 'no longer lists' : 'did not list'} "${plan.secretName}"`);
            }
            if (deleteSecret)
                await deleteCreatedSecret(cluster, namespace, plan.secretName, secret, label(namespace));
            return undefined;
        }
        catch (error) {
            return `${context === undefined ? '' : `${context}/`}${namespace}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .gJ)(error)}`;
        }
    });
    return failures.filter((failure) => failure !== undefined);
}


/***/ }),

/***/ 3355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ mapConcurrently),
/* harmony export */   Yv: () => (/* binding */ SERVICE_ACCOUNT_CONCURRENCY),
/* harmony export */   mo: () => (/* binding */ NAMESPACE_CONCURRENCY)
/* harmony export */ });
/* unused harmony export MAX_REQUESTS_IN_FLIGHT */
// How much the action does at once, and the one helper that bounds it. Within one namespace at most
// SERVICE_ACCOUNT_CONCURRENCY requests are outstanding at any moment (the Secret read beside at most three
// service-account reads, then one write at a time per service account, four accounts at once), and at most
// NAMESPACE_CONCURRENCY namespaces are in flight: so one cluster's API server never has more than
// MAX_REQUESTS_IN_FLIGHT (128) requests of a step at once, however many namespaces and service accounts there
// are. That is well under kube-apiserver's default max-requests-inflight (400) and equal to the transport's
// sockets per server, so no request waits for a socket long enough to eat into its timeout.
//
// The bound is per cluster: with `contexts`, every cluster is a different API server, with its own
// connection pool and its own 128, and they all run at once (the step takes as long as the slowest cluster,
// not the sum). Two contexts naming the same API server are two clusters to the action, so that server can
// see twice the bound.
/** Namespaces in flight at once, per cluster. */
const NAMESPACE_CONCURRENCY = 32;
/**
 * Requests in flight at once within one namespace: reads (the Secret and the service accounts), then
 * service-account updates (`service-accounts: '*'` can mean hundreds), never more than this together.
 */
const SERVICE_ACCOUNT_CONCURRENCY = 4;
/** The most requests one step has outstanding against one API server (cluster). */
const MAX_REQUESTS_IN_FLIGHT = NAMESPACE_CONCURRENCY * SERVICE_ACCOUNT_CONCURRENCY;
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

/***/ 4751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ desiredSecret),
/* harmony export */   P_: () => (/* binding */ RUN_ANNOTATION_PREFIX),
/* harmony export */   eR: () => (/* binding */ MANAGER_NAME),
/* harmony export */   lT: () => (/* binding */ MANAGED_BY_LABEL),
/* harmony export */   sj: () => (/* binding */ compareSecret)
/* harmony export */ });
/* unused harmony exports SECRET_TYPE, DATA_KEY */
const SECRET_TYPE = 'kubernetes.io/dockerconfigjson';
const DATA_KEY = '.dockerconfigjson';
/** Marks the Secrets this action writes (the recommended label, https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/). */
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGER_NAME = 'k8s-image-pull-secret-action';
/** Where the run that last changed the credentials is recorded; written only with a data change. */
const RUN_ANNOTATION_PREFIX = 'k8s-image-pull-secret-action/';
function desiredSecret(spec, runAnnotations) {
    return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
            name: spec.name,
            labels: { ...spec.labels, [MANAGED_BY_LABEL]: MANAGER_NAME },
            annotations: { ...spec.annotations, ...runAnnotations }
        },
        type: SECRET_TYPE,
        data: { [DATA_KEY]: Buffer.from(spec.dockerConfigJson, 'utf8').toString('base64') }
    };
}
function compareSecret(existing, spec, fieldManager) {
    const wanted = desiredSecret(spec, {});
    const sameData = (existing.data ?? {})[DATA_KEY] === wanted.data?.[DATA_KEY];
    const existingType = existing.type ?? 'Opaque';
    if (existingType !== SECRET_TYPE) {
        return {
            kind: 'needs-recreate',
            why: `it exists with type "${existingType}", and a Secret's type cannot be changed`
        };
    }
    if (!sameData && existing.immutable) {
        return { kind: 'needs-recreate', why: 'it exists and is immutable, so its data cannot be changed' };
    }
    if (!sameData)
        return { kind: 'data-differs' };
    const owned = ownedMetadataKeys(existing.metadata?.managedFields, fieldManager);
    const labelsMatch = mapMatches(existing.metadata?.labels, wanted.metadata?.labels ?? {}, owned.labels);
    const annotationsMatch = mapMatches(existing.metadata?.annotations, wanted.metadata?.annotations ?? {}, new Set([...owned.annotations].filter((key) => !key.startsWith(RUN_ANNOTATION_PREFIX))));
    if (labelsMatch && annotationsMatch)
        return { kind: 'equal' };
    return { kind: 'metadata-differs', runAnnotations: runAnnotationsOf(existing) };
}
/** Every wanted entry is there with its value, and no key we applied before has been dropped from the inputs. */
function mapMatches(existing, wanted, owned) {
    const current = existing ?? {};
    if (Object.entries(wanted).some(([key, value]) => current[key] !== value))
        return false;
    return [...owned].every((key) => key in wanted);
}
function runAnnotationsOf(secret) {
    return Object.fromEntries(Object.entries(secret.metadata?.annotations ?? {}).filter(([key]) => key.startsWith(RUN_ANNOTATION_PREFIX)));
}
/**
 * The label and annotation keys that our field manager applied, read from managedFields (FieldsV1:
 * `{"f:metadata":{"f:labels":{"f:KEY":{}}}}`). Server-side apply removes such keys when we stop sending
 * them, so a key dropped from the inputs is a change that needs a write.
 */
function ownedMetadataKeys(managedFields, fieldManager) {
    const labels = new Set();
    const annotations = new Set();
    for (const entry of managedFields ?? []) {
        if (entry.manager !== fieldManager || entry.operation !== 'Apply')
            continue;
        const metadata = entry.fieldsV1?.['f:metadata'];
        for (const key of Object.keys(metadata?.['f:labels'] ?? {}))
            if (key.startsWith('f:'))
                labels.add(key.slice(2));
        for (const key of Object.keys(metadata?.['f:annotations'] ?? {}))
            if (key.startsWith('f:'))
                annotations.add(key.slice(2));
    }
    return { labels, annotations };
}


/***/ }),

/***/ 9319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ reconcileNamespace),
/* harmony export */   Y: () => (/* binding */ namespaceLabel)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _kube_cluster_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6771);
/* harmony import */ var _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4005);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8902);
/* harmony import */ var _desired_secret_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4751);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3355);
/* harmony import */ var _service_accounts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9552);
// Everything the action does in one namespace: create it when asked, make the Secret right, add it to the
// service accounts. Reads go out together; writes only where something differs; the Secret is written
// before any service account names it, so a failure never leaves a reference to a Secret that is missing.








const DEFAULT_SERVICE_ACCOUNT = 'default';
/** How log lines name a namespace: `Namespace "web"`, or `Context "prod", namespace "web"` with `contexts`. */
function namespaceLabel(plan, namespace) {
    return plan.context === undefined ? `Namespace "${namespace}"` : `Context "${plan.context}", namespace "${namespace}"`;
}
async function reconcileNamespace(cluster, namespace, plan) {
    const result = { namespace, serviceAccounts: {}, namespaceCreated: false };
    try {
        await reconcileNamespaceSteps(cluster, namespace, plan, result);
    }
    catch (error) {
        result.error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
        result.errorBrief = (0,_kube_api_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .briefOf */ .Gb)(error);
    }
    return result;
}
async function reconcileNamespaceSteps(cluster, namespace, plan, result) {
    const write = { dryRun: plan.dryRun };
    if (plan.namespacesToCreate.has(namespace)) {
        result.namespaceCreated = (await cluster.createNamespace(namespace, write)) === 'created';
        if (result.namespaceCreated)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${namespaceLabel(plan, namespace)}: created${plan.dryRun ? ' (dry run)' : ''}`);
        if (result.namespaceCreated && plan.dryRun) {
            // Nothing can be checked inside a namespace that a dry run did not really create: report what the
            // real run would do there (a new namespace holds no Secret and only the default service account).
            planForNewNamespace(plan, result);
            return;
        }
    }
    const [existing, accounts] = await Promise.all([
        cluster.readSecret(namespace, plan.secret.name),
        readServiceAccounts(cluster, namespace, plan.serviceAccounts, result.namespaceCreated)
    ]);
    const missing = [...accounts]
        .filter(([name, account]) => !account && name !== DEFAULT_SERVICE_ACCOUNT)
        .map(([name]) => name);
    if (missing.length > 0)
        await failForMissingServiceAccounts(cluster, namespace, plan, missing);
    result.secret = await reconcileSecret(cluster, namespace, existing, plan, result);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${namespaceLabel(plan, namespace)}: secret "${plan.secret.name}" ${result.secret}`);
    // Every account settles before the namespace is reported: when one fails, another's wait or write must not
    // go on unseen and land after the outputs and the clean-up plan were written without it.
    await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapConcurrently */ .X2)([...accounts], _concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .SERVICE_ACCOUNT_CONCURRENCY */ .Yv, async ([name, account]) => {
        const serviceAccount = account ?? (await (0,_service_accounts_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForServiceAccount */ .lc)(cluster, namespace, name, plan.defaultServiceAccountTimeoutMs));
        const { outcome, certain } = await (0,_service_accounts_js__WEBPACK_IMPORTED_MODULE_5__/* .addPullSecret */ .bO)(cluster, namespace, serviceAccount, plan.secret.name, write);
        result.serviceAccounts[name] = outcome;
        if (!certain)
            (result.uncertainServiceAccounts ??= []).push(name);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${namespaceLabel(plan, namespace)}: service account "${name}" ${outcome === 'added' ? 'now pulls with' : 'already pulls with'} "${plan.secret.name}"`);
    });
}
/** Each wanted service account by name (undefined when missing), or all of them for '*'. */
async function readServiceAccounts(cluster, namespace, wanted, namespaceIsNew) {
    if (wanted === '*') {
        const all = new Map();
        for (const account of await cluster.listServiceAccounts(namespace))
            all.set(account.metadata?.name ?? '', account);
        // In a namespace created moments ago the list may not show `default` yet: it is coming, so wait for it.
        if (namespaceIsNew && !all.has(DEFAULT_SERVICE_ACCOUNT))
            all.set(DEFAULT_SERVICE_ACCOUNT, undefined);
        return all;
    }
    // Beside the Secret read: together never more than SERVICE_ACCOUNT_CONCURRENCY requests (concurrency.ts).
    const found = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .mapConcurrently */ .X2)(wanted, _concurrency_js__WEBPACK_IMPORTED_MODULE_4__/* .SERVICE_ACCOUNT_CONCURRENCY */ .Yv - 1, (name) => cluster.readServiceAccount(namespace, name));
    return new Map(wanted.map((name, index) => [name, found[index]]));
}
/**
 * A listed service account that is missing is most likely a typo, and fails the namespace before anything
 * is written. But a GET in a missing namespace also answers 404, so ask the server (a dry-run apply, which
 * the action may do anyway) whether the namespace itself is what is missing, to say the right thing.
 */
async function failForMissingServiceAccounts(cluster, namespace, plan, missing) {
    await cluster.applySecret(namespace, (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredSecret */ .Bm)(plan.secret, {}), { dryRun: true });
    const names = missing.map((name) => `"${name}"`).join(', ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Service account${missing.length > 1 ? 's' : ''} ${names} not found in namespace "${namespace}": check the service-accounts input for a typo, or create ${missing.length > 1 ? 'them' : 'it'} first.`);
}
async function reconcileSecret(cluster, namespace, existing, plan, result) {
    const write = { dryRun: plan.dryRun };
    if (!existing) {
        const created = await cluster.applySecret(namespace, (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredSecret */ .Bm)(plan.secret, plan.runAnnotations()), write);
        const uid = created.metadata?.uid;
        if (uid)
            result.createdSecret = { uid, resourceVersion: created.metadata?.resourceVersion };
        return 'created';
    }
    const comparison = (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .compareSecret */ .sj)(existing, plan.secret, _kube_cluster_js__WEBPACK_IMPORTED_MODULE_7__/* .FIELD_MANAGER */ .v);
    if (comparison.kind !== 'needs-recreate' && !plan.adopt)
        refuseTakeover(existing, plan, namespace);
    switch (comparison.kind) {
        case 'equal':
            return 'unchanged';
        case 'metadata-differs':
            await cluster.applySecret(namespace, (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredSecret */ .Bm)(plan.secret, comparison.runAnnotations), write);
            return 'updated';
        case 'data-differs':
            await cluster.applySecret(namespace, (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredSecret */ .Bm)(plan.secret, plan.runAnnotations()), write);
            return 'updated';
        case 'needs-recreate':
            if (!plan.recreate) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Secret "${plan.secret.name}" in namespace "${namespace}" cannot be updated: ${comparison.why}. Set \`recreate: true\` to delete and create it again.`);
            }
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${namespaceLabel(plan, namespace)}: secret "${plan.secret.name}" is recreated, as ${comparison.why}`);
            await cluster.deleteSecret(namespace, plan.secret.name, write);
            // A dry-run delete leaves the old Secret in place, so a dry-run create would be judged against it.
            if (!plan.dryRun)
                await applyAfterDelete(cluster, namespace, plan);
            return 'updated';
    }
}
/**
 * A Secret of that name that this action did not write (no managed-by label of ours) belongs to someone
 * else: applying ours over it would drop its other registries and put our label on it. That takes `adopt`.
 * (A Secret of another type or an immutable one is replaced only with `recreate`, which says as much.)
 */
function refuseTakeover(existing, plan, namespace) {
    if (existing.metadata?.labels?.[_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .MANAGED_BY_LABEL */ .lT] === _desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .MANAGER_NAME */ .eR)
        return;
    const managers = [...new Set((existing.metadata?.managedFields ?? []).map((entry) => entry.manager ?? ''))]
        .filter((manager) => manager !== '')
        .map((manager) => `"${manager}"`);
    const owner = managers.length > 0 ? `its fields are managed by ${managers.join(', ')}` : 'it has no field manager';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Secret "${plan.secret.name}" in namespace "${namespace}" exists and was not written by this action (${owner}, and no ${_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .MANAGED_BY_LABEL */ .lT}: ${_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .MANAGER_NAME */ .eR} label). Set \`adopt: true\` to take it over (its content is replaced by this step's registries), or choose another secret-name.`);
}
/** Right after a delete, a create can still meet the old object for a moment; retry that briefly. */
async function applyAfterDelete(cluster, namespace, plan) {
    for (let attempt = 1;; attempt++) {
        try {
            await cluster.applySecret(namespace, (0,_desired_secret_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredSecret */ .Bm)(plan.secret, plan.runAnnotations()), { dryRun: false });
            return;
        }
        catch (error) {
            const stillThere = error instanceof _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W3 && (error.status === 409 || error.status === 422);
            if (!stillThere || attempt >= 5)
                throw error;
            await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)(100 * attempt);
        }
    }
}
function planForNewNamespace(plan, result) {
    const wanted = plan.serviceAccounts === '*' ? [DEFAULT_SERVICE_ACCOUNT] : plan.serviceAccounts;
    const missing = wanted.filter((name) => name !== DEFAULT_SERVICE_ACCOUNT);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Service account${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} would not exist in the new namespace "${result.namespace}": only "default" is created with a namespace.`);
    }
    result.secret = 'created';
    for (const name of wanted)
        result.serviceAccounts[name] = 'added';
}


/***/ }),

/***/ 9552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bO: () => (/* binding */ addPullSecret),
/* harmony export */   k4: () => (/* binding */ removePullSecret),
/* harmony export */   lc: () => (/* binding */ waitForServiceAccount)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _kube_api_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4005);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8902);



/** Conflicts are expected under concurrency; each retry re-reads, so a handful is plenty. */
const MAX_CONFLICT_RETRIES = 10;
/**
 * `certain` is false when `added` is a guess: a write whose answer was lost, a conflict, then our entry
 * found on the next read. Most likely our own write landed, but another run may have added the same entry.
 */
async function addPullSecret(cluster, namespace, serviceAccount, secretName, options) {
    const result = await updateWithRetry(cluster, namespace, serviceAccount, options, (current) => {
        const entries = current.imagePullSecrets ?? [];
        if (entries.some((entry) => entry.name === secretName))
            return undefined;
        return [...entries, { name: secretName }];
    });
    if (result === 'unchanged')
        return { outcome: 'present', certain: true };
    return { outcome: 'added', certain: result === 'written' };
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
            return ownWriteMayHaveLanded ? 'probably-written' : 'unchanged';
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
        await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(Math.round(Math.random() * 50 * attempt));
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
        await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay);
    }
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
// is accepted, as kubectl accepts it, although kubelet compares hosts as written (a `GHCR.io` key matches
// no image): docker-config/pull-check.ts warns about such keys with the fix, rather than refusing what kubectl stores.
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

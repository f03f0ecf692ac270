export const id = 79;
export const ids = [79];
export const modules = {

/***/ 6079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyRegistryCredentials: () => (/* binding */ verifyRegistryCredentials)
});

// UNUSED EXPORTS: describeNetworkFailure, registryEndpoint

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/docker-config.ts
var docker_config = __webpack_require__(7706);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/kube/retry.ts
var retry = __webpack_require__(4963);
;// CONCATENATED MODULE: ./src/registry/challenge.ts
// The WWW-Authenticate header of a registry's 401 (RFC 7235): one or more challenges, each a scheme and
// comma-separated auth-params whose values may be quoted strings holding commas, spaces and \-escapes, e.g.
//   Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/i:pull"
//   Basic realm="https://123.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"
// Several headers arrive joined by ", " (fetch's Headers.get), which this grammar handles the same way.
const TOKEN_RE = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
function parseWwwAuthenticate(header) {
    const challenges = [];
    let position = 0;
    const skip = (characters) => {
        while (position < header.length && characters.includes(header[position]))
            position++;
    };
    const readToken = () => {
        TOKEN_RE.lastIndex = position;
        const match = TOKEN_RE.exec(header);
        if (!match)
            return undefined;
        position += match[0].length;
        return match[0];
    };
    const readQuoted = () => {
        position++; // the opening quote
        let value = '';
        while (position < header.length && header[position] !== '"') {
            if (header[position] === '\\' && position + 1 < header.length)
                position++;
            value += header[position];
            position++;
        }
        position++; // the closing quote (or past the end of an unterminated string)
        return value;
    };
    // RFC 7235 wants a token here, but some servers send URLs unquoted: take everything up to , or space.
    const readBare = () => {
        const start = position;
        while (position < header.length && !' \t,'.includes(header[position]))
            position++;
        return header.slice(start, position);
    };
    while (position < header.length) {
        skip(' \t,');
        const scheme = readToken();
        if (scheme === undefined) {
            position++; // a character no grammar rule accepts here (e.g. token68 padding): step over it
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(' \t,');
            const start = position;
            const name = readToken();
            if (name === undefined)
                break;
            skip(' \t');
            if (header[position] !== '=') {
                // A token not followed by '=' is the scheme of the next challenge.
                position = start;
                break;
            }
            position++;
            skip(' \t');
            challenge.params[name.toLowerCase()] = header[position] === '"' ? readQuoted() : readBare();
        }
    }
    return challenges;
}

;// CONCATENATED MODULE: ./src/registry/proxy.ts
// Which proxy a registry request goes through, from the variables runners and curl use: HTTPS_PROXY for
// https URLs, HTTP_PROXY for http ones (lower-case names win, as in curl), NO_PROXY to exempt hosts.
// undici's EnvHttpProxyAgent does the same but prints an "experimental" process warning into the workflow
// log on first use (undici 6), so the choice is made here and undici's stable ProxyAgent does the tunnelling.
// The kube-apiserver connection does not go through this module.
function variable(env, name) {
    const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
    return value?.trim() || undefined;
}
function defaultPort(protocol) {
    return protocol === 'http:' ? '80' : '443';
}
/** NO_PROXY entries: `*`, `host`, `.domain` / `*.domain` (subdomains), each optionally `:port`; IPs literally. */
function exempt(url, noProxy) {
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = url.port || defaultPort(url.protocol);
    return noProxy
        .split(/[\s,]+/)
        .filter(Boolean)
        .some((entry) => {
        if (entry === '*')
            return true;
        let pattern = entry.toLowerCase();
        let entryPort;
        const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(pattern);
        if (bracketed)
            [, pattern = '', entryPort] = bracketed;
        else if (pattern.split(':').length === 2)
            [pattern = '', entryPort] = pattern.split(':'); // not a bare IPv6
        if (entryPort && entryPort !== port)
            return false;
        pattern = pattern.replace(/^\*/, '');
        if (pattern.startsWith('.'))
            return host.endsWith(pattern) || host === pattern.slice(1);
        return host === pattern || host.endsWith(`.${pattern}`);
    });
}
/** The proxy URL for `url`, or undefined for a direct connection. */
function proxyFor(url, env = process.env) {
    const proxy = url.protocol === 'http:' ? variable(env, 'http_proxy') : variable(env, 'https_proxy');
    if (!proxy)
        return undefined;
    const noProxy = variable(env, 'no_proxy');
    if (noProxy && exempt(url, noProxy))
        return undefined;
    return proxy;
}

;// CONCATENATED MODULE: ./src/registry/verify.ts
// `verify-registry`: ask each registry whether it accepts the credentials, the way a container runtime's
// login does (Registry v2 API): GET /v2/ without credentials; a 401 names the scheme in WWW-Authenticate;
// Basic → GET /v2/ again with Basic auth; Bearer → GET the token realm (service, scope if the challenge
// gives one, account) with Basic auth, then GET /v2/ with the token.
//
// TLS trust comes from the runner's CA store plus NODE_EXTRA_CA_CERTS, which Node reads at start-up and
// applies to every tls.connect without an explicit `ca` (undici's included); proxies from HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY (proxy.ts) through undici's ProxyAgent. Nothing here logs a credential, an
// Authorization header or a token: debug lines hold hosts, paths and status codes only.








const DEFAULT_TIMEOUT_MS = 15_000;
// A login check is a handful of requests; a registry that stays unavailable should fail the step quickly.
const RETRY_POLICY = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 2000, budgetMs: 20_000 };
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
// Keys Docker uses for Docker Hub; its Registry v2 API is served by registry-1.docker.io.
const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const SKIP_HINT = 'set verify-registry: false to skip this check';
/** Where the Registry v2 API of a docker config key lives: scheme and path dropped, port kept, Docker Hub mapped. */
function registryEndpoint(server) {
    const scheme = /^(https?):\/\//i.exec(server);
    const rest = scheme ? server.slice(scheme[0].length) : server;
    const authority = rest.split('/')[0] ?? '';
    if (DOCKER_HUB_HOSTS.has(authority.toLowerCase()))
        return { origin: 'https://registry-1.docker.io' };
    // Plain HTTP only when asked for: falling back to it would send the credentials in clear text.
    const protocol = scheme?.[1]?.toLowerCase() === 'http' ? 'http' : 'https';
    return { origin: `${protocol}://${authority}` };
}
/** A response whose status is worth another attempt, carried through withRetry as an error. */
class RetryableStatus extends Error {
    response;
    constructor(response) {
        super(`HTTP ${response.status}`);
        this.response = response;
    }
}
// Errors are read by shape, not with instanceof: undici and node:net may create them in another realm
// (jest's VM contexts do this), and a cause chain mixes DOMException, TypeError and system errors.
function asRecord(value) {
    return typeof value === 'object' && value !== null ? value : undefined;
}
/** The error and its causes, outermost first (bounded: a cause chain can be cyclic). */
function causeChain(error) {
    const chain = [];
    for (let current = asRecord(error); current && chain.length < 6; current = asRecord(current.cause))
        chain.push(current);
    return chain;
}
function errorCodes(error) {
    return causeChain(error)
        .map((entry) => entry.code)
        .filter((code) => typeof code === 'string');
}
function isTimeout(error) {
    return causeChain(error).some((entry) => entry.name === 'TimeoutError' || entry.code === 'UND_ERR_CONNECT_TIMEOUT');
}
function innermostMessage(error) {
    const messages = causeChain(error)
        .map((entry) => entry.message)
        .filter((message) => typeof message === 'string' && message !== '');
    return messages.at(-1) ?? String(error);
}
/** The network or TLS failure as a short phrase, with the hint that fixes it where there is one. */
function describeNetworkFailure(error, timeoutMs) {
    if (isTimeout(error))
        return `no answer within ${timeoutMs / 1000} s (timeout)`;
    const codes = errorCodes(error);
    const code = codes.at(-1);
    if (code === 'ECONNREFUSED')
        return 'connection refused (ECONNREFUSED)';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return `the host name does not resolve (${code})`;
    if (code === 'ECONNRESET')
        return 'the connection was reset (ECONNRESET)';
    if (code && (/CERT|SELF_SIGNED|ISSUER|SIGNATURE/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID')) {
        return (`its TLS certificate is not trusted: ${innermostMessage(error).split(';')[0]} (${code}); for a registry with a private CA, ` +
            'give the runner the CA certificate through NODE_EXTRA_CA_CERTS');
    }
    const message = innermostMessage(error);
    if (code?.startsWith('ERR_SSL')) {
        return `the TLS handshake failed: ${message} (${code}); if the registry serves plain HTTP only, write its key as http://HOST`;
    }
    // Anything else is named, not quoted: an unknown error's message may carry request details.
    const name = causeChain(error).at(-1)?.name;
    return `the request failed (${code ?? (typeof name === 'string' ? name : 'unknown error')})`;
}
function classify(error) {
    if (error instanceof RetryableStatus) {
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(error.response.headers.get('retry-after') ?? undefined, 10_000);
        return retryAfterMs === undefined ? { retryable: true } : { retryable: true, retryAfterMs };
    }
    return { retryable: isTimeout(error) || errorCodes(error).some((code) => RETRYABLE_NETWORK_CODES.has(code)) };
}
/** Scheme, host and path: never the query (a token URL carries the account name) nor any header. */
function forLog(url) {
    return `${url.origin}${url.pathname}`;
}
async function verifyRegistryCredentials(credential, options = {}) {
    const { server } = credential;
    if (server.includes('*')) {
        core/* warning */.$e(`Registry '${server}' is a wildcard pattern, so verify-registry cannot check it; skipped.`);
        return;
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let apiBase;
    try {
        apiBase = new URL('/v2/', registryEndpoint(server).origin);
    }
    catch {
        // Inputs are validated before this runs; this guards against a key only the URL parser refuses.
        throw new errors/* ActionError */.lZ(`Registry '${server}' is not a host[:port] that an HTTPS URL can be made of; ${SKIP_HINT}.`);
    }
    // Agents per check (direct, or one per proxy): no pooled connection outlives the check, and a registry
    // and its token realm on another host each get the route NO_PROXY gives them.
    const dispatchers = new Map();
    function dispatcherFor(url) {
        const proxy = proxyFor(url) ?? '';
        let dispatcher = dispatchers.get(proxy);
        if (!dispatcher) {
            dispatcher = proxy ? new undici.ProxyAgent(proxy) : new undici.Agent();
            dispatchers.set(proxy, dispatcher);
        }
        return dispatcher;
    }
    /** GET with timeout and retries; the body is read here so the connection is released. */
    async function get(url, authorization) {
        const attempt = async () => {
            const response = await (0,undici.fetch)(url, {
                headers: authorization ? { authorization } : {},
                dispatcher: dispatcherFor(url),
                redirect: 'follow',
                signal: AbortSignal.timeout(timeoutMs)
            });
            if (RETRYABLE_STATUSES.has(response.status)) {
                await response.body?.cancel();
                throw new RetryableStatus(response);
            }
            return response;
        };
        let response;
        try {
            response = await (0,retry/* withRetry */.bD)(attempt, classify, (error, attemptNumber, delayMs) => {
                const failure = error instanceof RetryableStatus ? error.message : describeNetworkFailure(error, timeoutMs);
                core/* debug */.Yz(`verify-registry: GET ${forLog(url)} attempt ${attemptNumber}: ${failure}; retrying in ${delayMs} ms`);
            }, RETRY_POLICY);
        }
        catch (error) {
            if (error instanceof RetryableStatus)
                response = error.response;
            else {
                throw new errors/* ActionError */.lZ(`Could not reach registry '${server}' from the runner (GET ${forLog(url)}): ` +
                    `${describeNetworkFailure(error, timeoutMs)}. The cluster may still be able to reach it; ${SKIP_HINT}.`);
            }
        }
        const body = response.bodyUsed ? '' : await response.text().catch(() => '');
        core/* debug */.Yz(`verify-registry: GET ${forLog(url)} → ${response.status}`);
        return { status: response.status, headers: response.headers, body };
    }
    function rejected(status, answeredBy) {
        return new errors/* ActionError */.lZ(`Registry '${server}' rejected the credentials (${answeredBy} answered HTTP ${status}). Check the username ` +
            'and password for this registry, and that a token used as the password is still valid and may pull ' +
            '(for GHCR a token with read:packages, for Docker Hub an access token with read access).');
    }
    function unexpected(status, url) {
        return new errors/* ActionError */.lZ(`Registry '${server}' answered HTTP ${status} to GET ${forLog(url)}, which a Registry v2 API does not; ` +
            `check the registry address, or ${SKIP_HINT}.`);
    }
    async function bearerToken(challenge, basic) {
        const { realm, service, scope } = challenge.params;
        let url;
        try {
            url = new URL(realm ?? '');
        }
        catch {
            throw new errors/* ActionError */.lZ(`Registry '${server}' asked for a Bearer token without a usable realm URL; ${SKIP_HINT}.`);
        }
        // The realm gets the password: never over plain HTTP unless the registry itself was given as http://.
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && apiBase.protocol === 'http:')) {
            throw new errors/* ActionError */.lZ(`Registry '${server}' sends clients to the token service ${forLog(url)}, which is not HTTPS; the credentials ` +
                `were not sent there; ${SKIP_HINT}.`);
        }
        if (service)
            url.searchParams.set('service', service);
        for (const oneScope of (scope ?? '').split(' ').filter(Boolean))
            url.searchParams.append('scope', oneScope);
        url.searchParams.set('account', credential.username);
        const answer = await get(url, basic);
        if (answer.status === 401 || answer.status === 403)
            throw rejected(answer.status, `the token service ${url.host}`);
        if (answer.status < 200 || answer.status > 299)
            throw unexpected(answer.status, url);
        let token;
        try {
            const parsed = JSON.parse(answer.body);
            token = parsed.token || parsed.access_token;
        }
        catch {
            token = undefined;
        }
        if (typeof token !== 'string' || token === '') {
            throw new errors/* ActionError */.lZ(`The token service of registry '${server}' (${url.host}) answered without a token; ${SKIP_HINT}.`);
        }
        // The token is a credential too. undici's error for a header value it cannot send quotes the value, so
        // such a token is refused here, without it.
        (0,masking/* maskValue */.QS)(token);
        if (!/^[\x21-\x7e]+$/.test(token)) {
            throw new errors/* ActionError */.lZ(`The token service of registry '${server}' (${url.host}) answered with a token that cannot be sent in an ` +
                `HTTP header; ${SKIP_HINT}.`);
        }
        return token;
    }
    try {
        const probe = await get(apiBase);
        if (probe.status >= 200 && probe.status <= 299) {
            core/* debug */.Yz(`verify-registry: ${apiBase.host} does not require authentication; nothing to check`);
            return;
        }
        if (probe.status !== 401)
            throw unexpected(probe.status, apiBase);
        const challenges = parseWwwAuthenticate(probe.headers.get('www-authenticate') ?? '');
        const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
        if (!challenge) {
            throw new errors/* ActionError */.lZ(`Registry '${server}' answered 401 without a Basic or Bearer challenge, so the credentials cannot be checked; ` +
                `${SKIP_HINT}.`);
        }
        const basic = `Basic ${(0,docker_config/* encodeAuth */.zx)(credential.username, credential.password)}`;
        const authorization = challenge.scheme === 'bearer' ? `Bearer ${await bearerToken(challenge, basic)}` : basic;
        const checked = await get(apiBase, authorization);
        if (checked.status === 401 || checked.status === 403)
            throw rejected(checked.status, `the registry ${apiBase.host}`);
        if (checked.status < 200 || checked.status > 299)
            throw unexpected(checked.status, apiBase);
        core/* debug */.Yz(`verify-registry: ${apiBase.host} accepted the credentials (${challenge.scheme})`);
    }
    finally {
        await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.destroy()));
    }
}


/***/ })

};

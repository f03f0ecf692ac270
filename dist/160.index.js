export const id = 160;
export const ids = [160];
export const modules = {

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyRegistryCredentials: () => (/* binding */ verifyRegistryCredentials)
});

// UNUSED EXPORTS: registryEndpoint

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./src/docker-config/docker-config.ts
var docker_config = __webpack_require__(5964);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/connections.ts + 1 modules
var http_connections = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/http/errors.ts
var http_errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/request.ts
var request = __webpack_require__(7777);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/validation/kubelet-keyring.ts + 1 modules
var kubelet_keyring = __webpack_require__(5918);
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

;// CONCATENATED MODULE: ./src/registry/verify.ts
// `verify-registry`: ask each registry whether it accepts the credentials, the way a container runtime's
// login does (Registry v2 API): GET /v2/ without credentials; a 401 names the scheme in WWW-Authenticate;
// Basic → GET /v2/ again with Basic auth; Bearer → GET the token realm (service, scope if the challenge
// gives one, account) with Basic auth, then GET /v2/ with the token.
//
// The requests go through the action's one HTTP layer (src/http), as the API server calls do: TLS trust from
// the runner's CA store plus NODE_EXTRA_CA_CERTS (node applies both to every connection without an explicit
// `ca`), the proxy HTTPS_PROXY / HTTP_PROXY / NO_PROXY choose as kubectl would, the same retry loop and the
// same wording of network failures. Redirects are followed only within the registry's origin: the
// credentials go to no other host than the one they were given for (a token realm is named by the
// registry's challenge and checked separately). Nothing here logs a credential, an Authorization header or
// a token: debug lines hold hosts, paths and status codes only.










const DEFAULT_TIMEOUT_MS = 15_000;
// A login check is a handful of requests; a registry that stays unavailable should fail the step quickly.
const RETRY_POLICY = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 2000, budgetMs: 20_000 };
// A Registry v2 answer is a small JSON document (a token, an error list): anything longer is not one.
const MAX_RESPONSE_BYTES = 1024 * 1024;
// A login check makes a handful of sequential requests.
const MAX_SOCKETS = 4;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Keys Docker uses for Docker Hub; its Registry v2 API is served by registry-1.docker.io.
const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const SKIP_HINT = 'set verify-registry: false to skip this check';
/**
 * The Registry v2 API that pulls through a docker config key reach: the host of the key as kubelet files it
 * (kubelet-keyring.ts: a lower-case scheme and a leading /v1/ or /v2/ dropped, the path kept for matching
 * only), which is the host of every image kubelet offers the key for; Docker Hub's names go to the host its
 * images are pulled from. undefined for a key kubelet offers for no image (`HTTPS://…`, a host that cannot
 * be one): no pull ever sends those credentials, so there is nothing to check.
 */
function registryEndpoint(server) {
    const host = (0,kubelet_keyring/* kubeletKeyOf */.R)(server)?.split('/')[0];
    if (host === undefined || !/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d+)?$/.test(host))
        return undefined;
    if (DOCKER_HUB_HOSTS.has(host.toLowerCase()))
        return { origin: 'https://registry-1.docker.io' };
    // Plain HTTP only when asked for: falling back to it would send the credentials in clear text.
    return { origin: `${server.startsWith('http://') ? 'http' : 'https'}://${host}` };
}
/** A response whose status is worth another attempt, carried through withRetry as an error. */
class RetryableStatus extends Error {
    response;
    verdict;
    constructor(response, verdict) {
        super(`HTTP ${response.status}`);
        this.response = response;
        this.verdict = verdict;
    }
}
/** The network, TLS or proxy failure as a short phrase, with the hint that fixes it where there is one. */
function describeNetworkFailure(error, timeoutMs) {
    const failure = (0,http_errors/* networkFailure */.rd)(error);
    switch (failure.kind) {
        case 'timeout':
            return `no answer within ${timeoutMs / 1000} s (timeout)`;
        case 'certificate':
            return failure.unknownAuthority
                ? `its TLS certificate is not trusted: ${failure.cause}; for a registry with a private CA, give the runner ` +
                    'the CA certificate through NODE_EXTRA_CA_CERTS'
                : `its TLS certificate is not accepted: ${failure.cause}`;
        case 'tls':
            return `the TLS handshake failed: ${failure.cause}; if the registry serves plain HTTP only, write its key as http://HOST`;
        default:
            return failure.cause;
    }
}
function classify(error) {
    if (error instanceof RetryableStatus)
        return error.verdict;
    return { retryable: (0,http_errors/* networkFailure */.rd)(error).retryable };
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
    const endpoint = registryEndpoint(server);
    if (!endpoint) {
        core/* warning */.$e(`Registry '${server}' is a key kubelet uses for no image, so verify-registry has nothing to check; skipped.`);
        return;
    }
    if (endpoint.origin.startsWith('http:')) {
        // The check exists to send the credentials; over plain HTTP anyone on the way would read them.
        throw new errors/* ActionError */.lZ(`Registry '${server}' is plain HTTP, so verify-registry will not send its credentials there in clear text ` +
            `(the pull itself is the cluster's business); serve the registry over HTTPS, or ${SKIP_HINT}.`);
    }
    let apiBase;
    try {
        apiBase = new URL('/v2/', endpoint.origin);
    }
    catch {
        // Inputs are validated before this runs; this guards against a key only the URL parser refuses.
        throw new errors/* ActionError */.lZ(`Registry '${server}' is not a host[:port] that an HTTPS URL can be made of; ${SKIP_HINT}.`);
    }
    // Connections of this check only: none outlives it. The proxy is chosen per URL, so the registry and its
    // token realm on another host each get the route NO_PROXY gives them.
    const connections = new http_connections/* Connections */.U({ maxSockets: MAX_SOCKETS });
    /**
     * One GET with timeout and retries. Redirects are followed within the same origin for the anonymous
     * probe only: a request that carries credentials is never sent on, and its redirect is an answer that
     * says nothing about the credentials (an "accepted" taken from wherever it led would be a false pass).
     */
    async function get(url, authorization) {
        let current = url;
        for (let redirects = 0;; redirects++) {
            const response = await getOnce(current, authorization);
            const location = response.headers.location;
            if (!REDIRECT_STATUSES.has(response.status) || location === undefined)
                return response;
            if (authorization !== undefined) {
                throw new errors/* ActionError */.lZ(`Registry '${server}' answered GET ${forLog(current)} with a redirect (HTTP ${response.status}) where it should ` +
                    `have checked the credentials; the redirect was not followed and nothing was verified; ${SKIP_HINT}.`);
            }
            let next;
            try {
                next = new URL(location, current);
            }
            catch {
                throw unexpected(response.status, current);
            }
            // The header's value is not quoted: a redirect URL can carry a signed query.
            if (next.origin !== url.origin) {
                throw new errors/* ActionError */.lZ(`Registry '${server}' redirected GET ${forLog(current)} to ${next.protocol === 'http:' && url.protocol === 'https:' ? 'plain http://' : 'another host'}; ` +
                    `the credentials were not sent there; ${SKIP_HINT}.`);
            }
            if (redirects + 1 > MAX_REDIRECTS) {
                throw new errors/* ActionError */.lZ(`Registry '${server}' redirected GET ${forLog(url)} more than ${MAX_REDIRECTS} times; ${SKIP_HINT}.`);
            }
            current = next;
        }
    }
    async function getOnce(url, authorization) {
        const attempt = async () => {
            const response = await (0,request/* request */.E)(connections, {
                method: 'GET',
                url,
                headers: authorization ? { authorization } : {},
                timeoutMs,
                maxResponseBytes: MAX_RESPONSE_BYTES
            });
            const verdict = (0,retry/* statusVerdict */.sb)(response.status, response.headers['retry-after'], 10_000);
            if (verdict.retryable)
                throw new RetryableStatus(response, verdict);
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
            else if ((0,http_errors/* networkFailure */.rd)(error).kind === 'too-large') {
                throw new errors/* ActionError */.lZ(`Registry '${server}' answered GET ${forLog(url)} with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, ` +
                    `which a Registry v2 API does not; check the registry address, or ${SKIP_HINT}.`);
            }
            else {
                throw new errors/* ActionError */.lZ(`Could not reach registry '${server}' from the runner (GET ${forLog(url)}): ` +
                    `${describeNetworkFailure(error, timeoutMs)}. The cluster may still be able to reach it; ${SKIP_HINT}.`);
            }
        }
        core/* debug */.Yz(`verify-registry: GET ${forLog(url)} → ${response.status}`);
        return response;
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
        // The realm gets the password: HTTPS only, as the registry itself.
        if (url.protocol !== 'https:') {
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
            const parsed = JSON.parse(answer.body.toString('utf8'));
            token = parsed.token || parsed.access_token;
        }
        catch {
            token = undefined;
        }
        if (typeof token !== 'string' || token === '') {
            throw new errors/* ActionError */.lZ(`The token service of registry '${server}' (${url.host}) answered without a token; ${SKIP_HINT}.`);
        }
        // The token is a credential too. node's error for a header value it cannot send quotes the value, so
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
        const challenges = parseWwwAuthenticate(probe.headers['www-authenticate'] ?? '');
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
        connections.close();
    }
}


/***/ })

};

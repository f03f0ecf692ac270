export const id = 34;
export const ids = [34];
export const modules = {

/***/ 1916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ Connections),
  W: () => (/* binding */ MAX_SOCKETS_PER_ROUTE)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./src/http/proxy.ts
var http_proxy = __webpack_require__(7856);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
;// CONCATENATED MODULE: ./src/http/tunnel.ts
// A connection to host:port through a proxy, as Go's net/http opens one (transport.go dialConn), on
// node:net and node:tls only:
// - http:// proxy: an HTTP CONNECT request; https:// proxy: the same after TLS to the proxy itself. Go checks
//   the proxy's certificate with the transport's own TLS settings, so kubectl trusts a proxy whose
//   certificate comes from the kubeconfig's CA; a corporate proxy's CA is the runner's (system store,
//   NODE_EXTRA_CA_CERTS). The proxy is trusted on either: node's default store plus the target's CA when the
//   caller gives one (`extraCa`). Only a 200 opens the tunnel, as in Go.
// - socks5:// proxy: RFC 1928 CONNECT with the destination as a domain name, so the proxy resolves it (Go
//   treats socks5 as socks5h), or as an address when it is one; RFC 1929 user name and password when the
//   proxy URL carries them, offered alongside "no authentication" as Go offers them.
// The proxy's user-info goes into Proxy-Authorization (or the RFC 1929 exchange) and nowhere else: every
// failure names the proxy by proxyLabel, and never quotes what the proxy answered beyond its status code.
// What the tunnel carries next (the target's TLS, or plain HTTP) is the caller's: connections.ts.




/** The longest CONNECT answer header read before giving up on it. */
const MAX_CONNECT_HEADER_BYTES = 16 * 1024;
const SOCKS_REPLIES = {
    1: { phrase: 'a general SOCKS server failure', retryable: true },
    2: { phrase: 'connection not allowed by its rules', retryable: false },
    3: { phrase: 'network unreachable', retryable: true },
    4: { phrase: 'host unreachable', retryable: true },
    5: { phrase: 'connection refused', retryable: true },
    6: { phrase: 'TTL expired', retryable: true },
    7: { phrase: 'command not supported', retryable: false },
    8: { phrase: 'address type not supported', retryable: false }
};
/** A socket connected to host:port through `proxy`; the abort signal ends the attempt at any step. */
async function openTunnel(proxy, host, port, signal, extraCa) {
    const fail = (problem, code, retryable) => new errors/* ProxyError */.T6((0,http_proxy/* proxyLabel */.LE)(proxy), proxy.source, problem, code, retryable);
    signal?.throwIfAborted();
    const socket = connectToProxy(proxy, extraCa);
    const reader = new HandshakeReader(socket);
    const onAbort = () => {
        socket.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await reader.connected(proxy.url.protocol === 'https:');
        if (proxy.url.protocol === 'socks5:')
            await socksConnect(socket, reader, proxy, host, port, fail);
        else
            await httpConnect(socket, reader, proxy, host, port, fail);
        reader.release();
        return socket;
    }
    catch (error) {
        reader.release();
        socket.on('error', () => undefined); // whatever the dying socket still reports has been reported
        socket.destroy();
        if (signal?.aborted)
            throw signal.reason;
        throw asProxyError(error, reader.stage, fail);
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
    }
}
function connectToProxy(proxy, extraCa) {
    const host = proxy.url.hostname.replace(/^\[(.*)\]$/, '$1');
    const defaultPort = { 'http:': 80, 'https:': 443 }[proxy.url.protocol] ?? 1080;
    const port = Number(proxy.url.port || defaultPort);
    if (proxy.url.protocol !== 'https:')
        return external_node_net_.connect({ host, port });
    const extra = extraCa === undefined ? [] : [extraCa].flat();
    return external_node_tls_.connect({
        host,
        port,
        servername: external_node_net_.isIP(host) ? undefined : host,
        ALPNProtocols: ['http/1.1'],
        // Without `ca`, node's default trust: the system store plus NODE_EXTRA_CA_CERTS.
        ca: extra.length > 0 ? [...external_node_tls_.getCACertificates('default'), ...extra] : undefined
    });
}
/** A failure that is not already the proxy's own answer, worded for the step it happened at. */
function asProxyError(error, stage, fail) {
    if (error instanceof errors/* ProxyError */.T6)
        return error;
    const code = typeof error.code === 'string' ? error.code : 'ERROR';
    const cause = (0,errors/* causeOfCode */.kT)(code);
    const phrase = `${cause?.phrase ?? 'the connection failed'} (${code})`;
    if (stage === 'connecting')
        return fail(`could not be reached: ${phrase}`, code, cause?.retryable ?? false);
    if (stage === 'tls') {
        const hint = cause?.kind === 'certificate' ? "; give the runner the proxy's CA certificate in NODE_EXTRA_CA_CERTS" : '';
        return fail(`failed the TLS handshake: ${phrase}${hint}`, code, cause?.retryable ?? false);
    }
    return fail(`closed the connection during the handshake: ${phrase}`, code, true);
}
async function httpConnect(socket, reader, proxy, host, port, fail) {
    const authority = external_node_net_.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
    const authorization = (0,http_proxy/* proxyAuthorization */.YB)(proxy.url);
    const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
    if (authorization)
        lines.push(`Proxy-Authorization: ${authorization}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const head = await reader.readHead(MAX_CONNECT_HEADER_BYTES);
    const status = head && /^HTTP\/1\.[01] (\d{3})[ \r]/.exec(head.toString('latin1'))?.[1];
    if (status === undefined)
        throw fail('answered CONNECT with something that is not HTTP', 'PROXY_PROTOCOL', false);
    if (status === '200')
        return;
    const code = `PROXY_CONNECT_${status}`;
    if (status === '407') {
        const why = authorization
            ? 'it did not accept the user name and password in the proxy URL'
            : 'it wants a user name and password, which go into the proxy URL (http://USER:PASSWORD@HOST:PORT)';
        throw fail(`answered 407 to CONNECT ${authority}: ${why}`, code, false);
    }
    // A gateway answer is the proxy failing to reach the target, which may well work a moment later.
    throw fail(`answered ${status} to CONNECT ${authority}`, code, ['502', '503', '504'].includes(status));
}
async function socksConnect(socket, reader, proxy, host, port, fail) {
    const notSocks = () => fail('answered with something that is not SOCKS5', 'SOCKS_PROTOCOL', false);
    const credentials = (0,http_proxy/* proxyCredentials */.FF)(proxy.url);
    const methods = credentials ? [0x00, 0x02] : [0x00];
    socket.write(Buffer.from([5, methods.length, ...methods]));
    const [version, method] = await reader.read(2);
    if (version !== 5)
        throw notSocks();
    if (method === 0xff) {
        const why = credentials
            ? 'accepts none of the authentication methods offered (none, or user name and password)'
            : 'wants a user name and password, which go into the proxy URL (socks5://USER:PASSWORD@HOST:PORT)';
        throw fail(why, 'SOCKS_AUTH_METHOD', false);
    }
    if (method === 0x02 && credentials) {
        const user = Buffer.from(credentials.username);
        const password = Buffer.from(credentials.password);
        if (user.length > 255 || password.length > 255) {
            throw fail('cannot be sent a user name or password longer than 255 bytes (RFC 1929)', 'SOCKS_AUTH', false);
        }
        socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password]));
        const [, status] = await reader.read(2);
        if (status !== 0)
            throw fail('did not accept the user name and password in the proxy URL', 'SOCKS_AUTH', false);
    }
    else if (method !== 0x00)
        throw notSocks();
    socket.write(Buffer.concat([Buffer.from([5, 1, 0]), socksAddress(host, fail), Buffer.from([port >> 8, port & 0xff])]));
    const [replyVersion, reply, , addressType] = await reader.read(4);
    if (replyVersion !== 5)
        throw notSocks();
    if (reply !== 0) {
        const known = SOCKS_REPLIES[reply];
        const phrase = known?.phrase ?? 'an unknown SOCKS reply';
        throw fail(`could not connect to ${host}:${port}: ${phrase} (SOCKS reply ${reply})`, `SOCKS_REPLY_${reply}`, known?.retryable ?? false);
    }
    // The address the proxy bound: read past it, nothing in it is needed.
    if (addressType === 1)
        await reader.read(4 + 2);
    else if (addressType === 4)
        await reader.read(16 + 2);
    else if (addressType === 3)
        await reader.read((await reader.read(1)).readUInt8(0) + 2);
    else
        throw notSocks();
}
function socksAddress(host, fail) {
    const ip = (0,http_proxy/* parseIp */.r5)(host);
    if (ip)
        return Buffer.from([ip.length === 4 ? 1 : 4, ...ip]);
    const name = Buffer.from(host);
    if (name.length > 255)
        throw fail('cannot be given a host name longer than 255 bytes', 'SOCKS_ADDRESS', false);
    return Buffer.concat([Buffer.from([3, name.length]), name]);
}
/**
 * Reads the proxy's answers in paused mode ('readable' + read()), as the handshake needs exact byte counts;
 * after release() the socket is untouched for whoever takes it over (node's TLS wraps it next).
 */
class HandshakeReader {
    socket;
    stage = 'connecting';
    buffered = Buffer.alloc(0);
    failure;
    ended = false;
    wake;
    onReadable = () => {
        let chunk;
        while ((chunk = this.socket.read()) !== null)
            this.buffered = Buffer.concat([this.buffered, chunk]);
        this.wake?.();
    };
    onEnd = () => {
        this.ended = true;
        this.wake?.();
    };
    onError = (error) => {
        this.failure ??= error;
        this.wake?.();
    };
    constructor(socket) {
        this.socket = socket;
        socket.on('readable', this.onReadable);
        socket.on('end', this.onEnd);
        socket.on('close', this.onEnd);
        socket.on('error', this.onError);
    }
    /** Resolves once TCP (and, for an https proxy, TLS) is up. */
    async connected(secure) {
        const event = secure ? 'secureConnect' : 'connect';
        let done = false;
        this.socket.once(event, () => {
            done = true;
            this.wake?.();
        });
        this.socket.once('connect', () => {
            if (secure)
                this.stage = 'tls';
        });
        await this.until(() => done);
        this.stage = 'handshake';
    }
    async read(length) {
        await this.until(() => this.buffered.length >= length);
        const taken = this.buffered.subarray(0, length);
        this.buffered = this.buffered.subarray(length);
        return taken;
    }
    /** An HTTP answer's status line and headers, up to the blank line; undefined when longer than maxBytes. */
    async readHead(maxBytes) {
        let end = -1;
        await this.until(() => {
            end = this.buffered.indexOf('\r\n\r\n');
            return end >= 0 || this.buffered.length > maxBytes;
        });
        if (end < 0)
            return undefined;
        const head = this.buffered.subarray(0, end);
        this.buffered = this.buffered.subarray(end + 4);
        return head;
    }
    /** Stops reading. Bytes past the handshake are dropped: the proxy has nothing to say before the client. */
    release() {
        this.socket.off('readable', this.onReadable);
        this.socket.off('end', this.onEnd);
        this.socket.off('close', this.onEnd);
        this.socket.off('error', this.onError);
    }
    async until(ready) {
        for (;;) {
            if (ready())
                return;
            if (this.failure)
                throw this.failure;
            if (this.ended)
                throw Object.assign(new Error('the proxy closed the connection'), { code: 'ECONNRESET' });
            await new Promise((resolve) => (this.wake = resolve));
            this.wake = undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/http/connections.ts
// Keep-alive connections, pooled per route: one node agent per way out (direct, or through one proxy) and
// per target scheme, and within an agent one pool per target host:port and TLS options (node's own keying,
// so a client certificate an exec plugin renews gets connections of its own). Each pool holds at most
// maxSockets connections: a request beyond that waits for one, within its own deadline.
//
// The proxy (proxy.ts) is chosen per request URL, so a registry and its token service on another host each
// go the way NO_PROXY sends them. Through a proxy, an https:// target gets a tunnel (tunnel.ts) with the
// target's TLS inside it; an http:// target goes to an HTTP proxy as an absolute-form request (the caller
// sends `GET http://host/path` to the proxy, request.ts) and through a SOCKS5 tunnel as plain HTTP.






/**
 * Connections per route by default: at least as many requests as the action has in flight to one server
 * (reconcile/concurrency.ts: 32 namespaces × 4 service-account writes), so no request waits for a socket.
 */
const MAX_SOCKETS_PER_ROUTE = 128;
/** node's agent takes a socket made later through the callback: the socket, or the error alone. */
function deliver(callback, made) {
    const done = callback;
    made.then((stream) => {
        done(null, stream);
    }, (error) => {
        ;
        done(error);
    });
}
/**
 * https:// targets through any proxy: the tunnel first, then the target's TLS (CA, name, client cert) in it.
 * An https:// proxy is trusted on node's default store and on the target's CA.
 */
class TunnelTlsAgent extends external_node_https_.Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const host = (options.host ?? '').replace(/^\[(.*)\]$/, '$1');
        const { tunnelSignal, ...tlsOptions } = options;
        deliver(callback, 
        // The target's CA may have signed the proxy's certificate too, as kubectl would accept it.
        openTunnel(this.proxy, host, Number(options.port), tunnelSignal, options.ca).then((socket) => external_node_tls_.connect({ ...tlsOptions, socket })));
        return undefined;
    }
}
/** http:// targets through a SOCKS5 proxy: plain HTTP in the tunnel. */
class SocksHttpAgent extends external_node_http_.Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const host = (options.host ?? '').replace(/^\[(.*)\]$/, '$1');
        deliver(callback, openTunnel(this.proxy, host, Number(options.port), options.tunnelSignal));
        return undefined;
    }
}
class Connections {
    maxSockets;
    fixedProxy;
    env;
    agents = new Map();
    pools = new Map();
    reported = new Set();
    constructor(options = {}) {
        this.maxSockets = options.maxSockets ?? MAX_SOCKETS_PER_ROUTE;
        this.env = options.env ?? process.env;
        if (options.proxyUrl)
            this.fixedProxy = (0,http_proxy/* configuredProxy */.l1)(options.proxyUrl.url, options.proxyUrl.source);
    }
    /** The route of a request to `url`; throws ProxySettingError for a proxy setting that cannot be used. */
    route(url) {
        const proxy = this.fixedProxy ?? (0,http_proxy/* proxyFor */.iJ)(url, this.env);
        const secureTarget = url.protocol === 'https:';
        const absoluteForm = proxy !== undefined && !secureTarget && proxy.url.protocol !== 'socks5:';
        const routeKey = `${proxy ? proxy.url.href : 'direct'} ${url.protocol}`;
        let entry = this.agents.get(routeKey);
        if (!entry) {
            entry = this.newAgent(proxy, secureTarget);
            this.agents.set(routeKey, entry);
        }
        if (!this.reported.has(url.origin)) {
            this.reported.add(url.origin);
            const way = proxy ? `through the proxy ${(0,http_proxy/* proxyLabel */.LE)(proxy)} (from ${proxy.source})` : 'direct';
            core/* debug */.Yz(`requests to ${url.origin} go ${way}`);
        }
        return {
            ...entry,
            proxy,
            absoluteForm,
            poolKey: absoluteForm ? routeKey : `${routeKey} ${url.host}`
        };
    }
    /** Waits for a connection slot of the route's pool; resolves with its release. */
    async slot(route, signal) {
        let pool = this.pools.get(route.poolKey);
        if (!pool) {
            pool = new Slots(this.maxSockets);
            this.pools.set(route.poolKey, pool);
        }
        return pool.acquire(signal);
    }
    /** Closes every pooled connection (tests, and the registry check when done; a run's process simply exits). */
    close() {
        for (const { agent } of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
    newAgent(proxy, secureTarget) {
        const options = { keepAlive: true, maxSockets: this.maxSockets, maxFreeSockets: this.maxSockets };
        if (!proxy)
            return secureTarget
                ? { agent: new external_node_https_.Agent(options), client: external_node_https_ }
                : { agent: new external_node_http_.Agent(options), client: external_node_http_ };
        if (secureTarget)
            return { agent: new TunnelTlsAgent(proxy, options), client: external_node_https_ };
        if (proxy.url.protocol === 'socks5:')
            return { agent: new SocksHttpAgent(proxy, options), client: external_node_http_ };
        // Absolute-form requests go to the proxy itself: over TLS (node's default trust) for an https:// proxy.
        return proxy.url.protocol === 'https:'
            ? { agent: new external_node_https_.Agent(options), client: external_node_https_ }
            : { agent: new external_node_http_.Agent(options), client: external_node_http_ };
    }
}
/** A counting semaphore whose waiters give up when their request's deadline passes. */
class Slots {
    free;
    waiting = [];
    constructor(free) {
        this.free = free;
    }
    async acquire(signal) {
        if (this.free > 0) {
            this.free--;
            return this.releaser();
        }
        await new Promise((resolve, reject) => {
            const granted = () => {
                signal.removeEventListener('abort', onAbort);
                resolve();
            };
            const onAbort = () => {
                const index = this.waiting.indexOf(granted);
                if (index >= 0)
                    this.waiting.splice(index, 1);
                reject(signal.reason);
            };
            signal.throwIfAborted();
            signal.addEventListener('abort', onAbort, { once: true });
            this.waiting.push(granted);
        });
        return this.releaser();
    }
    releaser() {
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.free++;
        };
    }
}


/***/ }),

/***/ 7856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ proxyCredentials),
/* harmony export */   LE: () => (/* binding */ proxyLabel),
/* harmony export */   YB: () => (/* binding */ proxyAuthorization),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   l1: () => (/* binding */ configuredProxy),
/* harmony export */   r5: () => (/* binding */ parseIp)
/* harmony export */ });
/* unused harmony exports ProxySettingError, useProxy */
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _masking_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6527);
// Which proxy a request goes through, decided exactly as kubectl decides it, so that a runner behind a
// corporate proxy reaches the same servers the same way kubectl does:
// - the kubeconfig cluster's `proxy-url`, when it has one, for every request, loopback included (client-go
//   uses http.ProxyURL for it);
// - otherwise Go's net/http ProxyFromEnvironment (golang.org/x/net/http/httpproxy as vendored in Go 1.26,
//   which kubectl is built with): HTTPS_PROXY for https URLs and HTTP_PROXY for http ones, the upper-case
//   name first (newer x/net releases read the lower-case one first; net/http does not yet); NO_PROXY with
//   `*`, IP addresses, CIDR ranges and domains, each optionally with a port; `localhost` and loopback
//   addresses never go through a proxy. A proxy value without a scheme means http://.
// Go silently ignores a proxy value it cannot parse; the action says so instead, naming the variable (never
// its value, which may hold a password). Go's CGI rule (HTTP_PROXY ignored when REQUEST_METHOD is set) is
// left out: a runner step is not a CGI handler.




/** A proxy setting the action cannot use. The message names the setting, never its value. */
class ProxySettingError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
    constructor(source, problem) {
        super(`${source} ${problem}`);
        this.name = 'ProxySettingError';
    }
}
const SUPPORTED_SCHEMES = ['http:', 'https:', 'socks5:', 'socks5h:'];
/** The proxy for `target` from the environment, or undefined for a direct connection. */
function proxyFor(target, env = process.env) {
    const names = target.protocol === 'https:'
        ? ['HTTPS_PROXY', 'https_proxy']
        : target.protocol === 'http:'
            ? ['HTTP_PROXY', 'http_proxy']
            : [];
    const source = names.find((name) => (env[name] ?? '') !== '');
    if (source === undefined)
        return undefined;
    const noProxy = env.NO_PROXY || env.no_proxy || '';
    if (!useProxy(target, noProxy))
        return undefined;
    return configuredProxy(parseProxyValue(env[source] ?? '', source), source, SUPPORTED_SCHEMES);
}
/**
 * A proxy given as a URL (the kubeconfig's `proxy-url`), checked as client-go checks it (http, https or
 * socks5 only), its credentials registered with the masker.
 */
function configuredProxy(url, source, schemes = ['http:', 'https:', 'socks5:']) {
    if (!schemes.includes(url.protocol)) {
        throw new ProxySettingError(source, `names a proxy of the scheme "${url.protocol.replace(/:$/, '')}"; a proxy URL starts with ${schemes.map((scheme) => `${scheme}//`).join(', ')}.`);
    }
    if (url.hostname === '')
        throw new ProxySettingError(source, 'names a proxy URL without a host.');
    maskProxyCredentials(url);
    const normalized = new URL(url.href);
    // socks5h (names resolved by the proxy) is what Go does for socks5 too.
    if (normalized.protocol === 'socks5h:')
        return { url: new URL(`socks5:${url.href.slice('socks5h:'.length)}`), source };
    return { url: normalized, source };
}
/** The proxy URL as messages show it: scheme, host and port, never user-info or a path. */
function proxyLabel(proxy) {
    return `${proxy.url.protocol}//${proxy.url.host}`;
}
/** The user name and password of a proxy URL, decoded as Go's url.UserInfo gives them. */
function proxyCredentials(url) {
    if (url.username === '' && url.password === '')
        return undefined;
    return { username: decode(url.username), password: decode(url.password) };
}
/** `Basic …` for Proxy-Authorization, or undefined when the proxy URL has no user-info. */
function proxyAuthorization(url) {
    const credentials = proxyCredentials(url);
    if (!credentials)
        return undefined;
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
const masked = new Set();
/** The proxy password, as written and decoded, and the Proxy-Authorization value: each registered once. */
function maskProxyCredentials(url) {
    const credentials = proxyCredentials(url);
    if (!credentials || credentials.password === '')
        return;
    const basic = proxyAuthorization(url)?.slice('Basic '.length) ?? '';
    for (const form of [url.password, credentials.password, basic]) {
        if (masked.has(form))
            continue;
        masked.add(form);
        (0,_masking_js__WEBPACK_IMPORTED_MODULE_3__/* .maskValue */ .QS)(form);
    }
}
function decode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** A proxy variable's value: a URL, or `host[:port]` meaning http:// (Go's parseProxy). */
function parseProxyValue(value, source) {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
    try {
        return new URL(withScheme);
    }
    catch {
        throw new ProxySettingError(source, 'is not a proxy URL the action can read (http://HOST:PORT, https://HOST:PORT or socks5://HOST:PORT, with USER:PASSWORD@ before the host when the proxy needs them).');
    }
}
const DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'socks5:': '1080' };
/** Whether a request to `target` goes through the proxy under this NO_PROXY value. */
function useProxy(target, noProxy) {
    // The URL parser has already lower-cased the host and turned an international name into punycode.
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = target.port || DEFAULT_PORTS[target.protocol] || '';
    if (host === 'localhost')
        return false;
    const ip = parseIp(host);
    if (ip && isLoopback(ip))
        return false;
    return !noProxyMatchers(noProxy).some((match) => match(host, port, ip));
}
function noProxyMatchers(noProxy) {
    const matchers = [];
    for (const raw of noProxy.split(',')) {
        const entry = raw.trim().toLowerCase();
        if (entry === '')
            continue;
        if (entry === '*')
            return [() => true];
        const cidr = parseCidr(entry);
        if (cidr) {
            matchers.push((_host, _port, ip) => ip !== undefined && cidrContains(cidr, ip));
            continue;
        }
        let host = entry;
        let entryPort = '';
        const split = splitHostPort(entry);
        if (split) {
            if (split.host === '')
                continue; // no host: a malformed entry, ignored as Go ignores it
            host = split.host.replace(/^\[(.*)\]$/, '$1');
            entryPort = split.port;
        }
        const entryIp = parseIp(host);
        if (entryIp) {
            matchers.push((_host, port, ip) => ip !== undefined && sameIp(entryIp, ip) && (!entryPort || entryPort === port));
            continue;
        }
        if (host === '')
            continue;
        // foo.com matches foo.com and its subdomains; .foo.com and *.foo.com its subdomains only.
        if (host.startsWith('*.'))
            host = host.slice(1);
        const matchHost = !host.startsWith('.');
        if (matchHost)
            host = `.${host}`;
        const ascii = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.domainToASCII)(host.slice(1));
        const suffix = ascii ? `.${ascii}` : host;
        matchers.push((name, port, ip) => ip === undefined &&
            (name.endsWith(suffix) || (matchHost && name === suffix.slice(1))) &&
            (!entryPort || entryPort === port));
    }
    return matchers;
}
/** Go's net.SplitHostPort: `host:port` or `[v6]:port`; undefined when there is no port part. */
function splitHostPort(text) {
    if (text.startsWith('[')) {
        const close = text.indexOf(']');
        if (close < 0 || text[close + 1] !== ':')
            return undefined;
        return { host: text.slice(1, close), port: text.slice(close + 2) };
    }
    const colon = text.lastIndexOf(':');
    if (colon < 0 || text.indexOf(':') !== colon)
        return undefined; // none, or a bare IPv6 address
    return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}
// ---- IP addresses as byte arrays (4 or 16), the way Go's net.IP compares them ----
/** An IPv4 (4 bytes) or IPv6 (16 bytes) address, or undefined for anything else (a host name). */
function parseIp(text) {
    const version = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(text);
    if (version === 4)
        return text.split('.').map(Number);
    if (version !== 6)
        return undefined;
    let head = text;
    let tail4 = [];
    const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (v4?.[1]) {
        tail4 = v4[1].split('.').map(Number);
        head = `${text.slice(0, -v4[1].length)}0:0`;
    }
    const [left = '', right = ''] = head.split('::');
    const groups = (part) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
    const leftGroups = groups(left);
    const rightGroups = groups(right);
    const words = [...leftGroups, ...Array(8 - leftGroups.length - rightGroups.length).fill(0), ...rightGroups];
    const bytes = words.flatMap((word) => [word >> 8, word & 0xff]);
    if (tail4.length === 4)
        bytes.splice(12, 4, ...tail4);
    return bytes;
}
/** The 4-byte form of an IPv4 or IPv4-mapped IPv6 address; other addresses unchanged. */
function unmapped(ip) {
    if (ip.length === 16 && ip.slice(0, 10).every((byte) => byte === 0) && ip[10] === 0xff && ip[11] === 0xff)
        return ip.slice(12);
    return ip;
}
function sameIp(a, b) {
    const [x, y] = [unmapped(a), unmapped(b)];
    return x.length === y.length && x.every((byte, index) => byte === y[index]);
}
function isLoopback(ip) {
    const address = unmapped(ip);
    if (address.length === 4)
        return address[0] === 127;
    return address.slice(0, 15).every((byte) => byte === 0) && address[15] === 1;
}
function parseCidr(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return undefined;
    const network = parseIp(text.slice(0, slash));
    const bitsText = text.slice(slash + 1);
    const bits = Number(bitsText);
    if (!network || !/^\d+$/.test(bitsText) || bits > network.length * 8)
        return undefined;
    return { network, bits };
}
function cidrContains(cidr, ip) {
    // Go compares an IPv4 address (or an IPv4-mapped one) with an IPv4 network in 4-byte form, never v4 with v6.
    const { network } = cidr;
    const address = unmapped(ip);
    if (address.length !== network.length)
        return false;
    for (let bit = 0; bit < cidr.bits; bit++) {
        const mask = 0x80 >> (bit % 8);
        const index = Math.floor(bit / 8);
        if (((address[index] ?? 0) & mask) !== ((network[index] ?? 0) & mask))
            return false;
    }
    return true;
}


/***/ }),

/***/ 7777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ request)
/* harmony export */ });
/* unused harmony export USER_AGENT */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8549);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7856);



/** Sent with every request, so that the API server's audit log and a registry's access log show who asked. */
const USER_AGENT = 'k8s-image-pull-secret-action';
/** Sends one request and reads the whole answer, whatever its status. */
async function request(connections, outgoing) {
    const signal = AbortSignal.timeout(outgoing.timeoutMs);
    const route = connections.route(outgoing.url);
    const release = await connections.slot(route, signal);
    try {
        return await exchange(route.client, requestOptions(route, outgoing, signal), outgoing, signal);
    }
    finally {
        release();
    }
}
function requestOptions(route, outgoing, signal) {
    const { url } = outgoing;
    const headers = { 'user-agent': USER_AGENT, ...outgoing.headers };
    if (outgoing.body)
        headers['content-length'] = outgoing.body.length;
    const options = {
        method: outgoing.method,
        agent: route.agent,
        headers,
        tunnelSignal: signal
    };
    if (route.absoluteForm && route.proxy) {
        // `GET http://host/path HTTP/1.1` to the proxy, which forwards it; its credentials ride along.
        const proxyUrl = route.proxy.url;
        options.hostname = bareHost(proxyUrl.hostname);
        options.port = proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80);
        options.path = `${url.origin}${url.pathname}${url.search}`;
        headers.host = url.host;
        // TLS to an https:// proxy is checked against the proxy's name, not the Host header's (node's default).
        if (proxyUrl.protocol === 'https:')
            options.servername = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(options.hostname) ? '' : options.hostname;
        const authorization = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyAuthorization */ .YB)(proxyUrl);
        if (authorization)
            headers['proxy-authorization'] = authorization;
        return options;
    }
    options.hostname = bareHost(url.hostname);
    options.port = url.port || (url.protocol === 'https:' ? 443 : 80);
    options.path = `${url.pathname}${url.search}`;
    if (url.protocol === 'https:' && outgoing.tls) {
        const { ca, servername, rejectUnauthorized, cert, key } = outgoing.tls;
        // node's agents pool connections per distinct TLS options: each set gets connections of its own.
        if (ca !== undefined)
            options.ca = ca;
        if (servername)
            options.servername = servername;
        if (rejectUnauthorized !== undefined)
            options.rejectUnauthorized = rejectUnauthorized;
        if (cert !== undefined && key !== undefined) {
            options.cert = cert;
            options.key = key;
        }
    }
    return options;
}
/** URL.hostname keeps an IPv6 address in brackets; a socket wants it bare. */
function bareHost(hostname) {
    return hostname.replace(/^\[(.*)\]$/, '$1');
}
function exchange(client, options, outgoing, signal) {
    return new Promise((resolve, reject) => {
        if (signal.aborted) {
            reject(signal.reason);
            return;
        }
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
        const tooLarge = () => {
            fail(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ResponseTooLargeError */ .by(outgoing.maxResponseBytes));
            // The rest of the body is not wanted: the connection goes, rather than back into the pool.
            clientRequest.destroy();
        };
        const clientRequest = client.request(options, (response) => {
            const declared = Number(response.headers['content-length']);
            if (Number.isFinite(declared) && declared > outgoing.maxResponseBytes) {
                tooLarge();
                return;
            }
            const chunks = [];
            let received = 0;
            response.on('data', (chunk) => {
                received += chunk.length;
                if (received > outgoing.maxResponseBytes)
                    tooLarge();
                else
                    chunks.push(chunk);
            });
            // A connection closed mid-body: node's ECONNRESET `aborted`, which the retry loop knows.
            response.on('error', fail);
            response.on('end', () => {
                settle(() => {
                    resolve({
                        status: response.statusCode ?? 0,
                        headers: flatHeaders(response.headers),
                        body: Buffer.concat(chunks)
                    });
                });
            });
        });
        // The signal's own TimeoutError is what the retry loop and errors.ts recognise; destroying the request
        // also ends an answer that stalls mid-body.
        const onAbort = () => {
            fail(signal.reason);
            clientRequest.destroy();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        clientRequest.on('error', fail);
        clientRequest.end(outgoing.body);
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


/***/ })

};

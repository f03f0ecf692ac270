export const id = 73;
export const ids = [73];
export const modules = {

/***/ 73:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/reconcile/concurrency.ts
var concurrency = __webpack_require__(3355);
// EXTERNAL MODULE: ./src/reconcile/namespace.ts
var reconcile_namespace = __webpack_require__(9319);
;// CONCATENATED MODULE: ./src/reconcile/fan-out.ts
// Reconciles every target namespace of one cluster at once, bounded, so 100 namespaces take a few round trips
// of time rather than 100 times one; one namespace failing does not stop the others.
//
// Except when the failure is the cluster's, not the namespace's: an API server that has never answered this
// step (unreachable, TLS, the proxy, no answer in time) or that rejects the credentials (401) fails every
// namespace alike, after each has spent its own retries. Once one namespace has met such a failure, the
// namespaces not yet started are not tried, and report the same failure: otherwise an unreachable cluster of
// a fleet would hold the step for (namespaces / 32) × the retry time.





async function reconcileNamespaces(cluster, namespaces, plan) {
    const where = plan.context === undefined ? '' : ` on context "${plan.context}"`;
    core/* info */.pq(`Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${where}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`);
    const health = new ClusterHealth();
    const watched = health.watch(cluster);
    let skipped = 0;
    const results = await (0,concurrency/* mapConcurrently */.X2)(namespaces, concurrency/* NAMESPACE_CONCURRENCY */.mo, async (namespace) => {
        if (health.failure !== undefined) {
            skipped++;
            return { namespace, serviceAccounts: {}, namespaceCreated: false, error: health.failure };
        }
        return (0,reconcile_namespace/* reconcileNamespace */.A)(watched, namespace, plan);
    });
    if (skipped > 0) {
        const prefix = plan.context === undefined ? '' : `Context "${plan.context}": `;
        core/* info */.pq(`${prefix}${skipped} namespace${skipped === 1 ? ' was' : 's were'} not tried: in the others, the API server could not be reached or refused the credentials`);
    }
    return results;
}
/**
 * What the namespaces of one cluster have learnt about it: whether its API server has answered anything yet
 * (then a network failure is one request's bad luck, already retried for the whole budget), and the first
 * failure that no namespace of it can escape.
 */
class ClusterHealth {
    failure;
    answered = false;
    /** The same cluster, every call's outcome noted on the way back. */
    watch(cluster) {
        const note = (error) => {
            this.note(error);
        };
        return new Proxy(cluster, {
            get(target, property, receiver) {
                const value = Reflect.get(target, property, receiver);
                if (typeof value !== 'function')
                    return value;
                return async (...args) => {
                    try {
                        const result = await value.apply(target, args);
                        note();
                        return result;
                    }
                    catch (error) {
                        note(error);
                        throw error;
                    }
                };
            }
        });
    }
    note(error) {
        if (error === undefined) {
            this.answered = true;
            return;
        }
        if (!(error instanceof api_errors/* KubeApiError */.W3))
            return;
        if (error.status !== undefined && error.status !== 401) {
            this.answered = true;
            return;
        }
        if (this.failure !== undefined)
            return;
        const noAnswer = error.status === undefined && !this.answered && NO_ANSWER_REASONS.has(error.reason ?? '');
        if (error.status === 401 || noAnswer)
            this.failure = (0,errors/* errorMessage */.gJ)(error);
    }
}
/** api-errors.ts's reasons for a request that got no HTTP answer at all (after its retries). */
const NO_ANSWER_REASONS = new Set(['Unreachable', 'TLS', 'Proxy', 'Timeout']);

;// CONCATENATED MODULE: ./src/reconcile/targets.ts
// Which namespaces the action writes to: those listed, plus those the label selector matches; when
// neither is given, the namespace of the kubeconfig context (else `default`), as kubectl would use.
// With create-namespace, also which of them do not exist yet: one LIST for the whole step, so that a
// re-run sends no create at all instead of one refused create per namespace.

async function resolveTargets(cluster, request) {
    const [matched, existing] = await Promise.all([
        request.selector === undefined ? Promise.resolve([]) : cluster.listNamespaceNames(request.selector),
        request.createNamespace ? cluster.listNamespaceNames('') : Promise.resolve(undefined)
    ]);
    const listed = request.listed.length > 0 || request.selector !== undefined ? request.listed : [request.contextNamespace];
    const namespaces = [...new Set([...listed, ...matched.sort()])];
    if (namespaces.length === 0) {
        throw new errors/* ActionError */.lZ(`No namespace matches namespace-selector "${request.selector}", and no namespace is listed: label the namespaces (kubectl label namespace NAME KEY=VALUE) or list them in the namespace input.`);
    }
    const known = new Set(existing ?? []);
    return { namespaces, toCreate: new Set(existing ? listed.filter((name) => !known.has(name)) : []) };
}

;// CONCATENATED MODULE: ./src/reconcile/clusters.ts
// Every cluster of the step at once: one without the `contexts` input, one per context with it. Each cluster
// is on its own: its own connection pool (kube/connect.ts), its own namespaces (the listed ones, its own
// selector matches, its context's namespace), its own bound on requests in flight (concurrency.ts) and its
// own failures. One cluster failing, whole or in part, never stops the others; the step reports them all at
// the end.





async function reconcileClusters(targets, selection, plan) {
    const settled = await Promise.allSettled(targets.map((target) => reconcileCluster(target, selection, plan)));
    // A failure that is not a worded one is a bug: report it as such, but only once every cluster has settled.
    const bug = settled.find((outcome) => outcome.status === 'rejected');
    if (bug)
        throw bug.reason;
    return settled.map((outcome) => outcome.value);
}
async function reconcileCluster(target, selection, plan) {
    const { context, server, cluster } = target;
    let targets;
    try {
        targets = await resolveTargets(cluster, { ...selection, contextNamespace: target.contextNamespace });
    }
    catch (error) {
        if (!(error instanceof errors/* ActionError */.lZ))
            throw error;
        if (context !== undefined)
            core/* info */.pq(`Context "${context}": ${(0,errors/* errorMessage */.gJ)(error)}`);
        return { context, server, results: [], error: (0,errors/* errorMessage */.gJ)(error), errorBrief: (0,api_errors/* briefOf */.Gb)(error) };
    }
    const results = await reconcileNamespaces(cluster, targets.namespaces, {
        ...plan,
        namespacesToCreate: targets.toCreate,
        ...(context === undefined ? {} : { context })
    });
    return { context, server, results };
}

// EXTERNAL MODULE: ./src/reconcile/cleanup.ts
var cleanup = __webpack_require__(7036);
;// CONCATENATED MODULE: ./src/docker-config/credential-lifetime.ts
// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn] (the account may be a `*` glob) and ECR Public
// (public.ecr.aws), optionally as a URL, with a port or a path. Both hand out 12-hour tokens.
const ECR_HOST_RE = /^(?:https?:\/\/)?(?:[^/.:]+\.dkr\.ecr(?:-fips)?\.[^/.:]+\.amazonaws\.com(?:\.cn)?|public\.ecr\.aws)(?::\d+)?(?:\/|$)/i;
const RULES = [
    {
        applies: ({ server }) => ECR_HOST_RE.test(server),
        warning: (server) => `The credentials for ${server} are an Amazon ECR authorization token, which expires after 12 hours; ` +
            'pods that pull after that will fail. Refresh the Secret from inside the cluster (a CronJob or an ' +
            'ECR credential refresher) or give the nodes an IAM role that can pull from ECR (no Secret needed).'
    },
    {
        applies: ({ password }) => password.startsWith('ghs_'),
        warning: (server) => `The password for ${server} is a GitHub Actions or GitHub App installation token (ghs_…), which expires ` +
            'when the job ends (at most after 1 hour); pods that pull after that will fail. Store a long-lived token ' +
            'instead: a personal access token (classic) or a fine-grained token with read:packages, kept in a secret.'
    },
    {
        applies: ({ username, password }) => password.startsWith('ya29.') || username === 'oauth2accesstoken',
        warning: (server) => `The password for ${server} is a Google OAuth access token, which expires after 1 hour; pods that pull ` +
            'after that will fail. Store a service-account key instead (username _json_key, password the JSON key ' +
            'file), or let the nodes pull with their own identity (Workload Identity / the node service account).'
    }
];
/** One warning per credential that will expire soon after the job, in the order given. */
function credentialLifetimeWarnings(credentials) {
    const warnings = [];
    for (const credential of credentials) {
        const rule = RULES.find((candidate) => candidate.applies(credential));
        if (rule)
            warnings.push(rule.warning(credential.server));
    }
    return warnings;
}

// EXTERNAL MODULE: ./src/docker-config/docker-config.ts
var docker_config = __webpack_require__(5964);
// EXTERNAL MODULE: ./src/inputs/read-inputs.ts + 4 modules
var read_inputs = __webpack_require__(9659);
// EXTERNAL MODULE: ./src/kube/kubeconfig.ts
var kube_kubeconfig = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/validation/kubelet-keyring.ts + 1 modules
var kubelet_keyring = __webpack_require__(5918);
;// CONCATENATED MODULE: ./src/docker-config/pull-check.ts
// Will the pods be able to pull? kubelet, not kubectl or docker, reads the Secret, and it picks the
// credentials for an image by its own rules (validation/kubelet-keyring.ts). With `images`, every image must
// be matched by some entry before anything is written; without it, keys that kubelet reads differently
// from what their author most likely meant get a warning. Messages name registry keys and images only.


/** The Docker Hub key docker login writes; kubelet, the Docker CLI and skopeo all use it for Docker Hub. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** Throws InputError('images') with one line per image that kubelet would pull without credentials. */
function checkImagesHaveCredentials(entryKeys, images) {
    const misses = images.filter((image) => (0,kubelet_keyring/* kubeletOffers */.w)(entryKeys, image.name).length === 0);
    if (misses.length === 0)
        return;
    const keys = entryKeys.map((key) => `'${key}'`).join(', ');
    const lines = misses.map((image) => `'${image.written}' matches no key of the Secret under kubelet's rules (it looks up ${image.name}; keys: ` +
        `${keys}); store its credentials under '${keyFor(image)}'`);
    throw new errors/* InputError */.dz('images', lines.join('\n'));
}
/** The key to suggest: Docker Hub's, or the image's registry host[:port] (which covers every path). */
function keyFor(image) {
    if (image.domain === 'docker.io')
        return DOCKER_HUB_KEY;
    return image.domain !== '' ? image.domain : image.name.split('/')[0];
}
/** One warning per key kubelet would use for fewer images than its author most likely meant. */
function registryKeyWarnings(entryKeys) {
    const warnings = [];
    for (const key of entryKeys) {
        const problem = keyProblem(key);
        if (problem)
            warnings.push(`Registry key '${key}': ${problem}`);
    }
    return warnings;
}
const DOCKER_HUB_HOSTS = new Set(['index.docker.io', 'registry-1.docker.io']);
function keyProblem(key) {
    const kubeletKey = (0,kubelet_keyring/* kubeletKeyOf */.R)(key);
    if (kubeletKey === undefined) {
        return 'kubelet cannot parse it as a URL (a stray %?) and ignores this entry; write it as host[:port][/path]';
    }
    const scheme = /^(https?):\/\//i.exec(key);
    if (scheme && !/^https?:\/\//.test(key)) {
        const fixed = key.slice(scheme[0].length);
        return (`kubelet removes only a lower-case http:// or https://, so it reads '${scheme[1]}:' as the host and uses ` +
            `this entry for no image (the Docker CLI would); write '${scheme[1].toLowerCase()}://${fixed}' or '${fixed}'`);
    }
    const slash = kubeletKey.indexOf('/');
    const hostPort = slash === -1 ? kubeletKey : kubeletKey.slice(0, slash);
    const path = slash === -1 ? '' : kubeletKey.slice(slash);
    const host = hostPort.replace(/:\d*$/, '');
    if (!host.startsWith('[') && host !== host.toLowerCase()) {
        return ('kubelet compares host names letter for letter and image references write them in lower case, so it ' +
            `uses this entry for no image; write the host in lower case: '${key.replace(host, host.toLowerCase())}'`);
    }
    if (DOCKER_HUB_HOSTS.has(host) && kubeletKey !== 'index.docker.io') {
        const scoped = path === '' || /^\/v[12]$/.test(path) ? '' : ` (or 'docker.io${path}' for that namespace only)`;
        return ('kubelet matches Docker Hub images as docker.io/…, and falls back only to a key that is exactly ' +
            `index.docker.io or ${DOCKER_HUB_KEY}, so it uses this entry for no Docker Hub image; ` +
            `use '${DOCKER_HUB_KEY}'${scoped}`);
    }
    if (path === '/v1' || path === '/v2') {
        return (`kubelet drops ${path}/ only with the slash after it, so it reads '${path}' as a repository path and uses ` +
            `this entry only for images under ${kubeletKey}/… (the Docker CLI uses it for all of ${hostPort}); ` +
            `write '${hostPort}'`);
    }
    const port = /:(443|80)$/.exec(hostPort);
    if (port) {
        return (`kubelet matches the port exactly and image references leave :${port[1]} out, so it uses this entry only ` +
            `for images written ${hostPort}/…; leave the port out: '${host}${path}'`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/failures.ts
/** Namespaces named on a shared line before "and N more". */
const NAMES_SHOWN = 5;
function failureReport(outcomes) {
    const fleet = outcomes.some((outcome) => outcome.context !== undefined);
    return fleet ? fleetReport(outcomes) : singleClusterReport(outcomes[0]);
}
function singleClusterReport(outcome) {
    if (!outcome)
        return undefined;
    // The namespaces could not even be found: that failure alone is the message, as it always was.
    if (outcome.error !== undefined)
        return outcome.error;
    const failures = outcome.results.filter((result) => result.error !== undefined);
    if (failures.length === 0)
        return undefined;
    const lines = failures.map((result) => `- ${result.namespace}: ${result.error}`);
    return `Failed in ${failures.length} of ${plural(outcome.results.length, 'namespace')}:\n${lines.join('\n')}`;
}
function fleetReport(outcomes) {
    const lines = [];
    let failedClusters = 0;
    let failedNamespaces = 0;
    let namespaces = 0;
    for (const { context, results, error } of outcomes) {
        namespaces += results.length;
        if (error !== undefined) {
            failedClusters++;
            lines.push(`- ${context ?? ''}: ${error}`);
            continue;
        }
        // Same reason, same line: in the order the reasons first appear.
        const byReason = new Map();
        for (const result of results) {
            if (result.error === undefined)
                continue;
            failedNamespaces++;
            byReason.set(result.error, [...(byReason.get(result.error) ?? []), result.namespace]);
        }
        if (byReason.size > 0)
            failedClusters++;
        for (const [reason, names] of byReason) {
            if (names.length === 1)
                lines.push(`- ${context ?? ''}/${names[0]}: ${reason}`);
            else
                lines.push(`- ${context ?? ''} (${namespaceList(names, results.length)}): ${reason}`);
        }
    }
    if (lines.length === 0)
        return undefined;
    const namespaceCount = namespaces > 0 ? ` (${failedNamespaces} of ${plural(namespaces, 'namespace')})` : '';
    return `Failed on ${failedClusters} of ${plural(outcomes.length, 'cluster')}${namespaceCount}:\n${lines.join('\n')}`;
}
/** `all 40 namespaces`, or `namespaces a, b, c, d, e and 3 more`. */
function namespaceList(names, ofAll) {
    if (names.length === ofAll)
        return `all ${names.length} namespaces`;
    const shown = names.slice(0, NAMES_SHOWN).join(', ');
    return names.length > NAMES_SHOWN
        ? `namespaces ${shown} and ${names.length - NAMES_SHOWN} more`
        : `namespaces ${shown}`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step's outputs and job summary. Neither ever holds a credential, nor a hash of one: the summary names
// registries by server only. With `contexts`, every `result` entry carries its context, `namespaces` lists
// `context/namespace`, and the summary has a section per cluster; without it, the shapes are those of a
// single cluster, unchanged.

function resultEntries(results) {
    // The server's own words stay in the log line only: outputs are read by other tools and kept with the run.
    return results.map(({ namespace, secret, serviceAccounts, error, errorBrief }) => ({
        namespace,
        secret: error ? 'failed' : secret,
        serviceAccounts,
        ...(error ? { error: errorBrief ?? error } : {})
    }));
}
/** Namespaces that hold the Secret now (or would, in a dry run). */
function namespacesHoldingSecret(results) {
    return results.filter((result) => result.secret !== undefined).map((result) => result.namespace);
}
function isChanged(results) {
    return results.some((result) => result.namespaceCreated ||
        result.secret === 'created' ||
        result.secret === 'updated' ||
        Object.values(result.serviceAccounts).includes('added'));
}
/** Every cluster's entries, each labelled with its context (a step without `contexts` has one, unlabelled). */
function clusterResultEntries(outcomes) {
    return outcomes.flatMap(({ context, results, error, errorBrief }) => {
        if (context === undefined)
            return resultEntries(results);
        const failed = error === undefined ? [] : [{ context, secret: 'failed', error: errorBrief ?? error }];
        return [...failed, ...resultEntries(results).map((entry) => ({ context, ...entry }))];
    });
}
/**
 * `context/namespace` with `contexts` (a context name may itself hold `/`, as an EKS ARN does, but a namespace
 * never does: the namespace is what follows the last `/`).
 */
function clusterNamespacesHoldingSecret(outcomes) {
    return outcomes.flatMap(({ context, results }) => namespacesHoldingSecret(results).map((namespace) => (context === undefined ? namespace : `${context}/${namespace}`)));
}
function setOutputs(secretName, outcomes) {
    core/* setOutput */.uH('secret-name', secretName);
    core/* setOutput */.uH('namespaces', JSON.stringify(clusterNamespacesHoldingSecret(outcomes)));
    core/* setOutput */.uH('changed', String(outcomes.some((outcome) => isChanged(outcome.results))));
    core/* setOutput */.uH('result', JSON.stringify(clusterResultEntries(outcomes)));
}
async function writeSummary(context, outcomes) {
    // The summary file is absent when the action runs outside a runner (local tools): not worth failing for.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const registries = context.registries.join(', ');
    const fleet = outcomes.some((outcome) => outcome.context !== undefined);
    const title = `Image pull secret \`${context.secretName}\`${fleet ? ` on ${outcomes.length} cluster${outcomes.length === 1 ? '' : 's'}` : ''}${context.dryRun ? ' (dry run)' : ''}`;
    let summary = core/* summary */.z.addHeading(escapeHtml(title), 3);
    for (const outcome of outcomes) {
        if (outcome.context !== undefined)
            summary = summary.addHeading(escapeHtml(clusterHeading(outcome)), 4);
        if (outcome.error !== undefined)
            summary = summary.addRaw(`<p>failed: ${escapeHtml(outcome.errorBrief ?? outcome.error)}</p>`, true);
        else
            summary = summary.addTable([TABLE_HEADER, ...outcome.results.map((result) => namespaceRow(result, registries))]);
    }
    await summary.write();
}
const TABLE_HEADER = [
    { data: 'Namespace', header: true },
    { data: 'Secret', header: true },
    { data: 'Service accounts', header: true },
    { data: 'Registries', header: true }
];
/** `Context "prod": 20 namespaces, 1 failed` — what a reader scanning the clusters wants first. */
function clusterHeading({ context, results, error }) {
    if (error !== undefined)
        return `Context "${context ?? ''}": failed`;
    const failed = results.filter((result) => result.error !== undefined).length;
    const count = `${results.length} namespace${results.length === 1 ? '' : 's'}`;
    return `Context "${context ?? ''}": ${count}${failed > 0 ? `, ${failed} failed` : ''}`;
}
// addTable writes cells as HTML, and error texts quote the server's words: escape them.
function namespaceRow(result, registries) {
    return [
        result.namespace,
        result.error ? `failed: ${result.errorBrief ?? result.error}` : (result.secret ?? ''),
        Object.entries(result.serviceAccounts)
            .map(([name, outcome]) => `${name} (${outcome})`)
            .join(', ') || '-',
        registries
    ].map(escapeHtml);
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// EXTERNAL MODULE: ./src/reconcile/desired-secret.ts
var desired_secret = __webpack_require__(4751);
;// CONCATENATED MODULE: ./src/steps/run-annotations.ts
// Which workflow run last changed the credentials, recorded on the Secret so that a person looking at the
// cluster can find it. Read straight from the variables the runner sets for every step: @actions/github's
// `context` reads the same ones, but loading it pulls Octokit (220 kB) into every run for three strings.

function runAnnotations(env = process.env) {
    const annotations = {};
    const repository = env.GITHUB_REPOSITORY;
    if (repository) {
        annotations[`${desired_secret/* RUN_ANNOTATION_PREFIX */.P_}repository`] = repository;
        if (env.GITHUB_RUN_ID) {
            // GitHub Enterprise Server runners set GITHUB_SERVER_URL to their own host.
            const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
            annotations[`${desired_secret/* RUN_ANNOTATION_PREFIX */.P_}run-url`] = `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`;
        }
    }
    if (env.GITHUB_SHA)
        annotations[`${desired_secret/* RUN_ANNOTATION_PREFIX */.P_}commit`] = env.GITHUB_SHA;
    return annotations;
}

;// CONCATENATED MODULE: ./src/steps/main-step.ts
// The main step: inputs → docker config → (registry check) → every cluster's target namespaces → outputs.













/** How long to wait for the `default` service account of a namespace created moments ago. */
const DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS = 30_000;
async function runMain() {
    // Every input is checked before anything is sent anywhere: bad input fails fast, and fails alone.
    const inputs = (0,read_inputs/* readInputs */.K)();
    // kubelet, not kubectl, reads the Secret: an image it would find no credentials for fails here, before
    // any request, rather than as ImagePullBackOff after the deploy. The Secret itself stays kubectl's.
    const registries = Object.keys(inputs.dockerConfig.auths);
    if (inputs.images.length > 0)
        checkImagesHaveCredentials(registries, inputs.images);
    else
        for (const warning of registryKeyWarnings(registries))
            core/* warning */.$e(warning);
    const kubeconfigs = resolveClusters(inputs);
    const dockerConfigJson = (0,docker_config/* serializeDockerConfig */.t5)(inputs.dockerConfig);
    (0,masking/* maskSerializedConfig */.vv)(dockerConfigJson);
    for (const warning of credentialLifetimeWarnings(inputs.credentials))
        core/* warning */.$e(warning);
    const { connect } = await Promise.all(/* import() */[__webpack_require__.e(34), __webpack_require__.e(274)]).then(__webpack_require__.bind(__webpack_require__, 1274));
    // Reads the files each kubeconfig context names (certificates, token files) and fails on a bad one: no
    // request yet. Every cluster gets a connection pool of its own.
    const targets = kubeconfigs.map((kubeconfig) => {
        const target = {
            context: inputs.contexts.length > 0 ? kubeconfig.contextName : undefined,
            // Without user info: the post step compares it, and saved state is no place for a credential.
            server: (0,kube_kubeconfig/* displayUrl */.Qy)(kubeconfig.server),
            contextNamespace: kubeconfig.namespace,
            cluster: connect(kubeconfig)
        };
        core/* debug */.Yz(`Kubernetes API server ${(0,kube_kubeconfig/* displayUrl */.Qy)(kubeconfig.server)}, context "${kubeconfig.contextName}" (from ${kubeconfig.origin})`);
        return target;
    });
    if (inputs.verifyRegistry) {
        const { verifyRegistryCredentials } = await Promise.all(/* import() */[__webpack_require__.e(34), __webpack_require__.e(160)]).then(__webpack_require__.bind(__webpack_require__, 7160));
        await Promise.all(inputs.credentials.map((credential) => verifyRegistryCredentials(credential)));
        core/* info */.pq(`Registry credentials accepted by ${registries.join(', ')}`);
    }
    const outcomes = await reconcileClusters(targets, { listed: inputs.namespaces, selector: inputs.namespaceSelector, createNamespace: inputs.createNamespace }, {
        secret: { name: inputs.secretName, dockerConfigJson, labels: inputs.labels, annotations: inputs.annotations },
        serviceAccounts: inputs.serviceAccounts.includes('*') ? '*' : inputs.serviceAccounts,
        dryRun: inputs.dryRun,
        recreate: inputs.recreate,
        adopt: inputs.adopt,
        runAnnotations: () => runAnnotations(),
        defaultServiceAccountTimeoutMs: DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS
    });
    // One cluster whose namespaces could not even be found: that is the step's failure, with no outputs, as
    // it always was. With `contexts` it is one cluster's failure among the others' results.
    const [only] = outcomes;
    if (inputs.contexts.length === 0 && only.error !== undefined)
        throw new errors/* ActionError */.lZ(only.error);
    // The clean-up plan first: what was written must be undone at the end of the job even if reporting fails.
    if (inputs.cleanup && !inputs.dryRun)
        (0,cleanup/* saveCleanupPlan */.Fb)((0,cleanup/* cleanupPlanOf */.Bs)(inputs.secretName, outcomes));
    setOutputs(inputs.secretName, outcomes);
    await writeSummary({ secretName: inputs.secretName, registries, dryRun: inputs.dryRun }, outcomes);
    const failure = failureReport(outcomes);
    if (failure !== undefined)
        throw new errors/* ActionError */.lZ(failure);
}
/**
 * The clusters to write to: the `context` (else the current context) of the kubeconfig, or each context
 * of `contexts`. Checked, every one, before any request.
 */
function resolveClusters(inputs) {
    if (inputs.contexts.length === 0)
        return [(0,kube_kubeconfig/* resolveKubeconfig */.a8)({ inline: inputs.kubeconfig, context: inputs.context })];
    const kubeconfigs = (0,kube_kubeconfig/* resolveKubeconfigContexts */.g7)({ inline: inputs.kubeconfig }, inputs.contexts);
    // Two contexts for one API server (two users, two default namespaces) are two clusters to the action: each
    // is applied on its own, at the same time. Legitimate, but with `*` more often an accident: say so.
    const byServer = new Map();
    for (const { server, contextName } of kubeconfigs)
        byServer.set(server, [...(byServer.get(server) ?? []), contextName]);
    for (const [server, names] of byServer) {
        if (names.length > 1) {
            core/* warning */.$e(`Contexts ${names.map((name) => `"${name}"`).join(', ')} all reach the API server ${(0,kube_kubeconfig/* displayUrl */.Qy)(server)}: each is applied on its own, at the same time. List the contexts you mean in \`contexts\` if that is not intended.`);
        }
    }
    core/* info */.pq(`Clusters: ${kubeconfigs.map((kubeconfig) => `"${kubeconfig.contextName}"`).join(', ')}`);
    return kubeconfigs;
}


/***/ }),

/***/ 5918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ kubeletKeyOf),
  w: () => (/* binding */ kubeletOffers)
});

;// CONCATENATED MODULE: ./src/validation/go-url.ts
// The three pieces of Go's standard library that kubelet's keyring (k8s.io/kubernetes/pkg/credentialprovider)
// leans on, ported so that our answer is kubelet's answer on the odd inputs too: net/url.Parse (for an
// http:// or https:// URL), net.SplitHostPort and path/filepath.Match. Strings are handled as Go handles
// them, byte by byte: every input here is ASCII (registry-server.ts and image-reference.ts refuse anything
// else), and a %XX escape decodes to the one character U+00XX.
/**
 * url.Parse(raw) for a raw URL that starts with `http://` or `https://` (kubelet only ever parses those);
 * undefined where Go returns an error. GODEBUG defaults of Go 1.26 (urlstrictcolons=1), as kubelet 1.36 runs.
 */
function parseGoUrl(raw) {
    const scheme = /^https?:(?=\/\/)/.exec(raw);
    if (!scheme)
        throw new Error(`parseGoUrl is only for http(s) URLs, got ${JSON.stringify(raw)}`);
    const hash = raw.indexOf('#');
    const beforeFragment = hash === -1 ? raw : raw.slice(0, hash);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(beforeFragment))
        return undefined;
    if (hash !== -1 && go_url_unescape(raw.slice(hash + 1), 'path') === undefined)
        return undefined;
    let rest = beforeFragment.slice(scheme[0].length);
    const question = rest.indexOf('?');
    if (question !== -1)
        rest = rest.slice(0, question);
    // rest starts with // (the scheme is http:// or https://): an authority, then the path.
    const slash = rest.indexOf('/', 2);
    const authority = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    const host = parseAuthority(authority);
    const path = go_url_unescape(slash === -1 ? '' : rest.slice(slash), 'path');
    return host === undefined || path === undefined ? undefined : { host, path };
}
/** net/url parseAuthority: the host after the last `@`; user info must be valid but is not kept. */
function parseAuthority(authority) {
    const at = authority.lastIndexOf('@');
    const host = parseHost(at === -1 ? authority : authority.slice(at + 1));
    if (host === undefined || at === -1)
        return host;
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._~%!$&'()*+,;=:@]*$/.test(userinfo))
        return undefined;
    return userinfo.split(':').every((part) => go_url_unescape(part, 'path') !== undefined) ? host : undefined;
}
/** net/url parseHost with urlstrictcolons: an IPv6 literal in brackets, or a name with at most one `:`. */
function parseHost(host) {
    const open = host.lastIndexOf('[');
    if (open > 0)
        return undefined;
    if (open === 0) {
        const close = host.lastIndexOf(']');
        if (close < 0)
            return undefined;
        const colonPort = host.slice(close + 1);
        if (!validOptionalPort(colonPort))
            return undefined;
        const literal = go_url_unescape(host.slice(1, close), 'host');
        // netip.ParseAddr: an IPv6 address (IPv4 in brackets is refused). Zones (%25…) never reach here.
        if (literal === undefined || !isIpv6Literal(literal))
            return undefined;
        return `[${literal}]${colonPort}`;
    }
    const colon = host.indexOf(':');
    if (colon !== -1) {
        if (host.lastIndexOf(':') !== colon)
            return undefined;
        if (!validOptionalPort(host.slice(colon)))
            return undefined;
    }
    return go_url_unescape(host, 'host');
}
function validOptionalPort(port) {
    return port === '' || /^:[0-9]*$/.test(port);
}
/** An IPv6 address as netip.ParseAddr takes it (hex groups, one `::`, optional dotted IPv4 tail). */
function isIpv6Literal(text) {
    const halves = text.split('::');
    if (halves.length > 2)
        return false;
    const compressed = halves.length === 2;
    const groups = (part) => (part === '' ? [] : part.split(':'));
    const all = halves.flatMap(groups);
    const last = all.at(-1);
    const ipv4Tail = last !== undefined && /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(last);
    const hex = ipv4Tail ? all.slice(0, -1) : all;
    if (!hex.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group)))
        return false;
    const size = hex.length + (ipv4Tail ? 2 : 0);
    return compressed ? size <= 7 : size === 8;
}
/** net/url unescape: checks and decodes %XX; a host allows only its own characters and %XX ≥ %80 or %25. */
function go_url_unescape(text, mode) {
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '%') {
            if (!/^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3)))
                return undefined;
            if (mode === 'host' && parseInt(text[i + 1], 16) < 8 && text.slice(i, i + 3) !== '%25')
                return undefined;
            i += 2;
        }
        else if (mode === 'host' && c.charCodeAt(0) < 0x80 && !/[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/.test(c)) {
            return undefined;
        }
    }
    return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}
/** net.SplitHostPort; undefined where Go returns an error (no port, stray brackets, too many colons). */
function splitHostPort(hostport) {
    const colon = hostport.lastIndexOf(':');
    if (colon < 0)
        return undefined;
    let host;
    let from = 0;
    let closeAt = 0;
    if (hostport.startsWith('[')) {
        const end = hostport.indexOf(']');
        if (end < 0 || end + 1 !== colon)
            return undefined;
        host = hostport.slice(1, end);
        from = 1;
        closeAt = end + 1;
    }
    else {
        host = hostport.slice(0, colon);
        if (host.includes(':'))
            return undefined;
    }
    if (hostport.slice(from).includes('[') || hostport.slice(closeAt).includes(']'))
        return undefined;
    return { host, port: hostport.slice(colon + 1) };
}
/** matchChunk's answer for a malformed pattern (Go's ErrBadPattern). */
const BAD_PATTERN = Symbol('bad pattern');
/**
 * path/filepath.Match on Linux (`*`, `?`, `[…]` classes, `\` escapes; `/` is the separator). A malformed
 * pattern counts as no match: kubelet ignores Match's error.
 */
function goFilepathMatch(pattern, name) {
    let rest = pattern;
    let remaining = name;
    patterns: while (rest.length > 0) {
        const { star, chunk, after } = scanChunk(rest);
        rest = after;
        if (star && chunk === '')
            return !remaining.includes('/');
        const direct = matchChunk(chunk, remaining);
        if (direct !== undefined && direct !== BAD_PATTERN && (direct.length === 0 || rest.length > 0)) {
            remaining = direct;
            continue;
        }
        if (direct === BAD_PATTERN)
            return false;
        if (star) {
            for (let i = 0; i < remaining.length && remaining[i] !== '/'; i++) {
                const shifted = matchChunk(chunk, remaining.slice(i + 1));
                if (shifted === BAD_PATTERN)
                    return false;
                if (shifted !== undefined) {
                    if (rest.length === 0 && shifted.length > 0)
                        continue;
                    remaining = shifted;
                    continue patterns;
                }
            }
        }
        return false;
    }
    return remaining.length === 0;
}
function scanChunk(pattern) {
    let text = pattern;
    let star = false;
    while (text.startsWith('*')) {
        text = text.slice(1);
        star = true;
    }
    let inRange = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && i + 1 < text.length)
            i++;
        else if (c === '[')
            inRange = true;
        else if (c === ']')
            inRange = false;
        else if (c === '*' && !inRange)
            return { star, chunk: text.slice(0, i), after: text.slice(i) };
    }
    return { star, chunk: text, after: '' };
}
/** The rest of `s` after `chunk` matched its start; undefined for no match; BAD_PATTERN for a malformed chunk. */
function matchChunk(chunkIn, sIn) {
    let chunk = chunkIn;
    let s = sIn;
    let failed = false;
    while (chunk.length > 0) {
        failed ||= s.length === 0;
        const c = chunk[0];
        if (c === '[') {
            const r = failed ? '' : s[0];
            if (!failed)
                s = s.slice(1);
            chunk = chunk.slice(1);
            let negated = false;
            if (chunk.startsWith('^')) {
                negated = true;
                chunk = chunk.slice(1);
            }
            let match = false;
            let ranges = 0;
            for (;;) {
                if (chunk.startsWith(']') && ranges > 0) {
                    chunk = chunk.slice(1);
                    break;
                }
                const lo = getEsc(chunk);
                if (lo === undefined)
                    return BAD_PATTERN;
                chunk = lo.rest;
                let hi = lo.char;
                if (chunk[0] === '-') {
                    const high = getEsc(chunk.slice(1));
                    if (high === undefined)
                        return BAD_PATTERN;
                    chunk = high.rest;
                    hi = high.char;
                }
                match ||= r !== '' && lo.char <= r && r <= hi;
                ranges++;
            }
            failed ||= match === negated;
        }
        else if (c === '?') {
            if (!failed) {
                failed = s[0] === '/';
                s = s.slice(1);
            }
            chunk = chunk.slice(1);
        }
        else {
            if (c === '\\') {
                chunk = chunk.slice(1);
                if (chunk.length === 0)
                    return BAD_PATTERN;
            }
            if (!failed) {
                failed = chunk[0] !== s[0];
                s = s.slice(1);
            }
            chunk = chunk.slice(1);
        }
    }
    return failed ? undefined : s;
}
function getEsc(chunkIn) {
    let chunk = chunkIn;
    if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']')
        return undefined;
    if (chunk[0] === '\\') {
        chunk = chunk.slice(1);
        if (chunk.length === 0)
            return undefined;
    }
    const rest = chunk.slice(1);
    return rest.length === 0 ? undefined : { char: chunk[0], rest };
}

;// CONCATENATED MODULE: ./src/validation/kubelet-keyring.ts
// Which entries of a kubernetes.io/dockerconfigjson Secret kubelet offers for an image: a port of
// BasicDockerKeyring (k8s.io/kubernetes/pkg/credentialprovider/keyring.go, v1.36), checked case by case
// against that very code (control-plane/go/kubernetes/keyring-oracle, __tests__/validation/kubelet-keyring).
//
// The rules, which differ from the Docker CLI's and from skopeo's:
// - A key loses a lower-case `https://` or `http://` (else kubelet parses it as if `https://` were there)
//   and a leading `/v1/` or `/v2/` of its path; what is left is host[:port][/path].
// - A key matches an image's repository (docker.io/library/nginx for `nginx`) when the port is the same,
//   the host has as many dot-separated labels and each matches as a glob (`*.azurecr.io`), and the key's
//   path is a plain string prefix of the repository's path (`ghcr.io/org` covers ghcr.io/organisation too).
// - Every matching key is offered, the longest-sorting first (ghcr.io/org before ghcr.io); entries whose
//   keys come out the same are offered together, in no fixed order.
// - Only when nothing matches: a key that comes out exactly `index.docker.io` is offered for any image
//   whose first part has no '.' or ':' (Docker Hub images, but also `localhost/app`).

const DOCKER_HUB_FALLBACK_KEY = 'index.docker.io';
/** BasicDockerKeyring.Add: the key kubelet files an entry under; undefined when kubelet ignores the entry. */
function kubeletKeyOf(entryKey) {
    const url = parseGoUrl(/^https?:\/\//.test(entryKey) ? entryKey : `https://${entryKey}`);
    if (!url)
        return undefined;
    const path = /^\/v[12]\//.test(url.path) ? url.path.slice(3) : url.path;
    return path !== '' && path !== '/' ? url.host + path : url.host;
}
/**
 * BasicDockerKeyring.Lookup: what kubelet offers for `repository` (an ImageReference's name, e.g.
 * docker.io/library/nginx), most specific first; [] when nothing matches.
 */
function kubeletOffers(entryKeys, repository) {
    const byKey = new Map();
    for (const entryKey of entryKeys) {
        const key = kubeletKeyOf(entryKey);
        if (key !== undefined)
            byKey.set(key, [...(byKey.get(key) ?? []), entryKey]);
    }
    // Go's sort.Strings, reversed: byte order, and every key here is ASCII (or %XX decoded to one byte).
    const index = [...byKey.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const offered = index
        .filter((key) => urlsMatch(key, repository))
        .map((key) => ({ kubeletKey: key, entries: byKey.get(key) ?? [] }));
    if (offered.length > 0)
        return offered;
    const fallback = byKey.get(DOCKER_HUB_FALLBACK_KEY);
    if (fallback && isDefaultRegistryMatch(repository))
        return [{ kubeletKey: DOCKER_HUB_FALLBACK_KEY, entries: fallback }];
    return [];
}
/** URLsMatchStr(glob, target): both parsed as schemeless URLs (https:// put in front). */
function urlsMatch(glob, target) {
    const globUrl = parseGoUrl(`https://${glob}`);
    const targetUrl = parseGoUrl(`https://${target}`);
    if (!globUrl || !targetUrl)
        return false;
    const [globLabels, globPort] = splitUrl(globUrl.host);
    const [targetLabels, targetPort] = splitUrl(targetUrl.host);
    if (globPort !== targetPort || globLabels.length !== targetLabels.length)
        return false;
    if (!targetUrl.path.startsWith(globUrl.path))
        return false;
    return globLabels.every((label, i) => goFilepathMatch(label, targetLabels[i]));
}
/** SplitURL: host labels and port; a host without a port (SplitHostPort fails) is taken whole. */
function splitUrl(host) {
    const split = splitHostPort(host);
    return split ? [split.host.split('.'), split.port] : [host.split('.'), ''];
}
/** isDefaultRegistryMatch: the first part of the repository has no '.' or ':' (so "looks like Docker Hub"). */
function isDefaultRegistryMatch(repository) {
    const slash = repository.indexOf('/');
    const first = slash === -1 ? repository : repository.slice(0, slash);
    if (first === '')
        return false;
    if (slash === -1 || first === 'docker.io' || first === 'index.docker.io')
        return true;
    return !/[.:]/.test(first);
}


/***/ })

};

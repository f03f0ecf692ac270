export const id = 625;
export const ids = [625,771];
export const modules = {

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
const FIELD_MANAGER = 'k8s-image-pull-secret-action';


/***/ }),

/***/ 4625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./src/reconcile/concurrency.ts
var concurrency = __webpack_require__(3355);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/cluster.ts
var kube_cluster = __webpack_require__(6771);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/reconcile/desired-secret.ts
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

// EXTERNAL MODULE: ./src/reconcile/service-accounts.ts
var service_accounts = __webpack_require__(9552);
;// CONCATENATED MODULE: ./src/reconcile/namespace.ts
// Everything the action does in one namespace: create it when asked, make the Secret right, add it to the
// service accounts. Reads go out together; writes only where something differs; the Secret is written
// before any service account names it, so a failure never leaves a reference to a Secret that is missing.








const DEFAULT_SERVICE_ACCOUNT = 'default';
async function reconcileNamespace(cluster, namespace, plan) {
    const result = { namespace, serviceAccounts: {}, namespaceCreated: false };
    try {
        await reconcileNamespaceSteps(cluster, namespace, plan, result);
    }
    catch (error) {
        result.error = (0,errors/* errorMessage */.gJ)(error);
    }
    return result;
}
async function reconcileNamespaceSteps(cluster, namespace, plan, result) {
    const write = { dryRun: plan.dryRun };
    if (plan.namespacesToCreate.has(namespace)) {
        result.namespaceCreated = (await cluster.createNamespace(namespace, write)) === 'created';
        if (result.namespaceCreated)
            core/* info */.pq(`Namespace "${namespace}": created${plan.dryRun ? ' (dry run)' : ''}`);
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
    result.secret = await reconcileSecret(cluster, namespace, existing, plan);
    core/* info */.pq(`Namespace "${namespace}": secret "${plan.secret.name}" ${result.secret}`);
    // Every account settles before the namespace is reported: when one fails, another's wait or write must not
    // go on unseen and land after the outputs and the clean-up plan were written without it.
    await (0,concurrency/* mapConcurrently */.X2)([...accounts], concurrency/* SERVICE_ACCOUNT_CONCURRENCY */.Yv, async ([name, account]) => {
        const serviceAccount = account ?? (await (0,service_accounts/* waitForServiceAccount */.lc)(cluster, namespace, name, plan.defaultServiceAccountTimeoutMs));
        const outcome = await (0,service_accounts/* addPullSecret */.bO)(cluster, namespace, serviceAccount, plan.secret.name, write);
        result.serviceAccounts[name] = outcome;
        core/* info */.pq(`Namespace "${namespace}": service account "${name}" ${outcome === 'added' ? 'now pulls with' : 'already pulls with'} "${plan.secret.name}"`);
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
    const found = await Promise.all(wanted.map((name) => cluster.readServiceAccount(namespace, name)));
    return new Map(wanted.map((name, index) => [name, found[index]]));
}
/**
 * A listed service account that is missing is most likely a typo, and fails the namespace before anything
 * is written. But a GET in a missing namespace also answers 404, so ask the server (a dry-run apply, which
 * the action may do anyway) whether the namespace itself is what is missing, to say the right thing.
 */
async function failForMissingServiceAccounts(cluster, namespace, plan, missing) {
    await cluster.applySecret(namespace, desiredSecret(plan.secret, {}), { dryRun: true });
    const names = missing.map((name) => `"${name}"`).join(', ');
    throw new errors/* ActionError */.lZ(`Service account${missing.length > 1 ? 's' : ''} ${names} not found in namespace "${namespace}": check the service-accounts input for a typo, or create ${missing.length > 1 ? 'them' : 'it'} first.`);
}
async function reconcileSecret(cluster, namespace, existing, plan) {
    const write = { dryRun: plan.dryRun };
    if (!existing) {
        await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), write);
        return 'created';
    }
    const comparison = compareSecret(existing, plan.secret, kube_cluster/* FIELD_MANAGER */.v);
    switch (comparison.kind) {
        case 'equal':
            return 'unchanged';
        case 'metadata-differs':
            await cluster.applySecret(namespace, desiredSecret(plan.secret, comparison.runAnnotations), write);
            return 'updated';
        case 'data-differs':
            await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), write);
            return 'updated';
        case 'needs-recreate':
            if (!plan.recreate) {
                throw new errors/* ActionError */.lZ(`Secret "${plan.secret.name}" in namespace "${namespace}" cannot be updated: ${comparison.why}. Set \`recreate: true\` to delete and create it again.`);
            }
            core/* info */.pq(`Namespace "${namespace}": secret "${plan.secret.name}" is recreated, as ${comparison.why}`);
            await cluster.deleteSecret(namespace, plan.secret.name, write);
            // A dry-run delete leaves the old Secret in place, so a dry-run create would be judged against it.
            if (!plan.dryRun)
                await applyAfterDelete(cluster, namespace, plan);
            return 'updated';
    }
}
/** Right after a delete, a create can still meet the old object for a moment; retry that briefly. */
async function applyAfterDelete(cluster, namespace, plan) {
    for (let attempt = 1;; attempt++) {
        try {
            await cluster.applySecret(namespace, desiredSecret(plan.secret, plan.runAnnotations()), { dryRun: false });
            return;
        }
        catch (error) {
            const stillThere = error instanceof api_errors/* KubeApiError */.W3 && (error.status === 409 || error.status === 422);
            if (!stillThere || attempt >= 5)
                throw error;
            await (0,retry/* sleep */.yy)(100 * attempt);
        }
    }
}
function planForNewNamespace(plan, result) {
    const wanted = plan.serviceAccounts === '*' ? [DEFAULT_SERVICE_ACCOUNT] : plan.serviceAccounts;
    const missing = wanted.filter((name) => name !== DEFAULT_SERVICE_ACCOUNT);
    if (missing.length > 0) {
        throw new errors/* ActionError */.lZ(`Service account${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} would not exist in the new namespace "${result.namespace}": only "default" is created with a namespace.`);
    }
    result.secret = 'created';
    for (const name of wanted)
        result.serviceAccounts[name] = 'added';
}

;// CONCATENATED MODULE: ./src/reconcile/fan-out.ts
// Reconciles every target namespace at once, bounded, so 100 namespaces take a few round trips of time
// rather than 100 times one; one namespace failing does not stop the others.



async function reconcileNamespaces(cluster, namespaces, plan) {
    core/* info */.pq(`Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`);
    return (0,concurrency/* mapConcurrently */.X2)(namespaces, concurrency/* NAMESPACE_CONCURRENCY */.mo, (namespace) => reconcileNamespace(cluster, namespace, plan));
}

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

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The step's outputs and job summary. Neither ever holds a credential, nor a hash of one: the summary names
// registries by server only.

function resultEntries(results) {
    return results.map(({ namespace, secret, serviceAccounts, error }) => ({
        namespace,
        secret: error ? 'failed' : secret,
        serviceAccounts,
        ...(error ? { error } : {})
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
function setOutputs(secretName, results) {
    core/* setOutput */.uH('secret-name', secretName);
    core/* setOutput */.uH('namespaces', JSON.stringify(namespacesHoldingSecret(results)));
    core/* setOutput */.uH('changed', String(isChanged(results)));
    core/* setOutput */.uH('result', JSON.stringify(resultEntries(results)));
}
async function writeSummary(context, results) {
    // The summary file is absent when the action runs outside a runner (local tools): not worth failing for.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const header = [
        { data: 'Namespace', header: true },
        { data: 'Secret', header: true },
        { data: 'Service accounts', header: true },
        { data: 'Registries', header: true }
    ];
    const registries = context.registries.join(', ');
    // addTable writes cells as HTML, and error texts quote the server's words: escape them.
    const rows = results.map((result) => [
        result.namespace,
        result.error ? `failed: ${result.error}` : (result.secret ?? ''),
        Object.entries(result.serviceAccounts)
            .map(([name, outcome]) => `${name} (${outcome})`)
            .join(', ') || '-',
        registries
    ].map(escapeHtml));
    await core/* summary */.z
        .addHeading(`Image pull secret \`${context.secretName}\`${context.dryRun ? ' (dry run)' : ''}`, 3)
        .addTable([header, ...rows])
        .write();
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ./src/steps/run-annotations.ts
// Which workflow run last changed the credentials, recorded on the Secret so that a person looking at the
// cluster can find it. Read straight from the variables the runner sets for every step: @actions/github's
// `context` reads the same ones, but loading it pulls Octokit (220 kB) into every run for three strings.

function runAnnotations(env = process.env) {
    const annotations = {};
    const repository = env.GITHUB_REPOSITORY;
    if (repository) {
        annotations[`${RUN_ANNOTATION_PREFIX}repository`] = repository;
        if (env.GITHUB_RUN_ID) {
            // GitHub Enterprise Server runners set GITHUB_SERVER_URL to their own host.
            const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
            annotations[`${RUN_ANNOTATION_PREFIX}run-url`] = `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`;
        }
    }
    if (env.GITHUB_SHA)
        annotations[`${RUN_ANNOTATION_PREFIX}commit`] = env.GITHUB_SHA;
    return annotations;
}

;// CONCATENATED MODULE: ./src/steps/main-step.ts
// The main step: inputs → docker config → (registry check) → every target namespace → outputs.













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
    const kubeconfig = (0,kube_kubeconfig/* resolveKubeconfig */.a8)({ inline: inputs.kubeconfig, context: inputs.context });
    const dockerConfigJson = (0,docker_config/* serializeDockerConfig */.t5)(inputs.dockerConfig);
    (0,masking/* maskSerializedConfig */.vv)(dockerConfigJson);
    for (const warning of credentialLifetimeWarnings(inputs.credentials))
        core/* warning */.$e(warning);
    const { connect } = await Promise.all(/* import() */[__webpack_require__.e(34), __webpack_require__.e(274)]).then(__webpack_require__.bind(__webpack_require__, 1274));
    // Reads the files the kubeconfig names (certificates, token files) and fails on a bad one: no request yet.
    const cluster = connect(kubeconfig);
    core/* debug */.Yz(`Kubernetes API server ${kubeconfig.server}, context "${kubeconfig.contextName}" (from ${kubeconfig.origin})`);
    if (inputs.verifyRegistry) {
        const { verifyRegistryCredentials } = await Promise.all(/* import() */[__webpack_require__.e(34), __webpack_require__.e(160)]).then(__webpack_require__.bind(__webpack_require__, 7160));
        await Promise.all(inputs.credentials.map((credential) => verifyRegistryCredentials(credential)));
        core/* info */.pq(`Registry credentials accepted by ${registries.join(', ')}`);
    }
    const targets = await resolveTargets(cluster, {
        listed: inputs.namespaces,
        selector: inputs.namespaceSelector,
        contextNamespace: kubeconfig.namespace,
        createNamespace: inputs.createNamespace
    });
    const plan = {
        secret: { name: inputs.secretName, dockerConfigJson, labels: inputs.labels, annotations: inputs.annotations },
        serviceAccounts: inputs.serviceAccounts.includes('*') ? '*' : inputs.serviceAccounts,
        namespacesToCreate: targets.toCreate,
        dryRun: inputs.dryRun,
        recreate: inputs.recreate,
        runAnnotations: () => runAnnotations(),
        defaultServiceAccountTimeoutMs: DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS
    };
    const results = await reconcileNamespaces(cluster, targets.namespaces, plan);
    // The clean-up plan first: what was written must be undone at the end of the job even if reporting fails.
    if (inputs.cleanup && !inputs.dryRun)
        (0,cleanup/* saveCleanupPlan */.Fb)((0,cleanup/* cleanupPlanOf */.Bs)(inputs.secretName, results));
    setOutputs(inputs.secretName, results);
    await writeSummary({ secretName: inputs.secretName, registries, dryRun: inputs.dryRun }, results);
    const failures = results.filter((result) => result.error !== undefined);
    if (failures.length > 0) {
        const lines = failures.map((result) => `- ${result.namespace}: ${result.error}`);
        throw new errors/* ActionError */.lZ(`Failed in ${failures.length} of ${results.length} namespace${results.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    }
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

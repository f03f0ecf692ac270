export const id = 713;
export const ids = [713];
export const modules = {

/***/ 6094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/apply/concurrency.ts
var concurrency = __webpack_require__(311);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/cluster.ts
var kube_cluster = __webpack_require__(6771);
// EXTERNAL MODULE: ./src/kube/api-errors.ts
var api_errors = __webpack_require__(4005);
// EXTERNAL MODULE: ./src/kube/retry.ts
var retry = __webpack_require__(4963);
// EXTERNAL MODULE: ./src/apply/desired-secret.ts
var desired_secret = __webpack_require__(2747);
// EXTERNAL MODULE: ./src/apply/service-accounts.ts
var service_accounts = __webpack_require__(7708);
;// CONCATENATED MODULE: ./src/apply/namespace.ts
// Everything the action does in one namespace: create it when asked, make the Secret right, add it to the
// service accounts. Reads go out together; writes only where something differs; the Secret is written
// before any service account names it, so a failure never leaves a reference to a Secret that is missing.








const DEFAULT_SERVICE_ACCOUNT = 'default';
async function applyToNamespace(cluster, namespace, plan) {
    const result = { namespace, serviceAccounts: {}, namespaceCreated: false };
    try {
        await reconcileNamespace(cluster, namespace, plan, result);
    }
    catch (error) {
        result.error = (0,errors/* errorMessage */.gJ)(error);
    }
    return result;
}
async function reconcileNamespace(cluster, namespace, plan, result) {
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
    await cluster.applySecret(namespace, (0,desired_secret/* desiredSecret */.Bm)(plan.secret, {}), { dryRun: true });
    const names = missing.map((name) => `"${name}"`).join(', ');
    throw new errors/* ActionError */.lZ(`Service account${missing.length > 1 ? 's' : ''} ${names} not found in namespace "${namespace}": check the service-accounts input for a typo, or create ${missing.length > 1 ? 'them' : 'it'} first.`);
}
async function reconcileSecret(cluster, namespace, existing, plan) {
    const write = { dryRun: plan.dryRun };
    if (!existing) {
        await cluster.applySecret(namespace, (0,desired_secret/* desiredSecret */.Bm)(plan.secret, plan.runAnnotations()), write);
        return 'created';
    }
    const comparison = (0,desired_secret/* compareSecret */.sj)(existing, plan.secret, kube_cluster/* FIELD_MANAGER */.v);
    switch (comparison.kind) {
        case 'equal':
            return 'unchanged';
        case 'metadata-differs':
            await cluster.applySecret(namespace, (0,desired_secret/* desiredSecret */.Bm)(plan.secret, comparison.runAnnotations), write);
            return 'updated';
        case 'data-differs':
            await cluster.applySecret(namespace, (0,desired_secret/* desiredSecret */.Bm)(plan.secret, plan.runAnnotations()), write);
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
            await cluster.applySecret(namespace, (0,desired_secret/* desiredSecret */.Bm)(plan.secret, plan.runAnnotations()), { dryRun: false });
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

;// CONCATENATED MODULE: ./src/apply/fan-out.ts
// Applies to every target namespace at once, bounded, so 100 namespaces take a few round trips of time
// rather than 100 times one; one namespace failing does not stop the others.



async function applyToNamespaces(cluster, namespaces, plan) {
    core/* info */.pq(`Applying secret "${plan.secret.name}" to ${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${plan.dryRun ? ' (dry run: nothing is changed)' : ''}`);
    return (0,concurrency/* mapConcurrently */.X2)(namespaces, concurrency/* NAMESPACE_CONCURRENCY */.mo, (namespace) => applyToNamespace(cluster, namespace, plan));
}

;// CONCATENATED MODULE: ./src/apply/targets.ts
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

// EXTERNAL MODULE: ./src/cleanup.ts
var cleanup = __webpack_require__(2691);
;// CONCATENATED MODULE: ./src/credential-lifetime.ts
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

// EXTERNAL MODULE: ./src/docker-config.ts
var docker_config = __webpack_require__(7706);
// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(4817);
// EXTERNAL MODULE: ./src/kube/kubeconfig.ts
var kube_kubeconfig = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/masking.ts
var masking = __webpack_require__(6527);
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

;// CONCATENATED MODULE: ./src/apply-step.ts
// The main step: inputs → docker config → (registry check) → every target namespace → outputs.











/** How long to wait for the `default` service account of a namespace created moments ago. */
const DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS = 30_000;
async function runMain() {
    // Every input is checked before anything is sent anywhere: bad input fails fast, and fails alone.
    const inputs = (0,src_inputs/* readInputs */.K)();
    const kubeconfig = (0,kube_kubeconfig/* resolveKubeconfig */.a8)({ inline: inputs.kubeconfig, context: inputs.context });
    const dockerConfigJson = (0,docker_config/* serializeDockerConfig */.t5)(inputs.dockerConfig);
    (0,masking/* maskSerializedConfig */.vv)(dockerConfigJson);
    const registries = Object.keys(inputs.dockerConfig.auths);
    for (const warning of credentialLifetimeWarnings(inputs.credentials))
        core/* warning */.$e(warning);
    const [{ connect }, { runAnnotations }] = await Promise.all([
        __webpack_require__.e(/* import() */ 63).then(__webpack_require__.bind(__webpack_require__, 5063)),
        Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(817)]).then(__webpack_require__.bind(__webpack_require__, 8817))
    ]);
    // Reads the files the kubeconfig names (certificates, token files) and fails on a bad one: no request yet.
    const cluster = connect(kubeconfig);
    core/* debug */.Yz(`Kubernetes API server ${kubeconfig.server}, context "${kubeconfig.contextName}" (from ${kubeconfig.origin})`);
    if (inputs.verifyRegistry) {
        const { verifyRegistryCredentials } = await __webpack_require__.e(/* import() */ 79).then(__webpack_require__.bind(__webpack_require__, 6079));
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
        runAnnotations,
        defaultServiceAccountTimeoutMs: DEFAULT_SERVICE_ACCOUNT_TIMEOUT_MS
    };
    const results = await applyToNamespaces(cluster, targets.namespaces, plan);
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

/***/ 2747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ desiredSecret),
/* harmony export */   P_: () => (/* binding */ RUN_ANNOTATION_PREFIX),
/* harmony export */   sj: () => (/* binding */ compareSecret)
/* harmony export */ });
/* unused harmony exports SECRET_TYPE, DATA_KEY, MANAGED_BY_LABEL, MANAGER_NAME */
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

/***/ 6771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ FIELD_MANAGER)
/* harmony export */ });
/** The field manager of every write: a fixed name, so server-side apply recognises our own fields. */
const FIELD_MANAGER = 'k8s-image-pull-secret-action';


/***/ })

};

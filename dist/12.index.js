export const id = 12;
export const ids = [12];
export const modules = {

/***/ 7012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/apply/fan-out.ts + 1 modules
var fan_out = __webpack_require__(8524);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
    const kubeconfig = (0,kube_kubeconfig/* resolveKubeconfig */.a)({ inline: inputs.kubeconfig, context: inputs.context });
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
    const results = await (0,fan_out/* applyToNamespaces */.AY)(cluster, targets.namespaces, plan);
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


/***/ })

};

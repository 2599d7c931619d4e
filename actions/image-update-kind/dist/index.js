import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6750:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ post),
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/**
 * The action's two steps, loaded on demand: the post step (deleting the Kind cluster) needs none of the main step's
 * code. The root action (actions/d2ci) calls these too, as `@d2ci/image-update-kind/action`.
 */
async function main() {
    const [{ getInputs }, { run }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(952), __nccwpck_require__.e(601)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1601)), Promise.all(/* import() */[__nccwpck_require__.e(46), __nccwpck_require__.e(415), __nccwpck_require__.e(952), __nccwpck_require__.e(124), __nccwpck_require__.e(566)]).then(__nccwpck_require__.bind(__nccwpck_require__, 566))]);
    await run(getInputs());
}
async function post() {
    await (await __nccwpck_require__.e(/* import() */ 550).then(__nccwpck_require__.bind(__nccwpck_require__, 4550))).post();
}


/***/ }),

/***/ 3018:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2408);
/* harmony import */ var _action_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6750);


// The same bundle is the main step and the post step (which deletes a Kind cluster); the state tells them apart.
if (_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.getState */ .lj.getState('phase') === 'main') {
    await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(_action_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b);
}
else {
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.saveState */ .lj.saveState('phase', 'main');
    await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(_action_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2408:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_InputError),
  tE: () => (/* reexport */ inputs_booleanInput),
  Hn: () => (/* reexport */ cell),
  rg: () => (/* reexport */ githubAppInput),
  h4: () => (/* reexport */ githubContext),
  Xu: () => (/* reexport */ fields_inputError),
  Bb: () => (/* reexport */ keyValueInput),
  dt: () => (/* reexport */ listInput),
  P4: () => (/* reexport */ registry_registryInputs),
  _A: () => (/* reexport */ registryOptions),
  TW: () => (/* reexport */ registryServerInput),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_namespaceObject),
  Uj: () => (/* reexport */ inputs_stringInput),
  X5: () => (/* reexport */ workspacePath)
});

// UNUSED EXPORTS: cosignSigningInputs, defaultRevision, defaultSource, deployedFluxManifestInputs, fluxManifestInputError, fluxManifestInputs, formatBytes, inputNames, integerInput, linesInput, registrySession, repositoryInput, shortDigest, signingInputs, verificationInputs, verifyInputNames

// NAMESPACE OBJECT: ../../packages/action-kit/src/runner.ts
var runner_namespaceObject = {};
__nccwpck_require__.r(runner_namespaceObject);
__nccwpck_require__.d(runner_namespaceObject, {
  appendSummary: () => (appendSummary),
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  escapeData: () => (escapeData),
  getInput: () => (getInput),
  getState: () => (getState),
  info: () => (info),
  saveState: () => (saveState),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  warning: () => (warning)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
;// CONCATENATED MODULE: ../../packages/action-kit/src/runner.ts
/**
 * The GitHub Actions runner protocol: inputs from `INPUT_*`, outputs and state through the `GITHUB_OUTPUT` /
 * `GITHUB_STATE` files, the job summary file, and `::command::` lines on stdout.
 *
 * We speak it directly instead of bundling @actions/core: that package pulls in an HTTP client (undici) whose
 * start-up is about 70 ms of a ~110 ms cold start, for the one call (the OIDC token) that Node's own fetch does.
 * Behaviour follows @actions/core 3 (core.ts, command.ts, file-command.ts); the OIDC token comes from
 * @d2ci/core's githubActionsIdentity.
 */




/** Escapes a command's message as the runner expects (command.ts `escapeData`). */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message) {
    process.stdout.write(`::${command}::${escapeData(message)}${external_node_os_.EOL}`);
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A `name<<delimiter` record for the runner's file commands (file-command.ts `prepareKeyValueMessage`). */
function keyValueRecord(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`unexpected input: name or value contains the delimiter ${delimiter}`);
    return `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`;
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, keyValueRecord(name, value), 'utf8');
    else
        process.stdout.write(`${external_node_os_.EOL}::set-output name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
}
function saveState(name, value) {
    const file = process.env.GITHUB_STATE;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, keyValueRecord(name, value), 'utf8');
    else
        process.stdout.write(`::save-state name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
const masked = new Set();
/** Registers a secret with the runner so it never appears in the log; each line of a multi-line value too. */
function setSecret(secret) {
    for (const value of [secret, ...secret.split(/\r?\n/)]) {
        if (!value || masked.has(value))
            continue;
        masked.add(value);
        issue('add-mask', value);
    }
}
/**
 * Writes a log line. Messages carry registry text (annotations, tags, reasons): control characters are shown
 * escaped, and a line that would start a workflow command (`::name::`) has its first colon escaped, so data can
 * never drive the runner.
 */
function info(message) {
    const safe = message
        .split('\n')
        .map((line) => (0,errors/* escapeControls */.UN)(line.replace(/\r$/, '')).replace(/^(\s*):(?=:)/, '$1\\u003a'))
        .join(external_node_os_.EOL);
    process.stdout.write(`${safe}${external_node_os_.EOL}`);
}
function debug(message) {
    issue('debug', message);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    process.stdout.write(`::endgroup::${external_node_os_.EOL}`);
}
/** Appends markdown to the job summary (no-op outside a runner). */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/inputs.ts

/**
 * A bad input: the message names the input and the fix, on one line, e.g.
 * "input `repository`: "Acme/App" must be lowercase; use acme/app".
 */
class inputs_InputError extends Error {
    input;
    constructor(input, problem) {
        super(`input \`${input}\`: ${problem}`.replace(/\s*\n\s*/g, ' '));
        this.name = 'InputError';
        this.input = input;
    }
}
function inputs_stringInput(name, options = {}) {
    const value = getInput(name).trim();
    if (!value && options.required)
        throw new inputs_InputError(name, `is required; add \`${name}:\` to the step's \`with:\``);
    return value || options.fallback || '';
}
/** YAML 1.2 core booleans, like `core.getBooleanInput`, but with a one-line error that names the input. */
function inputs_booleanInput(name, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new inputs_InputError(name, `"${value}" is not a boolean; use true or false`);
}
/** Items separated by newlines or commas; blank lines and `#` comments are dropped. */
function listInput(name) {
    return getInput(name)
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
}
/** Patterns one per line (commas are part of gitignore patterns, so only newlines separate). */
function inputs_linesInput(name) {
    return getInput(name)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** `key=value` lines (the value may contain `=`). */
function keyValueInput(name) {
    const result = {};
    inputs_linesInput(name).forEach((line) => {
        const cut = line.indexOf('=');
        const key = cut > 0 ? line.slice(0, cut).trim() : '';
        if (cut < 0 || !key)
            throw new inputs_InputError(name, `"${line}" is not key=value; write one annotation per line, e.g. org.opencontainers.image.description=My app`);
        if (/\s/.test(key))
            throw new inputs_InputError(name, `key "${key}" contains whitespace`);
        result[key] = line.slice(cut + 1).trim();
    });
    return result;
}
/** A positive integer input. */
function integerInput(name, fallback) {
    const value = core.getInput(name).trim();
    if (value === '')
        return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) <= 0)
        throw new inputs_InputError(name, `"${value}" is not a positive whole number`);
    return Number(value);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ../../packages/action-kit/src/context.ts



function githubContext(env = process.env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY ?? '';
    return {
        serverUrl,
        repository,
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: env.RUNNER_TEMP || undefined,
        runUrl: repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    };
}
/** `https://github.com/<owner>/<repo>`, the artifact's default `source` (what the D2 push action derives). */
function defaultSource(context) {
    return context.repository ? `${context.serverUrl}/${context.repository}` : '';
}
/** `<ref>@sha1:<sha>`, e.g. `refs/heads/main@sha1:…`, the D2 push action's default `revision`. */
function defaultRevision(context) {
    return context.ref && context.sha ? `${context.ref}@sha1:${context.sha}` : '';
}
/**
 * Resolves a path input against the workspace and refuses one that leaves it (following symlinks), so a
 * step can only publish what the job checked out.
 */
function workspacePath(input, value, context) {
    let workspace;
    try {
        workspace = (0,external_node_fs_.realpathSync)(context.workspace);
    }
    catch {
        // Not an input's fault: the job's checkout folder itself is missing (GITHUB_WORKSPACE names no folder).
        throw new Error(`the workspace ${context.workspace} (GITHUB_WORKSPACE) does not exist; run actions/checkout before this step`);
    }
    const path = (0,external_node_path_.resolve)(workspace, value);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        throw new inputs_InputError(input, `"${value}" does not exist in the workspace; check the path (it is relative to the repository root)`);
    }
    const rel = (0,external_node_path_.relative)(workspace, real);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new inputs_InputError(input, `"${value}" is outside the workspace (${workspace}); use a path inside the checked-out repository`);
    }
    return real;
}

// EXTERNAL MODULE: ../../packages/core/src/auth/resolve.ts + 14 modules
var auth_resolve = __nccwpck_require__(3593);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 2 modules
var http = __nccwpck_require__(6607);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var src_errors = __nccwpck_require__(5736);
;// CONCATENATED MODULE: ../../packages/action-kit/src/fields.ts


/**
 * The one table from core's neutral fields to the actions' input names. Typed over every field, so a field added in
 * core fails to typecheck here until it has a name. An action whose input for a field is named differently (for
 * example release-artifact's staging verification inputs) passes its own names to `inputError`.
 */
const inputNames = {
    reference: 'repository',
    path: 'path',
    components: 'components',
    'ignore-paths': 'ignore-paths',
    'resolve-symlinks': 'resolve-symlinks',
    tags: 'tags',
    'diff-tag': 'diff-tag',
    // No action takes these today (pull and diff are CLI commands); named as the CLI flags would be.
    'layer-media-type': 'layer-media-type',
    referrer: 'referrer',
    attach: 'attach',
    attest: 'attest',
    'signing-key': 'signing-key',
    'signing-key-password': 'signing-key-password',
    'notation-key': 'notation-key',
    'notation-key-password': 'notation-key-password',
    'notation-certificate-chain': 'notation-certificate-chain',
    'certificate-identity': 'certificate-identity',
    'certificate-identity-regexp': 'certificate-identity-regexp',
    'certificate-oidc-issuer': 'certificate-oidc-issuer',
    'certificate-oidc-issuer-regexp': 'certificate-oidc-issuer-regexp',
    'certificate-github-workflow-repository': 'certificate-github-workflow-repository',
    'public-key': 'key',
    'trusted-root': 'trusted-root',
    provider: 'provider',
    'flux-version': 'flux-version',
    'signature-format': 'signature-format',
    'signing-config': 'signing-config',
    'notation-trust-policy': 'notation-trust-policy',
    'notation-scope': 'notation-scope',
    ref: 'ref',
    'tag-pattern': 'tag-pattern',
    'rollback-to': 'rollback-to',
    'filter-semver': 'filter-semver',
    'filter-regex': 'filter-regex',
    'tool-sources': 'tool-sources',
    'require-attestations': 'require-attestations',
    'policies-path': 'policies-path',
    'update-path': 'update-path',
    'message-template': 'commit-message-template',
    'dry-run': 'dry-run',
    'commit-via': 'commit-via',
    'app-id': 'app-id',
    'signature-annotations': 'signature-annotations',
};
/**
 * The error as an `InputError` naming the input it is about, when it is one of core's errors with a field;
 * otherwise undefined. `names` overrides the table for this action.
 */
function fields_inputError(err, names = {}) {
    if (!(err instanceof src_errors/* BaseError */.Cf) || err.field === undefined)
        return undefined;
    return new inputs_InputError(names[err.field] ?? inputNames[err.field], err.problem);
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/registry.ts




/** The registry inputs every d2ci action shares; credentials are masked as soon as they are read. */
function registry_registryInputs() {
    const username = inputs_stringInput('registry-username');
    const password = inputs_stringInput('registry-password');
    const githubToken = inputs_stringInput('github-token');
    if (password)
        setSecret(password);
    if (githubToken)
        setSecret(githubToken);
    if (username && !password)
        throw new inputs_InputError('registry-password', 'is empty but `registry-username` is set; pass the password or token, e.g. ${{ secrets.REGISTRY_TOKEN }}');
    if (password && !username)
        throw new inputs_InputError('registry-username', 'is empty but `registry-password` is set; add the user name');
    let provider;
    try {
        provider = (0,auth_resolve/* parseProvider */.te)(inputs_stringInput('provider'));
    }
    catch (err) {
        throw new inputs_InputError('provider', err.message);
    }
    const cloud = {};
    const awsRoleArn = inputs_stringInput('aws-role-arn');
    const awsRegion = inputs_stringInput('aws-region');
    if (awsRoleArn && !/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/.test(awsRoleArn))
        throw new inputs_InputError('aws-role-arn', `"${awsRoleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    if (awsRoleArn || awsRegion)
        cloud.aws = { ...(awsRoleArn ? { roleArn: awsRoleArn } : {}), ...(awsRegion ? { region: awsRegion } : {}) };
    const gcpProvider = inputs_stringInput('gcp-workload-identity-provider');
    const gcpAccount = inputs_stringInput('gcp-service-account');
    if (gcpProvider || gcpAccount)
        cloud.gcp = {
            ...(gcpProvider ? { workloadIdentityProvider: gcpProvider } : {}),
            ...(gcpAccount ? { serviceAccount: gcpAccount } : {}),
        };
    const azureClient = inputs_stringInput('azure-client-id');
    const azureTenant = inputs_stringInput('azure-tenant-id');
    if (azureClient || azureTenant)
        cloud.azure = { ...(azureClient ? { clientId: azureClient } : {}), ...(azureTenant ? { tenantId: azureTenant } : {}) };
    let network;
    try {
        network = (0,http/* timeoutOptions */.Iy)(inputs_stringInput('timeout'));
    }
    catch (err) {
        throw new inputs_InputError('timeout', err.message);
    }
    return { provider, insecure: inputs_booleanInput('insecure', false), username, password, githubToken, cloud, network };
}
/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
function repositoryInput(name, value) {
    let location;
    try {
        location = parseLocation(value);
    }
    catch (err) {
        if (err instanceof InvalidReferenceError)
            throw new InputError(name, err.problem);
        throw err;
    }
    const tag = location.kind === 'registry' ? location.reference.tag : location.tag;
    const digest = location.kind === 'registry' ? location.reference.digest : location.digest;
    if (tag || digest)
        throw new InputError(name, `"${value}" must not include a ${digest ? 'digest' : `tag (":${tag}")`}; give the repository only and set the tags with \`tags\` or \`diff-tag\``);
    return location;
}
/** Where the job's registry credentials come from (inputs, cloud provider, GITHUB_TOKEN for GHCR, docker config). */
function authOptions(inputs, context, provider, registry) {
    return {
        provider,
        username: inputs.username,
        password: inputs.password,
        // `registry-username`/`registry-password` go to the one registry they are for, never to another host.
        ...(registry ? { registry } : {}),
        githubToken: inputs.githubToken,
        githubActor: context.actor,
        githubServerUrl: context.serverUrl,
        cloud: inputs.cloud,
        onSecret: (secret) => setSecret(secret),
        // Which credential source a cloud provider used (job OIDC token or an ambient one), in the step's debug log.
        onDebug: (message) => debug(message),
    };
}
/** How the job reaches registries: the `insecure` and `timeout` inputs, warnings as annotations. */
function reachOptions(inputs) {
    return { insecure: inputs.insecure, onWarning: (message) => warning(message), transport: inputs.network };
}
/** A registry client whose every credential and token is masked in the log before it can appear. */
function registrySession(inputs, context, location) {
    const registry = location.kind === 'registry' ? location.reference.registry : undefined;
    let opened;
    try {
        opened = openRegistry({ ...authOptions(inputs, context, inputs.provider, registry), ...reachOptions(inputs) });
    }
    catch (err) {
        if (err instanceof ProviderError)
            throw inputError(err) ?? err;
        throw err;
    }
    const { client, credentials } = opened;
    return {
        client,
        credentials,
        explain: async (err, options = {}) => {
            const explained = await explainRegistryError(err, {
                location: options.location ?? location,
                credentials,
                provider: inputs.provider,
                vocabulary: 'action',
                ...(options.shownAs === undefined ? {} : { shownAs: options.shownAs }),
                ...(options.credentialFix === undefined ? {} : { credentialFix: options.credentialFix }),
            });
            // Only what the explainer made names an input; any other error keeps its own wording.
            return explained === err ? err : (inputError(explained) ?? explained);
        },
    };
}
/**
 * The `registry-server` input of an action that reads many registries (image update): the one registry
 * `registry-username`/`registry-password` are for, required with them, so they never go to another.
 */
function registryServerInput(inputs) {
    const server = inputs_stringInput('registry-server') || undefined;
    if (inputs.username && !server)
        throw new inputs_InputError('registry-server', 'is required with `registry-username`: image update reads every registry the ImageRepositories name, and the credentials go only to the registry they are for (e.g. registry.example.com)');
    if (server && !inputs.username)
        throw new inputs_InputError('registry-server', 'names the registry `registry-username`/`registry-password` are for; set them too, or leave it empty');
    if (server && !/^[a-z0-9.-]+(?::[0-9]+)?$/i.test(server))
        throw new inputs_InputError('registry-server', `"${server}" is not a registry host (host or host:port, e.g. registry.example.com)`);
    return server;
}
/**
 * How the job reaches many registries at once (image update reads every ImageRepository's), as core opens them:
 * the job's credentials, with `registry-username`/`registry-password` for `registry` only, each masked as obtained.
 */
function registryOptions(inputs, context, registry) {
    return { ...authOptions(inputs, context, inputs.provider, registry), ...reachOptions(inputs) };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/github-app.ts


/**
 * The `app-id` and `app-private-key` inputs: a GitHub App whose short-lived installation token an action uses
 * instead of `github-token` (core's `installationToken`). The key is masked as soon as it is read, and both are
 * checked before anything is sent.
 */
function githubAppInput() {
    const appId = inputs_stringInput('app-id');
    const privateKey = inputs_stringInput('app-private-key');
    if (privateKey)
        setSecret(privateKey);
    if (appId && !/^[0-9]+$/.test(appId))
        throw new inputs_InputError('app-id', `"${appId}" is not a GitHub App ID (a number; the app's settings page shows it)`);
    if (appId && !privateKey)
        throw new inputs_InputError('app-private-key', "is empty but `app-id` is set; pass the app's private key, e.g. ${{ secrets.UPDATE_APP_KEY }}");
    if (privateKey && !appId)
        throw new inputs_InputError('app-id', "is empty but `app-private-key` is set; add the app's ID");
    if (privateKey && !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey.replace(/\\n/g, '\n')))
        throw new inputs_InputError('app-private-key', 'is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- … as GitHub downloads it)');
    return appId ? { appId, privateKey } : undefined;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/temp.ts


// Temporary folders d2ci makes (a push's staged layer, a pull's staging folder) are removed when the operation
// ends however it ends — and, once a front door calls removeTempOnSignal(), when the process is interrupted
// (Ctrl-C, a cancelled CI job's SIGTERM): no half-written layer or extraction is left in RUNNER_TEMP or beside
// the output.
const live = new Set();
/** Makes a temporary folder (`mkdtemp(prefix)`), runs `fn` with it, and removes it afterwards. */
async function withTempDir(prefix, fn) {
    const dir = await mkdtemp(prefix);
    live.add(dir);
    try {
        return await fn(dir);
    }
    finally {
        live.delete(dir);
        await rm(dir, { recursive: true, force: true });
    }
}
let installed = false;
/** On SIGINT/SIGTERM, removes the live temporary folders, then exits with the signal's conventional code. */
function removeTempOnSignal() {
    if (installed)
        return;
    installed = true;
    for (const [signal, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
    ]) {
        process.once(signal, () => {
            for (const dir of live)
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            process.exit(code);
        });
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/run.ts


/** One line for the log: the error's message without stack or newlines. */
function oneLine(err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}
/** Runs an action's main function; any failure becomes one `::error::` line and exit code 1. */
async function runAction(main) {
    // A cancelled job sends SIGTERM (then SIGKILL): leave no staged layer or extraction behind.
    removeTempOnSignal();
    try {
        await main();
    }
    catch (err) {
        setFailed(oneLine(err));
        if (process.env.RUNNER_DEBUG === '1' && err instanceof Error && err.stack)
            debug(err.stack);
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/summary.ts

/** Human-readable byte counts for logs and summaries (1 kB = 1000 B). */
function formatBytes(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** A digest shortened for tables: `sha256:0123456789ab`. */
function shortDigest(digest) {
    return digest.replace(/^(sha256:[a-f0-9]{12})[a-f0-9]*$/, '$1');
}
/** Escapes text for a markdown table cell. */
function cell(text) {
    // Registry text in a Markdown table: one line, no cell breaks, no HTML, no links or images (a tracking pixel in a
    // job summary), no code-span break-out, no control characters.
    return (0,errors/* escapeControls */.UN)(text.replace(/\r?\n/g, ' '))
        .replace(/[|[\]`]/g, (c) => `\\${c}`)
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/signing.ts







/** The signing inputs where only Sigstore/cosign formats apply (release-artifact re-signs in cosign's formats). */
function cosignSigningInputs(context) {
    const signing = signingInputs(context, { notation: false });
    return signing?.kind === 'cosign' ? signing : undefined;
}
/** A PEM value, or a path (relative to the workspace) to a file holding one. */
function pemInput(name, value, context) {
    if (value.includes('-----BEGIN'))
        return value;
    const path = resolve(context.workspace, value);
    if (!existsSync(path))
        throw new InputError(name, `is neither a PEM key nor a file in the workspace ("${value}"); pass the key itself, e.g. \${{ secrets.COSIGN_PRIVATE_KEY }}`);
    return readFileSync(path, 'utf8');
}
/**
 * The signing inputs push-artifact and release-artifact share: `sign`, `signature-format`, the Sigstore URLs,
 * `signing-key` and `signing-key-password`. Keyless signing needs the job's OIDC token, which is checked here,
 * before anything is pushed. Secrets are masked as they are read.
 */
function signingInputs(context, options = {}) {
    const key = stringInput('signing-key');
    const password = stringInput('signing-key-password');
    if (key)
        core.setSecret(key);
    if (password)
        core.setSecret(password);
    const annotations = linesInput('signature-annotations');
    if (!booleanInput('sign', true)) {
        if (annotations.length)
            throw new InputError('signature-annotations', 'are signed into a signature, and `sign` is false');
        return undefined;
    }
    const formatValue = stringInput('signature-format', { fallback: 'legacy' });
    const formats = [...signatureFormats, ...(options.notation === false ? [] : ['notation'])];
    if (!formats.includes(formatValue))
        throw new InputError('signature-format', `"${formatValue}" is not one of ${formats.join(', ')}`);
    if (formatValue === 'notation') {
        if (annotations.length)
            throw new InputError('signature-annotations', 'are signed into cosign signatures; `signature-format: notation` takes none');
        return notationInputs(context);
    }
    const format = formatValue;
    let claims = {};
    try {
        const parsed = parseSignatureAnnotations(annotations);
        if (Object.keys(parsed).length)
            claims = { claims: parsed };
    }
    catch (err) {
        throw inputError(err) ?? err;
    }
    if (key && isKmsUri(key)) {
        try {
            // Credentials as the registry's cloud provider finds them (its OIDC inputs, else the ambient chain).
            const kms = openKmsKey(key, { cloud: registryInputs().cloud, onSecret: (secret) => core.setSecret(secret) });
            return {
                kind: 'cosign',
                format,
                identity: { kind: 'kms', key: kms },
                ...claims,
                describe: `key-based, ${key.trim()} (no transparency log)`,
            };
        }
        catch (err) {
            if (err instanceof KmsError)
                throw inputError(err) ?? err;
            throw err;
        }
    }
    if (key) {
        try {
            return {
                kind: 'cosign',
                format,
                identity: { kind: 'key', privateKey: loadPrivateKey(pemInput('signing-key', key, context), password) },
                ...claims,
                describe: 'key-based (no transparency log)',
            };
        }
        catch (err) {
            if (err instanceof KeyError)
                throw inputError(err) ?? err;
            throw err;
        }
    }
    if (!hasGitHubIdToken()) {
        throw new InputError('sign', "keyless signing needs the job's OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`");
    }
    const url = (name) => {
        const value = stringInput(name) || undefined;
        if (value && !/^https?:\/\/[^\s/]+/.test(value))
            throw new InputError(name, `"${value}" is not an http(s) URL`);
        return value;
    };
    const { describe, ...services } = keylessServicesFromInputs(context, format);
    return {
        kind: 'cosign',
        format,
        ...claims,
        identity: {
            kind: 'keyless',
            identity: githubActionsIdentity('sigstore', { onToken: (token) => core.setSecret(token) }),
            ...services,
        },
        describe: `keyless (${describe})`,
    };
    /** `signing-config` (a signing_config.v0.2.json in the workspace) or the fixed URLs; see keylessServices. */
    function keylessServicesFromInputs(context, format) {
        const configPath = stringInput('signing-config');
        let signingConfig;
        // `public-good`: public-good Sigstore's signing config from TUF (opt-in; see ServiceInputs.publicGood).
        const fromTuf = configPath === 'public-good';
        if (configPath && !fromTuf) {
            const path = resolve(context.workspace, configPath);
            if (!existsSync(path))
                throw new InputError('signing-config', `"${configPath}" is not a file in the workspace (a signing_config.v0.2.json)`);
            signingConfig = { text: readFileSync(path, 'utf8'), source: configPath };
        }
        try {
            return keylessServices({
                format,
                signingConfig,
                ...(fromTuf ? { publicGood: true } : {}),
                fulcioUrl: url('fulcio-url'),
                rekorUrl: url('rekor-url'),
                tsaUrl: url('timestamp-server-url'),
                defaults: publicGood,
            });
        }
        catch (err) {
            throw inputError(err) ?? err;
        }
    }
}
/**
 * `signature-format: notation`: an X.509 key and certificate chain (`notation-key`, `notation-certificate-chain`),
 * or a Notation plugin holding the key (`notation-plugin`, `notation-key-id`, `notation-plugin-config`), e.g. a
 * cloud key vault's. The key and its password are masked as they are read.
 */
function notationInputs(context) {
    const key = stringInput('notation-key');
    const password = stringInput('notation-key-password');
    const chain = stringInput('notation-certificate-chain');
    const plugin = stringInput('notation-plugin');
    if (key)
        core.setSecret(key);
    if (password)
        core.setSecret(password);
    if (plugin) {
        if (key)
            throw new InputError('notation-plugin', 'give `notation-plugin` (with `notation-key-id`) or `notation-key`, not both');
        const keyId = stringInput('notation-key-id');
        if (!keyId)
            throw new InputError('notation-key-id', `is required with \`notation-plugin\`: the key's id in ${plugin}'s terms`);
        const pluginConfig = {};
        for (const line of stringInput('notation-plugin-config')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)) {
            const cut = line.indexOf('=');
            if (cut <= 0)
                throw new InputError('notation-plugin-config', `"${line}" is not key=value`);
            pluginConfig[line.slice(0, cut)] = line.slice(cut + 1);
        }
        const signer = createNotationPluginSigner({ name: plugin, keyId, pluginConfig }).catch((err) => {
            throw new InputError('notation-plugin', err.message);
        });
        signer.catch(() => undefined);
        return { kind: 'notation', format: 'notation', signer, describe: `Notary Project, plugin ${plugin}` };
    }
    if (!key)
        throw new InputError('notation-key', 'is required with `signature-format: notation` (or `notation-plugin`): the signing key (PEM), e.g. ${{ secrets.NOTATION_KEY }}');
    if (!chain)
        throw new InputError('notation-certificate-chain', 'is required with `notation-key`: the certificate chain (PEM, leaf first), or its path');
    const signer = createNotationKeySigner({
        privateKey: pemInput('notation-key', key, context),
        password,
        certificateChain: pemInput('notation-certificate-chain', chain, context),
    }).catch((err) => {
        // The signer's errors name the input they are about (the key, its password or the chain).
        throw inputError(err) ?? err;
    });
    signer.catch(() => undefined);
    return { kind: 'notation', format: 'notation', signer, describe: 'Notary Project (X.509 key and chain)' };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/verification.ts







const verification_verifyInputNames = {
    identity: 'certificate-identity',
    identityRegexp: 'certificate-identity-regexp',
    issuer: 'certificate-oidc-issuer',
    issuerRegexp: 'certificate-oidc-issuer-regexp',
    key: 'key',
    trustedRoot: 'trusted-root',
    sourceRepository: 'certificate-github-workflow-repository',
};
/** The fields of a verification policy by these input names, as overrides of the one table (`fields.ts`). */
function fieldNames(names) {
    return {
        'certificate-identity': names.identity,
        'certificate-identity-regexp': names.identityRegexp,
        'certificate-oidc-issuer': names.issuer,
        'certificate-oidc-issuer-regexp': names.issuerRegexp,
        'public-key': names.key,
        'trusted-root': names.trustedRoot,
        'certificate-github-workflow-repository': names.sourceRepository,
    };
}
function publicKeys(names, value, context) {
    const input = names.key;
    let pem = value;
    if (!value.includes('-----BEGIN')) {
        const path = resolve(context.workspace, value);
        if (!existsSync(path))
            throw new InputError(input, `is neither a PEM public key nor a file in the workspace ("${value}")`);
        pem = readFileSync(path, 'utf8');
    }
    const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
    try {
        return blocks.map((block) => loadPublicKey(block));
    }
    catch (err) {
        if (err instanceof KeyError)
            throw inputError(err, fieldNames(names)) ?? err;
        throw err;
    }
}
/** Trusted roots are loaded once per run, whichever policy asks. */
const roots = new Map();
/**
 * A verification policy from inputs: public key(s), or a keyless identity and issuer (exact or regexp; the
 * issuer defaults to GitHub's) checked against a trusted root (a file, else the public-good root via TUF).
 * `defaults` apply to empty inputs.
 */
async function verificationInputs(names, context, defaults = {}) {
    const key = stringInput(names.key);
    // One identity per line: any may sign, as a Flux matchOIDCIdentity list (an identity transition trusts both).
    const identity = linesInput(names.identity);
    let identityRegexp = linesInput(names.identityRegexp);
    if (key) {
        if (identity.length > 0 || identityRegexp.length > 0)
            throw new InputError(names.key, `give \`${names.key}\` or \`${names.identity}(-regexp)\`, not both`);
        if (!isKmsUri(key))
            return { kind: 'key', keys: publicKeys(names, key, context) };
        try {
            // The public key fetched from the service, with the credentials the registry's cloud provider finds.
            const kms = openKmsKey(key, { use: 'verify', cloud: registryInputs().cloud, onSecret: (secret) => core.setSecret(secret) });
            return { kind: 'key', keys: [await kms.publicKey()] };
        }
        catch (err) {
            if (err instanceof KmsError)
                throw inputError(err, fieldNames(names)) ?? err;
            throw err;
        }
    }
    if (identity.length === 0 && identityRegexp.length === 0 && defaults.identityRegexp)
        identityRegexp = [defaults.identityRegexp];
    const issuer = stringInput(names.issuer);
    const issuerRegexp = stringInput(names.issuerRegexp);
    // The default repository is a GitHub one: it applies to GitHub-issued certificates only.
    const githubIssued = !issuerRegexp && (!issuer || issuer === githubIssuer);
    let policy = defaults.policy;
    try {
        policy ??= compilePolicy({
            identity,
            identityRegexp,
            issuer,
            issuerRegexp,
            sourceRepository: stringInput(names.sourceRepository) || (githubIssued ? defaults.sourceRepository : undefined),
        });
    }
    catch (err) {
        if (err instanceof PolicyInputError)
            throw policyInputError(err, names);
        throw err;
    }
    const file = stringInput(names.trustedRoot);
    const path = file ? resolve(context.workspace, file) : '';
    let root = roots.get(path);
    if (!root) {
        root = loadTrustedRoot({ trustedRootFile: path || undefined });
        roots.set(path, root);
    }
    try {
        return { kind: 'keyless', policy, trustedRoot: await root };
    }
    catch (err) {
        if (err instanceof TrustError)
            throw inputError(err, fieldNames(names)) ?? err;
        throw err;
    }
}
/** A policy error naming this action's input: the error carries which one (a pattern may itself say "issuer"). */
function policyInputError(err, names) {
    if (err.code === 'POLICY_CONFLICT' && err.input === 'identity')
        return new InputError(names.identity, `give \`${names.identity}\` or \`${names.identityRegexp}\`, not both`);
    if (err.input === 'sourceRepository')
        return new InputError(names.sourceRepository, `${err.problem}, e.g. acme/apps`);
    return inputError(err, fieldNames(names)) ?? new InputError(names[err.input], err.problem);
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/flux-manifest.ts




/** The input each flux-manifest problem is about (one table; messages are never read). */
const inputs = {
    from: 'flux-manifest-from',
    manifest: 'flux-manifest',
    name: 'flux-manifest-name',
    key: verification_verifyInputNames.key,
    identity: verification_verifyInputNames.identityRegexp,
    trustedRoot: verification_verifyInputNames.trustedRoot,
    notation: 'notation-trust-policy',
};
/** The identity inputs given (they conflict with a manifest's matchOIDCIdentity). */
function identityInputs() {
    return [
        verifyInputNames.identity,
        verifyInputNames.identityRegexp,
        verifyInputNames.issuer,
        verifyInputNames.issuerRegexp,
        verifyInputNames.sourceRepository,
    ].filter((input) => stringInput(input));
}
function givenMaterial(identity) {
    return {
        key: Boolean(stringInput(verifyInputNames.key)),
        identity: identity.length > 0,
        trustedRoot: Boolean(stringInput(verifyInputNames.trustedRoot)),
        notation: Boolean(stringInput('notation-trust-policy') || stringInput('notation-trust-store')),
    };
}
/** A flux-manifest problem as the input it is about. */
function fluxManifestInputError(err) {
    const identity = identityInputs();
    return new InputError(err.field === 'identity' && identity[0] ? identity[0] : inputs[err.field], err.message);
}
/**
 * `flux-manifest` (a file in the workspace) and `flux-manifest-name`: the verify block of the cluster's
 * OCIRepository, and how d2ci checks it with the material the other inputs give. Undefined without a manifest,
 * or when `flux-manifest-from` says the manifest is read from the deployed artifact (`deployedFluxManifestInputs`).
 */
async function fluxManifestInputs(context) {
    const file = stringInput(inputs.manifest);
    const name = stringInput(inputs.name);
    if (stringInput(inputs.from))
        return undefined;
    if (!file) {
        if (name)
            throw new InputError(inputs.name, 'needs `flux-manifest`: it picks one OCIRepository of that file');
        return undefined;
    }
    try {
        return await readClusterPolicy(resolve(context.workspace, file), { name, shownAs: file }, givenMaterial(identityInputs()));
    }
    catch (err) {
        if (err instanceof FluxManifestError)
            throw fluxManifestInputError(err);
        throw err;
    }
}
/**
 * `flux-manifest-from: latest` with `flux-manifest: clusters/staging/flux-system/flux-instance.yaml`: the verify
 * block the clusters run now, read from the artifact at that tag (core reads it once the registry is open).
 */
function deployedFluxManifestInputs() {
    const reference = stringInput(inputs.from);
    if (!reference)
        return undefined;
    const file = stringInput(inputs.manifest);
    if (!file)
        throw new InputError(inputs.from, 'needs `flux-manifest`: the path of the cluster manifest inside that artifact, e.g. clusters/staging/flux-system/flux-instance.yaml');
    const name = stringInput(inputs.name);
    return { reference, file, ...(name ? { name } : {}), given: givenMaterial(identityInputs()) };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/index.ts













/***/ }),

/***/ 3593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G1: () => (/* binding */ assertProviderServes),
  te: () => (/* binding */ parseProvider),
  Qn: () => (/* binding */ registryCredentials)
});

// UNUSED EXPORTS: ProviderError, registerCloudProvider

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(5736);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __nccwpck_require__(8500);
;// CONCATENATED MODULE: ../../packages/core/src/oidc/errors.ts

/** The job's OIDC token could not be had. It is about the job's permissions or the runner, not one input. */
class IdentityTokenError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message);
        this.name = 'IdentityTokenError';
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/oidc/github-actions.ts

/** Each attempt's limit: the runner's token service answers in milliseconds, and a hung one must not hang the step. */
const timeoutMs = 30_000;
/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
function hasGitHubIdToken(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does, actions/toolkit packages/core/src/oidc-utils.ts). `onToken` sees each token first, so CI can
 * mask it.
 */
function githubActionsIdentity(audience, options = {}) {
    const env = options.env ?? process.env;
    return {
        async getToken() {
            const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!url || !bearer)
                throw new IdentityTokenError('OIDC_UNAVAILABLE', 'no OIDC token available to this job: add `permissions: id-token: write`');
            const request = new URL(url);
            request.searchParams.append('audience', audience);
            let response;
            for (let attempt = 1; attempt <= 3; attempt++) {
                response = await fetch(request, {
                    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
                    signal: AbortSignal.timeout(timeoutMs),
                }).catch(() => undefined);
                if (response && response.status < 500)
                    break;
            }
            if (!response?.ok)
                throw new IdentityTokenError('OIDC_REQUEST_FAILED', `could not get an OIDC token for audience ${audience} (${response ? `HTTP ${response.status}` : 'network error'})`);
            const value = (await response.json()).value;
            if (!value)
                throw new IdentityTokenError('OIDC_NO_VALUE', 'the OIDC token response had no value');
            options.onToken?.(value);
            return value;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/cloud.ts




/** A cloud provider could not get credentials: the message is one line, names the service, and says what to fix. */
class CloudCredentialError extends errors/* BaseError */.Cf {
    constructor(message, options = {}) {
        super('CLOUD_CREDENTIALS', oneLine(message), options);
    }
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
/** A registry name without its port, lowercased: what host patterns match. */
function registryHostname(registry) {
    const host = registry.toLowerCase();
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    return host.replace(/:\d+$/, '');
}
/** The job's OIDC token for an audience; a missing token says which permission to add. */
async function oidcToken(context, audience, purpose) {
    let token;
    try {
        token = context.options.idToken
            ? await context.options.idToken(audience)
            : await githubActionsIdentity(audience, { env: context.env }).getToken();
    }
    catch (err) {
        if (err instanceof IdentityTokenError)
            throw new CloudCredentialError(`${purpose} needs the job's OIDC token: ${err.message}`, { cause: err });
        throw err;
    }
    context.onSecret(token);
    return token;
}
/**
 * The job's OIDC token when the job has one, else undefined with the reason: the caller then falls back to the
 * ambient credentials of its cloud (issue 13: the OIDC exchange stays the first choice). A token service that is
 * there but fails is still an error.
 */
async function jobOidcToken(context, audience, purpose) {
    if (!context.options.idToken && !hasGitHubIdToken(context.env))
        return { missing: 'no OIDC token available to this job (`permissions: id-token: write` gives one)' };
    return { token: await oidcToken(context, audience, purpose) };
}
/** The one-line refusal when neither the job's OIDC token nor any ambient source gave credentials. */
function noCredentials(provider, tried, fix) {
    return new CloudCredentialError(`provider ${provider} found no credentials; tried: ${tried.map((t, i) => `(${i + 1}) ${t.replace(/\.$/, '')}`).join('; ')}. Fix: ${fix}`);
}
/** Refresh a cached token this long before it expires, so it never runs out mid-push. */
const expiryMarginMs = 5 * 60_000;
/**
 * Values that expire, fetched once per key and kept until shortly before their expiry. Concurrent callers share
 * one fetch; a failed fetch is not kept, so the next caller tries again.
 */
class ExpiringCache {
    #entries = new Map();
    #inflight = new Map();
    async get(key, fetch) {
        const cached = this.#entries.get(key);
        if (cached && cached.expiresAt - expiryMarginMs > Date.now())
            return cached.value;
        let pending = this.#inflight.get(key);
        if (!pending) {
            pending = fetch().finally(() => this.#inflight.delete(key));
            this.#inflight.set(key, pending);
        }
        const entry = await pending;
        this.#entries.set(key, entry);
        return entry.value;
    }
}
/** `exp` of a JWT in milliseconds, or undefined when it is not a JWT with one. */
function jwtExpiry(token) {
    try {
        const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
/** A JSON answer from a token service, with the service's own error words when it refuses. */
async function postForToken(service, url, init, fix) {
    const headers = { 'content-type': init.contentType, accept: 'application/json' };
    if (init.authorization)
        headers.authorization = init.authorization;
    let response;
    let networkError;
    for (let attempt = 1; attempt <= 3; attempt++) {
        networkError = undefined;
        response = await fetch(url, { method: 'POST', headers, body: init.body, signal: AbortSignal.timeout(30_000) }).catch((err) => {
            networkError = err;
            return undefined;
        });
        if (response && response.status < 500 && response.status !== 429)
            break;
        if (attempt < 3) {
            await response?.body?.cancel();
            await (0,promises_.setTimeout)(250 * attempt);
        }
    }
    if (!response) {
        const cause = networkError;
        throw new CloudCredentialError(`${service} is unreachable at ${new URL(url).host} (${cause?.cause?.code ?? cause?.message ?? 'network error'})`, { cause: networkError });
    }
    const text = await response.text().catch(() => '');
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // Not JSON: reported below when it is an error.
    }
    if (!response.ok) {
        const error = serviceError(body) ?? text.trim().slice(0, 200);
        const hint = fix?.(response.status, error);
        throw new CloudCredentialError(`${service} refused (HTTP ${response.status}${error ? `: ${truncate(error)}` : ''})${hint ? `; ${hint}` : ''}`);
    }
    return body;
}
/** The error words in OAuth2 (`error`, `error_description`), Google API (`error.message`) and registry (`errors[]`) answers. */
function serviceError(body) {
    const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
    if (first?.code || first?.message)
        return [first.code, first.message].filter(Boolean).join(': ');
    const error = body.error;
    if (error && typeof error === 'object') {
        const { status, message } = error;
        return [status, message].filter(Boolean).join(': ') || undefined;
    }
    const description = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : undefined;
    return [typeof error === 'string' ? error : undefined, description].filter(Boolean).join(': ') || undefined;
}
function truncate(text) {
    const line = oneLine(text);
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/aws-ambient.ts

/** What the SDK's `$source` feature flags (@aws-sdk/core setCredentialFeature) say about where keys came from. */
const sourceNames = {
    CREDENTIALS_ENV_VARS: 'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
    CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN',
    CREDENTIALS_PROFILE: 'the shared credentials/config file profile',
    CREDENTIALS_PROFILE_SOURCE_PROFILE: 'an assume-role profile (source_profile)',
    CREDENTIALS_PROFILE_NAMED_PROVIDER: 'an assume-role profile (credential_source)',
    CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN: 'a web identity profile',
    CREDENTIALS_PROFILE_PROCESS: 'a credential_process profile',
    CREDENTIALS_PROFILE_SSO: 'an SSO profile',
    CREDENTIALS_PROFILE_SSO_LEGACY: 'an SSO profile',
    CREDENTIALS_PROFILE_LOGIN: 'an aws login profile',
    CREDENTIALS_HTTP: 'the container credentials endpoint (ECS/EKS Pod Identity)',
};
/** The chain's order, for the refusal that lists what was tried. */
const awsChainDescription = "the AWS SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, the shared config and credentials files with AWS_PROFILE, credential_process, container credentials AWS_CONTAINER_CREDENTIALS_FULL_URI/RELATIVE_URI, EC2 instance metadata IMDSv2)";
/**
 * Credentials the way Flux's `--provider aws` and every AWS SDK find them: the SDK v3 default chain
 * (`defaultProvider`, which `fromNodeProviderChain` wraps; aws-sdk-js-v3 packages/credential-provider-node/src/defaultProvider.ts). The chain
 * reads the process environment and the shared files, as the SDK always does (not `context.env`), and is loaded only
 * here, so the bundles start without it.
 */
async function ambientAwsKeys(context, tried) {
    const { defaultProvider } = await __nccwpck_require__.e(/* import() */ 777).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7777, 19));
    // Remote sources (IMDS, container endpoint) get a deadline and a small retry budget; STS calls made by
    // assume-role and web identity profiles get the same request timeouts as d2ci's own STS and ECR clients.
    const provider = defaultProvider({
        timeout: 5_000,
        maxRetries: 2,
        clientConfig: { maxAttempts: 3, requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 } },
    });
    let keys;
    try {
        keys = await provider();
    }
    catch (err) {
        const e = err;
        const why = oneLine(e.message ?? String(err));
        throw noCredentials('aws', [...tried, `${awsChainDescription}: ${why}`], "give the IAM role to assume with the job's OIDC token (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials (or set AWS_PROFILE) before this step");
    }
    if (!keys.accessKeyId || !keys.secretAccessKey)
        throw new CloudCredentialError("the AWS SDK's default chain returned keys without a secret");
    context.onSecret(keys.secretAccessKey);
    if (keys.sessionToken)
        context.onSecret(keys.sessionToken);
    const features = Object.keys(keys.$source ?? {});
    const named = features.map((feature) => sourceNames[feature]).find(Boolean);
    const remote = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI || process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
    const source = named ?? (remote ? 'the container credentials endpoint' : 'EC2 instance metadata (IMDS)');
    context.onDebug(`provider aws: credentials from ${source}${process.env.AWS_PROFILE ? ` (AWS_PROFILE ${process.env.AWS_PROFILE})` : ''}`);
    return {
        value: {
            accessKeyId: keys.accessKeyId,
            secretAccessKey: keys.secretAccessKey,
            sessionToken: keys.sessionToken,
            expiration: keys.expiration,
        },
        expiresAt: keys.expiration?.getTime() ?? Number.POSITIVE_INFINITY,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/aws.ts


/**
 * Private ECR hosts (docker/login-action's pattern; Flux 2.6 accepts the same registries): `<account>.dkr.ecr.<region>.amazonaws.com`,
 * the dual-stack `<account>.dkr-ecr.<region>.on.aws`, China (`.amazonaws.com.cn`) and the EU sovereign cloud (`.amazonaws.eu`).
 */
const ecrHostPattern = /^([0-9]{12})\.(dkr\.ecr|dkr-ecr|dkr\.ecr-fips|dkr-ecr-fips)\.([a-z0-9-]+)\.(on\.aws|amazonaws\.com(\.cn)?|amazonaws\.eu)$/;
/** ECR Public's registry hosts. */
const ecrPublicHosts = ['public.ecr.aws', 'ecr-public.aws.com'];
/** "Authenticating to ECR Public auth only works in us-east-1" (amazon-ecr-login). */
const ecrPublicRegion = 'us-east-1';
/** Which ECR a registry name is (the port is ignored), or undefined when it is not one. */
function parseEcrRegistry(registry) {
    const host = registryHostname(registry);
    if (ecrPublicHosts.includes(host))
        return { kind: 'public', region: ecrPublicRegion };
    const match = ecrHostPattern.exec(host);
    return match ? { kind: 'private', account: match[1], region: match[3] } : undefined;
}
const awsHosts = 'Amazon ECR (<account>.dkr.ecr.<region>.amazonaws.com, <account>.dkr-ecr.<region>.on.aws, .amazonaws.com.cn, .amazonaws.eu) and ECR Public (public.ecr.aws, ecr-public.aws.com)';
const endpointVariables = {
    sts: 'AWS_ENDPOINT_URL_STS',
    ecr: 'AWS_ENDPOINT_URL_ECR',
    ecrPublic: 'AWS_ENDPOINT_URL_ECR_PUBLIC',
};
/** An SDK error as one line: `<Code>: <message>`, or the network error. */
function sdkError(err) {
    const e = err;
    const status = e.$metadata?.httpStatusCode;
    const name = e.name && e.name !== 'Error' ? e.name : e.code;
    const message = e.message ?? String(err);
    return oneLine(`${name && !message.startsWith(name) && !message.includes(`${name} `) ? `${name}: ` : ''}${message}${status ? ` (HTTP ${status})` : ''}`);
}
/** Request deadlines for d2ci's own STS and ECR clients (the SDK sets none by default). */
const requestHandler = { connectionTimeout: 10_000, requestTimeout: 30_000 };
/**
 * `provider: aws`. Credentials, in order: assume `roleArn` with the job's OIDC token (STS
 * AssumeRoleWithWebIdentity); without a role or without an OIDC token, the AWS SDK's default chain as Flux uses it
 * (environment keys, e.g. from aws-actions/configure-aws-credentials, web identity token file, AWS_PROFILE and the
 * shared files, container credentials, EC2 instance metadata). Then ECR's GetAuthorizationToken (in the registry's
 * region; ECR Public's in us-east-1) gives `AWS:<password>`. The AWS SDK is loaded only here, on first use.
 */
function awsProvider(context) {
    const options = context.options.aws ?? {};
    const env = context.env;
    const keys = new ExpiringCache();
    const tokens = new ExpiringCache();
    const endpoint = (service) => {
        const explicit = options.endpoints?.[service];
        if (explicit)
            return explicit;
        if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? ''))
            return undefined;
        return env[endpointVariables[service]] || env.AWS_ENDPOINT_URL || undefined;
    };
    const assumeRole = async (roleArn, webIdentityToken, region) => {
        const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(811)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2811, 19));
        const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3, requestHandler });
        const sessionName = (options.roleSessionName || `d2ci-${env.GITHUB_RUN_ID || Date.now()}`).replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
        try {
            const out = await client.send(new AssumeRoleWithWebIdentityCommand({
                RoleArn: roleArn,
                RoleSessionName: sessionName,
                WebIdentityToken: webIdentityToken,
                DurationSeconds: options.durationSeconds ?? 3600,
            }));
            const c = out.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey)
                throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} returned no credentials`);
            context.onSecret(c.SecretAccessKey);
            if (c.SessionToken)
                context.onSecret(c.SessionToken);
            const expiresAt = c.Expiration ? c.Expiration.getTime() : Date.now() + (options.durationSeconds ?? 3600) * 1000;
            return {
                value: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
                expiresAt,
            };
        }
        catch (err) {
            if (err instanceof CloudCredentialError)
                throw err;
            const denied = /AccessDenied|InvalidIdentityToken|IDPRejectedClaim|ExpiredToken/.test(err.name ?? '');
            const hint = denied
                ? `; the role's trust policy must allow sts:AssumeRoleWithWebIdentity for token.actions.githubusercontent.com with audience ${options.audience ?? 'sts.amazonaws.com'} and this repository's sub claim`
                : '';
            throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} failed: ${sdkError(err)}${hint}`, { cause: err });
        }
        finally {
            client.destroy();
        }
    };
    /** The AWS credentials to call ECR with, cached until they expire. */
    const credentials = (stsRegion) => keys.get(`keys|${stsRegion}`, async () => {
        const tried = [];
        if (options.roleArn) {
            const audience = options.audience ?? 'sts.amazonaws.com';
            const oidc = await jobOidcToken(context, audience, `provider aws (to assume ${options.roleArn})`);
            if (oidc.token) {
                context.onDebug(`provider aws: credentials from the job's OIDC token (AssumeRoleWithWebIdentity for ${options.roleArn})`);
                return assumeRole(options.roleArn, oidc.token, stsRegion);
            }
            tried.push(`the job's OIDC token for ${options.roleArn}: ${oidc.missing}`);
        }
        else {
            tried.push("the job's OIDC token: no IAM role to assume was given");
        }
        return ambientAwsKeys(context, tried);
    });
    const authorizationToken = async (registry, ecr) => {
        const stsRegion = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || ecr.region;
        const awsKeys = await credentials(stsRegion);
        let token;
        let expires;
        const api = ecr.kind === 'public' ? 'ECR Public GetAuthorizationToken' : `ECR GetAuthorizationToken in ${ecr.region}`;
        try {
            if (ecr.kind === 'public') {
                const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(681)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6681, 19));
                const client = new ECRPUBLICClient({
                    region: ecr.region,
                    credentials: awsKeys,
                    endpoint: endpoint('ecrPublic'),
                    maxAttempts: 3,
                    requestHandler,
                });
                try {
                    const out = await client.send(new GetAuthorizationTokenCommand({}));
                    token = out.authorizationData?.authorizationToken;
                    expires = out.authorizationData?.expiresAt;
                }
                finally {
                    client.destroy();
                }
            }
            else {
                const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(149)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 149, 19));
                const client = new ECRClient({
                    region: ecr.region,
                    credentials: awsKeys,
                    endpoint: endpoint('ecr'),
                    maxAttempts: 3,
                    requestHandler,
                });
                try {
                    const out = await client.send(new GetAuthorizationTokenCommand({}));
                    token = out.authorizationData?.[0]?.authorizationToken;
                    expires = out.authorizationData?.[0]?.expiresAt;
                }
                finally {
                    client.destroy();
                }
            }
        }
        catch (err) {
            const denied = /AccessDenied|UnrecognizedClient|InvalidSignature|ExpiredToken/.test(err.name ?? '');
            const permission = ecr.kind === 'public' ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken' : 'ecr:GetAuthorizationToken';
            throw new CloudCredentialError(`${api} for ${registry} failed: ${sdkError(err)}${denied ? `; the AWS identity needs ${permission}` : ''}`, { cause: err });
        }
        if (!token)
            throw new CloudCredentialError(`${api} for ${registry} returned no authorization token`);
        context.onSecret(token);
        const decoded = Buffer.from(token, 'base64').toString('utf8');
        const cut = decoded.indexOf(':');
        if (cut <= 0)
            throw new CloudCredentialError(`${api} for ${registry} returned a token that is not base64 "AWS:<password>"`);
        const credential = { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
        context.onSecret(credential.password);
        // ECR tokens last 12 hours; without an expiry, assume the shortest AWS documents for a session (1 hour).
        return { value: credential, expiresAt: expires?.getTime() ?? Date.now() + 3600_000 };
    };
    return {
        name: 'aws',
        hosts: awsHosts,
        // The same credentials for other AWS APIs (KMS signing keys, kms/aws.ts).
        keys: credentials,
        serves: (registry) => parseEcrRegistry(registry) !== undefined,
        async credentialFor(registry) {
            const ecr = parseEcrRegistry(registry);
            if (!ecr)
                return undefined;
            const key = ecr.kind === 'public' ? 'public' : `${ecr.account}|${ecr.region}`;
            return tokens.get(key, () => authorizationToken(registry, ecr));
        },
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 2 modules
var http = __nccwpck_require__(6607);
;// CONCATENATED MODULE: ../../packages/core/src/auth/azure-chain.ts





const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/**
 * Entra ID's v2.0 client-credentials grant with a client secret or a client assertion (a federated token or a
 * certificate-signed JWT), as MSAL's ConfidentialClientApplication sends it.
 */
async function entraClientCredentials(context, request, hint) {
    const form = new URLSearchParams({ client_id: request.clientId, grant_type: 'client_credentials', scope: request.scope });
    if (request.secret)
        form.set('client_secret', request.secret);
    if (request.assertion) {
        form.set('client_assertion_type', jwtBearer);
        form.set('client_assertion', request.assertion);
    }
    const what = `Microsoft Entra ID token request for client ${request.clientId} in tenant ${request.tenantId}`;
    const answer = await postForToken(what, `${request.authority}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, hint);
    const token = typeof answer.access_token === 'string' ? answer.access_token : '';
    if (!token)
        throw new CloudCredentialError(`${what} returned no access_token`);
    context.onSecret(token);
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600;
    return { token, expiresAt: Date.now() + expiresIn * 1000, tenantId: request.tenantId };
}
/**
 * The client assertion of a certificate credential (MSAL's ClientAssertion, which azidentity's
 * ClientCertificateCredential uses): an RS256 JWT for the token endpoint, signed with the PEM's private key, naming
 * the certificate by its SHA-1 thumbprint (`x5t`).
 */
function certificateAssertion(pem, clientId, tokenUrl) {
    const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
    const key = /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
    if (!certificate || !key)
        throw new CloudCredentialError('AZURE_CLIENT_CERTIFICATE_PATH must be a PEM file with the certificate and its unencrypted private key');
    const x5t = (0,external_node_crypto_.createHash)('sha1').update(new external_node_crypto_.X509Certificate(certificate).raw).digest('base64url');
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', x5t })}.${encode({ aud: tokenUrl, iss: clientId, sub: clientId, jti: (0,external_node_crypto_.randomUUID)(), nbf: now, iat: now, exp: now + 600 })}`;
    return `${unsigned}.${(0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(key, 'base64url')}`;
}
/**
 * AzureCliCredential (azure-sdk-for-go sdk/azidentity/azure_cli_credential.go): the session azure/login leaves,
 * through `az account get-access-token --output json --resource <resource>`, within 10 s. No shell is involved.
 */
async function azureCliToken(context, resource, tenantId) {
    const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource, ...(tenantId ? ['--tenant', tenantId] : [])];
    const result = await new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('az', args, { env: context.env, timeout: 10_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => resolve({
            code: err ? (err.killed ? 'timed out after 10 s' : (err.code ?? 1)) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
        }));
    });
    if (result.code === 'ENOENT')
        return 'az is not on PATH';
    if (result.code !== 0) {
        const said = oneLine(result.stderr)
            .replace(/^ERROR:\s*/, '')
            .slice(0, 200);
        return `az account get-access-token failed (${typeof result.code === 'number' ? `exit ${result.code}` : result.code})${said ? `: ${said}` : ''}`;
    }
    let answer;
    try {
        answer = JSON.parse(result.stdout);
    }
    catch {
        throw new CloudCredentialError('az account get-access-token printed something that is not JSON');
    }
    if (!answer.accessToken)
        throw new CloudCredentialError('az account get-access-token gave no accessToken');
    context.onSecret(answer.accessToken);
    const expiresAt = typeof answer.expires_on === 'number' ? answer.expires_on * 1000 : answer.expiresOn ? new Date(answer.expiresOn).getTime() : Number.NaN;
    return {
        token: answer.accessToken,
        expiresAt: Number.isNaN(expiresAt) ? Date.now() + 300_000 : expiresAt,
        tenantId: answer.tenant || tenantId,
    };
}
/**
 * ManagedIdentityCredential, simply: App Service's IDENTITY_ENDPOINT with IDENTITY_HEADER, else the Azure instance
 * metadata service (IMDS; AZURE_POD_IDENTITY_AUTHORITY_HOST moves it, as in azidentity) with `Metadata: true`. A
 * user-assigned identity is chosen by AZURE_CLIENT_ID. IMDS gets 2 s to answer off Azure.
 */
async function managedIdentityToken(context, resource) {
    const env = context.env;
    let url;
    const headers = {};
    if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) {
        url = new URL(env.IDENTITY_ENDPOINT);
        url.searchParams.set('api-version', '2019-08-01');
        headers['X-IDENTITY-HEADER'] = env.IDENTITY_HEADER;
    }
    else {
        url = new URL('/metadata/identity/oauth2/token', env.AZURE_POD_IDENTITY_AUTHORITY_HOST || 'http://169.254.169.254');
        url.searchParams.set('api-version', '2018-02-01');
        headers.Metadata = 'true';
    }
    url.searchParams.set('resource', resource);
    if (env.AZURE_CLIENT_ID)
        url.searchParams.set('client_id', env.AZURE_CLIENT_ID);
    const where = `managed identity at ${url.host}`;
    let response;
    try {
        response = await fetch(url, { headers, signal: AbortSignal.timeout(env.IDENTITY_ENDPOINT ? 30_000 : 2_000) });
    }
    catch (err) {
        const code = (0,http/* networkErrorCode */.a0)(err) ?? err.name;
        return `${where}: ${code === 'TimeoutError' ? 'no answer in 2 s' : code}`;
    }
    const text = await response.text();
    if (!response.ok)
        return `${where}: HTTP ${response.status} ${oneLine(text).slice(0, 160)}`;
    const answer = JSON.parse(text);
    if (!answer.access_token)
        throw new CloudCredentialError(`${where} gave no access_token`);
    context.onSecret(answer.access_token);
    const expiresOn = Number(answer.expires_on);
    const expiresAt = expiresOn > 0 ? expiresOn * 1000 : Date.now() + (Number(answer.expires_in) || 3600) * 1000;
    return { token: answer.access_token, expiresAt };
}
const ambientFix = 'give the client and tenant IDs of an identity with a federated credential (with `permissions: id-token: write`), or run azure/login before this step, or set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)';
/**
 * DefaultAzureCredential's order as Flux uses it (fluxcd/pkg/auth/azure → azidentity.NewDefaultAzureCredential):
 * EnvironmentCredential (client secret, or certificate), WorkloadIdentityCredential (AZURE_FEDERATED_TOKEN_FILE),
 * ManagedIdentityCredential, AzureCliCredential. The first that has its configuration is used; its failure is
 * an error, except managed identity and the CLI, which say "not here" and let the next try (as azidentity does).
 */
async function defaultAzureToken(context, request, tried) {
    const env = context.env;
    const { authority, scope, hint } = request;
    const tenantId = env.AZURE_TENANT_ID;
    const clientId = env.AZURE_CLIENT_ID;
    const used = (source, token) => {
        context.onDebug(`provider azure: credentials from ${source}`);
        return token;
    };
    if (tenantId && clientId && env.AZURE_CLIENT_SECRET) {
        context.onSecret(env.AZURE_CLIENT_SECRET);
        const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, secret: env.AZURE_CLIENT_SECRET }, hint);
        return used(`the environment (AZURE_CLIENT_SECRET of client ${clientId})`, token);
    }
    if (tenantId && clientId && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        const pem = await (0,external_node_fs_promises_.readFile)(env.AZURE_CLIENT_CERTIFICATE_PATH, 'utf8').catch((err) => {
            throw new CloudCredentialError(`AZURE_CLIENT_CERTIFICATE_PATH ${env.AZURE_CLIENT_CERTIFICATE_PATH} cannot be read: ${oneLine(err.message)}`);
        });
        const assertion = certificateAssertion(pem, clientId, `${authority}/${tenantId}/oauth2/v2.0/token`);
        context.onSecret(assertion);
        const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion }, hint);
        return used(`the environment (AZURE_CLIENT_CERTIFICATE_PATH of client ${clientId})`, token);
    }
    tried.push('the environment: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH not set');
    if (tenantId && clientId && env.AZURE_FEDERATED_TOKEN_FILE) {
        const assertion = (await (0,external_node_fs_promises_.readFile)(env.AZURE_FEDERATED_TOKEN_FILE, 'utf8').catch((err) => {
            throw new CloudCredentialError(`AZURE_FEDERATED_TOKEN_FILE ${env.AZURE_FEDERATED_TOKEN_FILE} cannot be read: ${oneLine(err.message)}`);
        })).trim();
        context.onSecret(assertion);
        const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion }, hint);
        return used(`workload identity (AZURE_FEDERATED_TOKEN_FILE for client ${clientId})`, token);
    }
    tried.push('workload identity: AZURE_FEDERATED_TOKEN_FILE with AZURE_TENANT_ID and AZURE_CLIENT_ID not set');
    const resource = scope.replace(/\/\.default$/, '');
    const managed = await managedIdentityToken(context, resource);
    if (typeof managed !== 'string')
        return used('a managed identity', managed);
    tried.push(managed);
    const cli = await azureCliToken(context, resource, tenantId);
    if (typeof cli !== 'string')
        return used('the Azure CLI session (az account get-access-token)', cli);
    tried.push(`the Azure CLI: ${cli}`);
    throw noCredentials('azure', tried, ambientFix);
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/azure.ts


/** Flux 2.6's ACR pattern (from Kubernetes' Azure credential provider). */
const azureHostPattern = /^.+\.(azurecr\.io|azurecr\.cn|azurecr\.de|azurecr\.us)$/;
const azureHosts = 'Azure Container Registry (*.azurecr.io, *.azurecr.cn, *.azurecr.de, *.azurecr.us)';
/** The user name docker and `az acr login --expose-token` use with an ACR refresh token. */
const acrTokenUsername = '00000000-0000-0000-0000-000000000000';
function isAzureRegistry(registry) {
    return azureHostPattern.test(registryHostname(registry));
}
/** The Entra ID authority and Resource Manager scope of the cloud a registry lives in (as Flux chooses the scope). */
function azureCloud(registry) {
    const host = registryHostname(registry);
    if (host.endsWith('.azurecr.cn'))
        return { authorityHost: 'https://login.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' };
    if (host.endsWith('.azurecr.us'))
        return { authorityHost: 'https://login.microsoftonline.us', scope: 'https://management.usgovcloudapi.net/.default' };
    return { authorityHost: 'https://login.microsoftonline.com', scope: 'https://management.azure.com/.default' };
}
/**
 * `provider: azure`, as azure/login does with OIDC: the job's OIDC token (audience `api://AzureADTokenExchange`) is a
 * client assertion for the app's federated credential (Entra ID client-credentials grant), and the Entra ID token
 * is exchanged at the registry's `/oauth2/exchange` for an ACR refresh token. That is an identity token: the
 * registry's token endpoint trades it for access tokens (grant_type=refresh_token).
 */
function azureProvider(context) {
    const options = context.options.azure ?? {};
    const env = context.env;
    const entraTokens = new ExpiringCache();
    const refreshTokens = new ExpiringCache();
    const entraHint = (status, error) => /AADSTS70021|AADSTS700213|AADSTS700211|AADSTS700212/.test(error)
        ? "add a federated credential to the app for issuer https://token.actions.githubusercontent.com and this job's subject (repo:<owner>/<repo>:…)"
        : status === 400 || status === 401
            ? 'check the client and tenant IDs and the federated credential'
            : undefined;
    // Without inputs, AZURE_CLIENT_ID/AZURE_TENANT_ID are for the OIDC exchange only when no other credential of
    // theirs is in the environment (a secret, certificate or federated token file is DefaultAzureCredential's).
    const ambientIds = Boolean(env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH || env.AZURE_FEDERATED_TOKEN_FILE);
    /** The Entra ID token: the job's OIDC token as the client assertion first, else DefaultAzureCredential's chain. */
    const entraToken = (registry, resourceScope) => {
        const cloud = azureCloud(registry);
        const authority = (options.authorityHost || env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '');
        const scope = resourceScope || options.scope || cloud.scope;
        const clientId = options.clientId || (ambientIds ? undefined : env.AZURE_CLIENT_ID);
        const tenantId = options.tenantId || (ambientIds && !options.clientId ? undefined : env.AZURE_TENANT_ID);
        return entraTokens.get(`${authority}|${tenantId}|${clientId}|${scope}`, async () => {
            const tried = [];
            if (clientId && tenantId) {
                const oidc = await jobOidcToken(context, options.audience || 'api://AzureADTokenExchange', 'provider azure');
                if (oidc.token) {
                    const token = await entraClientCredentials(context, { authority, tenantId, clientId, scope, assertion: oidc.token }, entraHint);
                    context.onDebug(`provider azure: credentials from the job's OIDC token (federated credential of client ${clientId})`);
                    return { value: token, expiresAt: token.expiresAt };
                }
                tried.push(`the job's OIDC token for client ${clientId}: ${oidc.missing}`);
            }
            else {
                const missing = [clientId ? '' : 'client ID', tenantId ? '' : 'tenant ID'].filter(Boolean).join(' and ');
                tried.push(`the job's OIDC token: no ${missing} of an identity with a federated credential was given`);
            }
            const token = await defaultAzureToken(context, { authority, scope, hint: entraHint }, tried);
            return { value: token, expiresAt: token.expiresAt };
        });
    };
    const refreshToken = async (registry) => {
        const entra = await entraToken(registry);
        const accessToken = entra.token;
        const tenantId = entra.tenantId;
        const base = context.registryUrl(registry);
        const form = new URLSearchParams({
            grant_type: 'access_token',
            service: registry,
            ...(tenantId ? { tenant: tenantId } : {}),
            access_token: accessToken,
        });
        const answer = await postForToken(`ACR token exchange at ${registry}`, `${base}/oauth2/exchange`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => (status === 401 || status === 403 ? `give the identity the AcrPush role on ${registry}` : undefined));
        const token = typeof answer.refresh_token === 'string' ? answer.refresh_token : '';
        if (!token)
            throw new CloudCredentialError(`ACR token exchange at ${registry} returned no refresh_token`);
        context.onSecret(token);
        // ACR refresh tokens are JWTs that last 3 hours; their `exp` says exactly.
        return {
            value: { username: acrTokenUsername, password: token, identityToken: token },
            expiresAt: jwtExpiry(token) ?? Date.now() + 3 * 3600_000,
        };
    };
    return {
        name: 'azure',
        hosts: azureHosts,
        // An Entra ID token for another resource (Key Vault's `https://vault.azure.net/.default`, kms/azure.ts).
        accessToken: async (scope) => (await entraToken('', scope)).token,
        serves: isAzureRegistry,
        credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ../../packages/core/src/auth/docker-config.ts





/** The key docker uses for Docker Hub in config.json and when calling credential helpers. */
const dockerHubConfigKey = 'https://index.docker.io/v1/';
/** Docker normalises config keys to a bare host: no scheme, no path (`https://ghcr.io/v1/` → `ghcr.io`). */
function configHost(key) {
    const host = key
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}
function helperServer(registry) {
    return registry === 'docker.io' ? dockerHubConfigKey : registry;
}
/** Docker's config or a credential helper it names cannot give credentials. */
class CredentialHelperError extends errors/* BaseError */.Cf {
    constructor(message) {
        super('DOCKER_CREDENTIALS', message);
    }
}
/** Runs `docker-credential-<helper> get` (docker-credential-helpers protocol); undefined when it has nothing. */
function runCredentialHelper(helper, serverUrl, env = process.env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
            if (error) {
                if (error.code === 'ENOENT') {
                    reject(new CredentialHelperError(`docker credential helper "docker-credential-${helper}" is not on PATH (named in the docker config)`));
                    return;
                }
                // The protocol's "not found" answer is an error exit with this text on stdout.
                if (/credentials not found/i.test(`${stdout}${stderr}`)) {
                    resolve(undefined);
                    return;
                }
                reject(new CredentialHelperError(`docker-credential-${helper} failed for ${serverUrl}: ${String(stderr || stdout)
                    .trim()
                    .slice(0, 200)}`));
                return;
            }
            try {
                const answer = JSON.parse(stdout);
                if (!answer.Secret)
                    return resolve(undefined);
                resolve(answer.Username === '<token>' ? { identityToken: answer.Secret } : { username: answer.Username ?? '', password: answer.Secret });
            }
            catch {
                reject(new CredentialHelperError(`docker-credential-${helper} printed something that is not JSON`));
            }
        });
        // A helper may exit without reading its input (e.g. it fails early): the answer is its exit status and output,
        // so a broken pipe on stdin is not an error of its own.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(serverUrl);
    });
}
/**
 * Credentials from docker's config.json (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), looked up as
 * docker does: `credHelpers[host]`, then `credsStore`, then `auths` (`auth`, `username`/`password`,
 * `identitytoken`, `registrytoken`).
 */
function dockerConfigCredentials(options = {}) {
    const env = options.env ?? process.env;
    let config;
    const load = () => {
        config ??= (async () => {
            const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
            const text = await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8').catch(() => undefined);
            if (text === undefined)
                return undefined;
            try {
                return JSON.parse(text);
            }
            catch {
                throw new CredentialHelperError(`docker config ${(0,external_node_path_.join)(dir, 'config.json')} is not valid JSON`);
            }
        })();
        return config;
    };
    return {
        name: 'docker config',
        async credentialFor(registry) {
            const cfg = await load();
            if (!cfg)
                return undefined;
            const helper = Object.entries(cfg.credHelpers ?? {}).find(([key]) => configHost(key) === registry)?.[1];
            if (helper)
                return runCredentialHelper(helper, helperServer(registry), env);
            const entry = Object.entries(cfg.auths ?? {}).find(([key]) => configHost(key) === registry)?.[1];
            if (cfg.credsStore) {
                const stored = await runCredentialHelper(cfg.credsStore, helperServer(registry), env);
                if (stored)
                    return stored;
            }
            if (!entry)
                return undefined;
            if (entry.identitytoken)
                return { identityToken: entry.identitytoken };
            if (entry.registrytoken)
                return { registryToken: entry.registrytoken };
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const cut = decoded.indexOf(':');
                if (cut < 0)
                    throw new CredentialHelperError(`docker config auth for ${registry} is not base64 "user:password"`);
                return { username: decoded.slice(0, cut), password: decoded.slice(cut + 1) };
            }
            if (entry.username || entry.password)
                return { username: entry.username ?? '', password: entry.password ?? '' };
            return undefined;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/gcp-external.ts



const cloudPlatformScope = 'https://www.googleapis.com/auth/cloud-platform';
const defaultGoogleStsUrl = 'https://sts.googleapis.com/v1/token';
/** A GET with a deadline, for credential source URLs and the metadata server. */
async function getText(url, headers, timeoutMs) {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
}
/**
 * The subject token of an identity pool credential source, as google-auth-library's IdentityPoolClient
 * (src/auth/identitypoolclient.ts, filesubjecttokensupplier.ts, urlsubjecttokensupplier.ts) reads it: a file or a
 * URL, as plain text or JSON with `subject_token_field_name`. Executable and AWS sources are refused: d2ci does not
 * run programs named in a credential file.
 */
async function subjectToken(source, where) {
    if (source.executable !== undefined)
        throw new CloudCredentialError(`${where}: credential_source.executable is not supported by d2ci (it would run a program named in the file); have the program write the token to a file and use credential_source.file`);
    if (source.environment_id !== undefined)
        throw new CloudCredentialError(`${where}: the AWS credential source (environment_id ${source.environment_id}) is not supported by d2ci; use credential_source.file or credential_source.url`);
    let text;
    if (source.file) {
        text = await (0,external_node_fs_promises_.readFile)(source.file, 'utf8').catch((err) => {
            throw new CloudCredentialError(`${where}: cannot read credential_source.file ${source.file}: ${err.message}`);
        });
    }
    else if (source.url) {
        const answer = await getText(source.url, source.headers ?? {}, 30_000).catch((err) => {
            const cause = (0,http/* networkErrorCode */.a0)(err) ?? err.name;
            throw new CloudCredentialError(`${where}: credential_source.url ${new URL(source.url ?? '').host} is unreachable (${cause})`);
        });
        if (answer.status !== 200)
            throw new CloudCredentialError(`${where}: credential_source.url answered HTTP ${answer.status}: ${oneLine(answer.text).slice(0, 200)}`);
        text = answer.text;
    }
    else {
        throw new CloudCredentialError(`${where}: credential_source has neither file nor url`);
    }
    const format = source.format?.type ?? 'text';
    if (format === 'text')
        return text.trim();
    if (format !== 'json')
        throw new CloudCredentialError(`${where}: credential_source.format.type "${format}" is neither text nor json`);
    const field = source.format?.subject_token_field_name;
    if (!field)
        throw new CloudCredentialError(`${where}: credential_source.format json needs subject_token_field_name`);
    let value;
    try {
        value = JSON.parse(text)[field];
    }
    catch {
        throw new CloudCredentialError(`${where}: the credential source did not give JSON`);
    }
    if (typeof value !== 'string' || !value)
        throw new CloudCredentialError(`${where}: the credential source's JSON has no "${field}"`);
    return value;
}
/**
 * An IAM Credentials generateAccessToken call (the `service_account_impersonation_url` of a credential file, or
 * d2ci's own for a service account to impersonate): `{scope, lifetime, delegates}` with the source token as bearer.
 */
async function impersonate(context, url, sourceToken, lifetimeSeconds, delegates = []) {
    const account = decodeURIComponent(/serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1] ?? url);
    const answer = await postForToken(`Google IAM Credentials generateAccessToken for ${account}`, url, {
        body: JSON.stringify({ scope: [cloudPlatformScope], lifetime: `${lifetimeSeconds}s`, ...(delegates.length ? { delegates } : {}) }),
        contentType: 'application/json',
        authorization: `Bearer ${sourceToken}`,
    }, (status) => status === 403 || status === 401
        ? `grant the source identity roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
        : undefined);
    const token = typeof answer.accessToken === 'string' ? answer.accessToken : '';
    if (!token)
        throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
    context.onSecret(token);
    const expireTime = typeof answer.expireTime === 'string' ? Date.parse(answer.expireTime) : Number.NaN;
    return { token, expiresAt: Number.isNaN(expireTime) ? Date.now() + lifetimeSeconds * 1000 : expireTime };
}
/**
 * An `external_account` file (workload or workforce identity federation; what google-github-actions/auth writes):
 * the subject token is exchanged at `token_url` (RFC 8693, google-auth-library src/auth/stscredentials.ts), then,
 * with `service_account_impersonation_url`, traded for the service account's token. A workforce pool's
 * `workforce_pool_user_project` goes in `options.userProject` when nothing is impersonated.
 */
async function externalAccountToken(context, file, where) {
    if (!file.audience || !file.subject_token_type || !file.credential_source)
        throw new CloudCredentialError(`${where}: an external_account file needs audience, subject_token_type and credential_source`);
    const subject = await subjectToken(file.credential_source, where);
    context.onSecret(subject);
    const form = new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        audience: file.audience,
        scope: cloudPlatformScope,
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        subject_token: subject,
        subject_token_type: file.subject_token_type,
    });
    if (file.workforce_pool_user_project && !file.service_account_impersonation_url)
        form.set('options', JSON.stringify({ userProject: file.workforce_pool_user_project }));
    if (file.client_secret)
        context.onSecret(file.client_secret);
    const basic = file.client_id && file.client_secret ? `Basic ${Buffer.from(`${file.client_id}:${file.client_secret}`).toString('base64')}` : undefined;
    const answer = await postForToken(`Google STS token exchange for ${file.audience.replace(/^\/\/iam\.googleapis\.com\//, '')}`, file.token_url || defaultGoogleStsUrl, { body: form.toString(), contentType: 'application/x-www-form-urlencoded', ...(basic ? { authorization: basic } : {}) }, (status) => status === 400 || status === 401 || status === 403
        ? "check the pool provider's issuer, allowed audiences and attribute condition against the subject token"
        : undefined);
    const federated = typeof answer.access_token === 'string' ? answer.access_token : '';
    if (!federated)
        throw new CloudCredentialError(`${where}: Google STS returned no access_token`);
    context.onSecret(federated);
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
    if (!file.service_account_impersonation_url)
        return { token: federated, expiresAt: Date.now() + expiresIn * 1000 };
    const lifetime = file.service_account_impersonation?.token_lifetime_seconds ?? 3600;
    return impersonate(context, file.service_account_impersonation_url, federated, lifetime);
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/gcp-adc.ts







/** Google's OAuth 2.0 token endpoint, for service account keys and gcloud user credentials without `token_uri`. */
const googleOAuthTokenUrl = 'https://oauth2.googleapis.com/token';
/** An OAuth token endpoint's `{access_token, expires_in}`, masked. */
function accessToken(context, answer, what) {
    const token = typeof answer.access_token === 'string' ? answer.access_token : '';
    if (!token)
        throw new CloudCredentialError(`${what} returned no access_token`);
    context.onSecret(token);
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600;
    return { token, expiresAt: Date.now() + expiresIn * 1000 };
}
/**
 * A service account key: a self-signed RS256 JWT exchanged at `token_uri` with the JWT bearer grant (RFC 7523), as
 * golang.org/x/oauth2/jwt and google-auth-library's JWT client (src/auth/jwtclient.ts, gtoken) do.
 */
async function serviceAccountToken(context, file, where) {
    if (!file.client_email || !file.private_key)
        throw new CloudCredentialError(`${where}: a service_account file needs client_email and private_key`);
    const tokenUrl = file.token_uri || googleOAuthTokenUrl;
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', ...(file.private_key_id ? { kid: file.private_key_id } : {}) })}.${encode({
        iss: file.client_email,
        scope: cloudPlatformScope,
        aud: tokenUrl,
        iat: now,
        exp: now + 3600,
    })}`;
    let signature;
    try {
        signature = (0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(file.private_key, 'base64url');
    }
    catch (err) {
        throw new CloudCredentialError(`${where}: the private_key of ${file.client_email} is not a usable RSA key (${err.name})`);
    }
    const assertion = `${unsigned}.${signature}`;
    context.onSecret(assertion);
    const answer = await postForToken(`Google OAuth token request for ${file.client_email}`, tokenUrl, {
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
        contentType: 'application/x-www-form-urlencoded',
    }, (status) => status === 400 || status === 401 ? 'the key may be deleted or disabled; create a new key for the service account' : undefined);
    return accessToken(context, answer, `Google OAuth token request for ${file.client_email}`);
}
/** gcloud's user credentials (`gcloud auth application-default login`): the refresh token grant at `token_uri`. */
async function authorizedUserToken(context, file, where) {
    if (!file.client_id || !file.client_secret || !file.refresh_token)
        throw new CloudCredentialError(`${where}: an authorized_user file needs client_id, client_secret and refresh_token`);
    context.onSecret(file.refresh_token);
    context.onSecret(file.client_secret);
    const answer = await postForToken('Google OAuth refresh token grant', file.token_uri || googleOAuthTokenUrl, {
        body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: file.client_id,
            client_secret: file.client_secret,
            refresh_token: file.refresh_token,
        }).toString(),
        contentType: 'application/x-www-form-urlencoded',
    }, (status) => (status === 400 || status === 401 ? 'run `gcloud auth application-default login` again' : undefined));
    return accessToken(context, answer, 'Google OAuth refresh token grant');
}
/** A token from a parsed credential file, by its `type` (google-auth-library src/auth/googleauth.ts fromJSON). */
async function credentialFileToken(context, file, where) {
    switch (file.type) {
        case 'external_account':
            return externalAccountToken(context, file, where);
        case 'service_account':
            return serviceAccountToken(context, file, where);
        case 'authorized_user':
            return authorizedUserToken(context, file, where);
        case 'impersonated_service_account': {
            // gcloud auth application-default login --impersonate-service-account (src/auth/impersonated.ts).
            if (!file.service_account_impersonation_url || !file.source_credentials)
                throw new CloudCredentialError(`${where}: an impersonated_service_account file needs service_account_impersonation_url and source_credentials`);
            const source = await credentialFileToken(context, file.source_credentials, `${where} (source_credentials)`);
            return impersonate(context, file.service_account_impersonation_url, source.token, 3600, file.delegates ?? []);
        }
        default:
            throw new CloudCredentialError(`${where} has type "${file.type ?? ''}", which d2ci does not read (external_account, service_account, authorized_user, impersonated_service_account)`);
    }
}
async function fileToken(context, path, where) {
    const text = await (0,external_node_fs_promises_.readFile)(path, 'utf8').catch((err) => {
        throw new CloudCredentialError(`${where} cannot be read: ${oneLine(err.message)}`);
    });
    let file;
    try {
        file = JSON.parse(text);
    }
    catch {
        throw new CloudCredentialError(`${where} is not JSON`);
    }
    const token = await credentialFileToken(context, file, where);
    context.onDebug(`provider gcp: credentials from ${where} (${file.type})`);
    return token;
}
/** gcloud's well-known ADC file: CLOUDSDK_CONFIG, else %APPDATA%\gcloud on Windows, else ~/.config/gcloud. */
function wellKnownFile(env) {
    const dir = env.CLOUDSDK_CONFIG ||
        (process.platform === 'win32' && env.APPDATA ? (0,external_node_path_.join)(env.APPDATA, 'gcloud') : (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.config', 'gcloud'));
    return (0,external_node_path_.join)(dir, 'application_default_credentials.json');
}
/**
 * Application Default Credentials in Google's order (cloud.google.com/docs/authentication/application-default-credentials;
 * golang.org/x/oauth2/google FindDefaultCredentials, which Flux uses): the file GOOGLE_APPLICATION_CREDENTIALS
 * names, else gcloud's well-known file, else the GCE/GKE metadata server (GCE_METADATA_HOST, default
 * 169.254.169.254). The first source found is used; a broken one is an error, not a reason to try the next.
 */
async function applicationDefaultToken(context, tried, fix) {
    const env = context.env;
    if (env.GOOGLE_APPLICATION_CREDENTIALS) {
        const path = env.GOOGLE_APPLICATION_CREDENTIALS;
        return fileToken(context, path, `GOOGLE_APPLICATION_CREDENTIALS (${path})`);
    }
    tried.push('GOOGLE_APPLICATION_CREDENTIALS: not set');
    const wellKnown = wellKnownFile(env);
    const exists = await (0,external_node_fs_promises_.readFile)(wellKnown).then(() => true, () => false);
    if (exists)
        return fileToken(context, wellKnown, `gcloud's application default credentials (${wellKnown})`);
    tried.push(`gcloud's application default credentials: no ${wellKnown}`);
    const host = env.GCE_METADATA_HOST || '169.254.169.254';
    // google-auth-library (gcp-metadata) gives detection 3 s; a machine off Google Cloud never answers.
    const answer = await getText(`http://${host}/computeMetadata/v1/instance/service-accounts/default/token`, { 'Metadata-Flavor': 'Google' }, 3_000).catch((err) => {
        const cause = (0,http/* networkErrorCode */.a0)(err) ?? err.name;
        tried.push(`the GCE/GKE metadata server at ${host}: ${cause === 'TimeoutError' ? 'no answer in 3 s' : cause}`);
        throw noCredentials('gcp', tried, fix);
    });
    if (answer.status !== 200) {
        tried.push(`the GCE/GKE metadata server at ${host}: HTTP ${answer.status}`);
        throw noCredentials('gcp', tried, fix);
    }
    let body = {};
    try {
        body = JSON.parse(answer.text);
    }
    catch {
        // reported as no access_token
    }
    const token = accessToken(context, body, `the GCE/GKE metadata server at ${host}`);
    context.onDebug(`provider gcp: credentials from the GCE/GKE metadata server (${host})`);
    return token;
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/gcp.ts



/** Flux 2.6's GCP registry pattern: Container Registry (`gcr.io`, `*.gcr.io`) and Artifact Registry (`<location>-docker.pkg.dev`). */
const gcpHostPattern = /^(((.+\.)?gcr\.io)|(.+-docker\.pkg\.dev))$/;
const gcpHosts = 'Google Artifact Registry (<location>-docker.pkg.dev) and Container Registry (gcr.io, *.gcr.io)';
const defaultGcpStsUrl = 'https://sts.googleapis.com/v1/token';
const defaultGcpIamCredentialsUrl = 'https://iamcredentials.googleapis.com';
const cloudPlatform = 'https://www.googleapis.com/auth/cloud-platform';
const providerPattern = /^projects\/[^/]+\/locations\/[^/]+\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;
function isGcpRegistry(registry) {
    return gcpHostPattern.test(registryHostname(registry));
}
/** `projects/…/providers/…` from the forms people paste: bare, `//iam.googleapis.com/…` or `https://iam.googleapis.com/…`. */
function workloadIdentityProviderName(value) {
    return value
        .trim()
        .replace(/^(https:)?\/\/iam\.googleapis\.com\//, '')
        .replace(/^\/+/, '');
}
const gcp_ambientFix = 'give the workload identity provider with `permissions: id-token: write`, or run google-github-actions/auth before this step (it sets GOOGLE_APPLICATION_CREDENTIALS), or run on Google Cloud with a service account attached';
/**
 * `provider: gcp`. First Workload Identity Federation with the job's OIDC token, as google-github-actions/auth
 * does: the token is exchanged at Google's STS for a federated access token. Without a workload identity provider or
 * without an OIDC token, Application Default Credentials as Flux finds them (gcp-adc.ts). Either token is used
 * directly or, with `serviceAccount`, to impersonate that service account (IAM Credentials generateAccessToken).
 * The registry user is `oauth2accesstoken`.
 */
function gcpProvider(context) {
    const options = context.options.gcp ?? {};
    const tokens = new ExpiringCache();
    const stsUrl = options.stsUrl || context.env.D2CI_GCP_STS_URL || defaultGcpStsUrl;
    const iamUrl = (options.iamCredentialsUrl || context.env.D2CI_GCP_IAMCREDENTIALS_URL || defaultGcpIamCredentialsUrl).replace(/\/+$/, '');
    /** The federated token from the job's OIDC token, or undefined (with the reason in `tried`) without one. */
    const federatedToken = async (tried) => {
        if (!options.workloadIdentityProvider) {
            tried.push("the job's OIDC token: no workload identity provider was given");
            return undefined;
        }
        const provider = workloadIdentityProviderName(options.workloadIdentityProvider);
        if (!providerPattern.test(provider)) {
            throw new CloudCredentialError(`provider gcp: "${options.workloadIdentityProvider}" is not a workload identity provider name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`);
        }
        const oidc = await jobOidcToken(context, options.audience || `https://iam.googleapis.com/${provider}`, 'provider gcp');
        if (!oidc.token) {
            tried.push(`the job's OIDC token for ${provider}: ${oidc.missing}`);
            return undefined;
        }
        const form = new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${provider}`,
            scope: cloudPlatform,
            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            subject_token: oidc.token,
        });
        const federated = await postForToken(`Google STS token exchange for ${provider}`, stsUrl, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => status === 400 || status === 401 || status === 403
            ? "check the provider's issuer (https://token.actions.githubusercontent.com), allowed audiences and attribute condition against this job's token"
            : undefined);
        const token = typeof federated.access_token === 'string' ? federated.access_token : '';
        if (!token)
            throw new CloudCredentialError(`Google STS token exchange for ${provider} returned no access_token`);
        context.onSecret(token);
        context.onDebug(`provider gcp: credentials from the job's OIDC token (workload identity provider ${provider})`);
        return { token, expiresAt: Date.now() + (typeof federated.expires_in === 'number' ? federated.expires_in : 3600) * 1000 };
    };
    const fetchToken = async () => {
        const tried = [];
        const source = (await federatedToken(tried)) ?? (await applicationDefaultToken(context, tried, gcp_ambientFix));
        const account = options.serviceAccount?.trim();
        const { token, expiresAt } = account
            ? await impersonate(context, `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`, source.token, options.lifetimeSeconds ?? 3600)
            : source;
        return { value: { username: 'oauth2accesstoken', password: token }, expiresAt };
    };
    return {
        name: 'gcp',
        hosts: gcpHosts,
        // The same cloud-platform access token for other Google APIs (Cloud KMS signing keys, kms/gcp.ts).
        accessToken: async () => (await tokens.get('gcp', fetchToken)).password ?? '',
        serves: isGcpRegistry,
        // One access token serves every Google registry.
        credentialFor: async (registry) => (isGcpRegistry(registry) ? tokens.get('gcp', fetchToken) : undefined),
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/github.ts
/** GitHub's container registry hosts: ghcr.io, and `containers.<host>` on GitHub Enterprise Server. */
function isGitHubRegistry(registry, serverUrl = 'https://github.com') {
    if (registry === 'ghcr.io')
        return true;
    const host = new URL(serverUrl).host;
    return host !== 'github.com' && registry === `containers.${host}`;
}
/**
 * The job's `GITHUB_TOKEN` for GHCR. Any username works with a token; we send the actor's, as docker/login-action
 * does. Pushing needs `permissions: packages: write`.
 */
function githubTokenCredentials(options) {
    return {
        name: 'GITHUB_TOKEN',
        credentialFor: async (registry) => options.token && isGitHubRegistry(registry, options.serverUrl)
            ? { username: options.actor || 'x-access-token', password: options.token }
            : undefined,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/provider-names.ts
/** Flux's `provider` values. `generic` uses explicit credentials, GITHUB_TOKEN and docker config. */
const providerNames = ['generic', 'aws', 'gcp', 'azure'];

;// CONCATENATED MODULE: ../../packages/core/src/auth/provider.ts
/** Credentials given explicitly (inputs, `--creds`), for one registry or, without `registry`, for any. */
function staticCredentials(credential, registry) {
    return {
        name: 'explicit credentials',
        credentialFor: async (host) => (registry === undefined || registry === host ? credential : undefined),
    };
}
/** Asks each provider in turn; the first that knows the registry wins. */
function firstCredential(providers) {
    return async (registry) => {
        for (const provider of providers) {
            const credential = await provider.credentialFor(registry);
            if (credential)
                return credential;
        }
        return undefined;
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/resolve.ts








const cloudProviders = new Map();
/** Registers a cloud provider implementation (aws, gcp and azure are built in; their SDKs load on first use). */
function registerCloudProvider(name, create) {
    cloudProviders.set(name, create);
}
registerCloudProvider('aws', awsProvider);
registerCloudProvider('gcp', gcpProvider);
registerCloudProvider('azure', azureProvider);
class ProviderError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message, { field: 'provider' });
    }
}
const unavailable = (provider) => new ProviderError('PROVIDER_UNAVAILABLE', `provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
function parseProvider(value) {
    const name = (value || 'generic').trim().toLowerCase();
    if (!providerNames.includes(name)) {
        throw new ProviderError('PROVIDER_UNKNOWN', `unknown provider "${value}": use one of ${providerNames.join(', ')}`);
    }
    return name;
}
/**
 * Where credentials come from, in order: explicit username/password, the cloud provider (for its hosts),
 * GITHUB_TOKEN (for GHCR), docker config; otherwise anonymous.
 */
function registryCredentials(options = {}) {
    const providers = [];
    if (options.username || options.password)
        providers.push(staticCredentials({ username: options.username ?? '', password: options.password ?? '' }, options.registry));
    const provider = options.provider ?? 'generic';
    if (provider !== 'generic') {
        const create = cloudProviders.get(provider);
        if (!create)
            throw unavailable(provider);
        providers.push(create(cloudContext(options)));
    }
    if (options.githubToken)
        providers.push(githubTokenCredentials({ token: options.githubToken, actor: options.githubActor, serverUrl: options.githubServerUrl }));
    if (options.dockerConfig !== false)
        providers.push(dockerConfigCredentials({ env: options.env }));
    return firstCredential(providers);
}
/** Refuses a cloud provider for a registry it does not serve, as Flux 2.6+ does. */
function assertProviderServes(provider, registry) {
    if (provider === 'generic')
        return;
    const create = cloudProviders.get(provider);
    if (!create)
        throw unavailable(provider);
    const cloud = create(cloudContext({}));
    if (!cloud.serves(registry))
        throw new ProviderError('PROVIDER_MISMATCH', `provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`);
}
function cloudContext(options) {
    return {
        options: options.cloud ?? {},
        env: options.env ?? process.env,
        onSecret: options.onSecret ?? (() => undefined),
        endpoints: options.endpoints ?? {},
        onDebug: options.onDebug ?? (() => undefined),
        registryUrl: options.registryUrl ?? ((registry) => (options.endpoints?.[registry] || `https://${registry}`).replace(/\/+$/, '')),
    };
}


/***/ }),

/***/ 5736:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ BaseError),
/* harmony export */   Wg: () => (/* binding */ oneLineMessage)
/* harmony export */ });
/* unused harmony export fieldOf */
/**
 * The error shape every room shares, after sigstore-js's `BaseError<Code>` (sigstore-js/packages/sign/src/error.ts)
 * and oras-go's errdef: a leaf module, imported by `oci/` and every room above it, importing nothing.
 *
 * Front doors never read `message` to decide whom to blame: an error that is about one part of a request carries
 * that part as a neutral `field`, and each front door maps fields to its own names with one table
 * (`packages/action-kit/src/fields.ts` for inputs, `packages/cli/src/fields.ts` for flags). `problem` is the
 * message without the field's name, for the front door to prefix its own.
 */
class BaseError extends Error {
    code;
    field;
    problem;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = code;
        this.field = options.field;
        this.problem = options.problem ?? message;
    }
}
/** The field an error is about, if it is one of ours and names one. */
function fieldOf(err) {
    return err instanceof BaseError ? err.field : undefined;
}
/**
 * A foreign error's message (Node's, a library's) on one line, for display only. The one place that reads an
 * error's text, and it decides nothing: front doors and rooms decide by `code` and `field`. `firstLine` keeps the
 * first line only (YAML's errors add a code frame below it); otherwise line breaks become spaces.
 */
function oneLineMessage(err, options = {}) {
    const message = err?.message;
    const text = typeof message === 'string' ? message : String(err);
    return options.firstLine ? (text.split('\n')[0] ?? '') : text.replace(/\s*\n\s*/g, ' ');
}


/***/ }),

/***/ 8706:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   UN: () => (/* binding */ escapeControls),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5736);

/**
 * Errors raised by the OCI client. `code` is the registry's error code (e.g. `MANIFEST_UNKNOWN`) or one of
 * ours (`NETWORK`, `INVALID_REFERENCE`, `DIGEST_MISMATCH`, …); `hint` is the fix a user should try.
 * The message is always a single line so actions can print it with `core.setFailed` as is.
 */
class OciError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    status;
    hint;
    constructor(code, message, options = {}) {
        // Registry text (error bodies, tags, annotations) reaches this message: one line, control characters shown
        // escaped, so nothing in it can drive a terminal or become a workflow command.
        const line = safeLine(message);
        const problem = options.problem === undefined ? undefined : safeLine(options.problem);
        super(code, options.hint ? `${line}; ${options.hint}` : line, { cause: options.cause, field: options.field, problem });
        this.name = 'OciError';
        this.status = options.status;
        this.hint = options.hint;
    }
}
/**
 * A reference, digest or other value does not parse: `invalid <kind> "<value>": <reason>`. A reference or layout
 * location is the `reference` field (where the artifact is); a lone tag or digest may come from a registry, so it
 * names no field. `problem` leaves out "invalid reference", which names the field.
 */
class InvalidReferenceError extends OciError {
    kind;
    value;
    /** Why it does not parse, without the value. */
    reason;
    constructor(kind, value, reason) {
        const located = kind === 'reference' || kind === 'layout location';
        super('INVALID_REFERENCE', `invalid ${kind} "${value}": ${reason}`, {
            ...(located ? { field: 'reference' } : {}),
            ...(kind === 'reference' ? { problem: `"${value}": ${reason}` } : {}),
        });
        this.name = 'InvalidReferenceError';
        this.kind = kind;
        // As they read in the message.
        this.value = escapeControls(value.replace(/\s*\n\s*/g, ' '));
        this.reason = safeLine(reason);
    }
}
function isNotFound(err) {
    return err instanceof OciError && (err.status === 404 || /_UNKNOWN$/.test(err.code));
}
/** Text as it may go into an OciError's message: one line, control characters escaped. */
function safeLine(text) {
    return escapeControls(text.replace(/\s*\n\s*/g, ' ').trim());
}
/** C0/C1 control characters (ESC, CR, BEL …) and line/paragraph separators as visible `\\uXXXX` escapes. */
function escapeControls(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 6607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  Or: () => (/* binding */ attemptsOf),
  a0: () => (/* binding */ networkErrorCode),
  SC: () => (/* binding */ retryBudgetSpent),
  Iy: () => (/* binding */ timeoutOptions)
});

// UNUSED EXPORTS: defaultRetryPolicy, defaultTimeouts, parseRetryAfter

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __nccwpck_require__(8500);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var oci_errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ../../packages/core/src/oci/connections.ts







const bufferSize = 256 << 10;
/** Answers up to this size (by Content-Length) are read whole before they are handed over. */
const smallBodyBytes = 64 << 10;
const buffersInFlight = 4;
/** A spare connection nobody took within this long is closed (registries close idle ones after about a minute). */
const spareLifetimeMs = 20_000;
/**
 * One keep-alive pool per transport, over node:http(s), for every registry request — manifests, HEADs, blob
 * uploads and downloads, tokens — so that any request can take the connection the previous one freed. Two things
 * ruled out fetch (undici) here:
 * - it closes the connection after every HEAD (undici lib/dispatcher/client-h1.js, "Close after a HEAD request to
 *   interop with misbehaving servers", nodejs/undici#258), and a registry across the internet charges a TCP and
 *   TLS handshake, two round trips, for each new one; with manifests on fetch and HEADs here, the two pools could
 *   not share a connection either;
 * - it copies every chunk of a streamed body (and holds on to more), which let a 256 MiB upload peak at ~365 MiB
 *   RSS; here a file is read into four reused 256 KiB buffers, each refilled only once the socket has taken it.
 * Answers come back as fetch Responses, so callers see one type.
 */
class Connections {
    #http = warmable(new external_node_http_.Agent({ keepAlive: true }), false);
    #https = warmable(new external_node_https_.Agent({ keepAlive: true }), true);
    #idleMs;
    /** `idleMs`: the longest the socket may sit idle (connecting, sending, awaiting or reading the answer). */
    constructor(idleMs = 30_000) {
        this.#idleMs = idleMs;
    }
    /**
     * `onIdle` is called when the socket stalls for `idleMs` (before the answer's headers, or while a small answer's
     * body is read whole); it aborts `signal`, which ends the request. `onHeaders` says the headers have arrived.
     */
    send(method, url, headers, body, signal, onIdle, onHeaders) {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_.request : external_node_http_.request;
        const length = body === undefined ? undefined : isUpload(body) ? body.end - body.start : byteLength(body);
        return new Promise((resolve, reject) => {
            const fail = (err) => reject(signal?.aborted ? signal.reason : err);
            const req = send(url, {
                method,
                headers: length === undefined ? headers : { ...headers, 'content-length': String(length) },
                agent: secure ? this.#https : this.#http,
                signal,
            }, (res) => {
                phase = 'body';
                onHeaders?.();
                const headers = responseHeaders(res);
                const status = res.statusCode ?? 502;
                const length = Number(res.headers['content-length']);
                const empty = method === 'HEAD' || status === 204 || status === 304 || length === 0;
                if (empty || (Number.isSafeInteger(length) && length <= smallBodyBytes)) {
                    // Read whole before answering (the socket's idle timeout still on): an empty body ends at once, and a
                    // small one (a manifest, a 404's error document, a token) comes with its headers. The socket is back
                    // in the pool by then (Node frees it a tick after 'end'), so the next request takes this connection;
                    // and a caller that drops the body (404 → cancel) no longer closes it, as cancelling a stream does.
                    const chunks = [];
                    let received = 0;
                    res.on('data', (chunk) => {
                        chunks.push(chunk);
                        received += chunk.length;
                    });
                    res.once('end', () => {
                        req.setTimeout(0);
                        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
                    });
                    // Cut off mid-answer (or aborted by a timeout, which `fail` reports instead): said as a body read by the
                    // caller is (Transport's withIdleTimeout).
                    res.once('close', () => {
                        if (!res.complete)
                            fail(new oci_errors/* OciError */.Mf('NETWORK', `${url.host} closed the connection while sending ${url.pathname} (after ${received} bytes)`));
                    });
                    return;
                }
                // From here the body's idle timeout is the reader's (Transport): a caller slow to read is not a stalled
                // registry, but an idle socket would say it is.
                req.setTimeout(0);
                resolve(new Response(external_node_stream_.Readable.toWeb(res), { status, headers }));
            });
            let phase = 'waiting';
            req.setTimeout(this.#idleMs, () => onIdle(phase));
            req.on('error', fail);
            if (body === undefined)
                req.end();
            else if (isUpload(body))
                writeBody(req, body).catch((err) => req.destroy(err));
            else
                req.end(body);
        });
    }
    /**
     * Opens `count` connections to `url`'s host now, for requests about to fan out: a step that will send six
     * requests at once after its token exchange opens them during the exchange instead of after it, when each
     * would add its handshake to the step's critical path. Idle spares close by themselves.
     */
    preconnect(url, count) {
        (url.protocol === 'https:' ? this.#https : this.#http).warm(url, count);
    }
    close() {
        this.#http.destroy();
        this.#https.destroy();
    }
}
/**
 * Connections opened ahead of need, kept aside by host and port until an agent needs a new one there. Only what
 * the agent would have opened itself (its own createConnection, with its options) is kept.
 */
class Spares {
    #sockets = new Map();
    fill(url, count, secure, connect) {
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const port = Number(url.port || (secure ? 443 : 80));
        const key = `${host}:${port}`;
        const sockets = (this.#sockets.get(key) ?? []).filter((s) => !s.destroyed);
        this.#sockets.set(key, sockets);
        for (let i = sockets.length; i < count; i++) {
            const socket = connect({ host, port, ...(secure && !(0,external_node_net_.isIP)(host) ? { servername: host } : {}) });
            // A spare is nobody's yet: failing to connect only means a connection not gained, and an unused spare must
            // not keep the process alive.
            socket.on('error', () => socket.destroy());
            socket.setTimeout(spareLifetimeMs, () => socket.destroy());
            socket.unref();
            sockets.push(socket);
        }
    }
    take(options) {
        const sockets = this.#sockets.get(`${options.host ?? ''}:${Number(options.port)}`);
        for (let socket = sockets?.shift(); socket; socket = sockets?.shift()) {
            if (socket.destroyed)
                continue;
            socket.removeAllListeners('error');
            socket.removeAllListeners('timeout');
            socket.setTimeout(0);
            socket.ref();
            return socket;
        }
        return undefined;
    }
    destroy() {
        for (const sockets of this.#sockets.values())
            for (const socket of sockets)
                socket.destroy();
        this.#sockets.clear();
    }
}
/** Agent options Node keeps on the instance (not in its typings), which its createConnection merges in. */
const agentOptions = (agent) => agent.options;
/**
 * A keep-alive agent (http or https) that can open connections ahead of need: `warm` connects sockets and keeps them
 * aside, and the agent hands one out, instead of connecting, when a request needs a new connection to that host.
 * Node's Agent calls `this.createConnection`, so the instance's own takes precedence over the prototype's.
 */
function warmable(agent, secure) {
    const spares = new Spares();
    const connect = agent.createConnection.bind(agent);
    const destroy = agent.destroy.bind(agent);
    agent.createConnection = (options, callback) => spares.take(options) ?? connect(options, callback);
    agent.destroy = () => {
        spares.destroy();
        destroy();
    };
    return Object.assign(agent, {
        warm: (url, count) => spares.fill(url, count, secure, (options) => connect({ ...agentOptions(agent), ...options })),
    });
}
function isUpload(body) {
    return typeof body === 'object' && !(body instanceof Uint8Array);
}
function byteLength(body) {
    return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}
function responseHeaders(res) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, item);
    }
    return headers;
}
async function writeBody(req, body) {
    const closed = new Promise((_, reject) => req.once('close', () => reject(new Error('the connection closed during the upload'))));
    closed.catch(() => undefined);
    if (!body.source.path) {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(body.source.open(body.start, body.end), req);
        return;
    }
    const file = await (0,external_node_fs_promises_.open)(body.source.path, 'r');
    try {
        const buffers = Array.from({ length: buffersInFlight }, () => Buffer.allocUnsafe(bufferSize));
        const written = [];
        for (let position = body.start, n = 0; position < body.end; n++) {
            const slot = n % buffersInFlight;
            // Reuse a buffer only after the socket has taken what it held.
            if (written[slot])
                await Promise.race([written[slot], closed]);
            const buffer = buffers[slot];
            const { bytesRead } = await file.read(buffer, 0, Math.min(bufferSize, body.end - position), position);
            if (bytesRead === 0)
                throw new Error(`${body.source.path} is shorter than the ${body.end - body.start} bytes being uploaded`);
            position += bytesRead;
            written[slot] = new Promise((resolve, reject) => req.write(buffer.subarray(0, bytesRead), (err) => (err ? reject(err) : resolve())));
            written[slot].catch(() => undefined);
        }
        await Promise.race([Promise.all(written), closed]);
    }
    finally {
        await file.close();
    }
    req.end();
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/http.ts




const defaultRetryPolicy = {
    attempts: 6,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 60_000,
    budgetMs: 90_000,
};
const defaultTimeouts = { responseMs: 30_000, idleMs: 30_000 };
const retryableStatus = new Set([408, 429, 500, 502, 503, 504]);
const retryableErrorCodes = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ECONNABORTED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
/** What a request's timer aborts it with; retried like a dropped connection. */
const timeoutHint = 'check the registry, or raise the timeout (--timeout / the timeout input)';
class TimeoutError extends oci_errors/* OciError */.Mf {
    /** The message without the hint, for when retries add how many attempts were made. */
    plain;
    constructor(url, what, ms) {
        const plain = `${url.host} ${what} for ${ms / 1000} s`;
        super('TIMEOUT', plain, { hint: timeoutHint });
        this.name = 'TimeoutError';
        this.plain = plain;
    }
}
const maxRedirects = 10;
const attemptsTaken = new WeakMap();
const budgetSpent = new WeakSet();
/** Whether the transport stopped retrying this response because its retry budget was spent. */
function retryBudgetSpent(response) {
    return budgetSpent.has(response);
}
/** How many attempts the transport made before settling on this response (1 when it was not retried). */
function attemptsOf(response) {
    return attemptsTaken.get(response) ?? 1;
}
/**
 * The innermost error code of a fetch failure (undici wraps socket errors in `TypeError: fetch failed`). Codes of
 * our own errors (a credential provider's, say) are not the network's: their causes are looked at instead.
 */
function networkErrorCode(err) {
    let current = err;
    for (let depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string' && !(current instanceof errors/* BaseError */.Cf))
            return code;
        current = current.cause;
    }
    return undefined;
}
function describeNetworkError(err, url) {
    const code = networkErrorCode(err);
    if (code === 'ENOTFOUND')
        return `cannot resolve registry host ${url.host}: check the registry name`;
    if (code === 'ECONNREFUSED')
        return `connection to ${url.host} refused: is the registry running and the port right?`;
    const cause = err.cause?.message ?? err.message;
    return `request to ${url.host} failed: ${code ? `${code} ` : ''}${cause}`;
}
/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\s*[0-9]+\s*$/.test(value))
        return Number(value) * 1000;
    // Only an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) is a date; `1.5` is neither form.
    if (!/[a-z]/i.test(value))
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * HTTP over one keep-alive pool (connections.ts) with what registries need: bounded retries with exponential
 * backoff and jitter on 429/5xx and dropped connections (honouring `Retry-After`), and redirects followed by hand
 * so `Authorization` never leaves the host it was meant for.
 */
class Transport {
    policy;
    timeouts;
    #options;
    #connections;
    /** Retry time spent so far, against `policy.budgetMs`. */
    #spentMs = 0;
    constructor(options = {}) {
        this.#options = options;
        this.policy = { ...defaultRetryPolicy, ...options.retry };
        this.timeouts = { ...defaultTimeouts, ...options.timeouts };
        this.#connections = new Connections(this.timeouts.idleMs);
    }
    /** Opens `count` connections to `url`'s host ahead of requests about to fan out (Connections.preconnect). */
    preconnect(url, count) {
        this.#connections.preconnect(new URL(url), count);
    }
    /** How long to wait before retry `attempt` (1-based): `Retry-After` when given, else exponential with jitter. */
    delayFor(attempt, retryAfterMs) {
        const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
        return retryAfterMs ?? exponential * (0.5 + Math.random() * 0.5);
    }
    /**
     * Waits `delayMs` if the shared retry budget allows it; false when it would overspend, and the caller gives up.
     * Used by this transport and by operations that retry a whole exchange (blob uploads).
     */
    async backoff(delayMs) {
        if (this.#spentMs + delayMs > this.policy.budgetMs)
            return false;
        this.#spentMs += delayMs;
        await (0,promises_.setTimeout)(delayMs, undefined, { signal: this.#options.signal });
        return true;
    }
    async send(request) {
        let url = new URL(request.url);
        let method = request.method.toUpperCase();
        let headers = { ...request.headers };
        if (this.#options.userAgent && !headers['user-agent'])
            headers['user-agent'] = this.#options.userAgent;
        let body = request.body;
        let upload = request.upload;
        for (let hop = 0;; hop++) {
            const response = await this.#sendWithRetry(method, url, headers, body, upload, request.retry !== false);
            if (!redirectStatus.has(response.status))
                return response;
            const location = response.headers.get('location');
            if (!location)
                return response;
            await response.body?.cancel();
            if (hop >= maxRedirects)
                throw new oci_errors/* OciError */.Mf('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects from ${String(request.url)}`);
            const next = new URL(location, url);
            if (next.protocol === 'http:' && url.protocol === 'https:' && !this.#options.allowHttp) {
                throw new oci_errors/* OciError */.Mf('INSECURE_REDIRECT', `registry redirected ${url.host} to plain-HTTP ${next.host}; refusing (set insecure to allow)`);
            }
            if (next.host !== url.host || next.protocol !== url.protocol) {
                // Never forward credentials to another host (distribution-spec: MUST NOT forward Authorization).
                const { authorization: _dropped, ...rest } = headers;
                headers = rest;
            }
            if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
                upload = undefined;
                const { 'content-length': _l, 'content-type': _t, ...rest } = headers;
                headers = rest;
            }
            url = next;
        }
    }
    async #sendWithRetry(method, url, headers, body, upload, retry) {
        const attempts = retry ? this.policy.attempts : 1;
        for (let attempt = 1;; attempt++) {
            let response;
            const started = Date.now();
            const timer = new AbortController();
            const signal = this.#options.signal ? AbortSignal.any([timer.signal, this.#options.signal]) : timer.signal;
            try {
                // Until the answer's headers arrive; not for uploads, whose sending may rightly take longer (a stall is
                // caught by the idle timeout).
                const waiting = upload
                    ? undefined
                    : setTimeout(() => timer.abort(new TimeoutError(url, `sent no response to ${method} ${url.pathname}`, this.timeouts.responseMs)), this.timeouts.responseMs);
                try {
                    const stalled = (phase) => phase === 'body'
                        ? 'stalled while sending a response body'
                        : upload
                            ? 'stalled during the upload'
                            : `sent no response to ${method} ${url.pathname}`;
                    response = await this.#connections.send(method, url, headers, upload ?? body?.(), signal, (phase) => timer.abort(new TimeoutError(url, stalled(phase), this.timeouts.idleMs)), () => clearTimeout(waiting));
                }
                finally {
                    clearTimeout(waiting);
                }
                response = withIdleTimeout(response, url, timer, () => new TimeoutError(url, 'stalled while sending a response body', this.timeouts.idleMs), this.timeouts.idleMs);
            }
            catch (err) {
                const timedOut = timer.signal.aborted && timer.signal.reason instanceof TimeoutError ? timer.signal.reason : undefined;
                // Cut off while a small answer was read whole: said and handled as when the caller reads a body (not retried).
                if (!timedOut && err instanceof oci_errors/* OciError */.Mf) {
                    this.#options.onRequest?.({ method, url: url.href, attempt, error: err.code });
                    throw err;
                }
                const code = timedOut ? 'TIMEOUT' : networkErrorCode(err);
                this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
                if (this.#options.signal?.aborted)
                    throw err;
                const message = timedOut ? timedOut.plain : describeNetworkError(err, url);
                const fail = (why) => new oci_errors/* OciError */.Mf(timedOut ? 'TIMEOUT' : 'NETWORK', `${message}${why}`, { cause: err, ...(timedOut ? { hint: timeoutHint } : {}) });
                if (attempt >= attempts || !code || (!timedOut && !retryableErrorCodes.has(code)))
                    throw fail(attempt > 1 ? ` (after ${attempt} attempts)` : '');
                if (timedOut)
                    this.#spentMs += Date.now() - started;
                if (!(await this.backoff(this.delayFor(attempt))))
                    throw fail(` (after ${attempt} attempts; gave up: the retry budget of ${this.policy.budgetMs / 1000} s is spent)`);
                continue;
            }
            this.#options.onRequest?.({ method, url: url.href, attempt, status: response.status });
            attemptsTaken.set(response, attempt);
            if (!retryableStatus.has(response.status) || attempt >= attempts)
                return response;
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
            if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) {
                budgetSpent.add(response);
                return response;
            }
            const delay = this.delayFor(attempt, retryAfter);
            // Out of budget: the registry's own answer is the error to report (responseError says how many attempts).
            if (this.#spentMs + delay > this.policy.budgetMs) {
                budgetSpent.add(response);
                return response;
            }
            await response.body?.cancel();
            await this.backoff(delay);
        }
    }
}
/**
 * The response with a guarded body: aborted (through `controller`) when the network delivers nothing for `idleMs`
 * while the reader waits, and a connection dropped mid-body reported as one line naming the host and how far it
 * got (undici says only "terminated").
 */
function withIdleTimeout(response, url, controller, error, idleMs) {
    if (!response.body)
        return response;
    const reader = response.body.getReader();
    let timer;
    let received = 0;
    const body = new ReadableStream({
        async pull(sink) {
            // Only while waiting on the network: a slow reader is not a stalled registry.
            timer = setTimeout(() => controller.abort(error()), idleMs);
            timer.unref();
            try {
                const next = await reader.read();
                clearTimeout(timer);
                if (next.done || !next.value)
                    sink.close();
                else {
                    received += next.value.byteLength;
                    sink.enqueue(next.value);
                }
            }
            catch (err) {
                clearTimeout(timer);
                const reason = controller.signal.reason;
                sink.error(controller.signal.aborted && reason instanceof Error
                    ? reason
                    : new oci_errors/* OciError */.Mf('NETWORK', `${url.host} closed the connection while sending ${url.pathname} (after ${received} bytes)`, {
                        cause: err,
                    }));
            }
        },
        cancel(reason) {
            clearTimeout(timer);
            return reader.cancel(reason);
        },
    });
    const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    return wrapped;
}
/**
 * Transport options for a user's `--timeout` / `timeout` (seconds; `45`, `45s`, `2m`): the response and idle
 * timeouts, and a retry budget of three times that, so a dead or throttling registry fails in bounded time.
 */
function timeoutOptions(value) {
    const text = (value ?? '').trim();
    if (text === '')
        return {};
    const match = /^([0-9]+(?:\.[0-9]+)?)\s*(s|m)?$/i.exec(text);
    const seconds = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'm' ? 60 : 1) : Number.NaN;
    if (!(seconds >= 1 && seconds <= 3600))
        throw new oci_errors/* OciError */.Mf('TIMEOUT_INVALID', `"${text}" is not a timeout between 1 s and 60 m (seconds, e.g. 30, 45s or 2m)`);
    const ms = seconds * 1000;
    return { timeouts: { responseMs: ms, idleMs: ms }, retry: { budgetMs: 3 * ms } };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 5574:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3018);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

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
    const [{ getInputs }, { run }] = await Promise.all([__nccwpck_require__.e(/* import() */ 601).then(__nccwpck_require__.bind(__nccwpck_require__, 1601)), Promise.all(/* import() */[__nccwpck_require__.e(364), __nccwpck_require__.e(124), __nccwpck_require__.e(686)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7686))]);
    await run(getInputs());
}
async function post() {
    await (await __nccwpck_require__.e(/* import() */ 550).then(__nccwpck_require__.bind(__nccwpck_require__, 4550))).post();
}


/***/ }),

/***/ 3018:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9959);
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

/***/ 9959:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_InputError),
  tE: () => (/* reexport */ inputs_booleanInput),
  Hn: () => (/* reexport */ cell),
  h4: () => (/* reexport */ githubContext),
  Xu: () => (/* reexport */ fields_inputError),
  KF: () => (/* reexport */ jobCredentials),
  Bb: () => (/* reexport */ keyValueInput),
  dt: () => (/* reexport */ listInput),
  Kh: () => (/* reexport */ registryClients),
  P4: () => (/* reexport */ registryInputs),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_namespaceObject),
  Uj: () => (/* reexport */ inputs_stringInput),
  X5: () => (/* reexport */ workspacePath)
});

// UNUSED EXPORTS: cosignSigningInputs, defaultRevision, defaultSource, fluxManifestInputs, formatBytes, inputNames, integerInput, linesInput, oneLine, registrySession, repositoryInput, shortDigest, signingInputs, verificationInputs, verifyInputNames

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
function linesInput(name) {
    return getInput(name)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** `key=value` lines (the value may contain `=`). */
function keyValueInput(name) {
    const result = {};
    linesInput(name).forEach((line) => {
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

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var src_errors = __nccwpck_require__(5736);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ../../packages/core/src/oidc/errors.ts

/** The job's OIDC token could not be had. It is about the job's permissions or the runner, not one input. */
class IdentityTokenError extends src_errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message);
        this.name = 'IdentityTokenError';
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/oidc/github-actions.ts

/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
function github_actions_hasGitHubIdToken(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does, actions/toolkit packages/core/src/oidc-utils.ts). `onToken` sees each token first, so CI can
 * mask it.
 */
function github_actions_githubActionsIdentity(audience, options = {}) {
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
                response = await fetch(request, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } }).catch(() => undefined);
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
class CloudCredentialError extends src_errors/* BaseError */.Cf {
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
            : await github_actions_githubActionsIdentity(audience, { env: context.env }).getToken();
    }
    catch (err) {
        if (err instanceof IdentityTokenError)
            throw new CloudCredentialError(`${purpose} needs the job's OIDC token: ${err.message}`, { cause: err });
        throw err;
    }
    context.onSecret(token);
    return token;
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
            await (0,external_node_timers_promises_namespaceObject.setTimeout)(250 * attempt);
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
/**
 * `provider: aws`. Credentials, in order: assume `roleArn` with the job's OIDC token (STS
 * AssumeRoleWithWebIdentity), else AWS credentials already in the environment (AWS_ACCESS_KEY_ID, e.g. from
 * aws-actions/configure-aws-credentials, or AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN). Then ECR's
 * GetAuthorizationToken (in the registry's region; ECR Public's in us-east-1) gives `AWS:<password>`. The AWS SDK is
 * loaded only here, on first use.
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
        const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3 });
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
        if (options.roleArn) {
            const token = await oidcToken(context, options.audience ?? 'sts.amazonaws.com', `provider aws (to assume ${options.roleArn})`);
            return assumeRole(options.roleArn, token, stsRegion);
        }
        if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
            context.onSecret(env.AWS_SECRET_ACCESS_KEY);
            if (env.AWS_SESSION_TOKEN)
                context.onSecret(env.AWS_SESSION_TOKEN);
            const expiration = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
            const expiresAt = expiration && !Number.isNaN(expiration.getTime()) ? expiration.getTime() : Number.POSITIVE_INFINITY;
            return {
                value: {
                    accessKeyId: env.AWS_ACCESS_KEY_ID,
                    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                    sessionToken: env.AWS_SESSION_TOKEN || undefined,
                },
                expiresAt,
            };
        }
        if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
            const token = (await (0,promises_.readFile)(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8').catch((err) => {
                throw new CloudCredentialError(`provider aws cannot read AWS_WEB_IDENTITY_TOKEN_FILE ${env.AWS_WEB_IDENTITY_TOKEN_FILE}: ${err.message}`);
            })).trim();
            context.onSecret(token);
            return assumeRole(env.AWS_ROLE_ARN, token, stsRegion);
        }
        throw new CloudCredentialError("provider aws has no AWS credentials: give the IAM role to assume with the job's OIDC token (needs `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step");
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
                const client = new ECRPUBLICClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecrPublic'), maxAttempts: 3 });
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
                const client = new ECRClient({ region: ecr.region, credentials: awsKeys, endpoint: endpoint('ecr'), maxAttempts: 3 });
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
    const entraToken = (registry, clientId, tenantId) => {
        const cloud = azureCloud(registry);
        const authority = (options.authorityHost || env.AZURE_AUTHORITY_HOST || cloud.authorityHost).replace(/\/+$/, '');
        const scope = options.scope || cloud.scope;
        return entraTokens.get(`${authority}|${tenantId}|${clientId}|${scope}`, async () => {
            const assertion = await oidcToken(context, options.audience || 'api://AzureADTokenExchange', 'provider azure');
            const form = new URLSearchParams({
                client_id: clientId,
                grant_type: 'client_credentials',
                client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
                client_assertion: assertion,
                scope,
            });
            const answer = await postForToken(`Microsoft Entra ID token request for client ${clientId} in tenant ${tenantId}`, `${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status, error) => /AADSTS70021|AADSTS700213|AADSTS700211|AADSTS700212/.test(error)
                ? "add a federated credential to the app for issuer https://token.actions.githubusercontent.com and this job's subject (repo:<owner>/<repo>:…)"
                : status === 400 || status === 401
                    ? 'check the client and tenant IDs and the federated credential'
                    : undefined);
            const token = typeof answer.access_token === 'string' ? answer.access_token : '';
            if (!token)
                throw new CloudCredentialError(`Microsoft Entra ID token request for client ${clientId} returned no access_token`);
            context.onSecret(token);
            return {
                value: token,
                expiresAt: Date.now() + (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600) * 1000,
            };
        });
    };
    const refreshToken = async (registry) => {
        const clientId = options.clientId || env.AZURE_CLIENT_ID;
        const tenantId = options.tenantId || env.AZURE_TENANT_ID;
        if (!clientId || !tenantId) {
            throw new CloudCredentialError(`provider azure needs the client ID and tenant ID of the identity with the federated credential (AZURE_CLIENT_ID and AZURE_TENANT_ID); missing ${[clientId ? '' : 'client ID', tenantId ? '' : 'tenant ID'].filter(Boolean).join(' and ')}`);
        }
        const accessToken = await entraToken(registry, clientId, tenantId);
        const base = (context.endpoints[registry] || `https://${registry}`).replace(/\/+$/, '');
        const form = new URLSearchParams({ grant_type: 'access_token', service: registry, tenant: tenantId, access_token: accessToken });
        const answer = await postForToken(`ACR token exchange at ${registry}`, `${base}/oauth2/exchange`, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => (status === 401 || status === 403 ? `give the identity (client ${clientId}) the AcrPush role on ${registry}` : undefined));
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
        serves: isAzureRegistry,
        credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
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
class CredentialHelperError extends src_errors/* BaseError */.Cf {
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
            const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8').catch(() => undefined);
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
/**
 * `provider: gcp` through Workload Identity Federation, as google-github-actions/auth does: the job's OIDC token is
 * exchanged at Google's STS for a federated access token, which is used directly or, with `serviceAccount`, to
 * impersonate that service account (IAM Credentials generateAccessToken). The registry user is `oauth2accesstoken`.
 */
function gcpProvider(context) {
    const options = context.options.gcp ?? {};
    const tokens = new ExpiringCache();
    const stsUrl = options.stsUrl || context.env.D2CI_GCP_STS_URL || defaultGcpStsUrl;
    const iamUrl = (options.iamCredentialsUrl || context.env.D2CI_GCP_IAMCREDENTIALS_URL || defaultGcpIamCredentialsUrl).replace(/\/+$/, '');
    const fetchToken = async () => {
        const provider = workloadIdentityProviderName(options.workloadIdentityProvider ?? '');
        if (!provider) {
            throw new CloudCredentialError('provider gcp needs the workload identity provider (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)');
        }
        if (!providerPattern.test(provider)) {
            throw new CloudCredentialError(`provider gcp: "${options.workloadIdentityProvider}" is not a workload identity provider name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)`);
        }
        const subjectToken = await oidcToken(context, options.audience || `https://iam.googleapis.com/${provider}`, 'provider gcp');
        const form = new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            audience: `//iam.googleapis.com/${provider}`,
            scope: cloudPlatform,
            requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
            subject_token: subjectToken,
        });
        const federated = await postForToken(`Google STS token exchange for ${provider}`, stsUrl, { body: form.toString(), contentType: 'application/x-www-form-urlencoded' }, (status) => status === 400 || status === 401 || status === 403
            ? "check the provider's issuer (https://token.actions.githubusercontent.com), allowed audiences and attribute condition against this job's token"
            : undefined);
        const federatedToken = typeof federated.access_token === 'string' ? federated.access_token : '';
        if (!federatedToken)
            throw new CloudCredentialError(`Google STS token exchange for ${provider} returned no access_token`);
        context.onSecret(federatedToken);
        const federatedExpiry = Date.now() + (typeof federated.expires_in === 'number' ? federated.expires_in : 3600) * 1000;
        if (!options.serviceAccount)
            return { value: { username: 'oauth2accesstoken', password: federatedToken }, expiresAt: federatedExpiry };
        const account = options.serviceAccount.trim();
        const impersonated = await postForToken(`Google IAM Credentials generateAccessToken for ${account}`, `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`, {
            body: JSON.stringify({ scope: [cloudPlatform], lifetime: `${options.lifetimeSeconds ?? 3600}s` }),
            contentType: 'application/json',
            authorization: `Bearer ${federatedToken}`,
        }, (status) => status === 403 || status === 401
            ? `grant the workload identity principal roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
            : undefined);
        const accessToken = typeof impersonated.accessToken === 'string' ? impersonated.accessToken : '';
        if (!accessToken)
            throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
        context.onSecret(accessToken);
        const expireTime = typeof impersonated.expireTime === 'string' ? Date.parse(impersonated.expireTime) : Number.NaN;
        return {
            value: { username: 'oauth2accesstoken', password: accessToken },
            expiresAt: Number.isNaN(expireTime) ? federatedExpiry : expireTime,
        };
    };
    return {
        name: 'gcp',
        hosts: gcpHosts,
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
class resolve_ProviderError extends src_errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message, { field: 'provider' });
    }
}
const unavailable = (provider) => new resolve_ProviderError('PROVIDER_UNAVAILABLE', `provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
function parseProvider(value) {
    const name = (value || 'generic').trim().toLowerCase();
    if (!providerNames.includes(name)) {
        throw new resolve_ProviderError('PROVIDER_UNKNOWN', `unknown provider "${value}": use one of ${providerNames.join(', ')}`);
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
        throw new resolve_ProviderError('PROVIDER_MISMATCH', `provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`);
}
function cloudContext(options) {
    return {
        options: options.cloud ?? {},
        env: options.env ?? process.env,
        onSecret: options.onSecret ?? (() => undefined),
        endpoints: options.endpoints ?? {},
    };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ../../packages/core/src/oci/upload-body.ts





const bufferSize = 256 << 10;
const buffersInFlight = 4;
/**
 * Sends a request whose body is blob content, over node:http(s) rather than fetch. fetch copies every chunk of a
 * streamed body (and holds on to more), which let a 256 MiB upload peak at ~365 MiB RSS; here a file is read
 * into four reused 256 KiB buffers, each refilled only once the socket has taken it, so memory stays flat.
 * The answer comes back as a fetch Response, so callers handle both paths alike.
 */
class UploadSender {
    #http = new external_node_http_.Agent({ keepAlive: true });
    #https = new external_node_https_.Agent({ keepAlive: true });
    #idleMs;
    /** `idleMs`: the longest the socket may sit idle (connecting, sending, awaiting or reading the answer). */
    constructor(idleMs = 30_000) {
        this.#idleMs = idleMs;
    }
    /** `onIdle` is called when the socket stalls for `idleMs`; it aborts `signal`, which ends the request. */
    send(method, url, headers, body, signal, onIdle) {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, {
                method,
                headers: { ...headers, 'content-length': String(body.end - body.start) },
                agent: secure ? this.#https : this.#http,
                signal,
            }, (res) => {
                resolve(toResponse(method, res));
            });
            req.setTimeout(this.#idleMs, onIdle);
            req.on('error', (err) => reject(signal?.aborted ? signal.reason : err));
            writeBody(req, body).catch((err) => req.destroy(err));
        });
    }
    close() {
        this.#http.destroy();
        this.#https.destroy();
    }
}
function toResponse(method, res) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, item);
    }
    const status = res.statusCode ?? 502;
    const empty = method === 'HEAD' || status === 204 || status === 304;
    if (empty)
        res.resume();
    return new Response(empty ? null : external_node_stream_.Readable.toWeb(res), { status, headers });
}
async function writeBody(req, body) {
    const closed = new Promise((_, reject) => req.once('close', () => reject(new Error('the connection closed during the upload'))));
    closed.catch(() => undefined);
    if (!body.source.path) {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(body.source.open(body.start, body.end), req);
        return;
    }
    const file = await (0,promises_.open)(body.source.path, 'r');
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
class TimeoutError extends errors/* OciError */.Mf {
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
        if (typeof code === 'string' && !(current instanceof src_errors/* BaseError */.Cf))
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
 * HTTP over Node's fetch with what registries need and fetch does not do: bounded retries with exponential
 * backoff and jitter on 429/5xx and dropped connections (honouring `Retry-After`), and redirects followed by hand
 * so `Authorization` never leaves the host it was meant for.
 */
class Transport {
    policy;
    timeouts;
    #options;
    #uploads;
    /** Retry time spent so far, against `policy.budgetMs`. */
    #spentMs = 0;
    constructor(options = {}) {
        this.#options = options;
        this.policy = { ...defaultRetryPolicy, ...options.retry };
        this.timeouts = { ...defaultTimeouts, ...options.timeouts };
        this.#uploads = new UploadSender(this.timeouts.idleMs);
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
        await (0,external_node_timers_promises_namespaceObject.setTimeout)(delayMs, undefined, { signal: this.#options.signal });
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
                throw new errors/* OciError */.Mf('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects from ${String(request.url)}`);
            const next = new URL(location, url);
            if (next.protocol === 'http:' && url.protocol === 'https:' && !this.#options.allowHttp) {
                throw new errors/* OciError */.Mf('INSECURE_REDIRECT', `registry redirected ${url.host} to plain-HTTP ${next.host}; refusing (set insecure to allow)`);
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
                if (upload) {
                    response = await this.#uploads.send(method, url, headers, upload, signal, () => timer.abort(new TimeoutError(url, 'stalled during the upload', this.timeouts.idleMs)));
                }
                else {
                    const init = { method, headers, redirect: 'manual', signal };
                    if (body) {
                        init.body = body();
                        init.duplex = 'half';
                    }
                    const waiting = setTimeout(() => timer.abort(new TimeoutError(url, `sent no response to ${method} ${url.pathname}`, this.timeouts.responseMs)), this.timeouts.responseMs);
                    try {
                        response = await fetch(url, init);
                    }
                    finally {
                        clearTimeout(waiting);
                    }
                    response = withIdleTimeout(response, timer, () => new TimeoutError(url, 'stalled while sending a response body', this.timeouts.idleMs), this.timeouts.idleMs);
                }
            }
            catch (err) {
                const timedOut = timer.signal.aborted && timer.signal.reason instanceof TimeoutError ? timer.signal.reason : undefined;
                const code = timedOut ? 'TIMEOUT' : networkErrorCode(err);
                this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
                if (this.#options.signal?.aborted)
                    throw err;
                const message = timedOut ? timedOut.plain : describeNetworkError(err, url);
                const fail = (why) => new errors/* OciError */.Mf(timedOut ? 'TIMEOUT' : 'NETWORK', `${message}${why}`, { cause: err, ...(timedOut ? { hint: timeoutHint } : {}) });
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
function withIdleTimeout(response, controller, error, idleMs) {
    if (!response.body)
        return response;
    const reader = response.body.getReader();
    const url = new URL(response.url || 'http://unknown/');
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
                    : new errors/* OciError */.Mf('NETWORK', `${url.host} closed the connection while sending ${url.pathname} (after ${received} bytes)`, {
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
    Object.defineProperty(wrapped, 'url', { value: response.url });
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
        throw new errors/* OciError */.Mf('TIMEOUT_INVALID', `"${text}" is not a timeout between 1 s and 60 m (seconds, e.g. 30, 45s or 2m)`);
    const ms = seconds * 1000;
    return { timeouts: { responseMs: ms, idleMs: ms }, retry: { budgetMs: 3 * ms } };
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/challenge.ts
const isSpace = (c) => c === ' ' || c === '\t';
/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): several challenges per header, quoted strings with
 * escapes and commas, e.g. `Bearer realm="https://r/token",service="r",scope="repository:a:pull repository:b:pull,push"`.
 */
function parseChallenges(header) {
    const challenges = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (isSpace(header[i]))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < n && !isSpace(header[i]) && header[i] !== ',' && header[i] !== '=')
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        while (i < n && (isSpace(header[i]) || header[i] === ','))
            i++;
        const scheme = readToken();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        for (;;) {
            skipSpace();
            const mark = i;
            const name = readToken();
            skipSpace();
            if (!name || header[i] !== '=') {
                // Not a parameter: the next challenge's scheme (or a token68); the outer loop reads it.
                i = mark;
                break;
            }
            i++; // '='
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                const start = i;
                while (i < n && header[i] !== ',' && !isSpace(header[i]))
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',')
                i++;
        }
        challenges.push(challenge);
    }
    return challenges;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/auth.ts


/** A token scope such as `repository:acme/app:pull,push`. */
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/** Merges scopes per resource, uniting their actions, so one token covers a mount's two repositories. */
function mergeScopes(...lists) {
    const byResource = new Map();
    for (const scope of lists.flat()) {
        const cut = scope.lastIndexOf(':');
        if (cut <= 0)
            continue;
        const resource = scope.slice(0, cut);
        const actions = byResource.get(resource) ?? new Set();
        for (const action of scope.slice(cut + 1).split(','))
            if (action)
                actions.add(action);
        byResource.set(resource, actions);
    }
    return [...byResource].map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`).sort();
}
const tokenExpiryMarginMs = 10_000;
const defaultTokenLifetimeS = 60;
/**
 * Answers registry auth challenges and caches what it learns: which scheme each host wants, and bearer tokens
 * per (host, service, scope set) until they expire. One session can serve many repositories and registries,
 * so concurrent pushes share tokens and credentials are looked up once per host.
 */
class AuthSession {
    #transport;
    #options;
    #schemes = new Map();
    #tokens = new Map();
    #inflight = new Map();
    #credentials = new Map();
    constructor(transport, options = {}) {
        this.#transport = transport;
        this.#options = options;
    }
    /** Credentials for a host, looked up once; every secret in them is reported to `onSecret`. */
    credentialFor(registry) {
        let pending = this.#credentials.get(registry);
        if (!pending) {
            pending = (this.#options.credentials?.(registry) ?? Promise.resolve(undefined)).then((credential) => {
                for (const secret of [credential?.password, credential?.identityToken, credential?.registryToken]) {
                    if (secret)
                        this.#options.onSecret?.(secret);
                }
                return credential;
            });
            this.#credentials.set(registry, pending);
        }
        return pending;
    }
    /** The Authorization header to send up front, when the host's scheme is already known; else undefined. */
    async authorization(registry, scopes) {
        const credential = await this.credentialFor(registry);
        if (credential?.registryToken)
            return `Bearer ${credential.registryToken}`;
        const scheme = this.#schemes.get(registry);
        if (!scheme)
            return undefined;
        if (scheme.scheme === 'basic')
            return basicHeader(credential);
        return (await this.#token(registry, scheme, [...scopes], credential, false)).header;
    }
    /**
     * Handles a 401: learns the host's scheme from the challenge and returns the header to retry with, or
     * undefined when there is nothing better to send than what was just rejected.
     */
    async challenge(registry, wwwAuthenticate, scopes, rejected) {
        const challenges = parseChallenges(wwwAuthenticate ?? '');
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        const basic = challenges.find((c) => c.scheme === 'basic');
        const credential = await this.credentialFor(registry);
        if (bearer) {
            const realm = this.#checkRealm(registry, bearer.params.realm);
            const scheme = { scheme: 'bearer', realm, service: bearer.params.service };
            this.#schemes.set(registry, scheme);
            const wanted = mergeScopes([...scopes], challengeScopes(bearer));
            const token = await this.#token(registry, scheme, wanted, credential, rejected !== undefined);
            return token.header === rejected ? undefined : token.header;
        }
        if (basic) {
            this.#schemes.set(registry, { scheme: 'basic' });
            const header = basicHeader(credential);
            return header === rejected ? undefined : header;
        }
        return undefined;
    }
    /**
     * The realm a registry names for its tokens receives the credentials, so it must be a plain https URL (http only
     * when the registry itself is plain HTTP), with no userinfo. Docker Hub's realm is on another host
     * (auth.docker.io), so another host is allowed; another scheme or a downgrade is not.
     */
    #checkRealm(registry, realm) {
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new errors/* OciError */.Mf('INVALID_REALM', `${registry} names a token realm that is not a URL`, { status: 401 });
        }
        const secure = this.#options.secureRegistry?.(registry) ?? true;
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !secure)) {
            throw new errors/* OciError */.Mf('INSECURE_REALM', `${registry} asks for credentials at ${url.protocol}//${url.host}, not HTTPS; d2ci does not send credentials there`, { status: 401, hint: "check the registry's token auth configuration" });
        }
        if (url.username || url.password)
            throw new errors/* OciError */.Mf('INVALID_REALM', `${registry} names a token realm with embedded credentials`, { status: 401 });
        return url.href;
    }
    async #token(registry, scheme, scopes, credential, refresh) {
        const wanted = mergeScopes(scopes);
        const prefix = `${registry}|${scheme.realm}|${scheme.service ?? ''}|`;
        const key = prefix + wanted.join(' ');
        if (!refresh) {
            // Any live token whose scopes cover these will do: a pull,push token also serves the pulls that follow.
            for (const [cachedKey, cached] of this.#tokens) {
                if (cached.expiresAt > Date.now() && cachedKey.startsWith(prefix) && covers(cached.scopes, wanted))
                    return cached;
            }
        }
        let pending = this.#inflight.get(key);
        if (!pending) {
            pending = this.#fetchToken(registry, scheme, wanted, credential).finally(() => this.#inflight.delete(key));
            this.#inflight.set(key, pending);
        }
        const token = await pending;
        this.#tokens.set(key, token);
        return token;
    }
    async #fetchToken(registry, scheme, scopes, credential) {
        const realm = new URL(scheme.realm);
        let response;
        if (credential?.identityToken) {
            // OAuth2 refresh-token grant (docker/distribution token spec, "oauth.md"), as docker does for identity tokens.
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: credential.identityToken,
                client_id: this.#options.clientId ?? 'd2ci',
            });
            if (scheme.service)
                form.set('service', scheme.service);
            if (scopes.length)
                form.set('scope', scopes.join(' '));
            response = await this.#transport.send({
                method: 'POST',
                url: realm,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: () => form.toString(),
            });
        }
        else {
            if (scheme.service)
                realm.searchParams.set('service', scheme.service);
            for (const scope of scopes)
                realm.searchParams.append('scope', scope);
            const headers = {};
            const basic = basicHeader(credential);
            if (basic)
                headers.authorization = basic;
            response = await this.#transport.send({ method: 'GET', url: realm, headers });
        }
        if (!response.ok) {
            const detail = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
            const who = credential?.username || credential?.identityToken ? 'rejected the credentials' : 'refused anonymous access';
            throw new errors/* OciError */.Mf(response.status === 403 ? 'DENIED' : 'UNAUTHORIZED', `token server ${realm.host} for ${registry} ${who} (${response.status}${detail ? `: ${detail}` : ''})`, { status: response.status === 403 ? 403 : 401 });
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token || body.access_token;
        if (!token)
            throw new errors/* OciError */.Mf('UNAUTHORIZED', `token server ${realm.host} for ${registry} returned no token`, { status: 401 });
        this.#options.onSecret?.(token);
        const lifetime = (body.expires_in && body.expires_in > 0 ? body.expires_in : defaultTokenLifetimeS) * 1000;
        const issued = body.issued_at ? Date.parse(body.issued_at) : Number.NaN;
        const start = Number.isNaN(issued) ? Date.now() : Math.min(issued, Date.now());
        return { header: `Bearer ${token}`, expiresAt: start + lifetime - tokenExpiryMarginMs, scopes };
    }
}
/** Whether a token granted for `have` (merged scopes) also covers every action in `want`. */
function covers(have, want) {
    const granted = new Map(have.map((scope) => {
        const cut = scope.lastIndexOf(':');
        return [scope.slice(0, cut), new Set(scope.slice(cut + 1).split(','))];
    }));
    return want.every((scope) => {
        const cut = scope.lastIndexOf(':');
        const actions = granted.get(scope.slice(0, cut));
        return (actions !== undefined &&
            scope
                .slice(cut + 1)
                .split(',')
                .every((a) => actions.has(a) || actions.has('*')));
    });
}
function challengeScopes(challenge) {
    return (challenge.params.scope ?? '').split(' ').filter(Boolean);
}
function basicHeader(credential) {
    if (!credential?.username && !credential?.password)
        return undefined;
    return `Basic ${Buffer.from(`${credential.username ?? ''}:${credential.password ?? ''}`).toString('base64')}`;
}

// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(8936);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
;// CONCATENATED MODULE: ../../packages/core/src/oci/media-types.ts
const MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
    ociLayerTarGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
};
/** Manifest media types we can read, sent as the `Accept` list on every manifest GET/HEAD. */
const manifestMediaTypes = [
    MediaType.ociManifest,
    MediaType.ociIndex,
    MediaType.dockerManifest,
    MediaType.dockerManifestList,
];
function media_types_isManifestMediaType(mediaType) {
    return manifestMediaTypes.includes(mediaType);
}
function isIndexMediaType(mediaType) {
    return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
/** The OCI empty descriptor's content, `{}`. */
const emptyJson = Buffer.from('{}');

;// CONCATENATED MODULE: ../../packages/core/src/oci/descriptor.ts



function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** A descriptor for some bytes, with the sha256 digest computed. */
function descriptorFor(mediaType, data, extra = {}) {
    return { mediaType, digest: sha256(data), size: data.length, ...extra };
}
function assertDescriptor(value, where) {
    const d = value;
    if (typeof d !== 'object' ||
        d === null ||
        typeof d.mediaType !== 'string' ||
        typeof d.digest !== 'string' ||
        !Number.isSafeInteger(d.size) ||
        d.size < 0) {
        throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
    }
    (0,oci_digest/* parseDigest */.m)(d.digest);
}
/**
 * Parses manifest bytes and checks the parts we rely on. The media type comes from the body when present,
 * else from the transport (Content-Type); a mismatch between the two is rejected, as the distribution spec asks.
 */
function descriptor_parseManifest(data, contentType) {
    let manifest;
    try {
        manifest = JSON.parse(Buffer.from(data).toString('utf8'));
    }
    catch {
        throw new errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
        throw new errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
    }
    const declared = manifest.mediaType;
    const transported = contentType?.split(';')[0]?.trim();
    if (declared && transported && media_types_isManifestMediaType(transported) && declared !== transported) {
        throw new errors/* OciError */.Mf('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
    }
    const mediaType = declared ?? (transported && media_types_isManifestMediaType(transported) ? transported : undefined);
    if (!mediaType || !media_types_isManifestMediaType(mediaType)) {
        throw new errors/* OciError */.Mf('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
    }
    if (isIndexMediaType(mediaType)) {
        const index = manifest;
        if (!Array.isArray(index.manifests))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', 'index has no manifests array');
        index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
    }
    else {
        const image = manifest;
        assertDescriptor(image.config, 'config');
        if (!Array.isArray(image.layers))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest has no layers array');
        image.layers.forEach((d, i) => assertDescriptor(d, `layers[${i}]`));
    }
    if (manifest.subject !== undefined)
        assertDescriptor(manifest.subject, 'subject');
    return { manifest, mediaType };
}
/** The nodes a manifest points down to: an index's manifests, an image's config and layers (not its subject). */
function successors(manifest) {
    return isIndex(manifest) ? [...manifest.manifests] : [manifest.config, ...manifest.layers];
}
/** The artifact type shown for a manifest in referrers listings (image-spec: artifactType, else config media type). */
function artifactTypeOf(manifest) {
    if (manifest.artifactType)
        return manifest.artifactType;
    return isIndex(manifest) ? undefined : manifest.config.mediaType;
}
/**
 * A copy of a descriptor with only the standard fields, in go-containerregistry's field order (what Flux and
 * cosign write), so manifests we build serialise to the same bytes as theirs.
 */
function plainDescriptor(d) {
    const out = { mediaType: d.mediaType, size: d.size, digest: d.digest };
    if (d.data !== undefined)
        out.data = d.data;
    if (d.urls !== undefined)
        out.urls = d.urls;
    if (d.annotations !== undefined)
        out.annotations = d.annotations;
    if (d.platform !== undefined)
        out.platform = d.platform;
    if (d.artifactType !== undefined)
        out.artifactType = d.artifactType;
    return out;
}
/** Sorts annotation keys, as Go's json.Marshal does for maps, so manifests are byte-stable. */
function sortedAnnotations(annotations) {
    const out = {};
    for (const key of Object.keys(annotations).sort())
        out[key] = annotations[key];
    return out;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/content.ts



const fileReadChunk = (/* unused pure expression or super */ null && (1 << 20));
function content_bytesSource(data) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return {
        size: buffer.length,
        open: (start = 0, end = buffer.length) => Readable.from([buffer.subarray(start, end)], { objectMode: false }),
    };
}
function fileSource(path, size) {
    return {
        size,
        path,
        open: (start = 0, end = size) => end <= start
            ? Readable.from([], { objectMode: false })
            : createReadStream(path, { start, end: end - 1, highWaterMark: fileReadChunk }),
    };
}
/** Reads a stream to the end; with `limit`, fails instead of buffering more than that many bytes. */
async function content_readAll(stream, limit = Number.POSITIVE_INFINITY) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > limit)
            throw new errors/* OciError */.Mf('SIZE_INVALID', `content is larger than the ${limit}-byte limit`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks, total);
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/memory.ts








/**
 * A target in memory. `stage()` adds trusted local content without reading it (a layer file we just built and
 * hashed), which is how an artifact is assembled before it is copied to its destination.
 */
class MemoryStore {
    name;
    #content = new Map();
    #tags = new Map();
    constructor(name = 'memory') {
        this.name = name;
    }
    /** Adds content whose digest the caller computed itself; it is not re-read or re-verified here. */
    stage(descriptor, source) {
        this.#content.set(descriptor.digest, { descriptor, source });
    }
    source(descriptor) {
        const entry = this.#content.get(descriptor.digest);
        if (!entry)
            throw missing(this.name, descriptor.digest);
        return entry.source;
    }
    async resolve(reference) {
        const tagged = this.#tags.get(reference);
        if (tagged)
            return tagged;
        const entry = this.#content.get(reference);
        if (entry && isManifestMediaType(entry.descriptor.mediaType))
            return entry.descriptor;
        throw missing(this.name, reference);
    }
    async fetchManifest(reference) {
        const descriptor = await this.resolve(reference);
        return { descriptor, bytes: await readAll(await this.fetch(descriptor)) };
    }
    async fetch(descriptor) {
        const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
        const stream = this.source(descriptor).open();
        stream.on('error', (err) => verifier.destroy(err));
        return stream.pipe(verifier);
    }
    async exists(descriptor) {
        return this.#content.has(descriptor.digest);
    }
    async push(descriptor, content) {
        const verifier = new DigestStream({ digest: descriptor.digest, size: descriptor.size });
        const stream = content.open();
        stream.on('error', (err) => verifier.destroy(err));
        const bytes = await readAll(stream.pipe(verifier));
        if (bytes.length !== descriptor.size)
            throw new OciError('SIZE_INVALID', `content for ${descriptor.digest} is ${bytes.length} bytes, expected ${descriptor.size}`);
        this.#content.set(descriptor.digest, {
            descriptor: { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size },
            source: bytesSource(bytes),
        });
    }
    async pushReference(descriptor, bytes, reference) {
        await this.push(descriptor, bytesSource(bytes));
        await this.tag(descriptor, reference);
    }
    async tag(descriptor, tag) {
        const entry = this.#content.get(descriptor.digest);
        if (!entry)
            throw missing(this.name, descriptor.digest);
        this.#tags.set(tag, entry.descriptor);
    }
    async tags() {
        return [...this.#tags.keys()].sort(compareBytes);
    }
    async referrers(descriptor, options = {}) {
        const found = [];
        for (const { descriptor: candidate } of this.#content.values()) {
            if (!isManifestMediaType(candidate.mediaType))
                continue;
            const { manifest } = parseManifest(await readAll(this.source(candidate).open()), candidate.mediaType);
            if (manifest.subject?.digest === descriptor.digest)
                found.push(referrerDescriptor(candidate, manifest));
        }
        return filterByArtifactType(found, options.artifactType);
    }
    async delete(descriptor) {
        if (!this.#content.delete(descriptor.digest))
            throw missing(this.name, descriptor.digest);
        for (const [tag, target] of this.#tags)
            if (target.digest === descriptor.digest)
                this.#tags.delete(tag);
    }
}
function missing(name, reference) {
    return new OciError('NOT_FOUND', `${reference} not found in ${name}`, { status: 404 });
}
/** A BlobSource reading from a target's verified fetch; reopening re-fetches and skips to the offset. */
function targetSource(target, descriptor) {
    return {
        size: descriptor.size,
        open(start = 0, end = descriptor.size) {
            const out = new external_node_stream_.PassThrough();
            void (async () => {
                let position = 0;
                for await (const chunk of await target.fetch(descriptor)) {
                    const buffer = chunk;
                    const from = Math.max(0, start - position);
                    const to = Math.min(buffer.length, end - position);
                    position += buffer.length;
                    if (to > from && !out.write(buffer.subarray(from, to)))
                        await new Promise((resolve) => out.once('drain', resolve));
                    if (position >= end && end < descriptor.size)
                        break;
                }
                out.end();
            })().catch((err) => out.destroy(err));
            return out;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/response-error.ts


// How a registry's error answer becomes one line (distribution-spec "Error Codes": `{"errors":[{code,message}]}`),
// apart from registry.ts and remote.ts so that neither imports the other at run time.
/** Reads an error response into a one-line OciError: `<what>: <status> <CODE>: <message>`. */
async function responseError(response, what) {
    let code = statusCode(response.status);
    let message = '';
    const text = await response.text().catch(() => '');
    try {
        const body = JSON.parse(text);
        const first = body.errors?.[0];
        if (first?.code)
            code = first.code;
        if (first?.message)
            message = first.message;
    }
    catch {
        message = text.trim().slice(0, 200);
    }
    const retryAfter = response.headers.get('retry-after');
    const attempts = attemptsOf(response);
    const suffix = `${response.status === 429 && retryAfter ? ` (registry asked to retry after ${retryAfter}s)` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}${retryBudgetSpent(response) ? '; gave up: waiting longer would exceed the retry budget (3 × --timeout / the timeout input)' : ''}`;
    const status = `${response.status} ${code}`;
    return new errors/* OciError */.Mf(code, `${what}: ${status}${message && message !== code ? `: ${message}` : ''}${suffix}`.replace(/\s+/g, ' '), {
        status: response.status,
    });
}
function statusCode(status) {
    switch (status) {
        case 401:
            return 'UNAUTHORIZED';
        case 403:
            return 'DENIED';
        case 404:
            return 'NOT_FOUND';
        case 429:
            return 'TOOMANYREQUESTS';
        default:
            return status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_STATUS';
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/referrers.ts



/**
 * The Referrers Tag Schema tag for a subject digest (distribution-spec §"Referrers Tag Schema"):
 * `<alg>-<hex>`, algorithm truncated to 32 characters and the encoded part to 64.
 */
function referrersTag(subjectDigest) {
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(subjectDigest);
    return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}
/** The descriptor a referrers listing shows for a manifest: its artifact type and annotations. */
function referrers_referrerDescriptor(descriptor, manifest) {
    const out = plainDescriptor({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size });
    const artifactType = artifactTypeOf(manifest);
    if (manifest.annotations && Object.keys(manifest.annotations).length)
        out.annotations = manifest.annotations;
    if (artifactType)
        out.artifactType = artifactType;
    return out;
}
function emptyReferrersIndex() {
    return { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
}
/**
 * Adds a referrer to a fallback index, kept sorted by digest as go-containerregistry (so cosign) writes it
 * (`remote/write.go` `commitSubjectReferrers`: "Sort the manifests for reproducibility"); returns false when it is
 * already listed.
 */
function addReferrer(index, referrer) {
    if (index.manifests.some((d) => d.digest === referrer.digest))
        return false;
    index.manifests.push(referrer);
    index.manifests.sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
    return true;
}
/** Removes a referrer from a fallback index; returns false when it was not listed. */
function removeReferrer(index, digest) {
    const before = index.manifests.length;
    index.manifests = index.manifests.filter((d) => d.digest !== digest);
    return index.manifests.length !== before;
}
function referrers_filterByArtifactType(referrers, artifactType) {
    return artifactType ? referrers.filter((d) => d.artifactType === artifactType) : referrers;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/remote.ts











const defaultMonolithicLimit = 128 * 1024 * 1024;
const defaultChunkSize = 32 * 1024 * 1024;
const maxManifestBytes = 8 * 1024 * 1024;
const manifestAccept = manifestMediaTypes.join(', ');
/** A repository on an OCI distribution registry, as a Target. */
class RemoteRepository {
    registry;
    repository;
    name;
    /** Whether this client reaches the registry over plain HTTP (`insecure`, a loopback host, or an http endpoint). */
    plainHttp;
    #client;
    #monolithicLimit;
    #chunkSize;
    constructor(client, registry, repository, upload = {}) {
        this.#client = client;
        this.registry = registry;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
        this.plainHttp = client.baseUrl(registry).startsWith('http:');
        this.#monolithicLimit = upload.monolithicLimit ?? defaultMonolithicLimit;
        this.#chunkSize = Math.max(1, upload.chunkSize ?? defaultChunkSize);
    }
    #url(path) {
        return `${this.#client.baseUrl(this.registry)}/v2/${this.repository}/${path}`;
    }
    #send(request, actions = ['pull'], extraScopes = []) {
        return this.#client.send(this.registry, { ...request, scopes: [...this.#client.scopes(this.repository, actions), ...extraScopes] });
    }
    async resolve(reference) {
        const response = await this.#send({ method: 'HEAD', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
        if (response.status === 404)
            throw notFound(this.name, reference);
        if (!response.ok)
            throw await responseError(response, `resolve ${this.name}:${reference}`);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
        const size = Number(response.headers.get('content-length'));
        if (!digest || !mediaType || !media_types_isManifestMediaType(mediaType) || !Number.isSafeInteger(size)) {
            // Older registries may omit the digest on HEAD; GET tells us everything.
            return (await this.fetchManifest(reference)).descriptor;
        }
        if (reference.includes(':') && digest !== reference) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} answered ${digest} for ${reference}`);
        }
        return { mediaType, digest, size };
    }
    async fetchManifest(reference) {
        const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${reference}`), headers: { accept: manifestAccept } });
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, reference);
        }
        if (!response.ok)
            throw await responseError(response, `fetch manifest ${this.name}:${reference}`);
        const bytes = await content_readAll(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const byDigest = reference.includes(':');
        const digest = byDigest ? reference : (0,oci_digest/* sha256 */.sc)(bytes);
        if (byDigest)
            (0,oci_digest/* verifyBytes */.RV)(bytes, { digest });
        const claimed = response.headers.get('docker-content-digest');
        if (!byDigest && claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name}:${reference} claims ${claimed} but its content hashes to ${digest}`);
        }
        const { mediaType } = descriptor_parseManifest(bytes, response.headers.get('content-type') ?? undefined);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
    }
    async fetch(descriptor) {
        const manifest = media_types_isManifestMediaType(descriptor.mediaType);
        const headers = manifest ? { accept: manifestAccept } : { 'accept-encoding': 'identity' };
        const response = await this.#send({
            method: 'GET',
            url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`),
            headers,
        });
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
        }
        if (!response.ok || !response.body)
            throw await responseError(response, `fetch ${descriptor.digest} from ${this.name}`);
        const verifier = new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size });
        const body = external_node_stream_.Readable.fromWeb(response.body);
        body.on('error', (err) => verifier.destroy(err));
        return body.pipe(verifier);
    }
    source(descriptor) {
        return targetSource(this, descriptor);
    }
    async exists(descriptor) {
        const kind = media_types_isManifestMediaType(descriptor.mediaType) ? 'manifests' : 'blobs';
        const headers = kind === 'manifests' ? { accept: manifestAccept } : {};
        const response = await this.#send({ method: 'HEAD', url: this.#url(`${kind}/${descriptor.digest}`), headers });
        if (response.status === 404)
            return false;
        if (response.ok)
            return true;
        throw await responseError(response, `check ${descriptor.digest} in ${this.name}`);
    }
    async push(descriptor, content) {
        if (media_types_isManifestMediaType(descriptor.mediaType)) {
            const bytes = await content_readAll(content.open(), maxManifestBytes);
            await this.pushReference(descriptor, bytes, descriptor.digest);
            return;
        }
        await this.#upload(descriptor, content, undefined);
    }
    async mount(descriptor, fromRepository, fallback) {
        return this.#upload(descriptor, fallback, fromRepository);
    }
    async pushReference(descriptor, bytes, reference) {
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        const response = await this.#send({ method: 'PUT', url: this.#url(`manifests/${reference}`), headers: { 'content-type': descriptor.mediaType }, body: () => bytes }, ['pull', 'push']);
        if (response.status !== 201 && response.status !== 200) {
            throw await responseError(response, `push manifest ${this.name}:${reference}`);
        }
        await response.body?.cancel();
        const stored = response.headers.get('docker-content-digest');
        if (stored?.startsWith('sha256:') && descriptor.digest.startsWith('sha256:') && stored !== descriptor.digest) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} stored ${reference} as ${stored}, expected ${descriptor.digest}`);
        }
        const { manifest } = descriptor_parseManifest(bytes, descriptor.mediaType);
        if (manifest.subject && !response.headers.get('oci-subject')) {
            // The registry has no referrers API: keep the Referrers Tag Schema index up to date instead.
            await this.#updateReferrersIndex(manifest.subject.digest, (index) => addReferrer(index, referrers_referrerDescriptor(descriptor, manifest)));
        }
    }
    async tag(descriptor, tag) {
        const { bytes } = await this.fetchManifest(descriptor.digest);
        await this.pushReference(descriptor, bytes, tag);
    }
    async tags() {
        const tags = [];
        const seen = new Set();
        let next = this.#url('tags/list?n=1000');
        while (next && !seen.has(next)) {
            seen.add(next);
            const response = await this.#send({ method: 'GET', url: next, headers: { accept: 'application/json' } });
            if (response.status === 404) {
                await response.body?.cancel();
                return [];
            }
            if (!response.ok)
                throw await responseError(response, `list tags of ${this.name}`);
            const body = await jsonBody(response, `the tag list of ${this.name}`);
            if (body.tags !== undefined && body.tags !== null && (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string')))
                throw new errors/* OciError */.Mf('INVALID_RESPONSE', `the tag list of ${this.name} is not a list of names`);
            tags.push(...(body.tags ?? []));
            next = nextLink(response.headers.get('link'), next);
        }
        return [...new Set(tags)].sort(order/* compareBytes */.X);
    }
    async referrers(descriptor, options = {}) {
        const query = options.artifactType ? `?artifactType=${encodeURIComponent(options.artifactType)}` : '';
        let next = this.#url(`referrers/${descriptor.digest}${query}`);
        const found = [];
        let filtered = true;
        const seen = new Set();
        while (next && !seen.has(next)) {
            seen.add(next);
            const response = await this.#send({ method: 'GET', url: next, headers: { accept: MediaType.ociIndex } });
            const type = response.headers.get('content-type')?.split(';')[0]?.trim();
            if (response.status === 401 || response.status === 403)
                throw await responseError(response, `list referrers of ${descriptor.digest}`);
            if (response.status !== 200 || type !== MediaType.ociIndex) {
                // No referrers API here (distribution 2.8 and GHCR answer 404): use the tag schema.
                await response.body?.cancel();
                return referrers_filterByArtifactType((await this.#readReferrersIndex(descriptor.digest))?.index.manifests ?? [], options.artifactType);
            }
            const index = await jsonBody(response, `the referrers of ${descriptor.digest} in ${this.name}`);
            found.push(...(index.manifests ?? []));
            filtered &&= (response.headers.get('oci-filters-applied') ?? '')
                .split(',')
                .map((s) => s.trim())
                .includes('artifactType');
            next = nextLink(response.headers.get('link'), next);
        }
        return filtered ? found : referrers_filterByArtifactType(found, options.artifactType);
    }
    async delete(descriptor) {
        const manifest = media_types_isManifestMediaType(descriptor.mediaType);
        let subject;
        if (manifest) {
            const fetched = await this.fetchManifest(descriptor.digest).catch((err) => {
                if ((0,errors/* isNotFound */.c4)(err))
                    return undefined;
                throw err;
            });
            if (fetched)
                subject = descriptor_parseManifest(fetched.bytes, fetched.descriptor.mediaType).manifest.subject?.digest;
        }
        const response = await this.#send({ method: 'DELETE', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`) }, [
            'pull',
            'push',
            'delete',
        ]);
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
        }
        if (!response.ok)
            throw await responseError(response, `delete ${descriptor.digest} from ${this.name}`);
        await response.body?.cancel();
        if (subject)
            await this.#updateReferrersIndex(subject, (index) => removeReferrer(index, descriptor.digest), { ifPresent: true });
    }
    async #readReferrersIndex(subject) {
        const tag = referrersTag(subject);
        const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${tag}`), headers: { accept: MediaType.ociIndex } });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        if (!response.ok)
            throw await responseError(response, `read referrers index ${this.name}:${tag}`);
        const bytes = await content_readAll(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const { manifest, mediaType } = descriptor_parseManifest(bytes, response.headers.get('content-type') ?? undefined);
        if (!isIndexMediaType(mediaType))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}:${tag} is not an image index, so it cannot hold referrers`);
        return { index: manifest, etag: response.headers.get('etag') };
    }
    async #updateReferrersIndex(subject, change, options = {}) {
        const current = await this.#readReferrersIndex(subject);
        if (!current && options.ifPresent)
            return;
        const index = current?.index ?? emptyReferrersIndex();
        if (!change(index))
            return;
        const bytes = Buffer.from(JSON.stringify(index));
        const headers = { 'content-type': MediaType.ociIndex };
        if (current?.etag)
            headers['if-match'] = current.etag;
        const tag = referrersTag(subject);
        const response = await this.#send({ method: 'PUT', url: this.#url(`manifests/${tag}`), headers, body: () => bytes }, ['pull', 'push']);
        if (response.status !== 201 && response.status !== 200)
            throw await responseError(response, `update referrers index ${this.name}:${tag}`);
        await response.body?.cancel();
    }
    /**
     * Uploads a blob: optional cross-repository mount, then one streamed PUT or PATCH chunks. A failed attempt
     * is retried from a fresh session (or resumed at the registry's offset, for chunks), after checking
     * whether the blob landed anyway.
     */
    async #upload(descriptor, content, mountFrom) {
        if (content.size !== descriptor.size) {
            throw new errors/* OciError */.Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${content.size} bytes, its descriptor says ${descriptor.size}`);
        }
        const policy = this.#client.transport.policy;
        const mountScope = mountFrom ? this.#client.scopes(mountFrom, ['pull']) : [];
        for (let attempt = 1;; attempt++) {
            try {
                const mountQuery = mountFrom ? `?mount=${encodeURIComponent(descriptor.digest)}&from=${encodeURIComponent(mountFrom)}` : '';
                const start = await this.#send({ method: 'POST', url: this.#url(`blobs/uploads/${mountQuery}`), headers: { 'content-length': '0' } }, ['pull', 'push'], mountScope);
                if (start.status === 201 && mountFrom) {
                    await start.body?.cancel();
                    return 'mounted';
                }
                if (start.status !== 202)
                    throw await responseError(start, `start upload of ${descriptor.digest} to ${this.name}`);
                await start.body?.cancel();
                let location = this.#location(start);
                if (descriptor.size > this.#monolithicLimit)
                    location = await this.#patchChunks(location, content);
                const put = await this.#send({
                    method: 'PUT',
                    url: withDigest(location, descriptor.digest),
                    headers: {
                        'content-type': 'application/octet-stream',
                        'content-length': String(descriptor.size > this.#monolithicLimit ? 0 : descriptor.size),
                    },
                    ...(descriptor.size > this.#monolithicLimit
                        ? { body: () => new Uint8Array() }
                        : { upload: { source: content, start: 0, end: descriptor.size } }),
                    retry: false,
                }, ['pull', 'push']);
                if (put.status !== 201 && put.status !== 204)
                    throw await responseError(put, `upload ${descriptor.digest} to ${this.name}`);
                await put.body?.cancel();
                return 'uploaded';
            }
            catch (err) {
                if (attempt >= policy.attempts || !isRetryableUploadError(err))
                    throw err;
                if (await this.exists(descriptor).catch(() => false))
                    return 'uploaded';
                // The transport's retry budget is shared: a registry that keeps failing stops the whole push within it.
                if (!(await this.#client.transport.backoff(this.#client.transport.delayFor(attempt))))
                    throw err;
            }
        }
    }
    /** Sends the content in PATCH chunks, resuming at the registry's reported offset after a failure. */
    async #patchChunks(location, content) {
        const policy = this.#client.transport.policy;
        let offset = 0;
        let failures = 0;
        while (offset < content.size) {
            const end = Math.min(offset + this.#chunkSize, content.size);
            const from = offset;
            try {
                const response = await this.#send({
                    method: 'PATCH',
                    url: location,
                    headers: {
                        'content-type': 'application/octet-stream',
                        'content-length': String(end - from),
                        'content-range': `${from}-${end - 1}`,
                    },
                    upload: { source: content, start: from, end },
                    retry: false,
                }, ['pull', 'push']);
                if (response.status !== 202)
                    throw await responseError(response, `upload chunk ${from}-${end - 1} to ${this.name}`);
                await response.body?.cancel();
                location = this.#location(response);
                offset = rangeEnd(response.headers.get('range'), end) ?? end;
            }
            catch (err) {
                if (++failures >= policy.attempts || !(isRetryableUploadError(err) || (err instanceof errors/* OciError */.Mf && err.status === 416)))
                    throw err;
                if (!(await this.#client.transport.backoff(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1)))))
                    throw err;
                // Ask the registry how much it has (distribution-spec "Get upload status": 204 + Range).
                const status = await this.#send({ method: 'GET', url: location }, ['pull', 'push']);
                if (status.status !== 204)
                    throw await responseError(status, `resume upload to ${this.name}`);
                await status.body?.cancel();
                location = this.#location(status, location);
                offset = rangeEnd(status.headers.get('range'), 0) ?? 0;
            }
        }
        return location;
    }
    #location(response, fallback) {
        const location = response.headers.get('location') ?? fallback;
        if (!location)
            throw new errors/* OciError */.Mf('BLOB_UPLOAD_INVALID', `${this.name} started an upload without a Location header`);
        return new URL(location, this.#client.baseUrl(this.registry)).href;
    }
}
function notFound(name, reference, code = 'MANIFEST_UNKNOWN') {
    const what = reference.includes(':') ? reference : `tag "${reference}"`;
    return new errors/* OciError */.Mf(code, `${what} not found in ${name}`, { status: 404 });
}
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
/**
 * The byte after the last one a `Range: 0-<end>` header reports as received. Registries answer `0-0` both for an
 * empty session and for one holding a single byte (distribution clamps `size-1` at 0); the caller says which
 * reading to take.
 */
function rangeEnd(range, whenZeroZero) {
    const match = /^(?:bytes=)?0-([0-9]+)$/.exec(range?.trim() ?? '');
    if (!match)
        return undefined;
    return match[1] === '0' ? whenZeroZero : Number(match[1]) + 1;
}
function isRetryableUploadError(err) {
    if (!(err instanceof errors/* OciError */.Mf))
        return networkErrorCode(err) !== undefined;
    if (err.code === 'NETWORK')
        return networkErrorCode(err.cause) !== 'ENOTFOUND';
    return (err.status === 429 ||
        (err.status !== undefined && err.status >= 500) ||
        ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID'].includes(err.code));
}
/** A JSON response body, or one line saying what came instead (a login page, a proxy's error). */
async function jsonBody(response, what) {
    const text = await response.text();
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* OciError */.Mf('INVALID_RESPONSE', `${what} is not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${JSON.stringify(text.slice(0, 60))}`);
    }
}
/** The `rel="next"` target of a `Link` header, resolved against the current URL. */
function nextLink(header, current) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
        const rel = /\brel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match?.[2] ?? '');
        const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
        if (match && relations.includes('next'))
            return new URL(match[1] ?? '', current).href;
    }
    return undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/registry.ts





/**
 * One client for every registry: a shared transport (connection reuse, retries) and a shared auth session
 * (token cache), so many repositories pushed concurrently authenticate once per host and scope.
 */
class RegistryClient {
    transport;
    auth;
    options;
    constructor(options = {}) {
        this.options = options;
        this.transport = new Transport({ userAgent: 'd2ci', allowHttp: options.insecure === true, ...options.transport });
        this.auth = new AuthSession(this.transport, {
            credentials: options.credentials,
            onSecret: options.onSecret,
            secureRegistry: (registry) => this.baseUrl(registry).startsWith('https:'),
        });
    }
    repository(reference) {
        return new RemoteRepository(this, reference.registry, reference.repository, this.options.upload);
    }
    /** `scheme://host` of a registry's API endpoint. */
    baseUrl(registry) {
        const mapped = this.options.endpoints?.[registry];
        if (mapped)
            return mapped.replace(/\/+$/, '');
        const insecure = this.options.insecure;
        const plain = insecure === true || (Array.isArray(insecure) && insecure.includes(registry)) || (0,reference/* isLoopbackHost */.cW)(registry);
        return `${plain ? 'http' : 'https'}://${(0,reference/* registryEndpoint */.Fh)(registry)}`;
    }
    scopes(repository, actions) {
        return [repositoryScope(repository, actions)];
    }
    /** Sends a request with whatever authorization the host wants, answering one 401 challenge if needed. */
    async send(registry, request) {
        // URLs a registry hands back (upload Location, Link rel=next) may only lead to the registry's own origin: the
        // request carries its credentials and, for uploads, the content.
        const origin = new URL(this.baseUrl(registry)).origin;
        const url = new URL(request.url);
        if (url.origin !== origin) {
            throw new errors/* OciError */.Mf('CROSS_ORIGIN', `${registry} pointed a ${request.method} request at another origin (${url.origin}); d2ci sends requests for ${registry} only to ${origin}`, { hint: 'a registry that hands out such Location or Link URLs is misconfigured or hostile' });
        }
        const authorization = await this.auth.authorization(registry, request.scopes);
        let response = await this.transport.send(withAuthorization(request, authorization));
        if (response.status === 401) {
            const retry = await this.auth.challenge(registry, response.headers.get('www-authenticate'), request.scopes, authorization);
            if (retry) {
                await response.body?.cancel();
                response = await this.transport.send(withAuthorization(request, retry));
            }
        }
        const warning = response.headers.get('warning');
        if (warning && this.options.onWarning) {
            for (const match of warning.matchAll(/299\s+\S+\s+"((?:[^"\\]|\\.)*)"/g))
                this.options.onWarning(`${registry}: ${match[1]}`);
        }
        return response;
    }
}
function withAuthorization(request, authorization) {
    const headers = { ...request.headers };
    if (authorization)
        headers.authorization = authorization;
    return { ...request, headers };
}


;// CONCATENATED MODULE: ../../packages/core/src/auth/open-registry.ts


/**
 * The one way to a registry client with credentials, for every action and command. `onSecret` receives every
 * secret met on the way (cloud tokens and keys, registry credentials and tokens) so CI logs can mask it.
 */
function open_registry_openRegistry(options = {}) {
    const { insecure, onWarning, transport, upload, manyRegistries, ...auth } = options;
    if (auth.registry !== undefined && !manyRegistries)
        assertProviderServes(auth.provider ?? 'generic', auth.registry);
    const credentials = registryCredentials(auth);
    const client = new RegistryClient({
        credentials,
        insecure,
        endpoints: auth.endpoints,
        onSecret: auth.onSecret,
        onWarning,
        transport,
        upload,
    });
    return { client, credentials };
}

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
    // No action takes it today (pull and diff are CLI commands); named as the CLI flag would be.
    'layer-media-type': 'layer-media-type',
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
function registryInputs() {
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
        provider = parseProvider(inputs_stringInput('provider'));
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
    if (provider === 'gcp' && !cloud.gcp?.workloadIdentityProvider)
        throw new inputs_InputError('gcp-workload-identity-provider', 'is required with `provider: gcp`: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>');
    let network;
    try {
        network = timeoutOptions(inputs_stringInput('timeout'));
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
    };
}
/** The job's registry credentials (inputs, cloud provider, GITHUB_TOKEN for GHCR, docker config), each masked as obtained. */
function jobCredentials(inputs, context, provider = inputs.provider, registry) {
    return registryCredentials(authOptions(inputs, context, provider, registry));
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
            });
            // Only what the explainer made names an input; any other error keeps its own wording.
            return explained === err ? err : (inputError(explained) ?? explained);
        },
    };
}
/**
 * Registry clients for many registries at once (image update scans every ImageRepository): one per credentials
 * provider and scheme, each masking what it obtains. An ImageRepository's own `provider` wins over the input.
 */
function registryClients(inputs, context, credentialsRegistry) {
    const clients = new Map();
    return (provider, insecure) => {
        const name = provider && provider !== 'generic' ? parseProvider(provider) : inputs.provider;
        const key = `${name}/${insecure || inputs.insecure}`;
        let client = clients.get(key);
        if (!client) {
            client = open_registry_openRegistry({
                ...authOptions(inputs, context, name, credentialsRegistry),
                ...reachOptions(inputs),
                insecure: insecure || inputs.insecure,
                manyRegistries: true,
            }).client;
            clients.set(key, client);
        }
        return client;
    };
}

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
function run_oneLine(err) {
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
        setFailed(run_oneLine(err));
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
    if (!booleanInput('sign', true))
        return undefined;
    const formatValue = stringInput('signature-format', { fallback: 'legacy' });
    const formats = [...signatureFormats, ...(options.notation === false ? [] : ['notation'])];
    if (!formats.includes(formatValue))
        throw new InputError('signature-format', `"${formatValue}" is not one of ${formats.join(', ')}`);
    if (formatValue === 'notation')
        return notationInputs(context);
    const format = formatValue;
    if (key) {
        try {
            return {
                kind: 'cosign',
                format,
                identity: { kind: 'key', privateKey: loadPrivateKey(pemInput('signing-key', key, context), password) },
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
    const url = (name, fallback) => {
        const value = stringInput(name) || fallback;
        if (value && !/^https?:\/\/[^\s/]+/.test(value))
            throw new InputError(name, `"${value}" is not an http(s) URL`);
        return value;
    };
    const fulcioUrl = url('fulcio-url', publicGood.fulcio);
    const rekorUrl = url('rekor-url', publicGood.rekor);
    const tsaUrl = url('timestamp-server-url');
    return {
        kind: 'cosign',
        format,
        identity: {
            kind: 'keyless',
            identity: githubActionsIdentity('sigstore', { onToken: (token) => core.setSecret(token) }),
            fulcioUrl,
            rekorUrl,
            tsaUrl,
        },
        describe: `keyless (Fulcio ${fulcioUrl}, Rekor ${rekorUrl}${tsaUrl ? `, TSA ${tsaUrl}` : ''})`,
    };
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
    const identity = stringInput(names.identity);
    let identityRegexp = stringInput(names.identityRegexp);
    if (key) {
        if (identity || identityRegexp)
            throw new InputError(names.key, `give \`${names.key}\` or \`${names.identity}(-regexp)\`, not both`);
        return { kind: 'key', keys: publicKeys(names, key, context) };
    }
    if (!identity && !identityRegexp && defaults.identityRegexp)
        identityRegexp = defaults.identityRegexp;
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
    manifest: 'flux-manifest',
    name: 'flux-manifest-name',
    key: verification_verifyInputNames.key,
    identity: verification_verifyInputNames.identityRegexp,
    trustedRoot: verification_verifyInputNames.trustedRoot,
    notation: 'notation-trust-policy',
};
/**
 * `flux-manifest` (a file in the workspace) and `flux-manifest-name`: the verify block of the cluster's
 * OCIRepository, and how d2ci checks it with the material the other inputs give. Undefined without a manifest.
 */
async function fluxManifestInputs(context) {
    const file = stringInput(inputs.manifest);
    const name = stringInput(inputs.name);
    if (!file) {
        if (name)
            throw new InputError(inputs.name, 'needs `flux-manifest`: it picks one OCIRepository of that file');
        return undefined;
    }
    const identity = [
        verifyInputNames.identity,
        verifyInputNames.identityRegexp,
        verifyInputNames.issuer,
        verifyInputNames.issuerRegexp,
        verifyInputNames.sourceRepository,
    ].filter((input) => stringInput(input));
    try {
        const manifest = await readFluxManifest(resolve(context.workspace, file), { name, shownAs: file });
        const plan = planFluxVerification(manifest, {
            key: Boolean(stringInput(verifyInputNames.key)),
            identity: identity.length > 0,
            trustedRoot: Boolean(stringInput(verifyInputNames.trustedRoot)),
            notation: Boolean(stringInput('notation-trust-policy') || stringInput('notation-trust-store')),
        });
        return { manifest, plan };
    }
    catch (err) {
        if (err instanceof FluxManifestError)
            throw new InputError(err.field === 'identity' && identity[0] ? identity[0] : inputs[err.field], err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/index.ts












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

/***/ 8341:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   vl: () => (/* binding */ DigestStream)
/* harmony export */ });
/* unused harmony exports isDigest, createDigester */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8706);



const algorithms = { sha256: 64, sha512: 128 };
/** OCI digest grammar (image-spec descriptor.md), restricted to the algorithms registries accept. */
const digestPattern = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function parseDigest(value) {
    const match = digestPattern.exec(value);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_('digest', value, 'expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>');
    }
    const [, algorithm = '', hex = ''] = match;
    if (!(algorithm in algorithms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_('digest', value, `unsupported algorithm "${algorithm}" (use sha256 or sha512)`);
    }
    const length = algorithms[algorithm];
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_('digest', value, `${algorithm} needs ${length} lowercase hex characters`);
    }
    return { algorithm: algorithm, hex };
}
function isDigest(value) {
    try {
        parseDigest(value);
        return true;
    }
    catch {
        return false;
    }
}
function sha256(data) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
}
function createDigester(digest) {
    return createHash(parseDigest(digest).algorithm);
}
/**
 * A pass-through stream that hashes and counts what flows through it. With `expect`, it fails the stream
 * when the content does not match the expected digest and size, so nothing reads unverified bytes as good.
 */
class DigestStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    #hash;
    #expect;
    #size = 0;
    #digest;
    constructor(expect, algorithm = 'sha256') {
        super();
        this.#expect = expect;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(expect ? parseDigest(expect.digest).algorithm : algorithm);
    }
    _transform(chunk, _encoding, callback) {
        this.#size += chunk.length;
        if (this.#expect && this.#size > this.#expect.size) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('SIZE_INVALID', `content of ${this.#expect.digest} is larger than its descriptor size ${this.#expect.size}`));
            return;
        }
        this.#hash.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        const algorithm = this.#expect ? parseDigest(this.#expect.digest).algorithm : 'sha256';
        this.#digest = `${algorithm}:${this.#hash.digest('hex')}`;
        if (this.#expect && (this.#digest !== this.#expect.digest || this.#size !== this.#expect.size)) {
            callback(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('DIGEST_MISMATCH', `downloaded content does not match ${this.#expect.digest} (got ${this.#digest}, ${this.#size} bytes)`));
            return;
        }
        callback();
    }
    get size() {
        return this.#size;
    }
    /** The digest of everything that passed; available once the stream has finished. */
    get digest() {
        if (!this.#digest)
            throw new Error('DigestStream: digest read before the stream finished');
        return this.#digest;
    }
}
/** Verifies a buffer against a descriptor's digest and size. */
function verifyBytes(data, expect) {
    const { algorithm } = parseDigest(expect.digest);
    const actual = `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(data).digest('hex')}`;
    if (actual !== expect.digest || (expect.size !== undefined && expect.size !== data.length)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('DIGEST_MISMATCH', `content does not match ${expect.digest} (got ${actual}, ${data.length} bytes)`);
    }
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

/***/ 8085:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ compareBytes)
/* harmony export */ });
/** Byte-wise string order (Go's sort.Strings), which tag lists and tar entries use; never locale order. */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}


/***/ }),

/***/ 8936:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   Fh: () => (/* binding */ registryEndpoint),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/* unused harmony exports dockerHub, tagRule, isValidTag, assertValidTag, repositoryName, formatReference, referenceTarget */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8706);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8341);


const dockerHub = 'docker.io';
const dockerHubAliases = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const label = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const hostPattern = new RegExp(`^(?:${label}(?:\\.${label})*|\\[[0-9a-fA-F:.]+\\])(?::([0-9]+))?$`);
const componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
/** The tag grammar in words, for error messages. */
const tagRule = 'up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"';
const maxNameLength = 255;
/**
 * Parses `oci://host[:port]/path[:tag|@sha256:…]`, or the same without `oci://`. A first path element without
 * `.`, `:` or `localhost` means Docker Hub (as docker and go-containerregistry do). Errors name the bad part.
 */
function parseReference(input) {
    const raw = input.trim();
    const fail = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_('reference', input, why);
    };
    if (raw === '')
        fail('it is empty; expected host/repository[:tag], e.g. ghcr.io/owner/repo:latest');
    if (/\s/.test(raw))
        fail('it contains whitespace');
    let rest = raw;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
    if (scheme) {
        if (scheme[1]?.toLowerCase() !== 'oci')
            fail(`unsupported scheme "${scheme[0]}"; use oci://host/repository or host/repository`);
        rest = rest.slice(scheme[0].length);
    }
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        try {
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest);
        }
        catch (err) {
            if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_))
                throw err;
            fail(`digest "${err.value}": ${err.reason}`);
        }
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!tagPattern.test(tag)) {
            fail(`tag "${tag}" is invalid: ${tagRule}`);
        }
    }
    const slash = rest.indexOf('/');
    const first = slash === -1 ? rest : rest.slice(0, slash);
    const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
    let registry = isHost ? first.toLowerCase() : dockerHub;
    let repository = isHost ? rest.slice(slash + 1) : rest;
    if (isHost) {
        const host = hostPattern.exec(first);
        if (!host)
            fail(`registry host "${first}" is not a valid host[:port]`);
        const port = host?.[1];
        if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
            fail(`registry port "${port}" is out of range`);
    }
    if (dockerHubAliases.has(registry))
        registry = dockerHub;
    if (registry === dockerHub && repository !== '' && !repository.includes('/'))
        repository = `library/${repository}`;
    if (repository === '')
        fail('the repository path is missing; expected host/repository, e.g. ghcr.io/owner/repo');
    for (const component of repository.split('/')) {
        if (componentPattern.test(component))
            continue;
        if (componentPattern.test(component.toLowerCase())) {
            fail(`repository "${repository}" must be lowercase (OCI repository names are lowercase: "${repository.toLowerCase()}")`);
        }
        fail(component === ''
            ? `repository "${repository}" has an empty path element`
            : `repository path element "${component}" is invalid: use lowercase letters, digits and single ".", "_", "__" or "-" separators`);
    }
    if (registry.length + 1 + repository.length > maxNameLength)
        fail(`the name is longer than ${maxNameLength} characters`);
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
function isValidTag(tag) {
    return tagPattern.test(tag);
}
/** Throws a one-line error naming the tag when it does not follow the OCI tag grammar. */
function assertValidTag(tag) {
    if (!tagPattern.test(tag)) {
        throw new InvalidReferenceError('tag', tag, tagRule);
    }
}
/** `registry/repository`, the form used in outputs such as `digest-url`. */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The tag or digest a reference points at; digest wins, as in every registry client. */
function referenceTarget(ref) {
    return ref.digest ?? ref.tag;
}
/** The host that serves the registry API for a canonical registry name. */
function registryEndpoint(registry) {
    return registry === dockerHub ? 'registry-1.docker.io' : registry;
}
/** Loopback registries are reached over plain HTTP, like docker does for localhost. */
function isLoopbackHost(registry) {
    const host = registry.replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(host);
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

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 73018:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(31564);

// The post step (image-update's Kind cluster clean-up) runs the same bundle; only image-update has one.
const post = _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.getState */ .lj.getState('phase') === 'main';
if (!post)
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.saveState */ .lj.saveState('phase', 'main');
/** Each command is an action of this repository, loaded only when asked for. */
const commands = {
    push: async () => {
        const [{ getInputs }, { run }] = await Promise.all([__nccwpck_require__.e(/* import() */ 191).then(__nccwpck_require__.bind(__nccwpck_require__, 34191)), Promise.all(/* import() */[__nccwpck_require__.e(483), __nccwpck_require__.e(404), __nccwpck_require__.e(474), __nccwpck_require__.e(906), __nccwpck_require__.e(937), __nccwpck_require__.e(180)]).then(__nccwpck_require__.bind(__nccwpck_require__, 39180))]);
        await run(getInputs());
    },
    release: async () => {
        const [{ getInputs }, { run }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(84), __nccwpck_require__.e(298)]).then(__nccwpck_require__.bind(__nccwpck_require__, 66298)), Promise.all(/* import() */[__nccwpck_require__.e(84), __nccwpck_require__.e(404), __nccwpck_require__.e(474), __nccwpck_require__.e(937), __nccwpck_require__.e(288)]).then(__nccwpck_require__.bind(__nccwpck_require__, 80288))]);
        await run(await getInputs());
    },
    verify: async () => {
        const [{ getInputs }, { run }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(483), __nccwpck_require__.e(404), __nccwpck_require__.e(906), __nccwpck_require__.e(515), __nccwpck_require__.e(93)]).then(__nccwpck_require__.bind(__nccwpck_require__, 57474)), Promise.all(/* import() */[__nccwpck_require__.e(515), __nccwpck_require__.e(870)]).then(__nccwpck_require__.bind(__nccwpck_require__, 10870))]);
        await run(await getInputs());
    },
    'image-update': async () => {
        if (post)
            return (await __nccwpck_require__.e(/* import() */ 817).then(__nccwpck_require__.bind(__nccwpck_require__, 98817))).post();
        const [{ getInputs }, { run }] = await Promise.all([__nccwpck_require__.e(/* import() */ 482).then(__nccwpck_require__.bind(__nccwpck_require__, 79482)), Promise.all(/* import() */[__nccwpck_require__.e(483), __nccwpck_require__.e(330), __nccwpck_require__.e(124), __nccwpck_require__.e(433)]).then(__nccwpck_require__.bind(__nccwpck_require__, 55433))]);
        await run(getInputs());
    },
};
await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => {
    const command = _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.getInput */ .lj.getInput('command') || 'push';
    if (post && command !== 'image-update')
        return;
    const handler = commands[command];
    if (!handler)
        throw new _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('command', `"${command}" is not one of ${Object.keys(commands).join(', ')}`);
    await handler();
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 31564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ InputError),
  tE: () => (/* reexport */ booleanInput),
  Hn: () => (/* reexport */ cell),
  Sq: () => (/* reexport */ cosignSigningInputs),
  Te: () => (/* reexport */ defaultRevision),
  Hu: () => (/* reexport */ defaultSource),
  z3: () => (/* reexport */ formatBytes),
  h4: () => (/* reexport */ githubContext),
  $A: () => (/* reexport */ integerInput),
  KF: () => (/* reexport */ jobCredentials),
  Bb: () => (/* reexport */ keyValueInput),
  WO: () => (/* reexport */ linesInput),
  dt: () => (/* reexport */ listInput),
  Kh: () => (/* reexport */ registryClients),
  P4: () => (/* reexport */ registryInputs),
  EK: () => (/* reexport */ registrySession),
  JD: () => (/* reexport */ repositoryInput),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_namespaceObject),
  VK: () => (/* reexport */ shortDigest),
  hY: () => (/* reexport */ signingInputs),
  Uj: () => (/* reexport */ stringInput),
  zi: () => (/* reexport */ verificationInputs),
  uU: () => (/* reexport */ verifyInputNames),
  X5: () => (/* reexport */ workspacePath)
});

// UNUSED EXPORTS: oneLine

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
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
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
function info(message) {
    process.stdout.write(`${message}${external_node_os_.EOL}`);
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
class InputError extends Error {
    input;
    constructor(input, problem) {
        super(`input \`${input}\`: ${problem}`.replace(/\s*\n\s*/g, ' '));
        this.name = 'InputError';
        this.input = input;
    }
}
function stringInput(name, options = {}) {
    const value = getInput(name).trim();
    if (!value && options.required)
        throw new InputError(name, `is required; add \`${name}:\` to the step's \`with:\``);
    return value || options.fallback || '';
}
/** YAML 1.2 core booleans, like `core.getBooleanInput`, but with a one-line error that names the input. */
function booleanInput(name, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(name, `"${value}" is not a boolean; use true or false`);
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
            throw new InputError(name, `"${line}" is not key=value; write one annotation per line, e.g. org.opencontainers.image.description=My app`);
        if (/\s/.test(key))
            throw new InputError(name, `key "${key}" contains whitespace`);
        result[key] = line.slice(cut + 1).trim();
    });
    return result;
}
/** A positive integer input. */
function integerInput(name, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (!/^[0-9]+$/.test(value) || Number(value) <= 0)
        throw new InputError(name, `"${value}" is not a positive whole number`);
    return Number(value);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
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
    const workspace = (0,external_node_fs_.realpathSync)(context.workspace);
    const path = (0,external_node_path_.resolve)(workspace, value);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        throw new InputError(input, `"${value}" does not exist in the workspace; check the path (it is relative to the repository root)`);
    }
    const rel = (0,external_node_path_.relative)(workspace, real);
    if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new InputError(input, `"${value}" is outside the workspace (${workspace}); use a path inside the checked-out repository`);
    }
    return real;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __nccwpck_require__(58500);
;// CONCATENATED MODULE: ../../packages/core/src/sign/identity.ts
class IdentityTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IdentityTokenError';
    }
}
/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
function hasGitHubIdToken(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does). `onToken` sees each token first, so CI can mask it.
 */
function githubActionsIdentity(audience, options = {}) {
    const env = options.env ?? process.env;
    return {
        async getToken() {
            const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!url || !bearer)
                throw new IdentityTokenError('no OIDC token available to this job: add `permissions: id-token: write`');
            const request = new URL(url);
            request.searchParams.append('audience', audience);
            let response;
            for (let attempt = 1; attempt <= 3; attempt++) {
                response = await fetch(request, { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } }).catch(() => undefined);
                if (response && response.status < 500)
                    break;
            }
            if (!response?.ok)
                throw new IdentityTokenError(`could not get an OIDC token for audience ${audience} (${response ? `HTTP ${response.status}` : 'network error'})`);
            const value = (await response.json()).value;
            if (!value)
                throw new IdentityTokenError('the OIDC token response had no value');
            options.onToken?.(value);
            return value;
        },
    };
}
/** A fixed token (cosign's `--identity-token`, or `SIGSTORE_ID_TOKEN`). */
function staticIdentity(token) {
    return { getToken: async () => token };
}
/** The claims of a JWT, without checking its signature (for naming the identity in messages). */
function jwtClaims(token) {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/auth/cloud.ts


/** A cloud provider could not get credentials: the message is one line, names the service, and says what to fix. */
class CloudCredentialError extends Error {
    constructor(message, options = {}) {
        super(oneLine(message), options);
        this.name = 'CloudCredentialError';
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
            await (0,external_node_timers_promises_.setTimeout)(250 * attempt);
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
const endpointVariables = { sts: 'AWS_ENDPOINT_URL_STS', ecr: 'AWS_ENDPOINT_URL_ECR', ecrPublic: 'AWS_ENDPOINT_URL_ECR_PUBLIC' };
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
        const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(811)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 62811, 19));
        const client = new STSClient({ region, endpoint: endpoint('sts'), maxAttempts: 3 });
        const sessionName = (options.roleSessionName || `d2ci-${env.GITHUB_RUN_ID || Date.now()}`).replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
        try {
            const out = await client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: sessionName, WebIdentityToken: webIdentityToken, DurationSeconds: options.durationSeconds ?? 3600 }));
            const c = out.Credentials;
            if (!c?.AccessKeyId || !c.SecretAccessKey)
                throw new CloudCredentialError(`AWS STS AssumeRoleWithWebIdentity for ${roleArn} returned no credentials`);
            context.onSecret(c.SecretAccessKey);
            if (c.SessionToken)
                context.onSecret(c.SessionToken);
            const expiresAt = c.Expiration ? c.Expiration.getTime() : Date.now() + (options.durationSeconds ?? 3600) * 1000;
            return { value: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }, expiresAt };
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
            return { value: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined }, expiresAt };
        }
        if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
            const token = (await (0,promises_.readFile)(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'utf8').catch((err) => {
                throw new CloudCredentialError(`provider aws cannot read AWS_WEB_IDENTITY_TOKEN_FILE ${env.AWS_WEB_IDENTITY_TOKEN_FILE}: ${err.message}`);
            })).trim();
            context.onSecret(token);
            return assumeRole(env.AWS_ROLE_ARN, token, stsRegion);
        }
        throw new CloudCredentialError('provider aws has no AWS credentials: give the IAM role to assume with the job\'s OIDC token (needs `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this step');
    });
    const authorizationToken = async (registry, ecr) => {
        const stsRegion = options.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || ecr.region;
        const awsKeys = await credentials(stsRegion);
        let token;
        let expires;
        const api = ecr.kind === 'public' ? 'ECR Public GetAuthorizationToken' : `ECR GetAuthorizationToken in ${ecr.region}`;
        try {
            if (ecr.kind === 'public') {
                const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(681)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 86681, 19));
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
                const { ECRClient, GetAuthorizationTokenCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(149)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 10149, 19));
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
            return { value: token, expiresAt: Date.now() + (typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in) || 3600) * 1000 };
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
        return { value: { username: acrTokenUsername, password: token, identityToken: token }, expiresAt: jwtExpiry(token) ?? Date.now() + 3 * 3600_000 };
    };
    return {
        name: 'azure',
        hosts: azureHosts,
        serves: isAzureRegistry,
        credentialFor: async (registry) => (isAzureRegistry(registry) ? refreshTokens.get(registry, () => refreshToken(registry)) : undefined),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
;// CONCATENATED MODULE: ../../packages/core/src/auth/docker-config.ts




/** The key docker uses for Docker Hub in config.json and when calling credential helpers. */
const dockerHubConfigKey = 'https://index.docker.io/v1/';
/** Docker normalises config keys to a bare host: no scheme, no path (`https://ghcr.io/v1/` → `ghcr.io`). */
function configHost(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
}
function helperServer(registry) {
    return registry === 'docker.io' ? dockerHubConfigKey : registry;
}
class CredentialHelperError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialHelperError';
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
                reject(new CredentialHelperError(`docker-credential-${helper} failed for ${serverUrl}: ${String(stderr || stdout).trim().slice(0, 200)}`));
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
    return value.trim().replace(/^(https:)?\/\/iam\.googleapis\.com\//, '').replace(/^\/+/, '');
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
        const impersonated = await postForToken(`Google IAM Credentials generateAccessToken for ${account}`, `${iamUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(account)}:generateAccessToken`, { body: JSON.stringify({ scope: [cloudPlatform], lifetime: `${options.lifetimeSeconds ?? 3600}s` }), contentType: 'application/json', authorization: `Bearer ${federatedToken}` }, (status) => status === 403 || status === 401
            ? `grant the workload identity principal roles/iam.workloadIdentityUser (or roles/iam.serviceAccountTokenCreator) on ${account}`
            : undefined);
        const accessToken = typeof impersonated.accessToken === 'string' ? impersonated.accessToken : '';
        if (!accessToken)
            throw new CloudCredentialError(`Google IAM Credentials generateAccessToken for ${account} returned no accessToken`);
        context.onSecret(accessToken);
        const expireTime = typeof impersonated.expireTime === 'string' ? Date.parse(impersonated.expireTime) : Number.NaN;
        return { value: { username: 'oauth2accesstoken', password: accessToken }, expiresAt: Number.isNaN(expireTime) ? federatedExpiry : expireTime };
    };
    return {
        name: 'gcp',
        hosts: gcpHosts,
        serves: isGcpRegistry,
        // One access token serves every Google registry.
        credentialFor: async (registry) => (isGcpRegistry(registry) ? tokens.get('gcp', fetchToken) : undefined),
    };
}

// EXTERNAL MODULE: ../../packages/core/src/auth/github.ts
var github = __nccwpck_require__(49999);
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






/** Flux's `provider` values. `generic` uses explicit credentials, GITHUB_TOKEN and docker config. */
const providerNames = ['generic', 'aws', 'gcp', 'azure'];
const cloudProviders = new Map();
/** Registers a cloud provider implementation (aws, gcp and azure are built in; their SDKs load on first use). */
function registerCloudProvider(name, create) {
    cloudProviders.set(name, create);
}
registerCloudProvider('aws', awsProvider);
registerCloudProvider('gcp', gcpProvider);
registerCloudProvider('azure', azureProvider);
class ProviderError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ProviderError';
    }
}
function parseProvider(value) {
    const name = (value || 'generic').trim().toLowerCase();
    if (!providerNames.includes(name)) {
        throw new ProviderError(`unknown provider "${value}": use one of ${providerNames.join(', ')}`);
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
            throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
        providers.push(create(cloudContext(options)));
    }
    if (options.githubToken)
        providers.push((0,github/* githubTokenCredentials */.Z)({ token: options.githubToken, actor: options.githubActor, serverUrl: options.githubServerUrl }));
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
        throw new ProviderError(`provider "${provider}" is not available in this version of d2ci; use provider: generic with registry credentials`);
    const cloud = create(cloudContext({}));
    if (!cloud.serves(registry))
        throw new ProviderError(`provider "${provider}" does not serve registry ${registry}: it accepts ${cloud.hosts}; use provider: generic for other registries`);
}
function cloudContext(options) {
    return { options: options.cloud ?? {}, env: options.env ?? process.env, onSecret: options.onSecret ?? (() => undefined), endpoints: options.endpoints ?? {} };
}

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __nccwpck_require__(42328);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __nccwpck_require__(71737);
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
            const scheme = { scheme: 'bearer', realm: bearer.params.realm, service: bearer.params.service };
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
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.identityToken, client_id: this.#options.clientId ?? 'd2ci' });
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
        return actions !== undefined && scope.slice(cut + 1).split(',').every((a) => actions.has(a) || actions.has('*'));
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
var reference = __nccwpck_require__(48936);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(48341);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var oci_content = __nccwpck_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/oci/memory.ts
var memory = __nccwpck_require__(46198);
// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(36869);
;// CONCATENATED MODULE: ../../packages/core/src/oci/remote.ts












const defaultMonolithicLimit = 128 * 1024 * 1024;
const defaultChunkSize = 32 * 1024 * 1024;
const maxManifestBytes = 8 * 1024 * 1024;
const manifestAccept = media_types/* manifestMediaTypes */.$P.join(', ');
/** A repository on an OCI distribution registry, as a Target. */
class RemoteRepository {
    registry;
    repository;
    name;
    #client;
    #monolithicLimit;
    #chunkSize;
    constructor(client, registry, repository, upload = {}) {
        this.#client = client;
        this.registry = registry;
        this.repository = repository;
        this.name = `${registry}/${repository}`;
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
        if (!digest || !mediaType || !(0,media_types/* isManifestMediaType */.CM)(mediaType) || !Number.isSafeInteger(size)) {
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
        const bytes = await (0,oci_content/* readAll */.yw)(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const byDigest = reference.includes(':');
        const digest = byDigest ? reference : (0,oci_digest/* sha256 */.sc)(bytes);
        if (byDigest)
            (0,oci_digest/* verifyBytes */.RV)(bytes, { digest });
        const claimed = response.headers.get('docker-content-digest');
        if (!byDigest && claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name}:${reference} claims ${claimed} but its content hashes to ${digest}`);
        }
        const { mediaType } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, response.headers.get('content-type') ?? undefined);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
    }
    async fetch(descriptor) {
        const manifest = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType);
        const headers = manifest ? { accept: manifestAccept } : { 'accept-encoding': 'identity' };
        const response = await this.#send({ method: 'GET', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`), headers });
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
        return (0,memory/* targetSource */.Z)(this, descriptor);
    }
    async exists(descriptor) {
        const kind = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType) ? 'manifests' : 'blobs';
        const headers = kind === 'manifests' ? { accept: manifestAccept } : {};
        const response = await this.#send({ method: 'HEAD', url: this.#url(`${kind}/${descriptor.digest}`), headers });
        if (response.status === 404)
            return false;
        if (response.ok)
            return true;
        throw await responseError(response, `check ${descriptor.digest} in ${this.name}`);
    }
    async push(descriptor, content) {
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            const bytes = await (0,oci_content/* readAll */.yw)(content.open(), maxManifestBytes);
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
        const { manifest } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, descriptor.mediaType);
        if (manifest.subject && !response.headers.get('oci-subject')) {
            // The registry has no referrers API: keep the Referrers Tag Schema index up to date instead.
            await this.#updateReferrersIndex(manifest.subject.digest, (index) => (0,referrers/* addReferrer */.Xg)(index, (0,referrers/* referrerDescriptor */.xh)(descriptor, manifest)));
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
            const body = (await response.json());
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
            const response = await this.#send({ method: 'GET', url: next, headers: { accept: media_types/* MediaType */.zu.ociIndex } });
            const type = response.headers.get('content-type')?.split(';')[0]?.trim();
            if (response.status === 401 || response.status === 403)
                throw await responseError(response, `list referrers of ${descriptor.digest}`);
            if (response.status !== 200 || type !== media_types/* MediaType */.zu.ociIndex) {
                // No referrers API here (distribution 2.8 and GHCR answer 404): use the tag schema.
                await response.body?.cancel();
                return (0,referrers/* filterByArtifactType */.Ul)((await this.#readReferrersIndex(descriptor.digest))?.index.manifests ?? [], options.artifactType);
            }
            const index = (await response.json());
            found.push(...(index.manifests ?? []));
            filtered &&= (response.headers.get('oci-filters-applied') ?? '').split(',').map((s) => s.trim()).includes('artifactType');
            next = nextLink(response.headers.get('link'), next);
        }
        return filtered ? found : (0,referrers/* filterByArtifactType */.Ul)(found, options.artifactType);
    }
    async delete(descriptor) {
        const manifest = (0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType);
        let subject;
        if (manifest) {
            const fetched = await this.fetchManifest(descriptor.digest).catch((err) => {
                if ((0,errors/* isNotFound */.c4)(err))
                    return undefined;
                throw err;
            });
            if (fetched)
                subject = (0,oci_descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.subject?.digest;
        }
        const response = await this.#send({ method: 'DELETE', url: this.#url(`${manifest ? 'manifests' : 'blobs'}/${descriptor.digest}`) }, ['pull', 'push', 'delete']);
        if (response.status === 404) {
            await response.body?.cancel();
            throw notFound(this.name, descriptor.digest, manifest ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN');
        }
        if (!response.ok)
            throw await responseError(response, `delete ${descriptor.digest} from ${this.name}`);
        await response.body?.cancel();
        if (subject)
            await this.#updateReferrersIndex(subject, (index) => (0,referrers/* removeReferrer */.Qy)(index, descriptor.digest), { ifPresent: true });
    }
    async #readReferrersIndex(subject) {
        const tag = (0,referrers/* referrersTag */.LN)(subject);
        const response = await this.#send({ method: 'GET', url: this.#url(`manifests/${tag}`), headers: { accept: media_types/* MediaType */.zu.ociIndex } });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        if (!response.ok)
            throw await responseError(response, `read referrers index ${this.name}:${tag}`);
        const bytes = await (0,oci_content/* readAll */.yw)(response.body ?? external_node_stream_.Readable.from([]), maxManifestBytes);
        const { manifest, mediaType } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, response.headers.get('content-type') ?? undefined);
        if (!(0,media_types/* isIndexMediaType */.$$)(mediaType))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}:${tag} is not an image index, so it cannot hold referrers`);
        return { index: manifest, etag: response.headers.get('etag') };
    }
    async #updateReferrersIndex(subject, change, options = {}) {
        const current = await this.#readReferrersIndex(subject);
        if (!current && options.ifPresent)
            return;
        const index = current?.index ?? (0,referrers/* emptyReferrersIndex */._9)();
        if (!change(index))
            return;
        const bytes = Buffer.from(JSON.stringify(index));
        const headers = { 'content-type': media_types/* MediaType */.zu.ociIndex };
        if (current?.etag)
            headers['if-match'] = current.etag;
        const tag = (0,referrers/* referrersTag */.LN)(subject);
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
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(descriptor.size > this.#monolithicLimit ? 0 : descriptor.size) },
                    ...(descriptor.size > this.#monolithicLimit ? { body: () => new Uint8Array() } : { upload: { source: content, start: 0, end: descriptor.size } }),
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
                await (0,external_node_timers_promises_.setTimeout)(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() * 0.5));
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
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(end - from), 'content-range': `${from}-${end - 1}` },
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
                await (0,external_node_timers_promises_.setTimeout)(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1)));
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
        return (0,http/* networkErrorCode */.a0)(err) !== undefined;
    if (err.code === 'NETWORK')
        return (0,http/* networkErrorCode */.a0)(err.cause) !== 'ENOTFOUND';
    return err.status === 429 || (err.status !== undefined && err.status >= 500) || ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID'].includes(err.code);
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
        this.transport = new http/* Transport */.oK({ userAgent: 'd2ci', allowHttp: options.insecure === true, ...options.transport });
        this.auth = new AuthSession(this.transport, { credentials: options.credentials, onSecret: options.onSecret });
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
    const attempts = (0,http/* attemptsOf */.Or)(response);
    const suffix = `${response.status === 429 && retryAfter ? ` (registry asked to retry after ${retryAfter}s)` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
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

;// CONCATENATED MODULE: ../../packages/action-kit/src/registry.ts



/** The registry inputs every d2ci action shares; credentials are masked as soon as they are read. */
function registryInputs() {
    const username = stringInput('registry-username');
    const password = stringInput('registry-password');
    const githubToken = stringInput('github-token');
    if (password)
        setSecret(password);
    if (githubToken)
        setSecret(githubToken);
    if (username && !password)
        throw new InputError('registry-password', 'is empty but `registry-username` is set; pass the password or token, e.g. ${{ secrets.REGISTRY_TOKEN }}');
    if (password && !username)
        throw new InputError('registry-username', 'is empty but `registry-password` is set; add the user name');
    let provider;
    try {
        provider = parseProvider(stringInput('provider'));
    }
    catch (err) {
        throw new InputError('provider', err.message);
    }
    const cloud = {};
    const awsRoleArn = stringInput('aws-role-arn');
    const awsRegion = stringInput('aws-region');
    if (awsRoleArn && !/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/.test(awsRoleArn))
        throw new InputError('aws-role-arn', `"${awsRoleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    if (awsRoleArn || awsRegion)
        cloud.aws = { ...(awsRoleArn ? { roleArn: awsRoleArn } : {}), ...(awsRegion ? { region: awsRegion } : {}) };
    const gcpProvider = stringInput('gcp-workload-identity-provider');
    const gcpAccount = stringInput('gcp-service-account');
    if (gcpProvider || gcpAccount)
        cloud.gcp = { ...(gcpProvider ? { workloadIdentityProvider: gcpProvider } : {}), ...(gcpAccount ? { serviceAccount: gcpAccount } : {}) };
    const azureClient = stringInput('azure-client-id');
    const azureTenant = stringInput('azure-tenant-id');
    if (azureClient || azureTenant)
        cloud.azure = { ...(azureClient ? { clientId: azureClient } : {}), ...(azureTenant ? { tenantId: azureTenant } : {}) };
    if (provider === 'gcp' && !cloud.gcp?.workloadIdentityProvider)
        throw new InputError('gcp-workload-identity-provider', 'is required with `provider: gcp`: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>');
    return { provider, insecure: booleanInput('insecure', false), username, password, githubToken, cloud };
}
/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
function repositoryInput(name, value) {
    let location;
    try {
        location = (0,oci_open/* parseLocation */.zS)(value);
    }
    catch (err) {
        if (err instanceof errors/* InvalidReferenceError */.x_)
            throw new InputError(name, err.message.replace(/^invalid reference /, ''));
        throw err;
    }
    const tag = location.kind === 'registry' ? location.reference.tag : location.tag;
    const digest = location.kind === 'registry' ? location.reference.digest : location.digest;
    if (tag || digest)
        throw new InputError(name, `"${value}" must not include a ${digest ? 'digest' : `tag (":${tag}")`}; give the repository only and set the tags with \`tags\` or \`diff-tag\``);
    return location;
}
/** The job's registry credentials (inputs, cloud provider, GITHUB_TOKEN for GHCR, docker config), each masked as obtained. */
function jobCredentials(inputs, context, provider = inputs.provider) {
    return registryCredentials({
        provider,
        username: inputs.username,
        password: inputs.password,
        githubToken: inputs.githubToken,
        githubActor: context.actor,
        githubServerUrl: context.serverUrl,
        cloud: inputs.cloud,
        onSecret: (secret) => setSecret(secret),
    });
}
/** A registry client whose every credential and token is masked in the log before it can appear. */
function registrySession(inputs, context, location) {
    if (location.kind === 'registry') {
        try {
            assertProviderServes(inputs.provider, location.reference.registry);
        }
        catch (err) {
            if (err instanceof ProviderError)
                throw new InputError('provider', err.message);
            throw err;
        }
    }
    const credentials = jobCredentials(inputs, context);
    const client = new RegistryClient({
        credentials,
        insecure: inputs.insecure,
        onSecret: (secret) => setSecret(secret),
        onWarning: (message) => warning(message),
    });
    return { client, credentials };
}
/**
 * Registry clients for many registries at once (image update scans every ImageRepository): one per credentials
 * provider and scheme, each masking what it obtains. An ImageRepository's own `provider` wins over the input.
 */
function registryClients(inputs, context) {
    const clients = new Map();
    return (provider, insecure) => {
        const name = provider && provider !== 'generic' ? parseProvider(provider) : inputs.provider;
        const key = `${name}/${insecure || inputs.insecure}`;
        let client = clients.get(key);
        if (!client) {
            client = new RegistryClient({ credentials: jobCredentials(inputs, context, name), insecure: insecure || inputs.insecure, onSecret: (secret) => setSecret(secret), onWarning: (message) => warning(message) });
            clients.set(key, client);
        }
        return client;
    };
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/run.ts

/** One line for the log: the error's message without stack or newlines. */
function run_oneLine(err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
}
/** Runs an action's main function; any failure becomes one `::error::` line and exit code 1. */
async function runAction(main) {
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
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts
var sign = __nccwpck_require__(4756);
// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts + 4 modules
var keys = __nccwpck_require__(86666);
// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts
var signer = __nccwpck_require__(75687);
// EXTERNAL MODULE: ../../packages/core/src/sign/notation.ts
var notation = __nccwpck_require__(78959);
;// CONCATENATED MODULE: ../../packages/core/src/sign/notation-plugin.ts
// A client for Notation's plugin protocol (notaryproject/specifications plugin-extensibility.md; notation-go
// plugin/plugin.go and signer/plugin.go): `notation-<name>` executables answering `get-plugin-metadata`,
// `describe-key` and `generate-signature` with JSON on stdin/stdout, so keys in key vaults can sign.






/** The plugin contract version notation-go speaks (notation-plugin-framework-go plugin.ContractVersion). */
const notationPluginContractVersion = '1.0';
const NotationPluginCapability = {
    signatureGenerator: 'SIGNATURE_GENERATOR.RAW',
    envelopeGenerator: 'SIGNATURE_GENERATOR.ENVELOPE',
    trustedIdentityVerifier: 'SIGNATURE_VERIFIER.TRUSTED_IDENTITY',
    revocationCheckVerifier: 'SIGNATURE_VERIFIER.REVOCATION_CHECK',
};
/** A plugin's error: its `errorCode` (VALIDATION_ERROR, ACCESS_DENIED, TIMEOUT, THROTTLED, ERROR, ...) when it sent one. */
class NotationPluginError extends notation/* NotationError */.B1 {
    code;
    metadata;
    constructor(message, code, metadata) {
        super(message);
        this.name = 'NotationPluginError';
        this.code = code;
        this.metadata = metadata;
    }
}
/** Notation's plugin directory: `$XDG_CONFIG_HOME/notation/plugins` (Linux), `%AppData%\notation\plugins`, `~/Library/Application Support/notation/plugins`. */
function defaultNotationPluginDirectory(env = process.env, platform = process.platform) {
    if (platform === 'win32')
        return (0,external_node_path_.join)(env.APPDATA ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), 'AppData', 'Roaming'), 'notation', 'plugins');
    if (platform === 'darwin')
        return (0,external_node_path_.join)((0,external_node_os_.homedir)(), 'Library', 'Application Support', 'notation', 'plugins');
    return (0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.config'), 'notation', 'plugins');
}
/** Where notation looks for a plugin: `<directory>/<name>/notation-<name>` (`.exe` on Windows). */
function notationPluginPath(name, directory = defaultNotationPluginDirectory(), platform = process.platform) {
    return (0,external_node_path_.join)(directory, name, `notation-${name}${platform === 'win32' ? '.exe' : ''}`);
}
const maxOutputBytes = 64 * 1024 * 1024;
/** Runs the commands of one `notation-<name>` executable. */
class NotationPlugin {
    name;
    executable;
    #timeoutMs;
    #env;
    constructor(options) {
        this.name = options.name;
        this.executable = options.executable ?? notationPluginPath(options.name, options.pluginDirectory);
        this.#timeoutMs = options.timeoutMs ?? 120_000;
        this.#env = options.env;
    }
    /** The spec's plugin candidate test: a regular file (not a symlink) that the current user may execute. */
    async #checkExecutable() {
        let info;
        try {
            info = await (0,promises_.lstat)(this.executable);
        }
        catch (err) {
            throw new NotationPluginError(`plugin executable file is either not found or inaccessible: ${this.executable} (${err.code ?? err.message})`);
        }
        if (!info.isFile())
            throw new NotationPluginError(`plugin executable ${this.executable} is not a regular file (symlinks are not supported)`);
    }
    /**
     * Runs `notation-<name> <command>` with the request on stdin. Exit 0: the JSON response on stdout. Otherwise
     * the JSON error on stderr (`errorCode`, `errorMessage`, `errorMetadata`), as notation-go reads it.
     */
    async run(command, request) {
        await this.#checkExecutable();
        const { code, stdout, stderr, timedOut, spawnError } = await new Promise((resolve) => {
            const child = (0,external_node_child_process_.spawn)(this.executable, [command], { stdio: ['pipe', 'pipe', 'pipe'], env: this.#env ?? process.env });
            const out = [];
            const err = [];
            let outBytes = 0;
            let errBytes = 0;
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, this.#timeoutMs);
            child.stdout.on('data', (chunk) => {
                outBytes += chunk.length;
                if (outBytes <= maxOutputBytes)
                    out.push(chunk);
                else
                    child.kill('SIGKILL');
            });
            child.stderr.on('data', (chunk) => {
                errBytes += chunk.length;
                if (errBytes <= maxOutputBytes)
                    err.push(chunk);
            });
            child.on('error', (error) => {
                clearTimeout(timer);
                resolve({ code: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), timedOut, spawnError: error });
            });
            child.on('close', (exitCode) => {
                clearTimeout(timer);
                resolve({ code: exitCode, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
            });
            // A plugin that exits without reading stdin must not crash us with EPIPE.
            child.stdin.on('error', () => undefined);
            child.stdin.end(JSON.stringify(request));
        });
        const what = `the ${command} command of plugin ${this.name}`;
        if (spawnError)
            throw new NotationPluginError(`failed to execute ${what}: ${spawnError.message}`);
        if (timedOut)
            throw new NotationPluginError(`${what} timed out after ${this.#timeoutMs} ms`);
        if (code !== 0) {
            const text = stderr.toString('utf8').trim();
            if (!text)
                throw new NotationPluginError(`failed to execute ${what}: exit status ${code ?? 'unknown'}`);
            let error;
            try {
                error = JSON.parse(text);
            }
            catch {
                throw new NotationPluginError(`${what} failed (exit status ${code ?? 'unknown'}) with a malformed error response: ${text.slice(0, 500)}`);
            }
            const errorCode = typeof error?.errorCode === 'string' ? error.errorCode : undefined;
            const message = typeof error?.errorMessage === 'string' ? error.errorMessage : text;
            const metadata = typeof error?.errorMetadata === 'object' && error.errorMetadata !== null ? error.errorMetadata : undefined;
            throw new NotationPluginError(`${what} failed: ${errorCode ? `${errorCode}: ` : ''}${message}`, errorCode, metadata);
        }
        if (stdout.length > maxOutputBytes)
            throw new NotationPluginError(`${what} wrote more than 64 MiB`);
        try {
            return JSON.parse(stdout.toString('utf8'));
        }
        catch {
            throw new NotationPluginError(`failed to unmarshal the response of ${command} command for plugin ${this.name}`);
        }
    }
    /** `get-plugin-metadata`, checked as notation-go does (all fields set, contract 1.0 supported, name matches). */
    async metadata(pluginConfig) {
        const metadata = (await this.run('get-plugin-metadata', pluginConfig ? { pluginConfig } : {}));
        const invalid = (why) => new NotationPluginError(`metadata validation failed for plugin ${this.name}: ${why}`);
        if (!metadata?.name)
            throw invalid('empty name');
        if (!metadata.description)
            throw invalid('empty description');
        if (!metadata.version)
            throw invalid('empty version');
        if (!metadata.url)
            throw invalid('empty url');
        if (!Array.isArray(metadata.capabilities) || metadata.capabilities.length === 0)
            throw invalid('empty capabilities');
        if (!Array.isArray(metadata.supportedContractVersions) || metadata.supportedContractVersions.length === 0)
            throw invalid('supported contract versions not specified');
        if (!metadata.supportedContractVersions.includes(notationPluginContractVersion)) {
            throw invalid(`contract version "${notationPluginContractVersion}" is not in the list of the plugin supported versions [${metadata.supportedContractVersions.join(' ')}]`);
        }
        if (metadata.name !== this.name)
            throw new NotationPluginError(`plugin executable file name must be "notation-${metadata.name}" instead of "notation-${this.name}"`);
        return metadata;
    }
    async describeKey(keyId, pluginConfig) {
        const response = (await this.run('describe-key', { contractVersion: notationPluginContractVersion, keyId, ...(pluginConfig ? { pluginConfig } : {}) }));
        if (response?.keyId !== keyId)
            throw new NotationPluginError(`keyID in describeKey response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(keyId)}`);
        if (!(0,notation/* isNotationKeySpec */.v$)(response.keySpec))
            throw new NotationPluginError(`plugin ${this.name} described key ${keyId} with unknown key spec ${JSON.stringify(response.keySpec)}`);
        return { keyId, keySpec: response.keySpec };
    }
    /** `generate-signature`: `payload` is sent base64-encoded (for JWS that is the signing input, encoded a second time). */
    async generateSignature(request) {
        const response = (await this.run('generate-signature', {
            contractVersion: notationPluginContractVersion,
            keyId: request.keyId,
            keySpec: request.keySpec,
            hashAlgorithm: request.hashAlgorithm,
            payload: request.payload.toString('base64'),
            ...(request.pluginConfig ? { pluginConfig: request.pluginConfig } : {}),
        }));
        if (response?.keyId !== request.keyId)
            throw new NotationPluginError(`keyID in generateSignature response ${JSON.stringify(response?.keyId ?? '')} does not match request ${JSON.stringify(request.keyId)}`);
        if (typeof response.signature !== 'string' || !response.signature)
            throw new NotationPluginError(`plugin ${this.name} returned no signature`);
        if (!Array.isArray(response.certificateChain) || response.certificateChain.length === 0 || !response.certificateChain.every((c) => typeof c === 'string')) {
            throw new NotationPluginError(`plugin ${this.name} returned no certificate chain`);
        }
        return {
            keyId: request.keyId,
            signature: Buffer.from(response.signature, 'base64'),
            signingAlgorithm: response.signingAlgorithm,
            certificateChain: (response.certificateChain).map((c) => Buffer.from(c, 'base64')),
        };
    }
}
/** Reads one DER TLV at `offset` (short or one-byte long length): tag, body and where the next one starts. */
function readTlv(der, offset) {
    const tag = der[offset];
    let length = der[offset + 1];
    let start = offset + 2;
    if (tag === undefined || length === undefined)
        return undefined;
    if (length & 0x80) {
        if ((length & 0x7f) !== 1)
            return undefined;
        length = der[start] ?? 0;
        start += 1;
    }
    const body = der.subarray(start, start + length);
    return body.length === length ? { tag, body, next: start + length } : undefined;
}
/** Converts a DER ECDSA signature (SEQUENCE of two INTEGERs) to the JWS R||S form; undefined when it is not one. */
function derToRawEcdsa(signature, coordinateBytes) {
    const sequence = readTlv(signature, 0);
    if (sequence?.tag !== 0x30 || sequence.next !== signature.length)
        return undefined;
    const r = readTlv(sequence.body, 0);
    const s = r && readTlv(sequence.body, r.next);
    if (r?.tag !== 0x02 || s?.tag !== 0x02 || s.next !== sequence.body.length)
        return undefined;
    const fixed = (n) => {
        let first = 0;
        while (first < n.length && n[first] === 0)
            first++;
        const trimmed = n.subarray(first);
        return trimmed.length > coordinateBytes ? undefined : Buffer.concat([Buffer.alloc(coordinateBytes - trimmed.length), trimmed]);
    };
    const rawR = fixed(r.body);
    const rawS = fixed(s.body);
    return rawR && rawS ? Buffer.concat([rawR, rawS]) : undefined;
}
/**
 * A signer backed by a Notation plugin with the `SIGNATURE_GENERATOR.RAW` capability: `get-plugin-metadata`, then
 * `describe-key` for the key spec (so `alg` is known before signing), then `generate-signature` per signature,
 * which also returns the certificate chain. Plugins that only build whole envelopes
 * (`SIGNATURE_GENERATOR.ENVELOPE`, e.g. AWS Signer) are not supported.
 */
async function createNotationPluginSigner(options) {
    if (!options.keyId)
        throw new NotationPluginError('keyID not specified');
    const plugin = new NotationPlugin(options);
    const metadata = await plugin.metadata(options.pluginConfig);
    if (!metadata.capabilities.includes(NotationPluginCapability.signatureGenerator)) {
        const envelopeOnly = metadata.capabilities.includes(NotationPluginCapability.envelopeGenerator);
        throw new NotationPluginError(envelopeOnly
            ? `plugin ${metadata.name} only generates whole signature envelopes (${NotationPluginCapability.envelopeGenerator}); d2ci signs with plugins that have ${NotationPluginCapability.signatureGenerator}`
            : `plugin ${metadata.name} does not have signing capabilities`);
    }
    const { keySpec } = await plugin.describeKey(options.keyId, options.pluginConfig);
    const algorithm = notation/* notationAlgorithms */.pM[keySpec];
    let chain;
    return {
        keySpec,
        metadata,
        plugin,
        signingAgent: `${metadata.name}/${metadata.version}`,
        async sign(bytes) {
            const response = await plugin.generateSignature({ keyId: options.keyId, keySpec, hashAlgorithm: algorithm.hashAlgorithm, payload: bytes, ...(options.pluginConfig ? { pluginConfig: options.pluginConfig } : {}) });
            if (response.signingAlgorithm !== algorithm.signingAlgorithm) {
                throw new NotationPluginError(`plugin ${metadata.name} signed with ${String(response.signingAlgorithm)}, but key ${options.keyId} is ${keySpec}, which signs with ${algorithm.signingAlgorithm}`);
            }
            // The contract asks for the raw form, but some key services answer ECDSA in DER: accept both.
            let signature = response.signature;
            if (algorithm.coordinateBytes && signature.length !== 2 * algorithm.coordinateBytes) {
                signature = derToRawEcdsa(signature, algorithm.coordinateBytes) ?? signature;
            }
            for (const der of response.certificateChain) {
                try {
                    new external_node_crypto_.X509Certificate(der);
                }
                catch {
                    throw new NotationPluginError(`plugin ${metadata.name} returned a certificate chain that is not DER X.509`);
                }
            }
            chain = response.certificateChain;
            return signature;
        },
        async certificateChain() {
            if (!chain)
                throw new NotationPluginError('certificate chain is not set (sign first: the plugin returns it with the signature)');
            return chain;
        },
    };
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
    const path = (0,external_node_path_.resolve)(context.workspace, value);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new InputError(name, `is neither a PEM key nor a file in the workspace ("${value}"); pass the key itself, e.g. \${{ secrets.COSIGN_PRIVATE_KEY }}`);
    return (0,external_node_fs_.readFileSync)(path, 'utf8');
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
        setSecret(key);
    if (password)
        setSecret(password);
    if (!booleanInput('sign', true))
        return undefined;
    const formatValue = stringInput('signature-format', { fallback: 'legacy' });
    const formats = [...sign/* signatureFormats */.XO, ...(options.notation === false ? [] : ['notation'])];
    if (!formats.includes(formatValue))
        throw new InputError('signature-format', `"${formatValue}" is not one of ${formats.join(', ')}`);
    if (formatValue === 'notation')
        return notationInputs(context);
    const format = formatValue;
    if (key) {
        try {
            return { kind: 'cosign', format, identity: { kind: 'key', privateKey: (0,keys.loadPrivateKey)(pemInput('signing-key', key, context), password) }, describe: 'key-based (no transparency log)' };
        }
        catch (err) {
            if (err instanceof keys.KeyError)
                throw new InputError(/password/.test(err.message) ? 'signing-key-password' : 'signing-key', err.message);
            throw err;
        }
    }
    if (!hasGitHubIdToken()) {
        throw new InputError('sign', 'keyless signing needs the job\'s OIDC token: add `permissions: id-token: write` to the job, or set `sign: false`');
    }
    const url = (name, fallback) => {
        const value = stringInput(name) || fallback;
        if (value && !/^https?:\/\/[^\s/]+/.test(value))
            throw new InputError(name, `"${value}" is not an http(s) URL`);
        return value;
    };
    const fulcioUrl = url('fulcio-url', signer/* publicGood */.xe.fulcio);
    const rekorUrl = url('rekor-url', signer/* publicGood */.xe.rekor);
    const tsaUrl = url('timestamp-server-url');
    return {
        kind: 'cosign',
        format,
        identity: { kind: 'keyless', identity: githubActionsIdentity('sigstore', { onToken: (token) => setSecret(token) }), fulcioUrl, rekorUrl, tsaUrl },
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
        setSecret(key);
    if (password)
        setSecret(password);
    if (plugin) {
        if (key)
            throw new InputError('notation-plugin', 'give `notation-plugin` (with `notation-key-id`) or `notation-key`, not both');
        const keyId = stringInput('notation-key-id');
        if (!keyId)
            throw new InputError('notation-key-id', `is required with \`notation-plugin\`: the key's id in ${plugin}'s terms`);
        const pluginConfig = {};
        for (const line of stringInput('notation-plugin-config').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
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
    const signer = (0,notation/* createNotationKeySigner */.YR)({ privateKey: pemInput('notation-key', key, context), password, certificateChain: pemInput('notation-certificate-chain', chain, context) }).catch((err) => {
        if (err instanceof notation/* NotationError */.B1 || err instanceof keys.KeyError)
            throw new InputError(/password|decrypt/i.test(err.message) ? 'notation-key-password' : /certificate/i.test(err.message) ? 'notation-certificate-chain' : 'notation-key', err.message);
        throw err;
    });
    signer.catch(() => undefined);
    return { kind: 'notation', format: 'notation', signer, describe: 'Notary Project (X.509 key and chain)' };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/policy.ts
/** GitHub Actions' OIDC issuer, the default issuer to expect (as Flux and the D2 clusters do). */
const githubIssuer = 'https://token.actions.githubusercontent.com';
class PolicyInputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PolicyInputError';
    }
}
function compile(flag, pattern) {
    try {
        // Go's RE2 and JavaScript agree on the patterns identity policies use (anchors, classes, escapes).
        return new RegExp(pattern);
    }
    catch (err) {
        throw new PolicyInputError(`${flag} "${pattern}" is not a valid regular expression: ${err.message}`);
    }
}
/**
 * A keyless identity policy as cosign and Flux apply it: the certificate's SAN and OIDC issuer, each exact or by
 * regular expression (unanchored unless the pattern anchors itself, as with Go's MatchString).
 */
function compilePolicy(policy) {
    if (policy.identity && policy.identityRegexp)
        throw new PolicyInputError('give certificate-identity or certificate-identity-regexp, not both');
    if (policy.issuer && policy.issuerRegexp)
        throw new PolicyInputError('give certificate-oidc-issuer or certificate-oidc-issuer-regexp, not both');
    if (!policy.identity && !policy.identityRegexp)
        throw new PolicyInputError('certificate-identity or certificate-identity-regexp is required for keyless verification, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$');
    const identity = policy.identityRegexp ? compile('certificate-identity-regexp', policy.identityRegexp) : undefined;
    const issuerPattern = policy.issuerRegexp ? compile('certificate-oidc-issuer-regexp', policy.issuerRegexp) : undefined;
    const issuer = policy.issuer || (issuerPattern ? undefined : githubIssuer);
    const describeIdentity = identity ? `identity matching ${policy.identityRegexp ?? ''}` : `identity ${policy.identity ?? ''}`;
    const describeIssuer = issuerPattern ? `issuer matching ${policy.issuerRegexp ?? ''}` : `issuer ${issuer ?? ''}`;
    const repository = policy.sourceRepository?.trim().replace(/^https:\/\/github\.com\//, '').toLowerCase();
    if (repository !== undefined && repository !== '' && !/^[a-z0-9_.-]+\/[a-z0-9_.-]+$/.test(repository))
        throw new PolicyInputError(`certificate-github-workflow-repository "${policy.sourceRepository}" is not owner/repo`);
    return {
        describe: `${describeIdentity}, ${describeIssuer}${repository ? `, run in ${repository}` : ''}`,
        mismatch(signer) {
            const identityOk = identity ? identity.test(signer.identity ?? '') : signer.identity === policy.identity;
            if (!identityOk)
                return `signed by ${signer.identity ?? '(no identity)'}, expected ${describeIdentity}`;
            const issuerOk = issuerPattern ? issuerPattern.test(signer.issuer ?? '') : signer.issuer === issuer;
            if (!issuerOk)
                return `issued by ${signer.issuer ?? '(no issuer)'}, expected ${describeIssuer}`;
            // GitHub repository names are case-insensitive.
            if (repository && signer.sourceRepository?.toLowerCase() !== repository)
                return `signed by ${signer.identity ?? ''} in a run of ${signer.sourceRepository ?? '(no repository in the certificate)'}, expected a run of ${repository}`;
            return undefined;
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/trust.ts



class TrustError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TrustError';
    }
}
/** The trusted root to verify keyless signatures with: a file, or the public-good root fetched through TUF. */
async function loadTrustedRoot(options = {}) {
    const { TrustedRoot } = await __nccwpck_require__.e(/* import() */ 773).then(__nccwpck_require__.t.bind(__nccwpck_require__, 17154, 23));
    if (options.trustedRootFile) {
        let json;
        try {
            json = JSON.parse(await (0,promises_.readFile)(options.trustedRootFile, 'utf8'));
        }
        catch (err) {
            throw new TrustError(`cannot read trusted root ${options.trustedRootFile}: ${err.message}`);
        }
        // TrustedRoot.fromJSON accepts any JSON (it fills in an empty root): check the media type first.
        const mediaType = json?.mediaType;
        if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
            throw new TrustError(`${options.trustedRootFile} is not a Sigstore trusted_root.json (its mediaType is ${JSON.stringify(mediaType ?? null)})`);
        }
        try {
            return TrustedRoot.fromJSON(json);
        }
        catch (err) {
            throw new TrustError(`${options.trustedRootFile} is not a Sigstore trusted_root.json: ${err.message}`);
        }
    }
    const { getTrustedRoot } = await Promise.all(/* import() */[__nccwpck_require__.e(773), __nccwpck_require__.e(855), __nccwpck_require__.e(910)]).then(__nccwpck_require__.bind(__nccwpck_require__, 34187));
    const cachePath = options.tufCachePath ?? (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.homedir)() || (0,external_node_os_.tmpdir)(), '.sigstore', 'd2ci-tuf');
    try {
        return await getTrustedRoot({ mirrorURL: options.tufMirrorUrl, rootPath: options.tufRootPath, cachePath, retry: 2, timeout: 15_000 });
    }
    catch (err) {
        throw new TrustError(`cannot fetch the Sigstore trusted root through TUF${options.tufMirrorUrl ? ` from ${options.tufMirrorUrl}` : ''}: ${err.message} (pass trusted-root to verify offline)`);
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/verification.ts




const verifyInputNames = {
    identity: 'certificate-identity',
    identityRegexp: 'certificate-identity-regexp',
    issuer: 'certificate-oidc-issuer',
    issuerRegexp: 'certificate-oidc-issuer-regexp',
    key: 'key',
    trustedRoot: 'trusted-root',
    sourceRepository: 'certificate-github-workflow-repository',
};
function publicKeys(input, value, context) {
    let pem = value;
    if (!value.includes('-----BEGIN')) {
        const path = (0,external_node_path_.resolve)(context.workspace, value);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new InputError(input, `is neither a PEM public key nor a file in the workspace ("${value}")`);
        pem = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
    try {
        return blocks.map((block) => (0,keys.loadPublicKey)(block));
    }
    catch (err) {
        if (err instanceof keys.KeyError)
            throw new InputError(input, err.message);
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
        return { kind: 'key', keys: publicKeys(names.key, key, context) };
    }
    if (!identity && !identityRegexp && defaults.identityRegexp)
        identityRegexp = defaults.identityRegexp;
    const issuer = stringInput(names.issuer);
    const issuerRegexp = stringInput(names.issuerRegexp);
    // The default repository is a GitHub one: it applies to GitHub-issued certificates only.
    const githubIssued = !issuerRegexp && (!issuer || issuer === githubIssuer);
    let policy;
    try {
        policy = compilePolicy({ identity, identityRegexp, issuer, issuerRegexp, sourceRepository: stringInput(names.sourceRepository) || (githubIssued ? defaults.sourceRepository : undefined) });
    }
    catch (err) {
        if (err instanceof PolicyInputError) {
            if (/^certificate-github-workflow-repository /.test(err.message))
                throw new InputError(names.sourceRepository, `${err.message.replace(/^certificate-github-workflow-repository /, '')}, e.g. acme/apps`);
            const name = /issuer/.test(err.message) ? (/regular expression/.test(err.message) ? names.issuerRegexp : names.issuer) : /regular expression/.test(err.message) ? names.identityRegexp : names.identity;
            throw new InputError(name, err.message.replace(/^certificate-[a-z-]+ /, '').replace(/certificate-identity or certificate-identity-regexp/, `\`${names.identity}\` or \`${names.identityRegexp}\``));
        }
        throw err;
    }
    const file = stringInput(names.trustedRoot);
    const path = file ? (0,external_node_path_.resolve)(context.workspace, file) : '';
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
            throw new InputError(names.trustedRoot, err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/index.ts










/***/ }),

/***/ 18359:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ reproducibleCreated),
/* harmony export */   YH: () => (/* binding */ Annotation),
/* harmony export */   ag: () => (/* binding */ rfc3339),
/* harmony export */   rE: () => (/* binding */ cosignTagSuffixes),
/* harmony export */   u7: () => (/* binding */ FluxMediaType)
/* harmony export */ });
/** Media types and annotations of Flux OCI artifacts (fluxcd/pkg oci/constants.go, meta.go). */
const FluxMediaType = {
    config: 'application/vnd.cncf.flux.config.v1+json',
    content: 'application/vnd.cncf.flux.content.v1.tar+gzip',
};
const Annotation = {
    created: 'org.opencontainers.image.created',
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
};
/** `--reproducible` fixes the creation time to the Unix epoch, as `flux push artifact --reproducible` does. */
const reproducibleCreated = '1970-01-01T00:00:00Z';
/** Tag suffixes of cosign signatures, attestations and SBOMs, hidden from artifact listings (flux `IsCosignArtifact`). */
const cosignTagSuffixes = ['.sig', '.att', '.sbom'];
/** RFC 3339 UTC with whole seconds, the format Go's time.RFC3339 gives Flux's `created`. */
function rfc3339(date) {
    return date.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}


/***/ }),

/***/ 49999:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ githubTokenCredentials),
/* harmony export */   v: () => (/* binding */ isGitHubRegistry)
/* harmony export */ });
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
        credentialFor: async (registry) => options.token && isGitHubRegistry(registry, options.serverUrl) ? { username: options.actor || 'x-access-token', password: options.token } : undefined,
    };
}


/***/ }),

/***/ 19400:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ pushIfMissing),
/* harmony export */   v: () => (/* binding */ attachReferrer)
/* harmony export */ });
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(18613);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(77796);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83632);



/** Stores small content unless the target already has it (one HEAD instead of an upload). */
async function pushIfMissing(target, descriptor, content) {
    if (!(await target.exists(descriptor)))
        await target.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(content));
}
/**
 * Attaches content to a manifest as an OCI 1.1 referrer (image-spec "artifact" guidance): an image manifest with
 * `artifactType`, the empty config, one layer and `subject`. Pushed by digest; a registry without the
 * referrers API gets the `sha256-<hex>` tag-schema index instead (RemoteRepository does that on push).
 */
async function attachReferrer(target, subject, options) {
    const layer = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(options.layerMediaType ?? options.artifactType, options.content);
    const config = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociEmpty, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyJson */ .Gu);
    const manifest = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest,
        artifactType: options.artifactType,
        config: (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)(config),
        layers: [(0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)(layer)],
        subject: (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size }),
    };
    if (options.annotations && Object.keys(options.annotations).length)
        manifest.annotations = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .sortedAnnotations */ .sk)(options.annotations);
    const bytes = Buffer.from(JSON.stringify(manifest));
    const descriptor = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .descriptorFor */ .RZ)(_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest, bytes, { artifactType: options.artifactType });
    await Promise.all([pushIfMissing(target, config, _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyJson */ .Gu), pushIfMissing(target, layer, options.content)]);
    await target.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesSource */ .Xl)(bytes));
    return descriptor;
}


/***/ }),

/***/ 83632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ fileSource),
/* harmony export */   Xl: () => (/* binding */ bytesSource),
/* harmony export */   yw: () => (/* binding */ readAll)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48706);



const fileReadChunk = 1 << 20;
function bytesSource(data) {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return {
        size: buffer.length,
        open: (start = 0, end = buffer.length) => node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([buffer.subarray(start, end)], { objectMode: false }),
    };
}
function fileSource(path, size) {
    return {
        size,
        path,
        open: (start = 0, end = size) => end <= start ? node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from([], { objectMode: false }) : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { start, end: end - 1, highWaterMark: fileReadChunk }),
    };
}
/** Reads a stream to the end; with `limit`, fails instead of buffering more than that many bytes. */
async function readAll(stream, limit = Number.POSITIVE_INFINITY) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > limit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OciError */ .Mf('SIZE_INVALID', `content is larger than the ${limit}-byte limit`);
        chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks, total);
}


/***/ }),

/***/ 77796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gh: () => (/* binding */ artifactTypeOf),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   RZ: () => (/* binding */ descriptorFor),
/* harmony export */   UM: () => (/* binding */ plainDescriptor),
/* harmony export */   ir: () => (/* binding */ successors),
/* harmony export */   nw: () => (/* binding */ isIndex),
/* harmony export */   sk: () => (/* binding */ sortedAnnotations)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48706);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(18613);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48341);



function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** A descriptor for some bytes, with the sha256 digest computed. */
function descriptorFor(mediaType, data, extra = {}) {
    return { mediaType, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(data), size: data.length, ...extra };
}
function assertDescriptor(value, where) {
    const d = value;
    if (typeof d !== 'object' || d === null || typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
    }
    (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(d.digest);
}
/**
 * Parses manifest bytes and checks the parts we rely on. The media type comes from the body when present,
 * else from the transport (Content-Type); a mismatch between the two is rejected, as the distribution spec asks.
 */
function parseManifest(data, contentType) {
    let manifest;
    try {
        manifest = JSON.parse(Buffer.from(data).toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
    }
    const declared = manifest.mediaType;
    const transported = contentType?.split(';')[0]?.trim();
    if (declared && transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) && declared !== transported) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
    }
    const mediaType = declared ?? (transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) ? transported : undefined);
    if (!mediaType || !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType)) {
        const index = manifest;
        if (!Array.isArray(index.manifests))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'index has no manifests array');
        index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
    }
    else {
        const image = manifest;
        assertDescriptor(image.config, 'config');
        if (!Array.isArray(image.layers))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest has no layers array');
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


/***/ }),

/***/ 48341:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   vl: () => (/* binding */ DigestStream)
/* harmony export */ });
/* unused harmony exports isDigest, createDigester */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48706);



const algorithms = { sha256: 64, sha512: 128 };
/** OCI digest grammar (image-spec descriptor.md), restricted to the algorithms registries accept. */
const digestPattern = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;
function parseDigest(value) {
    const match = digestPattern.exec(value);
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": expected <algorithm>:<hex>, e.g. sha256:<64 hex characters>`);
    }
    const [, algorithm = '', hex = ''] = match;
    if (!(algorithm in algorithms)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": unsupported algorithm "${algorithm}" (use sha256 or sha512)`);
    }
    const length = algorithms[algorithm];
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidReferenceError */ .x_(`invalid digest "${value}": ${algorithm} needs ${length} lowercase hex characters`);
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

/***/ 48706:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ OciError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/**
 * Errors raised by the OCI client. `code` is the registry's error code (e.g. `MANIFEST_UNKNOWN`) or one of
 * ours (`NETWORK`, `INVALID_REFERENCE`, `DIGEST_MISMATCH`, …); `hint` is the fix a user should try.
 * The message is always a single line so actions can print it with `core.setFailed` as is.
 */
class OciError extends Error {
    code;
    status;
    hint;
    constructor(code, message, options = {}) {
        const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
        super(options.hint ? `${oneLine}; ${options.hint}` : oneLine, { cause: options.cause });
        this.name = 'OciError';
        this.code = code;
        this.status = options.status;
        this.hint = options.hint;
    }
}
/** A reference, digest or other value given by the user does not parse. */
class InvalidReferenceError extends OciError {
    constructor(message) {
        super('INVALID_REFERENCE', message);
        this.name = 'InvalidReferenceError';
    }
}
function isNotFound(err) {
    return err instanceof OciError && (err.status === 404 || /_UNKNOWN$/.test(err.code));
}


/***/ }),

/***/ 71737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  Or: () => (/* binding */ attemptsOf),
  a0: () => (/* binding */ networkErrorCode)
});

// UNUSED EXPORTS: defaultRetryPolicy, parseRetryAfter

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __nccwpck_require__(58500);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(48706);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(44708);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(46466);
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
    send(method, url, headers, body, signal) {
        const secure = url.protocol === 'https:';
        const send = secure ? external_node_https_.request : external_node_http_.request;
        return new Promise((resolve, reject) => {
            const req = send(url, { method, headers: { ...headers, 'content-length': String(body.end - body.start) }, agent: secure ? this.#https : this.#http, signal }, (res) => {
                resolve(toResponse(method, res));
            });
            req.on('error', reject);
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
        await (0,external_node_stream_promises_.pipeline)(body.source.open(body.start, body.end), req);
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



const defaultRetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
const retryableStatus = new Set([408, 429, 500, 502, 503, 504]);
const retryableErrorCodes = new Set([
    'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH',
    'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 10;
const attemptsTaken = new WeakMap();
/** How many attempts the transport made before settling on this response (1 when it was not retried). */
function attemptsOf(response) {
    return attemptsTaken.get(response) ?? 1;
}
/** The innermost error code of a fetch failure (undici wraps socket errors in `TypeError: fetch failed`). */
function networkErrorCode(err) {
    let current = err;
    for (let depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string')
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
    #options;
    #uploads = new UploadSender();
    constructor(options = {}) {
        this.#options = options;
        this.policy = { ...defaultRetryPolicy, ...options.retry };
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
            try {
                if (upload) {
                    response = await this.#uploads.send(method, url, headers, upload, this.#options.signal);
                }
                else {
                    const init = { method, headers, redirect: 'manual', signal: this.#options.signal };
                    if (body) {
                        init.body = body();
                        init.duplex = 'half';
                    }
                    response = await fetch(url, init);
                }
            }
            catch (err) {
                const code = networkErrorCode(err);
                this.#options.onRequest?.({ method, url: url.href, attempt, error: code ?? String(err) });
                if (this.#options.signal?.aborted)
                    throw err;
                const message = describeNetworkError(err, url);
                if (attempt >= attempts || !code || !retryableErrorCodes.has(code)) {
                    throw new errors/* OciError */.Mf('NETWORK', attempt > 1 ? `${message} (after ${attempt} attempts)` : message, { cause: err });
                }
                await this.#backoff(attempt, undefined);
                continue;
            }
            this.#options.onRequest?.({ method, url: url.href, attempt, status: response.status });
            attemptsTaken.set(response, attempt);
            if (!retryableStatus.has(response.status) || attempt >= attempts)
                return response;
            const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
            if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs)
                return response;
            await response.body?.cancel();
            await this.#backoff(attempt, retryAfter);
        }
    }
    async #backoff(attempt, retryAfter) {
        const exponential = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
        const jittered = exponential * (0.5 + Math.random() * 0.5);
        await (0,promises_.setTimeout)(retryAfter ?? jittered, undefined, { signal: this.#options.signal });
    }
}


/***/ }),

/***/ 18613:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $P: () => (/* binding */ manifestMediaTypes),
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   Gu: () => (/* binding */ emptyJson),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
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
function isManifestMediaType(mediaType) {
    return manifestMediaTypes.includes(mediaType);
}
function isIndexMediaType(mediaType) {
    return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
/** The OCI empty descriptor's content, `{}`. */
const emptyJson = Buffer.from('{}');


/***/ }),

/***/ 46198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ targetSource),
/* harmony export */   n: () => (/* binding */ MemoryStore)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(48706);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(48341);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(18613);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(77796);
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(83632);
/* harmony import */ var _order_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(38085);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(36869);








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
        if (entry && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestMediaType */ .CM)(entry.descriptor.mediaType))
            return entry.descriptor;
        throw missing(this.name, reference);
    }
    async fetchManifest(reference) {
        const descriptor = await this.resolve(reference);
        return { descriptor, bytes: await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(await this.fetch(descriptor)) };
    }
    async fetch(descriptor) {
        const verifier = new _digest_js__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = this.source(descriptor).open();
        stream.on('error', (err) => verifier.destroy(err));
        return stream.pipe(verifier);
    }
    async exists(descriptor) {
        return this.#content.has(descriptor.digest);
    }
    async push(descriptor, content) {
        const verifier = new _digest_js__WEBPACK_IMPORTED_MODULE_3__/* .DigestStream */ .vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = content.open();
        stream.on('error', (err) => verifier.destroy(err));
        const bytes = await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(stream.pipe(verifier));
        if (bytes.length !== descriptor.size)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OciError */ .Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${bytes.length} bytes, expected ${descriptor.size}`);
        this.#content.set(descriptor.digest, { descriptor: { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }, source: (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .bytesSource */ .Xl)(bytes) });
    }
    async pushReference(descriptor, bytes, reference) {
        await this.push(descriptor, (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .bytesSource */ .Xl)(bytes));
        await this.tag(descriptor, reference);
    }
    async tag(descriptor, tag) {
        const entry = this.#content.get(descriptor.digest);
        if (!entry)
            throw missing(this.name, descriptor.digest);
        this.#tags.set(tag, entry.descriptor);
    }
    async tags() {
        return [...this.#tags.keys()].sort(_order_js__WEBPACK_IMPORTED_MODULE_5__/* .compareBytes */ .X);
    }
    async referrers(descriptor, options = {}) {
        const found = [];
        for (const { descriptor: candidate } of this.#content.values()) {
            if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isManifestMediaType */ .CM)(candidate.mediaType))
                continue;
            const { manifest } = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_6__/* .parseManifest */ .Ng)(await (0,_content_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(this.source(candidate).open()), candidate.mediaType);
            if (manifest.subject?.digest === descriptor.digest)
                found.push((0,_referrers_js__WEBPACK_IMPORTED_MODULE_7__/* .referrerDescriptor */ .xh)(candidate, manifest));
        }
        return (0,_referrers_js__WEBPACK_IMPORTED_MODULE_7__/* .filterByArtifactType */ .Ul)(found, options.artifactType);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OciError */ .Mf('NOT_FOUND', `${reference} not found in ${name}`, { status: 404 });
}
/** A BlobSource reading from a target's verified fetch; reopening re-fetches and skips to the offset. */
function targetSource(target, descriptor) {
    return {
        size: descriptor.size,
        open(start = 0, end = descriptor.size) {
            const out = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
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


/***/ }),

/***/ 42328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ME: () => (/* binding */ childLocation),
  zb: () => (/* binding */ locationName),
  Ap: () => (/* binding */ openTarget),
  zS: () => (/* binding */ parseLocation)
});

// UNUSED EXPORTS: formatLocation, layoutScheme, locationReference

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(48341);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(48936);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(46466);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(36869);
;// CONCATENATED MODULE: ../../packages/core/src/oci/layout.ts












const refNameAnnotation = 'org.opencontainers.image.ref.name';
const layoutFile = JSON.stringify({ imageLayoutVersion: '1.0.0' });
/** Serialises index.json updates per directory within this process; each write is an atomic rename. */
const indexLocks = new Map();
/**
 * An OCI image layout directory (image-spec image-layout.md): `oci-layout`, `index.json`, `blobs/<alg>/<hex>`.
 * Tags are `org.opencontainers.image.ref.name` annotations in index.json; untagged manifests stay listed there
 * too, so referrers can be found and nothing pushed becomes invisible. Readable by skopeo (`oci:DIR:TAG`).
 */
class OciLayout {
    dir;
    name;
    #ready;
    constructor(dir) {
        this.dir = (0,external_node_path_.resolve)(dir);
        this.name = `oci-layout:${dir}`;
    }
    #blobPath(digest) {
        const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
        return (0,external_node_path_.join)(this.dir, 'blobs', algorithm, hex);
    }
    /** Creates the layout skeleton on first write. */
    #init() {
        this.#ready ??= (async () => {
            await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'blobs', 'sha256'), { recursive: true });
            const existing = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'oci-layout'), 'utf8').catch(() => undefined);
            if (existing === undefined)
                await this.#writeAtomic('oci-layout', layoutFile);
            else if (JSON.parse(existing).imageLayoutVersion !== '1.0.0') {
                throw new errors/* OciError */.Mf('UNSUPPORTED', `${this.name} has an unsupported imageLayoutVersion`);
            }
            // Under the index lock, so a writer that found no index.json cannot replace one another writer just filled.
            await this.#locked(() => (0,promises_.stat)((0,external_node_path_.join)(this.dir, 'index.json')).catch(() => this.#writeIndex({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: [] })));
        })();
        return this.#ready;
    }
    /** Writes a file in the layout by rename, so no reader ever sees it half-written. */
    async #writeAtomic(name, content) {
        const temp = (0,external_node_path_.join)(this.dir, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        await (0,promises_.writeFile)(temp, content);
        await (0,promises_.rename)(temp, (0,external_node_path_.join)(this.dir, name));
    }
    /** Runs `fn` after every earlier index.json change to this directory in this process. */
    async #locked(fn) {
        const previous = indexLocks.get(this.dir) ?? Promise.resolve();
        const next = previous.catch(() => undefined).then(fn);
        indexLocks.set(this.dir, next);
        try {
            return await next;
        }
        finally {
            if (indexLocks.get(this.dir) === next)
                indexLocks.delete(this.dir);
        }
    }
    async #readIndex() {
        let text;
        try {
            text = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, 'index.json'), 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: [] };
            throw err;
        }
        const index = JSON.parse(text);
        if (!Array.isArray(index.manifests))
            throw new errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}/index.json has no manifests array`);
        return index;
    }
    async #writeIndex(index) {
        await this.#writeAtomic('index.json', JSON.stringify(index));
    }
    async #updateIndex(change) {
        await this.#init();
        await this.#locked(async () => {
            const index = await this.#readIndex();
            change(index);
            await this.#writeIndex(index);
        });
    }
    async resolve(reference) {
        const index = await this.#readIndex();
        const byDigest = reference.includes(':');
        const entry = index.manifests.find((d) => (byDigest ? d.digest === reference : d.annotations?.[refNameAnnotation] === reference));
        if (entry)
            return { mediaType: entry.mediaType, digest: entry.digest, size: entry.size };
        if (byDigest) {
            const bytes = await (0,promises_.readFile)(this.#blobPath(reference)).catch(() => undefined);
            if (bytes) {
                (0,oci_digest/* verifyBytes */.RV)(bytes, { digest: reference });
                return { mediaType: (0,oci_descriptor/* parseManifest */.Ng)(bytes).mediaType, digest: reference, size: bytes.length };
            }
        }
        throw notFound(this.name, reference);
    }
    async fetchManifest(reference) {
        const descriptor = await this.resolve(reference);
        const bytes = await (0,promises_.readFile)(this.#blobPath(descriptor.digest)).catch(() => {
            throw notFound(this.name, descriptor.digest);
        });
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        return { descriptor, bytes };
    }
    async fetch(descriptor) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        const verifier = new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size });
        const stream = (0,external_node_fs_.createReadStream)(this.#blobPath(descriptor.digest), { highWaterMark: 1 << 20 });
        stream.on('error', (err) => verifier.destroy(err));
        return stream.pipe(verifier);
    }
    source(descriptor) {
        return (0,content/* fileSource */.IO)(this.#blobPath(descriptor.digest), descriptor.size);
    }
    async exists(descriptor) {
        const info = await (0,promises_.stat)(this.#blobPath(descriptor.digest)).catch(() => undefined);
        return info !== undefined && info.isFile() && info.size === descriptor.size;
    }
    async push(descriptor, content) {
        await this.#init();
        if (!(await this.exists(descriptor))) {
            const ingest = (0,external_node_path_.join)(this.dir, 'ingest');
            await (0,promises_.mkdir)(ingest, { recursive: true });
            await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'blobs', (0,oci_digest/* parseDigest */.m)(descriptor.digest).algorithm), { recursive: true });
            const temp = (0,external_node_path_.join)(ingest, (0,external_node_crypto_.randomBytes)(8).toString('hex'));
            try {
                await (0,external_node_stream_promises_.pipeline)(content.open(), new oci_digest/* DigestStream */.vl({ digest: descriptor.digest, size: descriptor.size }), (0,external_node_fs_.createWriteStream)(temp));
                const written = await (0,promises_.stat)(temp);
                if (written.size !== descriptor.size)
                    throw new errors/* OciError */.Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${written.size} bytes, expected ${descriptor.size}`);
                await (0,promises_.rename)(temp, this.#blobPath(descriptor.digest));
            }
            finally {
                await (0,promises_.rm)(temp, { force: true });
            }
        }
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            await this.#updateIndex((index) => {
                if (!index.manifests.some((d) => d.digest === descriptor.digest))
                    index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }));
            });
        }
    }
    async pushReference(descriptor, bytes, reference) {
        (0,oci_digest/* verifyBytes */.RV)(bytes, descriptor);
        await this.push(descriptor, (0,content/* bytesSource */.Xl)(bytes));
        await this.tag(descriptor, reference);
    }
    async tag(descriptor, tag) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        await this.#updateIndex((index) => {
            const moved = index.manifests.filter((d) => d.annotations?.[refNameAnnotation] === tag && d.digest !== descriptor.digest);
            index.manifests = index.manifests.filter((d) => d.annotations?.[refNameAnnotation] !== tag && !(d.digest === descriptor.digest && !d.annotations?.[refNameAnnotation]));
            index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size, annotations: { [refNameAnnotation]: tag } }));
            // A manifest that just lost its last tag stays listed, untagged, so it is still found (e.g. by referrers).
            for (const old of moved) {
                if (!index.manifests.some((d) => d.digest === old.digest))
                    index.manifests.push((0,oci_descriptor/* plainDescriptor */.UM)({ mediaType: old.mediaType, digest: old.digest, size: old.size }));
            }
        });
    }
    async tags() {
        const index = await this.#readIndex();
        const names = index.manifests.map((d) => d.annotations?.[refNameAnnotation]).filter((t) => Boolean(t));
        return [...new Set(names)].sort(order/* compareBytes */.X);
    }
    async referrers(descriptor, options = {}) {
        const index = await this.#readIndex();
        const found = [];
        const seen = new Set();
        for (const entry of index.manifests) {
            if (seen.has(entry.digest))
                continue;
            seen.add(entry.digest);
            const bytes = await (0,promises_.readFile)(this.#blobPath(entry.digest)).catch(() => undefined);
            if (!bytes)
                continue;
            const { manifest } = (0,oci_descriptor/* parseManifest */.Ng)(bytes, entry.mediaType);
            if (manifest.subject?.digest === descriptor.digest)
                found.push((0,referrers/* referrerDescriptor */.xh)(entry, manifest));
        }
        return (0,referrers/* filterByArtifactType */.Ul)(found, options.artifactType);
    }
    async delete(descriptor) {
        if (!(await this.exists(descriptor)))
            throw notFound(this.name, descriptor.digest);
        if ((0,media_types/* isManifestMediaType */.CM)(descriptor.mediaType)) {
            await this.#updateIndex((index) => {
                index.manifests = index.manifests.filter((d) => d.digest !== descriptor.digest);
            });
        }
        await (0,promises_.rm)(this.#blobPath(descriptor.digest), { force: true });
    }
}
function notFound(name, reference) {
    const what = reference.includes(':') ? reference : `tag "${reference}"`;
    return new errors/* OciError */.Mf(reference.includes(':') ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', `${what} not found in ${name}`, { status: 404 });
}

;// CONCATENATED MODULE: ../../packages/core/src/oci/open.ts




const layoutScheme = 'oci-layout:';
/**
 * Parses a location: `oci://host/repo[:tag|@digest]`, `host/repo[:tag|@digest]`, or
 * `oci-layout:DIR[:tag|@digest]` (also `oci-layout://DIR…`) for an OCI image layout directory.
 */
function parseLocation(input) {
    const raw = input.trim();
    if (!raw.startsWith(layoutScheme))
        return { kind: 'registry', reference: (0,reference/* parseReference */.F2)(raw) };
    let rest = raw.slice(layoutScheme.length).replace(/^\/\//, '');
    const location = { kind: 'layout', dir: '' };
    const at = rest.lastIndexOf('@');
    if (at > rest.lastIndexOf('/')) {
        location.digest = rest.slice(at + 1);
        (0,oci_digest/* parseDigest */.m)(location.digest);
        rest = rest.slice(0, at);
    }
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        location.tag = rest.slice(colon + 1);
        (0,reference/* assertValidTag */.b5)(location.tag);
        rest = rest.slice(0, colon);
    }
    if (!rest)
        throw new errors/* InvalidReferenceError */.x_(`invalid layout location "${input}": the directory is missing; expected oci-layout:DIR[:tag]`);
    location.dir = rest;
    return location;
}
function formatLocation(location) {
    if (location.kind === 'registry')
        return formatReference(location.reference);
    return `${layoutScheme}${location.dir}${location.tag ? `:${location.tag}` : ''}${location.digest ? `@${location.digest}` : ''}`;
}
/** The tag or digest a location names, if any (digest wins). */
function locationReference(location) {
    return location.kind === 'registry' ? (location.reference.digest ?? location.reference.tag) : (location.digest ?? location.tag);
}
/** The location without its tag or digest: `host/repo` or `oci-layout:DIR`. */
function locationName(location) {
    return location.kind === 'registry' ? `${location.reference.registry}/${location.reference.repository}` : `${layoutScheme}${location.dir}`;
}
function openTarget(location, client) {
    return location.kind === 'registry' ? client.repository(location.reference) : new OciLayout(location.dir);
}
/** `<location>/<name>` without tag or digest: where a component of a base repository (or layout directory) lives. */
function childLocation(base, name) {
    return base.kind === 'registry'
        ? { kind: 'registry', reference: { registry: base.reference.registry, repository: `${base.reference.repository}/${name}` } }
        : { kind: 'layout', dir: `${base.dir}/${name}` };
}


/***/ }),

/***/ 38085:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ compareBytes)
/* harmony export */ });
/** Byte-wise string order (Go's sort.Strings), which tag lists and tar entries use; never locale order. */
function compareBytes(a, b) {
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
}


/***/ }),

/***/ 48936:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ tagRule),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Fh: () => (/* binding */ registryEndpoint),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   b5: () => (/* binding */ assertValidTag),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports dockerHub, referenceTarget */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48706);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48341);


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(`invalid reference "${input}": ${why}`);
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
            fail(err.message.replace(/^invalid digest/, 'digest'));
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidReferenceError */ .x_(`invalid tag "${tag}": ${tagRule}`);
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

/***/ 36869:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   Qy: () => (/* binding */ removeReferrer),
/* harmony export */   Ul: () => (/* binding */ filterByArtifactType),
/* harmony export */   Xg: () => (/* binding */ addReferrer),
/* harmony export */   _9: () => (/* binding */ emptyReferrersIndex),
/* harmony export */   xh: () => (/* binding */ referrerDescriptor)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48341);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(77796);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(18613);



/**
 * The Referrers Tag Schema tag for a subject digest (distribution-spec §"Referrers Tag Schema"):
 * `<alg>-<hex>`, algorithm truncated to 32 characters and the encoded part to 64.
 */
function referrersTag(subjectDigest) {
    const { algorithm, hex } = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(subjectDigest);
    return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`.replace(/[^a-zA-Z0-9._-]/g, '-');
}
/** The descriptor a referrers listing shows for a manifest: its artifact type and annotations. */
function referrerDescriptor(descriptor, manifest) {
    const out = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .plainDescriptor */ .UM)({ mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size });
    const artifactType = (0,_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .artifactTypeOf */ .Gh)(manifest);
    if (manifest.annotations && Object.keys(manifest.annotations).length)
        out.annotations = manifest.annotations;
    if (artifactType)
        out.artifactType = artifactType;
    return out;
}
function emptyReferrersIndex() {
    return { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex, manifests: [] };
}
/** Adds a referrer to a fallback index; returns false when it is already listed. */
function addReferrer(index, referrer) {
    if (index.manifests.some((d) => d.digest === referrer.digest))
        return false;
    index.manifests.push(referrer);
    return true;
}
/** Removes a referrer from a fallback index; returns false when it was not listed. */
function removeReferrer(index, digest) {
    const before = index.manifests.length;
    index.manifests = index.manifests.filter((d) => d.digest !== digest);
    return index.manifests.length !== before;
}
function filterByArtifactType(referrers, artifactType) {
    return artifactType ? referrers.filter((d) => d.artifactType === artifactType) : referrers;
}


/***/ }),

/***/ 86666:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KeyError: () => (/* binding */ KeyError),
  keyId: () => (/* binding */ keyId),
  loadPrivateKey: () => (/* binding */ loadPrivateKey),
  loadPublicKey: () => (/* binding */ loadPublicKey),
  publicKeyPem: () => (/* binding */ publicKeyPem)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/utils.js
/**
 * Utilities for hex, bytes, CSPRNG.
 * @module
 */
/*! noble-ciphers - MIT License (c) 2023 Paul Miller (paulmillr.com) */
function aarray(item, title, inner = () => { }) {
    if (!Array.isArray(item))
        throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
    for (let i = 0; i < item.length; i++)
        inner(item[i], `${title}[${i}]`);
    return item;
}
/**
 * Checks if something is Uint8Array. Be careful: nodejs Buffer will return true.
 * @param a - Value to inspect.
 * @returns `true` when the value is a Uint8Array view, including Node's `Buffer`.
 * @example
 * Guards a value before treating it as raw key material.
 *
 * ```ts
 * isBytes(new Uint8Array());
 * ```
 */
function isBytes(a) {
    // Plain `instanceof Uint8Array` is too strict for some Buffer / proxy /
    // cross-realm cases. The fallback still requires a real ArrayBuffer view
    // so plain JSON-deserialized `{ constructor: ... }`
    // spoofing is rejected, and `BYTES_PER_ELEMENT === 1` keeps the fallback on byte-oriented views.
    return (a instanceof Uint8Array ||
        (ArrayBuffer.isView(a) &&
            a.constructor.name === 'Uint8Array' &&
            'BYTES_PER_ELEMENT' in a &&
            a.BYTES_PER_ELEMENT === 1));
}
// Shared error-message prefix builder. Only called on throw paths, so assert
// success paths never pay for the string concatenation.
const atitle = (title) => (title ? `"${title}" ` : '');
/**
 * Asserts something is boolean.
 * @param value - Value to validate.
 * @returns The validated boolean.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Validates a boolean option before branching on it.
 *
 * ```ts
 * abool(true);
 * ```
 */
function abool(value, title = '') {
    if (typeof value !== 'boolean')
        throw new TypeError(atitle(title) + 'expected boolean, got type=' + typeof value);
    return value;
}
/**
 * Asserts something is a non-negative safe integer.
 * @param n - Value to validate.
 * @returns The validated number.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Validates a non-negative length or counter.
 *
 * ```ts
 * anumber(1);
 * ```
 */
function utils_anumber(n, title = '') {
    if (typeof n !== 'number')
        throw new TypeError(atitle(title) + 'expected number, got ' + typeof n);
    if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(atitle(title) + 'expected integer >= 0, got ' + n);
    return n;
}
/**
 * Asserts something is Uint8Array.
 * @param value - Value to validate.
 * @param length - Expected byte length.
 * @param title - Optional label used in error messages.
 * @returns The validated byte array.
 * On Node, `Buffer` is accepted too because it is a Uint8Array view.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument lengths. {@link RangeError}
 * @example
 * Validates a fixed-length nonce or key buffer.
 *
 * ```ts
 * abytes(new Uint8Array([1, 2]), 2);
 * ```
 */
function utils_abytes(value, length, title = '') {
    // Success path first: this runs at the start of every update() / digestInto(), and the
    // common `abytes(data)` form must not pay for length handling it does not use.
    if (isBytes(value) && (length === undefined || value.length === length))
        return value;
    // Error path: recompute freely to build the exact message.
    if (length !== undefined)
        utils_anumber(length, 'length');
    const bytes = isBytes(value);
    const ofLen = length !== undefined ? ` of length ${length}` : '';
    const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
    const message = atitle(title) + 'expected Uint8Array' + ofLen + ', got ' + got;
    if (!bytes)
        throw new TypeError(message);
    throw new RangeError(message);
}
const aobject = (value, label) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new TypeError(label === 'object'
            ? 'expected valid options object'
            : `"${label}" expected object, got type=${typeof value}`);
};
/**
 * Asserts a hash- or MAC-like instance has not been destroyed or finished.
 * @param instance - Stateful instance to validate.
 * @param checkFinished - Whether to reject finished instances.
 * When `false`, only `destroyed` is checked.
 * @throws If the hash instance has already been destroyed or finalized. {@link Error}
 * @example
 * Guards against calling `update()` or `digest()` on a finished hash.
 *
 * ```ts
 * aexists({ destroyed: false, finished: false });
 * ```
 */
function aexists(instance, checkFinished = true) {
    // Runs on every update()/digestInto(); the flags are library-owned booleans, so only their
    // truthiness is checked - re-validating their type per call was pure hot-path overhead.
    if (instance.destroyed)
        throw new Error('hash was destroyed');
    if (checkFinished && instance.finished)
        throw new Error('digest() was already called');
}
/**
 * Asserts output is a sufficiently-sized byte array.
 * @param out - Output buffer to validate.
 * @param instance - Hash-like instance providing `outputLen`.
 * This is the relaxed `digestInto()`-style contract: output must be at least `outputLen`,
 * unlike one-shot cipher helpers elsewhere in the repo that often require exact lengths.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong output buffer lengths. {@link RangeError}
 * @example
 * Verifies that a caller-provided output buffer is large enough.
 *
 * ```ts
 * aoutput(new Uint8Array(16), { outputLen: 16 });
 * ```
 */
function aoutput(out, instance) {
    utils_abytes(out, undefined, 'output');
    // `outputLen` is a library-owned readonly number; the negated comparison keeps failing fast
    // when it is missing/NaN (comparisons with undefined/NaN are false) without an anumber() call.
    const min = instance.outputLen;
    if (!(out.length >= min)) {
        throw new RangeError('"output" expected length >= ' + min);
    }
}
/**
 * Asserts output is a sufficiently-sized, 4-byte-aligned byte array.
 * {@link aoutput} plus an {@link isAligned32} check, for `digestInto()` paths
 * that write through zero-allocation `u32` word views.
 * @param out - Output buffer to validate.
 * @param instance - Hash-like instance providing `outputLen`.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong output buffer lengths. {@link RangeError}
 * @throws On wrong output buffer alignment. {@link Error}
 * @example
 * Verifies that a caller-provided output buffer is large enough and aligned.
 *
 * ```ts
 * aoutput32(new Uint8Array(16), { outputLen: 16 });
 * ```
 */
function aoutput32(out, instance) {
    aoutput(out, instance);
    if (!isAligned32(out))
        throw new Error('invalid output, must be aligned');
}
/**
 * Casts a typed-array view to Uint8Array.
 * @param arr - Typed-array view to reinterpret.
 * @returns Uint8Array view over the same bytes.
 * @example
 * Views 32-bit words as raw bytes without copying.
 *
 * ```ts
 * u8(new Uint32Array([1]));
 * ```
 */
function u8(arr) {
    return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}
/**
 * Casts a typed-array view to Uint32Array.
 * @param arr - Typed-array view to reinterpret.
 * @returns Uint32Array view over the same bytes. Callers are expected to provide a
 * 4-byte-aligned offset; trailing `1..3` bytes are silently dropped.
 * @example
 * Views a byte buffer as 32-bit words for block processing.
 *
 * ```ts
 * u32(new Uint8Array(4));
 * ```
 */
function u32(arr) {
    return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
/**
 * Zeroizes typed arrays in place.
 * Warning: JS provides no guarantees.
 * @param arrays - Arrays to wipe.
 * @example
 * Wipes a temporary key buffer after use.
 *
 * ```ts
 * const bytes = new Uint8Array([1]);
 * clean(bytes);
 * ```
 */
function clean(...arrays) {
    for (let i = 0; i < arrays.length; i++) {
        arrays[i].fill(0);
    }
}
/**
 * Creates a DataView for byte-level manipulation.
 * @param arr - Typed-array view to wrap.
 * @returns DataView over the same bytes.
 * @example
 * Creates an endian-aware view for length encoding.
 *
 * ```ts
 * createView(new Uint8Array(4));
 * ```
 */
function createView(arr) {
    return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
/**
 * Whether the current platform is little-endian.
 * Most are; some IBM systems are not.
 */
const isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([0x11223344]).buffer)[0] === 0x44)();
/**
 * Reverses byte order of one 32-bit word.
 * @param word - Unsigned 32-bit word to swap.
 * @returns The same word with bytes reversed.
 * @example
 * Swaps a big-endian word into little-endian byte order.
 *
 * ```ts
 * byteSwap(0x11223344);
 * ```
 */
function byteSwap(word) {
    return (((word << 24) & 0xff000000) |
        ((word << 8) & 0xff0000) |
        ((word >>> 8) & 0xff00) |
        ((word >>> 24) & 0xff));
}
/**
 * Normalizes one 32-bit word to the little-endian representation expected by cipher cores.
 * @param n - Unsigned 32-bit word to normalize.
 * @returns Little-endian normalized word on big-endian hosts, else the input word unchanged.
 * @example
 * Normalizes a host-endian word before passing it into an ARX/AES core.
 *
 * ```ts
 * swap8IfBE(0x11223344);
 * ```
 */
const swap8IfBE = (/* unused pure expression or super */ null && (isLE
    ? (n) => n
    : (n) => byteSwap(n) >>> 0));
/**
 * Byte-swaps every word of a Uint32Array in place.
 * @param arr - Uint32Array whose words should be swapped.
 * @returns The same array after in-place byte swapping.
 * @example
 * Swaps every 32-bit word in a word-view buffer.
 *
 * ```ts
 * byteSwap32(new Uint32Array([0x11223344]));
 * ```
 */
function byteSwap32(arr) {
    for (let i = 0; i < arr.length; i++) {
        arr[i] = byteSwap(arr[i]);
    }
    return arr;
}
/**
 * Normalizes a Uint32Array view to the little-endian representation expected by cipher cores.
 * @param u - Word view to normalize in place.
 * @returns Little-endian normalized word view.
 * @example
 * Normalizes a word-view buffer before block processing.
 *
 * ```ts
 * swap32IfBE(new Uint32Array([0x11223344]));
 * ```
 */
const swap32IfBE = isLE
    ? (u) => u
    : byteSwap32;
// Built-in hex conversion:
// {@link https://caniuse.com/mdn-javascript_builtins_uint8array_fromhex | caniuse entry}
const hasHexBuiltin = /* @__PURE__ */ (/* unused pure expression or super */ null && ((() => 
// @ts-ignore
typeof Uint8Array.from([]).toHex === 'function' && typeof Uint8Array.fromHex === 'function')()));
// Array where index 0xf0 (240) is mapped to string 'f0'
const hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/**
 * Convert byte array to hex string. Uses built-in function, when available.
 * @param bytes - Bytes to encode.
 * @returns Lowercase hexadecimal string.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Formats ciphertext bytes for logs or test vectors.
 *
 * ```ts
 * bytesToHex(Uint8Array.from([0xca, 0xfe, 0x01, 0x23])); // 'cafe0123'
 * ```
 */
function bytesToHex(bytes) {
    utils_abytes(bytes);
    // @ts-ignore
    if (hasHexBuiltin)
        return bytes.toHex();
    // pre-caching improves the speed 6x
    let hex = '';
    for (let i = 0; i < bytes.length; i++) {
        hex += hexes[bytes[i]];
    }
    return hex;
}
// Strict ASCII nibble parser: non-ASCII hex lookalikes are rejected as undefined.
// ASCII codes: '0'..'9' = 48..57, 'A'..'F' = 65..70, 'a'..'f' = 97..102.
// prettier-ignore
function asciiToBase16(ch) {
    return ch >= 48 && ch <= 57 ? ch - 48 // '2' => 50-48
        : ch >= 65 && ch <= 70 ? ch - (65 - 10) // 'B' => 66-(65-10)
            : ch >= 97 && ch <= 102 ? ch - (97 - 10) // 'b' => 98-(97-10)
                : undefined;
}
/**
 * Convert hex string to byte array. Uses built-in function, when available.
 * @param hex - hexadecimal string to decode
 * @returns Decoded bytes.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Decode lowercase hexadecimal into bytes.
 * ```ts
 * hexToBytes('cafe0123'); // Uint8Array.from([0xca, 0xfe, 0x01, 0x23])
 * ```
 */
function hexToBytes(hex) {
    if (typeof hex !== 'string')
        throw new TypeError('hex string expected, got ' + typeof hex);
    if (hasHexBuiltin) {
        try {
            return Uint8Array.fromHex(hex);
        }
        catch (error) {
            if (error instanceof SyntaxError)
                throw new RangeError(error.message);
            throw error;
        }
    }
    const hl = hex.length;
    const al = hl / 2;
    if (hl % 2)
        throw new RangeError('hex string expected, got unpadded hex of length ' + hl);
    const array = new Uint8Array(al);
    for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
        const n1 = asciiToBase16(hex.charCodeAt(hi)); // parse first char, multiply it by 16
        const n2 = asciiToBase16(hex.charCodeAt(hi + 1)); // parse second char
        if (n1 === undefined || n2 === undefined) {
            const char = hex[hi] + hex[hi + 1];
            throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
        }
        array[ai] = n1 * 16 + n2; // example: 'A9' => 10*16 + 9
    }
    return array;
}
const _0n = /* @__PURE__ */ (/* unused pure expression or super */ null && (BigInt(0)));
// Used in ff1, via bytesToNumberBE
/**
 * Converts a big-endian hex string into bigint.
 * @param hex - Hexadecimal string without `0x`.
 * @returns Parsed bigint value. The empty string is treated as `0n`.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Parses a big-endian field element or counter from hex.
 *
 * ```ts
 * hexToNumber('ff');
 * ```
 */
function hexToNumber(hex) {
    if (typeof hex !== 'string')
        throw new TypeError('hex string expected, got ' + typeof hex);
    // Numeric parser, not byte-hex decoder: odd-length forms like 'f' are valid,
    // and malformed syntax follows BigInt's native error behavior.
    return hex === '' ? _0n : BigInt('0x' + hex); // Big Endian
}
// Used in ff1
// BE: Big Endian, LE: Little Endian
/**
 * Converts big-endian bytes into bigint.
 * @param bytes - Big-endian bytes.
 * @returns Parsed bigint value. Empty input is treated as `0n`.
 * @throws On invalid byte input passed to the internal hex conversion. {@link TypeError}
 * @example
 * Reads a big-endian integer from serialized bytes.
 *
 * ```ts
 * bytesToNumberBE(new Uint8Array([1, 0]));
 * ```
 */
function bytesToNumberBE(bytes) {
    return hexToNumber(bytesToHex(bytes));
}
/**
 * Validates that a value is a non-negative bigint or safe integer.
 * @param n - Value to validate.
 * @returns The same validated value.
 * @throws On wrong argument ranges or values. {@link RangeError}
 */
function abignumber(n) {
    if (typeof n === 'bigint') {
        if (!(_0n <= n))
            throw new RangeError('positive bigint expected, got ' + n);
    }
    else
        utils_anumber(n);
    return n;
}
// Used in ff1
/**
 * Converts a number into big-endian bytes of fixed length.
 * @param n - Number to encode.
 * @param len - Output length in bytes. Must be greater than zero.
 * @returns Big-endian bytes padded to `len`.
 * Negative values, `len = 0`, and values that do not fit are rejected before
 * downstream hex parsing.
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @throws If a documented runtime validation or state check fails. {@link Error}
 * @example
 * Encodes a counter as fixed-width big-endian bytes.
 *
 * ```ts
 * numberToBytesBE(1, 2);
 * ```
 */
function numberToBytesBE(n, len) {
    utils_anumber(len);
    if (len === 0)
        throw new Error('zero output length is invalid');
    n = abignumber(n);
    const expectedLen = len * 2;
    const hex = n.toString(16);
    // Detect overflow before hex parsing so oversized values don't leak the shared odd-hex error.
    if (hex.length > expectedLen)
        throw new RangeError('number is too large');
    return hexToBytes(hex.padStart(expectedLen, '0'));
}
/**
 * Converts string to bytes using UTF8 encoding.
 * @param str - String to encode.
 * @returns UTF-8 bytes in a detached fresh Uint8Array copy.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Encodes application text before encryption or MACing.
 *
 * ```ts
 * utf8ToBytes('abc'); // new Uint8Array([97, 98, 99])
 * ```
 */
function utf8ToBytes(str) {
    if (typeof str !== 'string')
        throw new TypeError('string expected');
    return new Uint8Array(new TextEncoder().encode(str)); // {@link https://bugzil.la/1681809 | Firefox bug 1681809}
}
/**
 * Converts bytes to string using UTF8 encoding.
 * @param bytes - UTF-8 bytes.
 * @returns Decoded string. Input validation is delegated to `TextDecoder`, and malformed
 * UTF-8 is replacement-decoded instead of rejected.
 * @example
 * Decodes UTF-8 plaintext back into a string.
 *
 * ```ts
 * bytesToUtf8(new Uint8Array([97, 98, 99])); // 'abc'
 * ```
 */
function bytesToUtf8(bytes) {
    return new TextDecoder().decode(bytes);
}
/**
 * Checks if two U8A use same underlying buffer and overlaps.
 * This is invalid and can corrupt data.
 * @param a - First byte view.
 * @param b - Second byte view.
 * @returns `true` when the views overlap in memory.
 * @example
 * Detects whether two slices alias the same backing buffer.
 *
 * ```ts
 * overlapBytes(new Uint8Array(4), new Uint8Array(4));
 * ```
 */
function overlapBytes(a, b) {
    // Zero-length views cannot overwrite anything, even if their offset sits inside another range.
    if (!a.byteLength || !b.byteLength)
        return false;
    return (a.buffer === b.buffer && // best we can do, may fail with an obscure Proxy
        a.byteOffset < b.byteOffset + b.byteLength && // a starts before b end
        b.byteOffset < a.byteOffset + a.byteLength // b starts before a end
    );
}
/**
 * If input and output overlap and input starts before output, we will overwrite end of input before
 * we start processing it, so this is not supported by forward-processing ciphers.
 * @param input - Input bytes.
 * @param output - Output bytes.
 * @throws If the output view would overwrite unread input bytes. {@link Error}
 * @example
 * Rejects an in-place layout that would overwrite unread input bytes.
 *
 * ```ts
 * const buffer = new Uint8Array(8);
 * complexOverlapBytes(buffer.subarray(0, 4), buffer.subarray(2, 6));
 * ```
 */
function complexOverlapBytes(input, output) {
    // This is very cursed. It works somehow, but I'm completely unsure,
    // reasoning about overlapping aligned windows is very hard.
    if (overlapBytes(input, output) && input.byteOffset < output.byteOffset)
        throw new Error('complex overlap of input and output is not supported');
}
/**
 * Copies several Uint8Arrays into one.
 * @param arrays - Byte arrays to concatenate.
 * @returns Combined byte array.
 * @throws On wrong argument types inside the byte-array list. {@link TypeError}
 * @example
 * Builds a `nonce || ciphertext` style buffer.
 *
 * ```ts
 * concatBytes(new Uint8Array([1]), new Uint8Array([2]));
 * ```
 */
function concatBytes(...arrays) {
    let sum = 0;
    for (let i = 0; i < arrays.length; i++) {
        const a = arrays[i];
        utils_abytes(a);
        sum += a.length;
    }
    const res = new Uint8Array(sum);
    for (let i = 0, pad = 0; i < arrays.length; i++) {
        const a = arrays[i];
        res.set(a, pad);
        pad += a.length;
    }
    return res;
}
/**
 * Merges user options into defaults.
 * @param defaults - Default option values.
 * @param opts - User-provided overrides.
 * @returns Combined options object.
 * `defaults` is a library-owned mutable object; user-provided `opts` only need to be
 * object-shaped, since "plain object" checks reject valid proxy/cross-realm containers.
 * The merge mutates `defaults` in place and returns the same object, so direct callers
 * should pass a fresh defaults object unless they intentionally want shared state updated.
 * @throws If options are missing or not an object. {@link Error}
 * @example
 * Applies user overrides to the default cipher options.
 *
 * ```ts
 * checkOpts({ rounds: 20 }, { rounds: 8 });
 * ```
 */
function checkOpts(defaults, opts) {
    aobject(defaults, 'defaults');
    aobject(opts, 'opts');
    // Mutates defaults by design. __proto__ follows Object.assign semantics here and can only
    // affect this local option object; callers already control this low-level options surface.
    const merged = Object.assign(defaults, opts);
    return merged;
}
/**
 * Compares two byte arrays in kinda constant time once lengths already match.
 * @param a - First byte array.
 * @param b - Second byte array.
 * @returns `true` when the arrays contain the same bytes. Different lengths still return early.
 * @example
 * Compares an expected authentication tag with the received one.
 *
 * ```ts
 * equalBytes(new Uint8Array([1]), new Uint8Array([1]));
 * ```
 */
function equalBytes(a, b) {
    a = utils_abytes(a);
    b = utils_abytes(b);
    if (a.length !== b.length)
        return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++)
        diff |= a[i] ^ b[i];
    return diff === 0;
}
/**
 * Wraps a keyed MAC constructor into a one-shot helper with `.create()`.
 * @param keyLen - Valid probe-key length used to read static metadata once.
 * The probe key is only used for `outputLen` / `blockLen`, so callers with several valid key sizes
 * can pass any representative size as long as those values stay fixed.
 * @param macCons - Keyed MAC constructor or factory.
 * @param fromMsg - Optional adapter that derives extra constructor args from the one-shot message.
 * @returns Callable MAC helper with `.create()`.
 */
function wrapMacConstructor(keyLen, macCons, fromMsg) {
    const mac = macCons;
    const getArgs = (fromMsg || (() => []));
    const macC = (msg, key) => mac(key, ...getArgs(msg))
        .update(msg)
        .digest();
    const tmp = mac(new Uint8Array(keyLen), ...getArgs(new Uint8Array(0)));
    macC.outputLen = tmp.outputLen;
    macC.blockLen = tmp.blockLen;
    macC.create = (key, ...args) => mac(key, ...args);
    return macC;
}
/**
 * Wraps a cipher: validates args, ensures encrypt() can only be called once.
 * Used internally by the exported cipher constructors.
 * Output-buffer support is inferred from the wrapped `encrypt` / `decrypt`
 * arity (`fn.length === 2`), so wrapped output-capable methods must use a normal
 * second parameter, not a default/rest parameter. AAD support is explicit in
 * `params.withAAD`; optional AAD starts after the nonce slot when one is present.
 * @__NO_SIDE_EFFECTS__
 * @param params - Static cipher metadata. See {@link CipherParams}.
 * @param constructor - Cipher constructor.
 * @returns Wrapped constructor with validation.
 */
const wrapCipher = (params, constructor) => {
    function wrappedCipher(key, ...args) {
        // Validate key
        utils_abytes(key, undefined, 'key');
        // Validate nonce if nonceLength is present
        if (params.nonceLength !== undefined) {
            const nonce = args[0];
            utils_abytes(nonce, params.varSizeNonce ? undefined : params.nonceLength, 'nonce');
        }
        // Keep tag length available for decrypt-size checks after constructor validation.
        const tagl = params.tagLength;
        const aadStart = params.nonceLength !== undefined ? 1 : 0;
        // No-AAD constructors otherwise silently ignore byte args meant as AAD.
        if (!params.withAAD) {
            for (let i = aadStart; i < args.length; i++)
                if (isBytes(args[i]))
                    throw new Error('AAD not supported');
        }
        // Validate the first AAD slot early; rest-arg AAD constructors validate the tail themselves.
        if (params.withAAD && args[aadStart] !== undefined)
            utils_abytes(args[aadStart], undefined, 'AAD');
        const cipher = constructor(key, ...args);
        const checkOutput = (fnLength, output) => {
            if (output !== undefined) {
                if (fnLength !== 2)
                    throw new Error('cipher output not supported');
                utils_abytes(output, undefined, 'output');
            }
        };
        // Create wrapped cipher with validation and single-use encryption
        let called = false;
        const wrCipher = {
            encrypt(data, output) {
                if (called)
                    throw new Error('cannot encrypt() twice with same key + nonce');
                // Any encrypt attempt consumes the instance, even if validation rejects below.
                called = true;
                utils_abytes(data, undefined, 'data');
                checkOutput(cipher.encrypt.length, output);
                return cipher.encrypt(data, output);
            },
            decrypt(data, output) {
                utils_abytes(data, undefined, 'data');
                if (tagl && data.length < tagl)
                    throw new Error('"ciphertext" expected length >= tagLength=' + tagl);
                checkOutput(cipher.decrypt.length, output);
                return cipher.decrypt(data, output);
            },
        };
        return wrCipher;
    }
    Object.assign(wrappedCipher, params);
    return wrappedCipher;
};
/**
 * By default, returns u8a of length.
 * When out is available, it checks it for validity and uses it.
 * @param expectedLength - Required output length.
 * @param out - Optional destination buffer.
 * @param onlyAligned - Whether `out` must be 4-byte aligned.
 * @returns Output buffer ready for writing.
 * @throws On wrong argument types. {@link TypeError}
 * @throws If the provided output buffer has the wrong size. {@link RangeError}
 * @throws If the provided output buffer has the wrong alignment. {@link Error}
 * @example
 * Reuses a caller-provided output buffer when lengths match.
 *
 * ```ts
 * getOutput(16, new Uint8Array(16));
 * ```
 */
function getOutput(expectedLength, out, onlyAligned = true) {
    if (out === undefined)
        return new Uint8Array(expectedLength);
    // Keep Buffer/cross-realm Uint8Array support here instead of trusting a shape-compatible object.
    utils_abytes(out, expectedLength, 'output');
    if (onlyAligned && !isAligned32(out))
        throw new Error('invalid output, must be aligned');
    return out;
}
/**
 * Encodes data and AAD lengths into a 16-byte buffer.
 * @param dataLength - Data length. Units are caller-defined: GCM passes bit
 * lengths, ChaCha20-Poly1305 passes byte lengths — the helper writes the raw values.
 * @param aadLength - AAD length, same unit convention as `dataLength`.
 * The serialized block is still `aadLength || dataLength`, matching GCM/Poly1305
 * conventions even though the helper parameter order is `(dataLength, aadLength)`.
 * @param isLE - Whether to encode lengths as little-endian.
 * @returns 16-byte length block.
 * @throws On wrong argument types passed to the endian validator. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @example
 * Builds the length block appended by GCM and Poly1305.
 *
 * ```ts
 * u64Lengths(16, 8, true);
 * ```
 */
function u64Lengths(dataLength, aadLength, isLE) {
    // Reject coercible non-number lengths like '10' and true before BigInt(...) accepts them.
    utils_anumber(dataLength);
    utils_anumber(aadLength);
    abool(isLE);
    const num = new Uint8Array(16);
    const view = createView(num);
    view.setBigUint64(0, BigInt(aadLength), isLE);
    view.setBigUint64(8, BigInt(dataLength), isLE);
    return num;
}
/**
 * Checks whether a byte array is aligned to a 4-byte offset.
 * @param bytes - Byte array to inspect.
 * @returns `true` when the view is 4-byte aligned.
 * @example
 * Checks whether a buffer can be safely viewed as Uint32Array.
 *
 * ```ts
 * isAligned32(new Uint8Array(4));
 * ```
 */
function isAligned32(bytes) {
    return bytes.byteOffset % 4 === 0;
}
/**
 * Copies bytes into a new Uint8Array.
 * @param bytes - Bytes to copy.
 * @returns Copied byte array.
 * @throws On wrong argument types. {@link TypeError}
 * @example
 * Copies input into an aligned Uint8Array before block processing.
 *
 * ```ts
 * copyBytes(new Uint8Array([1, 2]));
 * ```
 */
function copyBytes(bytes) {
    // `Uint8Array.from(...)` would also accept arrays / other typed arrays. Keep this helper strict
    // because callers use it at byte-validation boundaries before mutating the detached copy.
    return Uint8Array.from(utils_abytes(bytes));
}
/**
 * Cryptographically secure PRNG backed by `crypto.getRandomValues`.
 * @param bytesLength - number of random bytes to generate
 * @returns Random bytes.
 * The platform `getRandomValues()` implementation still defines any
 * single-call length cap, and this helper rejects oversize requests
 * with a stable library `RangeError` instead of host-specific errors.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On wrong argument ranges or values. {@link RangeError}
 * @throws If the current runtime does not provide `crypto.getRandomValues`. {@link Error}
 * @example
 * Generate a fresh random key or nonce.
 * ```ts
 * const key = randomBytes(16);
 * ```
 */
function utils_randomBytes(bytesLength = 32) {
    // Match the repo's other length-taking helpers instead of relying on Uint8Array coercion.
    utils_anumber(bytesLength, 'bytesLength');
    const cr = typeof globalThis === 'object' ? globalThis.crypto : null;
    if (typeof cr?.getRandomValues !== 'function')
        throw new Error('crypto.getRandomValues must be defined');
    // Web Cryptography API Level 2 §10.1.1:
    // if `byteLength > 65536`, throw `QuotaExceededError`.
    // Keep the guard explicit so callers can see the quota in code
    // instead of discovering it by reading the spec or host errors.
    // This wrapper surfaces the same quota as a stable library RangeError.
    if (bytesLength > 65536)
        throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
    return cr.getRandomValues(new Uint8Array(bytesLength));
}
/**
 * Uses CSPRNG for nonce, nonce injected in ciphertext.
 * For `encrypt`, a `nonceBytes`-length buffer is fetched from CSPRNG and
 * prepended to encrypted ciphertext. For `decrypt`, first `nonceBytes` of ciphertext
 * are treated as nonce. The wrapper always allocates a fresh `nonce || ciphertext`
 * buffer on encrypt and intentionally does not support caller-provided destination buffers.
 * Too-short decrypt inputs are split into short/empty nonce views and then delegated
 * to the wrapped cipher instead of being rejected here first.
 *
 * NOTE: Under the same key, using random nonces (e.g. `managedNonce`) with AES-GCM and ChaCha
 * should be limited to `2**23` (8M) messages to get a collision chance of
 * `2**-50`. Stretching to `2**32` (4B) messages would raise that chance to
 * `2**-33`, still negligible but creeping up.
 * @param fn - Cipher constructor that expects a nonce.
 * @param randomBytes_ - Random-byte source used for nonce generation.
 * @returns Cipher constructor that prepends the nonce to ciphertext.
 * @throws On wrong argument types. {@link TypeError}
 * @throws On invalid nonce lengths observed at wrapper construction or use. {@link RangeError}
 * @example
 * Prepends a fresh random nonce to every ciphertext.
 *
 * ```ts
 * import { gcm } from '@noble/ciphers/aes.js';
 * import { managedNonce, randomBytes } from '@noble/ciphers/utils.js';
 * const wrapped = managedNonce(gcm);
 * const key = randomBytes(16);
 * const ciphertext = wrapped(key).encrypt(new Uint8Array([1, 2, 3]));
 * wrapped(key).decrypt(ciphertext);
 * ```
 */
function managedNonce(fn, randomBytes_ = utils_randomBytes) {
    if (typeof fn !== 'function')
        throw new TypeError('"fn" expected cipher constructor, got type=' + typeof fn);
    if (typeof randomBytes_ !== 'function')
        throw new TypeError('"randomBytes_" expected function, got type=' + typeof randomBytes_);
    const { nonceLength } = fn;
    utils_anumber(nonceLength, 'fn.nonceLength');
    const addNonce = (nonce, ciphertext, plaintext) => {
        const out = concatBytes(nonce, ciphertext);
        // Wrapped ciphers may alias caller plaintext on encrypt(); never zero
        // caller-owned buffers here.
        if (!overlapBytes(plaintext, ciphertext))
            ciphertext.fill(0);
        return out;
    };
    // NOTE: we cannot support DST here, it would be mistake:
    // - we don't know how much dst length cipher requires
    // - nonce may unalign dst and break everything
    // - we create new u8a anyway (concatBytes)
    // - previously we passed all args to cipher, but that was mistake!
    const res = ((key, ...args) => ({
        encrypt(plaintext) {
            utils_abytes(plaintext, undefined, 'data');
            const nonce = randomBytes_(nonceLength);
            const encrypted = fn(key, nonce, ...args).encrypt(plaintext);
            // @ts-ignore
            if (encrypted instanceof Promise)
                return encrypted.then((ct) => addNonce(nonce, ct, plaintext));
            return addNonce(nonce, encrypted, plaintext);
        },
        decrypt(ciphertext) {
            utils_abytes(ciphertext, undefined, 'data');
            const nonce = ciphertext.subarray(0, nonceLength);
            const decrypted = ciphertext.subarray(nonceLength);
            return fn(key, nonce, ...args).decrypt(decrypted);
        },
    }));
    // Auto-nonce wrappers still preserve the wrapped payload geometry.
    if ('blockSize' in fn)
        res.blockSize = fn.blockSize;
    if ('tagLength' in fn)
        res.tagLength = fn.tagLength;
    if ('withAAD' in fn)
        res.withAAD = fn.withAAD;
    return res;
}

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/_arx.js
/**
 * Basic utils for ARX (add-rotate-xor) salsa and chacha ciphers.

RFC8439 requires multi-step cipher stream, where
authKey starts with counter: 0, actual msg with counter: 1.

For this, we need a way to re-use nonce / counter:

    const counter = new Uint8Array(4);
    chacha(..., counter, ...); // counter is now 1
    chacha(..., counter, ...); // counter is now 2

This is complicated:

- 32-bit counters are enough, no need for 64-bit: max ArrayBuffer size in JS is 4GB
- Original papers don't allow mutating counters
- Counter overflow is undefined [^1]
- Idea A: allow providing (nonce | counter) instead of just nonce, re-use it
- Caveat: Cannot be re-used through all cases:
- * chacha has (counter | nonce)
- * xchacha has (nonce16 | counter | nonce16)
- Idea B: separate nonce / counter and provide separate API for counter re-use
- Caveat: there are different counter sizes depending on an algorithm.
- salsa & chacha also differ in structures of key & sigma:
  salsa20:      s[0] | k(4) | s[1] | nonce(2) | cnt(2) | s[2] | k(4) | s[3]
  chacha:       s(4) | k(8) | cnt(1) | nonce(3)
  chacha20orig: s(4) | k(8) | cnt(2) | nonce(2)
- Idea C: helper method such as `setSalsaState(key, nonce, sigma, data)`
- Caveat: we can't re-use counter array

xchacha uses the subkey and remaining 8 byte nonce with ChaCha20 as normal
(prefixed by 4 NUL bytes, since RFC8439 specifies a 12-byte nonce).
Counter overflow is undefined; see {@link https://mailarchive.ietf.org/arch/msg/cfrg/gsOnTJzcbgG6OqD8Sc0GO5aR_tU/ | the CFRG thread}.
Current noble policy is strict non-wrap for the shared 32-bit counter path:
exported ARX ciphers reject initial `0xffffffff` and stop before any implicit
wrap back to zero.
See {@link https://datatracker.ietf.org/doc/html/draft-irtf-cfrg-xchacha#appendix-A.2 | the XChaCha appendix} for the extended-nonce construction.

 * @module
 */

// Replaces `TextEncoder` for ASCII literals, which is enough for sigma constants.
// Non-ASCII input would not match UTF-8 `TextEncoder` output.
const encodeStr = (str) => Uint8Array.from(str.split(''), (c) => c.charCodeAt(0));
// Raw `createCipher(...)` exports consume these native-endian `u32(...)` views directly.
// Public `wrapCipher(...)` APIs reject non-little-endian platforms before reaching this path.
// RFC 8439 §2.3 / RFC 7539 §2.3 only define the 256-bit-key constants; this 16-byte sigma is
// kept for legacy allowShortKeys Salsa/ChaCha variants.
const sigma16_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr('expand 16-byte k'))))();
// RFC 8439 §2.3 / RFC 7539 §2.3 define words 0-3 as
// `0x61707865 0x3320646e 0x79622d32 0x6b206574`, i.e. `expand 32-byte k`.
const sigma32_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr('expand 32-byte k'))))();
/**
 * Rotates a 32-bit word left.
 * @param a - Input word.
 * @param b - Rotation count in bits.
 * @returns Rotated 32-bit word.
 * @example
 * Moves the top byte of `0x12345678` into the low byte position.
 * ```ts
 * rotl(0x12345678, 8);
 * ```
 */
function rotl(a, b) {
    return (a << b) | (a >>> (32 - b));
}
// Salsa and Chacha block length is always 512-bit
const BLOCK_LEN = 64;
// RFC 8439 §2.2 / RFC 7539 §2.2: the ChaCha state has 16 32-bit words.
const BLOCK_LEN32 = 16;
// Counter policy for the shared public `counter` argument:
// - RFC/IETF ChaCha20 uses a 32-bit counter.
// - OpenSSL/Node `chacha20` instead treat the full 16-byte IV as a 128-bit
//   counter state and carry into the next word.
// - Raw `chacha20orig`, `salsa20`, `xsalsa20`, and `xchacha20` use 64-bit counters in libsodium
//   and libtomcrypt, while some libs (for example libtomcrypt's RFC/IETF path) reject the max
//   boundary instead of carrying.
// - AEAD wrappers diverge too: libsodium `xchacha20poly1305` uses the IETF payload counter from
//   block 1, while `secretstream_xchacha20poly1305` is a different protocol with rekey/reset.
// Noble intentionally throws instead of silently picking one wrap model for users. In the default
// path, even a 32-bit boundary would take 2^32 blocks * 64 bytes = 256 GiB, which is practically
// unreachable for normal JS callers; advanced users who pass `counter` explicitly can implement
// whatever wider carry / wrap policy they need on top.
const MAX_COUNTER = /* @__PURE__ */ (() => 2 ** 32 - 1)();
const U32_EMPTY = /* @__PURE__ */ Uint32Array.of();
function runCipher(core, sigma, key, nonce, data, output, counter, rounds) {
    const len = data.length;
    const block = new Uint8Array(BLOCK_LEN);
    const b32 = u32(block);
    // Make sure that buffers aligned to 4 bytes
    const isAligned = isLE && isAligned32(data) && isAligned32(output);
    const d32 = isAligned ? u32(data) : U32_EMPTY;
    const o32 = isAligned ? u32(output) : U32_EMPTY;
    // RFC 8439 §2.4.1 / RFC 7539 §2.4.1 allow XORing one keystream block at a time and
    // truncating the final partial block instead of materializing the whole keystream.
    if (!isLE) {
        for (let pos = 0; pos < len; counter++) {
            core(sigma, key, nonce, b32, counter, rounds);
            // RFC 8439 §2.4 / RFC 7539 §2.4 serialize keystream words in little-endian order.
            swap32IfBE(b32);
            if (counter >= MAX_COUNTER)
                throw new Error('arx: counter overflow');
            const take = Math.min(BLOCK_LEN, len - pos);
            for (let j = 0, posj; j < take; j++) {
                posj = pos + j;
                output[posj] = data[posj] ^ block[j];
            }
            pos += take;
        }
        return;
    }
    for (let pos = 0; pos < len; counter++) {
        core(sigma, key, nonce, b32, counter, rounds);
        // See MAX_COUNTER policy note above: never silently wrap the shared public counter.
        if (counter >= MAX_COUNTER)
            throw new Error('arx: counter overflow');
        const take = Math.min(BLOCK_LEN, len - pos);
        // aligned to 4 bytes
        if (isAligned && take === BLOCK_LEN) {
            const pos32 = pos / 4;
            if (pos % 4 !== 0)
                throw new Error('arx: invalid block position');
            for (let j = 0, posj; j < BLOCK_LEN32; j++) {
                posj = pos32 + j;
                o32[posj] = d32[posj] ^ b32[j];
            }
            pos += BLOCK_LEN;
            continue;
        }
        for (let j = 0, posj; j < take; j++) {
            posj = pos + j;
            output[posj] = data[posj] ^ block[j];
        }
        pos += take;
    }
}
/**
 * Creates an ARX stream cipher from a 32-bit core permutation.
 * Used internally to build the exported Salsa and ChaCha stream ciphers.
 * @param core - Core function that fills one keystream block.
 * @param opts - Cipher layout and nonce-extension options. See {@link CipherOpts}.
 * @returns Stream cipher function over byte arrays.
 * @throws If the core callback, key size, counter, or output sizing is invalid. {@link Error}
 */
function createCipher(core, opts) {
    const { allowShortKeys, extendNonceFn, counterLength, counterRight, rounds } = checkOpts({ allowShortKeys: false, counterLength: 8, counterRight: false, rounds: 20 }, opts);
    if (typeof core !== 'function')
        throw new Error('core must be a function');
    utils_anumber(counterLength);
    utils_anumber(rounds);
    abool(counterRight);
    abool(allowShortKeys);
    return (key, nonce, data, output, counter = 0) => {
        utils_abytes(key, undefined, 'key');
        utils_abytes(nonce, undefined, 'nonce');
        utils_abytes(data, undefined, 'data');
        const len = data.length;
        // Raw XorStream APIs return ciphertext/plaintext bytes directly, so caller-provided outputs
        // must match the logical result length exactly instead of returning an oversized workspace.
        const hasOutput = output !== undefined;
        output = getOutput(len, output, false);
        if (hasOutput)
            complexOverlapBytes(data, output);
        utils_anumber(counter);
        // See MAX_COUNTER policy note above: reject advanced explicit-counter requests before any wrap.
        if (counter < 0 || counter >= MAX_COUNTER)
            throw new Error('arx: counter overflow');
        const toClean = [];
        // Key & sigma
        // key=16 -> sigma16, k=key|key
        // key=32 -> sigma32, k=key
        let l = key.length;
        let k;
        let sigma;
        if (l === 32) {
            // Copy caller keys too: big-endian normalization, extended-nonce subkey derivation, and
            // final clean(...) all mutate or wipe the temporary buffer in place.
            toClean.push((k = copyBytes(key)));
            sigma = sigma32_32;
        }
        else if (l === 16 && allowShortKeys) {
            k = new Uint8Array(32);
            k.set(key);
            k.set(key, 16);
            sigma = sigma16_32;
            toClean.push(k);
        }
        else {
            utils_abytes(key, 32, 'arx key');
            throw new Error('invalid key size');
            // throw new Error(`"arx key" expected Uint8Array of length 32, got length=${l}`);
        }
        // Nonce
        // salsa20:      8   (8-byte counter)
        // chacha20orig: 8   (8-byte counter)
        // chacha20:     12  (4-byte counter)
        // xsalsa20:     24  (16 -> hsalsa,  8 -> old nonce)
        // xchacha20:    24  (16 -> hchacha, 8 -> old nonce)
        // Copy before taking u32(...) views on misaligned inputs, and on big-endian so later
        // swap32IfBE(...) never mutates caller nonce bytes in place.
        if (!isLE || !isAligned32(nonce))
            toClean.push((nonce = copyBytes(nonce)));
        let k32 = u32(k);
        // hsalsa & hchacha: handle extended nonce
        if (extendNonceFn) {
            if (nonce.length !== 24)
                throw new Error('arx: extended nonce must be 24 bytes');
            const n16 = nonce.subarray(0, 16);
            if (isLE)
                extendNonceFn(sigma, k32, u32(n16), k32);
            else {
                const sigmaRaw = swap32IfBE(Uint32Array.from(sigma));
                extendNonceFn(sigmaRaw, k32, u32(n16), k32);
                clean(sigmaRaw);
                swap32IfBE(k32);
            }
            nonce = nonce.subarray(16);
        }
        else if (!isLE)
            swap32IfBE(k32);
        // Handle nonce counter
        const nonceNcLen = 16 - counterLength;
        if (nonceNcLen !== nonce.length)
            throw new Error(`arx: nonce must be ${nonceNcLen} or 16 bytes`);
        // Normalize 64-bit-nonce layouts to the 12-byte core input: ChaCha/XChaCha prefix 4 zero
        // counter bytes, while Salsa/XSalsa append them after the nonce words.
        if (nonceNcLen !== 12) {
            const nc = new Uint8Array(12);
            nc.set(nonce, counterRight ? 0 : 12 - nonce.length);
            nonce = nc;
            toClean.push(nonce);
        }
        const n32 = swap32IfBE(u32(nonce));
        // Ensure temporary key/nonce copies are wiped even if the remaining
        // runtime guard in runCipher(...) throws on counter overflow.
        try {
            runCipher(core, sigma, k32, n32, data, output, counter, rounds);
            return output;
        }
        finally {
            clean(...toClean);
        }
    };
}
/** Internal class which wraps chacha20 or chacha8 to create CSPRNG. */
class _XorStreamPRG {
    blockLen;
    keyLen;
    nonceLen;
    state;
    buf;
    key;
    nonce;
    pos;
    ctr;
    cipher;
    destroyed = false;
    constructor(cipher, blockLen, keyLen, nonceLen, seed) {
        this.cipher = cipher;
        this.blockLen = blockLen;
        this.keyLen = keyLen;
        this.nonceLen = nonceLen;
        this.state = new Uint8Array(this.keyLen + this.nonceLen);
        this.reseed(seed);
        this.ctr = 0;
        this.pos = this.blockLen;
        this.buf = new Uint8Array(this.blockLen);
        // Keep a single key||nonce backing buffer so reseed/addEntropy/clean update the live cipher
        // inputs in place through these subarray views.
        this.key = this.state.subarray(0, this.keyLen);
        this.nonce = this.state.subarray(this.keyLen);
    }
    reseed(seed) {
        abytes(seed, undefined, 'seed');
        if (!seed || seed.length === 0)
            throw new Error('entropy required');
        // Mix variable-length entropy cyclically across the whole key||nonce state, then restart the
        // keystream so buffered leftovers from the previous state are never reused.
        for (let i = 0; i < seed.length; i++)
            this.state[i % this.state.length] ^= seed[i];
        this.ctr = 0;
        this.pos = this.blockLen;
    }
    addEntropy(seed) {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        // Reject empty entropy before re-keying, otherwise a throwing call would still advance state.
        abytes(seed, undefined, 'seed');
        if (seed.length === 0)
            throw new Error('entropy required');
        // Re-key from the current stream first, then mix external entropy into the fresh key||nonce
        // state through reseed() so stale buffered bytes are discarded.
        this.state.set(this.randomBytes(this.state.length));
        this.reseed(seed);
    }
    randomBytes(len) {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        anumber(len);
        if (len === 0)
            return new Uint8Array(0);
        const avail = this.pos < this.blockLen ? this.blockLen - this.pos : 0;
        const blocks = Math.ceil(Math.max(0, len - avail) / this.blockLen);
        // Preflight overflow so failed reads don't partially consume keystream
        // and leave the PRG repeating blocks.
        if (blocks > 0 && this.ctr > MAX_COUNTER - blocks)
            throw new Error('arx: counter overflow');
        const out = new Uint8Array(len);
        let outPos = 0;
        // `out` starts zero-filled, and `buf.fill(0)` below does the same for leftovers: XOR-stream
        // ciphers then emit raw keystream bytes directly into those buffers.
        // Serve buffered leftovers first so split reads stay identical to one larger read.
        if (this.pos < this.blockLen) {
            const take = Math.min(len, this.blockLen - this.pos);
            out.set(this.buf.subarray(this.pos, this.pos + take), 0);
            this.pos += take;
            outPos += take;
            if (outPos === len)
                return out; // fast path
        }
        // Full blocks directly to out
        const full = Math.floor((len - outPos) / this.blockLen);
        if (full > 0) {
            const blockBytes = full * this.blockLen;
            const b = out.subarray(outPos, outPos + blockBytes);
            this.cipher(this.key, this.nonce, b, b, this.ctr);
            this.ctr += full;
            outPos += blockBytes;
        }
        // Save leftovers
        const left = len - outPos;
        if (left > 0) {
            this.buf.fill(0);
            // NOTE: cipher will handle overflow
            this.cipher(this.key, this.nonce, this.buf, this.buf, this.ctr++);
            out.set(this.buf.subarray(0, left), outPos);
            this.pos = left;
        }
        return out;
    }
    // Clone seeds the new instance from this stream, so the source PRG advances too.
    clone() {
        if (this.destroyed)
            throw new Error('cannot use destroyed PRG');
        return new _XorStreamPRG(this.cipher, this.blockLen, this.keyLen, this.nonceLen, this.randomBytes(this.state.length));
    }
    // Zeroes the current state, leftover buffer, and marks the instance destroyed.
    // The instance fails closed: any later randomBytes()/addEntropy()/clone() throws instead
    // of silently continuing from zero key||nonce state (which would yield predictable output).
    clean() {
        this.pos = 0;
        this.ctr = 0;
        this.buf.fill(0);
        this.state.fill(0);
        this.destroyed = true;
    }
}
/**
 * Creates a PRG constructor from a stream cipher.
 * @param cipher - Stream cipher used to fill output blocks.
 * @param blockLen - Keystream block length in bytes.
 * @param keyLen - Internal key length in bytes.
 * @param nonceLen - Internal nonce length in bytes.
 * @returns PRG factory for seeded concrete `_XorStreamPRG` instances.
 * @example
 * Builds a PRG from XChaCha20 and reads bytes from a randomly seeded instance.
 * ```ts
 * import { xchacha20 } from '@noble/ciphers/chacha.js';
 * import { createPRG } from '@noble/ciphers/_arx.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const seed = randomBytes(32);
 * const init = createPRG(xchacha20, 64, 32, 24);
 * const prg = init(seed);
 * prg.randomBytes(8);
 * ```
 */
const createPRG = (cipher, blockLen, keyLen, nonceLen) => {
    return ((seed = randomBytes(32)) => new _XorStreamPRG(cipher, blockLen, keyLen, nonceLen, seed));
};

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/_poly1305.js
/**
 * Poly1305 ({@link https://cr.yp.to/mac/poly1305-20050329.pdf | PDF},
 * {@link https://en.wikipedia.org/wiki/Poly1305 | wiki})
 * is a fast and parallel secret-key message-authentication code suitable for
 * a wide variety of applications. It was standardized in
 * {@link https://www.rfc-editor.org/rfc/rfc8439 | RFC 8439} and is now used in TLS 1.3.
 *
 * Polynomial MACs are not perfect for every situation:
 * they lack Random Key Robustness: the MAC can be forged, and can't be used in PAKE schemes.
 * See {@link https://keymaterial.net/2020/09/07/invisible-salamanders-in-aes-gcm-siv/ | the invisible salamanders attack writeup}.
 * To combat invisible salamanders, `hash(key)` can be included in ciphertext,
 * however, this would violate ciphertext indistinguishability:
 * an attacker would know which key was used - so `HKDF(key, i)`
 * could be used instead.
 *
 * Check out the {@link https://cr.yp.to/mac.html | original website}.
 * Based on public-domain {@link https://github.com/floodyberry/poly1305-donna | poly1305-donna}.
 * @module
 */
// prettier-ignore

// A simple-loop reference version (`poly1305_small`) lives in
// `test/misc/micro-ciphers.ts`, provided for auditability.
// Little-endian 2-byte load used by the Poly1305 limb decomposition.
function u8to16(a, i) {
    return (a[i++] & 0xff) | ((a[i++] & 0xff) << 8);
}
/**
 * Incremental Poly1305 MAC state.
 * Prefer `poly1305()` for one-shot use.
 * @param key - 32-byte Poly1305 one-time key.
 * @example
 * Feeds one chunk into an incremental Poly1305 state with a fresh one-time key.
 *
 * ```ts
 * import { Poly1305 } from '@noble/ciphers/_poly1305.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const mac = new Poly1305(key);
 * mac.update(new Uint8Array([1, 2, 3]));
 * mac.digest();
 * ```
 */
class Poly1305 {
    blockLen = 16;
    outputLen = 16;
    buffer = new Uint8Array(16);
    r = new Uint16Array(10); // Allocating 1 array with .subarray() here is slower than 3
    h = new Uint16Array(10);
    pad = new Uint16Array(8);
    pos = 0;
    finished = false;
    destroyed = false;
    // Can be speed-up using BigUint64Array, at the cost of complexity
    constructor(key) {
        key = copyBytes(utils_abytes(key, 32, 'key'));
        const t0 = u8to16(key, 0);
        const t1 = u8to16(key, 2);
        const t2 = u8to16(key, 4);
        const t3 = u8to16(key, 6);
        const t4 = u8to16(key, 8);
        const t5 = u8to16(key, 10);
        const t6 = u8to16(key, 12);
        const t7 = u8to16(key, 14);
        // RFC 8439 §2.5.1 / RFC 7539 §2.5.1 clamp r before multiplication.
        // These masks unpack that clamped value into 13-bit limbs, while pad
        // keeps the raw s half for finalize().
        // {@link https://github.com/floodyberry/poly1305-donna/blob/e6ad6e091d30d7f4ec2d4f978be1fcfcbce72781/poly1305-donna-16.h#L47 | poly1305-donna reference}
        this.r[0] = t0 & 0x1fff;
        this.r[1] = ((t0 >>> 13) | (t1 << 3)) & 0x1fff;
        this.r[2] = ((t1 >>> 10) | (t2 << 6)) & 0x1f03;
        this.r[3] = ((t2 >>> 7) | (t3 << 9)) & 0x1fff;
        this.r[4] = ((t3 >>> 4) | (t4 << 12)) & 0x00ff;
        this.r[5] = (t4 >>> 1) & 0x1ffe;
        this.r[6] = ((t4 >>> 14) | (t5 << 2)) & 0x1fff;
        this.r[7] = ((t5 >>> 11) | (t6 << 5)) & 0x1f81;
        this.r[8] = ((t6 >>> 8) | (t7 << 8)) & 0x1fff;
        this.r[9] = (t7 >>> 5) & 0x007f;
        for (let i = 0; i < 8; i++)
            this.pad[i] = u8to16(key, 16 + 2 * i);
    }
    process(data, offset, isLast = false) {
        // RFC 8439 §2.5 / §2.5.1 and RFC 7539 §2.5 / §2.5.1 add an extra high
        // bit to every full 16-byte block. The final partial block gets its
        // explicit `1` byte during digestInto(), so `hibit` stays zero there.
        const hibit = isLast ? 0 : 1 << 11;
        const { h, r } = this;
        const r0 = r[0];
        const r1 = r[1];
        const r2 = r[2];
        const r3 = r[3];
        const r4 = r[4];
        const r5 = r[5];
        const r6 = r[6];
        const r7 = r[7];
        const r8 = r[8];
        const r9 = r[9];
        const t0 = u8to16(data, offset + 0);
        const t1 = u8to16(data, offset + 2);
        const t2 = u8to16(data, offset + 4);
        const t3 = u8to16(data, offset + 6);
        const t4 = u8to16(data, offset + 8);
        const t5 = u8to16(data, offset + 10);
        const t6 = u8to16(data, offset + 12);
        const t7 = u8to16(data, offset + 14);
        let h0 = h[0] + (t0 & 0x1fff);
        let h1 = h[1] + (((t0 >>> 13) | (t1 << 3)) & 0x1fff);
        let h2 = h[2] + (((t1 >>> 10) | (t2 << 6)) & 0x1fff);
        let h3 = h[3] + (((t2 >>> 7) | (t3 << 9)) & 0x1fff);
        let h4 = h[4] + (((t3 >>> 4) | (t4 << 12)) & 0x1fff);
        let h5 = h[5] + ((t4 >>> 1) & 0x1fff);
        let h6 = h[6] + (((t4 >>> 14) | (t5 << 2)) & 0x1fff);
        let h7 = h[7] + (((t5 >>> 11) | (t6 << 5)) & 0x1fff);
        let h8 = h[8] + (((t6 >>> 8) | (t7 << 8)) & 0x1fff);
        let h9 = h[9] + ((t7 >>> 5) | hibit);
        let c = 0;
        let d0 = c + h0 * r0 + h1 * (5 * r9) + h2 * (5 * r8) + h3 * (5 * r7) + h4 * (5 * r6);
        c = d0 >>> 13;
        d0 &= 0x1fff;
        d0 += h5 * (5 * r5) + h6 * (5 * r4) + h7 * (5 * r3) + h8 * (5 * r2) + h9 * (5 * r1);
        c += d0 >>> 13;
        d0 &= 0x1fff;
        let d1 = c + h0 * r1 + h1 * r0 + h2 * (5 * r9) + h3 * (5 * r8) + h4 * (5 * r7);
        c = d1 >>> 13;
        d1 &= 0x1fff;
        d1 += h5 * (5 * r6) + h6 * (5 * r5) + h7 * (5 * r4) + h8 * (5 * r3) + h9 * (5 * r2);
        c += d1 >>> 13;
        d1 &= 0x1fff;
        let d2 = c + h0 * r2 + h1 * r1 + h2 * r0 + h3 * (5 * r9) + h4 * (5 * r8);
        c = d2 >>> 13;
        d2 &= 0x1fff;
        d2 += h5 * (5 * r7) + h6 * (5 * r6) + h7 * (5 * r5) + h8 * (5 * r4) + h9 * (5 * r3);
        c += d2 >>> 13;
        d2 &= 0x1fff;
        let d3 = c + h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * (5 * r9);
        c = d3 >>> 13;
        d3 &= 0x1fff;
        d3 += h5 * (5 * r8) + h6 * (5 * r7) + h7 * (5 * r6) + h8 * (5 * r5) + h9 * (5 * r4);
        c += d3 >>> 13;
        d3 &= 0x1fff;
        let d4 = c + h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
        c = d4 >>> 13;
        d4 &= 0x1fff;
        d4 += h5 * (5 * r9) + h6 * (5 * r8) + h7 * (5 * r7) + h8 * (5 * r6) + h9 * (5 * r5);
        c += d4 >>> 13;
        d4 &= 0x1fff;
        let d5 = c + h0 * r5 + h1 * r4 + h2 * r3 + h3 * r2 + h4 * r1;
        c = d5 >>> 13;
        d5 &= 0x1fff;
        d5 += h5 * r0 + h6 * (5 * r9) + h7 * (5 * r8) + h8 * (5 * r7) + h9 * (5 * r6);
        c += d5 >>> 13;
        d5 &= 0x1fff;
        let d6 = c + h0 * r6 + h1 * r5 + h2 * r4 + h3 * r3 + h4 * r2;
        c = d6 >>> 13;
        d6 &= 0x1fff;
        d6 += h5 * r1 + h6 * r0 + h7 * (5 * r9) + h8 * (5 * r8) + h9 * (5 * r7);
        c += d6 >>> 13;
        d6 &= 0x1fff;
        let d7 = c + h0 * r7 + h1 * r6 + h2 * r5 + h3 * r4 + h4 * r3;
        c = d7 >>> 13;
        d7 &= 0x1fff;
        d7 += h5 * r2 + h6 * r1 + h7 * r0 + h8 * (5 * r9) + h9 * (5 * r8);
        c += d7 >>> 13;
        d7 &= 0x1fff;
        let d8 = c + h0 * r8 + h1 * r7 + h2 * r6 + h3 * r5 + h4 * r4;
        c = d8 >>> 13;
        d8 &= 0x1fff;
        d8 += h5 * r3 + h6 * r2 + h7 * r1 + h8 * r0 + h9 * (5 * r9);
        c += d8 >>> 13;
        d8 &= 0x1fff;
        let d9 = c + h0 * r9 + h1 * r8 + h2 * r7 + h3 * r6 + h4 * r5;
        c = d9 >>> 13;
        d9 &= 0x1fff;
        d9 += h5 * r4 + h6 * r3 + h7 * r2 + h8 * r1 + h9 * r0;
        c += d9 >>> 13;
        d9 &= 0x1fff;
        c = ((c << 2) + c) | 0;
        c = (c + d0) | 0;
        d0 = c & 0x1fff;
        c = c >>> 13;
        d1 += c;
        h[0] = d0;
        h[1] = d1;
        h[2] = d2;
        h[3] = d3;
        h[4] = d4;
        h[5] = d5;
        h[6] = d6;
        h[7] = d7;
        h[8] = d8;
        h[9] = d9;
    }
    finalize() {
        const { h, pad } = this;
        const g = new Uint16Array(10);
        let c = h[1] >>> 13;
        h[1] &= 0x1fff;
        for (let i = 2; i < 10; i++) {
            h[i] += c;
            c = h[i] >>> 13;
            h[i] &= 0x1fff;
        }
        h[0] += c * 5;
        c = h[0] >>> 13;
        h[0] &= 0x1fff;
        h[1] += c;
        c = h[1] >>> 13;
        h[1] &= 0x1fff;
        h[2] += c;
        // RFC 8439 §2.5 / RFC 7539 §2.5 reduce modulo 2^130-5 before repacking
        // to 16-bit words and adding the raw s half.
        g[0] = h[0] + 5;
        c = g[0] >>> 13;
        g[0] &= 0x1fff;
        for (let i = 1; i < 10; i++) {
            g[i] = h[i] + c;
            c = g[i] >>> 13;
            g[i] &= 0x1fff;
        }
        g[9] -= 1 << 13;
        let mask = (c ^ 1) - 1;
        for (let i = 0; i < 10; i++)
            g[i] &= mask;
        mask = ~mask;
        for (let i = 0; i < 10; i++)
            h[i] = (h[i] & mask) | g[i];
        h[0] = (h[0] | (h[1] << 13)) & 0xffff;
        h[1] = ((h[1] >>> 3) | (h[2] << 10)) & 0xffff;
        h[2] = ((h[2] >>> 6) | (h[3] << 7)) & 0xffff;
        h[3] = ((h[3] >>> 9) | (h[4] << 4)) & 0xffff;
        h[4] = ((h[4] >>> 12) | (h[5] << 1) | (h[6] << 14)) & 0xffff;
        h[5] = ((h[6] >>> 2) | (h[7] << 11)) & 0xffff;
        h[6] = ((h[7] >>> 5) | (h[8] << 8)) & 0xffff;
        h[7] = ((h[8] >>> 8) | (h[9] << 5)) & 0xffff;
        let f = h[0] + pad[0];
        h[0] = f & 0xffff;
        for (let i = 1; i < 8; i++) {
            f = (((h[i] + pad[i]) | 0) + (f >>> 16)) | 0;
            h[i] = f & 0xffff;
        }
        clean(g);
    }
    update(data) {
        aexists(this);
        utils_abytes(data);
        data = copyBytes(data);
        const { buffer, blockLen } = this;
        const len = data.length;
        for (let pos = 0; pos < len;) {
            const take = Math.min(blockLen - this.pos, len - pos);
            // Fast path: we have at least one block in input
            if (take === blockLen) {
                for (; blockLen <= len - pos; pos += blockLen)
                    this.process(data, pos);
                continue;
            }
            buffer.set(data.subarray(pos, pos + take), this.pos);
            this.pos += take;
            pos += take;
            if (this.pos === blockLen) {
                this.process(buffer, 0, false);
                this.pos = 0;
            }
        }
        return this;
    }
    destroy() {
        // `aexists(this)` guards update/digest paths, so destroy must mark the instance unusable too.
        this.destroyed = true;
        clean(this.h, this.r, this.buffer, this.pad);
    }
    digestInto(out) {
        aexists(this);
        aoutput(out, this);
        this.finished = true;
        const { buffer, h } = this;
        let { pos } = this;
        if (pos) {
            // RFC 8439 §2.5 / RFC 7539 §2.5: the final short block appends a
            // single `0x01` byte and zero-fills the remaining bytes before the
            // last multiplication step.
            buffer[pos++] = 1;
            for (; pos < 16; pos++)
                buffer[pos] = 0;
            this.process(buffer, 0, true);
        }
        this.finalize();
        let opos = 0;
        for (let i = 0; i < 8; i++) {
            out[opos++] = h[i] >>> 0;
            out[opos++] = h[i] >>> 8;
        }
    }
    digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        // Copy out before destroy() zeroes the internal buffer.
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
    }
}
/**
 * Poly1305 MAC from RFC 8439.
 * @param msg - Message bytes to authenticate.
 * @param key - 32-byte Poly1305 one-time key.
 * @returns 16-byte authentication tag.
 * @example
 * Authenticates one message with a one-shot Poly1305 call and a fresh key.
 *
 * ```ts
 * import { poly1305 } from '@noble/ciphers/_poly1305.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * poly1305(new Uint8Array(), key);
 * ```
 */
const poly1305 = /* @__PURE__ */ wrapMacConstructor(32, (key) => new Poly1305(key));

;// CONCATENATED MODULE: ../../node_modules/@noble/ciphers/salsa.js
/**
 * Salsa20 stream cipher, released in 2005.
 * Salsa's goal was to implement AES replacement that does not rely on S-Boxes,
 * which are hard to implement in a constant-time manner.
 * Salsa20 is usually faster than AES, a big deal on slow, budget mobile phones.
 *
 * - {@link https://cr.yp.to/snuffle/xsalsa-20110204.pdf | XSalsa20},
 *   extended-nonce
 *   variant was released in 2008. It extends Salsa20's 64-bit nonce to 192 bits,
 *   and became safe to be picked at random.
 * - Nacl / Libsodium popularized term "secretbox", - which is just xsalsa20poly1305.
 *   We provide the alias and corresponding seal / open methods.
 *   "crypto_box" and "sealedbox" are available in package
 *   {@link https://github.com/serenity-kit/noble-sodium | noble-sodium}.
 * - Check out
 *   {@link https://cr.yp.to/snuffle/salsafamily-20071225.pdf | PDF}
 *   and {@link https://cr.yp.to/snuffle.html | website}.
 * @module
 */



/**
 * Salsa20 core function. Uses an unrolled loop (salsaCore, hsalsa) - 4x
 * faster than a simple loop, but larger & harder to read. A simple-loop
 * reference version lives in `test/misc/micro-ciphers.ts`;
 * `test/arx.test.ts` keeps the two aligned.
 * The specific implementation is selected in `createCipher` below.
 * Performance numbers for 1MB inputs:
 * * default x 779 ops/sec @ 1ms/op
 * * if salsa+hsalsa are merged x 459 ops/sec @ 2ms/op
 * * small x 132 ops/sec @ 7ms/op
 */
/** Uses only the low 32 bits of Salsa20's 64-bit counter state. */
// prettier-ignore
function salsaCore(s, k, n, out, cnt, rounds = 20, cntHi = 0) {
    // Public wrappers expose only the low 32 bits of Salsa20's 64-bit counter; y09 stays zero
    // there. hsalsa reuses this core with its input words 2-3 in the counter positions.
    // Based on {@link https://cr.yp.to/salsa20.html | the Salsa20 reference page}.
    let y00 = s[0], y01 = k[0], y02 = k[1], y03 = k[2], // "expa" Key     Key     Key
    y04 = k[3], y05 = s[1], y06 = n[0], y07 = n[1], // Key    "nd 3"  Nonce   Nonce
    y08 = cnt, y09 = cntHi, y10 = s[2], y11 = k[4], // Pos.   Pos.    "2-by"	Key
    y12 = k[5], y13 = k[6], y14 = k[7], y15 = s[3]; // Key    Key     Key     "te k"
    // Save state to temporary variables
    let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
    for (let r = 0; r < rounds; r += 2) {
        x04 ^= rotl(x00 + x12 | 0, 7);
        x08 ^= rotl(x04 + x00 | 0, 9);
        x12 ^= rotl(x08 + x04 | 0, 13);
        x00 ^= rotl(x12 + x08 | 0, 18);
        x09 ^= rotl(x05 + x01 | 0, 7);
        x13 ^= rotl(x09 + x05 | 0, 9);
        x01 ^= rotl(x13 + x09 | 0, 13);
        x05 ^= rotl(x01 + x13 | 0, 18);
        x14 ^= rotl(x10 + x06 | 0, 7);
        x02 ^= rotl(x14 + x10 | 0, 9);
        x06 ^= rotl(x02 + x14 | 0, 13);
        x10 ^= rotl(x06 + x02 | 0, 18);
        x03 ^= rotl(x15 + x11 | 0, 7);
        x07 ^= rotl(x03 + x15 | 0, 9);
        x11 ^= rotl(x07 + x03 | 0, 13);
        x15 ^= rotl(x11 + x07 | 0, 18);
        x01 ^= rotl(x00 + x03 | 0, 7);
        x02 ^= rotl(x01 + x00 | 0, 9);
        x03 ^= rotl(x02 + x01 | 0, 13);
        x00 ^= rotl(x03 + x02 | 0, 18);
        x06 ^= rotl(x05 + x04 | 0, 7);
        x07 ^= rotl(x06 + x05 | 0, 9);
        x04 ^= rotl(x07 + x06 | 0, 13);
        x05 ^= rotl(x04 + x07 | 0, 18);
        x11 ^= rotl(x10 + x09 | 0, 7);
        x08 ^= rotl(x11 + x10 | 0, 9);
        x09 ^= rotl(x08 + x11 | 0, 13);
        x10 ^= rotl(x09 + x08 | 0, 18);
        x12 ^= rotl(x15 + x14 | 0, 7);
        x13 ^= rotl(x12 + x15 | 0, 9);
        x14 ^= rotl(x13 + x12 | 0, 13);
        x15 ^= rotl(x14 + x13 | 0, 18);
    }
    // Write output
    let oi = 0;
    out[oi++] = (y00 + x00) | 0;
    out[oi++] = (y01 + x01) | 0;
    out[oi++] = (y02 + x02) | 0;
    out[oi++] = (y03 + x03) | 0;
    out[oi++] = (y04 + x04) | 0;
    out[oi++] = (y05 + x05) | 0;
    out[oi++] = (y06 + x06) | 0;
    out[oi++] = (y07 + x07) | 0;
    out[oi++] = (y08 + x08) | 0;
    out[oi++] = (y09 + x09) | 0;
    out[oi++] = (y10 + x10) | 0;
    out[oi++] = (y11 + x11) | 0;
    out[oi++] = (y12 + x12) | 0;
    out[oi++] = (y13 + x13) | 0;
    out[oi++] = (y14 + x14) | 0;
    out[oi++] = (y15 + x15) | 0;
}
/**
 * hsalsa hashes key and nonce-prefix words into the 32-byte subkey used by XSalsa20.
 * Algorithmically identical to `hsalsa_small` from `test/misc/micro-ciphers.ts`,
 * but this exported path normalizes word order on big-endian hosts.
 * Reuses `salsaCore` and subtracts its feed-forward, keeping the hot per-block
 * path untouched.
 * @param s - Sigma constants as 32-bit words.
 * @param k - Key words.
 * @param i - Nonce-prefix words.
 * @param out - Output buffer for the derived subkey.
 * @example
 * Derives the XSalsa20 subkey from sigma, key, and nonce-prefix words.
 *
 * ```ts
 * const sigma = new Uint32Array(4);
 * const key = new Uint32Array(8);
 * const nonce = new Uint32Array(4);
 * const out = new Uint32Array(8);
 * hsalsa(sigma, key, nonce, out);
 * ```
 */
// prettier-ignore
function hsalsa(s, k, i, out) {
    // Runs the shared salsaCore permutation, then subtracts the feed-forward it applies,
    // recovering the raw permutation words hsalsa needs.
    // LE hosts read the caller arrays in place (no copies); BE hosts get
    // byte-swapped scratch copies, wiped before returning.
    const s2 = isLE ? s : swap32IfBE(s.slice(0, 4));
    const k2 = isLE ? k : swap32IfBE(k.slice(0, 8));
    const i2 = isLE ? i : swap32IfBE(i.slice(0, 4));
    const t = new Uint32Array(16);
    salsaCore(s2, k2, i2.subarray(0, 2), t, i2[2], 20, i2[3]);
    let oi = 0;
    // XSalsa20 takes words 0,5,10,15 and 6,7,8,9 as the 32-byte subkey material.
    out[oi++] = (t[0] - s2[0]) | 0;
    out[oi++] = (t[5] - s2[1]) | 0;
    out[oi++] = (t[10] - s2[2]) | 0;
    out[oi++] = (t[15] - s2[3]) | 0;
    out[oi++] = (t[6] - i2[0]) | 0;
    out[oi++] = (t[7] - i2[1]) | 0;
    out[oi++] = (t[8] - i2[2]) | 0;
    out[oi++] = (t[9] - i2[3]) | 0;
    swap32IfBE(out);
    if (!isLE)
        clean(s2, k2, i2);
    clean(t);
}
/**
 * Salsa20 from original paper. 8-byte nonce.
 * With smaller nonce, it's not safe to make it random (CSPRNG), due to collision chance.
 * @param key - 16-byte or 32-byte key.
 * @param nonce - 8-byte nonce.
 * @param data - Input bytes to xor with the keystream.
 * @param output - Optional destination buffer.
 * @param counter - Initial block counter.
 * Only the low 32 bits of Salsa20's 64-bit counter state are exposed here;
 * the high word stays zero and the implementation still caps the public
 * value to 32 bits.
 * @returns Encrypted or decrypted bytes.
 * @example
 * Encrypts bytes with the original 8-byte-nonce Salsa20 stream cipher.
 *
 * ```ts
 * import { salsa20 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(8);
 * salsa20(key, nonce, new Uint8Array([1, 2, 3, 4]));
 * ```
 */
const salsa20 = /* @__PURE__ */ createCipher(salsaCore, {
    allowShortKeys: true,
    counterRight: true,
});
/**
 * XSalsa20 extended-nonce salsa.
 * With 24-byte nonce, it's safe to make it random (CSPRNG).
 * @param key - 32-byte key.
 * This XSalsa20 wrapper does not enable Salsa20's 16-byte legacy key mode.
 * @param nonce - 24-byte nonce.
 * @param data - Input bytes to xor with the keystream.
 * @param output - Optional destination buffer.
 * @param counter - Initial block counter.
 * @returns Encrypted or decrypted bytes.
 * @example
 * Encrypts bytes with XSalsa20 and a random 24-byte nonce.
 *
 * ```ts
 * import { xsalsa20 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * xsalsa20(key, nonce, new Uint8Array([1, 2, 3, 4]));
 * ```
 */
const xsalsa20 = /* @__PURE__ */ createCipher(salsaCore, {
    counterRight: true,
    extendNonceFn: hsalsa,
});
// Test-only hook: exposes the unrolled production core so tests can compare it
// with the simple/reference core from `test/misc/micro-ciphers.ts`.
const __TESTS = /* @__PURE__ */ Object.freeze({ salsaCore });
/**
 * xsalsa20-poly1305 eXtended-nonce (24 bytes) salsa.
 * With 24-byte nonce, it's safe to make it random (CSPRNG).
 * Also known as `secretbox` from libsodium / nacl.
 * No AAD input is supported here. Caller-provided `output` buffers for
 * `encrypt()` / `decrypt()` must be `input.length + 32` bytes because the
 * implementation uses a 32-byte leading scratch area before returning `+16`.
 * @param key - 32-byte key.
 * @param nonce - 24-byte nonce.
 * @param AAD - Must be omitted; XSalsa20-Poly1305 secretbox does not support associated data.
 * @returns AEAD cipher instance.
 * @example
 * Encrypts and authenticates plaintext with XSalsa20-Poly1305.
 *
 * ```ts
 * import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * const cipher = xsalsa20poly1305(key, nonce);
 * cipher.encrypt(new Uint8Array([1, 2, 3]));
 * ```
 */
const xsalsa20poly1305 = /* @__PURE__ */ wrapCipher({ blockSize: 64, nonceLength: 24, tagLength: 16 }, (key, nonce) => {
    // This borrows caller key/nonce buffers by reference; mutating them after construction changes
    // later encrypt/decrypt outputs.
    return {
        encrypt(plaintext, output) {
            // xsalsa20poly1305 optimizes by calculating auth key during the same call as encryption.
            // Unfortunately, makes it hard to separate tag calculation & encryption itself,
            // because 32 bytes is half-block of 64-byte salsa.
            // Need 32 extra bytes up front for the auth-key scratch area described above.
            output = getOutput(plaintext.length + 32, output, false);
            // output[0..32] = Poly1305 auth key, output[32..] = plaintext then ciphertext.
            const authKey = output.subarray(0, 32);
            const ciphPlaintext = output.subarray(32);
            output.set(plaintext, 32);
            // authKey is produced by xoring the first 32 bytes with zeros.
            clean(authKey);
            // output = stream ^ output; authKey = stream ^ zeros(32)
            xsalsa20(key, nonce, output, output);
            const tag = poly1305(ciphPlaintext, authKey);
            output.set(tag, 16);
            // Clean up auth-key remnants and the temporary tag copy.
            clean(output.subarray(0, 16), tag);
            // Return output[16..].
            return output.subarray(16);
        },
        decrypt(ciphertext, output) {
            // tmp part     passed tag    ciphertext
            // [0..32]      [32..48]      [48..]
            // Authenticate the ciphertext before decrypting it; on tag failure the scratch/output
            // buffer may already contain copied ciphertext and derived auth-key material.
            utils_abytes(ciphertext, undefined, 'data');
            output = getOutput(ciphertext.length + 32, output, false);
            // output[0..32] is auth-key scratch, output[32..48] is passed tag,
            // output[48..] is ciphertext then plaintext.
            const tmp = output.subarray(0, 32);
            const passedTag = output.subarray(32, 48);
            const ciphPlaintext = output.subarray(48);
            output.set(ciphertext, 32);
            // authKey is produced by xoring the scratch area with zeros.
            clean(tmp);
            const authKey = xsalsa20(key, nonce, tmp, tmp);
            const tag = poly1305(ciphPlaintext, authKey);
            if (!equalBytes(passedTag, tag)) {
                clean(output);
                throw new Error('invalid tag');
            }
            // output = stream ^ output[16..]
            xsalsa20(key, nonce, output.subarray(16), output.subarray(16));
            clean(tmp, passedTag, tag);
            // Return output[48..], skipping zeroized output[0..48].
            return ciphPlaintext;
        },
    };
});
/**
 * Alias to `xsalsa20poly1305`, for compatibility with libsodium / nacl.
 * Check out {@link https://github.com/serenity-kit/noble-sodium | noble-sodium}
 * for `crypto_box`.
 * @param key - 32-byte key.
 * @param nonce - 24-byte nonce.
 * @returns Wrapper with `seal()` and `open()` helpers.
 * @example
 * Uses the libsodium-style `seal()` and `open()` wrapper.
 *
 * ```ts
 * import { secretbox } from '@noble/ciphers/salsa.js';
 * import { randomBytes } from '@noble/ciphers/utils.js';
 * const key = randomBytes(32);
 * const nonce = randomBytes(24);
 * const box = secretbox(key, nonce);
 * box.seal(new Uint8Array([1, 2, 3]));
 * ```
 */
function secretbox(key, nonce) {
    const xs = xsalsa20poly1305(key, nonce);
    return { seal: xs.encrypt, open: xs.decrypt };
}

;// CONCATENATED MODULE: ../../packages/core/src/sign/keys.ts


class KeyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KeyError';
    }
}
function pemBody(pem, label) {
    const match = new RegExp(`-----BEGIN ${label.source}-----([\\s\\S]*?)-----END ${label.source}-----`).exec(pem);
    return match ? Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64') : undefined;
}
function decryptCosignKey(sealed, password) {
    let key;
    try {
        key = JSON.parse(sealed.toString('utf8'));
    }
    catch {
        throw new KeyError('the encrypted cosign key is not valid');
    }
    if (key.kdf?.name !== 'scrypt' || key.cipher?.name !== 'nacl/secretbox')
        throw new KeyError(`unsupported cosign key encryption ${key.kdf?.name}/${key.cipher?.name}`);
    const { N, r, p } = key.kdf.params;
    const secret = (0,external_node_crypto_.scryptSync)(password, Buffer.from(key.kdf.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
    let plain;
    try {
        plain = xsalsa20poly1305(secret, Buffer.from(key.cipher.nonce, 'base64')).decrypt(Buffer.from(key.ciphertext, 'base64'));
    }
    catch {
        throw new KeyError('wrong password for the encrypted cosign key');
    }
    return (0,external_node_crypto_.createPrivateKey)({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
}
/**
 * Reads an ECDSA P-256 private key: PKCS#8 or SEC1 PEM, password-protected PKCS#8, or cosign's encrypted
 * `cosign.key` (`ENCRYPTED SIGSTORE/COSIGN PRIVATE KEY`) with its password.
 */
function loadPrivateKey(pem, password = '') {
    const sealed = pemBody(pem, /ENCRYPTED (?:SIGSTORE|COSIGN) PRIVATE KEY/);
    let key;
    if (sealed) {
        key = decryptCosignKey(sealed, password);
    }
    else {
        try {
            key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem', passphrase: password || undefined });
        }
        catch (err) {
            const message = err.message;
            // OpenSSL 3 reports a missing password as "interrupted or cancelled", and a wrong one that decrypts to garbage
            // with valid CBC padding (about 1 in 256) as an undecodable key: for an encrypted PEM, any failure is the password's.
            const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
            if (encrypted || /passphrase|decrypt|bad decrypt/i.test(message))
                throw new KeyError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password');
            throw new KeyError('the signing key is not a PEM private key (PKCS#8, SEC1 or cosign.key)');
        }
    }
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
        throw new KeyError(`the signing key must be ECDSA P-256 (got ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''})`);
    }
    return key;
}
/** Reads a public key (PKIX PEM, as in cosign.pub), or derives it from a private key. */
function loadPublicKey(pem) {
    try {
        return (0,external_node_crypto_.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch {
        throw new KeyError('the verification key is not a PEM public key (e.g. cosign.pub)');
    }
}
function publicKeyPem(key) {
    return (key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key).export({ format: 'pem', type: 'spki' }).toString();
}
/** A stable key id for bundles' public-key hint: hex sha256 of the DER SubjectPublicKeyInfo. */
function keyId(key) {
    const der = (key.type === 'private' ? (0,external_node_crypto_.createPublicKey)(key) : key).export({ format: 'der', type: 'spki' });
    return (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex');
}


/***/ }),

/***/ 41914:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   En: () => (/* binding */ legacyAnnotations),
/* harmony export */   cH: () => (/* binding */ appendLegacySignature),
/* harmony export */   eG: () => (/* binding */ legacySignatureTag),
/* harmony export */   lr: () => (/* binding */ CosignAnnotation)
/* harmony export */ });
/* unused harmony export toPem */
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(18613);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(48341);
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(77796);
/* harmony import */ var _oci_attach_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(19400);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(48706);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(38419);
/* harmony import */ var _signer_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(75687);







/** The annotations cosign puts on each signature layer (cosign pkg/oci/static/signature.go). */
const CosignAnnotation = {
    signature: 'dev.cosignproject.cosign/signature',
    certificate: 'dev.sigstore.cosign/certificate',
    chain: 'dev.sigstore.cosign/chain',
    bundle: 'dev.sigstore.cosign/bundle',
    timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
};
/** The tag cosign stores legacy signatures under: `sha256-<hex>.sig` (cosign pkg/oci/remote SignatureTag). */
function legacySignatureTag(digest) {
    const { algorithm, hex } = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
    return `${algorithm}-${hex}.sig`;
}
function toPem(der, label = 'CERTIFICATE') {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
/**
 * The cosign legacy annotations for a message-signature bundle, as cosign v3's own legacy path maps its bundle
 * (`RekorBundleFromProtoTlogEntry`): base64 signature, leaf certificate PEM, chain, and the Rekor "bundle" JSON
 * whose body is a string, integratedTime and logIndex numbers, and logID hex.
 */
function legacyAnnotations(bundle) {
    if (bundle.content.$case !== 'messageSignature')
        throw new _signer_js__WEBPACK_IMPORTED_MODULE_1__/* .SigningError */ .uJ('a legacy signature needs a message-signature bundle');
    const annotations = { [CosignAnnotation.signature]: bundle.content.messageSignature.signature.toString('base64') };
    const material = bundle.verificationMaterial;
    const certificates = material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates : material.content.$case === 'certificate' ? [material.content.certificate] : [];
    if (certificates.length === 0)
        return annotations; // key-based, offline: the signature is all cosign writes
    const [leaf, ...chain] = certificates;
    annotations[CosignAnnotation.certificate] = toPem(Buffer.from(leaf?.rawBytes ?? []));
    annotations[CosignAnnotation.chain] = chain.map((c) => toPem(Buffer.from(c.rawBytes))).join('');
    const entry = material.tlogEntries[0];
    if (!entry?.inclusionPromise)
        throw new _signer_js__WEBPACK_IMPORTED_MODULE_1__/* .SigningError */ .uJ('Rekor returned no signed entry timestamp, which the legacy format needs (use a Rekor v1 log)');
    annotations[CosignAnnotation.bundle] = JSON.stringify({
        SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp.toString('base64'),
        Payload: {
            body: entry.canonicalizedBody.toString('base64'),
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID: entry.logId.keyId.toString('hex'),
        },
    });
    const timestamp = material.timestampVerificationData?.rfc3161Timestamps?.[0];
    if (timestamp)
        annotations[CosignAnnotation.timestamp] = JSON.stringify({ SignedRFC3161Timestamp: timestamp.signedTimestamp.toString('base64') });
    return annotations;
}
/** go-containerregistry's config for a signature image: one diff ID (and history entry) per layer. */
function signatureConfig(layers) {
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: layers.map(() => ({ created: '0001-01-01T00:00:00Z' })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    }));
}
/**
 * Adds a signature to the subject's `sha256-<hex>.sig` manifest — one layer per signature, the simple-signing
 * payload as blob, cosign's annotations on the layer — appending to what is there, as cosign does.
 */
async function appendLegacySignature(target, subjectDigest, payload, annotations) {
    const tag = legacySignatureTag(subjectDigest);
    let layers = [];
    try {
        const existing = await target.fetchManifest(tag);
        layers = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(existing.bytes, existing.descriptor.mediaType).manifest.layers ?? [];
    }
    catch (err) {
        if (!(0,_oci_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isNotFound */ .c4)(err))
            throw err;
    }
    const layer = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .plainDescriptor */ .UM)({ ...(0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorFor */ .RZ)(_payload_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleSigningMediaType */ .K9, payload), annotations });
    const duplicate = layers.some((l) => l.digest === layer.digest && l.annotations?.[CosignAnnotation.signature] === annotations[CosignAnnotation.signature]);
    if (!duplicate)
        layers = [...layers, layer];
    const config = signatureConfig(layers);
    const configDescriptor = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorFor */ .RZ)(_oci_media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociConfig, config);
    const manifest = { schemaVersion: 2, mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociManifest, config: (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .plainDescriptor */ .UM)(configDescriptor), layers };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const descriptor = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorFor */ .RZ)(_oci_media_types_js__WEBPACK_IMPORTED_MODULE_5__/* .MediaType */ .zu.ociManifest, bytes);
    await Promise.all([(0,_oci_attach_js__WEBPACK_IMPORTED_MODULE_6__/* .pushIfMissing */ ._)(target, layer, payload), (0,_oci_attach_js__WEBPACK_IMPORTED_MODULE_6__/* .pushIfMissing */ ._)(target, configDescriptor, config)]);
    await target.pushReference(descriptor, bytes, tag);
    return { tag, manifest: descriptor, signatures: layers.length };
}


/***/ }),

/***/ 78959:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ notationThumbprints),
/* harmony export */   B1: () => (/* binding */ NotationError),
/* harmony export */   EO: () => (/* binding */ notationEnvelopeSignatureProblem),
/* harmony export */   Gn: () => (/* binding */ NotationHeader),
/* harmony export */   HZ: () => (/* binding */ parseNotationCertificate),
/* harmony export */   Os: () => (/* binding */ parseNotationPayload),
/* harmony export */   P9: () => (/* binding */ splitNotationCertificates),
/* harmony export */   Q4: () => (/* binding */ parseNotationEnvelope),
/* harmony export */   Wx: () => (/* binding */ signNotation),
/* harmony export */   YR: () => (/* binding */ createNotationKeySigner),
/* harmony export */   bT: () => (/* binding */ NotationMediaType),
/* harmony export */   hE: () => (/* binding */ notationRfc1123z),
/* harmony export */   kC: () => (/* binding */ parseNotationCertificates),
/* harmony export */   lr: () => (/* binding */ notationSigningTimeProblem),
/* harmony export */   pM: () => (/* binding */ notationAlgorithms),
/* harmony export */   v$: () => (/* binding */ isNotationKeySpec),
/* harmony export */   yt: () => (/* binding */ notationCertificateChainProblem)
/* harmony export */ });
/* unused harmony exports NotationAnnotation, notationAlgorithmForJws, notationKeySpecOf, notationLeafCertificateProblem, decodeNotationProtectedHeader, verifyNotationJwsSignature, notationSignWithKey, notationPayload, createNotationEnvelope, notationSignatureAnnotations */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_attach_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(19400);
/* harmony import */ var _artifact_flux_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(18359);
// Notary Project (Notation) signatures for OCI artifacts: the JWS envelope, the certificate rules both signing
// and verification apply, a key-file signer, and attaching the signature as an OCI 1.1 referrer the way the
// `notation` CLI does (notaryproject/specifications signature-specification.md, signature-envelope-jws.md;
// notation-go signer/signer.go and notation.go; notation-core-go signature/jws and x509).



const NotationMediaType = {
    /** The signature manifest's artifactType (or, in the pre-1.1 form, its config media type). */
    signature: 'application/vnd.cncf.notary.signature',
    payload: 'application/vnd.cncf.notary.payload.v1+json',
    jws: 'application/jose+json',
    cose: 'application/cose',
};
const NotationAnnotation = {
    /** JSON array of the chain's SHA-256 thumbprints, leaf first (lower-case hex, as notation-go writes them). */
    thumbprintS256: 'io.cncf.notary.x509chain.thumbprint#S256',
    /** The signing time, which notation-go (through oras PackManifest) puts on every signature manifest. */
    created: 'org.opencontainers.image.created',
};
const NotationHeader = {
    signingScheme: 'io.cncf.notary.signingScheme',
    signingTime: 'io.cncf.notary.signingTime',
    authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
    expiry: 'io.cncf.notary.expiry',
    signingAgent: 'io.cncf.notary.signingAgent',
    timestampSignature: 'io.cncf.notary.timestampSignature',
    verificationPlugin: 'io.cncf.notary.verificationPlugin',
    verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
};
/** The spec's algorithm table (signature-specification.md "Algorithm Selection"). */
const notationAlgorithms = {
    'RSA-2048': { keySpec: 'RSA-2048', jws: 'PS256', hashAlgorithm: 'SHA-256', signingAlgorithm: 'RSASSA-PSS-SHA-256', digest: 'sha256', keyType: 'rsa' },
    'RSA-3072': { keySpec: 'RSA-3072', jws: 'PS384', hashAlgorithm: 'SHA-384', signingAlgorithm: 'RSASSA-PSS-SHA-384', digest: 'sha384', keyType: 'rsa' },
    'RSA-4096': { keySpec: 'RSA-4096', jws: 'PS512', hashAlgorithm: 'SHA-512', signingAlgorithm: 'RSASSA-PSS-SHA-512', digest: 'sha512', keyType: 'rsa' },
    'EC-256': { keySpec: 'EC-256', jws: 'ES256', hashAlgorithm: 'SHA-256', signingAlgorithm: 'ECDSA-SHA-256', digest: 'sha256', keyType: 'ec', coordinateBytes: 32 },
    'EC-384': { keySpec: 'EC-384', jws: 'ES384', hashAlgorithm: 'SHA-384', signingAlgorithm: 'ECDSA-SHA-384', digest: 'sha384', keyType: 'ec', coordinateBytes: 48 },
    'EC-521': { keySpec: 'EC-521', jws: 'ES512', hashAlgorithm: 'SHA-512', signingAlgorithm: 'ECDSA-SHA-512', digest: 'sha512', keyType: 'ec', coordinateBytes: 66 },
};
function isNotationKeySpec(value) {
    return typeof value === 'string' && Object.hasOwn(notationAlgorithms, value);
}
function notationAlgorithmForJws(alg) {
    return Object.values(notationAlgorithms).find((a) => a.jws === alg);
}
class NotationError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'NotationError';
    }
}
const curveBits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
/** The key spec of a key or certificate (notation-core-go ExtractKeySpec: RSA 2048/3072/4096, EC P-256/384/521 only). */
function notationKeySpecOf(key) {
    const publicKey = key instanceof node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate ? key.publicKey : key;
    const type = publicKey.asymmetricKeyType;
    if (type === 'rsa') {
        const bits = Math.ceil((publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8) * 8;
        const spec = `RSA-${bits}`;
        if (isNotationKeySpec(spec))
            return spec;
        throw new NotationError(`rsa key size ${bits} bits is not supported`);
    }
    if (type === 'ec') {
        const bits = curveBits[publicKey.asymmetricKeyDetails?.namedCurve ?? ''];
        if (bits)
            return `EC-${bits}`;
        throw new NotationError(`ecdsa key size of curve ${publicKey.asymmetricKeyDetails?.namedCurve ?? 'unknown'} is not supported`);
    }
    throw new NotationError('unsupported public key type');
}
let asn1Loader;
/** @sigstore/core's DER parser, loaded on first use like the rest of @sigstore in d2ci. */
function loadAsn1() {
    asn1Loader ??= __nccwpck_require__.e(/* import() */ 137).then(__nccwpck_require__.t.bind(__nccwpck_require__, 25137, 23)).then((m) => m.ASN1Obj);
    return asn1Loader;
}
const Oid = {
    basicConstraints: '2.5.29.19',
    keyUsage: '2.5.29.15',
    extendedKeyUsage: '2.5.29.37',
    crlDistributionPoints: '2.5.29.31',
    authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
    ocsp: '1.3.6.1.5.5.7.48.1',
};
// Key usage bit positions (RFC 5280 4.2.1.3), as Go numbers them.
const KeyUsage = { digitalSignature: 0, contentCommitment: 1, keyEncipherment: 2, dataEncipherment: 3, keyAgreement: 4, keyCertSign: 5, cRLSign: 6, encipherOnly: 7, decipherOnly: 8 };
const has = (bits, bit) => (bits & (1 << bit)) !== 0;
// Extended key usages a code-signing leaf must not have (spec; notation-core-go adds OCSPSigning).
const forbiddenEku = {
    '2.5.29.37.0': 'Any',
    '1.3.6.1.5.5.7.3.1': 'ServerAuth',
    '1.3.6.1.5.5.7.3.2': 'ClientAuth',
    '1.3.6.1.5.5.7.3.4': 'EmailProtection',
    '1.3.6.1.5.5.7.3.8': 'Timestamping',
    '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};
// Certificate signatures the spec forbids (SHA-1) and Go refuses (MD2/MD5 too).
const insecureSignatureAlgorithms = {
    '1.2.840.113549.1.1.2': 'MD2-RSA',
    '1.2.840.113549.1.1.4': 'MD5-RSA',
    '1.2.840.113549.1.1.5': 'SHA1-RSA',
    '1.2.840.10045.4.1': 'ECDSA-SHA1',
    '1.2.840.10040.4.3': 'DSA-SHA1',
};
// Go's attributeTypeNames: the only attribute types pkix.Name.String() prints by name.
const attributeNames = {
    '2.5.4.6': 'C', '2.5.4.8': 'ST', '2.5.4.7': 'L', '2.5.4.9': 'STREET', '2.5.4.17': 'POSTALCODE',
    '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.3': 'CN', '2.5.4.5': 'SERIALNUMBER',
};
function asn1String(obj) {
    if (obj.tag.class !== 0)
        return undefined;
    switch (obj.tag.number) {
        case 12: // UTF8String
        case 18: // NumericString
        case 19: // PrintableString
        case 22: // IA5String
            return obj.value.toString('utf8');
        case 20: // T61String: Go reads it as bytes
            return obj.value.toString('latin1');
        case 30: // BMPString
            return new TextDecoder('utf-16be').decode(obj.value);
        default:
            return undefined;
    }
}
function parseName(name) {
    return name.subs.map((set) => set.subs.map((atv) => ({ oid: atv.subs[0]?.toOID() ?? '', value: atv.subs[1] ? asn1String(atv.subs[1]) : undefined })));
}
/** Go's RDN value escaping in RDNSequence.String(). */
function escapeRdnValue(value) {
    const chars = [...value];
    return chars
        .map((c, k) => {
        const escape = ',+"\\<>;'.includes(c) || (c === ' ' && (k === 0 || k === chars.length - 1)) || (c === '#' && k === 0);
        return escape ? `\\${c}` : c;
    })
        .join('');
}
/**
 * A name as Go's pkix.Name.String() prints it: attributes regrouped by type (C, ST, L, STREET, POSTALCODE, O, OU,
 * then CN and SERIALNUMBER, last value wins for those two), printed in reverse, other types as `oid=#hex`. Notation
 * parses this string to match trusted identities, so its quirks (multi-valued groups, `=#`) matter.
 */
function goNameString(name) {
    const grouped = new Map();
    const others = [];
    let commonName;
    let serialNumber;
    for (const atv of name.flat()) {
        if (atv.value === undefined)
            continue;
        if (atv.oid === '2.5.4.3')
            commonName = atv.value;
        else if (atv.oid === '2.5.4.5')
            serialNumber = atv.value;
        else if (attributeNames[atv.oid])
            grouped.set(atv.oid, [...(grouped.get(atv.oid) ?? []), atv.value]);
        else
            others.push(`${atv.oid}=#${Buffer.from(atv.value, 'utf8').toString('hex')}`);
    }
    const rdns = [...others];
    for (const oid of ['2.5.4.6', '2.5.4.8', '2.5.4.7', '2.5.4.9', '2.5.4.17', '2.5.4.10', '2.5.4.11']) {
        const values = grouped.get(oid);
        if (values)
            rdns.push(values.map((v) => `${attributeNames[oid]}=${escapeRdnValue(v)}`).join('+'));
    }
    if (commonName)
        rdns.push(`CN=${escapeRdnValue(commonName)}`);
    if (serialNumber)
        rdns.push(`SERIALNUMBER=${escapeRdnValue(serialNumber)}`);
    return rdns.reverse().join(',');
}
/** Splits PEM (any number of CERTIFICATE blocks) or DER (one or more concatenated certificates) into DER. */
function splitNotationCertificates(input) {
    const text = typeof input === 'string' ? input : input.toString('latin1');
    if (text.includes('-----BEGIN')) {
        return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
    }
    const der = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    const out = [];
    let offset = 0;
    while (offset < der.length) {
        // Only the outer SEQUENCE's length is read here; X509Certificate parses the rest.
        if (der[offset] !== 0x30)
            throw new NotationError('not a PEM or DER certificate');
        const first = der[offset + 1] ?? 0;
        let length = first;
        let header = 2;
        if (first & 0x80) {
            const count = first & 0x7f;
            if (count < 1 || count > 4)
                throw new NotationError('not a PEM or DER certificate');
            length = 0;
            for (let i = 0; i < count; i++)
                length = length * 256 + (der[offset + 2 + i] ?? 0);
            header += count;
        }
        if (offset + header + length > der.length)
            throw new NotationError('truncated DER certificate');
        out.push(der.subarray(offset, offset + header + length));
        offset += header + length;
    }
    return out;
}
/** Reads a certificate once: Node's X509Certificate for keys and signatures, @sigstore/core's DER parser for the rest. */
async function parseNotationCertificate(input) {
    const der = input instanceof node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate ? input.raw : input;
    const Asn1 = await loadAsn1();
    let x509;
    let root;
    try {
        x509 = input instanceof node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate ? input : new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(der);
        root = Asn1.parseBuffer(Buffer.from(der));
    }
    catch (err) {
        throw new NotationError(`malformed certificate: ${err.message}`, { cause: err });
    }
    const fields = root.subs[0]?.subs ?? [];
    const versioned = fields[0]?.tag.isContextSpecific(0) ?? false;
    const at = (i) => {
        const field = fields[i + (versioned ? 1 : 0)];
        if (!field)
            throw new NotationError('malformed certificate: missing TBSCertificate fields');
        return field;
    };
    const version = versioned ? Number((fields[0]?.subs[0]?.toInteger() ?? 0n) + 1n) : 1;
    const issuerObj = at(2);
    const validity = at(3);
    const subjectObj = at(4);
    const certificate = {
        der: Buffer.from(der),
        x509,
        version,
        subjectName: parseName(subjectObj),
        subject: '',
        issuer: goNameString(parseName(issuerObj)),
        rawSubject: Buffer.from(subjectObj.value),
        rawIssuer: Buffer.from(issuerObj.value),
        notBefore: validity.subs[0]?.toDate() ?? new Date(Number.NaN),
        notAfter: validity.subs[1]?.toDate() ?? new Date(Number.NaN),
        signatureAlgorithm: root.subs[1]?.subs[0]?.toOID() ?? '',
        revocationEndpoints: false,
        sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex'),
    };
    certificate.subject = goNameString(certificate.subjectName);
    const extensions = fields.find((f) => f.tag.isContextSpecific(3))?.subs[0]?.subs ?? [];
    for (const extension of extensions) {
        const oid = extension.subs[0]?.toOID();
        const critical = extension.subs.length === 3 ? (extension.subs[1]?.toBoolean() ?? false) : false;
        const octets = extension.subs[extension.subs.length - 1]?.value;
        if (!oid || !octets)
            continue;
        let value;
        try {
            value = Asn1.parseBuffer(Buffer.from(octets));
        }
        catch (err) {
            throw new NotationError(`malformed certificate extension ${oid}: ${err.message}`, { cause: err });
        }
        if (oid === Oid.basicConstraints) {
            const ca = value.subs[0]?.tag.isBoolean() ? value.subs[0].toBoolean() : false;
            const length = value.subs.find((s) => s.tag.isInteger());
            certificate.basicConstraints = { ca, critical, ...(length ? { pathLength: Number(length.toInteger()) } : {}) };
        }
        else if (oid === Oid.keyUsage) {
            const bits = value.toBitString();
            certificate.keyUsage = { critical, bits: bits.slice(0, 9).reduce((acc, bit, i) => acc | (bit << i), 0) };
        }
        else if (oid === Oid.extendedKeyUsage) {
            certificate.extendedKeyUsage = value.subs.map((s) => s.toOID());
        }
        else if (oid === Oid.crlDistributionPoints) {
            certificate.revocationEndpoints = true;
        }
        else if (oid === Oid.authorityInfoAccess) {
            if (value.subs.some((d) => d.subs[0]?.toOID() === Oid.ocsp))
                certificate.revocationEndpoints = true;
        }
    }
    return certificate;
}
/** Parses a chain (leaf first) given as X509Certificates, DER buffers or one PEM bundle. */
async function parseNotationCertificates(chain) {
    const items = typeof chain === 'string' || Buffer.isBuffer(chain) ? splitNotationCertificates(chain) : chain;
    return Promise.all(items.map((c) => parseNotationCertificate(c)));
}
/** Go's `%q` of a string (close enough for the ASCII messages notation prints). */
const goQuote = (value) => JSON.stringify(value);
/** Go's time.Time String() for a UTC time, used in notation-core-go's certificate messages. */
function goTime(date) {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Go's time.RFC1123Z layout in UTC, as notation's verification messages print times. */
function notationRfc1123z(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${weekdays[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
/** Go's CheckSignatureFrom (parent must be allowed to sign certificates; no SHA-1) plus the issuer/subject name match. */
function issuedBy(child, parent) {
    const insecure = insecureSignatureAlgorithms[child.signatureAlgorithm];
    if (insecure)
        return { issued: false, error: `x509: cannot verify signature: insecure algorithm ${insecure}` };
    if ((parent.version === 3 && !parent.basicConstraints) || (parent.basicConstraints && !parent.basicConstraints.ca) || (parent.keyUsage && parent.keyUsage.bits !== 0 && !has(parent.keyUsage.bits, KeyUsage.keyCertSign))) {
        return { issued: false, error: 'x509: invalid signature: parent certificate cannot sign this kind of certificate' };
    }
    let valid = false;
    try {
        valid = child.x509.verify(parent.x509.publicKey);
    }
    catch {
        valid = false;
    }
    if (!valid)
        return { issued: false, error: 'x509: signature does not verify with the issuer public key' };
    return child.rawIssuer.equals(parent.rawSubject) ? { issued: true } : { issued: false };
}
function signatureProblem(certificate) {
    const insecure = insecureSignatureAlgorithms[certificate.signatureAlgorithm];
    if (insecure)
        return `x509: cannot verify signature: insecure algorithm ${insecure}`;
    try {
        return certificate.x509.verify(certificate.x509.publicKey) ? undefined : 'x509: signature does not verify with its own public key';
    }
    catch (err) {
        return err.message;
    }
}
function signingTimeProblem(certificate, signingTime) {
    if (!signingTime || (signingTime >= certificate.notBefore && signingTime <= certificate.notAfter))
        return undefined;
    return `certificate with subject ${goQuote(certificate.subject)} was invalid at signing time of ${goTime(signingTime)}. Certificate is valid from [${goTime(certificate.notBefore)}] to [${goTime(certificate.notAfter)}]`;
}
/** The first certificate of a chain that was not valid at `signingTime` (the spec's "valid at signing time" rule), with notation-core-go's message. */
function notationSigningTimeProblem(chain, signingTime) {
    for (const certificate of chain) {
        const problem = signingTimeProblem(certificate, signingTime);
        if (problem)
            return problem;
    }
    return undefined;
}
function keyUsagePresenceProblem(certificate) {
    if (!certificate.keyUsage)
        return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be present`;
    if (!certificate.keyUsage.critical)
        return `certificate with subject ${goQuote(certificate.subject)}: key usage extension must be marked critical`;
    return undefined;
}
/** The spec's leaf (code-signing) certificate requirements, with notation-core-go's messages. */
function notationLeafCertificateProblem(certificate) {
    const subject = goQuote(certificate.subject);
    if (certificate.basicConstraints?.ca)
        return `certificate with subject ${subject}: if the basic constraints extension is present, the ca field must be set to false`;
    const presence = keyUsagePresenceProblem(certificate);
    if (presence)
        return presence;
    const bits = certificate.keyUsage?.bits ?? 0;
    if (!has(bits, KeyUsage.digitalSignature))
        return `the certificate with subject ${subject} is invalid. The key usage must have the bit positions for "Digital Signature" set`;
    const invalid = [
        [KeyUsage.keyEncipherment, 'KeyEncipherment'],
        [KeyUsage.dataEncipherment, 'DataEncipherment'],
        [KeyUsage.keyAgreement, 'KeyAgreement'],
        [KeyUsage.keyCertSign, 'CertSign'],
        [KeyUsage.cRLSign, 'CRLSign'],
        [KeyUsage.encipherOnly, 'EncipherOnly'],
        [KeyUsage.decipherOnly, 'DecipherOnly'],
    ]
        .filter(([bit]) => has(bits, bit))
        .map(([, name]) => `"${name}"`);
    if (invalid.length)
        return `the certificate with subject ${subject} is invalid. The key usage must be "Digital Signature" only, but found ${invalid.join(', ')}`;
    for (const eku of certificate.extendedKeyUsage ?? []) {
        const name = forbiddenEku[eku];
        if (name)
            return `certificate with subject ${subject}: extended key usage must not contain ${name} eku`;
    }
    try {
        notationKeySpecOf(certificate.x509);
    }
    catch (err) {
        return `certificate with subject ${subject}: ${err.message}`;
    }
    return undefined;
}
function caCertificateProblem(certificate, expectedPathLength) {
    const subject = goQuote(certificate.subject);
    if (!certificate.basicConstraints?.ca)
        return `certificate with subject ${subject}: ca field in basic constraints must be present, critical, and set to true`;
    const pathLength = certificate.basicConstraints.pathLength;
    if (pathLength !== undefined && pathLength < expectedPathLength)
        return `certificate with subject ${subject}: expected path length of ${expectedPathLength} but certificate has path length ${pathLength} instead`;
    const presence = keyUsagePresenceProblem(certificate);
    if (presence)
        return presence;
    if (!has(certificate.keyUsage?.bits ?? 0, KeyUsage.keyCertSign))
        return `certificate with subject ${subject}: key usage must have the bit positions for key cert sign set`;
    return undefined;
}
/**
 * Checks a signature's certificate chain against the spec's certificate requirements (notation-core-go
 * ValidateCodeSigningCertChain): leaf first, each certificate issued by the next, ending in a self-signed root, the
 * leaf a code-signing certificate and the others CAs; with `signingTime`, every certificate valid at that time.
 * Returns the first problem, or undefined. Trust (which roots) is decided elsewhere.
 */
function notationCertificateChainProblem(chain, signingTime) {
    const [first] = chain;
    if (!first)
        return 'certificate chain must contain at least one certificate';
    if (chain.length === 1) {
        const selfSignature = signatureProblem(first);
        if (selfSignature)
            return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: ${selfSignature}`;
        if (!first.rawSubject.equals(first.rawIssuer))
            return `invalid self-signed certificate. subject: ${goQuote(first.subject)}. Error: issuer(${first.issuer}) and subject(${first.subject}) are not the same`;
        const time = signingTimeProblem(first, signingTime);
        if (time)
            return time;
        const leaf = notationLeafCertificateProblem(first);
        return leaf ? `invalid self-signed certificate. Error: ${leaf}` : undefined;
    }
    for (const [i, certificate] of chain.entries()) {
        const time = signingTimeProblem(certificate, signingTime);
        if (time)
            return time;
        const subject = goQuote(certificate.subject);
        const selfSigned = issuedBy(certificate, certificate);
        if (i === chain.length - 1) {
            if (!selfSigned.issued && selfSigned.error)
                return `root certificate with subject ${subject} is invalid or not self-signed. Certificate chain must end with a valid self-signed root certificate. Error: ${selfSigned.error}`;
            if (!selfSigned.issued)
                return `root certificate with subject ${subject} is not self-signed. Certificate chain must end with a valid self-signed root certificate`;
        }
        else {
            if (selfSigned.issued) {
                return i === 0
                    ? `leaf certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed leaf certificate`
                    : `intermediate certificate with subject ${subject} is self-signed. Certificate chain must not contain self-signed intermediate certificate`;
            }
            const parent = chain[i + 1];
            const issued = issuedBy(certificate, parent);
            if (!issued.issued && issued.error)
                return `invalid certificates or certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}. Error: ${issued.error}`;
            if (!issued.issued)
                return `certificate with subject ${subject} is not issued by ${goQuote(parent.subject)}`;
        }
        const problem = i === 0 ? notationLeafCertificateProblem(certificate) : caCertificateProblem(certificate, i - 1);
        if (problem)
            return problem;
    }
    return undefined;
}
/** SHA-256 thumbprints of a chain, leaf first, as the `io.cncf.notary.x509chain.thumbprint#S256` annotation lists them. */
function notationThumbprints(chain) {
    return chain.map((der) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex'));
}
const knownHeaders = new Set(['alg', 'cty', 'crit', NotationHeader.expiry, NotationHeader.signingTime, NotationHeader.signingScheme, NotationHeader.authenticSigningTime]);
const base64url = /^[A-Za-z0-9_-]*$/;
const base64std = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// RFC 3339 date-time (Go's time.Time JSON form).
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/** Strict unpadded base64url, failing with Go's message (as notation reports a JWS it cannot decode). */
function decodeBase64url(value, what) {
    if (typeof value !== 'string')
        throw new NotationError(`signature is invalid. Error: ${what} is missing`);
    if (!base64url.test(value) || value.length % 4 === 1) {
        const bad = [...value].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
        throw new NotationError(`signature is invalid. Error: illegal base64 data at input byte ${bad >= 0 ? bad : value.length - 1}`);
    }
    return Buffer.from(value, 'base64url');
}
function parseTime(value, header) {
    const date = typeof value === 'string' && rfc3339Pattern.test(value) ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
        throw new NotationError(`jws envelope protected header can't be decoded: ${header} is not an RFC 3339 time`);
    return date;
}
/**
 * Reads and checks a protected header as notation-core-go does: the signing scheme and its time headers, expiry,
 * and `crit` (which must name the signing scheme and, when present, expiry and authentic signing time; every other
 * name in it must be a header that is present). Takes the JSON object, its text, or the envelope's base64url field.
 */
function decodeNotationProtectedHeader(input) {
    let header;
    if (typeof input === 'object' && !Buffer.isBuffer(input))
        header = input;
    else {
        const raw = input.toString();
        // JSON text starts with `{`, which base64url never contains.
        const text = raw.trimStart().startsWith('{') ? raw : decodeBase64url(raw, 'the protected header').toString('utf8');
        try {
            header = JSON.parse(text);
        }
        catch (err) {
            throw new NotationError(`jws envelope protected header can't be decoded: ${err.message}`);
        }
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header))
        throw new NotationError("jws envelope protected header can't be decoded: not a JSON object");
    const scheme = header[NotationHeader.signingScheme];
    if (scheme !== 'notary.x509' && scheme !== 'notary.x509.signingAuthority')
        throw new NotationError(`unsupported SigningScheme: \`${String(scheme)}\``);
    if (typeof header.alg !== 'string')
        throw new NotationError('signature algorithm "" is not supported');
    if (header.cty !== undefined && typeof header.cty !== 'string')
        throw new NotationError("jws envelope protected header can't be decoded: cty is not a string");
    const crit = header.crit;
    if (crit !== undefined && (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')))
        throw new NotationError("jws envelope protected header can't be decoded: crit is not an array of strings");
    const parsed = {
        algorithm: header.alg,
        contentType: (header.cty) ?? '',
        signingScheme: scheme,
        critical: (crit) ?? [],
        extended: Object.fromEntries(Object.entries(header).filter(([key]) => !knownHeaders.has(key))),
    };
    if (header[NotationHeader.signingTime] !== undefined)
        parsed.signingTime = parseTime(header[NotationHeader.signingTime], NotationHeader.signingTime);
    if (header[NotationHeader.authenticSigningTime] !== undefined)
        parsed.authenticSigningTime = parseTime(header[NotationHeader.authenticSigningTime], NotationHeader.authenticSigningTime);
    if (header[NotationHeader.expiry] !== undefined)
        parsed.expiry = parseTime(header[NotationHeader.expiry], NotationHeader.expiry);
    if (scheme === 'notary.x509') {
        if (parsed.authenticSigningTime)
            throw new NotationError(`"${NotationHeader.authenticSigningTime}" header must not be present for notary.x509 signing scheme`);
        if (!parsed.signingTime)
            throw new NotationError('signing-time not present');
    }
    else {
        if (parsed.signingTime)
            throw new NotationError(`"${NotationHeader.signingTime}" header must not be present for notary.x509.signingAuthority signing scheme`);
        if (!parsed.authenticSigningTime)
            throw new NotationError(`"${NotationHeader.authenticSigningTime}" header must be present for notary.x509.signingAuthority signing scheme`);
    }
    const time = parsed.signingTime ?? parsed.authenticSigningTime;
    if (parsed.expiry && time && parsed.expiry <= time)
        throw new NotationError('expiry cannot be equal or before the signing time');
    if (parsed.critical.length === 0)
        throw new NotationError('missing "crit" header');
    const mustBeCritical = new Set([NotationHeader.signingScheme]);
    if (parsed.expiry)
        mustBeCritical.add(NotationHeader.expiry);
    if (scheme === 'notary.x509.signingAuthority')
        mustBeCritical.add(NotationHeader.authenticSigningTime);
    for (const name of parsed.critical) {
        if (mustBeCritical.delete(name))
            continue;
        if (!Object.hasOwn(parsed.extended, name))
            throw new NotationError(`"${name}" header is marked critical but not present`);
    }
    if (mustBeCritical.size)
        throw new NotationError(`these required headers are not marked as critical: [${[...mustBeCritical].join(' ')}]`);
    return parsed;
}
/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
function parseNotationPayload(bytes) {
    let payload;
    try {
        payload = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new NotationError(`the payload is not JSON: ${err.message}`);
    }
    const target = payload?.targetArtifact;
    if (typeof target !== 'object' || target === null)
        throw new NotationError('the payload has no targetArtifact');
    if (typeof target.mediaType !== 'string' || typeof target.digest !== 'string' || !Number.isSafeInteger(target.size) || (target.size ?? -1) < 0) {
        throw new NotationError('the payload targetArtifact must have mediaType, digest and size');
    }
    if (target.annotations !== undefined && (typeof target.annotations !== 'object' || target.annotations === null || Object.values(target.annotations).some((v) => typeof v !== 'string'))) {
        throw new NotationError('the payload targetArtifact annotations must be a string map');
    }
    return payload;
}
/** Parses a JWS JSON (flattened) envelope and its protected header; checks structure only, no signature or trust. */
function parseNotationEnvelope(bytes) {
    let raw;
    try {
        raw = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new NotationError(`unable to parse the digital signature, error : ${err.message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new NotationError('unable to parse the digital signature, error : not a JSON object');
    const extra = Object.keys(raw).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
    // Only the flattened serialization is allowed; `signatures` would be the general one.
    if (extra.length)
        throw new NotationError(`the JWS envelope has unsupported top-level fields ${extra.join(', ')} (only the flattened JSON serialization is allowed)`);
    const header = raw.header;
    if (typeof header !== 'object' || header === null || !Array.isArray(header.x5c) || header.x5c.length === 0)
        throw new NotationError('certificate chain is not present');
    const certificates = header.x5c.map((c) => {
        if (typeof c !== 'string' || !base64std.test(c))
            throw new NotationError('malformed certificate in x5c (not base64)');
        return Buffer.from(c, 'base64');
    });
    const signature = decodeBase64url(raw.signature, 'the signature');
    if (signature.length === 0)
        throw new NotationError('signature missing in jws-json envelope');
    const payloadBytes = decodeBase64url(raw.payload, 'the payload');
    const parsed = {
        raw,
        protectedHeader: decodeNotationProtectedHeader(typeof raw.protected === 'string' ? raw.protected : ''),
        payloadBytes,
        signature,
        certificates,
    };
    const agent = header[NotationHeader.signingAgent];
    if (typeof agent === 'string')
        parsed.signingAgent = agent;
    const timestamp = header[NotationHeader.timestampSignature];
    if (typeof timestamp === 'string' && timestamp)
        parsed.timestampSignature = Buffer.from(timestamp, 'base64');
    return parsed;
}
/** Verifies a raw JWS signature (ECDSA in R||S form; RSASSA-PSS with any salt length, as jwt-go accepts). */
function verifyNotationJwsSignature(algorithm, signingInput, signature, publicKey) {
    try {
        if (algorithm.keyType === 'ec') {
            if (signature.length !== 2 * (algorithm.coordinateBytes ?? 0))
                return false;
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(algorithm.digest, signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
        }
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(algorithm.digest, signingInput, { key: publicKey, padding: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PKCS1_PSS_PADDING, saltLength: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    catch {
        return false;
    }
}
/**
 * The integrity of an envelope as notation-core-go's JWS Verify checks it: `alg` is one the spec allows and is the
 * algorithm of the leaf certificate's key (no algorithm substitution), and the signature over `protected.payload`
 * verifies with that key. Returns the problem, or undefined.
 */
function notationEnvelopeSignatureProblem(envelope, leaf) {
    const algorithm = notationAlgorithmForJws(envelope.protectedHeader.algorithm);
    if (!algorithm)
        return `signature algorithm ${goQuote(envelope.protectedHeader.algorithm)} is not supported`;
    let expected;
    try {
        expected = notationKeySpecOf(leaf);
    }
    catch (err) {
        return err.message;
    }
    if (notationAlgorithms[expected].jws !== algorithm.jws) {
        return `mismatch between signature algorithm derived from signing certificate (${notationAlgorithms[expected].jws}) and signing algorithm specified (${algorithm.jws})`;
    }
    const signingInput = Buffer.from(`${envelope.raw.protected}.${envelope.raw.payload}`, 'ascii');
    return verifyNotationJwsSignature(algorithm, signingInput, envelope.signature, leaf.publicKey) ? undefined : 'signature is invalid. Error: the JWS signature does not verify with the signing certificate key';
}
function readPrivateKey(input, password) {
    if (typeof input === 'object' && !Buffer.isBuffer(input))
        return input;
    const pem = input.toString();
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem', passphrase: password || undefined });
    }
    catch (err) {
        // OpenSSL reports a missing or wrong password in several ways; for an encrypted PEM, any failure is the password's.
        if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem))
            throw new NotationError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password', { cause: err });
        throw new NotationError('the signing key is not a PEM private key (PKCS#8, SEC1 or PKCS#1)', { cause: err });
    }
}
function spki(key) {
    return (key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key).export({ format: 'der', type: 'spki' });
}
/** Signs bytes with a key of the given spec in the JWS form (RSASSA-PSS, salt = hash length; ECDSA raw R||S). */
function notationSignWithKey(keySpec, privateKey, bytes) {
    const algorithm = notationAlgorithms[keySpec];
    return algorithm.keyType === 'ec'
        ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(algorithm.digest, bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(algorithm.digest, bytes, { key: privateKey, padding: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PKCS1_PSS_PADDING, saltLength: node_crypto__WEBPACK_IMPORTED_MODULE_0__.constants.RSA_PSS_SALTLEN_DIGEST });
}
/**
 * A signer from a private key and its certificate chain (notation's `notation key add --id ... --plugin`-less
 * local keys, or notation-go signer.NewFromFiles). Checks, as notation-core-go does, that the key is the leaf
 * certificate's, that its type and size are in the spec's table, and that the chain meets the certificate
 * requirements (code-signing leaf: key usage critical with Digital Signature only, no server/client/email/
 * timestamping EKU; CA certificates above it; a self-signed root).
 */
async function createNotationKeySigner(options) {
    const key = readPrivateKey(options.privateKey, options.password);
    if (key.type !== 'private')
        throw new NotationError('the signing key must be a private key');
    const chain = await parseNotationCertificates(options.certificateChain);
    const leaf = chain[0];
    if (!leaf)
        throw new NotationError('"certs" param is invalid. Error: empty certs');
    const keySpec = notationKeySpecOf(leaf.x509);
    if (key.asymmetricKeyType !== leaf.x509.publicKey.asymmetricKeyType || !spki(key).equals(spki(leaf.x509.publicKey))) {
        throw new NotationError('"key and certs" param is invalid. Error: key not matches certificate');
    }
    const problem = notationCertificateChainProblem(chain);
    if (problem)
        throw new NotationError(`certificate-chain is invalid, ${problem}`);
    const ders = chain.map((c) => c.der);
    return {
        keySpec,
        certificateChain: async () => ders,
        sign: async (bytes) => notationSignWithKey(keySpec, key, bytes),
    };
}
/** JSON with object keys sorted, as Go marshals maps (notation-core-go builds the header and payload as maps). */
function sortedJson(value) {
    if (Array.isArray(value))
        return `[${value.map(sortedJson).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(value);
}
const reservedAnnotationPrefix = 'io.cncf.notary';
/** The payload notation signs for a manifest: only mediaType, digest, size and annotations (SanitizeTargetArtifact). */
function notationPayload(subject, userMetadata = {}) {
    const annotations = { ...(subject.annotations ?? {}) };
    for (const [key, value] of Object.entries(userMetadata)) {
        if (key.startsWith(reservedAnnotationPrefix))
            throw new NotationError(`error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`);
        if (Object.hasOwn(annotations, key))
            throw new NotationError(`error adding user metadata: metadata key ${key} is already present in the target artifact`);
        annotations[key] = value;
    }
    const target = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    if (Object.keys(annotations).length)
        target.annotations = annotations;
    return Buffer.from(sortedJson({ targetArtifact: target }));
}
const truncateToSecond = (date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
/**
 * Builds and signs a JWS envelope for a manifest, as notation-go's GenericSigner and notation-core-go's JWS
 * envelope do: payload, protected header (`alg` from the key spec, `cty`, `crit`, signing scheme `notary.x509`,
 * signing time, optional expiry), then `x5c` and the signing agent unprotected. The result is checked before it is
 * returned: the chain meets the certificate requirements and was valid at the signing time, its leaf has the key
 * spec the signer declared, and the signature verifies with the leaf's key (which catches a plugin that signed
 * something else or with another key).
 */
async function createNotationEnvelope(subject, signer, options = {}) {
    const algorithm = notationAlgorithms[signer.keySpec];
    if (!algorithm)
        throw new NotationError(`unsupported key spec ${String(signer.keySpec)}`);
    const signingTime = truncateToSecond(options.signingTime ?? new Date());
    const expiry = options.expiry ? truncateToSecond(options.expiry) : undefined;
    if (expiry && expiry <= signingTime)
        throw new NotationError('expiry cannot be equal or before the signing time');
    const payload = notationPayload({ mediaType: subject.mediaType, digest: subject.digest, size: subject.size, ...(subject.annotations ? { annotations: subject.annotations } : {}) }, options.userMetadata);
    const protectedHeader = {
        alg: algorithm.jws,
        crit: expiry ? [NotationHeader.signingScheme, NotationHeader.expiry] : [NotationHeader.signingScheme],
        cty: NotationMediaType.payload,
        [NotationHeader.signingScheme]: 'notary.x509',
        [NotationHeader.signingTime]: (0,_artifact_flux_js__WEBPACK_IMPORTED_MODULE_1__/* .rfc3339 */ .ag)(signingTime),
        ...(expiry ? { [NotationHeader.expiry]: (0,_artifact_flux_js__WEBPACK_IMPORTED_MODULE_1__/* .rfc3339 */ .ag)(expiry) } : {}),
    };
    const encodedProtected = Buffer.from(sortedJson(protectedHeader)).toString('base64url');
    const encodedPayload = payload.toString('base64url');
    const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
    const signature = await signer.sign(signingInput);
    const chainInput = await signer.certificateChain();
    const chain = await parseNotationCertificates(chainInput.map((c) => (c instanceof node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate ? c : Buffer.from(c))));
    const leaf = chain[0];
    if (!leaf)
        throw new NotationError('the signer returned no certificate chain');
    const problem = notationCertificateChainProblem(chain, signingTime);
    if (problem)
        throw new NotationError(`certificate-chain is invalid, ${problem}`);
    const leafSpec = notationKeySpecOf(leaf.x509);
    if (leafSpec !== signer.keySpec)
        throw new NotationError(`the signing certificate's key is ${leafSpec}, but the signer declared ${signer.keySpec}`);
    if (!verifyNotationJwsSignature(algorithm, signingInput, signature, leaf.x509.publicKey)) {
        throw new NotationError('generated signature failed verification: the signature does not verify with the signing certificate key');
    }
    const agent = [options.signingAgent ?? 'd2ci', signer.signingAgent].filter(Boolean).join(' ');
    const envelope = {
        payload: encodedPayload,
        protected: encodedProtected,
        header: { x5c: chain.map((c) => c.der.toString('base64')), [NotationHeader.signingAgent]: agent },
        signature: signature.toString('base64url'),
    };
    return { envelope: Buffer.from(JSON.stringify(envelope)), certificates: chain.map((c) => c.der), signingTime, payload, protectedHeader };
}
/** The signature manifest's annotations notation-go writes: the chain's thumbprints and the creation (signing) time. */
function notationSignatureAnnotations(certificates, signingTime) {
    return {
        [NotationAnnotation.thumbprintS256]: JSON.stringify(notationThumbprints(certificates)),
        [NotationAnnotation.created]: (0,_artifact_flux_js__WEBPACK_IMPORTED_MODULE_1__/* .rfc3339 */ .ag)(signingTime),
    };
}
/**
 * Signs a manifest already stored in `target` in the Notary Project format and attaches the JWS envelope as an
 * OCI 1.1 referrer: artifactType `application/vnd.cncf.notary.signature`, the empty config, one
 * `application/jose+json` layer, `subject`, and the thumbprint and created annotations. A registry without the
 * referrers API gets the `sha256-<hex>` tag-schema index (as notation does through oras).
 */
async function signNotation(target, subject, options) {
    const plain = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    const made = await createNotationEnvelope(plain, options.signer, options);
    const descriptor = await (0,_oci_attach_js__WEBPACK_IMPORTED_MODULE_2__/* .attachReferrer */ .v)(target, plain, {
        artifactType: NotationMediaType.signature,
        layerMediaType: NotationMediaType.jws,
        content: made.envelope,
        annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
    });
    return { descriptor, signatureRef: `${target.name}@${descriptor.digest}`, envelope: made.envelope, thumbprints: notationThumbprints(made.certificates), signingTime: made.signingTime };
}


/***/ }),

/***/ 38419:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ inTotoStatement),
/* harmony export */   K9: () => (/* binding */ simpleSigningMediaType),
/* harmony export */   Kq: () => (/* binding */ simpleSigningPayload),
/* harmony export */   OY: () => (/* binding */ inTotoPayloadType),
/* harmony export */   fT: () => (/* binding */ signStatement),
/* harmony export */   iQ: () => (/* binding */ cosignSignPredicateType)
/* harmony export */ });
/* harmony import */ var _oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77796);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48341);


/** cosign's legacy signature payload media type (cosign pkg/types SimpleSigningMediaType). */
const simpleSigningMediaType = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The in-toto predicate cosign v3 signs images with (cosign pkg/types/predicate.go). */
const cosignSignPredicateType = 'https://sigstore.dev/cosign/sign/v1';
const inTotoPayloadType = 'application/vnd.in-toto+json';
/**
 * The "simple signing" payload cosign signs, byte for byte as Go's json.Marshal writes sigstore's
 * payload.Cosign: `docker-reference` is the repository, `optional` holds claims or is null.
 */
function simpleSigningPayload(repository, digest, claims) {
    const optional = claims && Object.keys(claims).length ? (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__/* .sortedAnnotations */ .sk)(claims) : null;
    return Buffer.from(JSON.stringify({
        critical: { identity: { 'docker-reference': repository }, image: { 'docker-manifest-digest': digest }, type: 'cosign container image signature' },
        optional,
    }));
}
/** The in-toto v1 statement cosign v3 signs into a v0.3 bundle: subject = the manifest digest. */
function signStatement(digest, claims) {
    return inTotoStatement(digest, cosignSignPredicateType, {}, claims);
}
/** An in-toto v1 statement about one manifest digest (what `cosign attest` signs). */
function inTotoStatement(digest, predicateType, predicate, annotations) {
    const { algorithm, hex } = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(digest);
    const subject = { digest: { [algorithm]: hex } };
    if (annotations && Object.keys(annotations).length)
        subject.annotations = (0,_oci_descriptor_js__WEBPACK_IMPORTED_MODULE_0__/* .sortedAnnotations */ .sk)(annotations);
    return Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [subject], predicateType, predicate }));
}


/***/ }),

/***/ 4756:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uy: () => (/* binding */ attachSigstoreBundle),
/* harmony export */   XO: () => (/* binding */ signatureFormats),
/* harmony export */   oc: () => (/* binding */ signArtifact),
/* harmony export */   pS: () => (/* binding */ signEachBeforeTagging),
/* harmony export */   tu: () => (/* binding */ UntaggedSigningError),
/* harmony export */   wh: () => (/* binding */ signNotationBeforeTagging)
/* harmony export */ });
/* unused harmony exports sigstoreBundleMediaType, signBeforeTagging */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_attach_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(19400);
/* harmony import */ var _artifact_flux_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(18359);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(38419);
/* harmony import */ var _legacy_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(41914);
/* harmony import */ var _signer_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(75687);
/* harmony import */ var _notation_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(78959);







const signatureFormats = ['legacy', 'bundle', 'both'];
const sigstoreBundleMediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json';
function certificateIdentity(bundle) {
    const material = bundle.verificationMaterial.content;
    const der = material.$case === 'x509CertificateChain' ? material.x509CertificateChain.certificates[0]?.rawBytes : material.$case === 'certificate' ? material.certificate.rawBytes : undefined;
    if (!der)
        return undefined;
    const san = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(der)).subjectAltName ?? '';
    return /(?:URI|email):([^,]+)/.exec(san)?.[1];
}
/**
 * Attaches a v0.3 bundle (a DSSE envelope over an in-toto statement of `predicateType`) to `subject` as cosign v3
 * writes it: a referrer with the bundle annotations Flux 2.8+ and `cosign verify` look for.
 */
async function attachSigstoreBundle(target, subject, bundle, predicateType) {
    const { bundleToJSON } = await Promise.all(/* import() */[__nccwpck_require__.e(773), __nccwpck_require__.e(743)]).then(__nccwpck_require__.bind(__nccwpck_require__, 36124));
    return (0,_oci_attach_js__WEBPACK_IMPORTED_MODULE_1__/* .attachReferrer */ .v)(target, subject, {
        artifactType: sigstoreBundleMediaType,
        content: Buffer.from(JSON.stringify(bundleToJSON(bundle))),
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            'org.opencontainers.image.created': (0,_artifact_flux_js__WEBPACK_IMPORTED_MODULE_2__/* .rfc3339 */ .ag)(new Date()),
        },
    });
}
/**
 * Signs a manifest already stored in `target`. `legacy` writes cosign's `sha256-<hex>.sig` manifest (what Flux
 * 2.6+ and cosign v2/v3 verify); `bundle` attaches a v0.3 DSSE bundle as a referrer (cosign v3's default, which
 * Flux 2.8+ verifies); `both` writes both, sharing one certificate.
 */
async function signArtifact(target, subject, options) {
    const signer = options.signer ?? (await (0,_signer_js__WEBPACK_IMPORTED_MODULE_3__/* .createBundleSigner */ .B5)(options.identity));
    const name = target.name;
    const result = {};
    let first;
    if (options.format !== 'bundle') {
        const payload = (0,_payload_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleSigningPayload */ .Kq)(options.repository, subject.digest, options.claims);
        const bundle = await signer.signMessage(payload);
        first ??= bundle;
        const written = await (0,_legacy_js__WEBPACK_IMPORTED_MODULE_5__/* .appendLegacySignature */ .cH)(target, subject.digest, payload, (0,_legacy_js__WEBPACK_IMPORTED_MODULE_5__/* .legacyAnnotations */ .En)(bundle));
        result.legacyTag = written.tag;
        result.signatureRef = `${name}:${written.tag}`;
    }
    if (options.format !== 'legacy') {
        const bundle = await signer.signStatement((0,_payload_js__WEBPACK_IMPORTED_MODULE_4__/* .signStatement */ .fT)(subject.digest, options.claims));
        first ??= bundle;
        const referrer = await attachSigstoreBundle(target, subject, bundle, _payload_js__WEBPACK_IMPORTED_MODULE_4__/* .cosignSignPredicateType */ .iQ);
        result.referrer = referrer;
        result.signatureRef ??= `${name}@${referrer.digest}`;
    }
    const logIndex = first?.verificationMaterial.tlogEntries[0]?.logIndex;
    if (logIndex !== undefined)
        result.rekorLogIndex = String(logIndex);
    result.identity = (first && certificateIdentity(first)) ?? (options.identity.kind === 'key' ? `key:${(await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 86666))).keyId(options.identity.privateKey)}` : 'unknown');
    return result;
}
/** Signing failed after the manifest was stored: nothing was tagged. */
class UntaggedSigningError extends Error {
    constructor(digest, cause) {
        super(`signing ${digest} failed, so no tag was moved (the manifest is stored untagged): ${cause.message}`, { cause });
        this.name = 'UntaggedSigningError';
    }
}
/**
 * A `beforeTag` step for pushArtifact/copy that signs the stored manifest; `result()` gives what it signed.
 * A failure says that no tag moved.
 */
function signBeforeTagging(target, options) {
    let signed;
    return {
        beforeTag: async (descriptor) => {
            try {
                signed = await signArtifact(target, descriptor, options);
            }
            catch (err) {
                throw new UntaggedSigningError(descriptor.digest, err);
            }
        },
        result: () => signed,
    };
}
/**
 * `signBeforeTagging` for many artifacts (components) with one signer: one OIDC token and one Fulcio certificate
 * however many there are. `beforeTag(target, key)` gives each its step, `result(key)` what it signed.
 */
async function signEachBeforeTagging(options) {
    const signer = options.signer ?? (await (0,_signer_js__WEBPACK_IMPORTED_MODULE_3__/* .createBundleSigner */ .B5)(options.identity));
    const steps = new Map();
    return {
        beforeTag: (target, key) => {
            const step = signBeforeTagging(target, { ...options, repository: target.name, signer });
            steps.set(key, step);
            return step.beforeTag;
        },
        result: (key) => steps.get(key)?.result(),
    };
}
/**
 * The Notary Project counterpart of signBeforeTagging: the manifest is signed (a JWS referrer) before any tag
 * moves; `result()` names the signer by its certificate's subject.
 */
function signNotationBeforeTagging(target, signer) {
    let signed;
    return {
        beforeTag: async (descriptor) => {
            try {
                const made = await (0,_notation_js__WEBPACK_IMPORTED_MODULE_6__/* .signNotation */ .Wx)(target, descriptor, { signer });
                const [leaf] = await signer.certificateChain();
                // As notation prints it and verification reports it (Go's pkix.Name.String()).
                const subject = leaf ? (await (0,_notation_js__WEBPACK_IMPORTED_MODULE_6__/* .parseNotationCertificate */ .HZ)(leaf)).subject : 'unknown';
                signed = { signatureRef: made.signatureRef, identity: `x509: ${subject}`, referrer: made.descriptor };
            }
            catch (err) {
                throw new UntaggedSigningError(descriptor.digest, err);
            }
        },
        result: () => signed,
    };
}


/***/ }),

/***/ 75687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ createBundleSigner),
/* harmony export */   uJ: () => (/* binding */ SigningError),
/* harmony export */   xe: () => (/* binding */ publicGood)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(86666);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(38419);



const publicGood = {
    fulcio: 'https://fulcio.sigstore.dev',
    rekor: 'https://rekor.sigstore.dev',
};
class SigningError extends Error {
    constructor(message, options) {
        super(message.replace(/\s*\n\s*/g, ' '), options);
        this.name = 'SigningError';
    }
}
/** Signs with a key we hold: ECDSA P-256 over SHA-256, the scheme cosign and Fulcio certificates use. */
function keySigner(privateKey, hint) {
    const publicKey = (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__.publicKeyPem)(privateKey);
    return {
        sign: async (data) => ({
            signature: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', data, privateKey),
            key: { $case: 'publicKey', publicKey, ...(hint ? { hint } : {}) },
        }),
    };
}
/** Names which Sigstore service an @sigstore/sign error came from, in one line. */
function describe(err, identity) {
    const rawCode = err.code;
    const code = typeof rawCode === 'string' ? rawCode : '';
    const message = err.message ?? String(err);
    const cause = err.cause?.message;
    const detail = cause && !message.includes(cause) ? `${message}: ${cause}` : message;
    if (code.startsWith('CA_') || /signing certificate/i.test(message))
        return new SigningError(`Fulcio at ${identity.fulcioUrl ?? publicGood.fulcio} did not issue a certificate: ${detail}`, { cause: err });
    if (code.startsWith('TLOG_') || /tlog|rekor/i.test(message))
        return new SigningError(`Rekor at ${identity.rekorUrl ?? publicGood.rekor} did not log the signature: ${detail}`, { cause: err });
    if (code.startsWith('TSA_') || /timestamp/i.test(message))
        return new SigningError(`the timestamp authority at ${identity.tsaUrl ?? ''} did not answer: ${detail}`, { cause: err });
    if (/token/i.test(message))
        return new SigningError(`no OIDC token: ${detail}`, { cause: err });
    return new SigningError(`signing failed: ${detail}`, { cause: err });
}
/**
 * A signer for one artifact. Keyless: one ephemeral P-256 key and one Fulcio certificate for every signature
 * it makes (legacy and bundle share them), each signature logged in Rekor v1, whose signed entry timestamp the
 * legacy format needs; optionally an RFC 3161 timestamp. With a key: signatures only, no transparency log
 * (Flux's `verify.secretRef` keys are checked offline). @sigstore/sign is loaded, and the key made, on the first
 * signature: a step that prepares a signer and then pushes nothing (content unchanged) pays for neither.
 */
async function createBundleSigner(identity) {
    let built;
    const signer = () => (built ??= buildBundleSigner(identity));
    return {
        signMessage: async (data) => (await signer()).signMessage(data),
        signStatement: async (statement) => (await signer()).signStatement(statement),
    };
}
async function buildBundleSigner(identity) {
    const sigstore = await Promise.all(/* import() */[__nccwpck_require__.e(773), __nccwpck_require__.e(84), __nccwpck_require__.e(137), __nccwpck_require__.e(855), __nccwpck_require__.e(775)]).then(__nccwpck_require__.bind(__nccwpck_require__, 45775));
    if (identity.kind === 'key') {
        const signer = keySigner(identity.privateKey, (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__.keyId)(identity.privateKey));
        return {
            signMessage: (data) => new sigstore.MessageSignatureBundleBuilder({ signer, witnesses: [] }).create({ data }),
            signStatement: (statement) => new sigstore.DSSEBundleBuilder({ signer, witnesses: [] }).create({ data: statement, type: _payload_js__WEBPACK_IMPORTED_MODULE_2__/* .inTotoPayloadType */ .OY }),
        };
    }
    const fetchOptions = { timeout: identity.timeoutMs ?? 30_000, retry: { retries: identity.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 } };
    const { privateKey } = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
    const ephemeral = keySigner(privateKey);
    const fulcio = new sigstore.FulcioSigner({ fulcioBaseURL: identity.fulcioUrl ?? publicGood.fulcio, identityProvider: identity.identity, keyHolder: ephemeral, ...fetchOptions });
    let first;
    const signer = {
        async sign(data) {
            if (!first) {
                first = fulcio.sign(data);
                return first;
            }
            const { key } = await first;
            return { signature: (await ephemeral.sign(data)).signature, key };
        },
    };
    const witnesses = [
        new sigstore.RekorWitness({ rekorBaseURL: identity.rekorUrl ?? publicGood.rekor, majorApiVersion: 1, entryType: 'dsse', fetchOnConflict: true, ...fetchOptions }),
        ...(identity.tsaUrl ? [new sigstore.TSAWitness({ tsaBaseURL: identity.tsaUrl, ...fetchOptions })] : []),
    ];
    const guard = async (build) => {
        try {
            return await build();
        }
        catch (err) {
            throw describe(err, identity);
        }
    };
    return {
        signMessage: (data) => guard(() => new sigstore.MessageSignatureBundleBuilder({ signer, witnesses }).create({ data })),
        signStatement: (statement) => guard(() => new sigstore.DSSEBundleBuilder({ signer, witnesses }).create({ data: statement, type: _payload_js__WEBPACK_IMPORTED_MODULE_2__/* .inTotoPayloadType */ .OY })),
    };
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
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

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 78877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 30714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
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

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 16460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

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
/******/ var __webpack_exports__ = __nccwpck_require__(73018);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

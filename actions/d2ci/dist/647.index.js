export const id = 647;
export const ids = [647];
export const modules = {

/***/ 4647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageUpdateRequest: () => (/* binding */ imageUpdateRequest),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/git.ts
var imageupdate_git = __webpack_require__(38036);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/rest-error.ts
var rest_error = __webpack_require__(37869);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/github/githubapp.ts
// Short-lived GitHub App installation tokens (@octokit/auth-app, loaded only when an app is configured): scoped to
// one repository and the permissions asked, handed to `onSecret` before anything could print them, revocable.



/** The app's credentials or installation do not give a token; about the app the request names (`app-id`). */
class GitHubAppError extends rest_error/* GitHubError */.y_ {
    constructor(code, message, status) {
        super(code, message, status, 'app-id');
        this.name = 'GitHubAppError';
    }
}
const defaultPermissions = { contents: 'write', pull_requests: 'write' };
const rank = { read: 1, write: 2, admin: 3 };
/** Workflow spelling (`pull-requests`) to GitHub's API spelling (`pull_requests`). */
function apiPermissions(permissions) {
    return Object.fromEntries(Object.entries(permissions).map(([name, level]) => [name.trim().toLowerCase().replace(/-/g, '_'), level]));
}
/** `pull_requests` → "Pull requests", as the app's settings page names it. */
const settingName = (permission) => permission.charAt(0).toUpperCase() + permission.slice(1).replace(/_/g, ' ');
/** A PEM private key GitHub could have generated, with the `\n` escapes of a key pasted into a single-line variable undone. */
function readPrivateKey(privateKey, appId) {
    const pem = privateKey.replace(/\\n/g, '\n').trim();
    try {
        const key = (0,external_node_crypto_.createPrivateKey)(pem);
        if (key.asymmetricKeyType !== 'rsa')
            throw new Error(`a ${key.asymmetricKeyType ?? 'non-RSA'} key`);
    }
    catch (err) {
        throw new GitHubAppError('APP_KEY_INVALID', `the private key of GitHub App ${appId} is not a PEM RSA private key (${(0,errors/* oneLineMessage */.Wg)(err).replace(/\s+/g, ' ')}); pass the whole .pem file generated on the app's settings page, BEGIN and END lines included`);
    }
    return pem;
}
/** GitHub's 401 to an app JWT, and what fixes it. */
function jwtRefusal({ message }, appId) {
    if (/'(iat|exp)'/.test(message))
        return {
            code: 'APP_CLOCK_SKEW',
            fix: "the runner's clock is off: GitHub accepts app JWTs issued at most 60 seconds ahead of its clock and expiring within 10 minutes",
        };
    if (/integration not found/i.test(message))
        return { code: 'APP_NOT_FOUND', fix: `no GitHub App has ID ${appId} on this GitHub: check app-id (the app's settings page shows it)` };
    return {
        code: 'APP_CREDENTIALS_MISMATCH',
        fix: `check that app-id ${appId} and the private key belong to the same GitHub App (generate a new key on the app's settings page if unsure)`,
    };
}
/** Permissions asked for that the installation does not have (at the level asked), as `name: level (has …)`. */
function missingPermissions(asked, granted) {
    return Object.entries(asked)
        .filter(([name, level]) => (rank[granted?.[name] ?? ''] ?? 0) < (rank[level] ?? 0))
        .map(([name, level]) => `${name}: ${level} (${settingName(name)}: ${level === 'write' ? 'Read and write' : 'Read-only'}; the installation has ${granted?.[name] ?? 'none'})`);
}
function split(repository) {
    const [owner = '', repo = '', ...rest] = repository.split('/');
    if (!owner || !repo || rest.length)
        throw new GitHubAppError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
    return { owner, repo };
}
/**
 * Creates an installation token of the GitHub App for `repository` alone, with `permissions`: finds the app's
 * installation on the repository (`GET /repos/{owner}/{repo}/installation`, as the app), then asks that installation
 * for a token (`POST /app/installations/{id}/access_tokens`). Each JWT is passed to `onSecret` before it is sent, the
 * token before it is returned. Errors say, in one line, what the workflow author has to change.
 */
async function installationToken(options) {
    const appId = options.app.appId.trim();
    if (!appId)
        throw new GitHubAppError('APP_ID_MISSING', "the GitHub App ID is empty; pass the app ID (or client ID) shown on the app's settings page");
    const privateKey = readPrivateKey(options.app.privateKey, appId);
    const { owner, repo } = split(options.repository);
    const permissions = apiPermissions(options.permissions ?? defaultPermissions);
    const masked = new Set();
    const mask = (secret) => {
        if (!secret || masked.has(secret))
            return;
        masked.add(secret);
        options.onSecret?.(secret);
    };
    const [{ createAppAuth }, { GitHub, defaults, getUserAgentWithOrchestrationId }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(547), __webpack_require__.e(75)]).then(__webpack_require__.bind(__webpack_require__, 86075)),
        Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642)]).then(__webpack_require__.bind(__webpack_require__, 24642)),
    ]);
    const baseUrl = (options.apiUrl ?? defaults.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    // The runner's proxy-aware fetch (as getOctokit uses it), seeing each request as sent: its credential is masked first.
    const send = defaults.request?.fetch ?? fetch;
    const maskingFetch = (input, init) => {
        const credential = /^(?:token|bearer)\s+(\S+)$/i.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1];
        if (credential)
            mask(credential);
        return send(input, init);
    };
    // @octokit/auth-app signs a fresh JWT per request (iat 30 s back, exp 10 min on, as GitHub asks) and, when GitHub
    // rejects its time claims, retries once with GitHub's clock from the Date header.
    const octokit = new GitHub({
        baseUrl,
        userAgent: getUserAgentWithOrchestrationId(undefined),
        request: { ...defaults.request, fetch: maskingFetch },
        authStrategy: createAppAuth,
        auth: { appId, privateKey },
    });
    let installation;
    try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/installation', { owner, repo });
        installation = { id: data.id, permissions: data.permissions };
    }
    catch (err) {
        throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, `looking up GitHub App ${appId} on ${options.repository}`, 'message', (failure) => {
            if (failure.status === 404)
                return {
                    code: 'APP_NOT_INSTALLED',
                    detail: `GitHub App ${appId} is not installed on ${options.repository}`,
                    fix: "install it there (the app's page → Install App, or the organization's Settings → GitHub Apps → Configure → Repository access), and check that app-id names that app",
                };
            if (failure.status === 401)
                return jwtRefusal(failure, appId);
            return {
                code: 'REQUEST_FAILED',
                detail: `${failure.message}${baseUrl === 'https://api.github.com' ? '' : ` (API URL ${baseUrl})`}`,
            };
        });
    }
    let authentication;
    try {
        authentication = (await octokit.auth({
            type: 'installation',
            installationId: installation.id,
            repositoryNames: [repo],
            permissions,
            refresh: true,
        }));
    }
    catch (err) {
        const doing = `creating an installation token of GitHub App ${appId} for ${options.repository}`;
        throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, doing, 'message', (failure) => {
            const { status, message } = failure;
            if (status === 401)
                return jwtRefusal(failure, appId);
            if (status === 422 && /permissions requested are not granted/i.test(message)) {
                const missing = missingPermissions(permissions, installation.permissions);
                const named = missing.length
                    ? missing.join(', ')
                    : Object.entries(permissions)
                        .map(([name, level]) => `${name}: ${level}`)
                        .join(', ');
                return {
                    code: 'APP_PERMISSIONS_NOT_GRANTED',
                    detail: `the app is not granted ${named}`,
                    fix: "add it in the app's settings (Permissions & events → Repository permissions), then approve the new permissions on the installation",
                };
            }
            if (status === 422 && /not accessible to the parent installation/i.test(message))
                return {
                    code: 'APP_REPOSITORY_NOT_ACCESSIBLE',
                    fix: `add ${options.repository} to the installation's repository access (organization Settings → GitHub Apps → Configure)`,
                };
            if (status === 403 && /suspended/i.test(message))
                return { code: 'APP_SUSPENDED', fix: 'unsuspend the installation (Settings → GitHub Apps)' };
            return { code: 'REQUEST_FAILED' };
        });
    }
    const token = authentication.token;
    mask(token);
    let revoked = false;
    return {
        token,
        expiresAt: new Date(authentication.expiresAt),
        repositories: (authentication.repositoryNames ?? [repo]).map((name) => `${owner}/${name}`),
        permissions: { ...authentication.permissions },
        async revoke() {
            if (revoked)
                return;
            const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 68803));
            try {
                await getOctokit(token, { baseUrl }).request('DELETE /installation/token');
            }
            catch (err) {
                // 401: expired or revoked already, which is what revoking wants.
                if ((0,rest_error/* restStatus */.rR)(err) !== 401)
                    throw (0,rest_error/* explainRestFailure */.y4)(GitHubAppError, err, 'revoking the installation token', 'message', () => ({ code: 'REQUEST_FAILED' }));
            }
            revoked = true;
        },
    };
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/kind.ts
var kind = __webpack_require__(55124);
// EXTERNAL MODULE: ../../packages/core/src/auth/open-registry.ts + 3 modules
var open_registry = __webpack_require__(15483);
// EXTERNAL MODULE: ../../packages/core/src/auth/resolve.ts + 3 modules
var resolve = __webpack_require__(10863);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/registries.ts
// The registries an image update reads: every ImageRepository's, each with the credentials provider it names.


/**
 * One client per credentials provider and scheme, opened when first needed. An ImageRepository's own
 * `spec.provider` wins over the session's, as image-reflector-controller authenticates each ImageRepository with
 * its provider (docs/spec/v1/imagerepositories.md, "Provider"), and its `spec.insecure` adds plain HTTP.
 */
function imageRegistryClients(options) {
    const clients = new Map();
    return (repository) => {
        const provider = repository.provider && repository.provider !== 'generic' ? (0,resolve/* parseProvider */.te)(repository.provider) : (options.provider ?? 'generic');
        const insecure = repository.insecure || options.insecure === true;
        const key = `${provider}/${insecure}`;
        let client = clients.get(key);
        if (!client) {
            client = (0,open_registry/* openRegistry */.M)({ ...options, provider, insecure, manyRegistries: true }).client;
            clients.set(key, client);
        }
        return client;
    };
}
/** The session's credentials (its own provider), for registries d2ci does not reach itself (the kind engine's Secrets). */
function imageRegistryCredentials(options) {
    return (0,open_registry/* openRegistry */.M)({ ...options, manyRegistries: true }).credentials;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/objects.ts
var imageupdate_objects = __webpack_require__(71596);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var oci_reference = __webpack_require__(48936);
// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/policy.ts + 2 modules
var imageupdate_policy = __webpack_require__(18720);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/reflect.ts



const key = (namespace, name) => `${namespace}/${name}`;
/**
 * What image-reflector-controller would put in each policy's `status.latestRef`: the repository's tags (listed
 * once per ImageRepository, exclusion list applied, sorted descending byte-wise as the controller stores them),
 * the policy's selection, and the digest when `digestReflectionPolicy` asks for it. CI has no previous status,
 * so `IfNotPresent` and `Always` both resolve the digest. One policy failing does not stop the others.
 */
async function reflectPolicies(options) {
    const repositories = new Map(options.repositories.map((r) => [key(r.namespace, r.name), r]));
    const scans = new Map();
    const scan = (repository) => {
        const id = key(repository.namespace, repository.name);
        let tags = scans.get(id);
        if (!tags) {
            const reference = (0,oci_reference/* parseReference */.F2)(repository.image);
            tags = options.clientFor(repository).repository(reference).tags();
            tags.catch(() => undefined);
            scans.set(id, tags);
        }
        return tags;
    };
    return (0,concurrency/* mapLimit */.s)(options.policies, options.concurrency ?? 8, async (policy) => {
        const repository = repositories.get(key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name));
        if (!repository)
            return {
                policy,
                ok: false,
                kind: 'missing',
                error: `ImageRepository ${key(policy.imageRepositoryRef.namespace, policy.imageRepositoryRef.name)} not found`,
            };
        let reference;
        try {
            reference = (0,oci_reference/* parseReference */.F2)(repository.image);
            // As the controller, a policy that cannot work fails before any registry is asked.
            (0,imageupdate_policy/* compileImagePolicy */.Nu)(policy.policy, policy.filterTags);
        }
        catch (err) {
            return {
                policy,
                repository,
                ok: false,
                kind: 'invalid',
                error: err instanceof imageupdate_policy/* PolicyError */.pn ? err.message : `ImageRepository ${repository.name}: ${err.message}`,
            };
        }
        let listed;
        try {
            listed = await scan(repository);
        }
        catch (err) {
            return {
                policy,
                repository,
                ok: false,
                kind: 'registry',
                error: `cannot list the tags of ${repository.image}: ${err.message}`,
            };
        }
        let tags;
        let tag;
        try {
            tags = (0,imageupdate_policy/* orderTags */.M8)(listed, repository.exclusionList);
            tag = (0,imageupdate_policy/* selectTag */.lH)(policy.policy, policy.filterTags, tags);
        }
        catch (err) {
            return { policy, repository, ok: false, kind: 'invalid', error: err.message };
        }
        const latestRef = { name: repository.image, tag };
        if (policy.digestReflectionPolicy !== 'Never') {
            try {
                latestRef.digest = (await options.clientFor(repository).repository({ registry: reference.registry, repository: reference.repository }).resolve(tag)).digest;
            }
            catch (err) {
                return {
                    policy,
                    repository,
                    ok: false,
                    kind: 'registry',
                    error: `cannot resolve the digest of ${repository.image}:${tag}: ${err.message}`,
                };
            }
        }
        return { policy, repository, ok: true, latestRef, tags: tags.length };
    });
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/setters.ts + 1 modules
var imageupdate_setters = __webpack_require__(31749);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/commit-message.ts + 14 modules
var commit_message = __webpack_require__(29952);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/github/apicommit.ts
// Committing changed files through GitHub's Git Data REST API (blobs, a tree, a commit, the ref) instead of
// `git push`, so that GitHub itself makes, and signs, the commit (@actions/github's Octokit, loaded when needed).
//
// When GitHub signs: "Signature verification for bots will only work if the request is verified and authenticated as
// the GitHub App or bot and contains no custom author information, custom committer information, and no custom
// signature information, such as Commits API." (docs.github.com, "About commit signature verification" → "Signature
// verification for bots"; GitHub.com and GHE.com: GitHub Enterprise Server signs only when its site administrator
// enabled web commit signing). And "Create a commit" (docs.github.com/rest/git/commits): "By default, committer will
// use the information set in author". So the commit is signed ("Verified", by the app's `[bot]` user, committer
// GitHub) only when made with an App installation token and neither `author` nor `committer` is sent: passing
// `author` trades the signature for the attribution. `verified` in the result says which it was.

class ApiCommitError extends rest_error/* GitHubError */.y_ {
    constructor(code, message, status) {
        super(code, message, status);
        this.name = 'ApiCommitError';
    }
}
const contentsWrite = 'add `permissions: contents: write` to the job (for a GitHub App token: give the app Contents: Read and write)';
/** GitHub's refusal, and the fix a workflow author needs, on one line. */
function explain(err, doing, options) {
    return (0,rest_error/* explainRestFailure */.y4)(ApiCommitError, err, doing, 'message-and-errors', ({ status, message }) => {
        if (/not a fast forward|reference already exists/i.test(message))
            return { code: 'BRANCH_MOVED', fix: `${options.branch} moved while this commit was made: run the update again` };
        if (/rule violation|protected branch/i.test(message))
            return {
                code: 'BRANCH_PROTECTED',
                fix: `${options.branch} is protected by a rule this token cannot bypass: exempt ${options.branch} from the rule, or let the GitHub App bypass it`,
            };
        if (status === 401)
            return {
                code: 'TOKEN_INVALID',
                fix: 'the token is not valid or has expired (a GitHub App installation token lasts one hour: create a fresh one)',
            };
        if (status === 403)
            return { code: 'PERMISSION_MISSING', fix: contentsWrite };
        if (status === 404)
            return {
                code: 'PERMISSION_MISSING',
                fix: `${contentsWrite}, and check that the token can reach ${options.repository} (a GitHub App token must be scoped to it)`,
            };
        if (status === 422)
            return { code: 'PERMISSION_MISSING', fix: `${contentsWrite}, and check that ${options.base} exists` };
        if (status === 409 && /empty/i.test(message))
            return { code: 'REPOSITORY_EMPTY', fix: `${options.repository} has no commits yet: push ${options.base} first` };
        return { code: 'REQUEST_FAILED' };
    });
}
function apicommit_split(repository) {
    const [owner = '', repo = '', ...rest] = repository.split('/');
    if (!owner || !repo || rest.length)
        throw new ApiCommitError('INVALID_REPOSITORY', `repository "${repository}" is not owner/repo`);
    return { owner, repo };
}
function checkPath(path) {
    if (!path || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
        throw new ApiCommitError('INVALID_PATH', `"${path}" is not a relative path inside the repository`);
    }
}
/**
 * Commits `files` to `branch` of `repository` through the Git Data API: one blob per file, one tree on top of the
 * start commit's tree, the commit (no committer, so GitHub can sign it), then the ref — updated (forced for `reset`)
 * or created. `stack` starts from the branch tip when the branch exists, else from `base`; `reset` from `base`.
 */
async function commitViaApi(options) {
    const { owner, repo } = apicommit_split(options.repository);
    for (const file of options.files)
        checkPath(file.path);
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 68803));
    const octokit = getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {});
    const tip = async (branch) => {
        try {
            const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            return data.object.sha;
        }
        catch (err) {
            if ((0,rest_error/* restStatus */.rR)(err) === 404)
                return undefined;
            throw explain(err, `reading branch ${branch} of ${options.repository}`, options);
        }
    };
    const branchTip = await tip(options.branch);
    const stackOnBranch = options.mode === 'stack' && branchTip !== undefined;
    const start = stackOnBranch ? branchTip : await tip(options.base);
    // GitHub answers 404 alike for a missing branch and for a repository the token cannot reach.
    if (!start)
        throw new ApiCommitError('BRANCH_NOT_FOUND', `branch ${options.base} of ${options.repository} was not found (HTTP 404): check that it exists and that the token can reach ${options.repository} (a GitHub App token must be scoped to it); ${contentsWrite}`, 404);
    if (options.parent && options.parent !== start) {
        throw new ApiCommitError('BRANCH_MOVED', `${stackOnBranch ? options.branch : options.base} is at ${start}, not at ${options.parent} the files were computed from: it moved since the checkout; run the update again`);
    }
    const step = async (doing, call) => {
        try {
            return await call();
        }
        catch (err) {
            throw explain(err, `${doing} in ${options.repository}`, options);
        }
    };
    const { data: startCommit } = await step(`reading commit ${start}`, () => octokit.rest.git.getCommit({ owner, repo, commit_sha: start }));
    const entries = [];
    for (const file of options.files) {
        // Bytes go base64; text as UTF-8, which GitHub stores as sent.
        const body = typeof file.content === 'string'
            ? { content: file.content, encoding: 'utf-8' }
            : { content: file.content.toString('base64'), encoding: 'base64' };
        const { data: blob } = await step(`uploading ${file.path}`, () => octokit.rest.git.createBlob({ owner, repo, ...body }));
        entries.push({ path: file.path, mode: file.mode ?? '100644', type: 'blob', sha: blob.sha });
    }
    const { data: tree } = await step('writing the tree', () => octokit.rest.git.createTree({ owner, repo, base_tree: startCommit.tree.sha, tree: entries }));
    if (tree.sha === startCommit.tree.sha) {
        return { sha: start, verified: startCommit.verification?.verified ?? false, parent: start };
    }
    const { data: commit } = await step('creating the commit', () => octokit.rest.git.createCommit({
        owner,
        repo,
        message: options.message,
        tree: tree.sha,
        parents: [start],
        ...(options.author ? { author: options.author } : {}),
    }));
    if (branchTip === undefined) {
        await step(`creating branch ${options.branch}`, () => octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${options.branch}`, sha: commit.sha }));
    }
    else {
        // No compare-and-swap in the REST API: `stack` is safe (GitHub refuses a non-fast-forward), `reset` overwrites
        // whatever landed on the branch since it was read.
        await step(`updating branch ${options.branch}`, () => octokit.rest.git.updateRef({ owner, repo, ref: `heads/${options.branch}`, sha: commit.sha, force: options.mode === 'reset' }));
    }
    return { sha: commit.sha, verified: commit.verification?.verified ?? false, parent: start };
}

// EXTERNAL MODULE: ../../node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(35415);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/diff.ts

/** A `git diff`-style unified diff of one file (what `--dry-run` prints). */
function unifiedDiff(path, before, after) {
    if (before === after)
        return '';
    // jsdiff starts with a line of '=' signs, which git's format does not have.
    const patch = (0,create/* createTwoFilesPatch */.ss)(`a/${path}`, `b/${path}`, before, after).replace(/^=+\n/, '');
    return patch.endsWith('\n') ? patch : `${patch}\n`;
}

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/changes.ts
var changes = __webpack_require__(6321);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/pull-request-flow.ts + 1 modules
var pull_request_flow = __webpack_require__(26784);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/update.ts












/** Policies that cannot work (a bad range or pattern, a missing ImageRepository), each named with why. */
class InvalidPolicyError extends errors/* BaseError */.Cf {
    constructor(message) {
        super('INVALID_POLICY', message, { field: 'policies-path' });
        this.name = 'InvalidPolicyError';
    }
}
/**
 * Flux image automation without a cluster: reflect each ImagePolicy from its registry (as image-reflector-controller
 * does), apply the Setters markers under the update path (as image-automation-controller does, but editing only
 * the changed values), then commit with the message template, push the branch and open or update the pull request.
 * A policy whose registry cannot be read is reported and skipped; the others still apply.
 */
async function runImageUpdate(options) {
    const objects = await (0,imageupdate_objects/* loadAutomationObjects */.K)((0,external_node_path_.join)(options.repo, options.policiesPath), { namespace: options.namespace });
    const policies = await reflectPolicies({ repositories: objects.repositories, policies: objects.policies, clientFor: options.clientFor });
    // A policy that cannot work (bad range or pattern, missing ImageRepository) is a configuration error: say so before
    // anything is written. A registry that cannot be read is not: that policy is skipped and reported.
    const invalid = policies.filter((p) => !p.ok && p.kind !== 'registry');
    if (invalid.length)
        throw new InvalidPolicyError(invalid.map((p) => `ImagePolicy ${p.policy.namespace}/${p.policy.name} (${p.policy.file}): ${p.ok ? '' : p.error}`).join('; '));
    const inScope = policies.filter((p) => p.ok);
    const images = new Map(inScope.map((p) => [`${p.policy.namespace}:${p.policy.name}`, p.latestRef]));
    const setterPolicies = inScope.map((p) => ({ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }));
    const message = (result) => options.git && result.fileChanges.size
        ? (0,commit_message/* renderCommitMessage */.jq)(options.git.messageTemplate || commit_message/* defaultCommitTemplate */.NM, {
            automation: options.git.automation,
            result,
            values: options.git.messageValues,
        })
        : undefined;
    // A template that cannot render fails now, not on the first week with an update.
    if (options.git)
        (0,commit_message/* renderCommitMessage */.jq)(options.git.messageTemplate || commit_message/* defaultCommitTemplate */.NM, {
            automation: options.git.automation,
            result: { fileChanges: new Map() },
            values: options.git.messageValues,
        });
    const worktree = options.git && !options.dryRun
        ? await (0,imageupdate_git/* openBranch */.DH)({
            repo: options.repo,
            auth: options.git.auth,
            base: options.git.base,
            branch: options.git.branch,
            mode: options.git.mode,
        })
        : undefined;
    try {
        // Resolved as Flux does (securejoin): the update path cannot leave the checkout, even through a symlink.
        const root = await (0,imageupdate_setters/* secureJoin */.If)(worktree?.dir ?? options.repo, options.updatePath);
        const setters = await (0,imageupdate_setters/* applySetters */.zn)({ root, policies: setterPolicies, write: options.dryRun ? false : 'in-place' });
        const report = {
            policies,
            result: setters.result,
            changes: (0,changes/* valueChanges */.BV)(setters.result, options.updatePath, images),
            files: setters.files.map((f) => (0,changes/* repoPath */.qN)(options.updatePath, f.path)),
            unresolved: setters.unresolved.map((u) => ({
                file: (0,changes/* repoPath */.qN)(options.updatePath, u.path),
                line: u.line,
                setter: u.setter,
            })),
            problems: [
                ...objects.problems.map((p) => ({ file: (0,external_node_path_.join)(options.policiesPath, p.file), message: p.message })),
                ...setters.problems.map((p) => ({ file: (0,external_node_path_.join)(options.updatePath, p.path), message: p.message })),
            ],
            updated: false,
            diff: setters.files
                .map((f) => unifiedDiff((0,external_node_path_.relative)(options.repo, (0,external_node_path_.join)(options.repo, options.updatePath, f.path))
                .split('\\')
                .join('/'), f.before, f.after))
                .join(''),
        };
        if (!options.git) {
            report.updated = setters.files.length > 0 && !options.dryRun;
            return report;
        }
        const git = options.git;
        report.message = message(setters.result);
        if (worktree && report.message) {
            if (git.via?.kind === 'api') {
                // secureJoin resolved symlinks, so compare with the worktree's real path.
                const updatePrefix = (0,external_node_path_.relative)(await (0,promises_.realpath)(worktree.dir), root)
                    .split('\\')
                    .join('/');
                const commit = await commitViaApi({
                    token: git.via.token,
                    repository: git.via.repository,
                    apiUrl: git.via.apiUrl,
                    branch: git.branch,
                    base: git.base,
                    mode: git.mode,
                    parent: worktree.startedFrom.commit,
                    files: setters.files.map((f) => ({ path: [updatePrefix, f.path].filter(Boolean).join('/'), content: f.after })),
                    message: report.message,
                    ...(git.author ? { author: git.author } : {}),
                });
                if (commit.sha !== commit.parent) {
                    report.commit = commit.sha;
                    report.verified = commit.verified;
                    report.updated = true;
                }
            }
            else {
                report.commit = await (0,imageupdate_git/* commitAll */.fi)(worktree.dir, report.message, git.author ?? imageupdate_git/* githubActionsAuthor */.gO);
                if (report.commit) {
                    await (0,imageupdate_git/* pushBranch */.TV)({ repo: options.repo, auth: git.auth, dir: worktree.dir, branch: git.branch });
                    report.updated = true;
                }
            }
        }
        const pr = options.pullRequest;
        if (pr && !options.dryRun)
            report.pullRequest = await (0,pull_request_flow/* settlePullRequest */.c)({
                target: { token: pr.token, repository: pr.repository, apiUrl: pr.apiUrl, head: git.branch, base: git.base, labels: pr.labels },
                body: pr.body,
                pushed: report.updated ? { changes: report.changes, commitMessage: report.message ?? '' } : undefined,
                branchExisted: worktree?.startedFrom.existing ?? false,
                pending: async () => {
                    const pending = await (0,changes/* changesAt */.vm)({
                        repo: options.repo,
                        auth: git.auth,
                        ref: git.base,
                        branch: git.base,
                        updatePath: options.updatePath,
                        policies: setterPolicies,
                    });
                    return { changes: pending.changes, commitMessage: message(pending.result) || undefined };
                },
            });
        return report;
    }
    finally {
        await worktree?.remove();
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/update-images.ts
// The image update use case, once for every front door: the request checked against its engine, the token that
// pushes (a GitHub App's, revoked after), then the native engine (update.ts) or Flux's controllers (kind.ts).






/** A request its engine cannot carry out; nothing was done. */
class ImageUpdateRequestError extends errors/* BaseError */.Cf {
}
/** Refuses what the request's engine cannot do, before anything is fetched, created or pushed. */
function checkRequest(request) {
    if (request.engine === 'kind') {
        if (request.dryRun) {
            const problem = 'is for `engine: native`: the controllers in the cluster push as they go';
            throw new ImageUpdateRequestError('KIND_DRY_RUN', `dry-run ${problem}`, { field: 'dry-run', problem });
        }
        if (request.commit?.via === 'api') {
            const problem = 'is `git` with `engine: kind`: image-automation-controller commits and pushes itself';
            throw new ImageUpdateRequestError('KIND_COMMIT_VIA_API', `commit-via ${problem}`, { field: 'commit-via', problem });
        }
        if (!request.commit || !request.github)
            throw new ImageUpdateRequestError('KIND_NEEDS_GITHUB', 'engine: kind needs a push branch and a GitHub repository with a token: the controllers clone it and push the branch');
    }
    if (request.commit?.via === 'api' && !request.github) {
        const problem = 'is `api`, which needs a GitHub repository and token';
        throw new ImageUpdateRequestError('API_COMMIT_NEEDS_GITHUB', `commit-via ${problem}`, { field: 'commit-via', problem });
    }
}
/** The token that pushes and opens the pull request: a fresh app installation token, else the given one. */
async function writeToken(request) {
    const github = request.github;
    const kept = { token: github?.token, revoke: async () => undefined };
    // A dry run writes nothing, so it needs no token with write access.
    if (!github?.app || request.dryRun)
        return kept;
    const created = await installationToken({
        app: github.app,
        repository: github.repository,
        apiUrl: github.apiUrl,
        onSecret: request.onSecret,
    });
    request.onEvent?.({ type: 'app-token', repository: github.repository, expiresAt: created.expiresAt });
    return { token: created.token, revoke: () => created.revoke() };
}
/** Template values as Flux takes them: none rather than an empty map. */
const templateValues = (commit) => commit?.messageValues && Object.keys(commit.messageValues).length ? commit.messageValues : undefined;
function runNative(request, token) {
    const { commit, github, pullRequest } = request;
    const namespace = request.namespace ?? 'flux-system';
    return runImageUpdate({
        repo: request.repo,
        policiesPath: request.policiesPath,
        updatePath: request.updatePath,
        namespace: request.namespace,
        clientFor: imageRegistryClients(request.registries),
        dryRun: request.dryRun,
        git: commit && {
            base: commit.base,
            branch: commit.branch,
            mode: commit.mode,
            auth: token ? { token, onSecret: request.onSecret } : undefined,
            author: commit.author,
            via: commit.via === 'api' && github
                ? { kind: 'api', token: token ?? '', repository: github.repository, apiUrl: github.apiUrl }
                : { kind: 'git' },
            messageTemplate: commit.messageTemplate,
            messageValues: templateValues(commit),
            // As the kind engine (and D2) name the ImageUpdateAutomation: after its namespace.
            automation: { namespace, name: commit.automationName ?? namespace },
        },
        // A pull request is opened in a GitHub repository; elsewhere the branch is only pushed.
        pullRequest: pullRequest && github?.repository
            ? { token: token ?? '', repository: github.repository, apiUrl: github.apiUrl, labels: pullRequest.labels, body: pullRequest.body }
            : undefined,
    });
}
function runKind(request, commit, github, token) {
    const event = request.onEvent ?? (() => undefined);
    const namespace = request.namespace ?? 'flux-system';
    return (0,kind/* runKindImageUpdate */.oN)({
        repo: request.repo,
        repository: github.repository,
        serverUrl: github.serverUrl,
        token,
        policiesPath: request.policiesPath,
        updatePath: request.updatePath,
        namespace,
        base: commit.base,
        branch: commit.branch,
        author: commit.author ?? imageupdate_git/* githubActionsAuthor */.gO,
        messageTemplate: commit.messageTemplate,
        messageValues: templateValues(commit),
        credentials: imageRegistryCredentials(request.registries),
        pullRequest: request.pullRequest && { apiUrl: github.apiUrl, labels: request.pullRequest.labels, body: request.pullRequest.body },
        tools: request.kind?.tools,
        clusterName: request.kind?.clusterName ?? `d2ci-image-update-${process.pid}`,
        onCluster: (name, path) => event({ type: 'cluster-created', name, path }),
        onSecret: request.onSecret,
        log: (line) => event({ type: 'progress', line }),
        onDiagnostics: request.onEvent && ((title, text) => event({ type: 'diagnostics', title, text })),
    });
}
/**
 * Flux image automation in CI: the latest image for each ImagePolicy, the markers updated, committed to the push
 * branch and the pull request opened or updated, by d2ci itself (`native`) or by Flux's controllers in a Kind
 * cluster (`kind`). A remote's refusal of the token names the permission the job needs.
 */
async function updateImages(request) {
    checkRequest(request);
    const write = await writeToken(request);
    try {
        const { commit, github } = request;
        if (request.engine === 'kind' && commit && github)
            return await runKind(request, commit, github, write.token ?? '');
        return await runNative(request, write.token);
    }
    catch (err) {
        throw request.github && request.commit ? (0,imageupdate_git/* withPushPermission */.Ox)(err, request.commit.branch) : err;
    }
    finally {
        // A short-lived token is revoked as soon as the update is done with it.
        await write.revoke().catch((err) => request.onEvent?.({ type: 'app-token-kept', error: err }));
    }
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 24 modules
var src = __webpack_require__(80437);
;// CONCATENATED MODULE: ../image-update-kind/src/pull-request-body.ts

/**
 * The pull request's body: what changed, with the commit message (which the template shaped) underneath. Core
 * decides when a pull request is opened and with which changes; its words, like the job summary's, are the
 * action's: they link the run, and escape as every summary table does (action-kit's `cell`).
 */
function pullRequestBody(changes, message, runUrl) {
    const rows = changes.map((c) => `| \`${(0,src/* cell */.Hn)(c.image || c.setter)}\` | \`${(0,src/* cell */.Hn)(c.old)}\` | \`${(0,src/* cell */.Hn)(c.new)}\` | ${(0,src/* cell */.Hn)(c.file)} |`);
    return [
        `Newer images for ${changes.length} marker(s), found by d2ci image-update${runUrl ? ` in [this run](${runUrl})` : ''}.`,
        '',
        '| Image | Old | New | File |',
        '|---|---|---|---|',
        ...rows,
        '',
        '<details><summary>Commit message</summary>',
        '',
        '```',
        message.trimEnd(),
        '```',
        '',
        '</details>',
    ].join('\n');
}

;// CONCATENATED MODULE: ../image-update-kind/src/summary.ts

/** The job summary: what was pushed (or would change), each change linked to its file on the push branch, and each policy's pick. */
function summary(report, inputs) {
    const { serverUrl, repository } = inputs.context;
    const blob = (file) => repository && report.updated ? `[${(0,src/* cell */.Hn)(file)}](${serverUrl}/${repository}/blob/${inputs.pushBranch}/${file})` : (0,src/* cell */.Hn)(file);
    const rows = report.changes.map((c) => `| \`${(0,src/* cell */.Hn)(c.image || c.setter)}\` | \`${(0,src/* cell */.Hn)(c.old)}\` | \`${(0,src/* cell */.Hn)(c.new)}\` | ${blob(c.file)} | ${(0,src/* cell */.Hn)(c.object)} |`);
    const pr = report.pullRequest;
    const headline = inputs.dryRun
        ? `Dry run: ${report.changes.length} value(s) would change`
        : report.updated
            ? `Pushed ${report.commit ? `[\`${report.commit.slice(0, 7)}\`](${serverUrl}/${repository}/commit/${report.commit})` : ''} to \`${inputs.pushBranch}\`${pr ? ` — [pull request #${pr.number}](${pr.url})` : ''}`
            : `No new images${pr ? ` — [pull request #${pr.number}](${pr.url}) is open` : ''}`;
    const policies = report.policies.map((p) => `| ${(0,src/* cell */.Hn)(`${p.policy.namespace}/${p.policy.name}`)} | ${p.ok ? `\`${(0,src/* cell */.Hn)(p.latestRef.name)}:${(0,src/* cell */.Hn)(p.latestRef.tag)}\`${p.latestRef.digest ? ` (\`${p.latestRef.digest.slice(0, 19)}…\`)` : ''}` : `⚠ ${(0,src/* cell */.Hn)(p.error)}`} |`);
    return [
        '### Image update',
        '',
        headline,
        '',
        ...(rows.length ? ['| Image | Old | New | File | Object |', '|---|---|---|---|---|', ...rows, ''] : []),
        '<details><summary>Policies</summary>',
        '',
        '| ImagePolicy | Latest |',
        '|---|---|',
        ...policies,
        '',
        '</details>',
    ].join('\n');
}

;// CONCATENATED MODULE: ../image-update-kind/src/render.ts


/** Progress as it happens: the app token, the kind engine's steps, its cluster (for the post step) and diagnostics. */
function renderEvent(event) {
    switch (event.type) {
        case 'app-token':
            src/* runner.info */.lj.info(`Using a GitHub App installation token for ${event.repository} (expires ${event.expiresAt.toISOString()})`);
            return;
        case 'app-token-kept':
            src/* runner.warning */.lj.warning(`could not revoke the installation token: ${event.error.message}`);
            return;
        case 'cluster-created':
            // The post step deletes the cluster, whatever happens next.
            src/* runner.saveState */.lj.saveState('kind_cluster', event.name);
            src/* runner.saveState */.lj.saveState('kind_path', event.path);
            return;
        case 'progress':
            src/* runner.info */.lj.info(event.line);
            return;
        case 'diagnostics':
            src/* runner.startGroup */.lj.startGroup(event.title);
            src/* runner.info */.lj.info(event.text);
            src/* runner.endGroup */.lj.endGroup();
    }
}
/** The log lines, step outputs and job summary of one image update. */
function renderReport(inputs, report) {
    for (const p of report.policies) {
        if (p.ok)
            src/* runner.info */.lj.info(`${p.policy.namespace}/${p.policy.name}: ${p.latestRef.name}:${p.latestRef.tag}${p.latestRef.digest ? `@${p.latestRef.digest}` : ''} (of ${p.tags} tags)`);
        else
            src/* runner.warning */.lj.warning(`ImagePolicy ${p.policy.namespace}/${p.policy.name} skipped: ${p.error}`);
    }
    for (const u of report.unresolved)
        src/* runner.warning */.lj.warning(`${u.file}:${u.line}: the marker names ${u.setter}, but no ImagePolicy ${u.setter.split(':').slice(0, 2).join('/')} is in ${inputs.policiesPath}${inputs.namespace ? '' : ' (set `namespace` if the policies are applied into one)'}; left unchanged`);
    for (const p of report.problems)
        src/* runner.warning */.lj.warning(`${p.file}: ${p.message}`);
    for (const c of report.changes)
        src/* runner.info */.lj.info(`${c.file}: ${c.object} ${c.setter}: ${c.old} -> ${c.new}`);
    if (inputs.dryRun && report.diff)
        src/* runner.info */.lj.info(report.diff);
    if (report.updated)
        src/* runner.info */.lj.info(`Pushed ${report.commit ?? ''} to ${inputs.pushBranch}`);
    else if (!inputs.dryRun)
        src/* runner.info */.lj.info('No new images: nothing committed');
    if (report.pullRequest)
        src/* runner.info */.lj.info(`Pull request #${report.pullRequest.number}: ${report.pullRequest.url}`);
    src/* runner.setOutput */.lj.setOutput('updated', String(report.updated));
    src/* runner.setOutput */.lj.setOutput('changes', JSON.stringify(report.changes));
    src/* runner.setOutput */.lj.setOutput('commit', report.commit ?? '');
    src/* runner.setOutput */.lj.setOutput('verified', report.verified === undefined ? '' : String(report.verified));
    src/* runner.setOutput */.lj.setOutput('pr-number', report.pullRequest ? String(report.pullRequest.number) : '');
    src/* runner.setOutput */.lj.setOutput('pr-url', report.pullRequest?.url ?? '');
    src/* runner.appendSummary */.lj.appendSummary(summary(report, inputs));
}

;// CONCATENATED MODULE: ../image-update-kind/src/main.ts




/** The inputs as core's image update request. */
function imageUpdateRequest(inputs) {
    const { context } = inputs;
    return {
        engine: inputs.engine,
        repo: context.workspace,
        policiesPath: inputs.policiesPath,
        updatePath: inputs.updatePath,
        namespace: inputs.namespace,
        dryRun: inputs.dryRun,
        // `registry-username`/`registry-password` go to `registry-server` only; every other registry gets the job's.
        registries: (0,src/* registryOptions */._A)(inputs.registry, context, inputs.registryServer),
        commit: {
            base: inputs.baseBranch,
            branch: inputs.pushBranch,
            mode: inputs.branchStrategy,
            author: inputs.author,
            via: inputs.commitVia,
            messageTemplate: inputs.messageTemplate,
            messageValues: inputs.messageValues,
        },
        github: {
            repository: context.repository,
            serverUrl: context.serverUrl,
            apiUrl: process.env.GITHUB_API_URL,
            token: inputs.githubToken,
            app: inputs.app,
        },
        pullRequest: { labels: inputs.labels, body: (changes, message) => pullRequestBody(changes, message, context.runUrl) },
        kind: { tools: inputs.toolSources, clusterName: `d2ci-image-update-${process.env.GITHUB_RUN_ID ?? process.pid}` },
        onSecret: (secret) => src/* runner.setSecret */.lj.setSecret(secret),
        onEvent: renderEvent,
    };
}
async function run(inputs) {
    let report;
    try {
        report = await updateImages(imageUpdateRequest(inputs));
    }
    catch (err) {
        // Errors about one input (the policies, the update path, the template, the app, `dry-run` or `commit-via` with
        // the kind engine) name it; the rest (a refused push names the permission to add) are shown as they are.
        throw (0,src/* inputError */.Xu)(err) ?? err;
    }
    renderReport(inputs, report);
}


/***/ }),

/***/ 81434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ settleLimit),
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/** Maps over items with at most `limit` calls in flight; rejects with the first failure after in-flight calls settle. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** Like mapLimit, but every item runs to completion and each outcome is returned (one failure stops nothing). */
async function settleLimit(items, limit, fn) {
    return mapLimit(items, limit, async (item, index) => {
        try {
            return { ok: true, value: await fn(item, index) };
        }
        catch (error) {
            return { ok: false, error };
        }
    });
}


/***/ })

};

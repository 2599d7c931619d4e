export const id = 124;
export const ids = [124];
export const modules = {

/***/ 59059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ parseUint64),
/* harmony export */   Jz: () => (/* binding */ parsesAsUint64),
/* harmony export */   Wk: () => (/* binding */ parsesAsInt64),
/* harmony export */   aW: () => (/* binding */ lowerByte),
/* harmony export */   xT: () => (/* binding */ underscoreOK)
/* harmony export */ });
/* unused harmony export parseInt64 */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94029);
// Go's strconv/atoi.go: ParseUint and ParseInt (bitSize 64), with Go's NumError texts.

const maxUint64 = (1n << 64n) - 1n;
function lowerByte(code) {
    return code | 0x20;
}
/** Go's `ParseUint` (bitSize 64) without the error value: the number, or why it is not one. */
function scanUint(text, base) {
    if (text === '')
        return 'invalid syntax';
    let s = text;
    let radix = base;
    if (radix === 0) {
        // Base 0 reads the prefix: 0b, 0o, 0x, or a bare leading 0 for octal; it also allows `_` between digits.
        radix = 10;
        if (s[0] === '0') {
            const prefix = s.length >= 3 ? lowerByte(s.charCodeAt(1)) : 0;
            if (prefix === 0x62)
                [radix, s] = [2, s.slice(2)];
            else if (prefix === 0x6f)
                [radix, s] = [8, s.slice(2)];
            else if (prefix === 0x78)
                [radix, s] = [16, s.slice(2)];
            else
                [radix, s] = [8, s.slice(1)];
        }
    }
    let n = 0n;
    let underscores = false;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x5f && base === 0) {
            underscores = true;
            continue;
        }
        let digit;
        if (c >= 0x30 && c <= 0x39)
            digit = c - 0x30;
        else if (lowerByte(c) >= 0x61 && lowerByte(c) <= 0x7a)
            digit = lowerByte(c) - 0x61 + 10;
        else
            return 'invalid syntax';
        if (digit >= radix)
            return 'invalid syntax';
        n = n * BigInt(radix) + BigInt(digit);
        // Go stops at the first overflow, whatever follows.
        if (n > maxUint64)
            return 'value out of range';
    }
    if (underscores && !underscoreOK(text))
        return 'invalid syntax';
    return n;
}
/** Go's `ParseInt` (bitSize 64) without the error value. */
function scanInt(text, base) {
    if (text === '')
        return 'invalid syntax';
    const negative = text[0] === '-';
    const unsigned = scanUint(text[0] === '+' || negative ? text.slice(1) : text, base);
    if (unsigned === 'invalid syntax')
        return unsigned;
    const cutoff = 1n << 63n;
    if (unsigned === 'value out of range' || (!negative && unsigned >= cutoff) || (negative && unsigned > cutoff))
        return 'value out of range';
    return negative ? -unsigned : unsigned;
}
/**
 * Go's `strconv.ParseUint(text, base, 64)`: ASCII digits of the base (2 to 36), or with base 0 a `0b`/`0o`/`0x`/`0`
 * prefix and `_` between digits.
 * @throws NumError
 */
function parseUint64(text, base) {
    const value = scanUint(text, base);
    if (typeof value === 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NumError */ .v('ParseUint', text, value);
    return value;
}
/** Go's `strconv.ParseInt(text, base, 64)`: an optional sign, then what ParseUint reads. @throws NumError */
function parseInt64(text, base) {
    const value = scanInt(text, base);
    if (typeof value === 'string')
        throw new NumError('ParseInt', text, value);
    return value;
}
/** Whether `strconv.ParseUint(text, base, 64)` succeeds. */
function parsesAsUint64(text, base) {
    return typeof scanUint(text, base) === 'bigint';
}
/** Whether `strconv.ParseInt(text, base, 64)` succeeds. */
function parsesAsInt64(text, base) {
    return typeof scanInt(text, base) === 'bigint';
}
/** Go's `underscoreOK`: each `_` sits between digits, or between a base prefix and a digit. */
function underscoreOK(text) {
    let s = text;
    let saw = '^';
    let i = 0;
    if (s.startsWith('-') || s.startsWith('+'))
        s = s.slice(1);
    let hex = false;
    if (s.length >= 2 && s[0] === '0' && [0x62, 0x6f, 0x78].includes(lowerByte(s.charCodeAt(1)))) {
        i = 2;
        saw = '0';
        hex = lowerByte(s.charCodeAt(1)) === 0x78;
    }
    for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if ((c >= 0x30 && c <= 0x39) || (hex && lowerByte(c) >= 0x61 && lowerByte(c) <= 0x66)) {
            saw = '0';
            continue;
        }
        if (c === 0x5f) {
            if (saw !== '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw === '_')
            return false;
        saw = '!';
    }
    return saw !== '_';
}


/***/ }),

/***/ 94029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ NumError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);
/* harmony import */ var _quote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38920);
// Go's strconv/atoi.go NumError, shared by the parsers (atoi.ts, atof.ts).


/** A string Go's strconv rejects: `*strconv.NumError`, whose text is `strconv.<Func>: parsing "<num>": <reason>`. */
class NumError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    /** Go's `Func`: the function that failed, e.g. `ParseFloat`. */
    func;
    /** Go's `Num`: the input. */
    input;
    reason;
    constructor(func, input, reason) {
        super(reason === 'invalid syntax' ? 'NUM_SYNTAX' : 'NUM_RANGE', `strconv.${func}: parsing ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(input)}: ${reason}`);
        this.name = 'NumError';
        this.func = func;
        this.input = input;
        this.reason = reason;
    }
}


/***/ }),

/***/ 6321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ valueChanges),
/* harmony export */   qN: () => (/* binding */ repoPath),
/* harmony export */   vm: () => (/* binding */ changesAt)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _setters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31749);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38036);
// What an image update changed, flat (one row per value, as the `changes` output lists them), for either engine:
// from the setters' result in the checkout, or by running the setters over a commit of the remote.



const objectName = (o) => `${o.Kind}/${o.Namespace}/${o.Name}`;
/** A path under the update path, from the repository root, `/`-separated. */
const repoPath = (updatePath, path) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(updatePath, path).split('\\').join('/');
/** The result's changes, one per value; `images` names each policy's image (`namespace:name` → latest ref). */
function valueChanges(result, updatePath, images) {
    const out = [];
    for (const [file, objects] of result.fileChanges) {
        for (const { object, changes } of objects) {
            for (const change of changes) {
                const policy = change.Setter.split(':').slice(0, 2).join(':');
                out.push({
                    file: repoPath(updatePath, file),
                    object: objectName(object),
                    setter: change.Setter,
                    old: change.OldValue,
                    new: change.NewValue,
                    image: images.get(policy)?.name ?? '',
                });
            }
        }
    }
    return out;
}
/**
 * What the setters would change in a remote commit or branch (`ref`), without writing: used to describe a branch
 * that already carries updates, against what it started from.
 */
async function changesAt(options) {
    const checkout = await (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .openCommit */ .Cg)({ repo: options.repo, auth: options.auth, ref: options.ref, branch: options.branch });
    try {
        const setters = await (0,_setters_js__WEBPACK_IMPORTED_MODULE_2__/* .applySetters */ .zn)({
            root: await (0,_setters_js__WEBPACK_IMPORTED_MODULE_2__/* .secureJoin */ .If)(checkout.dir, options.updatePath),
            policies: options.policies,
            write: false,
        });
        const images = new Map(options.policies.map((p) => [`${p.namespace}:${p.name}`, p.latestRef]));
        return {
            result: setters.result,
            changes: valueChanges(setters.result, options.updatePath, images),
            files: setters.files.map((f) => repoPath(options.updatePath, f.path)),
        };
    }
    finally {
        await checkout.remove();
    }
}


/***/ }),

/***/ 38036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ openCommit),
/* harmony export */   DH: () => (/* binding */ openBranch),
/* harmony export */   Ox: () => (/* binding */ withPushPermission),
/* harmony export */   TV: () => (/* binding */ pushBranch),
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   fi: () => (/* binding */ commitAll),
/* harmony export */   gO: () => (/* binding */ githubActionsAuthor),
/* harmony export */   om: () => (/* binding */ remoteBranchCommit)
/* harmony export */ });
/* unused harmony exports GitError, diffWorktree */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85736);





class GitError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .BaseError */ .Cf {
    stderr;
    constructor(code, message, stderr = '') {
        super(code, message);
        this.name = 'GitError';
        this.stderr = stderr;
    }
}
const permissionDenied = /\b403\b|denied|not allowed|permission/i;
/**
 * A remote's refusal of a GitHub job's token, with the permission to add: the token fetches and pushes `branch`.
 * Any other error is returned as it is.
 */
function withPushPermission(err, branch) {
    if (!(err instanceof GitError) || err.code !== 'GIT_PERMISSION_DENIED')
        return err;
    return new GitError(err.code, `${err.message}; add \`permissions: contents: write\` to the job (and check that \`github-token\` may push to ${branch})`, err.stderr);
}
/** Who commits when no author is given: the GitHub Actions bot, as GitHub shows it. */
const githubActionsAuthor = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
function run(args, cwd, env = {}) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err) {
                const command = args.filter((a) => !/extraheader=AUTHORIZATION/i.test(a)).join(' ');
                // The remote's own words (`remote: Permission to … denied`) say more than git's summary after them.
                const lines = stderr.trim().split('\n');
                const remote = lines.filter((l) => l.startsWith('remote:') && l.replace('remote:', '').trim());
                const shown = [...remote, ...lines.filter((l) => !l.startsWith('remote:')).slice(-2)];
                const code = permissionDenied.test(stderr) ? 'GIT_PERMISSION_DENIED' : 'GIT_FAILED';
                reject(new GitError(code, `git ${command.replace(/^(-c \S+ )+/, '')} failed: ${shown.join(' ') || err.message}`, stderr));
            }
            else {
                resolve(stdout);
            }
        });
    });
}
/**
 * `-c` options that authenticate HTTPS fetches and pushes to the remote's host only. The empty value first resets
 * any header a checkout step persisted, so exactly one Authorization header goes out.
 */
async function authConfig(options) {
    if (!options.auth?.token)
        return [];
    const url = (await run(['remote', 'get-url', 'origin'], options.repo)).trim();
    if (!/^https?:\/\//.test(url))
        return [];
    const origin = new URL(url).origin;
    const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${options.auth.token}`).toString('base64')}`;
    options.auth.onSecret?.(header.slice('AUTHORIZATION: basic '.length));
    return ['-c', `http.${origin}/.extraheader=`, '-c', `http.${origin}/.extraheader=${header}`];
}
/**
 * `--depth=1` for a shallow checkout (actions/checkout's default): a commit on top of a branch needs only its tip,
 * and a full fetch of a long history would take minutes. A full checkout stays full.
 */
async function shallowDepth(repo) {
    return (await run(['rev-parse', '--is-shallow-repository'], repo)).trim() === 'true' ? ['--depth=1'] : [];
}
/**
 * A separate worktree for `branch`, so the job's checkout is left alone. `stack` (Flux's behaviour) starts from
 * the remote branch when it exists, so new commits go on top of an open pull request; `reset` always starts from
 * `base`.
 */
async function openBranch(options) {
    const auth = await authConfig(options);
    const depth = await shallowDepth(options.repo);
    await run([...auth, 'fetch', '--no-tags', '--quiet', ...depth, 'origin', `+refs/heads/${options.base}:refs/remotes/origin/${options.base}`], options.repo);
    let existing = false;
    if (options.mode === 'stack') {
        try {
            await run([
                ...auth,
                'fetch',
                '--no-tags',
                '--quiet',
                ...depth,
                'origin',
                `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`,
            ], options.repo);
            existing = true;
        }
        catch (err) {
            if (!/couldn't find remote ref|not found/i.test(err.stderr))
                throw err;
        }
    }
    const start = existing ? `refs/remotes/origin/${options.branch}` : `refs/remotes/origin/${options.base}`;
    const commit = (await run(['rev-parse', start], options.repo)).trim();
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'd2ci-image-update-'));
    await run(['worktree', 'add', '--quiet', '--force', '-B', options.branch, dir, commit], options.repo);
    return {
        dir,
        branch: options.branch,
        startedFrom: { commit, existing },
        remove: async () => {
            await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        },
    };
}
/** Commits every change in the worktree as `author` (also the committer, as Flux does); undefined when nothing changed. */
async function commitAll(dir, message, author) {
    await run(['add', '--all'], dir);
    const staged = (await run(['diff', '--cached', '--name-only'], dir)).trim();
    if (!staged)
        return undefined;
    const env = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
    // --cleanup=verbatim: the template's blank lines and indentation are the message (git would strip comments and trailing blank lines).
    await run(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--cleanup=verbatim', '-m', message], dir, env);
    return (await run(['rev-parse', 'HEAD'], dir)).trim();
}
/** Force-pushes the worktree's branch (Flux force-pushes its push branch too). */
async function pushBranch(options) {
    const auth = await authConfig(options);
    await run([...auth, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${options.branch}`], options.dir);
}
/** `git diff` of the uncommitted changes in a worktree (for dry runs). */
async function diffWorktree(dir) {
    return run(['diff', '--no-color'], dir);
}
/** The commit a remote branch points at, or undefined when it does not exist. */
async function remoteBranchCommit(options) {
    const auth = await authConfig(options);
    const line = (await run([...auth, 'ls-remote', 'origin', `refs/heads/${options.branch}`], options.repo)).trim();
    return line ? line.split(/\s+/)[0] : undefined;
}
/** A detached worktree at a commit or branch of the remote, for reading (and diffing against). */
async function openCommit(options) {
    const auth = await authConfig(options);
    const fetched = options.branch ? `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}` : options.ref;
    await run([...auth, 'fetch', '--no-tags', '--quiet', ...(await shallowDepth(options.repo)), 'origin', fetched], options.repo);
    const commit = options.branch ? `refs/remotes/origin/${options.branch}` : 'FETCH_HEAD';
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'd2ci-image-update-'));
    await run(['worktree', 'add', '--quiet', '--force', '--detach', dir, commit], options.repo);
    return {
        dir,
        remove: async () => {
            await run(['worktree', 'remove', '--force', dir], options.repo).catch(() => undefined);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
        },
    };
}
/** The full message of a branch's commit on the remote. */
async function commitMessage(options) {
    const auth = await authConfig(options);
    await run([...auth, 'fetch', '--no-tags', '--quiet', 'origin', `+refs/heads/${options.branch}:refs/remotes/origin/${options.branch}`], options.repo);
    return run(['log', '-1', '--format=%B', options.commit], options.repo);
}


/***/ }),

/***/ 37869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rR: () => (/* binding */ restStatus),
/* harmony export */   y4: () => (/* binding */ explainRestFailure),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
/* unused harmony export restFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);
// GitHub REST failures, explained once for pull requests, API commits and App tokens: what GitHub answered (an
// Octokit RequestError's `status` and `response.data`, @octokit/request-error), and the fix a workflow author
// needs, on one line.

/** A GitHub REST failure (or a request refused before it was sent), with GitHub's HTTP status when there was one. */
class GitHubError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    status;
    constructor(code, message, status, field) {
        super(code, message, field === undefined ? {} : { field });
        this.name = 'GitHubError';
        this.status = status;
    }
}
/** The HTTP status of a REST failure, if it has one. */
function restStatus(err) {
    return err.status;
}
/** Reads a REST failure: the status, and GitHub's words as `detail` chooses. */
function restFailure(err, detail) {
    const data = err.response?.data;
    const clientMessage = err.message || String(err);
    let message;
    if (detail === 'errors') {
        // GitHub's answer lists what failed in errors[].message (REST data, not an error of ours).
        const listed = data?.errors?.map((e) => e.message).join('; ');
        message = (listed || clientMessage).replace(/\s+/g, ' ');
    }
    else {
        const said = data?.message || clientMessage;
        const errors = detail === 'message-and-errors'
            ? data?.errors
                ?.map((e) => (typeof e === 'string' ? e : e.message))
                .filter(Boolean)
                .join('; ')
            : undefined;
        message = [said, errors].filter(Boolean).join(': ').replace(/\s+/g, ' ').trim();
    }
    return { status: restStatus(err), message };
}
/**
 * The one explainer of REST failures: `<doing> failed (HTTP <status>): <GitHub's words>[; <fix>]`, as an error of
 * the caller's type, with the code and fix `explain` picks for the failure.
 */
function explainRestFailure(ErrorType, err, doing, detail, explain) {
    const failure = restFailure(err, detail);
    const explanation = explain(failure);
    const fix = explanation.fix === undefined ? '' : `; ${explanation.fix}`;
    return new ErrorType(explanation.code, `${doing} failed (HTTP ${failure.status ?? '?'}): ${explanation.detail ?? failure.message}${fix}`, failure.status);
}


/***/ }),

/***/ 55124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mH: () => (/* binding */ deleteKindCluster),
/* harmony export */   oN: () => (/* binding */ runKindImageUpdate)
/* harmony export */ });
/* unused harmony exports KindEngineError, toolSources, installTools */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(33483);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(85736);
/* harmony import */ var _oci_order_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(38085);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(48936);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(71596);
/* harmony import */ var _commit_message_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(29952);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(38036);
/* harmony import */ var _changes_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6321);
/* harmony import */ var _pull_request_flow_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(26784);
// The `kind` engine: Flux's own image-reflector and image-automation controllers in a throwaway Kind cluster, as
// the D2 reference architecture runs them (d2-fleet clusters/update), driven from one step with the job's token.















// Pinned releases and their SHA-256, as published by each project and recorded by cashapp/hermit-packages
// (kind.hcl, kubectl.hcl, flux.hcl), which computes them from the downloads; kind's also matches its
// .sha256sum. The `tool-sources` input overrides them (mirrors, other versions).
const pinned = {
    x64: {
        kind: {
            version: '0.32.0',
            url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-amd64',
            sha256: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
        },
        kubectl: {
            version: '1.35.2',
            url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/amd64/kubectl',
            sha256: '924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277',
        },
        flux: {
            version: '2.9.4',
            url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_amd64.tar.gz',
            sha256: 'c2c397a52930f52d2005c01d276116b059d062de379386d58e98115380a766a2',
        },
    },
    arm64: {
        kind: {
            version: '0.32.0',
            url: 'https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-arm64',
            sha256: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d',
        },
        kubectl: {
            version: '1.35.2',
            url: 'https://dl.k8s.io/release/v1.35.2/bin/linux/arm64/kubectl',
            sha256: 'cd859449f54ad2cb05b491c490c13bb836cdd0886ae013c0aed3dd67ff747467',
        },
        flux: {
            version: '2.9.4',
            url: 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/flux_2.9.4_linux_arm64.tar.gz',
            sha256: 'dcab945f8d8658662fa1db93e150a602ba1f91da367a82e099bd65595fc7c62c',
        },
    },
};
class KindEngineError extends _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .BaseError */ .Cf {
    constructor(code, message) {
        super(code, message, code === 'TOOL_CHECKSUM' ? { field: 'tool-sources' } : {});
        this.name = 'KindEngineError';
    }
}
/** The pinned tools for this machine, with any overrides. */
function toolSources(overrides = {}, platform = process.platform, arch = process.arch) {
    const base = platform === 'linux' ? pinned[arch] : undefined;
    const tools = { ...base, ...overrides };
    for (const name of ['kind', 'kubectl', 'flux']) {
        if (!tools[name])
            throw new KindEngineError('TOOL_UNAVAILABLE', `no pinned ${name} for ${platform}/${arch}; engine: kind runs on Linux runners (x64, arm64), or give tool-sources`);
    }
    return tools;
}
async function sha256(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * Downloads each tool once per runner (the tool cache keeps it across steps on the runner), verifies its SHA-256
 * before anything runs it, and returns the directories to put on PATH.
 */
async function installTools(sources, log = () => undefined) {
    const tc = await Promise.all(/* import() */[__webpack_require__.e(84), __webpack_require__.e(31), __webpack_require__.e(717)]).then(__webpack_require__.bind(__webpack_require__, 75717));
    const dirs = [];
    for (const name of ['kind', 'kubectl', 'flux']) {
        const source = sources[name];
        let dir = tc.find(name, source.version);
        if (!dir || !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(dir, name))) {
            log(`downloading ${name} ${source.version} from ${source.url}`);
            const file = await tc.downloadTool(source.url);
            const actual = await sha256(file);
            if (actual !== source.sha256) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(file, { force: true });
                throw new KindEngineError('TOOL_CHECKSUM', `${name} ${source.version} from ${source.url} has SHA-256 ${actual}, expected ${source.sha256}; refusing to run it`);
            }
            if (source.url.endsWith('.tar.gz') || source.url.endsWith('.tgz')) {
                const extracted = await tc.extractTar(file);
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(extracted, name)))
                    throw new KindEngineError('TOOL_ARCHIVE', `${source.url} has no ${name} binary at its root`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(extracted, name), 0o755);
                dir = await tc.cacheDir(extracted, name, source.version);
            }
            else {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.chmod)(file, 0o755);
                dir = await tc.cacheFile(file, name, name, source.version);
            }
        }
        dirs.push(dir);
    }
    return dirs;
}
function exec(runner, command, args, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env: runner.env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout?.on('data', (c) => out.push(c));
        child.stderr?.on('data', (c) => err.push(c));
        child.on('error', (e) => reject(new KindEngineError('COMMAND_FAILED', `${command}: ${e.message}`)));
        child.on('close', (code) => {
            const stderr = Buffer.concat(err).toString('utf8').trim();
            if (code === 0)
                resolve(Buffer.concat(out).toString('utf8'));
            else
                reject(new KindEngineError('COMMAND_FAILED', `${command} ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.split('\n').slice(-3).join(' ')}`));
        });
        // A command that exits before reading its input gives EPIPE here; its exit status tells what happened.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(input);
    });
}
const apply = (runner, objects) => exec(runner, 'kubectl', ['apply', '-f', '-'], objects.map((o) => (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .stringify */ .As)(o)).join('---\n'));
/** The ImageRepository and ImagePolicy documents under `dir`, moved into `namespace` (the Kustomization's targetNamespace). */
async function policyDocuments(dir, namespace) {
    const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readdir)(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(e.parentPath, e.name))
        .sort(_oci_order_js__WEBPACK_IMPORTED_MODULE_8__/* .compareBytes */ .X);
    const out = [];
    for (const file of entries) {
        for (const doc of (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .parseAllDocuments */ .hR)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(file, 'utf8'))) {
            const object = doc.toJS();
            if (!object || (object.kind !== 'ImageRepository' && object.kind !== 'ImagePolicy'))
                continue;
            out.push({ ...object, metadata: { ...object.metadata, namespace } });
        }
    }
    return out;
}
/**
 * Runs one image update with Flux's controllers: a Kind cluster with source, kustomize, image-reflector and
 * image-automation controllers; a GitRepository for this repository with the job's token; the repository's
 * policies; an ImageUpdateAutomation (Setters, the update path, the push branch, the message template). It waits
 * for the automation to report, then reads what it pushed and opens or updates the pull request. The cluster is
 * the caller's to delete (`deleteKindCluster`, from a post step).
 */
async function runKindImageUpdate(options) {
    const log = options.log ?? (() => undefined);
    const bins = await installTools(toolSources(options.tools), log);
    const work = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'd2ci-kind-'));
    const runner = {
        env: { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter), KUBECONFIG: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(work, 'kubeconfig') },
        log,
    };
    const auth = { token: options.token, onSecret: options.onSecret };
    const ns = options.namespace;
    const name = ns;
    const timeout = options.timeout ?? '5m';
    const before = await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteBranchCommit */ .om)({ repo: options.repo, auth, branch: options.branch });
    const objects = await (0,_objects_js__WEBPACK_IMPORTED_MODULE_10__/* .loadAutomationObjects */ .K)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(options.repo, options.policiesPath), { namespace: ns });
    try {
        log(`creating Kind cluster ${options.clusterName}`);
        await exec(runner, 'kind', [
            'create',
            'cluster',
            '--name',
            options.clusterName,
            '--kubeconfig',
            (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(work, 'kubeconfig'),
            '--wait',
            '120s',
        ]);
        options.onCluster?.(options.clusterName, bins.join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter));
        log('installing Flux: source, kustomize, image-reflector and image-automation controllers');
        await exec(runner, 'flux', [
            'install',
            '--components=source-controller,kustomize-controller',
            '--components-extra=image-reflector-controller,image-automation-controller',
            '--network-policy=false',
        ]);
        // Secrets go through stdin, never through arguments (visible to every process on the runner).
        const secrets = [
            {
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: { name: 'github-auth', namespace: ns },
                stringData: { username: 'x-access-token', password: options.token },
            },
        ];
        for (const repository of objects.repositories) {
            if (!repository.secretRef || !options.credentials)
                continue;
            const registry = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_11__/* .parseReference */ .F2)(repository.image).registry;
            const credential = await options.credentials(registry);
            if (!credential)
                continue;
            const auths = { [registry]: { auth: Buffer.from(`${credential.username}:${credential.password}`).toString('base64') } };
            secrets.push({
                apiVersion: 'v1',
                kind: 'Secret',
                type: 'kubernetes.io/dockerconfigjson',
                metadata: { name: repository.secretRef, namespace: ns },
                stringData: { '.dockerconfigjson': JSON.stringify({ auths }) },
            });
        }
        await apply(runner, [...(ns === 'flux-system' ? [] : [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }]), ...secrets]);
        await apply(runner, [
            {
                apiVersion: 'source.toolkit.fluxcd.io/v1',
                kind: 'GitRepository',
                metadata: { name, namespace: ns },
                spec: {
                    interval: '1m',
                    url: `${options.serverUrl}/${options.repository}.git`,
                    ref: { branch: options.base },
                    secretRef: { name: 'github-auth' },
                },
            },
            ...(await policyDocuments((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(options.repo, options.policiesPath), ns)),
            {
                apiVersion: 'image.toolkit.fluxcd.io/v1',
                kind: 'ImageUpdateAutomation',
                metadata: { name, namespace: ns },
                spec: {
                    interval: '1m',
                    sourceRef: { kind: 'GitRepository', name },
                    git: {
                        checkout: { ref: { branch: options.base } },
                        commit: {
                            author: options.author,
                            messageTemplate: options.messageTemplate || _commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCommitTemplate */ .NM,
                            ...(options.messageValues ? { messageTemplateValues: options.messageValues } : {}),
                        },
                        push: { branch: options.branch },
                    },
                    update: { path: options.updatePath, strategy: 'Setters' },
                },
            },
        ]);
        log('waiting for the policies and the automation');
        await exec(runner, 'kubectl', ['-n', ns, 'wait', 'imagepolicies', '--all', '--for=condition=Ready', `--timeout=${timeout}`]);
        await exec(runner, 'kubectl', ['-n', ns, 'wait', `imageupdateautomation/${name}`, '--for=condition=Ready', `--timeout=${timeout}`]);
        const statuses = JSON.parse(await exec(runner, 'kubectl', ['-n', ns, 'get', 'imagepolicies', '-o', 'json']));
        const latest = new Map(statuses.items.flatMap((i) => (i.status?.latestRef ? [[i.metadata.name, i.status.latestRef]] : [])));
        const policies = objects.policies.map((policy) => {
            const ref = latest.get(policy.name);
            const repository = objects.repositories.find((r) => r.name === policy.imageRepositoryRef.name);
            return ref && repository
                ? { policy, repository, ok: true, latestRef: ref, tags: 0 }
                : { policy, ok: false, kind: 'registry', error: 'the controller reported no latest image' };
        });
        const after = await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .remoteBranchCommit */ .om)({ repo: options.repo, auth, branch: options.branch });
        const updated = Boolean(after && after !== before);
        // What the controller changed: the same setters over what it started from (the branch before, else the base).
        const setterPolicies = policies.flatMap((p) => p.ok ? [{ namespace: p.policy.namespace, name: p.policy.name, latestRef: p.latestRef }] : []);
        const start = await (0,_changes_js__WEBPACK_IMPORTED_MODULE_13__/* .changesAt */ .vm)({
            repo: options.repo,
            auth,
            ref: before ?? options.base,
            branch: before ? undefined : options.base,
            updatePath: options.updatePath,
            policies: setterPolicies,
        });
        const report = {
            policies,
            result: start.result,
            changes: start.changes,
            files: start.files,
            unresolved: [],
            problems: objects.problems,
            updated,
            diff: '',
        };
        if (updated && after) {
            report.commit = after;
            // git log adds a newline after the message; the controller's template output is the message.
            report.message = (await (0,_git_js__WEBPACK_IMPORTED_MODULE_9__/* .commitMessage */ .df)({ repo: options.repo, auth, branch: options.branch, commit: after })).replace(/\n$/, '');
        }
        const pr = options.pullRequest;
        if (pr)
            report.pullRequest = await (0,_pull_request_flow_js__WEBPACK_IMPORTED_MODULE_14__/* .settlePullRequest */ .c)({
                target: {
                    token: options.token,
                    repository: options.repository,
                    apiUrl: pr.apiUrl,
                    head: options.branch,
                    base: options.base,
                    labels: pr.labels,
                },
                body: pr.body,
                pushed: updated ? { changes: report.changes, commitMessage: report.message ?? '' } : undefined,
                branchExisted: Boolean(before),
                pending: async () => {
                    const pending = await (0,_changes_js__WEBPACK_IMPORTED_MODULE_13__/* .changesAt */ .vm)({
                        repo: options.repo,
                        auth,
                        ref: options.base,
                        branch: options.base,
                        updatePath: options.updatePath,
                        policies: setterPolicies,
                    });
                    const message = (0,_commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .renderCommitMessage */ .jq)(options.messageTemplate || _commit_message_js__WEBPACK_IMPORTED_MODULE_12__/* .defaultCommitTemplate */ .NM, {
                        automation: { namespace: ns, name },
                        result: pending.result,
                        values: options.messageValues,
                    });
                    return { changes: pending.changes, commitMessage: message };
                },
            });
        return report;
    }
    catch (err) {
        await diagnostics(runner, ns, options.onDiagnostics);
        throw err;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(work, { recursive: true, force: true });
    }
}
/** Controller logs and object status, for a failed run's log. */
async function diagnostics(runner, namespace, report) {
    if (!report)
        return;
    const show = async (title, args) => {
        report(title, await exec(runner, 'kubectl', args).catch((err) => err.message));
    };
    await show('Flux objects', ['get', 'gitrepositories,imagerepositories,imagepolicies,imageupdateautomations', '-A', '-o', 'wide']);
    await show(`Events in ${namespace}`, ['-n', namespace, 'get', 'events', '--sort-by=.lastTimestamp']);
    for (const controller of ['source-controller', 'image-reflector-controller', 'image-automation-controller']) {
        await show(`${controller} logs`, ['-n', 'flux-system', 'logs', `deploy/${controller}`, '--tail=200']);
    }
}
/** Deletes a Kind cluster (the post step's work); `path` puts the installed `kind` on PATH. */
async function deleteKindCluster(name, path = '') {
    await new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('kind', ['delete', 'cluster', '--name', name], { env: { ...process.env, PATH: [path, process.env.PATH ?? ''].filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_5__.delimiter) } }, (err, _stdout, stderr) => {
            if (err)
                reject(new KindEngineError('CLUSTER_DELETE_FAILED', `kind delete cluster --name ${name} failed: ${stderr.trim() || err.message}`));
            else
                resolve();
        });
    });
}


/***/ }),

/***/ 71596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ loadAutomationObjects)
/* harmony export */ });
/* unused harmony export ObjectsError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33483);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85736);
/* harmony import */ var _oci_order_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38085);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18720);






/** The policies directory cannot be read. */
class ObjectsError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .BaseError */ .Cf {
    constructor(message) {
        super('POLICIES_UNREADABLE', message, { field: 'policies-path' });
        this.name = 'ObjectsError';
    }
}
const apiVersions = new Set(['image.toolkit.fluxcd.io/v1', 'image.toolkit.fluxcd.io/v1beta2']);
async function yamlFiles(dir) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
        .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(e.parentPath, e.name))
        .sort(_oci_order_js__WEBPACK_IMPORTED_MODULE_4__/* .compareBytes */ .X);
}
const record = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const text = (value) => (typeof value === 'string' ? value : undefined);
/**
 * Reads the `ImageRepository` and `ImagePolicy` objects under `dir` (every `*.yaml`/`*.yml`, all documents; other
 * kinds such as a kustomization.yaml are ignored). `namespace` plays the part of the applying Kustomization's
 * `targetNamespace`: when given it replaces every object's namespace; otherwise an object keeps its own, or
 * `flux-system`.
 */
async function loadAutomationObjects(dir, options = {}) {
    let files;
    try {
        files = await yamlFiles(dir);
    }
    catch (err) {
        throw new ObjectsError(`cannot read ${dir}: ${err.code === 'ENOENT' ? 'no such directory' : err.message}`);
    }
    const out = { repositories: [], policies: [], problems: [] };
    for (const path of files) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, path).split('\\').join('/');
        const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseAllDocuments */ .hR)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8'));
        for (const doc of Array.isArray(docs) ? docs : [docs]) {
            if (doc.errors.length) {
                out.problems.push({ file, message: `not valid YAML: ${doc.errors[0] ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLineMessage */ .Wg)(doc.errors[0], { firstLine: true }) : ''}` });
                continue;
            }
            const object = record(doc.toJS());
            const kind = text(object.kind);
            if (kind !== 'ImageRepository' && kind !== 'ImagePolicy')
                continue;
            const apiVersion = text(object.apiVersion) ?? '';
            const metadata = record(object.metadata);
            const name = text(metadata.name);
            const where = `${kind} ${name ?? '(no name)'} in ${file}`;
            if (!apiVersions.has(apiVersion)) {
                out.problems.push({ file, message: `${where}: apiVersion "${apiVersion}" is not image.toolkit.fluxcd.io/v1` });
                continue;
            }
            if (!name) {
                out.problems.push({ file, message: `${where}: metadata.name is missing` });
                continue;
            }
            const namespace = options.namespace || text(metadata.namespace) || 'flux-system';
            const spec = record(object.spec);
            if (kind === 'ImageRepository') {
                const image = text(spec.image);
                if (!image) {
                    out.problems.push({ file, message: `${where}: spec.image is missing` });
                    continue;
                }
                const exclusion = spec.exclusionList;
                out.repositories.push({
                    namespace,
                    name,
                    image,
                    exclusionList: Array.isArray(exclusion) ? exclusion.map(String) : [..._policy_js__WEBPACK_IMPORTED_MODULE_5__/* .defaultExclusionList */ .e$],
                    provider: text(spec.provider) ?? 'generic',
                    insecure: spec.insecure === true,
                    ...(text(record(spec.secretRef).name) ? { secretRef: text(record(spec.secretRef).name) } : {}),
                    file,
                });
            }
            else {
                const ref = record(spec.imageRepositoryRef);
                const refName = text(ref.name);
                if (!refName) {
                    out.problems.push({ file, message: `${where}: spec.imageRepositoryRef.name is missing` });
                    continue;
                }
                const reflection = text(spec.digestReflectionPolicy) ?? 'Never';
                if (reflection !== 'Never' && reflection !== 'IfNotPresent' && reflection !== 'Always') {
                    out.problems.push({
                        file,
                        message: `${where}: spec.digestReflectionPolicy "${reflection}" is not Never, IfNotPresent or Always`,
                    });
                    continue;
                }
                const filter = spec.filterTags === undefined ? undefined : record(spec.filterTags);
                out.policies.push({
                    namespace,
                    name,
                    imageRepositoryRef: { namespace: options.namespace || text(ref.namespace) || namespace, name: refName },
                    policy: record(spec.policy),
                    ...(filter
                        ? {
                            filterTags: {
                                ...(text(filter.pattern) !== undefined ? { pattern: text(filter.pattern) } : {}),
                                ...(text(filter.extract) !== undefined ? { extract: text(filter.extract) } : {}),
                            },
                        }
                        : {}),
                    digestReflectionPolicy: reflection,
                    file,
                });
            }
        }
    }
    return out;
}


/***/ }),

/***/ 18720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pn: () => (/* binding */ PolicyError),
  Nu: () => (/* binding */ compileImagePolicy),
  e$: () => (/* binding */ defaultExclusionList),
  M8: () => (/* binding */ orderTags),
  lH: () => (/* binding */ selectTag)
});

// UNUSED EXPORTS: RegexFilter, SelectionError, composeReadyMessage, digestFetchNeeded, imageRefString, newRegexFilter, parseSemverTag, policerFromSpec, reflectionPolicy, requeueAfter, sameImageRef, updateImageRefs

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var oci_order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/go/regexp.ts + 1 modules
var regexp = __webpack_require__(24637);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/errors.ts
var strconv_errors = __webpack_require__(94029);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/atoi.ts
var atoi = __webpack_require__(59059);
;// CONCATENATED MODULE: ../../packages/core/src/go/strconv/atof.ts
// Go's strconv/atof.go: ParseFloat (bitSize 64), with Go's NumError texts.


/**
 * Go's `strconv.ParseFloat(text, 64)`: decimal (`1e5`, `.5`, `1.`, `-0`) and hexadecimal (`0x1.8p3`, exponent
 * required) floats with an optional sign; `_` between digits (and after `0x`); case-insensitive `inf`,
 * `infinity` (signed or not) and `nan` (unsigned only). Nothing else: no spaces, no trailing text, no `0b`/`0o`.
 * A value beyond the float64 range is an error (ErrRange), one below it rounds to zero.
 * @throws NumError
 */
function parseFloat64(text) {
    const special = parseSpecial(text);
    if (special) {
        if (special.length !== text.length)
            throw new strconv_errors/* NumError */.v('ParseFloat', text, 'invalid syntax');
        return special.value;
    }
    const read = readFloat(text);
    if (!read.ok || read.length !== text.length)
        throw new strconv_errors/* NumError */.v('ParseFloat', text, 'invalid syntax');
    // JavaScript's own decimal conversion is correctly rounded (IEEE 754 round-half-even), as Go's is; it is
    // only used once Go's grammar has accepted the text.
    const value = read.hex ? hexFloat(read.mantissa, read.exponent, read.negative, read.truncated) : Number(text.replaceAll('_', ''));
    if (!Number.isFinite(value))
        throw new strconv_errors/* NumError */.v('ParseFloat', text, 'value out of range');
    return value;
}
function commonPrefixLengthIgnoreCase(text, prefix) {
    const n = Math.min(text.length, prefix.length);
    for (let i = 0; i < n; i++) {
        let code = text.charCodeAt(i);
        if (code >= 0x41 && code <= 0x5a)
            code += 0x20;
        if (code !== prefix.charCodeAt(i))
            return i;
    }
    return n;
}
/** Go's `special`: inf/infinity with an optional sign, or nan; the value and how much of `text` it used. */
function parseSpecial(text) {
    const first = text[0];
    if (first === 'n' || first === 'N')
        return commonPrefixLengthIgnoreCase(text, 'nan') === 3 ? { value: NaN, length: 3 } : undefined;
    const signed = first === '+' || first === '-';
    if (!signed && first !== 'i' && first !== 'I')
        return undefined;
    let n = commonPrefixLengthIgnoreCase(signed ? text.slice(1) : text, 'infinity');
    // Anything longer than "inf" counts only as "inf" unless it is all of "infinity".
    if (n > 3 && n < 8)
        n = 3;
    if (n !== 3 && n !== 8)
        return undefined;
    return { value: first === '-' ? -Infinity : Infinity, length: n + (signed ? 1 : 0) };
}
/** Go's `readFloat`: the syntax check and the mantissa/exponent split. */
function readFloat(s) {
    const result = { ok: false, length: 0, negative: false, hex: false, mantissa: 0n, exponent: 0, truncated: false };
    let i = 0;
    let underscores = false;
    if (s.length === 0)
        return result;
    if (s[i] === '+')
        i++;
    else if (s[i] === '-') {
        result.negative = true;
        i++;
    }
    let base = 10;
    let maxMantissaDigits = 19;
    let exponentChar = 0x65; // 'e'
    if (i + 2 < s.length && s[i] === '0' && (0,atoi/* lowerByte */.aW)(s.charCodeAt(i + 1)) === 0x78) {
        base = 16;
        maxMantissaDigits = 16;
        i += 2;
        exponentChar = 0x70; // 'p'
        result.hex = true;
    }
    let sawDot = false;
    let sawDigits = false;
    let digits = 0;
    let mantissaDigits = 0;
    let decimalPoint = 0;
    for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const lower = (0,atoi/* lowerByte */.aW)(c);
        if (c === 0x5f) {
            underscores = true;
        }
        else if (c === 0x2e) {
            if (sawDot)
                break;
            sawDot = true;
            decimalPoint = digits;
        }
        else if (c >= 0x30 && c <= 0x39) {
            sawDigits = true;
            if (c === 0x30 && digits === 0) {
                // A leading zero only moves the decimal point.
                decimalPoint--;
                continue;
            }
            digits++;
            if (mantissaDigits < maxMantissaDigits) {
                result.mantissa = result.mantissa * BigInt(base) + BigInt(c - 0x30);
                mantissaDigits++;
            }
            else if (c !== 0x30) {
                result.truncated = true;
            }
        }
        else if (base === 16 && lower >= 0x61 && lower <= 0x66) {
            sawDigits = true;
            digits++;
            if (mantissaDigits < maxMantissaDigits) {
                result.mantissa = result.mantissa * 16n + BigInt(lower - 0x61 + 10);
                mantissaDigits++;
            }
            else {
                result.truncated = true;
            }
        }
        else {
            break;
        }
    }
    if (!sawDigits)
        return { ...result, length: i };
    if (!sawDot)
        decimalPoint = digits;
    if (base === 16) {
        decimalPoint *= 4;
        mantissaDigits *= 4;
    }
    if (i < s.length && (0,atoi/* lowerByte */.aW)(s.charCodeAt(i)) === exponentChar) {
        i++;
        if (i >= s.length)
            return { ...result, length: i };
        let sign = 1;
        if (s[i] === '+')
            i++;
        else if (s[i] === '-') {
            i++;
            sign = -1;
        }
        if (i >= s.length || s.charCodeAt(i) < 0x30 || s.charCodeAt(i) > 0x39)
            return { ...result, length: i };
        let e = 0;
        for (; i < s.length && ((s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) || s[i] === '_'); i++) {
            if (s[i] === '_') {
                underscores = true;
                continue;
            }
            // Go stops counting at 10000: that is far outside the float64 range either way.
            if (e < 10000)
                e = e * 10 + s.charCodeAt(i) - 0x30;
        }
        decimalPoint += e * sign;
    }
    else if (base === 16) {
        // A hex float needs its p exponent.
        return { ...result, length: i };
    }
    if (result.mantissa !== 0n)
        result.exponent = decimalPoint - mantissaDigits;
    if (underscores && !(0,atoi/* underscoreOK */.xT)(s.slice(0, i)))
        return { ...result, length: i };
    return { ...result, ok: true, length: i };
}
/** Go's `atofHex` for float64: `mantissa × 2^exponent`, rounded half to even, ±Infinity beyond the range. */
function hexFloat(mantissaIn, exponentIn, negative, truncated) {
    const mantissaBits = 52n;
    const bias = -1023;
    const maxExponent = (1 << 11) + bias - 2;
    const minExponent = bias + 1;
    let mantissa = mantissaIn;
    let exponent = exponentIn + Number(mantissaBits);
    // Bring the mantissa to 1 + 52 bits plus two rounding bits; the lowest one is sticky.
    while (mantissa !== 0n && mantissa >> (mantissaBits + 2n) === 0n) {
        mantissa <<= 1n;
        exponent--;
    }
    if (truncated)
        mantissa |= 1n;
    while (mantissa >> (1n + mantissaBits + 2n) !== 0n) {
        mantissa = (mantissa >> 1n) | (mantissa & 1n);
        exponent++;
    }
    // Denormalise when the exponent is too small.
    while (mantissa > 1n && exponent < minExponent - 2) {
        mantissa = (mantissa >> 1n) | (mantissa & 1n);
        exponent++;
    }
    let round = mantissa & 3n;
    mantissa >>= 2n;
    round |= mantissa & 1n;
    exponent += 2;
    if (round === 3n) {
        mantissa++;
        if (mantissa === 1n << (1n + mantissaBits)) {
            mantissa >>= 1n;
            exponent++;
        }
    }
    if (mantissa >> mantissaBits === 0n)
        exponent = bias;
    if (exponent > maxExponent)
        return negative ? -Infinity : Infinity;
    let bits = mantissa & ((1n << mantissaBits) - 1n);
    bits |= BigInt((exponent - bias) & 0x7ff) << mantissaBits;
    if (negative)
        bits |= 1n << 63n;
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, bits);
    return view.getFloat64(0);
}

// EXTERNAL MODULE: ../../packages/core/src/go/strings.ts
var strings = __webpack_require__(97164);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/quote.ts
var quote = __webpack_require__(38920);
;// CONCATENATED MODULE: ../../packages/core/src/go/semver.ts
// Masterminds/semver v3.5.0, the version and range semantics of Flux's ImagePolicy `spec.policy.semver`: a
// transcription of version.go (with CoerceNewVersion = true) and constraints.go. Exported names say "semver" where
// a plain one would collide with release/'s npm-semver helpers.
//
// npm `semver` is deliberately not reused: its range grammar (no commas, `!=`, `=>`, `=<`; "" means `*`), its
// prerelease scoping (same major.minor.patch only), its version parsing and its JS-number identifiers all differ
// from Masterminds, and no part of it gives identical results.
//
// Go's regexp and JavaScript's RegExp both use leftmost-first (backtracking-order) matching, so the patterns are
// transcribed as written, except that Go's `\s` is `[\t\n\f\r ]` (JavaScript's `\s` also takes \v and Unicode
// spaces). Numbers are uint64 in Go, so they are bigints here.




/** An error with the message text Masterminds (or Go's strconv) would return. */
class SemverError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message);
        this.name = 'SemverError';
    }
}
// Masterminds' exported error values (version.go).
const errInvalidSemVer = 'invalid semantic version';
const errSegmentStartsZero = 'version segment starts with 0';
const errInvalidMetadata = 'invalid metadata string';
const errInvalidPrerelease = 'invalid prerelease string';
// Go regexp `\s`.
const S = '[\\t\\n\\f\\r ]';
// looseSemVerRegex: groups 1 major, 2 `.minor`, 3 `.patch`, 5 prerelease, 8 metadata.
const looseVersionRegex = new RegExp('^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?' + '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' + '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$');
const digitsOnly = /^[0-9]*$/;
const identifierCharsOnly = /^[0-9A-Za-z-]*$/;
/** Masterminds' `strconv.ParseUint(s, 10, 64)` of a segment the regex already limited to ASCII digits. */
function parseSegment(digits) {
    try {
        return (0,atoi/* parseUint64 */.CX)(digits, 10);
    }
    catch (error) {
        if (error instanceof strconv_errors/* NumError */.v)
            throw new SemverError('SEGMENT_OUT_OF_RANGE', `error parsing version segment: ${error.message}`);
        throw error;
    }
}
function validatePrerelease(prerelease) {
    for (const part of prerelease.split('.')) {
        if (part === '')
            throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
        if (digitsOnly.test(part)) {
            if (part.length > 1 && part.startsWith('0'))
                throw new SemverError('SEGMENT_STARTS_ZERO', errSegmentStartsZero);
        }
        else if (!identifierCharsOnly.test(part)) {
            throw new SemverError('INVALID_PRERELEASE', errInvalidPrerelease);
        }
    }
}
function validateMetadata(metadata) {
    for (const part of metadata.split('.')) {
        if (part === '' || !identifierCharsOnly.test(part))
            throw new SemverError('INVALID_METADATA', errInvalidMetadata);
    }
}
/**
 * Masterminds `NewVersion` with coercion on (the default): an optional lowercase `v`, missing minor and patch
 * read as 0, leading zeros allowed in major, minor and patch but not in numeric prerelease identifiers.
 * @throws SemverError with Masterminds' message.
 */
function newVersion(text) {
    const m = looseVersionRegex.exec(text);
    if (m === null)
        throw new SemverError('INVALID_SEMVER', errInvalidSemVer);
    const major = parseSegment(m[1] ?? '');
    const minor = m[2] ? parseSegment(m[2].slice(1)) : 0n;
    const patch = m[3] ? parseSegment(m[3].slice(1)) : 0n;
    const prerelease = m[5] ?? '';
    const metadata = m[8] ?? '';
    if (prerelease !== '')
        validatePrerelease(prerelease);
    if (metadata !== '')
        validateMetadata(metadata);
    return { original: text, major, minor, patch, prerelease, metadata };
}
/** Masterminds `Version.String()`: normalised, without the `v` prefix. */
function versionToString(v) {
    let text = `${v.major}.${v.minor}.${v.patch}`;
    if (v.prerelease !== '')
        text += `-${v.prerelease}`;
    if (v.metadata !== '')
        text += `+${v.metadata}`;
    return text;
}
function compareSegment(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The identifier as a number when `strconv.ParseUint(s, 10, 64)` succeeds (larger ones compare as text). */
function asUint64(identifier) {
    return (0,atoi/* parsesAsUint64 */.Jz)(identifier, 10) ? BigInt(identifier) : undefined;
}
function comparePrePart(s, o) {
    if (s === o)
        return 0;
    if (s === '')
        return -1;
    if (o === '')
        return 1;
    const oNumber = asUint64(o);
    const sNumber = asUint64(s);
    if (oNumber === undefined && sNumber === undefined)
        return s > o ? 1 : -1;
    if (oNumber === undefined)
        return -1;
    if (sNumber === undefined)
        return 1;
    return sNumber > oNumber ? 1 : -1;
}
function comparePrerelease(s, o) {
    const sParts = s.split('.');
    const oParts = o.split('.');
    const length = Math.max(sParts.length, oParts.length);
    for (let i = 0; i < length; i++) {
        const d = comparePrePart(sParts[i] ?? '', oParts[i] ?? '');
        if (d !== 0)
            return d;
    }
    return 0;
}
/** Masterminds `Version.Compare`: SemVer precedence, build metadata ignored. */
function compareSemver(a, b) {
    const d = compareSegment(a.major, b.major) || compareSegment(a.minor, b.minor) || compareSegment(a.patch, b.patch);
    if (d !== 0)
        return d;
    if (a.prerelease === '' && b.prerelease === '')
        return 0;
    if (a.prerelease === '')
        return 1;
    if (b.prerelease === '')
        return -1;
    return comparePrerelease(a.prerelease, b.prerelease);
}
const operatorKinds = new Map([
    ['', 'tildeOrEqual'],
    ['=', 'tildeOrEqual'],
    ['!=', 'notEqual'],
    ['>', 'greaterThan'],
    ['<', 'lessThan'],
    ['>=', 'greaterThanEqual'],
    ['=>', 'greaterThanEqual'],
    ['<=', 'lessThanEqual'],
    ['=<', 'lessThanEqual'],
    ['~', 'tilde'],
    ['~>', 'tilde'],
    ['^', 'caret'],
]);
// cvRegex: 9 groups — 1 major, 2 `.minor`, 3 `.patch`, 4 `-prerelease`, 5 prerelease, 7 `+metadata`, 8 metadata.
// Note `[0-9|x|X|\*]` admits `|` too; such versions pass the syntax check and fail later in NewVersion.
const cv = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?' +
    '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?' +
    '(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
// The empty alternative is intended: no operator means `=`.
const ops = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const constraintRegex = new RegExp(`^${S}*(${ops})${S}*(${cv})${S}*$`);
const constraintRangeRegex = new RegExp(`${S}*(${cv})${S}+-${S}+(${cv})${S}*`, 'g');
const findConstraintRegex = new RegExp(`(${ops})${S}*(${cv})`, 'g');
// Masterminds' validConstraintRegex is
//   ^(\s*(ops)\s*(cv)\s*)((?:\s+|,\s*)(ops)\s*(cv)\s*)*$
// RE2 matches it in linear time; a backtracking engine can take exponential time to reject a long invalid range
// (whitespace can be split between `\s*` and `\s+` in many ways). This form accepts the same language with one way
// to match each character: the whitespace after a version is folded into the separator (`\s*\s+` = `\s+`,
// `\s*,\s*`), and an operator is optional instead of empty, since no operator or version starts with whitespace.
// Each run of whitespace sits in a lookahead-captured group, so it is never re-split.
const ws = (group) => `(?=(${S}*))\\${group}`;
const operatorPattern = '(?:!=|>=?|<=?|=[<>]?|~>?|\\^)';
const versionPattern = cv.replaceAll('(', '(?:');
const validConstraintRegex = new RegExp(`^${ws(1)}(?:${operatorPattern}${ws(2)})?${versionPattern}` +
    `(?:${ws(3)}(?:,${ws(4)})?(?<=[\\t\\n\\f\\r ,])(?:${operatorPattern}${ws(5)})?${versionPattern})*${ws(6)}$`);
function isX(part) {
    return part === 'x' || part === '*' || part === 'X';
}
/** Masterminds `rewriteRange`: `A - B` becomes `>= A, <= B `, replacing the first occurrence of each match. */
function rewriteRange(range) {
    let rewritten = range;
    for (const m of range.matchAll(constraintRangeRegex)) {
        const replacement = `>= ${m[1] ?? ''}, <= ${m[11] ?? ''} `;
        rewritten = rewritten.replace(m[0], () => replacement);
    }
    return rewritten;
}
function equal(a, b) {
    return compareSemver(a, b) === 0;
}
const constraintTilde = (v, c, includePre) => {
    if (v.prerelease !== '' && !includePre)
        return false;
    const con = c.version;
    if (compareSemver(v, con) < 0)
        return false;
    // ~0.0.0 (and `*`, `x`, "") matches anything.
    if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty)
        return true;
    if (v.major !== con.major)
        return false;
    if (v.minor !== con.minor && !c.minorDirty)
        return false;
    return true;
};
const checkFunctions = {
    notEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (c.dirty) {
            if (con.major !== v.major)
                return true;
            if (con.minor !== v.minor && !c.minorDirty)
                return true;
            else if (c.minorDirty)
                return false;
            else if (con.patch !== v.patch && !c.patchDirty)
                return true;
            else if (c.patchDirty) {
                if (v.prerelease !== '' || con.prerelease !== '')
                    return comparePrerelease(v.prerelease, con.prerelease) !== 0;
                return false;
            }
        }
        return !equal(v, con);
    },
    greaterThan(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (!c.dirty)
            return compareSemver(v, con) === 1;
        if (v.major > con.major)
            return true;
        else if (v.major < con.major)
            return false;
        // `>11` needs major 12 or more.
        else if (c.minorDirty)
            return false;
        // `>11.1` needs minor 2 or more.
        else if (c.patchDirty)
            return v.minor > con.minor;
        return compareSemver(v, con) === 1;
    },
    lessThan(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        return compareSemver(v, c.version) < 0;
    },
    greaterThanEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        return compareSemver(v, c.version) >= 0;
    },
    lessThanEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (!c.dirty)
            return compareSemver(v, con) <= 0;
        if (v.major > con.major)
            return false;
        else if (v.major === con.major && v.minor > con.minor && !c.minorDirty)
            return false;
        return true;
    },
    tilde: constraintTilde,
    tildeOrEqual(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        if (c.dirty)
            return constraintTilde(v, c, includePre);
        return equal(v, c.version);
    },
    caret(v, c, includePre) {
        if (v.prerelease !== '' && !includePre)
            return false;
        const con = c.version;
        if (compareSemver(v, con) < 0)
            return false;
        // ^1.2.3 is <2.0.0; `^0` and `^0.x` (minor dirty) are <1.0.0.
        if (con.major > 0n || c.minorDirty)
            return v.major === con.major;
        if (con.major === 0n && v.major > 0n)
            return false;
        // ^0.2.3 and ^0.0 (patch dirty) stay within the minor.
        if (con.minor > 0n || c.patchDirty)
            return v.minor === con.minor;
        if (con.minor === 0n && v.minor > 0n)
            return false;
        // ^0.0.3 is =0.0.3.
        return con.patch === v.patch;
    },
};
function makeComparator(operator, original, version, dirtiness) {
    const kind = operatorKinds.get(operator);
    if (kind === undefined)
        throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
    const run = checkFunctions[kind];
    const comparator = {
        operator,
        kind,
        original,
        version,
        ...dirtiness,
        check: (v, includePrerelease) => run(v, comparator, includePrerelease),
    };
    return comparator;
}
/**
 * Internal: Masterminds' unexported `parseConstraint`, one comparator such as `>= 1.2` or `~1.x`. Exported for
 * conformance tests and inspection; ranges go through {@link newConstraint}. Unlike `newConstraint`, it accepts
 * "" (meaning `*`), as upstream's `TestConstraintCheck` rows do.
 * @throws SemverError `improper constraint: "<c>"` or `constraint parser error`.
 */
function parseComparator(text) {
    if (text.length === 0) {
        return makeComparator('', '', { original: '0.0.0', major: 0n, minor: 0n, patch: 0n, prerelease: '', metadata: '' }, {
            dirty: true,
            minorDirty: false,
            patchDirty: false,
        });
    }
    const m = constraintRegex.exec(text);
    if (m === null)
        throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${(0,quote/* quote */.h)(text)}`);
    const operator = m[1] ?? '';
    const original = m[2] ?? '';
    const major = m[3] ?? '';
    const minor = m[4] ?? '';
    const patch = m[5] ?? '';
    const prereleasePart = m[6] ?? '';
    // Wildcards and missing parts become 0; metadata is dropped from such versions.
    let versionText = original;
    let dirty = false;
    let minorDirty = false;
    let patchDirty = false;
    if (isX(major) || major === '') {
        versionText = `0.0.0${prereleasePart}`;
        dirty = true;
    }
    else if (isX(minor.slice(1)) || minor === '') {
        minorDirty = true;
        dirty = true;
        versionText = `${major}.0.0${prereleasePart}`;
    }
    else if (isX(patch.slice(1)) || patch === '') {
        dirty = true;
        patchDirty = true;
        versionText = `${major}${minor}.0${prereleasePart}`;
    }
    let version;
    try {
        version = newVersion(versionText);
    }
    catch (error) {
        if (error instanceof SemverError)
            throw new SemverError('CONSTRAINT_PARSER', 'constraint parser error');
        throw error;
    }
    return makeComparator(operator, original, version, { dirty, minorDirty, patchDirty });
}
/**
 * Masterminds `NewConstraint`: OR groups split on `||`, comparators AND-ed by whitespace or commas, hyphen ranges
 * `A - B`. An empty range is an error. Parse once and reuse: `check` is cheap.
 * @throws SemverError with Masterminds' message (`improper constraint: "<group>"`, `constraint parser error`).
 */
function newConstraint(range) {
    const rewritten = rewriteRange(range);
    const groups = [];
    const groupHasPrerelease = [];
    for (const group of rewritten.split('||')) {
        if (!validConstraintRegex.test(group))
            throw new SemverError('IMPROPER_CONSTRAINT', `improper constraint: ${(0,quote/* quote */.h)(group)}`);
        const texts = Array.from(group.matchAll(findConstraintRegex), (m) => m[0]);
        if (texts.length === 0)
            texts.push(group);
        const comparators = texts.map(parseComparator);
        groups.push(comparators);
        // A prerelease anywhere in an AND group lets every prerelease version be checked by that group.
        groupHasPrerelease.push(comparators.some((c) => c.version.prerelease !== ''));
    }
    return {
        original: range,
        groups,
        check(v) {
            return groups.some((comparators, i) => {
                const includePrerelease = groupHasPrerelease[i] ?? false;
                return comparators.every((c) => c.check(v, includePrerelease));
            });
        },
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/policy.ts
// ImagePolicy tag selection as Flux's image-reflector-controller does it (internal/policy: factory.go, semver.go,
// alphabetical.go, numerical.go, filter.go; internal/controller: imagepolicy_controller.go applyPolicy,
// updateImageRefs and composeImagePolicyReadyMessage, imagerepository_controller.go filterOutTags and
// sortTagsAndGetLatestTags). Error messages are Flux's, word for word.






/**
 * The policy itself is wrong (Flux's errInvalidPolicy: the ImagePolicy is Stalled with reason InvalidPolicy and
 * not retried): no choice, a bad order or range, a filter pattern Go cannot compile.
 */
class PolicyError extends errors/* BaseError */.Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'PolicyError';
    }
}
/**
 * The policy is valid but no tag could be chosen (Flux marks the ImagePolicy not Ready and retries): no tags at
 * all, none that satisfies the policy, or a tag the numerical policy cannot read as a number.
 */
class SelectionError extends errors/* BaseError */.Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'SelectionError';
    }
}
const emptyListMessage = 'version list argument cannot be empty';
/**
 * Flux's `PolicerFromSpec`: semver first, then alphabetical, then numerical. Orders are upper-cased and must be
 * '' (ascending), ASC or DESC. Throws PolicyError with Flux's text (without the controller's `invalid policy: `
 * prefix, which selectTag adds).
 */
function policerFromSpec(choice) {
    if (choice.semver)
        return semverPolicer(choice.semver.range ?? '');
    if (choice.alphabetical)
        return alphabeticalPolicer(orderArgument(choice.alphabetical.order));
    if (choice.numerical)
        return numericalPolicer(orderArgument(choice.numerical.order));
    throw new PolicyError('NO_POLICY', 'given ImagePolicyChoice object is invalid');
}
function orderArgument(order) {
    const upper = (0,strings/* toUpper */.s5)(order ?? '');
    if (upper === '' || upper === 'ASC')
        return 'ASC';
    if (upper === 'DESC')
        return 'DESC';
    throw new PolicyError('INVALID_ORDER', `invalid order argument provided: '${upper}', must be one of: ASC, DESC`);
}
/**
 * fluxcd/pkg `version.ParseVersion`, the tag parser of the semver policy: the tag needs at least two dots
 * anywhere (`strings.SplitN(v, ".", 3)` must give 3 parts), then Masterminds `NewVersion`.
 * @returns undefined where Flux returns an error (the policy skips such tags).
 */
function parseSemverTag(tag) {
    const firstDot = tag.indexOf('.');
    if (firstDot < 0 || tag.indexOf('.', firstDot + 1) < 0)
        return undefined;
    try {
        return newVersion(tag);
    }
    catch (error) {
        if (error instanceof SemverError)
            return undefined;
        throw error;
    }
}
/**
 * Flux's SemVer policy: each tag parsed with fluxcd/pkg ParseVersion (tags that do not parse are skipped), checked
 * against the Masterminds range, and the strictly greatest kept, so of equal versions (`v1.0.0` and `1.0.0`, or
 * differing build metadata) the first one given wins.
 */
function semverPolicer(range) {
    let constraint;
    try {
        constraint = newConstraint(range);
    }
    catch (err) {
        if (err instanceof SemverError)
            throw new PolicyError('INVALID_RANGE', err.message, { cause: err });
        throw err;
    }
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            let latest;
            for (const tag of tags) {
                const version = parseSemverTag(tag);
                if (version && constraint.check(version) && (!latest || compareSemver(version, latest) > 0))
                    latest = version;
            }
            if (!latest)
                throw new SelectionError('NO_MATCH', 'unable to determine latest version from provided list');
            return latest.original;
        },
    };
}
/** Flux's Alphabetical policy: byte-wise order; ASC takes the greatest tag, DESC the least. */
function alphabeticalPolicer(order) {
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            const direction = order === 'ASC' ? 1 : -1;
            return tags.reduce((best, tag) => (direction * (0,oci_order/* compareBytes */.X)(tag, best) > 0 ? tag : best));
        },
    };
}
/**
 * Flux's Numerical policy: every tag must parse with Go's strconv.ParseFloat, or the whole policy fails. ASC
 * takes the greatest value, DESC the least; of equal values the last one given wins.
 */
function numericalPolicer(order) {
    return {
        latest(tags) {
            if (tags.length === 0)
                throw new SelectionError('NO_TAGS', emptyListMessage);
            let latest = '';
            let latestValue = 0;
            tags.forEach((tag, index) => {
                let value;
                try {
                    value = parseFloat64(tag);
                }
                catch (err) {
                    throw new SelectionError('NOT_NUMERIC', `failed to parse invalid numeric value '${tag}'`, { cause: err });
                }
                // Skipped only when strictly worse (Go's float comparisons, so NaN is never worse).
                if (index > 0 && (order === 'ASC' ? value < latestValue : value > latestValue))
                    return;
                latest = tag;
                latestValue = value;
            });
            return latest;
        },
    };
}
/** Flux's RegexFilter (`spec.filterTags`), compiled once. */
class RegexFilter {
    regexp;
    /** The Expand template; '' keeps matching tags as they are. */
    extract;
    constructor(regexp, extract) {
        this.regexp = regexp;
        this.extract = extract;
    }
    /**
     * The tags the pattern matches (anywhere in the tag), as a map from the extracted value to the original tag.
     * A later tag with the same extracted value replaces an earlier one, as in Flux's map; the keys keep the order
     * in which each value was first met (Go iterates its map in random order).
     */
    apply(tags) {
        const filtered = new Map();
        for (const tag of tags) {
            const match = this.regexp.findStringSubmatchIndex(tag);
            if (!match)
                continue;
            filtered.set(this.extract === '' ? tag : this.regexp.expandString(this.extract, tag, match), tag);
        }
        return filtered;
    }
}
/** Flux's NewRegexFilter. Throws PolicyError `invalid regular expression pattern '<p>': <Go's error>`. */
function newRegexFilter(pattern, extract = '') {
    try {
        return new RegexFilter((0,regexp/* compileRegexp */.Nx)(pattern), extract);
    }
    catch (err) {
        throw new PolicyError('INVALID_PATTERN', `invalid regular expression pattern '${pattern}': ${err.message}`, { cause: err });
    }
}
/** The ImageRepository default `spec.exclusionList` (cosign signature tags). */
const defaultExclusionList = ['^.*\\.sig$'];
/**
 * The tags as image-reflector-controller stores them for its policies: those matching any exclusion pattern
 * dropped (an empty or missing list means the default one), then sorted descending byte-wise. Policies see tags
 * in this order, which decides semver and numerical ties.
 */
function orderTags(tags, exclusionList) {
    const patterns = exclusionList && exclusionList.length > 0 ? exclusionList : defaultExclusionList;
    const exclusions = patterns.map((pattern) => {
        try {
            return (0,regexp/* compileRegexp */.Nx)(pattern);
        }
        catch (err) {
            throw new Error(`failed to compile regex ${pattern}: ${err.message}`, { cause: err });
        }
    });
    return tags.filter((tag) => !exclusions.some((exclusion) => exclusion.matchString(tag))).sort((a, b) => (0,oci_order/* compareBytes */.X)(b, a));
}
/**
 * The controller's applyPolicy: the policy built (PolicyError `invalid policy: …`), the tags checked
 * (SelectionError `no tags in database`), the filter applied (PolicyError `failed to filter tags: …`), the
 * policy run on the extracted values, and the original tag of the winner returned. Give `tags` in the stored
 * order (see orderTags) to break ties as Flux does.
 */
function selectTag(choice, filterTags, tags) {
    const { policer, filter } = compileImagePolicy(choice, filterTags);
    if (tags.length === 0)
        throw new SelectionError('NO_TAGS', 'no tags in database');
    if (!filter)
        return policer.latest(tags);
    const filtered = filter.apply(tags);
    const latest = policer.latest([...filtered.keys()]);
    return filtered.get(latest) ?? latest;
}
/**
 * The policy and its tag filter, built once, with applyPolicy's errors (`invalid policy: …`, `failed to filter
 * tags: …`); a caller can check a policy before it lists any tags.
 */
function compileImagePolicy(choice, filterTags) {
    let policer;
    try {
        policer = policerFromSpec(choice);
    }
    catch (err) {
        if (err instanceof PolicyError)
            throw new PolicyError(err.code, `invalid policy: ${err.message}`, { cause: err });
        throw err;
    }
    if (!filterTags)
        return { policer };
    try {
        return { policer, filter: newRegexFilter(filterTags.pattern ?? '', filterTags.extract ?? '') };
    }
    catch (err) {
        throw new PolicyError('INVALID_PATTERN', `failed to filter tags: ${err.message}`, { cause: err });
    }
}
/** `spec.digestReflectionPolicy` with Flux's default: unset or '' means Never. */
function reflectionPolicy(policy) {
    return policy || 'Never';
}
/** Go's `ImageRef.String()`: `name:tag`, then `@digest` when there is one. */
function imageRefString(ref) {
    return `${ref.name}:${ref.tag}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** Go's `*a == *b` on ImageRef (an empty digest equals a missing one). */
function sameImageRef(a, b) {
    return a.name === b.name && a.tag === b.tag && (a.digest ?? '') === (b.digest ?? '');
}
/**
 * Whether updateImageRefs must look the digest up: never for Never, always for Always, and for IfNotPresent only
 * when there is no previous ref, it names another image or tag, or it has no digest.
 */
function digestFetchNeeded(policy, previous, selected) {
    switch (reflectionPolicy(policy)) {
        case 'Always':
            return true;
        case 'IfNotPresent':
            return !previous || previous.name !== selected.name || previous.tag !== selected.tag || !previous.digest;
        case 'Never':
            return false;
    }
}
/**
 * Flux's updateImageRefs: the next status after `tag` was selected for `image` (ImageRepository `spec.image`).
 * The digest is fetched when digestFetchNeeded says so; IfNotPresent otherwise keeps the previous digest and
 * Never drops it. `latestRef` is replaced, and the old one becomes `observedPreviousRef`, only when name, tag or
 * digest differ; otherwise the previous status is returned as it was. `fetchDigest` resolves `image:tag` (a
 * manifest HEAD in Flux); its failure is rethrown as `failed fetching digest of <image>:<tag>: <error>`.
 */
async function updateImageRefs(previous, selected, fetchDigest) {
    const latestRef = { name: selected.image, tag: selected.tag };
    let digest = '';
    if (digestFetchNeeded(selected.digestReflectionPolicy, previous.latestRef, latestRef)) {
        try {
            digest = await fetchDigest(selected.image, selected.tag);
        }
        catch (err) {
            throw new Error(`failed fetching digest of ${imageRefString(latestRef)}: ${err.message}`, { cause: err });
        }
    }
    else if (reflectionPolicy(selected.digestReflectionPolicy) === 'IfNotPresent') {
        digest = previous.latestRef?.digest ?? '';
    }
    if (digest)
        latestRef.digest = digest;
    if (previous.latestRef && sameImageRef(latestRef, previous.latestRef))
        return { ...previous, latestRef: previous.latestRef };
    return { latestRef, ...(previous.latestRef ? { observedPreviousRef: previous.latestRef } : {}) };
}
/**
 * Flux's ImagePolicy `GetInterval()`, the delay before the next reconciliation in milliseconds: `spec.interval`
 * (10 minutes when unset or zero) for Always, 0 (no periodic reconciliation) otherwise.
 */
function requeueAfter(policy, intervalMs) {
    if (reflectionPolicy(policy) !== 'Always')
        return 0;
    return intervalMs || 10 * 60 * 1000;
}
/**
 * Flux's composeImagePolicyReadyMessage: `Latest image tag for <name> resolved to <tag>[ with digest <d>]`, then
 * ` (previously <name>:<tag>[@<digest>])` when there is a previous ref that differs.
 */
function composeReadyMessage(status) {
    const { latestRef, observedPreviousRef: previous } = status;
    let message = `Latest image tag for ${latestRef.name} resolved to ${latestRef.tag}`;
    if (latestRef.digest)
        message += ` with digest ${latestRef.digest}`;
    if (previous && !sameImageRef(latestRef, previous))
        message += ` (previously ${imageRefString(previous)})`;
    return message;
}


/***/ }),

/***/ 26784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ settlePullRequest)
});

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/commit-message.ts + 14 modules
var commit_message = __webpack_require__(29952);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/rest-error.ts
var rest_error = __webpack_require__(37869);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/github/pullrequest.ts
// Opening or updating the image-update pull request through GitHub's REST API (@actions/github's Octokit, loaded
// only when a pull request is needed).

class PullRequestError extends rest_error/* GitHubError */.y_ {
    constructor(code, message, status) {
        super(code, message, status);
        this.name = 'PullRequestError';
    }
}
/** GitHub's refusal, and the fix a workflow author needs. */
function explain(err, doing) {
    return (0,rest_error/* explainRestFailure */.y4)(PullRequestError, err, doing, 'errors', ({ status, message }) => {
        if (/not permitted to create or approve pull requests/i.test(message))
            return {
                code: 'PULL_REQUESTS_NOT_ALLOWED',
                fix: 'allow it in the repository (or organization) settings: Actions → General → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token as `github-token`',
            };
        if (status === 403 || status === 404)
            return {
                code: 'PERMISSION_MISSING',
                fix: 'add `permissions: pull-requests: write` to the job (and check that `github-token` can reach this repository)',
            };
        if (status === 401)
            return { code: 'TOKEN_INVALID', fix: '`github-token` is not valid' };
        return { code: 'REQUEST_FAILED' };
    });
}
async function client(options) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 68803));
    return getOctokit(options.token, options.apiUrl ? { baseUrl: options.apiUrl } : {});
}
function split(repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
}
/** The open pull request from `head` into `base`, if any. */
async function findPullRequest(options) {
    const octokit = await client({ ...options, title: '', body: '' });
    const { owner, repo } = split(options.repository);
    try {
        const { data } = await octokit.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            head: `${owner}:${options.head}`,
            base: options.base,
            per_page: 1,
        });
        const found = data[0];
        return found ? { number: found.number, url: found.html_url } : undefined;
    }
    catch (err) {
        throw explain(err, `listing pull requests of ${options.repository}`);
    }
}
/**
 * Opens the pull request from `head` into `base`, or, when one is open, updates its title and body (the branch
 * already carries the new commit). Labels are added either way.
 */
async function openOrUpdatePullRequest(options) {
    const octokit = await client(options);
    const { owner, repo } = split(options.repository);
    const existing = await findPullRequest(options);
    let result;
    if (existing) {
        try {
            await octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: options.title, body: options.body });
        }
        catch (err) {
            throw explain(err, `updating pull request #${existing.number}`);
        }
        result = { ...existing, created: false };
    }
    else {
        try {
            const { data } = await octokit.rest.pulls.create({
                owner,
                repo,
                head: options.head,
                base: options.base,
                title: options.title,
                body: options.body,
            });
            result = { number: data.number, url: data.html_url, created: true };
        }
        catch (err) {
            throw explain(err, `opening a pull request from ${options.head} into ${options.base}`);
        }
    }
    if (options.labels?.length) {
        try {
            await octokit.rest.issues.addLabels({ owner, repo, issue_number: result.number, labels: [...options.labels] });
        }
        catch (err) {
            throw explain(err, `labelling pull request #${result.number}`);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/pull-request-flow.ts
// The pull request around the push branch, the same for both engines: opened or updated after a push, found when
// nothing was pushed, and opened late for a branch an earlier run pushed but could not open it for.


/**
 * The pull request after an update: opened or updated (title: the commit message's first line) when this run
 * pushed; otherwise the open one, if any. A branch that existed without a pull request carries updates an earlier
 * run pushed and then failed to open it for: it is opened now, describing what the branch changes from the base.
 */
async function settlePullRequest(flow) {
    const open = (changes, message) => openOrUpdatePullRequest({ ...flow.target, title: message.split('\n')[0] || commit_message/* defaultCommitTemplate */.NM, body: flow.body(changes, message) });
    if (flow.pushed)
        return open(flow.pushed.changes, flow.pushed.commitMessage);
    const found = await findPullRequest(flow.target);
    if (found || !flow.branchExisted)
        return found;
    const { changes, commitMessage } = await flow.pending();
    return changes.length && commitMessage !== undefined ? open(changes, commitMessage) : undefined;
}


/***/ }),

/***/ 31749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zn: () => (/* binding */ applySetters),
  If: () => (/* binding */ secureJoin)
});

// UNUSED EXPORTS: SettersError, applyPolicies, markerToken, parseMarker

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(33483);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/atoi.ts
var atoi = __webpack_require__(59059);
;// CONCATENATED MODULE: ../../packages/core/src/go/yaml.ts
// The scalar rules of Go's YAML libraries, as kyaml applies them when Flux's Setters write a value: go-yaml's
// `resolve` for plain scalars (gopkg.in/yaml.v2 and v3 resolve.go: which texts are bools, ints, floats, nulls or
// timestamps), kyaml's `IsValueNonString` (which values must be quoted to stay strings), and yaml.v3's emitter
// (emitterc.go `yaml_emitter_analyze_scalar` and the double-quoted writer: which styles can hold a value).


const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/**
 * The int/float branch of go-yaml's `resolve` for a plain scalar starting with a digit or sign (v3 adds `0o`):
 * strconv.ParseInt, then ParseUint, of the text without underscores.
 */
function goYamlNumber(value, octalPrefix) {
    const plain = value.replaceAll('_', '');
    if ((0,atoi/* parsesAsInt64 */.Wk)(plain, 0) || (0,atoi/* parsesAsUint64 */.Jz)(plain, 0))
        return 'int';
    if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain)))
        return 'float';
    if (plain.startsWith('0b')) {
        if ((0,atoi/* parsesAsInt64 */.Wk)(plain.slice(2), 2) || (0,atoi/* parsesAsUint64 */.Jz)(plain.slice(2), 2))
            return 'int';
    }
    else if (plain.startsWith('-0b')) {
        if ((0,atoi/* parsesAsInt64 */.Wk)(`-${plain.slice(3)}`, 2))
            return 'int';
    }
    if (octalPrefix) {
        if (plain.startsWith('0o')) {
            if ((0,atoi/* parsesAsInt64 */.Wk)(plain.slice(2), 8) || (0,atoi/* parsesAsUint64 */.Jz)(plain.slice(2), 8))
                return 'int';
        }
        else if (plain.startsWith('-0o')) {
            if ((0,atoi/* parsesAsInt64 */.Wk)(`-${plain.slice(3)}`, 8))
                return 'int';
        }
    }
    return undefined;
}
const infNaN = ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'];
const v2Words = new Map([
    ...[
        'y',
        'Y',
        'yes',
        'Yes',
        'YES',
        'n',
        'N',
        'no',
        'No',
        'NO',
        'true',
        'True',
        'TRUE',
        'false',
        'False',
        'FALSE',
        'on',
        'On',
        'ON',
        'off',
        'Off',
        'OFF',
    ].map((w) => [w, 'bool']),
    ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, 'null']),
    ...infNaN.map((w) => [w, 'float']),
]);
const v3Words = new Map([
    ...['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map((w) => [w, 'bool']),
    ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, 'null']),
    ...infNaN.map((w) => [w, 'float']),
]);
/**
 * go-yaml's `resolve("", value)` for a plain scalar: v2 knows the YAML 1.1 words, v3 also `0o` octals. The first
 * character decides what is tried at all (so `<<` and words such as `nil` are strings).
 */
function goYamlResolve(value, version, checkTimestamp = true) {
    const first = value[0];
    const hint = first === undefined
        ? 'N'
        : /[0-9]/.test(first)
            ? 'D'
            : first === '+' || first === '-'
                ? 'S'
                : first === '.'
                    ? '.'
                    : 'yYnNtTfFoO~'.includes(first)
                        ? 'M'
                        : '';
    if (hint === '')
        return 'str';
    const word = (version === 2 ? v2Words : v3Words).get(value);
    if (word !== undefined)
        return word;
    if (hint === '.')
        return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(value) && Number.isFinite(Number(value)) ? 'float' : 'str';
    if (hint === 'D' || hint === 'S') {
        if (checkTimestamp && isGoYamlTimestamp(value))
            return 'timestamp';
        return goYamlNumber(value, version === 3) ?? 'str';
    }
    return 'str';
}
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const timestampPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|([+-])(\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;
/** go-yaml's `parseTimestamp`: Go `time.Parse` with its four layouts, range checks included. */
function isGoYamlTimestamp(value) {
    const m = timestampPattern.exec(value);
    if (!m)
        return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0)))
        return false;
    const [hour, minute, second] = m[4] !== undefined ? [m[4], m[5], m[6]] : [m[10], m[11], m[12]];
    if (hour !== undefined && (Number(hour) >= 24 || Number(minute) >= 60 || Number(second) >= 60))
        return false;
    if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60))
        return false;
    return true;
}
/**
 * kyaml `IsValueNonString`: does `value`, unquoted, decode as something other than a string with go-yaml v2 (YAML 1.1
 * ints incl. `0x`/octal/underscores, floats such as `1.10`, bools yes/no/on/off/y/n/true/false, null/`~`, a whole
 * map or sequence, an empty document)? Such a value is written double-quoted unless its node is already quoted.
 */
function needsQuoting(value) {
    if (value === '' || value.includes('\n'))
        return false;
    const doc = (0,dist/* parseDocument */.Tp)(value, { schema: 'failsafe', uniqueKeys: false, version: '1.1' });
    // v2 fails to decode it, so kyaml leaves the style alone.
    if (doc.errors.length)
        return false;
    const node = doc.contents;
    if (node === null)
        return true;
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node))
        return true;
    if (!(0,dist/* isScalar */.jn)(node))
        return false;
    if (node.range[0] === node.range[1] && node.tag === undefined)
        return true;
    const text = String(node.value);
    switch (node.tag) {
        case undefined:
            break;
        case 'tag:yaml.org,2002:int':
            return goYamlResolve(text, 2, false) === 'int';
        case 'tag:yaml.org,2002:float':
            return ['int', 'float'].includes(goYamlResolve(text, 2, false));
        case 'tag:yaml.org,2002:bool':
            return goYamlResolve(text, 2, false) === 'bool';
        case 'tag:yaml.org,2002:null':
            return goYamlResolve(text, 2, false) === 'null';
        default:
            return false;
    }
    if (node.type !== dist/* Scalar */.X5.PLAIN)
        return false;
    // A timestamp decodes into interface{} as its string (go-yaml v2 backward compatibility).
    return !['str', 'timestamp'].includes(goYamlResolve(text, 2));
}
/** yaml.v3's encoder double-quotes a `!!str` node whose plain text would resolve to another type (YAML 1.2 rules, timestamps and "" included). */
function resolvesAsNonString(value) {
    return goYamlResolve(value, 3) !== 'str';
}
// yaml.v3 emitter's character classes (emitterc.go / yamlprivateh.go), per code point, with unicode output on.
const isBreak = (c) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isPrintable = (c) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
/** yaml.v3 `yaml_emitter_analyze_scalar`: which styles can hold `value`. */
function analyzeScalar(value) {
    if (value === '')
        return { flowPlain: false, blockPlain: true, singleQuoted: true, block: false, lineBreaks: false };
    const points = Array.from(value, (c) => c.codePointAt(0) ?? 0);
    let blockIndicators = value.startsWith('---') || value.startsWith('...');
    let flowIndicators = blockIndicators;
    let lineBreaks = false;
    let special = false;
    let tabs = false;
    let leadingSpace = false;
    let leadingBreak = false;
    let trailingSpace = false;
    let trailingBreak = false;
    let breakSpace = false;
    let spaceBreak = false;
    let precededByWhitespace = true;
    let previousSpace = false;
    let previousBreak = false;
    points.forEach((c, i) => {
        const next = points[i + 1];
        const followedByWhitespace = next === undefined || next === 0x20 || next === 0x09;
        const ch = String.fromCodePoint(c);
        if (i === 0) {
            if ('#,[]{}&*!|>\'"%@`'.includes(ch))
                flowIndicators = blockIndicators = true;
            else if (ch === '?' || ch === ':') {
                flowIndicators = true;
                if (followedByWhitespace)
                    blockIndicators = true;
            }
            else if (ch === '-' && followedByWhitespace)
                flowIndicators = blockIndicators = true;
        }
        else if (',?[]{}'.includes(ch))
            flowIndicators = true;
        else if (ch === ':') {
            flowIndicators = true;
            if (followedByWhitespace)
                blockIndicators = true;
        }
        else if (ch === '#' && precededByWhitespace)
            flowIndicators = blockIndicators = true;
        if (c === 0x09)
            tabs = true;
        else if (!isPrintable(c))
            special = true;
        const last = i === points.length - 1;
        if (c === 0x20) {
            leadingSpace ||= i === 0;
            trailingSpace ||= last;
            breakSpace ||= previousBreak;
            [previousSpace, previousBreak] = [true, false];
        }
        else if (isBreak(c)) {
            lineBreaks = true;
            leadingBreak ||= i === 0;
            trailingBreak ||= last;
            spaceBreak ||= previousSpace;
            [previousSpace, previousBreak] = [false, true];
        }
        else {
            [previousSpace, previousBreak] = [false, false];
        }
        precededByWhitespace = c === 0x20 || c === 0x09 || c === 0 || isBreak(c);
    });
    const analysis = { flowPlain: true, blockPlain: true, singleQuoted: true, block: true, lineBreaks };
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        analysis.flowPlain = analysis.blockPlain = false;
    if (trailingSpace)
        analysis.block = false;
    if (breakSpace || spaceBreak || tabs || special)
        analysis.flowPlain = analysis.blockPlain = analysis.singleQuoted = false;
    if (spaceBreak || special)
        analysis.block = false;
    if (lineBreaks)
        analysis.flowPlain = analysis.blockPlain = false;
    if (flowIndicators)
        analysis.flowPlain = false;
    if (blockIndicators)
        analysis.blockPlain = false;
    return analysis;
}
const doubleQuoteEscapes = new Map([
    [0x00, '0'],
    [0x07, 'a'],
    [0x08, 'b'],
    [0x09, 't'],
    [0x0a, 'n'],
    [0x0b, 'v'],
    [0x0c, 'f'],
    [0x0d, 'r'],
    [0x1b, 'e'],
    [0x22, '"'],
    [0x5c, '\\'],
    [0x85, 'N'],
    [0xa0, '_'],
    [0x2028, 'L'],
    [0x2029, 'P'],
]);
/** A double-quoted scalar as yaml.v3 writes it (`yaml_emitter_write_double_quoted_scalar`, without line folding). */
function doubleQuoted(value) {
    let out = '"';
    for (const ch of value) {
        const c = ch.codePointAt(0) ?? 0;
        if (isPrintable(c) && !isBreak(c) && c !== 0x22 && c !== 0x5c) {
            out += ch;
            continue;
        }
        const hex = c.toString(16).toUpperCase();
        out += `\\${doubleQuoteEscapes.get(c) ?? (c <= 0xff ? `x${hex.padStart(2, '0')}` : c <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`;
    }
    return `${out}"`;
}
/** A single-quoted scalar as yaml.v3 writes it (quotes doubled, without line folding). */
const singleQuoted = (value) => `'${value.replaceAll("'", "''")}'`;

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/result.ts
var result = __webpack_require__(63495);
;// CONCATENATED MODULE: ../../packages/core/src/imageupdate/setters.ts






/** Every setters failure stops the update of `update-path`, and is reported against it. */
class SettersError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message, { field: 'update-path' });
        this.name = 'SettersError';
    }
}
/** Upstream only parses files whose bytes contain this, quotes included (`fmt.Sprintf("%q", "$imagepolicy")`). */
const markerToken = '"$imagepolicy"';
const markerTokenBytes = Buffer.from(markerToken);
const shortHandRef = '$imagepolicy';
// ---------------------------------------------------------------------------------------------------------------
// Setter values
const tagChars = /^[a-zA-Z0-9_.-]{1,128}$/;
const repositoryChars = /^[a-z0-9_./-]{1,255}$/;
/**
 * go-containerregistry `name.ParseReference(s, name.WeakValidation)` succeeds: a tag reference or a sha256 digest
 * reference, with Docker Hub and `latest` implied.
 */
function isWeakReference(image) {
    return isWeakTag(image) || isWeakDigest(image);
}
/** `name.NewTag`: an optional `:tag` (a last part with "/" is a registry port), then a repository. */
function isWeakTag(name) {
    const parts = name.split(':');
    const last = parts[parts.length - 1] ?? '';
    if (parts.length > 1 && !last.includes('/'))
        return tagChars.test(last) && isWeakRepository(parts.slice(0, -1).join(':'));
    return isWeakRepository(name);
}
/** `name.NewDigest`: exactly one `@`, a sha256 digest, and a tag or repository before it. */
function isWeakDigest(name) {
    const parts = name.split('@');
    return parts.length === 2 && /^sha256:[a-f0-9]{64}$/.test(parts[1] ?? '') && isWeakTag(parts[0] ?? '');
}
/** `name.NewRepository`: an optional registry (first part with `.` or `:`, or `localhost`), then lowercase path characters. */
function isWeakRepository(name) {
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    const hasRegistry = first === 'localhost' || /[.:]/.test(first);
    return repositoryChars.test(hasRegistry ? name.slice(slash + 1) : name) && validAuthority(hasRegistry ? first : '');
}
/** Go `url.Parse("//" + name).Host == name`, for the characters a registry can hold. */
function validAuthority(host) {
    if (host === '')
        return true;
    if (/[@/?#%\s]/.test(host))
        return false;
    const bracketed = /^\[[^\]]*\](.*)$/.exec(host);
    const port = bracketed ? (bracketed[1] ?? '') : host.includes(':') ? host.slice(host.lastIndexOf(':')) : '';
    if (port !== '' && !/^:[0-9]*$/.test(port))
        return false;
    const hostname = bracketed ? '' : host.slice(0, host.length - port.length);
    // Go rejects ASCII that would need escaping in a host; non-ASCII passes.
    return !/[^A-Za-z0-9\-._~!$&'()*+,;=\u0080-\uffff]/.test(hostname);
}
/** The setter definitions upstream builds: `<ns>:<name>`, `:tag`, `:name` and `:digest` for each policy. */
function setterValues(policies) {
    const values = new Map();
    for (const policy of policies) {
        const { name, tag, digest } = policy.latestRef;
        const image = `${name}:${tag}${digest ? `@${digest}` : ''}`;
        if (!isWeakReference(image))
            throw new SettersError('INVALID_IMAGE_REF', `encountered invalid image ref ${JSON.stringify(image)}: could not parse reference: ${image}`);
        const setter = `${policy.namespace}:${policy.name}`;
        values.set(setter, image);
        values.set(`${setter}:tag`, tag);
        values.set(`${setter}:name`, name);
        values.set(`${setter}:digest`, digest ?? '');
    }
    return values;
}
/**
 * The new source text for a scalar. Existing quotes are kept (single falls back to double where yaml.v3 would);
 * a plain scalar is double-quoted when the value would not read back as a string (kyaml FormatNonStringStyle, then
 * the encoder's own check), and otherwise written plain, or quoted where plain text cannot hold it.
 */
function renderScalar(node, value, inFlow, text) {
    const analysis = analyzeScalar(value);
    switch (node.type) {
        case dist/* Scalar */.X5.QUOTE_DOUBLE:
            return doubleQuoted(value);
        case dist/* Scalar */.X5.QUOTE_SINGLE:
            return analysis.singleQuoted && !analysis.lineBreaks ? singleQuoted(value) : doubleQuoted(value);
        case dist/* Scalar */.X5.BLOCK_LITERAL:
        case dist/* Scalar */.X5.BLOCK_FOLDED:
            return renderBlockScalar(node, value, analysis, text);
        default:
            if (needsQuoting(value) || resolvesAsNonString(value) || analysis.lineBreaks)
                return doubleQuoted(value);
            if (inFlow ? analysis.flowPlain : analysis.blockPlain)
                return value;
            return analysis.singleQuoted ? singleQuoted(value) : doubleQuoted(value);
    }
}
/** A block scalar keeps its indicator (`|-`/`>-`, as yaml.v3 writes a value without a final newline), header comment and indentation. */
function renderBlockScalar(node, value, analysis, text) {
    const [start, end] = node.range;
    const source = text.slice(start, end);
    const headerEnd = source.indexOf('\n');
    const header = stripCR(headerEnd < 0 ? source : source.slice(0, headerEnd));
    const eol = source[headerEnd - 1] === '\r' ? '\r\n' : '\n';
    const [, indicator = '|', tail = ''] = /^([|>])[-+0-9]*(.*)$/.exec(header) ?? [];
    const body = headerEnd < 0 ? '' : source.slice(headerEnd + 1);
    // The content ends with the last non-blank line; blank lines after it stay as they are.
    const last = /[^ \t\r\n][^\n]*(\n|$)(?![\s\S]*[^ \t\r\n])/.exec(body);
    const contentEnd = last ? last.index + last[0].length : 0;
    const lastBreak = last ? (last[1] === '' ? '' : last[0].endsWith('\r\n') ? '\r\n' : '\n') : eol;
    const trailing = last ? body.slice(contentEnd) : body.replace(/^\r?\n/, '');
    if (needsQuoting(value) || !analysis.block || analysis.lineBreaks || value.startsWith(' ')) {
        return `${doubleQuoted(value)}${tail}${last ? lastBreak : headerEnd < 0 ? '' : eol}${trailing}`;
    }
    const contentIndent = /^[ \t\r\n]*?( *)[^ \t\r\n]/.exec(body)?.[1]?.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = contentIndent ?? (/^ */.exec(text.slice(lineStart, start))?.[0].length ?? 0) + 2;
    return `${indicator}-${tail}${eol}${' '.repeat(indent)}${value}${lastBreak}${trailing}`;
}
// ---------------------------------------------------------------------------------------------------------------
// Markers
/** kyaml fieldmeta `processShortHand`: `strings.TrimLeft(c, "#")`, JSON into `map[string]string`, a non-empty `$imagepolicy`. */
function parseMarker(comment) {
    let parsed;
    try {
        parsed = JSON.parse(comment.replace(/^#+/, ''));
    }
    catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return undefined;
    const fields = parsed;
    if (Object.values(fields).some((v) => typeof v !== 'string' && v !== null))
        return undefined;
    const setter = fields[shortHandRef];
    return typeof setter === 'string' && setter !== '' ? setter : undefined;
}
const lineEnd = (text, from) => {
    const eol = text.indexOf('\n', from);
    return eol < 0 ? text.length : eol;
};
const stripCR = (line) => (line.endsWith('\r') ? line.slice(0, -1) : line);
/** yaml.v3's LineComment of a scalar: a comment after it on its last line (after a `,` in flow), or after a block scalar's header. */
function lineComment(node, inFlow, text) {
    if (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) {
        const start = node.range[0];
        const header = stripCR(text.slice(start, lineEnd(text, start)));
        const m = /^[|>][-+0-9]*[ \t]+(#.*)$/.exec(header);
        return m?.[1] === undefined ? undefined : { comment: m[1], offset: start + header.indexOf('#') };
    }
    let i = node.range[1];
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    if (inFlow && text[i] === ',') {
        i++;
        while (text[i] === ' ' || text[i] === '\t')
            i++;
    }
    if (text[i] !== '#')
        return undefined;
    return { comment: stripCR(text.slice(i, lineEnd(text, i))), offset: i };
}
/**
 * yaml.v3's HeadComment of a scalar sequence item: the comment lines right above its `- ` line (no blank line
 * between), joined with newlines, not reaching back into the previous item.
 */
function headComment(node, floor, text) {
    const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
    if (!/^[ \t]*-[ \t]+(?:[!&][^ \t]*[ \t]+)*$/.test(text.slice(lineStart, node.range[0])))
        return undefined;
    const lines = [];
    let offset = -1;
    let end = lineStart - 1;
    while (end >= 0) {
        const start = text.lastIndexOf('\n', end - 1) + 1;
        if (start < floor)
            break;
        const line = stripCR(text.slice(start, end));
        const trimmed = line.trimStart();
        if (!trimmed.startsWith('#'))
            break;
        lines.unshift(trimmed);
        offset = start + (line.length - trimmed.length);
        end = start - 1;
    }
    return lines.length ? { comment: lines.join('\n'), offset } : undefined;
}
const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const nullTag = 'tag:yaml.org,2002:null';
/** yaml.v3 `Node.Value` as kyaml reads identifying fields: a scalar's text ('' for null), an alias's anchor name, '' for collections. */
function nodeText(node) {
    if (isNullNode(node))
        return '';
    if ((0,dist/* isScalar */.jn)(node))
        return String(node.value);
    if ((0,dist/* isAlias */.Vj)(node))
        return node.source;
    return '';
}
/** kyaml `RNode.Field`: the first pair whose key text matches. */
function field(map, name) {
    return map.items.find((pair) => nodeText(pair.key) === name)?.value;
}
/** kyaml `GetMeta().GetIdentifier()` of a document. */
function identify(root) {
    const metadata = field(root, 'metadata');
    return {
        APIVersion: nodeText(field(root, 'apiVersion')),
        Kind: nodeText(field(root, 'kind')),
        Name: (0,dist/* isMap */.jh)(metadata) ? nodeText(field(metadata, 'name')) : '',
        Namespace: (0,dist/* isMap */.jh)(metadata) ? nodeText(field(metadata, 'namespace')) : '',
    };
}
/** kyaml `IsMissingOrNull`: absent, or a null scalar. */
const isNullNode = (node) => node === null ||
    node === undefined ||
    ((0,dist/* isScalar */.jn)(node) && (node.tag === nullTag || (node.tag === undefined && node.type === dist/* Scalar */.X5.PLAIN && nullWords.has(String(node.value)))));
const kindName = (node) => (0,dist/* isSeq */.oP)(node) ? 'SequenceNode' : (0,dist/* isScalar */.jn)(node) ? 'ScalarNode' : (0,dist/* isAlias */.Vj)(node) ? 'AliasNode' : 'MappingNode';
/** kio.ByteReader splits documents on `\n---.*\n` and rejects such a line unless only a comment follows `---`. */
function invalidSeparator(text) {
    for (const m of text.replaceAll('\r\n', '\n').matchAll(/\n---([^\n]*)\n/g)) {
        const rest = (m[1] ?? '').trim();
        if (rest !== '' && !rest.startsWith('#'))
            return `invalid document separator: ${`---${m[1] ?? ''}`.trim()}`;
    }
    return undefined;
}
/** kio.ByteReader annotates each document, which fails for a non-mapping document or metadata that is not a mapping. */
function unreadableDocument(roots) {
    for (const root of roots) {
        if (isNullNode(root))
            continue;
        if (!(0,dist/* isMap */.jh)(root))
            return `wrong node kind: expected MappingNode but got ${kindName(root)}`;
        const metadata = field(root, 'metadata');
        if (isNullNode(metadata))
            continue;
        if (!(0,dist/* isMap */.jh)(metadata))
            return `wrong node kind: expected MappingNode but got ${kindName(metadata)} for metadata`;
        const annotations = field(metadata, 'annotations');
        if (!isNullNode(annotations) && !(0,dist/* isMap */.jh)(annotations))
            return `wrong node kind: expected MappingNode but got ${kindName(annotations)} for metadata.annotations`;
    }
    return undefined;
}
function lineOf(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** Finds the markers of one file's text and what to splice, as upstream's `accept` walk (filter.go) visits nodes. */
function scanText(text, setters) {
    const scan = { edits: [], changes: [], unresolved: [] };
    const separator = invalidSeparator(text);
    if (separator !== undefined)
        return { ...scan, problem: separator };
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { schema: 'failsafe', uniqueKeys: false });
    for (const doc of docs) {
        const error = doc.errors[0];
        if (error)
            return { ...scan, problem: error.message };
    }
    const roots = docs.map((doc) => doc.contents);
    const problem = unreadableDocument(roots);
    if (problem !== undefined)
        return { ...scan, problem };
    const visitScalar = (node, object, inFlow, itemFloor) => {
        // An implicit empty value has no text to carry a marker.
        if (node.range[0] === node.range[1])
            return;
        // First non-empty of LineComment, HeadComment; only sequence items get a head comment of their own.
        const found = lineComment(node, inFlow, text) ?? (itemFloor === undefined ? undefined : headComment(node, itemFloor, text));
        if (!found)
            return;
        const setter = parseMarker(found.comment);
        if (setter === undefined)
            return;
        const value = setters.get(setter);
        if (value === undefined) {
            scan.unresolved.push({ line: lineOf(text, found.offset), setter });
            return;
        }
        const old = String(node.value);
        if (old === value)
            return;
        scan.edits.push({ start: node.range[0], end: node.range[1], text: renderScalar(node, value, inFlow, text) });
        scan.changes.push({ object, change: { OldValue: old, NewValue: value, Setter: setter } });
    };
    const visit = (node, object, inFlow, itemFloor) => {
        if ((0,dist/* isMap */.jh)(node)) {
            const flow = inFlow || node.flow === true;
            // kyaml VisitFields looks each key up by name, so a repeated key visits its first value only.
            const seen = new Set();
            for (const pair of node.items) {
                const key = nodeText(pair.key);
                if (seen.has(key))
                    continue;
                seen.add(key);
                if (pair.value)
                    visit(pair.value, object, flow);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const flow = inFlow || node.flow === true;
            let floor = 0;
            for (const item of node.items) {
                visit(item, object, flow, floor);
                floor = item.range[1];
            }
        }
        else if ((0,dist/* isScalar */.jn)(node)) {
            visitScalar(node, object, inFlow, itemFloor);
        }
    };
    for (const root of roots) {
        if ((0,dist/* isMap */.jh)(root))
            visit(root, identify(root), false);
    }
    return scan;
}
/** Applies non-overlapping edits to `text`. */
function splice(text, edits) {
    let out = '';
    let at = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
        out += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return out + text.slice(at);
}
const compareNames = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const isCandidateName = (name) => ['.yaml', '.yml'].includes((0,external_node_path_.extname)(name)) || name === 'Kustomization';
const errorText = (err) => (err instanceof Error ? err.message : String(err));
/**
 * Go `filepath.Walk` as ScreeningLocalReader uses it: lexical order, symlinks not followed, no ignore rules. Paths
 * are relative to the root, or to its directory when the root is a file.
 */
async function listCandidates(root) {
    const top = (0,external_node_path_.resolve)(root);
    let info;
    try {
        info = await (0,promises_.lstat)(top);
    }
    catch (err) {
        throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
    }
    if (!info.isDirectory()) {
        const candidate = { absolute: top, path: (0,external_node_path_.basename)(top), symlink: info.isSymbolicLink() };
        const wanted = isCandidateName(candidate.path) && (info.isFile() || info.isSymbolicLink());
        return { base: (0,external_node_path_.dirname)(top), candidates: wanted ? [candidate] : [] };
    }
    const out = [];
    const walk = async (dir, prefix) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch (err) {
            throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
        }
        entries.sort((a, b) => compareNames(a.name, b.name));
        for (const entry of entries) {
            const absolute = (0,external_node_path_.join)(dir, entry.name);
            const path = prefix + entry.name;
            if (entry.isDirectory())
                await walk(absolute, `${path}/`);
            // A FIFO or device named *.yaml would block or never end; upstream would read it.
            else if (isCandidateName(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
                out.push({ absolute, path, symlink: entry.isSymbolicLink() });
        }
    };
    await walk(top, '');
    return { base: top, candidates: out };
}
/** Reads a candidate; undefined for an unreadable symlink (e.g. dangling), which upstream skips (fix #996). */
async function readCandidate(candidate) {
    try {
        return await (0,promises_.readFile)(candidate.absolute);
    }
    catch (err) {
        if (candidate.symlink)
            return undefined;
        throw new SettersError('READ_FAILED', `reading YAML file: ${errorText(err)}`);
    }
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const readBatch = 32;
/**
 * Applies the policies' setter markers under `root`, editing only the changed scalars. Throws SettersError for an
 * invalid full image reference, an unreadable root or directory, or an unreadable regular file, before writing anything.
 */
async function applySetters(options) {
    const setters = setterValues(options.policies);
    const { base, candidates } = await listCandidates(options.root);
    const outcome = { result: { fileChanges: new Map() }, files: [], problems: [], unresolved: [] };
    for (let i = 0; i < candidates.length; i += readBatch) {
        const batch = candidates.slice(i, i + readBatch);
        const contents = await Promise.all(batch.map(readCandidate));
        batch.forEach((candidate, j) => {
            const bytes = contents[j];
            if (!bytes?.includes(markerTokenBytes))
                return;
            let text;
            try {
                text = utf8.decode(bytes);
            }
            catch (err) {
                outcome.problems.push({ path: candidate.path, message: errorText(err) });
                return;
            }
            const scan = scanText(text, setters);
            if (scan.problem !== undefined) {
                outcome.problems.push({ path: candidate.path, message: scan.problem });
                return;
            }
            outcome.unresolved.push(...scan.unresolved.map((u) => ({ path: candidate.path, ...u })));
            if (!scan.edits.length)
                return;
            // Go keys changes by object identifier, so objects met twice in a file share one entry.
            const objects = new Map();
            for (const { object, change } of scan.changes) {
                const key = (0,result/* objectKey */.T5)(object);
                const entry = objects.get(key) ?? { object, changes: [] };
                entry.changes.push(change);
                objects.set(key, entry);
            }
            outcome.result.fileChanges.set(candidate.path, [...objects.values()]);
            outcome.files.push({ path: candidate.path, before: text, after: splice(text, scan.edits) });
        });
    }
    const write = options.write ?? 'in-place';
    if (write !== false) {
        for (const file of outcome.files) {
            const target = write === 'in-place' ? (0,external_node_path_.join)(base, file.path) : (0,external_node_path_.join)(write.outDir, file.path);
            if (write !== 'in-place')
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,promises_.writeFile)(target, file.after);
        }
    }
    return outcome;
}
/**
 * cyphar/filepath-securejoin `SecureJoin`: joins `unsafePath` to `root` resolving symlinks as if `root` were the
 * filesystem root, so neither `..` nor a symlink leads outside it. Missing components are joined lexically.
 */
async function secureJoin(root, unsafePath) {
    let current = [];
    let remaining = unsafePath;
    let links = 0;
    while (remaining !== '') {
        const slash = remaining.indexOf('/');
        const part = slash < 0 ? remaining : remaining.slice(0, slash);
        remaining = slash < 0 ? '' : remaining.slice(slash + 1);
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            current.pop();
            continue;
        }
        const next = [...current, part];
        const full = (0,external_node_path_.join)(root, ...next);
        let info;
        try {
            info = await (0,promises_.lstat)(full);
        }
        catch (err) {
            const code = err.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw err;
        }
        if (!info?.isSymbolicLink()) {
            current = next;
            continue;
        }
        if (++links > 255)
            throw new SettersError('SYMLINK_LOOP', `SecureJoin ${(0,external_node_path_.join)(root, unsafePath)}: too many levels of symbolic links`);
        const target = await (0,promises_.readlink)(full);
        remaining = `${target}/${remaining}`;
        // An absolute link is relative to the root.
        if ((0,external_node_path_.isAbsolute)(target))
            current = [];
    }
    return (0,external_node_path_.join)(root, ...current);
}
/**
 * image-automation-controller `policy.ApplyPolicies`: checks the update strategy, resolves `update.path` inside
 * `workDir` (SecureJoin), and applies the setters there in place (or as `write` says).
 */
async function applyPolicies(options) {
    const { update } = options;
    if (!update)
        throw new SettersError('NO_STRATEGY', 'no update strategy');
    if (update.strategy !== 'Setters')
        throw new SettersError('UNSUPPORTED_STRATEGY', `unsupported update strategy: ${update.strategy}`);
    let root = options.workDir;
    if (update.path) {
        try {
            root = await secureJoin(options.workDir, update.path);
        }
        catch (err) {
            throw new SettersError('SECURE_JOIN_FAILED', `failed to secure join manifest path: ${errorText(err)}`);
        }
    }
    return applySetters({ root, policies: options.policies, write: options.write });
}


/***/ })

};

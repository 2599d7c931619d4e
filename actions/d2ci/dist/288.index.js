export const id = 288;
export const ids = [288];
export const modules = {

/***/ 80288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __webpack_require__(42328);
// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/oci/copy.ts + 1 modules
var copy = __webpack_require__(21610);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/artifact/build.ts + 1 modules
var artifact_build = __webpack_require__(58712);
// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __webpack_require__(18359);
// EXTERNAL MODULE: ../../packages/core/src/artifact/push.ts + 1 modules
var push = __webpack_require__(2782);
// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts
var sign = __webpack_require__(4756);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 2 modules
var verify = __webpack_require__(26728);
// EXTERNAL MODULE: ../../packages/core/src/release/tag.ts
var tag = __webpack_require__(39929);
;// CONCATENATED MODULE: ../../packages/core/src/release/release.ts









const stableTag = 'latest-stable';
/** A release that must not happen; nothing was moved, signed or pushed. */
class ReleaseRefused extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseRefused';
    }
}
/** The commit SHA an artifact's revision names (`<ref>@sha1:<sha>`, or a bare SHA). */
function revisionCommit(revision) {
    return /(?:^|@sha1:|@sha256:)([0-9a-f]{40}|[0-9a-f]{64})$/.exec(revision ?? '')?.[1];
}
function annotationsOf(fetched) {
    return (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
}
function layerOf(fetched) {
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType);
    return (0,descriptor/* isIndex */.nw)(manifest) ? undefined : manifest.layers[0];
}
const referrersIndexTag = /^sha(?:256|512)-[a-f0-9]{64,128}$/;
/**
 * The artifact the push workflow published for a commit. A revision naming the commit wins (it is an explicit
 * claim), looked for on `latest` first and then on the other tags; failing that, identical content to the tagged
 * tree (the push skips unchanged components, so `latest` may carry an older commit's revision).
 */
async function findPublished(options) {
    const commit = options.commit?.toLowerCase();
    const localLayer = options.path ? (0,artifact_build/* hashLayer */.UG)({ path: options.path, ...options.walk }) : undefined;
    localLayer?.catch(() => undefined);
    const namesCommit = (fetched) => Boolean(fetched && commit && revisionCommit(annotationsOf(fetched)[flux/* Annotation */.YH.revision]) === commit);
    const sameContent = async (fetched) => {
        const layer = fetched && layerOf(fetched);
        const local = localLayer ? await localLayer : undefined;
        return Boolean(local && layer && layer.digest === local.digest && layer.size === local.size);
    };
    const latest = await (0,push/* fetchIfExists */._)(options.target, 'latest');
    if (namesCommit(latest))
        return { fetched: latest, how: `latest names commit ${commit?.slice(0, 12)}` };
    const tags = (await options.target.tags()).filter((t) => t !== 'latest' && t !== stableTag && !referrersIndexTag.test(t) && !flux/* cosignTagSuffixes */.rE.some((s) => t.endsWith(s))).reverse();
    const manifests = await (0,concurrency/* mapLimit */.s)(tags, 8, (tag) => (0,push/* fetchIfExists */._)(options.target, tag));
    for (const [i, fetched] of manifests.entries()) {
        if (namesCommit(fetched))
            return { fetched, how: `${tags[i]} names commit ${commit?.slice(0, 12)}` };
    }
    if (latest && (await sameContent(latest)))
        return { fetched: latest, how: "latest has the tagged tree's exact content" };
    for (const [i, fetched] of manifests.entries()) {
        if (fetched && (await sameContent(fetched)))
            return { fetched, how: `${tags[i]} has the tagged tree's exact content` };
    }
    const what = [commit ? `a revision naming commit ${commit.slice(0, 12)}` : '', localLayer ? "the tagged tree's content" : ''].filter(Boolean).join(' or ');
    throw new ReleaseRefused(`no artifact in ${options.target.name} has ${what || 'anything to match (give the commit or the path)'} (looked at latest and ${tags.length} other tag(s)); run the push workflow for this commit first, or release with mode: build`);
}
/** The highest version tag pointing at a digest (what `latest-stable` "holds"), if any. */
async function versionAt(target, digest) {
    const versions = (await target.tags()).filter(tag/* isVersionTag */.JM).sort((a, b) => (0,tag/* compareVersions */.Zy)(b, a));
    for (const version of versions) {
        if ((await (0,copy/* currentDigest */.kE)(target, version)) === digest)
            return version;
    }
    return undefined;
}
/** Refuses to move latest-stable below what it holds, unless allowed. */
async function checkDowngrade(target, version, stable, allow) {
    if (!stable)
        return undefined;
    const held = await versionAt(target, stable);
    if (held && (0,tag/* compareVersions */.Zy)(version, held) < 0) {
        if (!allow)
            throw new ReleaseRefused(`${stableTag} holds ${held}, which is newer than ${version}; refusing to move it back (set allow-downgrade, or roll back with rollback-to)`);
        return `${stableTag} moved back from ${held} (allow-downgrade)`;
    }
    return undefined;
}
/**
 * Releases a version. `promote` finds the artifact staging ran for the tagged commit, checks its staging
 * signature, signs it again with the release identity, then tags `vX.Y.Z` and moves `latest-stable` — the same
 * bytes, no upload. `build` packs and pushes (signed before tagging) as the D2 release workflows do. Both refuse,
 * moving nothing, to overwrite a version that points elsewhere or to move `latest-stable` backwards; re-running
 * a finished release changes nothing. Prereleases get their version tag but leave `latest-stable` alone.
 */
async function releaseArtifact(options) {
    const { target, release } = options;
    const [existing, stable] = await Promise.all([(0,push/* fetchIfExists */._)(target, release.version), (0,copy/* currentDigest */.kE)(target, stableTag)]);
    const notes = [];
    const moveStable = !release.prerelease;
    if (release.prerelease)
        notes.push(`${release.version} is a prerelease: ${stableTag} stays where it is`);
    const base = { version: release.version, ...(release.component ? { component: release.component } : {}), ...(stable ? { previousDigest: stable } : {}) };
    let artifact;
    let action;
    if (options.mode === 'promote') {
        const found = await findPublished(options);
        notes.push(`found: ${found.how}`);
        artifact = found.fetched;
        action = 'promoted';
    }
    else {
        action = 'built';
    }
    if (existing) {
        const same = artifact ? existing.descriptor.digest === artifact.descriptor.digest : options.mode === 'build' && (await (0,artifact_build/* hashLayer */.UG)({ path: options.path, ...options.walk })).digest === layerOf(existing)?.digest;
        if (!same)
            throw new ReleaseRefused(`${release.version} already points at ${existing.descriptor.digest}${artifact ? `, not at ${artifact.descriptor.digest} (the artifact for this commit)` : ', whose content differs from this tree'}; refusing to overwrite a release`);
        // A finished (or half-finished) earlier run: make sure latest-stable is right, change nothing else.
        const tags = [{ tag: release.version, changed: false }];
        if (moveStable) {
            const note = await checkDowngrade(target, release.version, stable, options.allowDowngrade ?? false);
            if (note)
                notes.push(note);
            tags.push(await (0,copy/* applyTag */.TL)(target, existing, stableTag, { lookFirst: true }));
        }
        notes.push(`${release.version} was already released`);
        return { ...base, action: tags.some((t) => t.changed) ? action : 'unchanged', descriptor: existing.descriptor, tags, notes };
    }
    if (moveStable) {
        const note = await checkDowngrade(target, release.version, stable, options.allowDowngrade ?? false);
        if (note)
            notes.push(note);
    }
    const tags = [release.version, ...(moveStable ? [stableTag] : [])];
    if (options.mode === 'promote' && artifact) {
        const checked = await (0,verify/* verifyArtifact */.oc)({ target, reference: artifact.descriptor.digest, verification: options.verification });
        if (!checked.verified)
            throw new ReleaseRefused(`the staging artifact ${artifact.descriptor.digest} is not verified, so it is not promoted: ${checked.reasons.join('; ')}`);
        notes.push(`staging signature verified: ${checked.identity}`);
        const signature = options.signing ? await (0,sign/* signArtifact */.oc)(target, artifact.descriptor, { ...options.signing, repository: target.name }) : undefined;
        const results = [];
        for (const tag of tags)
            results.push(await (0,copy/* applyTag */.TL)(target, artifact, tag, { lookFirst: true }));
        return { ...base, action, descriptor: artifact.descriptor, tags: results, ...(signature ? { signature } : {}), notes };
    }
    const build = options;
    const buildSigning = build.signing;
    let signature;
    const pushed = await (0,push/* pushArtifact */.X)({
        ...build.walk,
        path: build.path,
        target,
        tags,
        source: build.source,
        revision: build.revision,
        created: build.created,
        reproducible: build.reproducible,
        annotations: build.annotations,
        beforeTag: buildSigning
            ? async (descriptor) => {
                signature = await (0,sign/* signArtifact */.oc)(target, descriptor, { ...buildSigning, repository: target.name });
            }
            : undefined,
    });
    return { ...base, action, descriptor: pushed.descriptor, tags: pushed.tags, ...(signature ? { signature } : {}), notes };
}
/** Points `latest-stable` back at an earlier release, after verifying that release's signature. */
async function rollbackRelease(options) {
    const { target, version } = options;
    const [fetched, stable] = await Promise.all([(0,push/* fetchIfExists */._)(target, version), (0,copy/* currentDigest */.kE)(target, stableTag)]);
    if (!fetched)
        throw new ReleaseRefused(`cannot roll back to ${version}: no such tag in ${target.name}`);
    const checked = await (0,verify/* verifyArtifact */.oc)({ target, reference: fetched.descriptor.digest, verification: options.verification });
    if (!checked.verified)
        throw new ReleaseRefused(`${version} (${fetched.descriptor.digest}) is not verified, so ${stableTag} does not move to it: ${checked.reasons.join('; ')}`);
    const tag = await (0,copy/* applyTag */.TL)(target, fetched, stableTag, { lookFirst: true });
    return {
        action: tag.changed ? 'rolled back' : 'unchanged',
        version,
        descriptor: fetched.descriptor,
        ...(stable ? { previousDigest: stable } : {}),
        tags: [tag],
        notes: [`${version} verified: ${checked.identity}`],
    };
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __webpack_require__(71737);
// EXTERNAL MODULE: ../../packages/core/src/auth/hints.ts
var hints = __webpack_require__(8012);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 23 modules
var src = __webpack_require__(31564);
;// CONCATENATED MODULE: ../release-artifact/src/main.ts


/** `<repository>/<component>` for component releases, as the D2 component repositories publish them. */
function componentLocation(base, component) {
    return component ? (0,oci_open/* childLocation */.ME)(base, component) : base;
}
async function run(inputs) {
    const plan = inputs.plan;
    const location = componentLocation(inputs.base, plan.release.component);
    const { client, credentials } = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, location);
    const target = (0,oci_open/* openTarget */.Ap)(location, client);
    const name = (0,oci_open/* locationName */.zb)(location);
    let result;
    try {
        if (plan.kind === 'rollback') {
            result = await rollbackRelease({ target, version: plan.release.version, verification: plan.verification });
        }
        else if (plan.kind === 'promote') {
            result = await releaseArtifact({ mode: 'promote', target, release: plan.release, commit: inputs.commit, path: plan.path, verification: plan.verification, signing: inputs.signing, allowDowngrade: inputs.allowDowngrade });
        }
        else {
            result = await releaseArtifact({ mode: 'build', target, release: plan.release, path: plan.path, source: inputs.source, revision: inputs.revision, signing: inputs.signing, allowDowngrade: inputs.allowDowngrade });
        }
    }
    catch (err) {
        if (err instanceof ReleaseRefused)
            throw new Error(`${err.message} (nothing was moved)`);
        if (err instanceof walk/* ArtifactPathError */.uR)
            throw new src/* InputError */.dz('path', `${err.message}; check \`path\``);
        if (err instanceof errors/* OciError */.Mf && err.code === 'NETWORK' && (0,http/* networkErrorCode */.a0)(err.cause) === 'ENOTFOUND')
            throw new src/* InputError */.dz('repository', err.message);
        if (location.kind === 'registry') {
            const { registry, repository } = location.reference;
            throw (0,hints/* withAuthHint */.s)(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
        }
        throw err;
    }
    const digest = result.descriptor.digest;
    for (const note of result.notes)
        src/* runner.info */.lj.info(note);
    const verb = { promoted: 'Promoted', built: 'Built', 'rolled back': 'Rolled back', unchanged: 'Already released' }[result.action];
    src/* runner.info */.lj.info(`${verb}: ${name}:${result.version} → ${digest}`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    src/* runner.setOutput */.lj.setOutput('version', result.version);
    src/* runner.setOutput */.lj.setOutput('component', result.component ?? plan.release.component ?? '');
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('previous-digest', result.previousDigest ?? '');
    src/* runner.setOutput */.lj.setOutput('action', result.action);
    src/* runner.setOutput */.lj.setOutput('signature-ref', result.signature?.signatureRef ?? '');
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact release',
        '',
        '| Artifact | Version | Action | Digest | latest-stable before | Signed by |',
        '|---|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(name)} | ${(0,src/* cell */.Hn)(result.version)} | ${result.action} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${result.previousDigest ? `\`${(0,src/* shortDigest */.VK)(result.previousDigest)}\`` : '—'} | ${(0,src/* cell */.Hn)(result.signature?.identity ?? '—')} |`,
        '',
        ...result.notes.map((n) => `- ${(0,src/* cell */.Hn)(n)}`),
    ].join('\n'));
}


/***/ }),

/***/ 92998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uR: () => (/* binding */ ArtifactPathError),
  Y1: () => (/* binding */ walkEntries)
});

// UNUSED EXPORTS: walkTree

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/node_modules/ignore/index.js
var ignore = __webpack_require__(65404);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/ignore.ts



/**
 * What `flux push/build/diff artifact` leave out by default (flux2 build_artifact.go `excludeOCI` =
 * fluxcd/pkg sourceignore ExcludeVCS + ExcludeExt).
 */
const fluxDefaultIgnore = [
    '.git/', '.gitignore', '.gitmodules', '.gitattributes',
    '*.jpg', '*.jpeg', '*.gif', '*.png', '*.wmv', '*.flv', '*.tar.gz', '*.zip',
];
/**
 * Gitignore-syntax matching over the artifact tree (via the `ignore` package). Patterns from a `.sourceignore`
 * apply below its directory; deeper files override shallower ones, like nested .gitignore files.
 */
class IgnoreRules {
    #scopes;
    #sourceIgnore;
    constructor(options = {}) {
        const patterns = [...(options.ignorePaths ?? fluxDefaultIgnore), ...(options.addIgnorePaths ?? [])].map((p) => p.trim()).filter(Boolean);
        this.#scopes = [{ base: '', rules: ignore_default()().add(patterns) }];
        this.#sourceIgnore = options.sourceIgnore ?? false;
    }
    /** Reads `<dir>/.sourceignore` when enabled; call before walking the directory's children. */
    enterSync(absoluteDir, relativeDir) {
        if (!this.#sourceIgnore)
            return;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(absoluteDir, '.sourceignore'), 'utf8');
        }
        catch {
            return;
        }
        this.#scopes.push({ base: relativeDir === '.' ? '' : relativeDir, rules: ignore_default()().add(text) });
    }
    /** Whether a path (relative, with `/`) is excluded. */
    ignores(relativePath, isDirectory) {
        let ignored = false;
        for (const scope of this.#scopes) {
            if (scope.base && !relativePath.startsWith(`${scope.base}/`))
                continue;
            const local = scope.base ? relativePath.slice(scope.base.length + 1) : relativePath;
            const result = scope.rules.test(isDirectory ? `${local}/` : local);
            if (result.ignored)
                ignored = true;
            else if (result.unignored)
                ignored = false;
        }
        return ignored;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/walk.ts




class ArtifactPathError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactPathError';
    }
}
const dirMode = 0o755;
const fileMode = (mode) => (mode & 0o111 ? 0o755 : 0o644);
/**
 * Lists what goes into an artifact, in Flux's order: a depth-first walk with each directory's names sorted
 * byte-wise, the root first as `.`. Ignored paths, symlinks (unless resolved) and special files are left out.
 * A single file becomes `.` plus that file, as in Flux 2.9.
 */
async function walkTree(root, options = {}) {
    return [...walkEntries(root, options)];
}
/**
 * The same walk, one entry at a time, so packing can start (and zlib compress) while the tree is still being
 * listed. Synchronous on purpose: listing is metadata work, and sync calls list 5,000 files in ~35 ms where one
 * thread-pool round trip per lstat took ~150 ms.
 */
function* walkEntries(root, options = {}) {
    let info;
    try {
        info = (0,external_node_fs_.statSync)(root);
    }
    catch (err) {
        const code = err.code;
        throw new ArtifactPathError(code === 'ENOENT' ? `path "${root}" does not exist` : `cannot read path "${root}": ${err.message}`);
    }
    yield { name: '.', type: 'directory', mode: dirMode, size: 0, source: root };
    if (info.isFile()) {
        yield { name: (0,external_node_path_.basename)(root), type: 'file', mode: fileMode(info.mode), size: info.size, source: root };
        return;
    }
    if (!info.isDirectory())
        throw new ArtifactPathError(`path "${root}" is neither a file nor a directory`);
    const rules = new IgnoreRules(options);
    const rootReal = (0,external_node_fs_.realpathSync)(root);
    function* visit(dir, name, ancestors) {
        rules.enterSync(dir, name);
        const children = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name));
        for (const child of children) {
            const path = (0,external_node_path_.join)(dir, child.name);
            const childName = name === '.' ? child.name : `${name}/${child.name}`;
            let source = path;
            let kind = child.isFile() ? 'file' : child.isDirectory() ? 'directory' : undefined;
            if (child.isSymbolicLink()) {
                if (!options.resolveSymlinks)
                    continue;
                let target;
                try {
                    target = (0,external_node_fs_.realpathSync)(path);
                }
                catch {
                    throw new ArtifactPathError(`symlink "${childName}" is broken`);
                }
                if (target !== rootReal && !target.startsWith(rootReal + external_node_path_.sep)) {
                    throw new ArtifactPathError(`symlink "${childName}" points outside the artifact root (to ${(0,external_node_path_.relative)(rootReal, target)})`);
                }
                const targetInfo = (0,external_node_fs_.statSync)(target);
                kind = targetInfo.isFile() ? 'file' : targetInfo.isDirectory() ? 'directory' : undefined;
                source = target;
            }
            if (kind === 'directory') {
                if (rules.ignores(childName, true))
                    continue;
                const real = (0,external_node_fs_.realpathSync)(source);
                if (ancestors.has(real))
                    continue; // a symlink loop back into an ancestor
                yield { name: childName, type: 'directory', mode: dirMode, size: 0, source };
                yield* visit(source, childName, new Set([...ancestors, real]));
            }
            else if (kind === 'file') {
                if (rules.ignores(childName, false))
                    continue;
                const info = (0,external_node_fs_.statSync)(source);
                yield { name: childName, type: 'file', mode: fileMode(info.mode), size: info.size, source };
            }
        }
    }
    yield* visit(root, '.', new Set([rootReal]));
}


/***/ }),

/***/ 39929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ ReleaseTagError),
/* harmony export */   JM: () => (/* binding */ isVersionTag),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   rE: () => (/* binding */ parseReleaseTag),
/* harmony export */   yW: () => (/* binding */ parseRollbackTag)
/* harmony export */ });
/* unused harmony export defaultReleaseTagPattern */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90084);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48936);


/** `vX.Y.Z` or `<component>/vX.Y.Z`; named groups `component` (optional) and `version`. */
const defaultReleaseTagPattern = '^(?:(?<component>[a-z0-9]+(?:[._-][a-z0-9]+)*)/)?(?<version>v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$';
class ReleaseTagError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReleaseTagError';
    }
}
/**
 * Parses a release tag against a pattern with a `version` group (and optionally `component`). The version must
 * be a valid semantic version with its `v` prefix, usable as an OCI tag.
 */
function parseReleaseTag(ref, pattern = defaultReleaseTagPattern) {
    const name = ref.replace(/^refs\/tags\//, '');
    let regexp;
    try {
        regexp = new RegExp(pattern);
    }
    catch (err) {
        throw new ReleaseTagError(`tag pattern "${pattern}" is not a regular expression: ${err.message}`);
    }
    if (!pattern.includes('(?<version>'))
        throw new ReleaseTagError(`tag pattern "${pattern}" needs a (?<version>…) group`);
    const match = regexp.exec(name);
    const version = match?.groups?.version;
    if (!match || !version) {
        throw new ReleaseTagError(`release tag "${name}" is not a release: expected vX.Y.Z (fleet repositories) or <component>/vX.Y.Z (component repositories)${pattern === defaultReleaseTagPattern ? '' : `, matching ${pattern}`}`);
    }
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(version.replace(/^v/, ''));
    if (!parsed || !/^v?[0-9]/.test(version))
        throw new ReleaseTagError(`"${version}" in release tag "${name}" is not a semantic version (vMAJOR.MINOR.PATCH)`);
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(version))
        throw new ReleaseTagError(`"${version}" cannot be an OCI tag (build metadata "+…" is not allowed in tags)`);
    const release = { ref: name, version, prerelease: parsed.prerelease.length > 0 };
    const component = match.groups?.component;
    if (component)
        release.component = component;
    return release;
}
/** Semver order of two version tags (with or without `v`). */
function compareVersions(a, b) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().compare(a.replace(/^v/, ''), b.replace(/^v/, ''));
}
function isVersionTag(tag) {
    return /^v[0-9]/.test(tag) && semver__WEBPACK_IMPORTED_MODULE_0___default().valid(tag.replace(/^v/, '')) !== null;
}
/**
 * What a rollback names: a release tag as the pattern parses it (`frontend/v1.2.3` → component `frontend`), or a
 * bare version `v1.2.3` even when the pattern wants a component.
 */
function parseRollbackTag(value, pattern = defaultReleaseTagPattern) {
    try {
        return parseReleaseTag(value, pattern);
    }
    catch (err) {
        if (!(err instanceof ReleaseTagError) || !isVersionTag(value))
            throw err;
        return { ref: value, version: value, prerelease: semver__WEBPACK_IMPORTED_MODULE_0___default().prerelease(value.replace(/^v/, '')) !== null };
    }
}


/***/ }),

/***/ 26728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sL: () => (/* binding */ annotationMismatches),
  $7: () => (/* binding */ artifactOrigin),
  oc: () => (/* binding */ verifyArtifact),
  oP: () => (/* binding */ verifyFormats)
});

// UNUSED EXPORTS: bundleStatement

// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __webpack_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __webpack_require__(48706);
// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __webpack_require__(18359);
// EXTERNAL MODULE: ../../packages/core/src/sign/legacy.ts
var legacy = __webpack_require__(41914);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(48341);
// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts + 4 modules
var keys = __webpack_require__(86666);
// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var payload = __webpack_require__(38419);
;// CONCATENATED MODULE: ../../packages/core/src/verify/certificate.ts
// Fulcio's certificate extensions (github.com/sigstore/fulcio docs/oid-info.md).
const sourceRepositoryUri = '1.3.6.1.4.1.57264.1.12';
const githubWorkflowRepository = '1.3.6.1.4.1.57264.1.5';
/** A Fulcio extension's value: DER UTF8String in the current OIDs, raw bytes in the deprecated ones. */
function extensionText(certificate, oid, der) {
    const extension = certificate.extension(oid);
    if (!extension)
        return undefined;
    return (der ? extension.valueObj.subs[0]?.value : extension.value)?.toString('utf8');
}
/** `owner/repo` of the GitHub run that signed, from the Source Repository URI (or the deprecated repository OID). */
function certificateSourceRepository(certificate) {
    const uri = extensionText(certificate, sourceRepositoryUri, true);
    if (uri && URL.canParse(uri))
        return new URL(uri).pathname.replace(/^\/|\/$/g, '');
    return extensionText(certificate, githubWorkflowRepository, false);
}
/** The signing (leaf) certificate of a keyless bundle. */
async function leafCertificate(bundle) {
    const content = bundle.verificationMaterial.content;
    const der = content.$case === 'x509CertificateChain' ? content.x509CertificateChain.certificates[0]?.rawBytes : content.$case === 'certificate' ? content.certificate.rawBytes : undefined;
    if (!der)
        return undefined;
    const { X509Certificate } = await __webpack_require__.e(/* import() */ 137).then(__webpack_require__.t.bind(__webpack_require__, 25137, 23));
    return X509Certificate.parse(Buffer.from(der));
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/signatures.ts






const fail = (reason) => ({ ok: false, reason });
/** A verification error's message without @sigstore's class prefix. */
function why(err) {
    const code = err.code;
    let message = (err.message ?? String(err)).replace(/\s*\n\s*/g, ' ');
    const cause = err.cause?.message;
    if (cause && !message.includes(cause))
        message = `${message} (${cause})`;
    return code && !message.includes(code) ? `${code}: ${message}` : message;
}
async function sigstoreVerify(bundle, artifact, verification) {
    const { Verifier, toSignedEntity, toTrustMaterial } = await Promise.all(/* import() */[__webpack_require__.e(773), __webpack_require__.e(137), __webpack_require__.e(575)]).then(__webpack_require__.bind(__webpack_require__, 93575));
    if (verification.kind === 'key') {
        const { TrustedRoot } = await __webpack_require__.e(/* import() */ 773).then(__webpack_require__.t.bind(__webpack_require__, 17154, 23));
        const empty = TrustedRoot.fromJSON({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] });
        let last = 'no keys given';
        for (const key of verification.keys) {
            try {
                const material = toTrustMaterial(empty, () => ({ publicKey: key, validFor: () => true }));
                new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle, artifact));
                return { ok: true, identity: `key:${(0,keys.keyId)(key)}` };
            }
            catch (err) {
                last = why(err);
            }
        }
        return fail(`no given key verifies it (${last})`);
    }
    // Checked first: @sigstore/verify would only say "expected 1 timestamps, got 0".
    if (bundle.verificationMaterial.tlogEntries.length === 0)
        return fail('the signature was not logged in a transparency log (no Rekor entry), which cosign and Flux require');
    let signer;
    try {
        signer = new Verifier(toTrustMaterial(verification.trustedRoot), { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(toSignedEntity(bundle, artifact));
    }
    catch (err) {
        return fail(why(err));
    }
    const identity = signer.identity?.subjectAlternativeName;
    const issuer = signer.identity?.extensions?.issuer;
    const leaf = await leafCertificate(bundle);
    const sourceRepository = leaf && certificateSourceRepository(leaf);
    const mismatch = verification.policy.mismatch({ identity, issuer, sourceRepository });
    return mismatch ? fail(mismatch) : { ok: true, identity: identity ?? '', issuer, ...(sourceRepository ? { sourceRepository } : {}) };
}
/** The claims in a simple-signing payload must name exactly this manifest (cosign SimpleClaimVerifier). */
function checkSimpleSigningClaim(payload, digest) {
    let claim;
    try {
        claim = JSON.parse(payload.toString('utf8'));
    }
    catch {
        return 'the signed payload is not JSON';
    }
    if (claim.critical?.type !== 'cosign container image signature')
        return `the signed payload has type "${claim.critical?.type}", not a cosign image signature`;
    const claimed = claim.critical.image?.['docker-manifest-digest'];
    if (claimed !== digest)
        return `the signature is for ${claimed ?? '(no digest)'}, not ${digest}`;
    return undefined;
}
function pemBlocks(pem) {
    return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
}
/**
 * Verifies one cosign legacy signature (a `.sig` layer: payload + annotations) as cosign's VerifyBundle and
 * verifyInternal do: certificate chain, SCT, the Rekor SET over the entry, certificate valid at the entry's
 * integrated time, the entry's signature, digest and public key matching the annotations, the signature over the
 * payload, the identity policy, and the payload naming this exact digest.
 */
async function verifyLegacySignature(payload, annotations, digest, verification) {
    const claimProblem = checkSimpleSigningClaim(payload, digest);
    const signatureB64 = annotations[legacy/* CosignAnnotation */.lr.signature];
    if (!signatureB64)
        return fail('the signature layer has no dev.cosignproject.cosign/signature annotation');
    const signature = Buffer.from(signatureB64, 'base64');
    if (verification.kind === 'key') {
        for (const key of verification.keys) {
            if ((0,external_node_crypto_.verify)('sha256', payload, key, signature))
                return claimProblem ? fail(claimProblem) : { ok: true, identity: `key:${(0,keys.keyId)(key)}` };
        }
        return fail('the signature does not verify with any given key');
    }
    const certificates = pemBlocks(annotations[legacy/* CosignAnnotation */.lr.certificate] ?? '');
    const leaf = certificates[0];
    if (!leaf)
        return fail('the signature carries no certificate (signed with a key? verify with key)');
    const rekorJson = annotations[legacy/* CosignAnnotation */.lr.bundle];
    if (!rekorJson)
        return fail('the signature has no Rekor bundle annotation (it was not logged in a transparency log)');
    let rekor;
    try {
        rekor = JSON.parse(rekorJson);
    }
    catch {
        return fail('the Rekor bundle annotation is not JSON');
    }
    if (typeof rekor?.SignedEntryTimestamp !== 'string' || typeof rekor.Payload?.body !== 'string')
        return fail('the Rekor bundle annotation is not a cosign Rekor bundle');
    const body = Buffer.from(rekor.Payload.body, 'base64');
    let entry;
    try {
        entry = JSON.parse(body.toString('utf8'));
    }
    catch {
        return fail('the Rekor entry body is not JSON');
    }
    // cosign's bundleHash check, first for a clearer reason than the generic body mismatch below.
    const loggedHash = entry.spec?.data?.hash?.value;
    if (loggedHash !== undefined && loggedHash !== (0,external_node_crypto_.createHash)('sha256').update(payload).digest('hex'))
        return fail('the payload is not what was signed and logged in Rekor (tampered payload?)');
    // cosign comparePublicKey: the logged key must be this certificate (@sigstore/verify checks signature and digest).
    const logged = pemBlocks(Buffer.from(entry.spec?.signature?.publicKey?.content ?? '', 'base64').toString('utf8'))[0];
    if (!logged || !logged.equals(leaf))
        return fail('the Rekor entry names another certificate than the signature');
    const { HashAlgorithm } = await __webpack_require__.e(/* import() */ 773).then(__webpack_require__.t.bind(__webpack_require__, 17154, 23));
    let timestamp;
    try {
        const json = annotations[legacy/* CosignAnnotation */.lr.timestamp];
        timestamp = json === undefined ? undefined : JSON.parse(json).SignedRFC3161Timestamp;
    }
    catch {
        return fail('the RFC 3161 timestamp annotation is not JSON');
    }
    const bundle = {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: {
            content: { $case: 'x509CertificateChain', x509CertificateChain: { certificates: certificates.map((rawBytes) => ({ rawBytes })) } },
            tlogEntries: [
                {
                    logIndex: String(rekor.Payload.logIndex),
                    logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex') },
                    kindVersion: { kind: entry.kind ?? '', version: entry.apiVersion ?? '' },
                    integratedTime: String(rekor.Payload.integratedTime),
                    inclusionPromise: { signedEntryTimestamp: Buffer.from(rekor.SignedEntryTimestamp, 'base64') },
                    canonicalizedBody: body,
                },
            ],
            timestampVerificationData: { rfc3161Timestamps: timestamp ? [{ signedTimestamp: Buffer.from(timestamp, 'base64') }] : [] },
        },
        content: { $case: 'messageSignature', messageSignature: { messageDigest: { algorithm: HashAlgorithm.SHA2_256, digest: (0,external_node_crypto_.createHash)('sha256').update(payload).digest() }, signature } },
    };
    const checked = await sigstoreVerify(bundle, payload, verification);
    if (!checked.ok)
        return checked;
    return claimProblem ? fail(claimProblem) : checked;
}
/**
 * Verifies one Sigstore bundle referrer as cosign v3 (and Flux 2.8+) do: a DSSE envelope holding an in-toto
 * statement whose subject is this digest, signed, logged and matching the policy.
 */
async function verifyBundleSignature(json, digest, verification) {
    const { bundleFromJSON } = await Promise.all(/* import() */[__webpack_require__.e(773), __webpack_require__.e(743)]).then(__webpack_require__.bind(__webpack_require__, 36124));
    let bundle;
    try {
        bundle = bundleFromJSON(json);
    }
    catch (err) {
        return fail(`not a valid Sigstore bundle: ${why(err)}`);
    }
    if (bundle.content.$case !== 'dsseEnvelope')
        return fail('the bundle does not contain a DSSE envelope');
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== payload/* inTotoPayloadType */.OY)
        return fail(`the DSSE payload type is ${envelope.payloadType}, not an in-toto statement`);
    let statement;
    try {
        statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
    }
    catch {
        return fail('the in-toto statement is not JSON');
    }
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
    if (!statement.subject?.some((s) => s.digest?.[algorithm] === hex))
        return fail(`the statement's subject is not ${digest} (a signature copied from another artifact?)`);
    // Like Flux 2.8+, any predicate counts (a provenance bundle from the same identity verifies the artifact too).
    return sigstoreVerify(bundle, undefined, verification);
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/verify.ts






const verifyFormats = ['auto', 'legacy', 'bundle'];
const maxSignatureBytes = 4 * 1024 * 1024;
const bundlePrefix = 'application/vnd.dev.sigstore.bundle';
async function readBlob(target, descriptor) {
    return (0,content/* readAll */.yw)(await target.fetch(descriptor), maxSignatureBytes);
}
async function legacyChecks(target, digest, verification) {
    let signatures;
    try {
        signatures = await target.fetchManifest((0,legacy/* legacySignatureTag */.eG)(digest));
    }
    catch (err) {
        if ((0,errors/* isNotFound */.c4)(err))
            return [];
        throw err;
    }
    const manifest = (0,oci_descriptor/* parseManifest */.Ng)(signatures.bytes, signatures.descriptor.mediaType).manifest;
    const checks = [];
    for (const layer of manifest.layers ?? []) {
        const payload = await readBlob(target, layer);
        checks.push(await verifyLegacySignature(payload, layer.annotations ?? {}, digest, verification));
    }
    return checks;
}
/** The in-toto statement a bundle's DSSE envelope signs (undefined when it holds none). */
function bundleStatement(json) {
    const payload = json?.dsseEnvelope?.payload;
    if (typeof payload !== 'string')
        return undefined;
    try {
        const statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
        if (statement === null || typeof statement !== 'object')
            return undefined;
        return { ...(typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType } : {}), predicate: statement.predicate };
    }
    catch {
        return undefined;
    }
}
async function bundleChecks(target, subject, verification) {
    const referrers = (await target.referrers(subject)).filter((r) => r.artifactType?.startsWith(bundlePrefix));
    const checks = [];
    for (const referrer of referrers) {
        const { bytes } = await target.fetchManifest(referrer.digest);
        const manifest = (0,oci_descriptor/* parseManifest */.Ng)(bytes, referrer.mediaType).manifest;
        const layer = (0,oci_descriptor/* isIndex */.nw)(manifest) ? undefined : manifest.layers[0];
        if (!layer?.mediaType.startsWith(bundlePrefix) || (!(0,oci_descriptor/* isIndex */.nw)(manifest) && manifest.layers.length !== 1))
            continue;
        let json;
        try {
            json = JSON.parse((await readBlob(target, layer)).toString('utf8'));
        }
        catch {
            checks.push({ ok: false, reason: `referrer ${referrer.digest} holds no JSON bundle`, referrer: referrer.digest });
            continue;
        }
        const predicateType = bundleStatement(json)?.predicateType;
        checks.push({ ...(await verifyBundleSignature(json, subject.digest, verification)), referrer: referrer.digest, ...(predicateType ? { predicateType } : {}) });
    }
    return checks;
}
/** Why an artifact's annotations do not match the required patterns: one line per key, none when all match. */
function annotationMismatches(annotations, required = {}) {
    return Object.entries(required).flatMap(([key, pattern]) => {
        const value = annotations[key];
        return value !== undefined && pattern.test(value) ? [] : [`annotation ${key} is ${value === undefined ? 'missing' : `"${value}"`}, expected to match ${pattern.source.replace(/\\\//g, '/')}`];
    });
}
/**
 * Verifies an artifact's signatures as Flux's source-controller and cosign do, for both formats. The reference
 * is resolved to a digest once; signatures are looked up for that digest, so a tag moved meanwhile cannot swap
 * what is verified (Flux ≤ 2.8 resolved twice). Verified when any signature passes.
 */
async function verifyArtifact(options) {
    const fetched = await options.target.fetchManifest(options.reference);
    const descriptor = fetched.descriptor;
    const { manifest } = (0,oci_descriptor/* parseManifest */.Ng)(fetched.bytes, descriptor.mediaType);
    const annotations = manifest.annotations ?? {};
    const result = { verified: false, descriptor, annotations, reasons: [], warnings: [], signaturesChecked: 0, attestations: [] };
    result.reasons.push(...annotationMismatches(annotations, options.annotations));
    const format = options.format ?? 'auto';
    const required = options.requireAttestations ?? [];
    const [allBundles, legacies] = await Promise.all([
        format === 'legacy' && required.length === 0 ? Promise.resolve([]) : bundleChecks(options.target, descriptor, options.verification),
        format === 'bundle' ? Promise.resolve([]) : legacyChecks(options.target, descriptor.digest, options.verification),
    ]);
    const bundles = format === 'legacy' ? [] : allBundles;
    for (const predicateType of required) {
        const ofType = allBundles.filter((c) => c.predicateType === predicateType);
        const good = ofType.find((c) => c.ok);
        if (good) {
            result.attestations.push({ predicateType, verified: true, referrer: good.referrer });
            continue;
        }
        const reason = ofType.length === 0 ? `no ${predicateType} attestation is attached to ${descriptor.digest}` : `no ${predicateType} attestation verifies: ${[...new Set(ofType.map((c) => (c.ok ? '' : c.reason)))].join('; ')}`;
        result.attestations.push({ predicateType, verified: false, reason });
        result.reasons.push(reason);
    }
    result.signaturesChecked = bundles.length + legacies.length;
    const goodBundle = bundles.find((c) => c.ok);
    const goodLegacy = legacies.find((c) => c.ok);
    const good = goodBundle ?? goodLegacy;
    if (bundles.length === 0 && legacies.length === 0) {
        result.reasons.push(`no ${format === 'auto' ? '' : `${format} `}signature found for ${descriptor.digest}`);
    }
    if (!good) {
        // One line per distinct reason, with how many signatures gave it.
        const counts = new Map();
        for (const [kind, check] of [...bundles.map((c) => ['bundle', c]), ...legacies.map((c) => ['legacy', c])]) {
            if (!check.ok)
                counts.set(`${kind} signature: ${check.reason}`, (counts.get(`${kind} signature: ${check.reason}`) ?? 0) + 1);
        }
        for (const [reason, count] of counts)
            result.reasons.push(count > 1 ? `${reason} (${count} signatures)` : reason);
    }
    if (format === 'auto' && bundles.length > 0 && !goodBundle && goodLegacy) {
        result.warnings.push('a Sigstore bundle referrer is attached but does not verify: Flux 2.8+ checks only bundles when any exist, so it would reject this artifact');
    }
    if (format === 'auto' && !goodLegacy && goodBundle) {
        result.warnings.push('only a Sigstore bundle verifies: Flux 2.6 and 2.7 read only legacy .sig signatures and would reject this artifact');
    }
    if (good?.ok && result.reasons.length === 0) {
        result.verified = true;
        result.format = goodBundle ? 'bundle' : 'legacy';
        result.identity = good.identity;
        if (good.issuer !== undefined)
            result.issuer = good.issuer;
        if (good.sourceRepository !== undefined)
            result.sourceRepository = good.sourceRepository;
    }
    return result;
}
/** The source and revision a verified artifact claims (its OCI annotations). */
function artifactOrigin(annotations) {
    return { source: annotations[flux/* Annotation */.YH.source], revision: annotations[flux/* Annotation */.YH.revision] };
}


/***/ })

};

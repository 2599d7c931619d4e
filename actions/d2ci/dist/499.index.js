export const id = 499;
export const ids = [499];
export const modules = {

/***/ 86499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ../../node_modules/semver/index.js
var node_modules_semver = __webpack_require__(90084);
var semver_default = /*#__PURE__*/__webpack_require__.n(node_modules_semver);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __webpack_require__(48936);
// EXTERNAL MODULE: ../../packages/core/src/artifact/tag-guard.ts
var tag_guard = __webpack_require__(84166);
;// CONCATENATED MODULE: ../../packages/core/src/release/tag.ts





/** `vX.Y.Z` or `<component>/vX.Y.Z`; named groups `component` (optional) and `version`. */
const defaultReleaseTagPattern = '^(?:(?<component>[a-z0-9]+(?:[._-][a-z0-9]+)*)/)?(?<version>v[0-9]+\\.[0-9]+\\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$';
/**
 * A release tag or tag pattern that does not parse. Its field is the pattern, or the tag as `ref` (a rollback's
 * target is `rollback-to`); `problem` is the message without the leading "release tag".
 */
class ReleaseTagError extends errors/* BaseError */.Cf {
    constructor(code, message, options) {
        super(code, message, options);
    }
}
const invalidPattern = (message) => new ReleaseTagError('TAG_PATTERN_INVALID', message, { field: 'tag-pattern' });
/** A tag that is not a release. With `named` the message starts "release tag", which `problem` leaves out. */
function invalidTag(problem, named = false) {
    return new ReleaseTagError('RELEASE_TAG_INVALID', named ? `release tag ${problem}` : problem, { field: 'ref', problem });
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
        throw invalidPattern(`tag pattern "${pattern}" is not a regular expression: ${err.message}`);
    }
    if (!pattern.includes('(?<version>'))
        throw invalidPattern(`tag pattern "${pattern}" needs a (?<version>…) group`);
    const match = regexp.exec(name);
    const version = match?.groups?.version;
    if (!match || !version) {
        throw invalidTag(`"${name}" is not a release: expected vX.Y.Z (fleet repositories) or <component>/vX.Y.Z (component repositories)${pattern === defaultReleaseTagPattern ? '' : `, matching ${pattern}`}`, true);
    }
    const parsed = semver_default().parse(version.replace(/^v/, ''));
    if (!parsed || !/^v?[0-9]/.test(version))
        throw invalidTag(`"${version}" in release tag "${name}" is not a semantic version (vMAJOR.MINOR.PATCH)`);
    if (!(0,reference/* isValidTag */.r_)(version))
        throw invalidTag(`"${version}" cannot be an OCI tag (build metadata "+…" is not allowed in tags)`);
    const release = { ref: name, version, prerelease: parsed.prerelease.length > 0 };
    const component = match.groups?.component;
    if (component)
        release.component = component;
    return release;
}
/** Semver order of two version tags (with or without `v`). */
function compareVersions(a, b) {
    return semver_default().compare(a.replace(/^v/, ''), b.replace(/^v/, ''));
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
        if (!(err instanceof ReleaseTagError))
            throw err;
        if (!(0,tag_guard/* isVersionTag */.JM)(value))
            throw err.field === 'ref' ? new ReleaseTagError(err.code, err.message, { field: 'rollback-to', problem: err.problem }) : err;
        return { ref: value, version: value, prerelease: semver_default().prerelease(value.replace(/^v/, '')) !== null };
    }
}

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/oci/concurrency.ts
var concurrency = __webpack_require__(81434);
// EXTERNAL MODULE: ../../packages/core/src/oci/copy.ts
var copy = __webpack_require__(95672);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/artifact/build.ts + 2 modules
var artifact_build = __webpack_require__(89372);
// EXTERNAL MODULE: ../../packages/core/src/artifact/flux.ts
var flux = __webpack_require__(18359);
// EXTERNAL MODULE: ../../packages/core/src/artifact/push.ts
var push = __webpack_require__(42816);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var oci_errors = __webpack_require__(48706);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/list.ts







/** A `semver` or `regex` filter that does not parse; its field says which. */
class ListFilterError extends errors/* BaseError */.Cf {
    constructor(field, message) {
        super('FILTER_INVALID', message, { field });
    }
}
/**
 * Whether an error is about one tag's content (skip it and say so) rather than the registry as a whole (a network
 * failure, a timeout, missing credentials: those stop the listing).
 */
function isContentError(err) {
    if (!(err instanceof oci_errors/* OciError */.Mf))
        return err instanceof Error && !err.code;
    if (err.status === 401 || err.status === 403)
        return false;
    return !['NETWORK', 'TIMEOUT', 'CROSS_ORIGIN', 'INSECURE_REALM', 'INVALID_REALM', 'TOOMANYREQUESTS', 'SERVER_ERROR'].includes(err.code);
}
/** Lists a repository's tags with their digest, source and revision, newest-looking first (as `flux list artifacts`). */
async function listArtifacts(target, options = {}) {
    let range;
    if (options.semver) {
        try {
            range = new semver.Range(options.semver);
        }
        catch {
            throw new ListFilterError('filter-semver', `invalid semver range "${options.semver}"`);
        }
    }
    let pattern;
    if (options.regex) {
        try {
            pattern = new RegExp(options.regex);
        }
        catch (err) {
            throw new ListFilterError('filter-regex', `invalid regular expression "${options.regex}": ${err.message}`);
        }
    }
    const tags = (await target.tags())
        .filter((tag) => options.all || !isSignatureTag(tag))
        .filter((tag) => !range || (semver.valid(tag) !== null && range.test(semver.valid(tag))))
        .filter((tag) => !pattern || pattern.test(tag))
        .sort((a, b) => compareBytes(b, a));
    const listed = await mapLimit(tags, 8, async (tag) => {
        try {
            const { descriptor, bytes } = await target.fetchManifest(tag);
            const annotations = parseManifest(bytes, descriptor.mediaType).manifest.annotations ?? {};
            const item = { tag, digest: descriptor.digest };
            if (annotations[Annotation.source])
                item.source = annotations[Annotation.source];
            if (annotations[Annotation.revision])
                item.revision = annotations[Annotation.revision];
            if (annotations[Annotation.created])
                item.created = annotations[Annotation.created];
            return item;
        }
        catch (err) {
            if (!isContentError(err))
                throw err;
            return { tag, reason: err.message };
        }
    });
    const unreadable = listed.filter((l) => 'reason' in l);
    if (unreadable.length)
        options.onUnreadable?.(unreadable);
    return listed.filter((l) => !('reason' in l));
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/layer.ts
var artifact_layer = __webpack_require__(69627);
// EXTERNAL MODULE: ../../packages/core/src/sign/present.ts
var sign_present = __webpack_require__(50134);
// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 5 modules
var sign_signer = __webpack_require__(26991);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 2 modules
var verify = __webpack_require__(26728);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../packages/core/src/verify/policy.ts
var policy = __webpack_require__(61363);
;// CONCATENATED MODULE: ../../packages/core/src/release/self-check.ts




/** The release signature was written but not every Flux version would accept it: no tag was moved. */
class ReleaseSelfCheckError extends errors/* BaseError */.Cf {
    constructor(digest, reasons) {
        super('RELEASE_SELF_CHECK_FAILED', `the release signature on ${digest} was written, but verifying it as production would failed, so no tag was moved: ${reasons.join('; ')}`);
    }
}
/**
 * How production verifies what was just signed: the signing key's public half, or keyless the exact identity and
 * issuer of the certificate under the trusted root staging was verified with (the same Sigstore signs both).
 * Undefined when there is no trusted root at hand (keyless release, staging verified with a key).
 */
async function signedAs(identity, signature, staging) {
    if (identity.kind === 'key')
        return { kind: 'key', keys: [(0,external_node_crypto_.createPublicKey)(identity.privateKey)] };
    if (identity.kind === 'kms')
        return { kind: 'key', keys: [await identity.key.publicKey()] };
    if (staging?.kind !== 'keyless' || !signature.issuer)
        return undefined;
    return {
        kind: 'keyless',
        trustedRoot: staging.trustedRoot,
        policy: (0,policy/* compilePolicy */.C_)({ identity: signature.identity, issuer: signature.issuer }),
    };
}
/**
 * Verifies the release signature as every Flux version it is written for reads it, after signing and before any tag
 * moves: a bundle attached meanwhile, or one the detection missed, would make Flux 2.8+ read only bundles by other
 * identities. Written as a `.sig` (alone or with a bundle): every version 2.6–2.9 (`fluxVersion: 'all'`). Written as
 * a bundle only (`signature-format: bundle` on a digest without a .sig): Flux 2.8 and 2.9, since 2.6 and 2.7 read only
 * .sig and the format was chosen without them. Returns a note for the release (none when a keyless build has no
 * trusted root to check with); throws ReleaseSelfCheckError when it fails.
 */
async function checkReleaseSignature(target, subject, identity, signature, staging) {
    const verification = await signedAs(identity, signature, staging);
    if (!verification)
        return staging
            ? 'release signature not re-verified: no trusted root at hand (the staging signature was checked with a key)'
            : undefined;
    const bundleOnly = signature.formats !== undefined && !signature.formats.includes('legacy');
    const fluxVersion = bundleOnly ? ['2.8', '2.9'] : 'all';
    const checked = await (0,verify/* verifyArtifact */.oc)({ target, reference: subject.digest, verification, fluxVersion });
    if (!checked.verified)
        throw new ReleaseSelfCheckError(subject.digest, checked.reasons);
    return bundleOnly
        ? `release signature verified as Flux 2.8 and 2.9 read it (a bundle only, which Flux 2.6 and 2.7 do not read): ${signature.identity}`
        : `release signature verified as Flux 2.6–2.9 read it: ${signature.identity}`;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ../../packages/core/src/release/errors.ts

/**
 * A release that must not happen; nothing was moved, signed or pushed. The message says so after the reason
 * (`problem`), once here for every front door.
 */
class ReleaseRefused extends errors/* BaseError */.Cf {
    constructor(problem, code = 'RELEASE_REFUSED') {
        super(code, `${problem} (nothing was moved)`, { problem });
    }
}
/**
 * Another run released the same version at the same time and its digest is the one the tag kept. This run's tags
 * did not stay (latest-stable was not moved); its signatures on its own digest are harmless.
 */
class ReleaseRaced extends ReleaseRefused {
    winner;
    constructor(version, winner, ours) {
        super(`${version} was released by another run at the same time: it points at ${winner}, not at this run's ${ours}, so this run released nothing (latest-stable not moved); serialise release jobs with a workflow concurrency group, e.g. concurrency: {group: release-\${{ github.repository }}, cancel-in-progress: false}`, 'RELEASE_RACED');
        this.winner = winner;
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/release/claim.ts



// Registries have no compare-and-swap for tags, so two release runs of one version can both find it free and both
// tag it. The last writer's digest is what the tag keeps; each run reads the tag back after a settle time longer
// than the window between its last look and its write, and only the run that finds its own digest goes on (and
// moves latest-stable). The window is small because the last look comes right before the write, after signing.
/** Default wait between writing the version tag and reading it back. */
const defaultSettleMs = 1_000;
/**
 * Right before tagging: refuse when another digest took the version since the release started. Says whether the
 * version already names this digest, so the tag write need not look again.
 */
async function lastLook(target, version, digest) {
    const now = await (0,copy/* currentDigest */.kE)(target, version);
    if (now !== undefined && now !== digest)
        throw new ReleaseRaced(version, now, digest);
    return now === digest;
}
/**
 * After tagging: wait, read the version back, and refuse unless it still names this run's digest. `alongside` is
 * a read sent together with the read-back (where `latest-stable` points now), one round trip instead of two.
 */
async function claimVersion(target, version, digest, settleMs = defaultSettleMs, alongside) {
    if (settleMs > 0)
        await (0,promises_.setTimeout)(settleMs);
    const [now, other] = await Promise.all([(0,copy/* currentDigest */.kE)(target, version), alongside?.()]);
    if (now !== digest)
        throw new ReleaseRaced(version, now ?? '(nothing: the tag was deleted)', digest);
    return other;
}

;// CONCATENATED MODULE: ../../packages/core/src/release/release.ts















const stableTag = 'latest-stable';

/** The commit SHA an artifact's revision names (`<ref>@sha1:<sha>`, or a bare SHA). */
function revisionCommit(revision) {
    return /(?:^|@sha1:|@sha256:)([0-9a-f]{40}|[0-9a-f]{64})$/.exec(revision ?? '')?.[1];
}
function annotationsOf(fetched) {
    return (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
}
/**
 * The artifact the push workflow published for a commit. A revision naming the commit wins (it is an explicit
 * claim), looked for on `latest` first and then on the other tags; failing that, identical content to the tagged
 * tree (the push skips unchanged components, so `latest` may carry an older commit's revision).
 */
async function findPublished(options, latestRead, skipped) {
    const commit = options.commit?.toLowerCase();
    const localLayer = options.path ? (0,artifact_build/* hashLayer */.UG)({ path: options.path, ...options.walk }) : undefined;
    localLayer?.catch(() => undefined);
    const namesCommit = (fetched) => Boolean(fetched && commit && revisionCommit(annotationsOf(fetched)[flux/* Annotation */.YH.revision]) === commit);
    // The content layer decided as pull and diff decide it (an ambiguous artifact matches nothing); the same tar
    // compressed by an earlier d2ci counts (layer.ts sameContent).
    const holdsTree = async (fetched) => {
        const local = localLayer ? await localLayer : undefined;
        return Boolean(local && fetched && (0,artifact_layer/* sameContent */.Cm)(fetched, local));
    };
    const latest = await latestRead;
    if (namesCommit(latest))
        return { fetched: latest, how: `latest names commit ${commit?.slice(0, 12)}` };
    const tags = (await options.target.tags()).filter((t) => t !== 'latest' && t !== stableTag && !(0,flux/* isSignatureTag */.LI)(t)).reverse();
    // One unreadable tag (malformed, wrong digest) is skipped and reported; it does not stop the release.
    const manifests = await (0,concurrency/* mapLimit */.s)(tags, 8, async (tag) => {
        try {
            const fetched = await (0,push/* fetchIfExists */._)(options.target, tag);
            if (fetched)
                annotationsOf(fetched); // parses: a malformed manifest is skipped here, not later
            return fetched;
        }
        catch (err) {
            if (!isContentError(err))
                throw err;
            skipped.push(`skipped tag ${tag}: ${err.message}`);
            return undefined;
        }
    });
    for (const [i, fetched] of manifests.entries()) {
        if (namesCommit(fetched))
            return { fetched, how: `${tags[i]} names commit ${commit?.slice(0, 12)}` };
    }
    if (latest && (await holdsTree(latest)))
        return { fetched: latest, how: "latest has the tagged tree's exact content" };
    for (const [i, fetched] of manifests.entries()) {
        if (fetched && (await holdsTree(fetched)))
            return { fetched, how: `${tags[i]} has the tagged tree's exact content` };
    }
    const what = [commit ? `a revision naming commit ${commit.slice(0, 12)}` : '', localLayer ? "the tagged tree's content" : '']
        .filter(Boolean)
        .join(' or ');
    // A push that found its content unchanged published nothing for this commit: only the content can match, and
    // only when the release packs the tree as push did.
    const sameRules = localLayer
        ? ' (if push skipped this commit as unchanged, give the release the ignore-paths and source-ignore push was given)'
        : '';
    throw new ReleaseRefused(`no artifact in ${options.target.name} has ${what || 'anything to match (give the commit or the path)'} (looked at latest and ${tags.length} other tag(s)${skipped.length ? `; ${skipped.join('; ')}` : ''}); run the push workflow for this commit first, or release with mode: build${sameRules}`);
}
/** The highest version tag pointing at a digest (what `latest-stable` "holds"), if any. */
async function versionAt(target, digest) {
    const versions = (await target.tags()).filter(tag_guard/* isVersionTag */.JM).sort((a, b) => compareVersions(b, a));
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
    if (held && compareVersions(version, held) < 0) {
        if (!allow)
            throw new ReleaseRefused(`${stableTag} holds ${held}, which is newer than ${version}; refusing to move it back (set allow-downgrade, or roll back with rollback-to)`);
        return `${stableTag} moved back from ${held} (allow-downgrade)`;
    }
    return undefined;
}
/**
 * Releases a version. `promote` finds the artifact staging ran for the tagged commit, checks its staging
 * signature, signs it again with the release identity — in every format the digest already carries, so Flux 2.8+
 * (bundles only, once any exists) and 2.6/2.7 (`.sig` only) both read it — verifies that as production would, then
 * tags `vX.Y.Z` and moves `latest-stable` — the same bytes, no upload. `build` packs and pushes (signed before
 * tagging) as the D2 release workflows do. Both refuse, moving nothing, to overwrite a version that points
 * elsewhere or to move `latest-stable` backwards; re-running a finished release changes nothing. Prereleases get their version tag but leave `latest-stable` alone.
 */
async function releaseArtifact(options) {
    const { target, release } = options;
    // Every release writes (a signature, tags): one pull+push token for its reads and writes. Its widest fan-out
    // (the staging check's and the format detection's reads, the signature's writes) takes four connections.
    target.expectPush?.();
    target.preconnect?.(4);
    // Where the version and latest-stable point, and (promote) the likeliest staging candidate, in one round trip.
    const latestRead = options.mode === 'promote' ? (0,push/* fetchIfExists */._)(target, 'latest') : Promise.resolve(undefined);
    latestRead.catch(() => undefined); // awaited by findPublished; a failed first read must not leave it unhandled
    const reads = Promise.all([(0,push/* fetchIfExists */._)(target, release.version), (0,copy/* currentDigest */.kE)(target, stableTag)]);
    // While those are out: the OIDC token and loading @sigstore/sign, which cost nothing if the release stops early.
    const signer = options.mode === 'promote' && options.signing ? (0,sign_signer/* createBundleSigner */.B5)(options.signing.identity) : undefined;
    signer?.then((s) => setImmediate(() => s.warm())).catch(() => undefined);
    const [existing, stable] = await reads;
    const notes = [];
    const moveStable = !release.prerelease;
    const lookAtStable = moveStable ? () => (0,copy/* currentDigest */.kE)(target, stableTag) : undefined;
    if (release.prerelease)
        notes.push(`${release.version} is a prerelease: ${stableTag} stays where it is`);
    const base = {
        version: release.version,
        ...(release.component ? { component: release.component } : {}),
        ...(stable ? { previousDigest: stable } : {}),
    };
    let artifact;
    let action;
    if (options.mode === 'promote') {
        const skipped = [];
        const found = await findPublished(options, latestRead, skipped).finally(() => notes.push(...skipped));
        notes.push(`found: ${found.how}`);
        artifact = found.fetched;
        action = 'promoted';
    }
    else {
        action = 'built';
    }
    if (existing) {
        const same = artifact
            ? existing.descriptor.digest === artifact.descriptor.digest
            : options.mode === 'build' && (0,artifact_layer/* sameContent */.Cm)(existing, await (0,artifact_build/* hashLayer */.UG)({ path: options.path, ...options.walk })) !== undefined;
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
    if (options.mode === 'promote' && artifact) {
        // While the staging signature is checked: the release signer's OIDC token and Fulcio certificate, and which
        // formats the digest carries. Reads and a certificate only; nothing is written before the check passes.
        const signing = options.signing && { ...options.signing, signer: await (signer ?? (0,sign_signer/* createBundleSigner */.B5)(options.signing.identity)) };
        signing?.signer.prepare();
        // The legacy signature's reads (the .sig it appends to, its blobs' HEADs) too; its uploads wait until the check
        // passed and the formats are decided (signInPresentFormats opens it), and never happen if the release stops.
        // Its read of the .sig also says whether the digest carries a legacy signature.
        const ahead = signing ? (0,sign_present/* legacyWriteAhead */.an)(target, artifact.descriptor, { repository: target.name, claims: signing.claims }) : undefined;
        const present = ahead ? (0,sign_present/* presentSignatureFormats */.sw)(target, artifact.descriptor, ahead.write.write.existingLayers) : undefined;
        present?.catch(() => undefined); // awaited when signing; a refused release must not leave it unhandled
        // "Did the push workflow sign this?" — cosign's question, not Flux's: a bundle-only staging signature is fine
        // here (Flux 2.6/2.7 would not read it, but production reads the release signature, written in every format
        // below). Flux's rules are checked on the result instead.
        const checked = await (0,verify/* verifyArtifact */.oc)({
            target,
            reference: artifact.descriptor.digest,
            verification: options.verification,
            fluxVersion: 'none',
        }).catch((err) => {
            ahead?.open(false);
            throw err;
        });
        if (!checked.verified) {
            ahead?.open(false);
            throw new ReleaseRefused(`the staging artifact ${artifact.descriptor.digest} is not verified, so it is not promoted: ${checked.reasons.join('; ')}`);
        }
        notes.push(`staging signature verified: ${checked.identity}`);
        let signature;
        if (signing) {
            // Signatures first, then the self-check, then the tags: a failure leaves at most an extra signature on an
            // untagged-for-release digest, never a release tag production would reject.
            signature = await (0,sign_present/* signInPresentFormats */.wo)(target, artifact.descriptor, { ...signing, repository: target.name }, present, ahead).finally(() => ahead?.open(false));
            notes.push(...(0,sign_present/* addedFormatNotes */.$i)(signature.added, 'the staging digest'));
            const checkedRelease = await checkReleaseSignature(target, artifact.descriptor, signing.identity, signature, options.verification);
            if (checkedRelease)
                notes.push(checkedRelease);
        }
        // The version first, read back after a settle time; latest-stable only for the run whose digest it kept.
        // The last look comes right before the write, not alongside the self-check: the time between them is the
        // window the other run's settle must outlast (claim.ts), so it stays one round trip, however far the registry.
        // It just read the version tag: the write does not look again (one round trip fewer).
        const results = (await lastLook(target, release.version, artifact.descriptor.digest))
            ? [{ tag: release.version, changed: false }]
            : [await (0,copy/* applyTag */.TL)(target, artifact, release.version, { lookFirst: false })];
        // latest-stable is looked at together with the read-back (one round trip), and moved only for the claim's winner.
        const stableNow = await claimVersion(target, release.version, artifact.descriptor.digest, options.settleMs, lookAtStable);
        if (moveStable)
            results.push(await (0,copy/* applyTag */.TL)(target, artifact, stableTag, { seen: stableNow }));
        return { ...base, action, descriptor: artifact.descriptor, tags: results, ...(signature ? { signature } : {}), notes };
    }
    const build = options;
    const buildSigning = build.signing;
    let signature;
    const pushed = await (0,push/* pushArtifact */.X)({
        ...build.walk,
        path: build.path,
        target,
        tags: [release.version],
        // The version is release's own tag: lastLook/claimVersion decide it (a race gets its own answer).
        force: [release.version],
        source: build.source,
        revision: build.revision,
        created: build.created,
        reproducible: build.reproducible,
        annotations: build.annotations,
        beforeTag: buildSigning
            ? async (descriptor) => {
                // The same bytes may have been pushed (and signed) before: sign in every format already there.
                signature = await (0,sign_present/* signInPresentFormats */.wo)(target, descriptor, { ...buildSigning, repository: target.name });
                notes.push(...(0,sign_present/* addedFormatNotes */.$i)(signature.added, 'the digest'));
                const checkedRelease = await checkReleaseSignature(target, descriptor, buildSigning.identity, signature);
                if (checkedRelease)
                    notes.push(checkedRelease);
                await lastLook(target, release.version, descriptor.digest);
            }
            : async (descriptor) => {
                await lastLook(target, release.version, descriptor.digest);
            },
    });
    const stableNow = await claimVersion(target, release.version, pushed.descriptor.digest, options.settleMs, lookAtStable);
    const stableResult = moveStable
        ? [await (0,copy/* applyTag */.TL)(target, await target.fetchManifest(pushed.descriptor.digest), stableTag, { seen: stableNow })]
        : [];
    return {
        ...base,
        action,
        descriptor: pushed.descriptor,
        tags: [...pushed.tags, ...stableResult],
        ...(signature ? { signature } : {}),
        notes,
    };
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

;// CONCATENATED MODULE: ../../packages/core/src/release/run.ts


/** `<repository>/<component>` for a component's release (as the D2 component repositories publish them), else the repository. */
function releaseLocation(repository, release) {
    return release.component ? (0,oci_open/* childLocation */.ME)(repository, release.component) : repository;
}
/** The tree a release packs (build) or compares with (promote) by default: `components/<component>`, or `.`. */
function defaultReleasePath(release) {
    return release.component ? `components/${release.component}` : '.';
}
/**
 * Runs one release request: in the release's repository (the component's, for a component tag), a rollback of
 * `latest-stable` to a verified earlier release, or a release by promoting what staging published for the tagged
 * commit (verified, re-signed, tagged) or by building it from the tree (see releaseArtifact). Refusals throw
 * ReleaseRefused, and nothing has moved.
 */
async function runRelease(request) {
    const { release } = request;
    const location = releaseLocation(request.repository, release);
    const target = (0,oci_open/* openTarget */.Ap)(location, request.client);
    const common = { target, release, settleMs: request.settleMs };
    let result;
    if (request.kind === 'rollback') {
        result = await rollbackRelease({ target, version: release.version, verification: request.verification });
    }
    else if (request.kind === 'promote') {
        const { commit, path, walk, verification, signing, allowDowngrade } = request;
        result = await releaseArtifact({ ...common, mode: 'promote', commit, path, walk, verification, signing, allowDowngrade });
    }
    else {
        const { path, walk, source, revision, signing, allowDowngrade } = request;
        result = await releaseArtifact({ ...common, mode: 'build', path, walk, source, revision, signing, allowDowngrade });
    }
    // A rollback named by a component's tag is that component's too.
    const component = result.component ?? release.component;
    return { ...result, ...(component ? { component } : {}), location, name: (0,oci_open/* locationName */.zb)(location) };
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 24 modules
var src = __webpack_require__(80437);
;// CONCATENATED MODULE: ../release-artifact/src/policies.ts

const policies_escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Any workflow of this repository on `ref` (a pattern), signed in a run of this repository: the defaults of both policies. */
function ownWorkflows(context, ref) {
    const workflows = context.repository ? `https://github\\.com/${policies_escape(context.repository)}/\\.github/workflows/[^@]+` : '.+';
    return { identityRegexp: `^${workflows}@${ref}$`, sourceRepository: context.repository || undefined };
}
/** What must have signed the staging artifact before it is promoted: by default, this repository's workflows on main. */
function stagingVerification(context) {
    return (0,src/* verificationInputs */.zi)({
        identity: 'staging-identity',
        identityRegexp: 'staging-identity-regexp',
        issuer: 'staging-oidc-issuer',
        issuerRegexp: 'staging-oidc-issuer-regexp',
        key: 'staging-key',
        trustedRoot: 'trusted-root',
        sourceRepository: 'certificate-github-workflow-repository',
    }, context, ownWorkflows(context, 'refs/heads/main'));
}
/** What must have signed a release to roll back to: by default, this repository's workflows on a tag. */
function productionVerification(context) {
    return (0,src/* verificationInputs */.zi)({
        identity: 'production-identity',
        identityRegexp: 'production-identity-regexp',
        issuer: 'staging-oidc-issuer',
        issuerRegexp: 'staging-oidc-issuer-regexp',
        key: 'production-key',
        trustedRoot: 'trusted-root',
        sourceRepository: 'certificate-github-workflow-repository',
    }, context, ownWorkflows(context, 'refs/tags/.+'));
}

;// CONCATENATED MODULE: ../release-artifact/src/inputs.ts




/** Reads and validates every input (and loads trust material) before anything touches a registry. */
async function getInputs() {
    const context = (0,src/* githubContext */.h4)();
    const repository = (0,src/* repositoryInput */.JD)('repository', (0,src/* stringInput */.Uj)('repository', { required: true }));
    const rollbackTo = (0,src/* stringInput */.Uj)('rollback-to') || undefined;
    const mode = (0,src/* stringInput */.Uj)('mode', { fallback: 'promote' });
    if (mode !== 'promote' && mode !== 'build')
        throw new src/* InputError */.dz('mode', `"${mode}" is not promote or build`);
    const plan = rollbackTo ? await rollbackPlan(rollbackTo, context) : await releasePlan(mode, context);
    return { repository, plan, registry: (0,src/* registryInputs */.P4)(), context };
}
async function rollbackPlan(value, context) {
    const release = parseTag(() => parseRollbackTag(value, (0,src/* stringInput */.Uj)('tag-pattern') || undefined), true);
    const verification = await productionVerification(context);
    moveInputs(context, 'rollback'); // checked as for a release, though a rollback uses none of them
    return { kind: 'rollback', release, verification };
}
async function releasePlan(mode, context) {
    const refInput = (0,src/* stringInput */.Uj)('ref');
    const ref = refInput || (context.ref.startsWith('refs/tags/') ? context.ref.slice('refs/tags/'.length) : '');
    if (!ref)
        throw new src/* InputError */.dz('ref', 'is empty and this run is not for a tag; run on `push: tags` or pass the release tag, e.g. frontend/v1.2.3');
    const release = parseTag(() => parseReleaseTag(ref, (0,src/* stringInput */.Uj)('tag-pattern') || undefined), Boolean(refInput));
    const pathInput = (0,src/* stringInput */.Uj)('path');
    const path = pathInput || defaultReleasePath(release);
    if (mode === 'build') {
        const tree = (0,src/* workspacePath */.X5)('path', path, context);
        return { kind: 'build', release, path: tree, walk: walkInputs(), ...moveInputs(context, 'build') };
    }
    const verification = await stagingVerification(context);
    // Content comparison needs the tagged tree; a fleet release without a checkout still matches by revision.
    const tree = pathInput || release.component ? (0,src/* workspacePath */.X5)('path', path, context) : workspaceOptional(path, context);
    return { kind: 'promote', release, verification, ...(tree ? { path: tree } : {}), walk: walkInputs(), ...moveInputs(context, 'promote') };
}
/** What the tree packs, with push-artifact's inputs of the same names (so promote compares what push published). */
function walkInputs() {
    const ignore = (0,src/* linesInput */.WO)('ignore-paths');
    return {
        ignorePaths: ignore.length ? ignore : undefined,
        sourceIgnore: (0,src/* booleanInput */.tE)('source-ignore', false),
        resolveSymlinks: (0,src/* booleanInput */.tE)('resolve-symlinks', false),
    };
}
/**
 * A tag that does not parse, as the input to fix: a pushed tag (no `ref` input) cannot change, so the pattern is
 * to blame; a rollback's target says what to give instead.
 */
function parseTag(parse, refGiven) {
    try {
        return parse();
    }
    catch (err) {
        if (!(err instanceof ReleaseTagError))
            throw err;
        if (err.field === 'rollback-to')
            throw new src/* InputError */.dz(src/* inputNames */.vj['rollback-to'], `${err.problem}; give the release to return to, e.g. v1.2.3 or frontend/v1.2.3`);
        throw new src/* InputError */.dz(src/* inputNames */.vj[err.field === 'ref' && !refGiven ? 'tag-pattern' : err.field], err.message);
    }
}
/** What a release that moves tags reads after its plan: the build's annotations, the commit, downgrades, signing. */
function moveInputs(context, kind) {
    const source = (0,src/* stringInput */.Uj)('source') || (0,src/* defaultSource */.Hu)(context);
    const revision = (0,src/* stringInput */.Uj)('revision') || (0,src/* defaultRevision */.Te)(context);
    if (kind === 'build' && (!source || !revision))
        throw new src/* InputError */.dz(source ? 'revision' : 'source', 'is empty and the GitHub context does not say; pass it');
    return {
        source,
        revision,
        commit: ((0,src/* stringInput */.Uj)('commit') || context.sha).toLowerCase(),
        allowDowngrade: (0,src/* booleanInput */.tE)('allow-downgrade', false),
        signing: kind === 'rollback' ? undefined : (0,src/* cosignSigningInputs */.Sq)(context),
    };
}
/** `.` for a fleet release: the checkout if there is one, else no content comparison. */
function workspaceOptional(value, context) {
    try {
        return (0,src/* workspacePath */.X5)('path', value, context);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: ../../packages/core/src/sign/signing-config.ts
var signing_config = __webpack_require__(85173);
;// CONCATENATED MODULE: ../release-artifact/src/render.ts

const verbs = { promoted: 'Promoted', built: 'Built', 'rolled back': 'Rolled back', unchanged: 'Already released' };
/** The log lines, step outputs and job summary of a release. */
function renderRelease(result) {
    const { name } = result;
    const digest = result.descriptor.digest;
    for (const note of result.notes)
        src/* runner.info */.lj.info(note);
    src/* runner.info */.lj.info(`${verbs[result.action]}: ${name}:${result.version} → ${digest}`);
    for (const t of result.tags)
        src/* runner.info */.lj.info(`${t.changed ? 'Tagged' : 'Already tagged'} ${name}:${t.tag}`);
    src/* runner.setOutput */.lj.setOutput('version', result.version);
    src/* runner.setOutput */.lj.setOutput('component', result.component ?? '');
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('previous-digest', result.previousDigest ?? '');
    src/* runner.setOutput */.lj.setOutput('action', result.action);
    src/* runner.setOutput */.lj.setOutput('signature-ref', result.signature?.signatureRef ?? '');
    src/* runner.setOutput */.lj.setOutput('signature-formats', JSON.stringify(result.signature?.formats ?? []));
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact release',
        '',
        '| Artifact | Version | Action | Digest | latest-stable before | Signed by | Signature formats |',
        '|---|---|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(name)} | ${(0,src/* cell */.Hn)(result.version)} | ${result.action} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${result.previousDigest ? `\`${(0,src/* shortDigest */.VK)(result.previousDigest)}\`` : '—'} | ${(0,src/* cell */.Hn)(result.signature?.identity ?? '—')} | ${result.signature ? result.signature.formats.join(', ') : '—'} |`,
        '',
        ...result.notes.map((n) => `- ${(0,src/* cell */.Hn)(n)}`),
    ].join('\n'));
}

;// CONCATENATED MODULE: ../release-artifact/src/main.ts




/** The inputs' plan → one core release → the log, outputs and summary. */
async function run(inputs) {
    const { plan, repository } = inputs;
    // The session explains a refusal at the repository the release goes to (a component's, for its tags).
    const session = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, releaseLocation(repository, plan.release));
    const result = await runRelease({ ...plan, repository, client: session.client }).catch(async (err) => {
        if (err instanceof ReleaseRefused)
            throw err;
        if (err instanceof walk/* ArtifactPathError */.uR)
            throw new src/* InputError */.dz('path', `${err.message}; check \`path\``);
        if (err instanceof signing_config/* SigningConfigError */.iw)
            throw (0,src/* inputError */.Xu)(err) ?? err;
        throw await session.explain(err);
    });
    renderRelease(result);
}

;// CONCATENATED MODULE: ../release-artifact/src/action.ts


/** The action's step: read the inputs, run. The root action (actions/d2ci) calls this too, as `@d2ci/release-artifact/action`. */
async function main() {
    await run(await getInputs());
}


/***/ })

};

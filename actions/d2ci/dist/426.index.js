export const id = 426;
export const ids = [426];
export const modules = {

/***/ 37426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qc: () => (/* binding */ attachDocuments),
  YY: () => (/* binding */ attestationPredicateType),
  N3: () => (/* binding */ generateSbom),
  u0: () => (/* binding */ readDocument)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../packages/core/src/oci/attach.ts
var attach = __webpack_require__(19400);
// EXTERNAL MODULE: ../../packages/core/src/sign/payload.ts
var payload = __webpack_require__(38419);
// EXTERNAL MODULE: ../../packages/core/src/sign/signer.ts + 5 modules
var sign_signer = __webpack_require__(26991);
// EXTERNAL MODULE: ../../packages/core/src/sign/sign.ts
var sign = __webpack_require__(4756);
;// CONCATENATED MODULE: ../../packages/core/src/sign/attest.ts



/** in-toto predicate types of the documents d2ci attests, as cosign's `--type` shorthands map them. */
const predicateTypes = {
    spdx: 'https://spdx.dev/Document',
    cyclonedx: 'https://cyclonedx.org/bom',
    openvex: 'https://openvex.dev/ns',
};
/**
 * Signs a document about a manifest as an in-toto attestation and attaches it the way `cosign attest` (v3) and
 * `actions/attest` do: a v0.3 Sigstore bundle holding a DSSE envelope over `{subject: digest, predicateType,
 * predicate}`, as a referrer with the bundle annotations. Flux 2.8+ reads every such bundle on the digest as a
 * possible signature and accepts the artifact when one verifies, so an attestation signed by the workflow's own
 * identity also satisfies a cluster, and one by another identity does not stop a valid signature from counting.
 */
async function attestDocument(target, subject, options) {
    const signer = options.signer ?? (await (0,sign_signer/* createBundleSigner */.B5)(options.identity));
    const bundle = await signer.signStatement((0,payload/* inTotoStatement */.Hg)(subject.digest, options.predicateType, options.predicate));
    const referrer = await (0,sign/* attachSigstoreBundle */.Uy)(target, subject, bundle, options.predicateType);
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    return { referrer, predicateType: options.predicateType, ...(logIndex !== undefined ? { rekorLogIndex: String(logIndex) } : {}) };
}

// EXTERNAL MODULE: ../../packages/core/src/go/time.ts
var time = __webpack_require__(80065);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(38085);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __webpack_require__(48936);
;// CONCATENATED MODULE: ../../packages/core/src/documents/purl.ts


// Package URLs (purl-spec: percent-encode all but A–Z a–z 0–9 . - _ ~ and ':'; qualifiers sorted by key).
function purlEncode(value) {
    return encodeURIComponent(value)
        .replace(/%3A/gi, ':')
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function packageUrl(type, path, version, qualifiers, subpath) {
    let purl = `pkg:${type}/${path.map(purlEncode).join('/')}`;
    if (version)
        purl += `@${purlEncode(version)}`;
    const pairs = Object.entries(qualifiers)
        .filter((pair) => pair[1] !== undefined && pair[1] !== '')
        .map(([key, value]) => `${key}=${purlEncode(value)}`)
        .sort(order/* compareBytes */.X);
    if (pairs.length)
        purl += `?${pairs.join('&')}`;
    const segments = (subpath ?? '').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
    if (segments.length)
        purl += `#${segments.map(purlEncode).join('/')}`;
    return purl;
}
/**
 * `pkg:oci/<name>[@<digest>]?repository_url=<registry/repository>[&tag=<tag>]`, the registered purl type for
 * anything in an OCI registry (images and OCI Helm charts alike): the name is the last path element, the
 * version only ever a digest, the tag a qualifier.
 */
function ociPackageUrl(ref) {
    const name = (ref.repository.split('/').pop() ?? ref.repository).toLowerCase();
    return packageUrl('oci', [name], ref.digest, { repository_url: (0,reference/* repositoryName */.aR)(ref), tag: ref.tag });
}
/** `pkg:helm/<chart>[@<version>][?repository_url=<url>]`, the proposed `helm` type (purl-spec #236) for charts of HTTP repositories. */
function helmPackageUrl(chart, version, repositoryUrl) {
    return packageUrl('helm', [chart], version, { repository_url: repositoryUrl });
}
/** `pkg:github/<owner>/<repo>@<ref>` for GitHub, else `pkg:git/<host>/<path>@<ref>`; `subpath` for a chart's path. */
function gitPackageUrl(url, ref, subpath) {
    const location = gitLocation(url);
    if (!location)
        return undefined;
    const { host, path } = location;
    if (host === 'github.com' && path.length === 2)
        return packageUrl('github', path.map((p) => p.toLowerCase()), ref, {}, subpath);
    return packageUrl('git', [host, ...path], ref, {}, subpath);
}
function gitLocation(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.hostname === '')
        return undefined;
    const path = decodeURIComponent(parsed.pathname)
        .replace(/\.git\/?$/, '')
        .split('/')
        .filter((s) => s !== '');
    if (path.length === 0)
        return undefined;
    return { host: parsed.host.toLowerCase(), path };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(48341);
// EXTERNAL MODULE: ../../packages/core/src/documents/errors.ts
var errors = __webpack_require__(37831);
;// CONCATENATED MODULE: ../../packages/core/src/documents/sbom-common.ts






function readSubject(subject) {
    let ref;
    try {
        ref = (0,reference/* parseReference */.F2)(subject.repository);
    }
    catch (err) {
        throw new errors/* SbomError */.S('SBOM_SUBJECT', `SBOM subject: ${err.message}`, { cause: err });
    }
    const tag = subject.tag ?? ref.tag;
    const digest = subject.digest ?? ref.digest;
    if (digest !== undefined) {
        try {
            (0,oci_digest/* parseDigest */.m)(digest);
        }
        catch (err) {
            throw new errors/* SbomError */.S('SBOM_SUBJECT', `SBOM subject: ${err.message}`, { cause: err });
        }
    }
    const out = {
        ref: { registry: ref.registry, repository: ref.repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) },
    };
    if (subject.source)
        out.source = subject.source;
    if (subject.revision)
        out.revision = subject.revision;
    return out;
}
function timestampOf(options) {
    const value = options.timestamp ?? new Date();
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime()))
        throw new errors/* SbomError */.S('SBOM_TIMESTAMP', `SBOM timestamp "${String(value)}" is not a valid date`);
    return (0,time/* rfc3339 */.a)(date);
}
// A fixed namespace for d2ci's name-based UUIDs.
const uuidNamespace = Buffer.from('8f1c7e52a3b94d0e9c6a2b5d7e4f1a30', 'hex');
/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same content always gives the same UUID. */
function uuidFromContent(content) {
    const hash = (0,external_node_crypto_.createHash)('sha1').update(uuidNamespace).update(content).digest();
    hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
    hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** `file:line Kind/name path (via)`, plus what a kustomize override rewrote. */
function formatFoundAt(at) {
    const object = at.kind ? ` ${at.kind}${at.name ? `/${at.namespace ? `${at.namespace}/` : ''}${at.name}` : ''}` : '';
    const applied = at.appliedTo ? `, rewrites ${at.appliedTo.image} at ${at.appliedTo.file}:${at.appliedTo.line} ${at.appliedTo.path}` : '';
    return `${at.file}:${at.line}${object} ${at.path} (${at.via}${applied})`;
}
function digestHash(digest) {
    if (!digest)
        return undefined;
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
    return { alg: algorithm === 'sha256' ? 'SHA-256' : 'SHA-512', hex };
}
function sortedComponents(inventory) {
    return [...inventory.components].sort((a, b) => (0,order/* compareBytes */.X)(a.type, b.type) || (0,order/* compareBytes */.X)(a.id, b.id));
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/cyclonedx.ts




const bomRef = (c) => `${c.type}:${c.id}`;
const subjectRef = (s) => `artifact:${(0,reference/* formatReference */.FH)(s.ref)}`;
function cycloneDxType(c) {
    return c.type === 'image' ? 'container' : c.type === 'chart' ? 'application' : 'data';
}
function properties(c) {
    const list = c.foundAt.map((at) => ({ name: 'd2ci:found-at', value: formatFoundAt(at) }));
    if (c.versionConstraint)
        list.push({ name: 'd2ci:version-constraint', value: c.versionConstraint });
    if (c.sourceKind)
        list.push({ name: 'd2ci:source-kind', value: c.sourceKind });
    if (c.sourceRef)
        list.push({ name: 'd2ci:source-ref', value: c.sourceRef });
    if (c.chart && c.type === 'chart')
        list.push({ name: 'd2ci:chart', value: c.chart });
    return list.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name) || (0,order/* compareBytes */.X)(a.value, b.value));
}
/**
 * A Git repository's URL (`vcs`), an HTTP Helm repository's (`distribution`). Not `oci://` (the purl's
 * `repository_url` carries it, and CycloneDX validators check `iri-reference` against registered URI schemes)
 * nor buckets.
 */
function externalReferences(c) {
    if (!c.url || !/^(https?|ssh|git):\/\//.test(c.url) || c.sourceKind === 'Bucket')
        return [];
    return [{ type: c.sourceKind === 'GitRepository' ? 'vcs' : 'distribution', url: c.url }];
}
function cycloneDxComponent(c) {
    const out = { type: cycloneDxType(c), 'bom-ref': bomRef(c), name: c.name };
    const version = c.version ?? c.digest;
    if (version)
        out.version = version;
    const hash = digestHash(c.digest);
    if (hash)
        out.hashes = [{ alg: hash.alg, content: hash.hex }];
    if (c.purl)
        out.purl = c.purl;
    const refs = externalReferences(c);
    if (refs.length)
        out.externalReferences = refs;
    out.properties = properties(c);
    return out;
}
function subjectComponent(s) {
    const out = { type: 'data', 'bom-ref': subjectRef(s), name: (0,reference/* repositoryName */.aR)(s.ref) };
    const version = s.ref.digest ?? s.ref.tag;
    if (version)
        out.version = version;
    const hash = digestHash(s.ref.digest);
    if (hash)
        out.hashes = [{ alg: hash.alg, content: hash.hex }];
    out.purl = ociPackageUrl(s.ref);
    if (s.source && /^(https?|ssh|git):\/\//.test(s.source))
        out.externalReferences = [{ type: 'vcs', url: s.source }];
    const props = [];
    if (s.ref.tag)
        props.push({ name: 'd2ci:tag', value: s.ref.tag });
    if (s.revision)
        props.push({ name: 'org.opencontainers.image.revision', value: s.revision });
    if (s.source)
        props.push({ name: 'org.opencontainers.image.source', value: s.source });
    if (props.length)
        out.properties = props;
    return out;
}
/**
 * A CycloneDX 1.6 JSON BOM: the artifact as `metadata.component` (type `data`, `pkg:oci` purl), each image a
 * `container`, each chart an `application`, each other source `data`, with purls, digests as hashes, where each
 * was found as `d2ci:found-at` properties, and the artifact depending on every one. `serialNumber` is a UUID
 * derived from the content (not the timestamp), so the same inventory gives the same document.
 */
function cycloneDxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const components = sortedComponents(inventory).map(cycloneDxComponent);
    const tool = {
        type: 'application',
        name: 'd2ci',
        ...(options.toolVersion ? { version: options.toolVersion } : {}),
    };
    const metadataComponent = subjectComponent(s);
    const document = {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: '',
        version: 1,
        metadata: { timestamp: '', tools: { components: [tool] }, component: metadataComponent },
        components,
        dependencies: [{ ref: metadataComponent['bom-ref'], dependsOn: components.map((c) => c['bom-ref']) }],
    };
    document.serialNumber = `urn:uuid:${uuidFromContent(`cyclonedx\n${JSON.stringify(document)}`)}`;
    document.metadata.timestamp = timestampOf(options);
    return document;
}

// EXTERNAL MODULE: ../../packages/core/src/documents/document-type.ts
var document_type = __webpack_require__(25154);
// EXTERNAL MODULE: ../../packages/core/src/artifact/walk.ts + 1 modules
var walk = __webpack_require__(92998);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var src_errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var oci_errors = __webpack_require__(48706);
;// CONCATENATED MODULE: ../../packages/core/src/documents/scan-state.ts
function unresolved(scan, ctx, path, line, value, reason) {
    scan.unresolved.push({
        file: ctx.file,
        document: ctx.document,
        ...(ctx.kind ? { kind: ctx.kind } : {}),
        ...(ctx.name ? { name: ctx.name } : {}),
        path,
        line,
        value,
        reason,
    });
}
function foundAt(ctx, path, line, via) {
    const at = { file: ctx.file, document: ctx.document, path, line, via };
    if (ctx.kind)
        at.kind = ctx.kind;
    if (ctx.name)
        at.name = ctx.name;
    if (ctx.namespace)
        at.namespace = ctx.namespace;
    return at;
}

// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(33483);
;// CONCATENATED MODULE: ../../packages/core/src/documents/yaml-tree.ts

function toTree(node, doc, lines, fallbackLine, depth = 0) {
    const lineOf = (n) => n.range && lines ? lines.linePos(n.range[0]).line : fallbackLine;
    if (depth > 200)
        return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
    if ((0,dist/* isAlias */.Vj)(node))
        return toTree(node.resolve(doc), doc, lines, lineOf(node), depth + 1);
    if ((0,dist/* isMap */.jh)(node)) {
        const line = lineOf(node);
        const entries = [];
        for (const pair of node.items) {
            // A complex key (a map or list as a key) matches no field d2ci reads.
            const key = (0,dist/* isScalar */.jn)(pair.key) ? scalarText(pair.key) : '';
            const keyLine = (0,dist/* isScalar */.jn)(pair.key) ? lineOf(pair.key) : line;
            const value = toTree(pair.value, doc, lines, keyLine, depth + 1);
            // A block map or list under a key is found at the key's line.
            if (value.t !== 'scalar')
                value.line = keyLine;
            entries.push([key, value]);
        }
        return { t: 'map', line, entries };
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const line = lineOf(node);
        return { t: 'seq', line, items: node.items.map((item) => toTree(item, doc, lines, line, depth + 1)) };
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        return {
            t: 'scalar',
            line: lineOf(node),
            value: node.value,
            text: scalarText(node),
            block: node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED,
        };
    }
    return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
}
function scalarText(node) {
    if (typeof node.value === 'string')
        return node.value;
    if (node.value === null || node.value === undefined)
        return '';
    const value = node.value;
    return node.source ?? (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '');
}
function get(node, key) {
    if (node?.t !== 'map')
        return undefined;
    for (const [k, v] of node.entries)
        if (k === key)
            return v;
    return undefined;
}
function getPath(node, ...keys) {
    let current = node;
    for (const key of keys)
        current = get(current, key);
    return current;
}
/** A string scalar's value (not numbers or booleans), trimmed; undefined when absent or empty. */
function str(node) {
    if (node?.t !== 'scalar' || typeof node.value !== 'string')
        return undefined;
    const value = node.value.trim();
    return value === '' ? undefined : value;
}
/** A scalar as written, strings and numbers alike (`tag: 1.10`, `version: 2`). */
function yaml_tree_text(node) {
    if (node?.t !== 'scalar' || node.value === null || typeof node.value === 'boolean')
        return undefined;
    const value = node.text.trim();
    return value === '' ? undefined : value;
}
const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const childPath = (path, key) => {
    if (!identifier.test(key))
        return `${path}[${JSON.stringify(key)}]`;
    return path === '' || path.endsWith('#') ? `${path}${key}` : `${path}.${key}`;
};
const indexPath = (path, index) => `${path}[${index}]`;

;// CONCATENATED MODULE: ../../packages/core/src/documents/image-references.ts






// Image references as written (a string, or a Helm-style `image:` map), recorded as components or as unresolved.
/** Why an image string is not a reference, or undefined when it is one. */
function imageProblem(value) {
    if (/\$\{[^}]*\}|\$[A-Za-z_]/.test(value))
        return 'contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)';
    if (/\{\{|\}\}/.test(value))
        return 'contains a template expression';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        return 'is a URL, not an image reference';
    try {
        (0,reference/* parseReference */.F2)(value);
        return undefined;
    }
    catch (err) {
        if (err instanceof oci_errors/* InvalidReferenceError */.x_ && err.kind === 'reference')
            return `is not a valid image reference: ${err.reason}`;
        return (0,src_errors/* oneLineMessage */.Wg)(err);
    }
}
function imageFound(ref, at) {
    const fields = {
        name: (0,reference/* repositoryName */.aR)(ref),
        registry: ref.registry,
        repository: ref.repository,
        purl: ociPackageUrl(ref),
    };
    if (ref.tag)
        fields.version = fields.tag = ref.tag;
    if (ref.digest)
        fields.digest = ref.digest;
    return { type: 'image', id: (0,reference/* formatReference */.FH)(ref), fields, at };
}
function recordImage(scan, ctx, value, path, line, via) {
    const problem = imageProblem(value);
    if (problem) {
        unresolved(scan, ctx, path, line, value, `image ${problem}`);
        return;
    }
    scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), foundAt(ctx, path, line, via)));
}
/** `image: {registry, repository, tag, digest}`; true when the map was one (a reference or not). */
function recordImageMap(scan, ctx, node, path) {
    const repository = str(get(node, 'repository'));
    const registry = str(get(node, 'registry'));
    const tag = yaml_tree_text(get(node, 'tag'));
    const digest = str(get(node, 'digest'));
    if (!repository) {
        if (tag || digest)
            unresolved(scan, ctx, path, node.line, [tag && `tag ${tag}`, digest && `digest ${digest}`].filter(Boolean).join(', '), 'image map without a repository: it overrides the tag or digest of the image the chart chooses');
        return tag !== undefined || digest !== undefined;
    }
    const value = `${registry ? `${registry.replace(/\/+$/, '')}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
    const problem = imageProblem(value);
    if (problem) {
        unresolved(scan, ctx, path, node.line, value, `image map ${problem}`);
        return true;
    }
    const ref = (0,reference/* parseReference */.F2)(value);
    if ((tag && ref.tag !== tag) || (digest && ref.digest !== digest)) {
        unresolved(scan, ctx, path, node.line, value, 'image map repository already holds a tag or digest');
        return true;
    }
    scan.found.push(imageFound(ref, foundAt(ctx, path, node.line, 'image-map')));
    return true;
}
function addContainer(scan, ctx, value, path, line, via) {
    const list = scan.containers.get(ctx.file) ?? [];
    list.push({ value, at: foundAt(ctx, path, line, via) });
    scan.containers.set(ctx.file, list);
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/kustomize-images.ts






function readOverrides(scan, ctx, node, path) {
    if (node?.t !== 'seq')
        return [];
    const overrides = [];
    node.items.forEach((item, index) => {
        const name = str(get(item, 'name'));
        if (!name) {
            unresolved(scan, ctx, indexPath(path, index), item.line, '', 'images entry without a name');
            return;
        }
        const o = { name, index, line: item.line };
        const newName = str(get(item, 'newName'));
        const newTag = yaml_tree_text(get(item, 'newTag'));
        const digest = str(get(item, 'digest'));
        if (newName)
            o.newName = newName;
        if (newTag)
            o.newTag = newTag;
        if (digest)
            o.digest = digest;
        overrides.push(o);
    });
    return overrides;
}
/** kustomize's image.Split: name, tag and digest of an image string, whatever it holds. */
function splitImage(value) {
    let rest = value;
    let digest = '';
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    const slash = rest.indexOf('/');
    const colon = rest.slice(Math.max(slash, 0)).lastIndexOf(':');
    if (colon < 0)
        return { name: rest, tag: '', digest };
    const i = Math.max(slash, 0) + colon;
    return { name: rest.slice(0, i), tag: rest.slice(i + 1), digest };
}
/** The image an override makes of `value` (kustomize imagetag updater), or undefined when it does not match. */
function applyOverride(value, o) {
    const parts = splitImage(value);
    if (parts.name !== o.name || !/^[a-zA-Z0-9_.{}-]*$/.test(parts.tag))
        return undefined;
    let { name, tag, digest } = parts;
    if (o.newName)
        name = o.newName;
    if (o.newTag && o.digest) {
        tag = o.newTag;
        digest = o.digest;
    }
    else if (o.newTag) {
        tag = o.newTag;
        digest = '';
    }
    else if (o.digest) {
        tag = '';
        digest = o.digest;
    }
    return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
/** An override as it stands, when nothing it applies to can be seen. */
function standingOverride(o) {
    if (!o.newName && !o.newTag && !o.digest)
        return undefined;
    return `${o.newName ?? o.name}${o.newTag ? `:${o.newTag}` : ''}${o.digest ? `@${o.digest}` : ''}`;
}
function recordStandingOverrides(scan, ctx, overrides, path) {
    for (const o of overrides) {
        const value = standingOverride(o);
        if (value === undefined)
            continue;
        const here = indexPath(path, o.index);
        const problem = imageProblem(value);
        if (problem)
            unresolved(scan, ctx, here, o.line, value, `images override ${problem}`);
        else
            scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), foundAt(ctx, here, o.line, 'images-override')));
    }
}
const isRemote = (entry) => /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
    /^git@/.test(entry) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) ||
    entry.includes('?ref=');
/**
 * What each kustomization makes of the container images of its resources, components and patches: kustomize's
 * `images` applied in order (each entry to the output of the previous, overlays to their bases' output, a
 * Component's to what the kustomization including it has accumulated). Purely from the files: resources that are
 * remote or not in the tree make the kustomization incomplete, and its entries that match nothing are then
 * recorded as they stand. Patches are not applied: an image a patch replaces is kept as well as the patch's.
 */
function applyKustomizeImages(scan) {
    const outputs = new Map();
    const building = new Set();
    const usedComponents = new Set();
    const isComponent = (k) => str(get(k.node, 'kind')) === 'Component';
    const resolve = (dir, entry) => {
        const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, entry)).replace(/\/$/, '');
        return path.startsWith('../') || path === '..' ? undefined : path;
    };
    /** `incoming`: for a Component, the images of the kustomization including it, which its transformers see too. */
    const run = (k, incoming) => {
        const dir = k.dir;
        let complete = true;
        let inputs = [...(incoming ?? [])];
        // A resource's own containers (an inline patch string in it is not a container kustomize sees).
        const addFile = (file, patches = false) => {
            inputs.push(...(scan.containers.get(file) ?? []).filter((c) => patches || !c.at.path.includes('#')));
        };
        const addEntry = (entry, component) => {
            const path = isRemote(entry) ? undefined : resolve(dir, entry);
            const sub = path === undefined ? undefined : scan.kustomizations.get(path);
            if (path !== undefined && scan.files.has(path) && !component) {
                addFile(path);
            }
            else if (sub && component && isComponent(sub)) {
                usedComponents.add(sub.dir);
                const out = building.has(sub.dir) ? { images: inputs, complete: false } : run(sub, inputs);
                inputs = out.images;
                complete &&= out.complete;
            }
            else if (sub && !component) {
                const out = build(sub);
                inputs.push(...out.images);
                complete &&= out.complete;
            }
            else {
                // Remote, outside the tree, a directory without a kustomization, or a file that is not here (not packed,
                // not YAML, unparsable).
                complete = false;
            }
        };
        building.add(dir);
        for (const key of ['resources', 'bases', 'components']) {
            const list = get(k.node, key);
            if (list?.t === 'seq')
                for (const item of list.items)
                    if (item.t === 'scalar' && typeof item.value === 'string')
                        addEntry(item.value.trim(), key === 'components');
        }
        building.delete(dir);
        // Patch files, and patches written inline in the kustomization itself.
        const patchFile = (entry) => {
            if (!entry)
                return;
            const path = resolve(dir, entry);
            if (path !== undefined && scan.files.has(path))
                addFile(path, true);
            else
                complete = false;
        };
        for (const key of ['patches', 'patchesJson6902']) {
            const list = get(k.node, key);
            if (list?.t === 'seq')
                for (const item of list.items)
                    patchFile(str(get(item, 'path')));
        }
        const smp = get(k.node, 'patchesStrategicMerge');
        if (smp?.t === 'seq')
            for (const item of smp.items)
                if (item.t === 'scalar' && typeof item.value === 'string' && !item.value.includes('\n'))
                    patchFile(item.value.trim());
        inputs.push(...(scan.containers.get(k.file) ?? []).filter((c) => c.at.path.includes('#')));
        const overrides = readOverrides(scan, k.ctx, get(k.node, 'images'), 'images');
        let current = inputs;
        for (const o of overrides) {
            let matched = false;
            current = current.map((image) => {
                const value = applyOverride(image.value, o);
                if (value === undefined)
                    return image;
                matched = true;
                const at = {
                    ...foundAt(k.ctx, indexPath('images', o.index), o.line, 'kustomize-images'),
                    appliedTo: { image: image.value, file: image.at.file, path: image.at.path, line: image.at.line },
                };
                const problem = imageProblem(value);
                if (problem)
                    unresolved(scan, k.ctx, at.path, o.line, value, `images override ${problem}`);
                else
                    scan.found.push(imageFound((0,reference/* parseReference */.F2)(value), at));
                return { value, at };
            });
            if (!matched) {
                if (complete)
                    unresolved(scan, k.ctx, indexPath('images', o.index), o.line, o.name, "images entry matches no container image of this kustomization's resources");
                else
                    recordStandingOverrides(scan, k.ctx, [o], 'images');
            }
        }
        return { images: current, complete };
    };
    const build = (k) => {
        const done = outputs.get(k.dir);
        if (done)
            return done;
        if (building.has(k.dir))
            return { images: [], complete: false };
        const out = run(k, undefined);
        outputs.set(k.dir, out);
        return out;
    };
    const all = [...scan.kustomizations.values()].sort((a, b) => (0,order/* compareBytes */.X)(a.dir, b.dir));
    for (const k of all)
        if (!isComponent(k))
            build(k);
    // A Component no kustomization here includes: what it applies to is unknown, so its entries stand as written.
    for (const k of all)
        if (isComponent(k) && !usedComponents.has(k.dir))
            recordStandingOverrides(scan, k.ctx, readOverrides(scan, k.ctx, get(k.node, 'images'), 'images'), 'images');
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/flux-sources.ts






// Flux source objects (OCIRepository, HelmRepository, GitRepository, Bucket): what each points at, and which
// objects a sourceRef names.
const exactSemver = /^=?\s*(v?[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;
/** An exact version from a semver constraint (`6.14.0`, `=6.14.0`), else undefined. */
function exactVersion(constraint) {
    return exactSemver.exec(constraint.trim())?.[1];
}
function readSourceRef(node) {
    const kind = str(get(node, 'kind'));
    const name = str(get(node, 'name'));
    if (!kind || !name)
        return undefined;
    const namespace = str(get(node, 'namespace'));
    return { kind, name, ...(namespace ? { namespace } : {}) };
}
const formatSourceRef = (ref) => `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
function commonPrefix(a, b) {
    const x = external_node_path_.posix.dirname(a).split('/');
    const y = external_node_path_.posix.dirname(b).split('/');
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n])
        n++;
    return n;
}
/**
 * The objects a reference names: same kind and name, same namespace when both say; nearest first (same file,
 * then the longest shared directory), and every one of the nearest when several are equally near.
 */
function lookup(objects, ref, from) {
    const namespace = ref.namespace ?? from.namespace;
    const candidates = objects.filter((o) => o.kind === ref.kind && o.name === ref.name && (!namespace || !o.namespace || o.namespace === namespace));
    if (candidates.length <= 1)
        return candidates;
    const score = (o) => (o.ctx.file === from.ctx.file ? 10_000 : commonPrefix(o.ctx.file, from.ctx.file));
    const best = Math.max(...candidates.map(score));
    return candidates.filter((o) => score(o) === best);
}
function readOciRepository(scan, o) {
    const urlNode = getPath(o.node, 'spec', 'url');
    const url = str(urlNode);
    if (!url) {
        unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'OCIRepository without spec.url (a patch?)');
        return undefined;
    }
    const problem = /\$\{/.test(url) ? 'contains a variable' : !url.startsWith('oci://') ? 'is not an oci:// URL' : undefined;
    let ref;
    try {
        if (!problem)
            ref = (0,reference/* parseReference */.F2)(url);
    }
    catch (err) {
        unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${err.message}`);
        return undefined;
    }
    if (problem || !ref || ref.tag || ref.digest) {
        unresolved(scan, o.ctx, 'spec.url', urlNode?.line ?? o.node.line, url, `OCIRepository URL ${problem ?? 'must name a repository, without tag or digest'}`);
        return undefined;
    }
    const refNode = getPath(o.node, 'spec', 'ref');
    const source = {
        ref: { registry: ref.registry, repository: ref.repository },
        url,
        helmMediaType: /helm\.chart/.test(str(getPath(o.node, 'spec', 'layerSelector', 'mediaType')) ?? ''),
    };
    const digest = str(get(refNode, 'digest'));
    const semver = yaml_tree_text(get(refNode, 'semver'));
    const tag = yaml_tree_text(get(refNode, 'tag'));
    if (digest) {
        try {
            (0,oci_digest/* parseDigest */.m)(digest);
            source.digest = digest;
        }
        catch (err) {
            unresolved(scan, o.ctx, 'spec.ref.digest', get(refNode, 'digest')?.line ?? o.node.line, digest, err.message);
        }
    }
    // Flux's precedence: digest, then semver, then tag; no ref at all means `latest`.
    if (semver)
        source.semver = semver;
    else if (tag)
        source.tag = tag;
    else if (!digest)
        source.tag = 'latest';
    return source;
}
function ociComponent(source, type, at, extra = {}) {
    const ref = { ...source.ref };
    if (source.tag)
        ref.tag = source.tag;
    if (source.digest)
        ref.digest = source.digest;
    const fields = {
        name: (0,reference/* repositoryName */.aR)(ref),
        registry: ref.registry,
        repository: ref.repository,
        url: `oci://${(0,reference/* repositoryName */.aR)(ref)}`,
        purl: ociPackageUrl(ref),
        ...extra,
    };
    if (source.tag)
        fields.version = fields.tag = source.tag;
    if (source.digest)
        fields.digest = source.digest;
    let id = (0,reference/* formatReference */.FH)(ref);
    if (source.semver) {
        fields.versionConstraint = source.semver;
        const exact = exactVersion(source.semver);
        if (exact)
            fields.version = exact;
        id += `?semver=${source.semver}`;
    }
    return { type, id, fields, at };
}
function readHelmRepository(scan, o) {
    const urlNode = getPath(o.node, 'spec', 'url');
    const url = str(urlNode)?.replace(/\/+$/, '');
    if (!url) {
        unresolved(scan, o.ctx, 'spec.url', o.node.line, '', 'HelmRepository without spec.url (a patch?)');
        return undefined;
    }
    return { url, oci: str(getPath(o.node, 'spec', 'type')) === 'oci' || url.startsWith('oci://') };
}
function readGitRepository(o) {
    const url = str(getPath(o.node, 'spec', 'url'));
    if (!url)
        return undefined;
    const ref = getPath(o.node, 'spec', 'ref');
    const commit = str(get(ref, 'commit'));
    const name = str(get(ref, 'name'));
    const semver = yaml_tree_text(get(ref, 'semver'));
    const tag = yaml_tree_text(get(ref, 'tag'));
    const branch = str(get(ref, 'branch'));
    // Flux's precedence: commit, name, semver, tag, branch.
    const source = { url };
    if (commit)
        source.version = source.pin = commit;
    else if (name)
        source.version = name;
    else if (semver)
        source.semver = semver;
    else if (tag)
        source.version = source.pin = tag;
    else if (branch)
        source.version = branch;
    return source;
}
function gitComponent(source, at) {
    const fields = { name: source.url, url: source.url, sourceKind: 'GitRepository' };
    if (source.version)
        fields.version = source.version;
    if (source.semver)
        fields.versionConstraint = source.semver;
    const purl = gitPackageUrl(source.url, source.pin);
    if (purl)
        fields.purl = purl;
    const id = `${source.url}${source.version ? `@${source.version}` : ''}${source.semver ? `?semver=${source.semver}` : ''}`;
    return { type: 'source', id, fields, at };
}
function readBucket(o) {
    const bucket = str(getPath(o.node, 'spec', 'bucketName'));
    const endpoint = str(getPath(o.node, 'spec', 'endpoint'));
    if (!bucket || !endpoint)
        return undefined;
    const provider = str(getPath(o.node, 'spec', 'provider')) ?? 'generic';
    const scheme = provider === 'gcp' ? 'gs' : provider === 'azure' ? 'azblob' : 's3';
    return { bucket, url: `${scheme}://${endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/${bucket}` };
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/flux-resolve.ts







// Flux charts and releases resolved to the sources in the tree (HelmRelease, HelmChart, kustomize `helmCharts`),
// and the sources themselves as components.
/** A chart named in a HelmRelease, HelmChart or kustomize `helmCharts`, from the source it resolves to. */
function chartFound(scan, chart, version, source, at) {
    const exact = version ? exactVersion(version) : undefined;
    const constraint = version && !exact ? version : undefined;
    const versionFields = () => ({
        ...(exact ? { version: exact } : {}),
        ...(constraint ? { versionConstraint: constraint } : {}),
    });
    if (source.helm?.oci) {
        const base = source.helm.url.replace(/^oci:\/\//, '');
        let ref;
        try {
            // Helm pushes a chart version as the tag, with `+` as `_`.
            ref = (0,reference/* parseReference */.F2)(`${base}/${chart}${exact ? `:${exact.replace(/\+/g, '_')}` : ''}`);
        }
        catch (err) {
            unresolved(scan, { file: at.file, document: at.document, ...(at.kind ? { kind: at.kind } : {}), ...(at.name ? { name: at.name } : {}) }, at.path, at.line, `${source.helm.url}/${chart}`, err.message);
            return undefined;
        }
        const oci = { ref: { registry: ref.registry, repository: ref.repository }, url: source.helm.url, helmMediaType: true };
        if (ref.tag)
            oci.tag = ref.tag;
        if (constraint)
            oci.semver = constraint;
        const found = ociComponent(oci, 'chart', at, { chart, sourceKind: 'HelmRepository' });
        if (exact)
            found.fields.version = exact;
        return found;
    }
    if (source.helm) {
        const fields = {
            name: chart,
            chart,
            url: source.helm.url,
            sourceKind: 'HelmRepository',
            purl: helmPackageUrl(chart, exact, source.helm.url),
            ...versionFields(),
        };
        return {
            type: 'chart',
            id: `${source.helm.url}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
            fields,
            at,
        };
    }
    if (source.git || source.bucket) {
        const path = external_node_path_.posix.normalize(chart).replace(/^\.\//, '').replace(/\/$/, '');
        const url = source.git?.url ?? source.bucket?.url ?? '';
        const fields = { name: path, chart: path, url, sourceKind: source.git ? 'GitRepository' : 'Bucket' };
        if (source.git?.version)
            fields.version = source.git.version;
        if (source.git?.semver)
            fields.versionConstraint = source.git.semver;
        const purl = source.git ? gitPackageUrl(source.git.url, source.git.pin, path) : undefined;
        if (purl)
            fields.purl = purl;
        return { type: 'chart', id: `${url}${fields.version ? `@${fields.version}` : ''}#${path}`, fields, at };
    }
    // The source is not in the tree: the chart is known by name and version only.
    const fields = { name: chart, chart, purl: helmPackageUrl(chart, exact), ...versionFields() };
    if (source.ref) {
        fields.sourceRef = formatSourceRef(source.ref);
        if (source.ref.kind === 'HelmRepository' || source.ref.kind === 'GitRepository' || source.ref.kind === 'Bucket')
            fields.sourceKind = source.ref.kind;
    }
    return {
        type: 'chart',
        id: `${fields.sourceRef ?? ''}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
        fields,
        at,
    };
}
function resolveFlux(scan) {
    const objects = scan.flux;
    const of = (kind) => objects.filter((o) => o.kind === kind &&
        o.group ===
            (kind === 'HelmRelease'
                ? 'helm.toolkit.fluxcd.io'
                : kind === 'Kustomization'
                    ? 'kustomize.toolkit.fluxcd.io'
                    : 'source.toolkit.fluxcd.io'));
    const oci = new Map(of('OCIRepository').map((o) => [o, readOciRepository(scan, o)]));
    const helmRepos = new Map(of('HelmRepository').map((o) => [o, readHelmRepository(scan, o)]));
    const git = new Map(of('GitRepository').map((o) => [o, readGitRepository(o)]));
    const buckets = new Map(of('Bucket').map((o) => [o, readBucket(o)]));
    const charts = new Set();
    const at = (o, path, via) => {
        const node = getPath(o.node, ...path.split('.'));
        return foundAt(o.ctx, path, node?.line ?? o.node.line, via);
    };
    /**
     * A chart from `{chart, version, sourceRef}`: HelmRelease `spec.chart.spec`, HelmChart `spec` (`from` is the
     * object holding it, whose namespace and place resolve the sourceRef), found at `o`'s `path`.
     */
    const chartSpec = (o, from, spec, path, via) => {
        const chart = yaml_tree_text(get(spec, 'chart'));
        const ref = readSourceRef(get(spec, 'sourceRef'));
        if (!chart || !ref) {
            unresolved(scan, from.ctx, from === o ? path : 'spec', spec?.line ?? from.node.line, chart ?? '', 'chart spec without chart or sourceRef');
            return;
        }
        const version = yaml_tree_text(get(spec, 'version'));
        const targets = lookup(objects.filter((x) => x.group === 'source.toolkit.fluxcd.io'), ref, from);
        const here = at(o, path, via);
        const sources = targets
            .map((t) => ({ helm: helmRepos.get(t), git: git.get(t), bucket: buckets.get(t) }))
            .filter((s) => s.helm ?? s.git ?? s.bucket);
        if (sources.length === 0)
            sources.push({ helm: undefined, git: undefined, bucket: undefined });
        for (const source of sources) {
            const found = chartFound(scan, chart, version, {
                ...(source.helm ? { helm: source.helm } : {}),
                ...(source.git ? { git: source.git } : {}),
                ...(source.bucket ? { bucket: source.bucket } : {}),
                ref,
            }, here);
            if (found)
                scan.found.push(found);
        }
    };
    for (const o of of('HelmChart'))
        chartSpec(o, o, get(o.node, 'spec'), 'spec', 'helm-chart');
    for (const o of of('HelmRelease')) {
        const spec = get(o.node, 'spec');
        const chartRef = readSourceRef(get(spec, 'chartRef'));
        if (chartRef) {
            const targets = lookup(objects, chartRef, o).filter((t) => t.kind === 'OCIRepository' || t.kind === 'HelmChart');
            if (targets.length === 0)
                unresolved(scan, o.ctx, 'spec.chartRef', get(spec, 'chartRef')?.line ?? o.node.line, formatSourceRef(chartRef), 'chartRef names no OCIRepository or HelmChart in the tree');
            for (const t of targets) {
                if (t.kind === 'HelmChart') {
                    chartSpec(o, t, get(t.node, 'spec'), 'spec.chartRef', 'helm-release');
                    continue;
                }
                const source = oci.get(t);
                if (!source)
                    continue;
                charts.add(t);
                scan.found.push(ociComponent(source, 'chart', at(o, 'spec.chartRef', 'helm-release'), {
                    chart: source.ref.repository.split('/').pop() ?? '',
                    sourceKind: 'OCIRepository',
                }));
            }
        }
        else if (get(getPath(spec, 'chart'), 'spec')) {
            chartSpec(o, o, getPath(spec, 'chart', 'spec'), 'spec.chart.spec', 'helm-release');
        }
        const renderers = get(spec, 'postRenderers');
        if (renderers?.t === 'seq') {
            renderers.items.forEach((r, i) => {
                const path = `spec.postRenderers[${i}].kustomize.images`;
                recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(r, 'kustomize', 'images'), path), path);
            });
        }
    }
    for (const o of of('Kustomization')) {
        const path = 'spec.images';
        recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(o.node, 'spec', 'images'), path), path);
    }
    for (const [o, source] of oci) {
        if (!source)
            continue;
        const type = charts.has(o) || source.helmMediaType ? 'chart' : 'source';
        scan.found.push(ociComponent(source, type, at(o, 'spec.url', 'flux-source'), {
            sourceKind: 'OCIRepository',
            ...(type === 'chart' ? { chart: source.ref.repository.split('/').pop() ?? '' } : {}),
        }));
    }
    for (const [o, source] of helmRepos) {
        if (!source)
            continue;
        scan.found.push({
            type: 'source',
            id: source.url,
            fields: { name: source.url, url: source.url, sourceKind: 'HelmRepository' },
            at: at(o, 'spec.url', 'flux-source'),
        });
    }
    for (const [o, source] of git)
        if (source)
            scan.found.push(gitComponent(source, at(o, 'spec.url', 'flux-source')));
    for (const [o, source] of buckets) {
        if (!source)
            continue;
        scan.found.push({
            type: 'source',
            id: source.url,
            fields: { name: source.url, url: source.url, sourceKind: 'Bucket' },
            at: at(o, 'spec.bucketName', 'flux-source'),
        });
    }
}
/** kustomize `helmCharts` (inflated by `kustomize build --enable-helm`). */
function kustomizeHelmCharts(scan) {
    for (const k of scan.kustomizations.values()) {
        const list = get(k.node, 'helmCharts');
        if (list?.t !== 'seq')
            continue;
        list.items.forEach((item, i) => {
            const name = yaml_tree_text(get(item, 'name'));
            const repo = str(get(item, 'repo'))?.replace(/\/+$/, '');
            const path = indexPath('helmCharts', i);
            if (!name)
                return;
            const at = foundAt(k.ctx, path, item.line, 'kustomize-helm-chart');
            const helm = repo ? { url: repo, oci: repo.startsWith('oci://') } : undefined;
            const found = chartFound(scan, name, yaml_tree_text(get(item, 'version')), helm ? { helm } : {}, at);
            if (!found)
                return;
            // kustomize pulls the chart itself: no Flux source is involved.
            delete found.fields.sourceKind;
            scan.found.push(found);
        });
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/scan-file.ts






// One YAML file's own references: `image` fields, image maps, JSON and inline patches, kustomizations and Flux
// objects, recorded in the scan for the passes that resolve them.
const kustomizationNames = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const imageAutomationGroup = 'image.toolkit.fluxcd.io';
const fluxGroups = ['source.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io'];
function isJsonPatch(node) {
    return node.items.length > 0 && node.items.every((item) => str(get(item, 'op')) !== undefined && str(get(item, 'path')) !== undefined);
}
/** Walks one object for `image` fields, image maps, JSON patches and inline patches. */
function scan_file_walk(scan, ctx, node, path, inContainerList, lineBase) {
    if (node.t === 'map') {
        for (const [key, value] of node.entries) {
            const here = childPath(path, key);
            if (key === 'image') {
                if (value.t === 'scalar' && typeof value.value === 'string') {
                    const image = value.value.trim();
                    if (inContainerList && image !== '')
                        addContainer(scan, ctx, image, here, value.line + lineBase, 'container');
                    if (image !== '')
                        recordImage(scan, ctx, image, here, value.line + lineBase, inContainerList ? 'container' : 'image-field');
                    continue;
                }
                if (value.t === 'map' && recordImageMap(scan, ctx, { ...value, line: value.line + lineBase }, here))
                    continue;
            }
            if (key === 'patch' && value.t === 'scalar' && typeof value.value === 'string' && value.value.includes('\n')) {
                walkInlinePatch(scan, ctx, value, `${here}#`, lineBase);
                continue;
            }
            scan_file_walk(scan, ctx, value, here, containerLists.has(key) && value.t === 'seq', lineBase);
        }
    }
    else if (node.t === 'seq') {
        if (isJsonPatch(node)) {
            node.items.forEach((op, i) => {
                const target = str(get(op, 'path')) ?? '';
                const value = get(op, 'value');
                const opName = str(get(op, 'op'));
                if ((opName === 'add' || opName === 'replace') &&
                    /\/image$/.test(target) &&
                    value?.t === 'scalar' &&
                    typeof value.value === 'string') {
                    const here = childPath(indexPath(path, i), 'value');
                    const image = value.value.trim();
                    if (image !== '' && /\/(containers|initContainers|ephemeralContainers)\/[^/]+\/image$/.test(target))
                        addContainer(scan, ctx, image, here, value.line + lineBase, 'json-patch');
                    if (image !== '')
                        recordImage(scan, ctx, image, here, value.line + lineBase, 'json-patch');
                }
                else if (value) {
                    // An added container (or list of them), or any value holding its own `image` fields.
                    const inList = /\/(containers|initContainers|ephemeralContainers)(\/-|\/[0-9]+)?$/.test(target);
                    scan_file_walk(scan, ctx, value, childPath(indexPath(path, i), 'value'), inList, lineBase);
                }
            });
            return;
        }
        node.items.forEach((item, i) => scan_file_walk(scan, ctx, item, indexPath(path, i), inContainerList && item.t === 'map', lineBase));
    }
}
/** A `patch: |` string: a strategic-merge patch or JSON 6902 operations, scanned as a nested document. */
function walkInlinePatch(scan, ctx, node, path, lineBase) {
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(String(node.value), { lineCounter: lines });
    const list = Array.isArray(docs) ? docs : [];
    if (list.some((d) => d.errors.length > 0)) {
        unresolved(scan, ctx, path.slice(0, -1), node.line + lineBase, String(node.value).split('\n')[0] ?? '', 'inline patch is not valid YAML');
        return;
    }
    // Inner lines count from the scalar's content: the next line for a block scalar.
    const base = lineBase + node.line - 1 + (node.block ? 1 : 0);
    for (const doc of list) {
        if (doc.contents === null)
            continue;
        scan_file_walk(scan, ctx, toTree(doc.contents, doc, lines, 1), path, false, base);
    }
}
function kindOf(node) {
    const apiVersion = str(get(node, 'apiVersion'));
    const group = apiVersion?.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
    return {
        apiVersion,
        group,
        kind: str(get(node, 'kind')),
        name: str(getPath(node, 'metadata', 'name')),
        namespace: str(getPath(node, 'metadata', 'namespace')),
    };
}
function scanObject(scan, file, document, node, pathPrefix) {
    const meta = kindOf(node);
    // A List's items are objects of their own.
    const items = get(node, 'items');
    if (meta.kind?.endsWith('List') && items?.t === 'seq') {
        items.items.forEach((item, i) => scanObject(scan, file, document, item, indexPath(childPath(pathPrefix, 'items'), i)));
        return;
    }
    const ctx = { file, document };
    if (meta.kind)
        ctx.kind = meta.kind;
    if (meta.name)
        ctx.name = meta.name;
    if (meta.namespace)
        ctx.namespace = meta.namespace;
    // A CRD's schema describes `image` fields, it sets none; ImageRepositories name images to scan, not to deploy.
    if (meta.kind === 'CustomResourceDefinition' || meta.group === imageAutomationGroup)
        return;
    scan_file_walk(scan, ctx, node, pathPrefix, false, 0);
    if (node.t === 'map' && meta.kind && meta.name && fluxGroups.includes(meta.group)) {
        scan.flux.push({
            group: meta.group,
            kind: meta.kind,
            name: meta.name,
            ...(meta.namespace ? { namespace: meta.namespace } : {}),
            node,
            ctx,
        });
    }
}
function scanFile(scan, skipped, file, read) {
    if ('error' in read) {
        skipped.push({ file, reason: `cannot read: ${read.error.message}` });
        return;
    }
    const content = read.content;
    const lines = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseAllDocuments */.hR)(content, { lineCounter: lines });
    const docs = Array.isArray(parsed) ? parsed : [];
    const broken = docs.find((d) => d.errors.length > 0);
    if (broken) {
        skipped.push({
            file,
            reason: `not valid YAML: ${broken.errors[0] ? (0,src_errors/* oneLineMessage */.Wg)(broken.errors[0], { firstLine: true }) : 'parse error'}`,
        });
        return;
    }
    scan.files.add(file);
    docs.forEach((doc, index) => {
        if (doc.contents === null)
            return;
        const node = toTree(doc.contents, doc, lines, 1);
        const isKustomization = kustomizationNames.has(external_node_path_.posix.basename(file)) && index === 0 && node.t === 'map' && isKustomizeConfig(node);
        if (isKustomization) {
            const ctx = { file, document: index, kind: str(get(node, 'kind')) ?? 'Kustomization' };
            scan.kustomizations.set(external_node_path_.posix.dirname(file), { file, dir: external_node_path_.posix.dirname(file), node, ctx });
            scan_file_walk(scan, ctx, node, '', false, 0);
            scanKustomizationStrings(scan, ctx, node);
            return;
        }
        scanObject(scan, file, index, node, '');
    });
}
function isKustomizeConfig(node) {
    const apiVersion = str(get(node, 'apiVersion'));
    const kind = str(get(node, 'kind'));
    return ((apiVersion === undefined || apiVersion.startsWith('kustomize.config.k8s.io/')) &&
        (kind === undefined || kind === 'Kustomization' || kind === 'Component'));
}
/** `patchesStrategicMerge` entries written inline. */
function scanKustomizationStrings(scan, ctx, node) {
    const smp = get(node, 'patchesStrategicMerge');
    if (smp?.t !== 'seq')
        return;
    smp.items.forEach((item, i) => {
        if (item.t === 'scalar' && typeof item.value === 'string' && item.value.includes('\n'))
            walkInlinePatch(scan, ctx, item, `${indexPath('patchesStrategicMerge', i)}#`, 0);
    });
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/inventory.ts







// What a configuration artifact deploys, read from its YAML alone: container images, Helm charts and Flux
// sources, each with every place it was found. Nothing is executed (no kustomize build, no helm template), so
// what charts render from their own defaults, and what variables substitute at deploy time, stay unknown.
const isYamlName = (name) => /\.ya?ml$/i.test(name) || (0,external_node_path_.basename)(name) === 'Kustomization';
function compareFoundAt(a, b) {
    return ((0,order/* compareBytes */.X)(a.file, b.file) ||
        a.line - b.line ||
        (0,order/* compareBytes */.X)(a.path, b.path) ||
        (0,order/* compareBytes */.X)(a.via, b.via) ||
        (0,order/* compareBytes */.X)(JSON.stringify(a.appliedTo ?? null), JSON.stringify(b.appliedTo ?? null)));
}
const componentKeys = [
    'type',
    'id',
    'name',
    'version',
    'versionConstraint',
    'digest',
    'registry',
    'repository',
    'tag',
    'url',
    'chart',
    'sourceKind',
    'sourceRef',
    'purl',
    'foundAt',
];
const foundAtKeys = ['file', 'document', 'kind', 'name', 'namespace', 'path', 'line', 'via', 'appliedTo'];
/** The same object with its keys in a fixed order and no undefined values, so JSON output is stable. */
function ordered(value, keys) {
    const out = {};
    for (const key of keys)
        if (value[key] !== undefined)
            out[key] = value[key];
    return out;
}
function merge(found) {
    const byKey = new Map();
    const seen = new Set();
    for (const f of found) {
        const key = `${f.type} ${f.id}`;
        let component = byKey.get(key);
        if (!component) {
            component = { type: f.type, id: f.id, ...f.fields, foundAt: [] };
            byKey.set(key, component);
        }
        const atKey = `${key}\n${JSON.stringify(f.at)}`;
        if (seen.has(atKey))
            continue;
        seen.add(atKey);
        component.foundAt.push(f.at);
    }
    const components = [...byKey.values()].map((c) => ordered({ ...c, foundAt: c.foundAt.sort(compareFoundAt).map((at) => ordered(at, foundAtKeys)) }, componentKeys));
    return components.sort((a, b) => (0,order/* compareBytes */.X)(a.type, b.type) || (0,order/* compareBytes */.X)(a.id, b.id));
}
async function listFiles(dir, options) {
    const skipped = [];
    if (options.files) {
        const files = [];
        for (const entry of options.files) {
            const name = external_node_path_.posix.normalize(entry.split('\\').join('/')).replace(/^\.\//, '');
            if (name.startsWith('../') || name === '..' || external_node_path_.posix.isAbsolute(name)) {
                skipped.push({ file: entry, reason: 'outside the directory' });
                continue;
            }
            if (isYamlName(name))
                files.push({ name, path: (0,external_node_path_.join)(dir, name) });
        }
        return { files: files.sort((a, b) => (0,order/* compareBytes */.X)(a.name, b.name)), skipped };
    }
    const { files: _files, ...walkOptions } = options;
    const files = [...(0,walk/* walkEntries */.Y1)(dir, walkOptions)]
        .filter((e) => e.type === 'file' && isYamlName(e.name))
        .map((e) => ({ name: e.name, path: e.source }));
    return { files, skipped };
}
/**
 * Every container image, Helm chart and Flux source the YAML under `dir` references, de-duplicated and sorted,
 * with where each was found. Reads files only: nothing is built, templated or run. Files that are not valid
 * YAML are skipped and reported; values that are not references (variables, templates) are reported as unresolved.
 */
async function findDeployedComponents(dir, options = {}) {
    const { files, skipped } = await listFiles(dir, options);
    const scan = { found: [], unresolved: [], containers: new Map(), flux: [], kustomizations: new Map(), files: new Set() };
    // Reads a window of files at once (a file at a time spends most of the time waiting on the thread pool), and
    // scans them in order, so the result does not depend on which read finished first.
    const window = 32;
    for (let start = 0; start < files.length; start += window) {
        const batch = files.slice(start, start + window);
        const reads = await Promise.all(batch.map((file) => (0,promises_.readFile)(file.path, 'utf8').then((content) => ({ content }), (error) => ({ error: error }))));
        batch.forEach((file, i) => scanFile(scan, skipped, file.name, reads[i]));
    }
    applyKustomizeImages(scan);
    resolveFlux(scan);
    kustomizeHelmCharts(scan);
    const unresolvedSorted = scan.unresolved.sort((a, b) => (0,order/* compareBytes */.X)(a.file, b.file) || a.line - b.line || (0,order/* compareBytes */.X)(a.path, b.path) || (0,order/* compareBytes */.X)(a.reason, b.reason));
    return {
        components: merge(scan.found),
        skipped: skipped.sort((a, b) => (0,order/* compareBytes */.X)(a.file, b.file)),
        unresolved: unresolvedSorted.filter((u, i) => i === 0 || JSON.stringify(u) !== JSON.stringify(unresolvedSorted[i - 1])),
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/spdx.ts





/** `SPDXRef-<type>-<name>-<12 hex of the identity>`: readable, stable, and unique per component. */
function spdxId(c) {
    const slug = c.name
        .replace(/^[a-z]+:\/\//, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${c.type} ${c.id}`).digest('hex').slice(0, 12);
    return `SPDXRef-${c.type}-${slug ? `${slug}-` : ''}${hash}`;
}
function spdxPurpose(c) {
    if (c.type === 'image')
        return 'CONTAINER';
    if (c.type === 'chart')
        return 'APPLICATION';
    if (c.sourceKind === 'GitRepository')
        return 'SOURCE';
    return c.sourceKind === 'OCIRepository' ? 'ARCHIVE' : 'OTHER';
}
/** Where the exact package can be downloaded: a Git source as a VCS location, else NOASSERTION (OCI content has its purl). */
function downloadLocation(c) {
    if (c.sourceKind === 'GitRepository' && c.url && /^(https?|ssh):\/\//.test(c.url) && c.version) {
        return `git+${c.url}@${c.version}${c.type === 'chart' && c.chart ? `#${c.chart}` : ''}`;
    }
    return 'NOASSERTION';
}
function spdxPackage(c) {
    const out = {
        SPDXID: spdxId(c),
        name: c.name,
        downloadLocation: downloadLocation(c),
        filesAnalyzed: false,
        primaryPackagePurpose: spdxPurpose(c),
    };
    const version = c.version ?? c.digest;
    if (version)
        out.versionInfo = version;
    const hash = digestHash(c.digest);
    if (hash)
        out.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
    if (c.purl)
        out.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }];
    const notes = [
        c.versionConstraint && `version constraint: ${c.versionConstraint}`,
        c.sourceRef && `source: ${c.sourceRef}`,
        c.url && `location: ${c.url}`,
        ...c.foundAt.map((at) => `found at ${formatFoundAt(at)}`),
    ].filter((n) => Boolean(n));
    out.comment = notes.join('\n');
    return out;
}
/**
 * An SPDX 2.3 JSON document: the artifact as the package the document DESCRIBES, DEPENDS_ON each image, chart
 * and source package (`filesAnalyzed: false`, purl external references, digests as checksums). The namespace
 * ends in a UUID derived from the content (not the timestamp).
 */
function spdxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const artifactId = 'SPDXRef-Artifact';
    const artifact = {
        SPDXID: artifactId,
        name: (0,reference/* repositoryName */.aR)(s.ref),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'ARCHIVE',
    };
    const version = s.ref.digest ?? s.ref.tag;
    if (version)
        artifact.versionInfo = version;
    const hash = digestHash(s.ref.digest);
    if (hash)
        artifact.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
    artifact.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: ociPackageUrl(s.ref) }];
    const notes = [s.ref.tag && `tag: ${s.ref.tag}`, s.source && `source: ${s.source}`, s.revision && `revision: ${s.revision}`].filter((n) => Boolean(n));
    if (notes.length)
        artifact.comment = notes.join('\n');
    const packages = sortedComponents(inventory).map(spdxPackage);
    const ids = new Set([artifactId]);
    for (const p of packages) {
        if (ids.has(p.SPDXID))
            throw new errors/* SbomError */.S('SPDX_ID_COLLISION', `two components share the SPDX identifier ${p.SPDXID}`);
        ids.add(p.SPDXID);
    }
    const document = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: (0,reference/* formatReference */.FH)(s.ref),
        documentNamespace: '',
        creationInfo: { created: '', creators: [`Tool: d2ci${options.toolVersion ? `-${options.toolVersion}` : ''}`] },
        packages: [artifact, ...packages],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId },
            ...packages.map((p) => ({
                spdxElementId: artifactId,
                relationshipType: 'DEPENDS_ON',
                relatedSpdxElement: p.SPDXID,
            })),
        ],
    };
    const base = (options.namespaceBase ?? 'https://spdx.org/spdxdocs/d2ci').replace(/\/+$/, '');
    const slug = (0,reference/* repositoryName */.aR)(s.ref).replace(/[^A-Za-z0-9.-]+/g, '-');
    document.documentNamespace = `${base}/${slug}-${uuidFromContent(`spdx\n${base}\n${JSON.stringify(document)}`)}`;
    document.creationInfo.created = timestampOf(options);
    return document;
}

;// CONCATENATED MODULE: ../../packages/core/src/documents/attach.ts
// SBOM and VEX documents attached to an artifact as OCI 1.1 referrers, optionally also as signed in-toto
// attestations, so registries, Trivy-style scanners (they look for these artifact types) and cosign find them.










/** A user's SPDX, CycloneDX or OpenVEX JSON file, recognised by its content. */
async function readDocument(path) {
    let content;
    try {
        content = await (0,promises_.readFile)(path);
    }
    catch (err) {
        throw new errors/* SbomError */.S('DOCUMENT_UNREADABLE', `cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, { field: 'attach', cause: err });
    }
    let detected;
    try {
        detected = (0,document_type/* detectDocumentType */.r)(content);
    }
    catch (err) {
        if (err instanceof errors/* SbomError */.S)
            throw new errors/* SbomError */.S(err.code, `${(0,external_node_path_.basename)(path)}: ${err.message}`, { field: 'attach', cause: err });
        throw err;
    }
    return { format: detected.format, mediaType: detected.mediaType, content, source: (0,external_node_path_.basename)(path) };
}
/** The SBOM of what a tree deploys (images, charts, sources), as CycloneDX or SPDX JSON. */
async function generateSbom(dir, format, subject, options = {}) {
    const { timestamp, ...walk } = options;
    const inventory = await findDeployedComponents(dir, walk);
    const document = format === 'cyclonedx' ? cycloneDxDocument(inventory, subject, { timestamp }) : spdxDocument(inventory, subject, { timestamp });
    return {
        format,
        mediaType: document_type/* documentMediaTypes */.f[format],
        content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`),
        source: 'generated',
    };
}
/**
 * Attaches each document to `subject` as a referrer whose artifactType is the document's media type, and, with
 * `attest`, also as a signed in-toto attestation (the same signer as the artifact's signature, so one certificate).
 */
async function attachDocuments(target, subject, documents, options = {}) {
    const attached = [];
    for (const document of documents) {
        const referrer = await (0,attach/* attachReferrer */.v)(target, subject, {
            artifactType: document.mediaType,
            content: document.content,
            annotations: {
                'org.opencontainers.image.created': (0,time/* rfc3339 */.a)(new Date()),
                ...(document.source !== 'generated' ? { 'org.opencontainers.image.title': document.source } : {}),
            },
        });
        const entry = { format: document.format, mediaType: document.mediaType, source: document.source, referrer };
        if (options.attest) {
            const attestation = await attestDocument(target, subject, {
                identity: options.attest.identity,
                signer: options.attest.signer,
                predicateType: predicateTypes[document.format],
                predicate: JSON.parse(document.content.toString('utf8')),
            });
            entry.attestation = attestation.referrer;
        }
        attached.push(entry);
    }
    return attached;
}
/** `spdx`, `cyclonedx`, `openvex` or a predicate type URI, as the predicate type to require. */
function attestationPredicateType(name) {
    const known = predicateTypes[name.trim().toLowerCase()];
    if (known)
        return known;
    if (/^https?:\/\//.test(name.trim()))
        return name.trim();
    throw new errors/* SbomError */.S('PREDICATE_TYPE', `"${name}" is not spdx, cyclonedx, openvex or a predicate type URI`, {
        field: 'require-attestations',
    });
}


/***/ })

};

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3018:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5708);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2765);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3216);



await (0,_d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(async () => (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(await (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .getInputs */ .G)()));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2765:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ getInputs)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __nccwpck_require__(2328);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 5 modules
var verify = __nccwpck_require__(6679);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ../../packages/core/src/sign/attest.ts



/** in-toto predicate types of the documents d2ci attests, as cosign's `--type` shorthands map them. */
const attest_predicateTypes = {
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
async function attest_attestDocument(target, subject, options) {
    const signer = options.signer ?? (await createBundleSigner(options.identity));
    const bundle = await signer.signStatement(inTotoStatement(subject.digest, options.predicateType, options.predicate));
    const referrer = await attachSigstoreBundle(target, subject, bundle, options.predicateType);
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    return { referrer, predicateType: options.predicateType, ...(logIndex !== undefined ? { rekorLogIndex: String(logIndex) } : {}) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/sbom.ts






// CycloneDX 1.6 and SPDX 2.3 JSON documents of what a configuration artifact deploys, written directly (they
// are small, and a library would weigh on the bundled actions); the tests validate them against the official
// JSON schemas. Everything but the timestamp is deterministic: sorted, with identifiers derived from content.
/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
const sbom_documentMediaTypes = {
    spdx: 'application/spdx+json',
    cyclonedx: 'application/vnd.cyclonedx+json',
    openvex: 'application/openvex+json',
};
class sbom_SbomError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SbomError';
    }
}
function readSubject(subject) {
    let ref;
    try {
        ref = parseReference(subject.repository);
    }
    catch (err) {
        throw new sbom_SbomError(`SBOM subject: ${err.message}`);
    }
    const tag = subject.tag ?? ref.tag;
    const digest = subject.digest ?? ref.digest;
    if (digest !== undefined) {
        try {
            parseDigest(digest);
        }
        catch (err) {
            throw new sbom_SbomError(`SBOM subject: ${err.message}`);
        }
    }
    const out = { ref: { registry: ref.registry, repository: ref.repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) } };
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
        throw new sbom_SbomError(`SBOM timestamp "${String(value)}" is not a valid date`);
    return rfc3339(date);
}
// A fixed namespace for d2ci's name-based UUIDs.
const uuidNamespace = Buffer.from('8f1c7e52a3b94d0e9c6a2b5d7e4f1a30', 'hex');
/** An RFC 9562 version 5 (SHA-1, name-based) UUID: the same content always gives the same UUID. */
function uuidFromContent(content) {
    const hash = createHash('sha1').update(uuidNamespace).update(content).digest();
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
    const { algorithm, hex } = parseDigest(digest);
    return { alg: algorithm === 'sha256' ? 'SHA-256' : 'SHA-512', hex };
}
const bomRef = (c) => `${c.type}:${c.id}`;
const subjectRef = (s) => `artifact:${formatReference(s.ref)}`;
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
    return list.sort((a, b) => compareBytes(a.name, b.name) || compareBytes(a.value, b.value));
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
    const out = { type: 'data', 'bom-ref': subjectRef(s), name: repositoryName(s.ref) };
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
function sortedComponents(inventory) {
    return [...inventory.components].sort((a, b) => compareBytes(a.type, b.type) || compareBytes(a.id, b.id));
}
/**
 * A CycloneDX 1.6 JSON BOM: the artifact as `metadata.component` (type `data`, `pkg:oci` purl), each image a
 * `container`, each chart an `application`, each other source `data`, with purls, digests as hashes, where each
 * was found as `d2ci:found-at` properties, and the artifact depending on every one. `serialNumber` is a UUID
 * derived from the content (not the timestamp), so the same inventory gives the same document.
 */
function sbom_cycloneDxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const components = sortedComponents(inventory).map(cycloneDxComponent);
    const tool = { type: 'application', name: 'd2ci', ...(options.toolVersion ? { version: options.toolVersion } : {}) };
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
/** `SPDXRef-<type>-<name>-<12 hex of the identity>`: readable, stable, and unique per component. */
function spdxId(c) {
    const slug = c.name
        .replace(/^[a-z]+:\/\//, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64);
    const hash = createHash('sha256').update(`${c.type} ${c.id}`).digest('hex').slice(0, 12);
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
    const out = { SPDXID: spdxId(c), name: c.name, downloadLocation: downloadLocation(c), filesAnalyzed: false, primaryPackagePurpose: spdxPurpose(c) };
    const version = c.version ?? c.digest;
    if (version)
        out.versionInfo = version;
    const hash = digestHash(c.digest);
    if (hash)
        out.checksums = [{ algorithm: hash.alg === 'SHA-256' ? 'SHA256' : 'SHA512', checksumValue: hash.hex }];
    if (c.purl)
        out.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }];
    const notes = [c.versionConstraint && `version constraint: ${c.versionConstraint}`, c.sourceRef && `source: ${c.sourceRef}`, c.url && `location: ${c.url}`, ...c.foundAt.map((at) => `found at ${formatFoundAt(at)}`)].filter((n) => Boolean(n));
    out.comment = notes.join('\n');
    return out;
}
/**
 * An SPDX 2.3 JSON document: the artifact as the package the document DESCRIBES, DEPENDS_ON each image, chart
 * and source package (`filesAnalyzed: false`, purl external references, digests as checksums). The namespace
 * ends in a UUID derived from the content (not the timestamp).
 */
function sbom_spdxDocument(inventory, subject, options = {}) {
    const s = readSubject(subject);
    const artifactId = 'SPDXRef-Artifact';
    const artifact = { SPDXID: artifactId, name: repositoryName(s.ref), downloadLocation: 'NOASSERTION', filesAnalyzed: false, primaryPackagePurpose: 'ARCHIVE' };
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
            throw new sbom_SbomError(`two components share the SPDX identifier ${p.SPDXID}`);
        ids.add(p.SPDXID);
    }
    const document = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: formatReference(s.ref),
        documentNamespace: '',
        creationInfo: { created: '', creators: [`Tool: d2ci${options.toolVersion ? `-${options.toolVersion}` : ''}`] },
        packages: [artifact, ...packages],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: artifactId },
            ...packages.map((p) => ({ spdxElementId: artifactId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: p.SPDXID })),
        ],
    };
    const base = (options.namespaceBase ?? 'https://spdx.org/spdxdocs/d2ci').replace(/\/+$/, '');
    const slug = repositoryName(s.ref).replace(/[^A-Za-z0-9.-]+/g, '-');
    document.documentNamespace = `${base}/${slug}-${uuidFromContent(`spdx\n${base}\n${JSON.stringify(document)}`)}`;
    document.creationInfo.created = timestampOf(options);
    return document;
}
/**
 * Which kind of document a user gave, by its content: SPDX 2.x JSON (`spdxVersion`), CycloneDX JSON
 * (`bomFormat: CycloneDX`) or OpenVEX (`@context` https://openvex.dev/ns…). Accepts the parsed JSON, its text or
 * bytes; throws an SbomError saying what was found otherwise.
 */
function sbom_detectDocumentType(json) {
    let value = json;
    if (typeof value === 'string' || value instanceof Uint8Array) {
        const text = (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).replace(/^\uFEFF/, '').trim();
        if (text.startsWith('<'))
            throw new sbom_SbomError('the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new sbom_SbomError(`the document is not JSON (${err.message}); give an SPDX, CycloneDX or OpenVEX JSON document`);
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new sbom_SbomError(`the document is ${Array.isArray(value) ? 'a JSON array' : `JSON ${value === null ? 'null' : typeof value}`}; expected an SPDX, CycloneDX or OpenVEX JSON object`);
    }
    const doc = value;
    if (typeof doc.spdxVersion === 'string' && /^SPDX-/.test(doc.spdxVersion)) {
        return { format: 'spdx', mediaType: sbom_documentMediaTypes.spdx, version: doc.spdxVersion.slice('SPDX-'.length) };
    }
    if (doc.bomFormat === 'CycloneDX') {
        return { format: 'cyclonedx', mediaType: sbom_documentMediaTypes.cyclonedx, ...(typeof doc.specVersion === 'string' ? { version: doc.specVersion } : {}) };
    }
    const context = doc['@context'];
    const contexts = (Array.isArray(context) ? context : [context]).filter((c) => typeof c === 'string');
    const openvex = contexts.find((c) => /^https:\/\/openvex\.dev\/ns(\/|$)/.test(c));
    if (openvex) {
        const version = /^https:\/\/openvex\.dev\/ns\/v?([0-9][^/]*)/.exec(openvex)?.[1];
        return { format: 'openvex', mediaType: sbom_documentMediaTypes.openvex, ...(version ? { version } : {}) };
    }
    if (contexts.some((c) => /spdx\.org\/rdf\/3/.test(c))) {
        throw new sbom_SbomError('the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX');
    }
    const keys = Object.keys(doc).slice(0, 8);
    throw new sbom_SbomError(`the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`);
}

;// CONCATENATED MODULE: ../../packages/core/src/artifact/documents.ts
// SBOM and VEX documents attached to an artifact as OCI 1.1 referrers, optionally also as signed in-toto
// attestations, so registries, Trivy-style scanners (they look for these artifact types) and cosign find them.







/** A user's SPDX, CycloneDX or OpenVEX JSON file, recognised by its content. */
async function readDocument(path) {
    let content;
    try {
        content = await readFile(path);
    }
    catch (err) {
        throw new SbomError(`cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
    }
    let detected;
    try {
        detected = detectDocumentType(content);
    }
    catch (err) {
        if (err instanceof SbomError)
            throw new SbomError(`${basename(path)}: ${err.message}`);
        throw err;
    }
    return { format: detected.format, mediaType: detected.mediaType, content, source: basename(path) };
}
/** The SBOM of what a tree deploys (images, charts, sources), as CycloneDX or SPDX JSON. */
async function generateSbom(dir, format, subject, options = {}) {
    const { timestamp, ...walk } = options;
    const inventory = await findDeployedComponents(dir, walk);
    const document = format === 'cyclonedx' ? cycloneDxDocument(inventory, subject, { timestamp }) : spdxDocument(inventory, subject, { timestamp });
    return { format, mediaType: documentMediaTypes[format], content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), source: 'generated' };
}
/**
 * Attaches each document to `subject` as a referrer whose artifactType is the document's media type, and, with
 * `attest`, also as a signed in-toto attestation (the same signer as the artifact's signature, so one certificate).
 */
async function attachDocuments(target, subject, documents, options = {}) {
    const attached = [];
    for (const document of documents) {
        const referrer = await attachReferrer(target, subject, {
            artifactType: document.mediaType,
            content: document.content,
            annotations: { 'org.opencontainers.image.created': rfc3339(new Date()), ...(document.source !== 'generated' ? { 'org.opencontainers.image.title': document.source } : {}) },
        });
        const entry = { format: document.format, mediaType: document.mediaType, source: document.source, referrer };
        if (options.attest) {
            const attestation = await attestDocument(target, subject, { identity: options.attest.identity, signer: options.attest.signer, predicateType: predicateTypes[document.format], predicate: JSON.parse(document.content.toString('utf8')) });
            entry.attestation = attestation.referrer;
        }
        attached.push(entry);
    }
    return attached;
}
/** `spdx`, `cyclonedx`, `openvex` or a predicate type URI, as the predicate type to require. */
function attestationPredicateType(name) {
    const known = attest_predicateTypes[name.trim().toLowerCase()];
    if (known)
        return known;
    if (/^https?:\/\//.test(name.trim()))
        return name.trim();
    throw new sbom_SbomError(`"${name}" is not spdx, cyclonedx, openvex or a predicate type URI`);
}

// EXTERNAL MODULE: ../../packages/core/src/verify/notation.ts + 1 modules
var notation = __nccwpck_require__(7156);
// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 23 modules
var src = __nccwpck_require__(5708);
;// CONCATENATED MODULE: ./src/inputs.ts




function inputs_location() {
    const url = (0,src/* stringInput */.Uj)('url');
    const repository = (0,src/* stringInput */.Uj)('repository');
    const ref = (0,src/* stringInput */.Uj)('ref');
    if (url && repository)
        throw new src/* InputError */.dz('url', 'give `url`, or `repository` with `ref`, not both');
    if (!url && !repository)
        throw new src/* InputError */.dz('repository', 'is required (or `url`); e.g. repository: ghcr.io/acme/fleet with ref: latest');
    const input = url ? 'url' : 'repository';
    let parsed;
    try {
        parsed = (0,oci_open/* parseLocation */.zS)(url || repository);
    }
    catch (err) {
        if (err instanceof errors/* InvalidReferenceError */.x_)
            throw new src/* InputError */.dz(input, err.message.replace(/^invalid reference /, ''));
        throw err;
    }
    const inline = parsed.kind === 'registry' ? (parsed.reference.digest ?? parsed.reference.tag) : (parsed.digest ?? parsed.tag);
    if (repository && inline)
        throw new src/* InputError */.dz('repository', `"${repository}" already names "${inline}"; put the tag or digest in \`ref\``);
    let reference = inline ?? (ref || 'latest');
    if (ref && !url) {
        try {
            const withRef = (0,oci_open/* parseLocation */.zS)(`${repository}${ref.includes(':') ? '@' : ':'}${ref}`);
            reference = (withRef.kind === 'registry' ? (withRef.reference.digest ?? withRef.reference.tag) : (withRef.digest ?? withRef.tag)) ?? ref;
        }
        catch (err) {
            if (err instanceof errors/* InvalidReferenceError */.x_)
                throw new src/* InputError */.dz('ref', `"${ref}" is not a tag or digest: ${err.message.replace(/^invalid (reference|layout location) "[^"]*": /, '')}`);
            throw err;
        }
    }
    return { location: parsed, reference };
}
/** Reads and validates every input (and loads the trust material) before anything is fetched. */
async function getInputs() {
    const context = (0,src/* githubContext */.h4)();
    const { location: parsed, reference } = inputs_location();
    const notation = notationInputs(context);
    const formatValue = (0,src/* stringInput */.Uj)('signature-format', { fallback: notation ? 'notation' : 'auto' });
    if (formatValue === 'notation' && !notation)
        throw new src/* InputError */.dz('notation-trust-policy', 'is required with `signature-format: notation` (with `notation-trust-store`)');
    if (formatValue !== 'notation' && notation)
        throw new src/* InputError */.dz('signature-format', `is "${formatValue}", but \`notation-trust-policy\` asks for Notary Project verification; leave it empty or set notation`);
    if (!verify/* verifyFormats */.oP.includes(formatValue) && formatValue !== 'notation')
        throw new src/* InputError */.dz('signature-format', `"${formatValue}" is not one of ${verify/* verifyFormats */.oP.join(', ')}, notation`);
    if (notation) {
        if ((0,src/* stringInput */.Uj)('certificate-identity') || (0,src/* stringInput */.Uj)('certificate-identity-regexp') || (0,src/* stringInput */.Uj)('key'))
            throw new src/* InputError */.dz('notation-trust-policy', 'replaces `certificate-identity(-regexp)` and `key`: the trust policy names the trusted identities');
        return { location: parsed, reference, verification: { kind: 'key', keys: [] }, format: 'auto', annotations: annotationsInput(), requireAttestations: [], notation, registry: (0,src/* registryInputs */.P4)(), context };
    }
    const annotations = annotationsInput();
    const verification = await (0,src/* verificationInputs */.zi)(src/* verifyInputNames */.uU, context);
    let requireAttestations;
    try {
        requireAttestations = (0,src/* listInput */.dt)('require-attestations').map(attestationPredicateType);
    }
    catch (err) {
        throw new src/* InputError */.dz('require-attestations', err.message);
    }
    return { location: parsed, reference, verification, format: formatValue, annotations, requireAttestations, notation: undefined, registry: (0,src/* registryInputs */.P4)(), context };
}
function annotationsInput() {
    const annotations = {};
    for (const line of (0,src/* linesInput */.WO)('annotations')) {
        const cut = line.indexOf('=');
        if (cut <= 0)
            throw new src/* InputError */.dz('annotations', `"${line}" is not key=regexp, e.g. org.opencontainers.image.revision=^refs/heads/main@`);
        try {
            annotations[line.slice(0, cut).trim()] = new RegExp(line.slice(cut + 1).trim());
        }
        catch (err) {
            throw new src/* InputError */.dz('annotations', `"${line}": ${err.message}`);
        }
    }
    return annotations;
}
/** `notation-trust-policy` (JSON, or a file in the workspace) and `notation-trust-store` (a directory laid out as Notation's). */
function notationInputs(context) {
    const policy = (0,src/* stringInput */.Uj)('notation-trust-policy');
    const store = (0,src/* stringInput */.Uj)('notation-trust-store');
    if (!policy && !store)
        return undefined;
    if (!policy)
        throw new src/* InputError */.dz('notation-trust-policy', 'is required with `notation-trust-store`: the trustpolicy.json that says which stores and identities to trust');
    if (!store)
        throw new src/* InputError */.dz('notation-trust-store', 'is required with `notation-trust-policy`: a directory holding x509/ca/<name>/*.pem (as Notation\'s trust store)');
    let text = policy;
    if (!policy.trimStart().startsWith('{')) {
        const path = (0,external_node_path_.resolve)(context.workspace, policy);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new src/* InputError */.dz('notation-trust-policy', `is neither JSON nor a file in the workspace ("${policy}")`);
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    let trustPolicy;
    try {
        trustPolicy = (0,notation/* parseNotationTrustPolicy */.sS)(text);
    }
    catch (err) {
        throw new src/* InputError */.dz('notation-trust-policy', err.message);
    }
    const storePath = (0,external_node_path_.resolve)(context.workspace, store);
    if (!(0,external_node_fs_.existsSync)(storePath))
        throw new src/* InputError */.dz('notation-trust-store', `"${store}" does not exist in the workspace`);
    return { trustPolicy, trustStore: (0,notation/* notationDirectoryTrustStore */.J8)(storePath) };
}


/***/ }),

/***/ 3216:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/verify/notation.ts + 1 modules
var verify_notation = __nccwpck_require__(7156);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 5 modules
var verify = __nccwpck_require__(6679);
// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 1 modules
var oci_open = __nccwpck_require__(2328);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __nccwpck_require__(1737);
// EXTERNAL MODULE: ../../packages/core/src/auth/github.ts
var auth_github = __nccwpck_require__(9999);
;// CONCATENATED MODULE: ../../packages/core/src/auth/hints.ts


/** What a cloud identity needs to push, when its registry refuses it. */
const cloudPermissions = {
    aws: (_registry, repository) => `the AWS identity needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchGetImage on the repository ${repository}, which must exist`,
    gcp: (_registry, repository) => `the Google identity needs roles/artifactregistry.writer on ${repository} (or Storage write access for Container Registry)`,
    azure: (registry) => `the Azure identity needs the AcrPush role on ${registry}`,
};
const credentialFix = {
    action: 'set `registry-username` and `registry-password`, or `github-token` for ghcr.io, or log in with docker/login-action',
    cli: 'pass --creds user:password, or run docker login',
};
/**
 * Adds the fix a user needs to a registry auth failure: which permission or input is missing. Other errors
 * come back unchanged.
 */
function withAuthHint(err, context) {
    if (!(err instanceof errors/* OciError */.Mf) || (err.status !== 401 && err.status !== 403))
        return err;
    const github = (0,auth_github/* isGitHubRegistry */.v)(context.registry, process.env.GITHUB_SERVER_URL || undefined);
    let hint;
    if (!context.hasCredentials) {
        hint = `no credentials for ${context.registry}: ${credentialFix[context.vocabulary]}`;
    }
    else if (github) {
        hint =
            context.vocabulary === 'action'
                ? `add \`permissions: packages: write\` to the job, and give this repository access to the package ${context.repository} (package settings → Manage Actions access)`
                : `use a token with the write:packages scope for ${context.registry}`;
    }
    else if (context.provider && context.provider !== 'generic') {
        hint = cloudPermissions[context.provider](context.registry, context.repository);
    }
    else if (err.status === 401) {
        hint = `the registry rejected the credentials for ${context.registry}; check them`;
    }
    else {
        hint = `the credentials lack permission for ${context.registry}/${context.repository}`;
    }
    return new errors/* OciError */.Mf(err.code, `${err.message}; ${hint}`, { status: err.status, cause: err });
}

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 23 modules
var src = __nccwpck_require__(5708);
;// CONCATENATED MODULE: ./src/main.ts


/** Notary Project verification with a trust policy and trust store, as Flux's `verify.provider: notation`. */
async function runNotation(inputs, notation, target, name, explain) {
    let result;
    try {
        result = await (0,verify_notation/* verifyNotation */.Wx)({ target, reference: inputs.reference, repository: inputs.location.kind === 'registry' ? name : undefined, trustPolicy: notation.trustPolicy, trustStore: notation.trustStore, annotations: inputs.annotations });
    }
    catch (err) {
        if (err instanceof verify_notation/* NotationPolicyError */.DT)
            throw new src/* InputError */.dz('notation-trust-policy', err.message);
        throw await explain(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,verify/* artifactOrigin */.$7)(result.annotations);
    const { verified, reasons } = result;
    src/* runner.setOutput */.lj.setOutput('verified', String(verified));
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('format', 'notation');
    src/* runner.setOutput */.lj.setOutput('identity', result.signer ? `x509: ${result.signer.subject}` : '');
    src/* runner.setOutput */.lj.setOutput('issuer', '');
    src/* runner.setOutput */.lj.setOutput('signer-repository', '');
    src/* runner.setOutput */.lj.setOutput('attestations', '[]');
    src/* runner.setOutput */.lj.setOutput('revision', revision ?? '');
    src/* runner.setOutput */.lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        src/* runner.warning */.lj.warning(warning);
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact verification (Notary Project)',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(`${name}:${inputs.reference}`)} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${verified ? '✅ verified (notation)' : result.skipped ? '⏭ skipped by the trust policy' : '❌ not verified'} | ${(0,src/* cell */.Hn)(result.signer?.subject ?? '—')} | ${(0,src/* cell */.Hn)(revision ?? '—')} |`,
        '',
        `Trust policy: ${(0,src/* cell */.Hn)(result.policy ?? '—')} (${result.level ?? '—'}). ${result.signaturesChecked} signature(s) examined.`,
        ...(verified ? [] : ['', ...reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n'));
    if (verified) {
        src/* runner.info */.lj.info(`Verified ${name}@${digest} (notation): signed by ${result.signer?.subject ?? ''}, trust policy ${result.policy ?? ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : reasons.join('; ')}`);
}
async function run(inputs) {
    const { client, credentials } = (0,src/* registrySession */.EK)(inputs.registry, inputs.context, inputs.location);
    const target = (0,oci_open/* openTarget */.Ap)(inputs.location, client);
    const name = (0,oci_open/* locationName */.zb)(inputs.location);
    const explainRegistry = async (err) => {
        if (err instanceof errors/* OciError */.Mf && err.code === 'NETWORK' && (0,http/* networkErrorCode */.a0)(err.cause) === 'ENOTFOUND')
            return new src/* InputError */.dz('repository', err.message);
        if (inputs.location.kind !== 'registry')
            return err;
        const { registry, repository } = inputs.location.reference;
        return withAuthHint(err, { registry, repository, hasCredentials: (await credentials(registry).catch(() => undefined)) !== undefined, vocabulary: 'action', provider: inputs.registry.provider });
    };
    if (inputs.notation)
        return runNotation(inputs, inputs.notation, target, name, explainRegistry);
    let result;
    try {
        result = await (0,verify/* verifyArtifact */.oc)({ target, reference: inputs.reference, verification: inputs.verification, format: inputs.format, annotations: inputs.annotations, requireAttestations: inputs.requireAttestations });
    }
    catch (err) {
        throw await explainRegistry(err);
    }
    const digest = result.descriptor.digest;
    const { source, revision } = (0,verify/* artifactOrigin */.$7)(result.annotations);
    src/* runner.setOutput */.lj.setOutput('verified', String(result.verified));
    src/* runner.setOutput */.lj.setOutput('digest', digest);
    src/* runner.setOutput */.lj.setOutput('digest-url', `${name}@${digest}`);
    src/* runner.setOutput */.lj.setOutput('format', result.format ?? '');
    src/* runner.setOutput */.lj.setOutput('identity', result.identity ?? '');
    src/* runner.setOutput */.lj.setOutput('issuer', result.issuer ?? '');
    src/* runner.setOutput */.lj.setOutput('signer-repository', result.sourceRepository ?? '');
    src/* runner.setOutput */.lj.setOutput('attestations', JSON.stringify(result.attestations));
    src/* runner.setOutput */.lj.setOutput('revision', revision ?? '');
    src/* runner.setOutput */.lj.setOutput('source', source ?? '');
    for (const warning of result.warnings)
        src/* runner.warning */.lj.warning(warning);
    const policy = inputs.verification.kind === 'key' ? `${inputs.verification.keys.length} public key(s)` : inputs.verification.policy.describe;
    src/* runner.appendSummary */.lj.appendSummary([
        '### Flux artifact verification',
        '',
        '| Artifact | Digest | Result | Signer | Revision |',
        '|---|---|---|---|---|',
        `| ${(0,src/* cell */.Hn)(`${name}:${inputs.reference}`)} | \`${(0,src/* shortDigest */.VK)(digest)}\` | ${result.verified ? `✅ verified (${result.format})` : '❌ not verified'} | ${(0,src/* cell */.Hn)(result.identity ?? '—')}${result.issuer ? ` (${(0,src/* cell */.Hn)(result.issuer)})` : ''}${result.sourceRepository ? `, run in ${(0,src/* cell */.Hn)(result.sourceRepository)}` : ''} | ${(0,src/* cell */.Hn)(revision ?? '—')} |`,
        '',
        `Policy: ${(0,src/* cell */.Hn)(policy)}. ${result.signaturesChecked} signature(s) examined.`,
        ...result.attestations.map((a) => `- attestation \`${(0,src/* cell */.Hn)(a.predicateType)}\`: ${a.verified ? `✅ verified (${(0,src/* shortDigest */.VK)(a.referrer ?? '')})` : `❌ ${(0,src/* cell */.Hn)(a.reason ?? '')}`}`),
        ...result.warnings.map((w) => `> ⚠ ${(0,src/* cell */.Hn)(w)}`),
        ...(result.verified ? [] : ['', ...result.reasons.map((r) => `- ${(0,src/* cell */.Hn)(r)}`)]),
    ].join('\n'));
    if (result.verified) {
        src/* runner.info */.lj.info(`Verified ${name}@${digest} (${result.format}): signed by ${result.identity}${result.issuer ? ` (${result.issuer})` : ''}${result.sourceRepository ? ` in a run of ${result.sourceRepository}` : ''}`);
        return;
    }
    throw new Error(`${name}:${inputs.reference} (${digest}) is not verified: ${result.reasons.join('; ')}`);
}


/***/ }),

/***/ 5708:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  dz: () => (/* reexport */ inputs_InputError),
  Hn: () => (/* reexport */ cell),
  h4: () => (/* reexport */ githubContext),
  WO: () => (/* reexport */ linesInput),
  dt: () => (/* reexport */ listInput),
  P4: () => (/* reexport */ registryInputs),
  EK: () => (/* reexport */ registrySession),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_namespaceObject),
  VK: () => (/* reexport */ shortDigest),
  Uj: () => (/* reexport */ inputs_stringInput),
  zi: () => (/* reexport */ verificationInputs),
  uU: () => (/* reexport */ verifyInputNames)
});

// UNUSED EXPORTS: booleanInput, cosignSigningInputs, defaultRevision, defaultSource, formatBytes, integerInput, jobCredentials, keyValueInput, oneLine, registryClients, repositoryInput, signingInputs, workspacePath

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
    const workspace = realpathSync(context.workspace);
    const path = resolve(workspace, value);
    let real;
    try {
        real = realpathSync(path);
    }
    catch {
        throw new InputError(input, `"${value}" does not exist in the workspace; check the path (it is relative to the repository root)`);
    }
    const rel = relative(workspace, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new InputError(input, `"${value}" is outside the workspace (${workspace}); use a path inside the checked-out repository`);
    }
    return real;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __nccwpck_require__(8500);
;// CONCATENATED MODULE: ../../packages/core/src/sign/identity.ts
class IdentityTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IdentityTokenError';
    }
}
/** Whether this GitHub job may ask for an OIDC token (`permissions: id-token: write` sets these variables). */
function identity_hasGitHubIdToken(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The GitHub Actions job's OIDC token for an audience, from the runner's token service (what @actions/core's
 * getIDToken does). `onToken` sees each token first, so CI can mask it.
 */
function identity_githubActionsIdentity(audience, options = {}) {
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
            : await identity_githubActionsIdentity(audience, { env: context.env }).getToken();
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
        const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(777), __nccwpck_require__.e(811)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2811, 19));
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
var external_node_child_process_ = __nccwpck_require__(1421);
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
var github = __nccwpck_require__(9999);
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
function resolve_parseProvider(value) {
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

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 1 modules
var http = __nccwpck_require__(1737);
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
var reference = __nccwpck_require__(8936);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var oci_content = __nccwpck_require__(3632);
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
        this.#content.set(descriptor.digest, { descriptor: { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }, source: bytesSource(bytes) });
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

// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(6869);
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
        return targetSource(this, descriptor);
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
class registry_RegistryClient {
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
        provider = resolve_parseProvider(inputs_stringInput('provider'));
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
        cloud.gcp = { ...(gcpProvider ? { workloadIdentityProvider: gcpProvider } : {}), ...(gcpAccount ? { serviceAccount: gcpAccount } : {}) };
    const azureClient = inputs_stringInput('azure-client-id');
    const azureTenant = inputs_stringInput('azure-tenant-id');
    if (azureClient || azureTenant)
        cloud.azure = { ...(azureClient ? { clientId: azureClient } : {}), ...(azureTenant ? { tenantId: azureTenant } : {}) };
    if (provider === 'gcp' && !cloud.gcp?.workloadIdentityProvider)
        throw new inputs_InputError('gcp-workload-identity-provider', 'is required with `provider: gcp`: projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>');
    return { provider, insecure: inputs_booleanInput('insecure', false), username, password, githubToken, cloud };
}
/** Parses a repository input (`host/path`, `oci://host/path` or `oci-layout:DIR`), refusing tags and digests. */
function repositoryInput(name, value) {
    let location;
    try {
        location = parseLocation(value);
    }
    catch (err) {
        if (err instanceof InvalidReferenceError)
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
                throw new inputs_InputError('provider', err.message);
            throw err;
        }
    }
    const credentials = jobCredentials(inputs, context);
    const client = new registry_RegistryClient({
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
            client = new RegistryClient({ credentials: jobCredentials(inputs, context, name), insecure: insecure || inputs.insecure, onSecret: (secret) => core.setSecret(secret), onWarning: (message) => core.warning(message) });
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
            return { kind: 'cosign', format, identity: { kind: 'key', privateKey: loadPrivateKey(pemInput('signing-key', key, context), password) }, describe: 'key-based (no transparency log)' };
        }
        catch (err) {
            if (err instanceof KeyError)
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
    const fulcioUrl = url('fulcio-url', publicGood.fulcio);
    const rekorUrl = url('rekor-url', publicGood.rekor);
    const tsaUrl = url('timestamp-server-url');
    return {
        kind: 'cosign',
        format,
        identity: { kind: 'keyless', identity: githubActionsIdentity('sigstore', { onToken: (token) => core.setSecret(token) }), fulcioUrl, rekorUrl, tsaUrl },
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
    const signer = createNotationKeySigner({ privateKey: pemInput('notation-key', key, context), password, certificateChain: pemInput('notation-certificate-chain', chain, context) }).catch((err) => {
        if (err instanceof NotationError || err instanceof KeyError)
            throw new InputError(/password|decrypt/i.test(err.message) ? 'notation-key-password' : /certificate/i.test(err.message) ? 'notation-certificate-chain' : 'notation-key', err.message);
        throw err;
    });
    signer.catch(() => undefined);
    return { kind: 'notation', format: 'notation', signer, describe: 'Notary Project (X.509 key and chain)' };
}

// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts
var keys = __nccwpck_require__(889);
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
    const { TrustedRoot } = await __nccwpck_require__.e(/* import() */ 154).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7154, 23));
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
    const { getTrustedRoot } = await Promise.all(/* import() */[__nccwpck_require__.e(154), __nccwpck_require__.e(910)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4187));
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
            throw new inputs_InputError(input, `is neither a PEM public key nor a file in the workspace ("${value}")`);
        pem = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [pem];
    try {
        return blocks.map((block) => (0,keys/* loadPublicKey */.fg)(block));
    }
    catch (err) {
        if (err instanceof keys/* KeyError */.eN)
            throw new inputs_InputError(input, err.message);
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
    const key = inputs_stringInput(names.key);
    const identity = inputs_stringInput(names.identity);
    let identityRegexp = inputs_stringInput(names.identityRegexp);
    if (key) {
        if (identity || identityRegexp)
            throw new inputs_InputError(names.key, `give \`${names.key}\` or \`${names.identity}(-regexp)\`, not both`);
        return { kind: 'key', keys: publicKeys(names.key, key, context) };
    }
    if (!identity && !identityRegexp && defaults.identityRegexp)
        identityRegexp = defaults.identityRegexp;
    const issuer = inputs_stringInput(names.issuer);
    const issuerRegexp = inputs_stringInput(names.issuerRegexp);
    // The default repository is a GitHub one: it applies to GitHub-issued certificates only.
    const githubIssued = !issuerRegexp && (!issuer || issuer === githubIssuer);
    let policy;
    try {
        policy = compilePolicy({ identity, identityRegexp, issuer, issuerRegexp, sourceRepository: inputs_stringInput(names.sourceRepository) || (githubIssued ? defaults.sourceRepository : undefined) });
    }
    catch (err) {
        if (err instanceof PolicyInputError) {
            if (/^certificate-github-workflow-repository /.test(err.message))
                throw new inputs_InputError(names.sourceRepository, `${err.message.replace(/^certificate-github-workflow-repository /, '')}, e.g. acme/apps`);
            const name = /issuer/.test(err.message) ? (/regular expression/.test(err.message) ? names.issuerRegexp : names.issuer) : /regular expression/.test(err.message) ? names.identityRegexp : names.identity;
            throw new inputs_InputError(name, err.message.replace(/^certificate-[a-z-]+ /, '').replace(/certificate-identity or certificate-identity-regexp/, `\`${names.identity}\` or \`${names.identityRegexp}\``));
        }
        throw err;
    }
    const file = inputs_stringInput(names.trustedRoot);
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
            throw new inputs_InputError(names.trustedRoot, err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ../../packages/action-kit/src/index.ts










/***/ }),

/***/ 9999:
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

/***/ 3632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ fileSource),
/* harmony export */   Xl: () => (/* binding */ bytesSource),
/* harmony export */   yw: () => (/* binding */ readAll)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8706);



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

/***/ 7796:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gh: () => (/* binding */ artifactTypeOf),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   UM: () => (/* binding */ plainDescriptor),
/* harmony export */   nw: () => (/* binding */ isIndex)
/* harmony export */ });
/* unused harmony exports descriptorFor, successors, sortedAnnotations */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8706);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8613);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8341);



function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** A descriptor for some bytes, with the sha256 digest computed. */
function descriptorFor(mediaType, data, extra = {}) {
    return { mediaType, digest: sha256(data), size: data.length, ...extra };
}
function assertDescriptor(value, where) {
    const d = value;
    if (typeof d !== 'object' || d === null || typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
    }
    (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDigest */ .m)(d.digest);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
    }
    const declared = manifest.mediaType;
    const transported = contentType?.split(';')[0]?.trim();
    if (declared && transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) && declared !== transported) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
    }
    const mediaType = declared ?? (transported && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(transported) ? transported : undefined);
    if (!mediaType || !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isManifestMediaType */ .CM)(mediaType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType)) {
        const index = manifest;
        if (!Array.isArray(index.manifests))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', 'index has no manifests array');
        index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
    }
    else {
        const image = manifest;
        assertDescriptor(image.config, 'config');
        if (!Array.isArray(image.layers))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OciError */ .Mf('MANIFEST_INVALID', 'manifest has no layers array');
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

/***/ 8706:
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

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oK: () => (/* binding */ Transport),
  Or: () => (/* binding */ attemptsOf),
  a0: () => (/* binding */ networkErrorCode)
});

// UNUSED EXPORTS: defaultRetryPolicy, parseRetryAfter

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __nccwpck_require__(8500);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
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

/***/ 8613:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   $P: () => (/* binding */ manifestMediaTypes),
/* harmony export */   CM: () => (/* binding */ isManifestMediaType),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
/* unused harmony export emptyJson */
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

/***/ 2328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zb: () => (/* binding */ locationName),
  Ap: () => (/* binding */ openTarget),
  zS: () => (/* binding */ parseLocation)
});

// UNUSED EXPORTS: childLocation, formatLocation, layoutScheme, locationReference

// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/reference.ts
var reference = __nccwpck_require__(8936);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __nccwpck_require__(6466);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __nccwpck_require__(8085);
// EXTERNAL MODULE: ../../packages/core/src/oci/referrers.ts
var referrers = __nccwpck_require__(6869);
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
/* harmony export */   b5: () => (/* binding */ assertValidTag),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/* unused harmony exports dockerHub, tagRule, isValidTag, repositoryName, formatReference, referenceTarget */
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

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   Qy: () => (/* binding */ removeReferrer),
/* harmony export */   Ul: () => (/* binding */ filterByArtifactType),
/* harmony export */   Xg: () => (/* binding */ addReferrer),
/* harmony export */   _9: () => (/* binding */ emptyReferrersIndex),
/* harmony export */   xh: () => (/* binding */ referrerDescriptor)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8341);
/* harmony import */ var _descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7796);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8613);



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

/***/ 889:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   eN: () => (/* binding */ KeyError),
/* harmony export */   fg: () => (/* binding */ loadPublicKey),
/* harmony export */   xs: () => (/* binding */ keyId)
/* harmony export */ });
/* unused harmony exports loadPrivateKey, publicKeyPem */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);


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
    const secret = scryptSync(password, Buffer.from(key.kdf.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
    let plain;
    try {
        plain = xsalsa20poly1305(secret, Buffer.from(key.cipher.nonce, 'base64')).decrypt(Buffer.from(key.ciphertext, 'base64'));
    }
    catch {
        throw new KeyError('wrong password for the encrypted cosign key');
    }
    return createPrivateKey({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
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
            key = createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined });
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
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch {
        throw new KeyError('the verification key is not a PEM public key (e.g. cosign.pub)');
    }
}
function publicKeyPem(key) {
    return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'pem', type: 'spki' }).toString();
}
/** A stable key id for bundles' public-key hint: hex sha256 of the DER SubjectPublicKeyInfo. */
function keyId(key) {
    const der = (key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key).export({ format: 'der', type: 'spki' });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('hex');
}


/***/ }),

/***/ 7156:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  DT: () => (/* binding */ NotationPolicyError),
  J8: () => (/* binding */ notationDirectoryTrustStore),
  sS: () => (/* binding */ parseNotationTrustPolicy),
  Wx: () => (/* binding */ verifyNotation)
});

// UNUSED EXPORTS: NotationTrustStoreError, applicableNotationTrustPolicy, notationFluxTrustStore, notationMemoryTrustStore, notationValidationTypes, notationVerificationLevel, notationVerificationLevels, parseNotationDistinguishedName, verifyNotationEnvelope

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __nccwpck_require__(8613);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 5 modules
var verify = __nccwpck_require__(6679);
;// CONCATENATED MODULE: ../../packages/core/src/sign/notation.ts
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
    const publicKey = key instanceof external_node_crypto_.X509Certificate ? key.publicKey : key;
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
    asn1Loader ??= __nccwpck_require__.e(/* import() */ 137).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5137, 23)).then((m) => m.ASN1Obj);
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
function notation_splitNotationCertificates(input) {
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
    const der = input instanceof external_node_crypto_.X509Certificate ? input.raw : input;
    const Asn1 = await loadAsn1();
    let x509;
    let root;
    try {
        x509 = input instanceof external_node_crypto_.X509Certificate ? input : new external_node_crypto_.X509Certificate(der);
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
        sha256: (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex'),
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
    const items = typeof chain === 'string' || Buffer.isBuffer(chain) ? notation_splitNotationCertificates(chain) : chain;
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
    return chain.map((der) => (0,external_node_crypto_.createHash)('sha256').update(der).digest('hex'));
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
            return (0,external_node_crypto_.verify)(algorithm.digest, signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
        }
        return (0,external_node_crypto_.verify)(algorithm.digest, signingInput, { key: publicKey, padding: external_node_crypto_.constants.RSA_PKCS1_PSS_PADDING, saltLength: external_node_crypto_.constants.RSA_PSS_SALTLEN_AUTO }, signature);
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
        return createPrivateKey({ key: pem, format: 'pem', passphrase: password || undefined });
    }
    catch (err) {
        // OpenSSL reports a missing or wrong password in several ways; for an encrypted PEM, any failure is the password's.
        if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem))
            throw new NotationError(password ? 'wrong password for the private key' : 'the private key is encrypted; give its password', { cause: err });
        throw new NotationError('the signing key is not a PEM private key (PKCS#8, SEC1 or PKCS#1)', { cause: err });
    }
}
function spki(key) {
    return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
}
/** Signs bytes with a key of the given spec in the JWS form (RSASSA-PSS, salt = hash length; ECDSA raw R||S). */
function notationSignWithKey(keySpec, privateKey, bytes) {
    const algorithm = notationAlgorithms[keySpec];
    return algorithm.keyType === 'ec'
        ? cryptoSign(algorithm.digest, bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : cryptoSign(algorithm.digest, bytes, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
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
        [NotationHeader.signingTime]: rfc3339(signingTime),
        ...(expiry ? { [NotationHeader.expiry]: rfc3339(expiry) } : {}),
    };
    const encodedProtected = Buffer.from(sortedJson(protectedHeader)).toString('base64url');
    const encodedPayload = payload.toString('base64url');
    const signingInput = Buffer.from(`${encodedProtected}.${encodedPayload}`, 'ascii');
    const signature = await signer.sign(signingInput);
    const chainInput = await signer.certificateChain();
    const chain = await parseNotationCertificates(chainInput.map((c) => (c instanceof X509Certificate ? c : Buffer.from(c))));
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
        [NotationAnnotation.created]: rfc3339(signingTime),
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
    const descriptor = await attachReferrer(target, plain, {
        artifactType: NotationMediaType.signature,
        layerMediaType: NotationMediaType.jws,
        content: made.envelope,
        annotations: notationSignatureAnnotations(made.certificates, made.signingTime),
    });
    return { descriptor, signatureRef: `${target.name}@${descriptor.digest}`, envelope: made.envelope, thumbprints: notationThumbprints(made.certificates), signingTime: made.signingTime };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/notation.ts
// Verifies Notary Project (Notation) signatures like notation-go (verifier/verifier.go): a trust policy document
// (trustpolicy.json, version 1.0) picks the policy for the artifact's repository and its verification level, and
// a trust store holds the trusted roots (notaryproject/specifications trust-store-trust-policy.md).








/** An invalid trust policy document, with notation-go's message. */
class NotationPolicyError extends NotationError {
    constructor(message) {
        super(message);
        this.name = 'NotationPolicyError';
    }
}
class NotationTrustStoreError extends NotationError {
    constructor(message) {
        super(message);
        this.name = 'NotationTrustStoreError';
    }
}
const trustPolicyLink = 'https://notaryproject.dev/docs/quickstart/#create-a-trust-policy';
const notationValidationTypes = ['integrity', 'authenticity', 'authenticTimestamp', 'expiry', 'revocation'];
const validationActions = ['enforce', 'log', 'skip'];
const trustStoreTypes = ['ca', 'signingAuthority', 'tsa'];
/** The levels' table (trust-store-trust-policy.md "Signature Verification details"). */
const notationVerificationLevels = {
    strict: { name: 'strict', enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'enforce', expiry: 'enforce', revocation: 'enforce' } },
    permissive: { name: 'permissive', enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' } },
    audit: { name: 'audit', enforcement: { integrity: 'enforce', authenticity: 'log', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' } },
    skip: { name: 'skip', enforcement: { integrity: 'skip', authenticity: 'skip', authenticTimestamp: 'skip', expiry: 'skip', revocation: 'skip' } },
};
/** Go's `%q` of a string (close enough for the ASCII messages notation prints). */
const notation_goQuote = (value) => JSON.stringify(value);
/** Go's `%q` of a string slice. */
const goQuoteList = (values) => `[${values.map(notation_goQuote).join(' ')}]`;
/** The level a policy statement asks for, with its overrides applied (notation-go GetVerificationLevel). */
function notationVerificationLevel(signatureVerification) {
    const name = signatureVerification.level;
    if (!name)
        throw new NotationPolicyError('signature verification level is empty or missing in the trust policy statement');
    const base = Object.hasOwn(notationVerificationLevels, name) ? notationVerificationLevels[name] : undefined;
    if (!base)
        throw new NotationPolicyError(`invalid signature verification level ${notation_goQuote(name)}`);
    const overrides = Object.entries(signatureVerification.override ?? {});
    if (overrides.length === 0)
        return base;
    if (base.name === 'skip')
        throw new NotationPolicyError(`signature verification level ${notation_goQuote(base.name)} can't be used to customize signature verification`);
    const custom = { name: 'custom', enforcement: { ...base.enforcement } };
    for (const [key, value] of overrides) {
        if (!notationValidationTypes.includes(key)) {
            throw new NotationPolicyError(`verification type ${notation_goQuote(key)} in custom signature verification is not supported, supported values are ${goQuoteList(notationValidationTypes)}`);
        }
        if (!validationActions.includes(value)) {
            throw new NotationPolicyError(`verification action ${notation_goQuote(String(value))} in custom signature verification is not supported, supported values are ${goQuoteList(validationActions)}`);
        }
        if (key === 'integrity')
            throw new NotationPolicyError(`"integrity" verification can not be overridden in custom signature verification`);
        if (key !== 'revocation' && value === 'skip')
            throw new NotationPolicyError(`${notation_goQuote(key)} verification can not be skipped in custom signature verification`);
        custom.enforcement[key] = value;
    }
    return custom;
}
// -- Distinguished names (x509.subject identities), as notation-go pkix.ParseDistinguishedName over go-ldap's ParseDN.
/** go-ldap's stripLeadingAndTrailingSpaces: a trailing space survives only when escaped. */
function stripSpaces(value) {
    let trimmed = value.replace(/^ +| +$/g, '');
    if (trimmed.length > 0 && value.endsWith(' ')) {
        let backslashes = 0;
        for (let i = trimmed.length - 1; i >= 0 && trimmed[i] === '\\'; i--)
            backslashes++;
        if (backslashes % 2 === 1)
            trimmed += ' ';
    }
    return trimmed;
}
/** go-ldap's decodeString: unescapes `\c` and `\XX` (bytes, so escaped UTF-8 sequences join up). */
function decodeDnString(value) {
    const chars = [...stripSpaces(value)];
    const bytes = [];
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if (c !== '\\') {
            if ('";<>'.includes(c))
                throw new Error(`got unescaped character: '${c}'`);
            if (c === '\0')
                throw new Error('got unescaped NULL character');
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = chars[i + 1];
        if (next === undefined)
            throw new Error(`got corrupted escaped character: '${chars.join('')}'`);
        if (' "#+,;<=>\\'.includes(next)) {
            bytes.push(next.charCodeAt(0));
            i++;
            continue;
        }
        const hex = `${next}${chars[i + 2] ?? ''}`;
        if (!/^[0-9a-fA-F]{2}$/.test(hex))
            throw new Error(`failed to decode escaped character: encoding/hex: invalid byte: ${hex}`);
        bytes.push(parseInt(hex, 16));
        i += 2;
    }
    return Buffer.from(bytes).toString('utf8');
}
/** go-ldap ParseDN: RDNs split on `,` or `;`, multi-valued attributes on `+`; types as written. */
function parseDn(value) {
    const rdns = [];
    if (value.trim() === '')
        return rdns;
    let rdn = [];
    let type;
    let escaping = false;
    let start = 0;
    for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (escaping)
            escaping = false;
        else if (c === '\\')
            escaping = true;
        else if (c === '=' && !type) {
            type = decodeDnString(value.slice(start, i));
            start = i + 1;
        }
        else if (c === ',' || c === '+' || c === ';') {
            if (!type)
                throw new Error('incomplete type, value pair');
            rdn.push({ type, value: decodeDnString(value.slice(start, i)) });
            type = undefined;
            start = i + 1;
            if (c !== '+') {
                rdns.push(rdn);
                rdn = [];
            }
        }
    }
    if (!type)
        throw new Error('DN ended with incomplete type, value pair');
    rdn.push({ type, value: decodeDnString(value.slice(start)) });
    rdns.push(rdn);
    return rdns;
}
/**
 * Parses an `x509.subject` value with notation's rules: RFC 4514, no `=#` values, no multi-valued RDNs, no
 * repeated attribute, `S` read as `ST`, and C, ST and O required. Returns attribute → value.
 */
function parseNotationDistinguishedName(name) {
    if (name.includes('=#'))
        throw new NotationPolicyError(`unsupported distinguished name (DN) ${notation_goQuote(name)}: notation does not support x509.subject identities containing "=#"`);
    let rdns;
    try {
        rdns = parseDn(name);
    }
    catch (err) {
        throw new NotationPolicyError(`parsing distinguished name (DN) ${notation_goQuote(name)} failed with err: ${err.message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`);
    }
    const attributes = {};
    for (const rdn of rdns) {
        if (rdn.length > 1)
            throw new NotationPolicyError(`distinguished name (DN) ${notation_goQuote(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`);
        for (const attribute of rdn) {
            const type = attribute.type === 'S' ? 'ST' : attribute.type;
            if (attributes[type])
                throw new NotationPolicyError(`distinguished name (DN) ${notation_goQuote(name)} has duplicate RDN attribute for ${notation_goQuote(type)}, DN can only have unique RDN attributes`);
            attributes[type] = attribute.value;
        }
    }
    for (const field of ['C', 'ST', 'O']) {
        if (!attributes[field])
            throw new NotationPolicyError(`distinguished name (DN) ${notation_goQuote(name)} has no mandatory RDN attribute for ${notation_goQuote(field)}, it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`);
    }
    return attributes;
}
/** Every attribute of `subset` is in `dn` with the same value (notation-go pkix.IsSubsetDN). */
function isSubsetDn(subset, dn) {
    return Object.entries(subset).every(([key, value]) => dn[key] === value);
}
/** Go's `%q` of a []map[string]string, the form notation prints identities in. */
function goMaps(maps) {
    return `[${maps.map((m) => `map[${Object.keys(m).sort().map((k) => `${notation_goQuote(k)}:${notation_goQuote(m[k])}`).join(' ')}]`).join(' ')}]`;
}
// -- Policy document validation (notation-go OCIDocument.Validate).
const domainPattern = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/;
const repositoryPattern = /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/;
const storeNamePattern = /^[a-zA-Z0-9_.-]+$/;
function registryScopeProblem(scope) {
    const ensure = 'make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout';
    if (scope.length > 1 && scope.includes('*'))
        return `registry scope ${notation_goQuote(scope)} with wild card(s) is not valid, ${ensure}`;
    const slash = scope.indexOf('/');
    const domain = slash < 0 ? '' : scope.slice(0, slash);
    const repository = slash < 0 ? '' : scope.slice(slash + 1);
    if (!domain || !repository || !domainPattern.test(domain) || !repositoryPattern.test(repository))
        return `registry scope ${notation_goQuote(scope)} is not valid, ${ensure}`;
    return undefined;
}
function validateTrustedIdentities(policyName, identities) {
    if (identities.length > 1 && identities.includes('*')) {
        throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} uses a wildcard trusted identity '*', a wildcard identity cannot be used in conjunction with other values`);
    }
    const parsed = [];
    for (const identity of identities) {
        if (identity === '')
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} has an empty trusted identity`);
        if (identity === '*')
            continue;
        const colon = identity.indexOf(':');
        if (colon < 0)
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} has trusted identity ${notation_goQuote(identity)} missing separator`);
        // notation natively understands x509.subject only; other prefixes are left to plugins.
        if (identity.slice(0, colon) !== 'x509.subject')
            continue;
        const value = identity.slice(colon + 1);
        if (value === '')
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} has trusted identity ${notation_goQuote(identity)} without an identity value`);
        try {
            parsed.push({ raw: identity, dn: parseNotationDistinguishedName(value) });
        }
        catch (err) {
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} has trusted identity ${notation_goQuote(identity)} with invalid identity value: ${err.message}`);
        }
    }
    for (const [i, a] of parsed.entries()) {
        for (const [j, b] of parsed.entries()) {
            if (i !== j && isSubsetDn(a.dn, b.dn))
                throw new NotationPolicyError(`trust policy statement ${notation_goQuote(policyName)} has overlapping x509 trustedIdentities, ${notation_goQuote(a.raw)} overlaps with ${notation_goQuote(b.raw)}`);
        }
    }
}
function validatePolicyStatement(statement) {
    const name = statement.name;
    if (!name)
        throw new NotationPolicyError('a trust policy statement is missing a name, every statement requires a name');
    let level;
    try {
        level = notationVerificationLevel(statement.signatureVerification);
    }
    catch (err) {
        throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} has invalid signatureVerification: ${err.message}`);
    }
    const verifyTimestamp = statement.signatureVerification.verifyTimestamp;
    if (verifyTimestamp && verifyTimestamp !== 'always' && verifyTimestamp !== 'afterCertExpiry') {
        throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} has invalid signatureVerification: verifyTimestamp must be "always" or "afterCertExpiry", but got ${notation_goQuote(verifyTimestamp)}`);
    }
    const stores = statement.trustStores ?? [];
    const identities = statement.trustedIdentities ?? [];
    if (level.name === 'skip') {
        if (stores.length || identities.length) {
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} is set to skip signature verification but configured with trust stores and/or trusted identities, remove them if signature verification needs to be skipped`);
        }
        return;
    }
    if (!stores.length || !identities.length)
        throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} is either missing trust stores or trusted identities, both must be specified`);
    for (const store of stores) {
        const colon = store.indexOf(':');
        if (colon < 0)
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} has malformed trust store value ${notation_goQuote(store)}. The required format is <TrustStoreType>:<TrustStoreName>`);
        const type = store.slice(0, colon);
        const storeName = store.slice(colon + 1);
        if (!trustStoreTypes.includes(type))
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} uses an unsupported trust store type ${notation_goQuote(type)} in trust store value ${notation_goQuote(store)}`);
        if (!storeNamePattern.test(storeName)) {
            throw new NotationPolicyError(`trust policy statement ${notation_goQuote(name)} uses an unsupported trust store name ${notation_goQuote(storeName)} in trust store value ${notation_goQuote(store)}. Named store name needs to follow [a-zA-Z0-9_.-]+ format`);
        }
    }
    validateTrustedIdentities(name, identities);
}
const malformed = () => new NotationPolicyError(`malformed trust policy. To create a trust policy, see: ${trustPolicyLink}`);
const isStringArray = (value) => Array.isArray(value) && value.every((v) => typeof v === 'string');
/** Checks the JSON types the Go structs would accept (anything else fails to decode in notation: "malformed trust policy"). */
function decodeDocument(input) {
    let value = input;
    if (typeof input === 'string' || Buffer.isBuffer(input)) {
        try {
            value = JSON.parse(input.toString());
        }
        catch {
            throw malformed();
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new NotationPolicyError('oci trust policy document cannot be nil');
    const doc = value;
    if (doc.version !== undefined && typeof doc.version !== 'string')
        throw malformed();
    if (doc.trustPolicies !== undefined && doc.trustPolicies !== null && !Array.isArray(doc.trustPolicies))
        throw malformed();
    const policies = (doc.trustPolicies ?? []).map((entry) => {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
            throw malformed();
        const p = entry;
        const sv = (p.signatureVerification ?? {});
        if (typeof sv !== 'object' || Array.isArray(sv))
            throw malformed();
        for (const field of ['name'])
            if (p[field] !== undefined && typeof p[field] !== 'string')
                throw malformed();
        for (const field of ['registryScopes', 'trustStores', 'trustedIdentities'])
            if (p[field] !== undefined && p[field] !== null && !isStringArray(p[field]))
                throw malformed();
        if ((sv.level !== undefined && typeof sv.level !== 'string') || (sv.verifyTimestamp !== undefined && typeof sv.verifyTimestamp !== 'string'))
            throw malformed();
        if (sv.override !== undefined && sv.override !== null && (typeof sv.override !== 'object' || Array.isArray(sv.override) || !Object.values(sv.override).every((v) => typeof v === 'string')))
            throw malformed();
        const policy = {
            name: p.name ?? '',
            registryScopes: p.registryScopes ?? [],
            signatureVerification: {
                level: (sv.level) ?? '',
                ...(sv.override ? { override: sv.override } : {}),
                ...(sv.verifyTimestamp !== undefined ? { verifyTimestamp: sv.verifyTimestamp } : {}),
            },
        };
        if (p.trustStores)
            policy.trustStores = p.trustStores;
        if (p.trustedIdentities)
            policy.trustedIdentities = p.trustedIdentities;
        return policy;
    });
    return { version: (doc.version) ?? '', trustPolicies: policies };
}
/**
 * Reads and validates a trust policy document (a parsed object, or its JSON text) with notation-go's rules and
 * messages: version 1.0, at least one statement, unique names, a valid level and overrides, trust stores and
 * trusted identities present unless the level is `skip` (and absent when it is), `type:name` stores, well-formed
 * non-overlapping `x509.subject` identities, and registry scopes that are `*` alone or fully qualified
 * repositories, each in one statement only.
 */
function parseNotationTrustPolicy(input) {
    const doc = decodeDocument(input);
    if (!doc.version)
        throw new NotationPolicyError('oci trust policy document has empty version, version must be specified');
    if (doc.version !== '1.0')
        throw new NotationPolicyError(`oci trust policy document uses unsupported version ${notation_goQuote(doc.version)}`);
    if (doc.trustPolicies.length === 0)
        throw new NotationPolicyError('oci trust policy document can not have zero trust policy statements');
    const names = new Set();
    for (const statement of doc.trustPolicies) {
        if (names.has(statement.name))
            throw new NotationPolicyError(`multiple oci trust policy statements use the same name ${notation_goQuote(statement.name)}, statement names must be unique`);
        try {
            validatePolicyStatement(statement);
        }
        catch (err) {
            throw new NotationPolicyError(`oci trust policy: ${err.message}`);
        }
        names.add(statement.name);
    }
    const scopeCounts = new Map();
    for (const statement of doc.trustPolicies) {
        if (statement.registryScopes.length === 0)
            throw new NotationPolicyError(`oci trust policy statement ${notation_goQuote(statement.name)} has zero registry scopes, it must specify registry scopes with at least one value`);
        if (statement.registryScopes.length > 1 && statement.registryScopes.includes('*')) {
            throw new NotationPolicyError(`oci trust policy statement ${notation_goQuote(statement.name)} uses wildcard registry scope '*', a wildcard scope cannot be used in conjunction with other scope values`);
        }
        for (const scope of statement.registryScopes) {
            const problem = scope === '*' ? undefined : registryScopeProblem(scope);
            if (problem)
                throw new NotationPolicyError(problem);
            scopeCounts.set(scope, (scopeCounts.get(scope) ?? 0) + 1);
        }
    }
    for (const [scope, count] of scopeCounts) {
        if (count > 1)
            throw new NotationPolicyError(`registry scope ${notation_goQuote(scope)} is present in multiple oci trust policy statements, one registry scope value can only be associated with one statement`);
    }
    return doc;
}
/**
 * The statement that applies to an artifact's repository (`registry/repository`, no tag or digest): the one whose
 * registryScopes contain it exactly, else the global `*` one (notation-go GetApplicableTrustPolicy).
 * `artifact` is only used in the message, e.g. `registry/repository@sha256:...`.
 */
function applicableNotationTrustPolicy(document, repository, artifact = repository) {
    const problem = registryScopeProblem(repository);
    if (problem)
        throw new NotationPolicyError(problem);
    const exact = document.trustPolicies.find((p) => !p.registryScopes.includes('*') && p.registryScopes.includes(repository));
    const global = document.trustPolicies.find((p) => p.registryScopes.includes('*'));
    const policy = exact ?? global;
    if (!policy) {
        throw new NotationPolicyError(`artifact ${notation_goQuote(artifact)} has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes. To create a trust policy, see: ${trustPolicyLink}`);
    }
    return policy;
}
function checkStoreName(type, name) {
    if (!trustStoreTypes.includes(type))
        throw new NotationTrustStoreError(`unsupported trust store type: ${type}`);
    if (!storeNamePattern.test(name))
        throw new NotationTrustStoreError(`trust store name needs to follow [a-zA-Z0-9_.-]+ format, ${name} is invalid`);
}
/** What notation-go's store accepts: CA or self-signed certificates, and for `tsa` self-issued root CAs only. */
async function validateStoreCertificates(type, ders, where, storeName) {
    if (ders.length === 0)
        throw new NotationTrustStoreError(`failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: input certs cannot be empty`);
    for (const der of ders) {
        let certificate;
        try {
            certificate = await parseNotationCertificate(der);
        }
        catch (err) {
            throw new NotationTrustStoreError(`failed to read the trusted certificate ${where} in trust store ${storeName} of type ${type}: ${err.message}`);
        }
        const selfSigned = (() => {
            try {
                return certificate.x509.verify(certificate.x509.publicKey);
            }
            catch {
                return false;
            }
        })();
        if (!certificate.basicConstraints?.ca && !selfSigned) {
            throw new NotationTrustStoreError(`failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: certificate with subject ${notation_goQuote(certificate.subject)} is not a CA certificate or self-signed signing certificate`);
        }
        if (type === 'tsa' && (!certificate.basicConstraints?.ca || !selfSigned || !certificate.rawSubject.equals(certificate.rawIssuer))) {
            throw new NotationTrustStoreError(`trusted certificate ${where} in trust store ${storeName} of type ${type} is invalid: certificate with subject ${notation_goQuote(certificate.subject)} is not a root CA certificate`);
        }
    }
}
function certificatesFrom(source) {
    if (source instanceof X509Certificate)
        return [source.raw];
    return splitNotationCertificates(source);
}
/**
 * A trust store laid out like Notation's: `<root>/x509/<type>/<name>/` holding PEM or DER files (`.pem`, `.crt`,
 * `.cer`). As in notation-go, every entry must be a regular file with certificates (no symlinks, no directories),
 * each a CA or self-signed, and a store must not be empty. Notation's own is `~/.config/notation/truststore`.
 */
function notationDirectoryTrustStore(root) {
    return {
        async certificates(type, name) {
            checkStoreName(type, name);
            const dir = (0,external_node_path_.join)(root, 'x509', type, name);
            let info;
            try {
                info = await (0,promises_.lstat)(dir);
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    throw new NotationTrustStoreError(`the trust store ${notation_goQuote(name)} of type ${notation_goQuote(type)} does not exist`);
                throw new NotationTrustStoreError(`failed to access the trust store ${notation_goQuote(name)} of type ${notation_goQuote(type)}: ${err.message}`);
            }
            if (!info.isDirectory())
                throw new NotationTrustStoreError(`the trust store ${name} of type ${type} with path ${dir} is not a regular directory (symlinks are not supported)`);
            const out = [];
            for (const entry of (await (0,promises_.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
                if (!entry.isFile())
                    throw new NotationTrustStoreError(`trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`);
                let ders;
                try {
                    ders = notation_splitNotationCertificates(await (0,promises_.readFile)((0,external_node_path_.join)(dir, entry.name)));
                }
                catch (err) {
                    throw new NotationTrustStoreError(`failed to read the trusted certificate ${entry.name} in trust store ${name} of type ${type}: ${err.message}`);
                }
                await validateStoreCertificates(type, ders, entry.name, name);
                out.push(...ders);
            }
            if (out.length === 0)
                throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${notation_goQuote(name)} of type ${notation_goQuote(type)}`);
            return out;
        },
    };
}
/** A trust store in memory, keyed like policy statements name stores: `{ 'ca:acme': pemBundle, ... }`. Validated as a directory store is. */
function notationMemoryTrustStore(stores) {
    return {
        async certificates(type, name) {
            checkStoreName(type, name);
            const entry = stores[`${type}:${name}`];
            if (entry === undefined)
                throw new NotationTrustStoreError(`the trust store ${notation_goQuote(name)} of type ${notation_goQuote(type)} does not exist`);
            const sources = Array.isArray(entry) ? entry : [entry];
            const out = [];
            for (const [i, source] of sources.entries()) {
                let ders;
                try {
                    ders = certificatesFrom(source);
                }
                catch (err) {
                    throw new NotationTrustStoreError(`failed to read the trusted certificate #${i + 1} in trust store ${name} of type ${type}: ${err.message}`);
                }
                await validateStoreCertificates(type, ders, `#${i + 1}`, name);
                out.push(...ders);
            }
            if (out.length === 0)
                throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${notation_goQuote(name)} of type ${notation_goQuote(type)}`);
            return out;
        },
    };
}
/**
 * The trust store Flux's source-controller builds from the `verify.secretRef` Secret: every `*.pem` / `*.crt` key
 * (only the first PEM block of each) is trusted for every store type and name the policy mentions, without
 * notation-go's CA/self-signed check. Use it to predict what a Flux OCIRepository with `provider: notation` accepts.
 */
function notationFluxTrustStore(secretData) {
    return {
        async certificates() {
            const out = [];
            for (const [key, data] of Object.entries(secretData)) {
                if (!key.endsWith('.pem') && !key.endsWith('.crt'))
                    continue;
                const text = data.toString('latin1');
                const ders = text.includes('-----BEGIN') ? splitNotationCertificates(data).slice(0, 1) : splitNotationCertificates(Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'));
                out.push(...ders);
            }
            return out;
        },
    };
}
async function trustedCertificates(type, policy, store) {
    const seen = new Set();
    const out = [];
    for (const entry of policy.trustStores ?? []) {
        if (seen.has(entry))
            continue;
        const colon = entry.indexOf(':');
        if (colon < 0)
            throw new NotationTrustStoreError(`error while loading the trust store, trust policy statement ${notation_goQuote(policy.name)} is missing separator in trust store value ${notation_goQuote(entry)}. The required format is <TrustStoreType>:<TrustStoreName>`);
        if (entry.slice(0, colon) !== type)
            continue;
        out.push(...(await store.certificates(type, entry.slice(colon + 1))));
        seen.add(entry);
    }
    return out;
}
/** The signing certificate's subject as notation matches it (Go's pkix.Name.String(), re-parsed with notation's DN rules). */
function trustedIdentityProblem(policy, leaf) {
    const identities = policy.trustedIdentities ?? [];
    if (identities.includes('*'))
        return undefined;
    const trusted = [];
    for (const identity of identities) {
        const colon = identity.indexOf(':');
        if (colon < 0)
            return `trust policy statement ${notation_goQuote(policy.name)} has trusted identity ${notation_goQuote(identity)} missing separator`;
        if (identity.slice(0, colon) !== 'x509.subject')
            continue;
        const value = identity.slice(colon + 1);
        if (!value)
            return `trust policy statement ${notation_goQuote(policy.name)} has trusted identity ${notation_goQuote(identity)} without an identity value`;
        try {
            trusted.push(parseNotationDistinguishedName(value));
        }
        catch (err) {
            return err.message;
        }
    }
    if (trusted.length === 0)
        return `no x509 trusted identities are configured in the trust policy ${notation_goQuote(policy.name)}`;
    let subject;
    try {
        subject = parseNotationDistinguishedName(leaf.subject);
    }
    catch (err) {
        return `error while parsing the certificate subject from the digital signature. error : ${notation_goQuote(err.message)}`;
    }
    if (trusted.some((dn) => isSubsetDn(dn, subject)))
        return undefined;
    return `signing certificate from the digital signature does not match the X.509 trusted identities ${goMaps(trusted)} defined in the trust policy ${notation_goQuote(policy.name)}`;
}
function validityProblem(chain, now) {
    for (const certificate of chain) {
        if (now < certificate.notBefore)
            return `verification time is before certificate ${notation_goQuote(certificate.subject)} validity period, it will be valid from ${notation_goQuote(notationRfc1123z(certificate.notBefore))}`;
        if (now > certificate.notAfter)
            return `verification time is after certificate ${notation_goQuote(certificate.subject)} validity period, it was expired at ${notation_goQuote(notationRfc1123z(certificate.notAfter))}`;
    }
    return undefined;
}
/** The authentic-timestamp check for the envelope's signing scheme (notation-go verifyAuthenticTimestamp), without RFC 3161 timestamp verification. */
function authenticTimestampProblem(envelope, chain, policy, now) {
    const header = envelope.protectedHeader;
    if (header.signingScheme === 'notary.x509.signingAuthority') {
        const time = header.authenticSigningTime;
        for (const certificate of chain) {
            if (time < certificate.notBefore || time > certificate.notAfter)
                return `certificate ${notation_goQuote(certificate.subject)} was not valid when the digital signature was produced at ${notation_goQuote(notationRfc1123z(time))}`;
        }
        return undefined;
    }
    let timestamped = (policy.trustStores ?? []).some((s) => s.startsWith('tsa:'));
    if (timestamped && policy.signatureVerification.verifyTimestamp === 'afterCertExpiry' && !chain.some((c) => now > c.notAfter))
        timestamped = false;
    if (timestamped) {
        if (!envelope.timestampSignature)
            return 'no timestamp countersignature was found in the signature envelope';
        return 'the signature carries an RFC 3161 timestamp countersignature, which d2ci does not verify (remove the tsa trust store from the policy, or verify with notation)';
    }
    const validity = validityProblem(chain, now);
    if (validity)
        return validity;
    // The spec also requires the chain to have been valid at the (claimed) signing time; notation-go checks that only when signing.
    return notationSigningTimeProblem(chain, header.signingTime);
}
function describeTarget(d) {
    return `${d.digest} (${d.mediaType}, ${d.size} bytes)`;
}
/**
 * Verifies one signature envelope against a manifest descriptor and a policy statement, as notation-go's
 * verifier does: integrity (envelope, `alg` and critical headers, JWS signature with the leaf key, certificate
 * requirements, payload naming exactly this manifest), authenticity (the chain contains a certificate of the
 * policy's `ca` stores, or `signingAuthority` stores for that scheme) and trusted identity, expiry, authentic
 * timestamp (for notary.x509: the chain valid now and at the signing time; signing authority: at the authentic
 * signing time), then revocation (not checked: noted). Each check is enforced or logged per the level.
 */
async function verifyNotationEnvelope(options) {
    const level = notationVerificationLevel(options.policy.signatureVerification);
    const outcome = { verified: false, level, results: [], logged: [], notes: [] };
    if (level.name === 'skip') {
        outcome.verified = true;
        outcome.notes.push(`trust policy statement ${notation_goQuote(options.policy.name)} skips signature verification`);
        return outcome;
    }
    const now = options.now ?? new Date();
    /** Records a check; returns true when its failure rejects the signature. */
    const check = (type, error) => {
        const action = level.enforcement[type];
        outcome.results.push({ type, action, ...(error ? { error } : {}) });
        if (!error)
            return false;
        if (action === 'enforce') {
            outcome.reason = error;
            return true;
        }
        outcome.logged.push(`${type} validation failed with validation action set to "logged". Failure reason: ${error}`);
        return false;
    };
    // Integrity, always enforced.
    const mediaType = options.envelopeMediaType ?? NotationMediaType.jws;
    if (mediaType !== NotationMediaType.jws) {
        check('integrity', mediaType === NotationMediaType.cose
            ? `signature envelope format with media type ${notation_goQuote(mediaType)} (COSE) is not supported by d2ci`
            : `unable to parse the digital signature, error : signature envelope format with media type ${notation_goQuote(mediaType)} is not supported`);
        return outcome;
    }
    let envelope;
    let chain;
    let payload;
    try {
        envelope = parseNotationEnvelope(options.envelope);
        chain = await parseNotationCertificates(envelope.certificates);
        payload = parseNotationPayload(envelope.payloadBytes);
    }
    catch (err) {
        check('integrity', err.message);
        return outcome;
    }
    const leaf = chain[0];
    const header = envelope.protectedHeader;
    outcome.signer = {
        subject: leaf.subject,
        thumbprints: notationThumbprints(envelope.certificates),
        signingScheme: header.signingScheme,
        algorithm: header.algorithm,
        ...(header.signingTime ? { signingTime: header.signingTime } : {}),
        ...(header.authenticSigningTime ? { authenticSigningTime: header.authenticSigningTime } : {}),
        ...(header.expiry ? { expiry: header.expiry } : {}),
        ...(envelope.signingAgent ? { signingAgent: envelope.signingAgent } : {}),
    };
    const target = payload.targetArtifact;
    const integrityProblem = (() => {
        const signature = notationEnvelopeSignatureProblem(envelope, leaf.x509);
        if (signature)
            return signature;
        if (header.contentType !== NotationMediaType.payload)
            return `payload content type ${notation_goQuote(header.contentType)} not supported`;
        const chainProblem = notationCertificateChainProblem(chain);
        if (chainProblem)
            return `certificate-chain is invalid, ${chainProblem}`;
        const plugin = header.extended[NotationHeader.verificationPlugin];
        if (plugin !== undefined)
            return `digital signature requires verification plugin ${typeof plugin === 'string' ? notation_goQuote(plugin) : JSON.stringify(plugin)}, and d2ci does not run verification plugins`;
        // No extended header is understood here, so any critical one fails (RFC 7515 `crit`; notation-go leaves them to plugins).
        const unknown = header.critical.find((name) => Object.hasOwn(header.extended, name));
        if (unknown)
            return `the signature has critical header ${notation_goQuote(unknown)}, which d2ci does not understand (unknown critical headers must fail verification)`;
        const d = options.descriptor;
        if (target.digest !== d.digest || target.size !== d.size || target.mediaType !== d.mediaType) {
            return `content descriptor mismatch: the signature is for ${describeTarget(target)}, not ${describeTarget(d)} (a signature copied from another artifact?)`;
        }
        return undefined;
    })();
    if (check('integrity', integrityProblem))
        return outcome;
    outcome.payload = payload;
    // Authenticity: the chain reaches a trusted certificate, and the signer is a trusted identity.
    const storeType = header.signingScheme === 'notary.x509' ? 'ca' : 'signingAuthority';
    let authenticity;
    try {
        const trusted = await trustedCertificates(storeType, options.policy, options.trustStore);
        if (trusted.length === 0)
            authenticity = 'no trusted certificates are found to verify authenticity';
        else if (!chain.some((c) => trusted.some((t) => t.equals(c.der))))
            authenticity = "the signature's certificate chain does not contain any trusted certificate";
    }
    catch (err) {
        authenticity = err.message;
    }
    if (authenticity && level.enforcement.authenticity === 'enforce') {
        check('authenticity', authenticity);
        return outcome;
    }
    const identity = trustedIdentityProblem(options.policy, leaf);
    // notation-go keeps one authenticity result, which an identity failure overwrites: log the trust failure first.
    if (authenticity && identity)
        outcome.logged.push(`authenticity validation failed with validation action set to "logged". Failure reason: ${authenticity}`);
    if (check('authenticity', identity ?? authenticity))
        return outcome;
    if (check('expiry', header.expiry && now >= header.expiry ? `digital signature has expired on ${notation_goQuote(notationRfc1123z(header.expiry))}` : undefined))
        return outcome;
    if (check('authenticTimestamp', authenticTimestampProblem(envelope, chain, options.policy, now)))
        return outcome;
    if (level.enforcement.revocation !== 'skip') {
        outcome.results.push({ type: 'revocation', action: level.enforcement.revocation });
        if (chain.some((c) => c.revocationEndpoints))
            outcome.notes.push('revocation was not checked: the certificate chain names CRL or OCSP endpoints, which notation would query');
    }
    for (const [key, value] of Object.entries(options.userMetadata ?? {})) {
        if (target.annotations?.[key] !== value) {
            outcome.reason = `unable to find specified metadata in the signature: ${key}=${value} is not in the signed annotations`;
            return outcome;
        }
    }
    outcome.verified = true;
    return outcome;
}
const maxManifestBytes = 4 * 1024 * 1024;
const maxEnvelopeBytes = 32 * 1024 * 1024;
/** A Notary Project signature manifest's one envelope layer, or why this manifest is not one. */
function signatureLayer(manifest) {
    const config = manifest.config?.mediaType;
    const valid = manifest.artifactType === NotationMediaType.signature ? config === media_types/* MediaType */.zu.ociEmpty : !manifest.artifactType && config === NotationMediaType.signature;
    if (!valid)
        return `not a valid Notary Project signature manifest (artifactType ${notation_goQuote(manifest.artifactType ?? '')}, config ${notation_goQuote(config ?? '')})`;
    if (manifest.layers.length !== 1)
        return `signature manifest requires exactly one signature envelope blob, got ${manifest.layers.length}`;
    return manifest.layers[0];
}
/**
 * Verifies an artifact's Notary Project signatures as `notation verify` (and Flux's `provider: notation`) does:
 * the reference is resolved to a digest once, the trust policy statement for the repository is chosen, its
 * signatures are listed through the referrers API (or its tag-schema fallback) and verified one by one until one
 * passes. Throws NotationPolicyError for an invalid policy document.
 */
async function verifyNotation(options) {
    const document = parseNotationTrustPolicy(options.trustPolicy);
    const fetched = await options.target.fetchManifest(options.reference);
    const descriptor = { mediaType: fetched.descriptor.mediaType, digest: fetched.descriptor.digest, size: fetched.descriptor.size };
    const annotations = (0,oci_descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
    const result = await verifyNotationSignatures(options, document, descriptor, annotations);
    const mismatches = (0,verify/* annotationMismatches */.sL)(annotations, options.annotations);
    if (mismatches.length) {
        result.verified = false;
        result.reasons.push(...mismatches);
    }
    return result;
}
/** The signature half of verifyNotation, for the artifact `descriptor` names. */
async function verifyNotationSignatures(options, document, descriptor, annotations) {
    const result = { verified: false, skipped: false, descriptor, annotations, userMetadata: {}, reasons: [], warnings: [], signaturesChecked: 0 };
    const repository = options.repository ?? (options.target.name.startsWith('oci-layout:') ? undefined : options.target.name);
    if (!repository)
        throw new NotationError(`give the repository that trust policies scope ${options.target.name} by (e.g. local/<name>)`);
    const artifact = `${repository}@${descriptor.digest}`;
    let policy;
    try {
        policy = applicableNotationTrustPolicy(document, repository, artifact);
    }
    catch (err) {
        result.reasons.push(err.message);
        return result;
    }
    const level = notationVerificationLevel(policy.signatureVerification);
    result.policy = policy.name;
    result.level = level.name;
    if (level.name === 'skip') {
        result.skipped = true;
        result.warnings.push(`trust policy statement ${notation_goQuote(policy.name)} skips signature verification for ${repository}`);
        return result;
    }
    const referrers = await options.target.referrers(descriptor, { artifactType: NotationMediaType.signature });
    const limit = options.maxSignatureAttempts ?? 100;
    for (const referrer of referrers) {
        if (result.signaturesChecked >= limit) {
            result.reasons.push(`signature evaluation stopped. The configured limit of ${limit} signatures to verify per artifact exceeded`);
            break;
        }
        result.signaturesChecked++;
        const fail = (reason) => void result.reasons.push(`signature ${referrer.digest}: ${reason}`);
        if (referrer.mediaType !== media_types/* MediaType */.zu.ociManifest) {
            fail(`the signature manifest's media type is ${referrer.mediaType}, not ${media_types/* MediaType */.zu.ociManifest}`);
            continue;
        }
        if (referrer.size > maxManifestBytes) {
            fail(`signature manifest too large: ${referrer.size} bytes`);
            continue;
        }
        const { bytes } = await options.target.fetchManifest(referrer.digest);
        let manifest;
        try {
            manifest = (0,oci_descriptor/* parseManifest */.Ng)(bytes, referrer.mediaType).manifest;
        }
        catch (err) {
            fail(err.message);
            continue;
        }
        const layer = signatureLayer(manifest);
        if (typeof layer === 'string') {
            fail(layer);
            continue;
        }
        if (layer.size > maxEnvelopeBytes) {
            fail(`signature blob too large: ${layer.size} bytes`);
            continue;
        }
        const envelope = await (0,content/* readAll */.yw)(await options.target.fetch(layer), maxEnvelopeBytes);
        const outcome = await verifyNotationEnvelope({
            envelope,
            envelopeMediaType: layer.mediaType,
            descriptor,
            policy,
            trustStore: options.trustStore,
            ...(options.userMetadata ? { userMetadata: options.userMetadata } : {}),
            ...(options.now ? { now: options.now } : {}),
        });
        if (!outcome.verified) {
            fail(outcome.reason ?? 'not verified');
            continue;
        }
        result.verified = true;
        result.signature = referrer.digest;
        if (outcome.signer)
            result.signer = outcome.signer;
        result.userMetadata = outcome.payload?.targetArtifact.annotations ?? {};
        result.warnings.push(...outcome.logged, ...outcome.notes);
        if (outcome.results.some((r) => r.type === 'authenticity' && r.error)) {
            result.warnings.push('authenticity was only logged (audit level): Flux reports such an artifact as not verified (ignored) rather than verified');
        }
        result.reasons = [];
        break;
    }
    if (result.signaturesChecked === 0)
        result.reasons.push(`no signature is associated with ${notation_goQuote(artifact)}, make sure the artifact was signed successfully`);
    return result;
}


/***/ }),

/***/ 6679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sL: () => (/* binding */ annotationMismatches),
  $7: () => (/* binding */ artifactOrigin),
  oc: () => (/* binding */ verifyArtifact),
  oP: () => (/* binding */ verifyFormats)
});

// UNUSED EXPORTS: bundleStatement

// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __nccwpck_require__(7796);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __nccwpck_require__(3632);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var errors = __nccwpck_require__(8706);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/flux.ts
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
const cosignTagSuffixes = (/* unused pure expression or super */ null && (['.sig', '.att', '.sbom']));
/** RFC 3339 UTC with whole seconds, the format Go's time.RFC3339 gives Flux's `created`. */
function rfc3339(date) {
    return date.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}

// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __nccwpck_require__(8341);
;// CONCATENATED MODULE: ../../packages/core/src/sign/legacy.ts







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
    const { algorithm, hex } = (0,oci_digest/* parseDigest */.m)(digest);
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
        throw new SigningError('a legacy signature needs a message-signature bundle');
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
        throw new SigningError('Rekor returned no signed entry timestamp, which the legacy format needs (use a Rekor v1 log)');
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
        layers = parseManifest(existing.bytes, existing.descriptor.mediaType).manifest.layers ?? [];
    }
    catch (err) {
        if (!isNotFound(err))
            throw err;
    }
    const layer = plainDescriptor({ ...descriptorFor(simpleSigningMediaType, payload), annotations });
    const duplicate = layers.some((l) => l.digest === layer.digest && l.annotations?.[CosignAnnotation.signature] === annotations[CosignAnnotation.signature]);
    if (!duplicate)
        layers = [...layers, layer];
    const config = signatureConfig(layers);
    const configDescriptor = descriptorFor(MediaType.ociConfig, config);
    const manifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config: plainDescriptor(configDescriptor), layers };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const descriptor = descriptorFor(MediaType.ociManifest, bytes);
    await Promise.all([pushIfMissing(target, layer, payload), pushIfMissing(target, configDescriptor, config)]);
    await target.pushReference(descriptor, bytes, tag);
    return { tag, manifest: descriptor, signatures: layers.length };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/sign/keys.ts
var keys = __nccwpck_require__(889);
;// CONCATENATED MODULE: ../../packages/core/src/sign/payload.ts


/** cosign's legacy signature payload media type (cosign pkg/types SimpleSigningMediaType). */
const payload_simpleSigningMediaType = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** The in-toto predicate cosign v3 signs images with (cosign pkg/types/predicate.go). */
const cosignSignPredicateType = 'https://sigstore.dev/cosign/sign/v1';
const inTotoPayloadType = 'application/vnd.in-toto+json';
/**
 * The "simple signing" payload cosign signs, byte for byte as Go's json.Marshal writes sigstore's
 * payload.Cosign: `docker-reference` is the repository, `optional` holds claims or is null.
 */
function simpleSigningPayload(repository, digest, claims) {
    const optional = claims && Object.keys(claims).length ? sortedAnnotations(claims) : null;
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
    const { algorithm, hex } = parseDigest(digest);
    const subject = { digest: { [algorithm]: hex } };
    if (annotations && Object.keys(annotations).length)
        subject.annotations = sortedAnnotations(annotations);
    return Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [subject], predicateType, predicate }));
}

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
    const { X509Certificate } = await __nccwpck_require__.e(/* import() */ 137).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5137, 23));
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
    const { Verifier, toSignedEntity, toTrustMaterial } = await Promise.all(/* import() */[__nccwpck_require__.e(154), __nccwpck_require__.e(137), __nccwpck_require__.e(575)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3575));
    if (verification.kind === 'key') {
        const { TrustedRoot } = await __nccwpck_require__.e(/* import() */ 154).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7154, 23));
        const empty = TrustedRoot.fromJSON({ mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] });
        let last = 'no keys given';
        for (const key of verification.keys) {
            try {
                const material = toTrustMaterial(empty, () => ({ publicKey: key, validFor: () => true }));
                new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle, artifact));
                return { ok: true, identity: `key:${(0,keys/* keyId */.xs)(key)}` };
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
    const signatureB64 = annotations[CosignAnnotation.signature];
    if (!signatureB64)
        return fail('the signature layer has no dev.cosignproject.cosign/signature annotation');
    const signature = Buffer.from(signatureB64, 'base64');
    if (verification.kind === 'key') {
        for (const key of verification.keys) {
            if ((0,external_node_crypto_.verify)('sha256', payload, key, signature))
                return claimProblem ? fail(claimProblem) : { ok: true, identity: `key:${(0,keys/* keyId */.xs)(key)}` };
        }
        return fail('the signature does not verify with any given key');
    }
    const certificates = pemBlocks(annotations[CosignAnnotation.certificate] ?? '');
    const leaf = certificates[0];
    if (!leaf)
        return fail('the signature carries no certificate (signed with a key? verify with key)');
    const rekorJson = annotations[CosignAnnotation.bundle];
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
    const { HashAlgorithm } = await __nccwpck_require__.e(/* import() */ 154).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7154, 23));
    let timestamp;
    try {
        const json = annotations[CosignAnnotation.timestamp];
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
    const { bundleFromJSON } = await Promise.all(/* import() */[__nccwpck_require__.e(154), __nccwpck_require__.e(124)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6124));
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
    if (envelope.payloadType !== inTotoPayloadType)
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
        signatures = await target.fetchManifest(legacySignatureTag(digest));
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
    return { source: annotations[Annotation.source], revision: annotations[Annotation.revision] };
}


/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

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

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

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

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

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

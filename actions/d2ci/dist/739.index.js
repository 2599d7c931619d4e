export const id = 739;
export const ids = [739];
export const modules = {

/***/ 25154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ documentMediaTypes),
/* harmony export */   r: () => (/* binding */ detectDocumentType)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37831);

// The kinds of document d2ci attaches (SPDX, CycloneDX, OpenVEX), and which one a user's file is.
/** Media types of the documents d2ci attaches to an artifact as referrers (OCI artifactType). */
const documentMediaTypes = {
    spdx: 'application/spdx+json',
    cyclonedx: 'application/vnd.cyclonedx+json',
    openvex: 'application/openvex+json',
};
/**
 * Which kind of document a user gave, by its content: SPDX 2.x JSON (`spdxVersion`), CycloneDX JSON
 * (`bomFormat: CycloneDX`) or OpenVEX (`@context` https://openvex.dev/ns…). Accepts the parsed JSON, its text or
 * bytes; throws an SbomError saying what was found otherwise.
 */
function detectDocumentType(json) {
    let value = json;
    if (typeof value === 'string' || value instanceof Uint8Array) {
        const text = (typeof value === 'string' ? value : Buffer.from(value).toString('utf8')).replace(/^\uFEFF/, '').trim();
        if (text.startsWith('<'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', 'the document is XML; give SPDX, CycloneDX or OpenVEX as JSON');
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is not JSON (${err.message}); give an SPDX, CycloneDX or OpenVEX JSON document`);
        }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is ${Array.isArray(value) ? 'a JSON array' : `JSON ${value === null ? 'null' : typeof value}`}; expected an SPDX, CycloneDX or OpenVEX JSON object`);
    }
    const doc = value;
    if (typeof doc.spdxVersion === 'string' && /^SPDX-/.test(doc.spdxVersion)) {
        return { format: 'spdx', mediaType: documentMediaTypes.spdx, version: doc.spdxVersion.slice('SPDX-'.length) };
    }
    if (doc.bomFormat === 'CycloneDX') {
        return {
            format: 'cyclonedx',
            mediaType: documentMediaTypes.cyclonedx,
            ...(typeof doc.specVersion === 'string' ? { version: doc.specVersion } : {}),
        };
    }
    const context = doc['@context'];
    const contexts = (Array.isArray(context) ? context : [context]).filter((c) => typeof c === 'string');
    const openvex = contexts.find((c) => /^https:\/\/openvex\.dev\/ns(\/|$)/.test(c));
    if (openvex) {
        const version = /^https:\/\/openvex\.dev\/ns\/v?([0-9][^/]*)/.exec(openvex)?.[1];
        return { format: 'openvex', mediaType: documentMediaTypes.openvex, ...(version ? { version } : {}) };
    }
    if (contexts.some((c) => /spdx\.org\/rdf\/3/.test(c))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', 'the document is SPDX 3 (JSON-LD), which is not supported; give SPDX 2.x JSON, CycloneDX or OpenVEX');
    }
    const keys = Object.keys(doc).slice(0, 8);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SbomError */ .S('DOCUMENT_UNRECOGNIZED', `the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" (https://openvex.dev/ns/…); its keys are ${keys.length ? keys.map((k) => JSON.stringify(k)).join(', ') : 'none'}${Object.keys(doc).length > keys.length ? ', …' : ''}`);
}


/***/ }),

/***/ 37831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ SbomError)
/* harmony export */ });
/* unused harmony export DocumentPullError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);

/**
 * A document to attach, an SBOM to write or an attestation type to require that cannot be used. A user's file is
 * about the documents to attach (`attach`), a required type about `require-attestations`.
 */
class SbomError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    constructor(code, message, options = {}) {
        super(code, message, options);
        this.name = 'SbomError';
    }
}
/** The document asked for (`referrer`) is attached, but in a form that cannot be given. */
class DocumentPullError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    constructor(code, message) {
        super(code, message, { field: 'referrer' });
    }
}


/***/ }),

/***/ 66236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KU: () => (/* binding */ goMaps),
/* harmony export */   ZG: () => (/* binding */ isSubsetDn),
/* harmony export */   li: () => (/* binding */ parseNotationDistinguishedName)
/* harmony export */ });
/* harmony import */ var _go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38920);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63879);
// Distinguished names in `x509.subject` trusted identities, as notation-go reads them (internal/pkix/pkix.go
// ParseDistinguishedName and IsSubsetDN over go-ldap's ParseDN).


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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DT(`unsupported distinguished name (DN) ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(name)}: notation does not support x509.subject identities containing "=#"`);
    let rdns;
    try {
        rdns = parseDn(name);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DT(`parsing distinguished name (DN) ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(name)} failed with err: ${err.message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`);
    }
    const attributes = {};
    for (const rdn of rdns) {
        if (rdn.length > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DT(`distinguished name (DN) ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`);
        for (const attribute of rdn) {
            const type = attribute.type === 'S' ? 'ST' : attribute.type;
            if (attributes[type])
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DT(`distinguished name (DN) ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(name)} has duplicate RDN attribute for ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(type)}, DN can only have unique RDN attributes`);
            attributes[type] = attribute.value;
        }
    }
    for (const field of ['C', 'ST', 'O']) {
        if (!attributes[field])
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationPolicyError */ .DT(`distinguished name (DN) ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(name)} has no mandatory RDN attribute for ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(field)}, it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`);
    }
    return attributes;
}
/** Every attribute of `subset` is in `dn` with the same value (notation-go pkix.IsSubsetDN). */
function isSubsetDn(subset, dn) {
    return Object.entries(subset).every(([key, value]) => dn[key] === value);
}
/** Go's `%q` of a []map[string]string, the form notation prints identities in. */
function goMaps(maps) {
    return `[${maps
        .map((m) => `map[${Object.keys(m)
        .sort()
        .map((k) => `${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(k)}:${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .h)(m[k])}`)
        .join(' ')}]`)
        .join(' ')}]`;
}


/***/ }),

/***/ 96627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ NotationHeader),
/* harmony export */   bT: () => (/* binding */ NotationMediaType),
/* harmony export */   q1: () => (/* binding */ NotationAnnotation)
/* harmony export */ });
// The Notary Project's names: media types, manifest annotations and JWS header names (notaryproject/specifications
// signature-specification.md, signature-envelope-jws.md; notation-go and notation-core-go use the same strings).
const NotationMediaType = {
    /** The signature manifest's config media type as notation-go v1.3.2 writes it (artifactType in the OCI 1.1 form). */
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


/***/ }),

/***/ 5716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ sortedJson),
/* harmony export */   J9: () => (/* binding */ notationPayload),
/* harmony export */   Os: () => (/* binding */ parseNotationPayload)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63879);

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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_USER_METADATA_INVALID', `error adding user metadata: metadata key ${key} has reserved prefix ${reservedAnnotationPrefix}`);
        if (Object.hasOwn(annotations, key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_USER_METADATA_INVALID', `error adding user metadata: metadata key ${key} is already present in the target artifact`);
        annotations[key] = value;
    }
    const target = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
    if (Object.keys(annotations).length)
        target.annotations = annotations;
    return Buffer.from(sortedJson({ targetArtifact: target }));
}
/** Reads a Notary Project payload and checks its `targetArtifact` has mediaType, digest and size. */
function parseNotationPayload(bytes) {
    let payload;
    try {
        payload = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', `the payload is not JSON: ${err.message}`);
    }
    const target = payload?.targetArtifact;
    if (typeof target !== 'object' || target === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload has no targetArtifact');
    if (typeof target.mediaType !== 'string' ||
        typeof target.digest !== 'string' ||
        !Number.isSafeInteger(target.size) ||
        (target.size ?? -1) < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact must have mediaType, digest and size');
    }
    if (target.annotations !== undefined &&
        (typeof target.annotations !== 'object' ||
            target.annotations === null ||
            Object.values(target.annotations).some((v) => typeof v !== 'string'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotationError */ .B1('NOTATION_ENVELOPE_INVALID', 'the payload targetArtifact annotations must be a string map');
    }
    return payload;
}


/***/ }),

/***/ 74051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ applicableNotationTrustPolicy),
/* harmony export */   s: () => (/* binding */ parseNotationTrustPolicy)
/* harmony export */ });
/* harmony import */ var _go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38920);
/* harmony import */ var _distinguished_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66236);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63879);
/* harmony import */ var _trust_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70184);
/* harmony import */ var _verification_level_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75616);
// Trust policy documents (trustpolicy.json, version 1.0): validation with notation-go's rules and messages, and
// picking the statement for a repository (notation-go verifier/trustpolicy oci.go OCIDocument.Validate,
// GetApplicableTrustPolicy; trust-store-trust-policy.md "Trust Policy").





const trustPolicyLink = 'https://notaryproject.dev/docs/quickstart/#create-a-trust-policy';
const domainPattern = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/;
const repositoryPattern = /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/;
function registryScopeProblem(scope) {
    const ensure = 'make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout';
    if (scope.length > 1 && scope.includes('*'))
        return `registry scope ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(scope)} with wild card(s) is not valid, ${ensure}`;
    const slash = scope.indexOf('/');
    const domain = slash < 0 ? '' : scope.slice(0, slash);
    const repository = slash < 0 ? '' : scope.slice(slash + 1);
    if (!domain || !repository || !domainPattern.test(domain) || !repositoryPattern.test(repository))
        return `registry scope ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(scope)} is not valid, ${ensure}`;
    return undefined;
}
function validateTrustedIdentities(policyName, identities) {
    if (identities.length > 1 && identities.includes('*')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} uses a wildcard trusted identity '*', a wildcard identity cannot be used in conjunction with other values`);
    }
    const parsed = [];
    for (const identity of identities) {
        if (identity === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} has an empty trusted identity`);
        if (identity === '*')
            continue;
        const colon = identity.indexOf(':');
        if (colon < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} has trusted identity ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(identity)} missing separator`);
        // notation natively understands x509.subject only; other prefixes are left to plugins.
        if (identity.slice(0, colon) !== 'x509.subject')
            continue;
        const value = identity.slice(colon + 1);
        if (value === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} has trusted identity ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(identity)} without an identity value`);
        try {
            parsed.push({ raw: identity, dn: (0,_distinguished_name_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNotationDistinguishedName */ .li)(value) });
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} has trusted identity ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(identity)} with invalid identity value: ${err.message}`);
        }
    }
    for (const [i, a] of parsed.entries()) {
        for (const [j, b] of parsed.entries()) {
            if (i !== j && (0,_distinguished_name_js__WEBPACK_IMPORTED_MODULE_2__/* .isSubsetDn */ .ZG)(a.dn, b.dn))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(policyName)} has overlapping x509 trustedIdentities, ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(a.raw)} overlaps with ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(b.raw)}`);
        }
    }
}
function validatePolicyStatement(statement) {
    const name = statement.name;
    if (!name)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT('a trust policy statement is missing a name, every statement requires a name');
    let level;
    try {
        level = (0,_verification_level_js__WEBPACK_IMPORTED_MODULE_3__/* .notationVerificationLevel */ .w0)(statement.signatureVerification);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} has invalid signatureVerification: ${err.message}`);
    }
    const verifyTimestamp = statement.signatureVerification.verifyTimestamp;
    if (verifyTimestamp && verifyTimestamp !== 'always' && verifyTimestamp !== 'afterCertExpiry') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} has invalid signatureVerification: verifyTimestamp must be "always" or "afterCertExpiry", but got ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(verifyTimestamp)}`);
    }
    const stores = statement.trustStores ?? [];
    const identities = statement.trustedIdentities ?? [];
    if (level.name === 'skip') {
        if (stores.length || identities.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} is set to skip signature verification but configured with trust stores and/or trusted identities, remove them if signature verification needs to be skipped`);
        }
        return;
    }
    if (!stores.length || !identities.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} is either missing trust stores or trusted identities, both must be specified`);
    for (const store of stores) {
        const colon = store.indexOf(':');
        if (colon < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} has malformed trust store value ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(store)}. The required format is <TrustStoreType>:<TrustStoreName>`);
        const type = store.slice(0, colon);
        const storeName = store.slice(colon + 1);
        if (!_trust_store_js__WEBPACK_IMPORTED_MODULE_4__/* .trustStoreTypes */ .DS.includes(type))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} uses an unsupported trust store type ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(type)} in trust store value ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(store)}`);
        if (!_trust_store_js__WEBPACK_IMPORTED_MODULE_4__/* .storeNamePattern */ .bB.test(storeName)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)} uses an unsupported trust store name ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(storeName)} in trust store value ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(store)}. Named store name needs to follow [a-zA-Z0-9_.-]+ format`);
        }
    }
    validateTrustedIdentities(name, identities);
}
const malformed = () => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`malformed trust policy. To create a trust policy, see: ${trustPolicyLink}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT('oci trust policy document cannot be nil');
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
        if ((sv.level !== undefined && typeof sv.level !== 'string') ||
            (sv.verifyTimestamp !== undefined && typeof sv.verifyTimestamp !== 'string'))
            throw malformed();
        if (sv.override !== undefined &&
            sv.override !== null &&
            (typeof sv.override !== 'object' || Array.isArray(sv.override) || !Object.values(sv.override).every((v) => typeof v === 'string')))
            throw malformed();
        const policy = {
            name: p.name ?? '',
            registryScopes: p.registryScopes ?? [],
            signatureVerification: {
                level: sv.level ?? '',
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
    return { version: doc.version ?? '', trustPolicies: policies };
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT('oci trust policy document has empty version, version must be specified');
    if (doc.version !== '1.0')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`oci trust policy document uses unsupported version ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(doc.version)}`);
    if (doc.trustPolicies.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT('oci trust policy document can not have zero trust policy statements');
    const names = new Set();
    for (const statement of doc.trustPolicies) {
        if (names.has(statement.name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`multiple oci trust policy statements use the same name ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(statement.name)}, statement names must be unique`);
        try {
            validatePolicyStatement(statement);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`oci trust policy: ${err.message}`);
        }
        names.add(statement.name);
    }
    const scopeCounts = new Map();
    for (const statement of doc.trustPolicies) {
        if (statement.registryScopes.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`oci trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(statement.name)} has zero registry scopes, it must specify registry scopes with at least one value`);
        if (statement.registryScopes.length > 1 && statement.registryScopes.includes('*')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`oci trust policy statement ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(statement.name)} uses wildcard registry scope '*', a wildcard scope cannot be used in conjunction with other scope values`);
        }
        for (const scope of statement.registryScopes) {
            const problem = scope === '*' ? undefined : registryScopeProblem(scope);
            if (problem)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(problem);
            scopeCounts.set(scope, (scopeCounts.get(scope) ?? 0) + 1);
        }
    }
    for (const [scope, count] of scopeCounts) {
        if (count > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`registry scope ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(scope)} is present in multiple oci trust policy statements, one registry scope value can only be associated with one statement`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(problem, 'NOTATION_SCOPE_INVALID');
    const exact = document.trustPolicies.find((p) => !p.registryScopes.includes('*') && p.registryScopes.includes(repository));
    const global = document.trustPolicies.find((p) => p.registryScopes.includes('*'));
    const policy = exact ?? global;
    if (!policy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`artifact ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(artifact)} has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes. To create a trust policy, see: ${trustPolicyLink}`, 'NOTATION_POLICY_NOT_FOUND');
    }
    return policy;
}


/***/ }),

/***/ 70184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DS: () => (/* binding */ trustStoreTypes),
/* harmony export */   J8: () => (/* binding */ notationDirectoryTrustStore),
/* harmony export */   bB: () => (/* binding */ storeNamePattern)
/* harmony export */ });
/* unused harmony exports notationMemoryTrustStore, notationFluxTrustStore */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38920);
/* harmony import */ var _certificate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46482);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63879);
// Trust stores: named sets of trusted certificates, as notation-go reads its directory (verifier/truststore
// truststore.go; trust-store-trust-policy.md "Trust Store"), in memory, and as Flux's Secret-based store.






const trustStoreTypes = ['ca', 'signingAuthority', 'tsa'];
const storeNamePattern = /^[a-zA-Z0-9_.-]+$/;
function checkStoreName(type, name) {
    if (!trustStoreTypes.includes(type))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`unsupported trust store type: ${type}`);
    if (!storeNamePattern.test(name))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`trust store name needs to follow [a-zA-Z0-9_.-]+ format, ${name} is invalid`);
}
/** What notation-go's store accepts: CA or self-signed certificates, and for `tsa` self-issued root CAs only. */
async function validateStoreCertificates(type, ders, where, storeName) {
    if (ders.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: input certs cannot be empty`);
    for (const der of ders) {
        let certificate;
        try {
            certificate = await (0,_certificate_js__WEBPACK_IMPORTED_MODULE_4__/* .parseNotationCertificate */ .HZ)(der);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`failed to read the trusted certificate ${where} in trust store ${storeName} of type ${type}: ${err.message}`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`failed to validate the trusted certificate ${where} in trust store ${storeName} of type ${type}: certificate with subject ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(certificate.subject)} is not a CA certificate or self-signed signing certificate`);
        }
        if (type === 'tsa' && (!certificate.basicConstraints?.ca || !selfSigned || !certificate.rawSubject.equals(certificate.rawIssuer))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`trusted certificate ${where} in trust store ${storeName} of type ${type} is invalid: certificate with subject ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(certificate.subject)} is not a root CA certificate`);
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
            const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'x509', type, name);
            let info;
            try {
                info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(dir);
            }
            catch (err) {
                if (err.code === 'ENOENT')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`the trust store ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(name)} of type ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(type)} does not exist`, 'NOTATION_TRUST_STORE_NOT_FOUND');
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`failed to access the trust store ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(name)} of type ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(type)}: ${err.message}`);
            }
            if (!info.isDirectory())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`the trust store ${name} of type ${type} with path ${dir} is not a regular directory (symlinks are not supported)`);
            const out = [];
            for (const entry of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
                if (!entry.isFile())
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`);
                let ders;
                try {
                    ders = (0,_certificate_js__WEBPACK_IMPORTED_MODULE_4__/* .splitNotationCertificates */ .P9)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name)));
                }
                catch (err) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`failed to read the trusted certificate ${entry.name} in trust store ${name} of type ${type}: ${err.message}`);
                }
                await validateStoreCertificates(type, ders, entry.name, name);
                out.push(...ders);
            }
            if (out.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .NotationTrustStoreError */ .gM(`no x509 certificates were found in trust store ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(name)} of type ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_5__/* .quote */ .h)(type)}`);
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
                throw new NotationTrustStoreError(`the trust store ${quote(name)} of type ${quote(type)} does not exist`, 'NOTATION_TRUST_STORE_NOT_FOUND');
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
                throw new NotationTrustStoreError(`no x509 certificates were found in trust store ${quote(name)} of type ${quote(type)}`);
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
                const ders = text.includes('-----BEGIN')
                    ? splitNotationCertificates(data).slice(0, 1)
                    : splitNotationCertificates(Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'));
                out.push(...ders);
            }
            return out;
        },
    };
}


/***/ }),

/***/ 75616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w0: () => (/* binding */ notationVerificationLevel)
/* harmony export */ });
/* unused harmony exports notationValidationTypes, notationVerificationLevels */
/* harmony import */ var _go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38920);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63879);
// Verification levels: which checks a trust policy statement enforces, logs or skips (trust-store-trust-policy.md
// "Signature Verification details"; notation-go verifier/trustpolicy GetVerificationLevel).


const notationValidationTypes = [
    'integrity',
    'authenticity',
    'authenticTimestamp',
    'expiry',
    'revocation',
];
const validationActions = ['enforce', 'log', 'skip'];
/** The levels' table (trust-store-trust-policy.md "Signature Verification details"). */
const notationVerificationLevels = {
    strict: {
        name: 'strict',
        enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'enforce', expiry: 'enforce', revocation: 'enforce' },
    },
    permissive: {
        name: 'permissive',
        enforcement: { integrity: 'enforce', authenticity: 'enforce', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' },
    },
    audit: {
        name: 'audit',
        enforcement: { integrity: 'enforce', authenticity: 'log', authenticTimestamp: 'log', expiry: 'log', revocation: 'log' },
    },
    skip: {
        name: 'skip',
        enforcement: { integrity: 'skip', authenticity: 'skip', authenticTimestamp: 'skip', expiry: 'skip', revocation: 'skip' },
    },
};
/** Go's `%q` of a string slice. */
const quoteList = (values) => `[${values.map(_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h).join(' ')}]`;
/** The level a policy statement asks for, with its overrides applied (notation-go GetVerificationLevel). */
function notationVerificationLevel(signatureVerification) {
    const name = signatureVerification.level;
    if (!name)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT('signature verification level is empty or missing in the trust policy statement');
    const base = Object.hasOwn(notationVerificationLevels, name)
        ? notationVerificationLevels[name]
        : undefined;
    if (!base)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`invalid signature verification level ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(name)}`);
    const overrides = Object.entries(signatureVerification.override ?? {});
    if (overrides.length === 0)
        return base;
    if (base.name === 'skip')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`signature verification level ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(base.name)} can't be used to customize signature verification`);
    const custom = { name: 'custom', enforcement: { ...base.enforcement } };
    for (const [key, value] of overrides) {
        if (!notationValidationTypes.includes(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`verification type ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(key)} in custom signature verification is not supported, supported values are ${quoteList(notationValidationTypes)}`);
        }
        if (!validationActions.includes(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`verification action ${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(String(value))} in custom signature verification is not supported, supported values are ${quoteList(validationActions)}`);
        }
        if (key === 'integrity')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`"integrity" verification can not be overridden in custom signature verification`);
        if (key !== 'revocation' && value === 'skip')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotationPolicyError */ .DT(`${(0,_go_strconv_quote_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .h)(key)} verification can not be skipped in custom signature verification`);
        custom.enforcement[key] = value;
    }
    return custom;
}


/***/ }),

/***/ 82549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ VerifyRequestError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85736);

/**
 * A verification that cannot be carried out as asked; nothing was fetched. The message is `<field> <problem>`; a
 * conflict names a second part of the request, so each front door words it with its own names (by `code`).
 */
class VerifyRequestError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    /** The signature format asked for, for the front doors' wording of a conflict. */
    format;
    constructor(code, field, problem, format) {
        super(code, field ? `${field} ${problem}` : problem, { ...(field ? { field } : {}), problem });
        this.format = format;
    }
}


/***/ }),

/***/ 90224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ checkArtifact)
});

// EXTERNAL MODULE: ../../packages/core/src/oci/open.ts + 2 modules
var oci_open = __webpack_require__(17877);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var oci_descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(18613);
// EXTERNAL MODULE: ../../packages/core/src/oci/content.ts
var content = __webpack_require__(83632);
// EXTERNAL MODULE: ../../packages/core/src/go/strconv/quote.ts
var quote = __webpack_require__(38920);
// EXTERNAL MODULE: ../../packages/core/src/artifact/required-annotations.ts
var required_annotations = __webpack_require__(82658);
// EXTERNAL MODULE: ../../packages/core/src/notation/errors.ts
var errors = __webpack_require__(63879);
// EXTERNAL MODULE: ../../packages/core/src/notation/format.ts
var format = __webpack_require__(96627);
// EXTERNAL MODULE: ../../packages/core/src/notation/trust-policy.ts
var trust_policy = __webpack_require__(74051);
// EXTERNAL MODULE: ../../packages/core/src/notation/certificate.ts + 1 modules
var certificate = __webpack_require__(46482);
// EXTERNAL MODULE: ../../packages/core/src/notation/certificate-chain.ts
var certificate_chain = __webpack_require__(30197);
// EXTERNAL MODULE: ../../packages/core/src/notation/distinguished-name.ts
var distinguished_name = __webpack_require__(66236);
// EXTERNAL MODULE: ../../packages/core/src/notation/algorithms.ts
var algorithms = __webpack_require__(83578);
;// CONCATENATED MODULE: ../../packages/core/src/notation/protected-header.ts
// The JWS protected header: decoding and the spec's header rules (notation-core-go signature/jws/envelope.go
// parseProtectedHeaders and validateProtectedHeaders; signature-envelope-jws.md).


const knownHeaders = new Set([
    'alg',
    'cty',
    'crit',
    format/* NotationHeader */.Gn.expiry,
    format/* NotationHeader */.Gn.signingTime,
    format/* NotationHeader */.Gn.signingScheme,
    format/* NotationHeader */.Gn.authenticSigningTime,
]);
const base64url = /^[A-Za-z0-9_-]*$/;
// RFC 3339 date-time (Go's time.Time JSON form).
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/** Strict unpadded base64url, failing with Go's message (as notation reports a JWS it cannot decode). */
function decodeBase64url(value, what) {
    if (typeof value !== 'string')
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `signature is invalid. Error: ${what} is missing`);
    if (!base64url.test(value) || value.length % 4 === 1) {
        const bad = [...value].findIndex((c) => !/[A-Za-z0-9_-]/.test(c));
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `signature is invalid. Error: illegal base64 data at input byte ${bad >= 0 ? bad : value.length - 1}`);
    }
    return Buffer.from(value, 'base64url');
}
function parseTime(value, header) {
    const date = typeof value === 'string' && rfc3339Pattern.test(value) ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `jws envelope protected header can't be decoded: ${header} is not an RFC 3339 time`);
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
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `jws envelope protected header can't be decoded: ${err.message}`);
        }
    }
    if (typeof header !== 'object' || header === null || Array.isArray(header))
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: not a JSON object");
    const scheme = header[format/* NotationHeader */.Gn.signingScheme];
    if (scheme !== 'notary.x509' && scheme !== 'notary.x509.signingAuthority')
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `unsupported SigningScheme: \`${String(scheme)}\``);
    if (typeof header.alg !== 'string')
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'signature algorithm "" is not supported');
    if (header.cty !== undefined && typeof header.cty !== 'string')
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: cty is not a string");
    const crit = header.crit;
    if (crit !== undefined && (!Array.isArray(crit) || !crit.every((c) => typeof c === 'string')))
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', "jws envelope protected header can't be decoded: crit is not an array of strings");
    const parsed = {
        algorithm: header.alg,
        contentType: header.cty ?? '',
        signingScheme: scheme,
        critical: crit ?? [],
        extended: Object.fromEntries(Object.entries(header).filter(([key]) => !knownHeaders.has(key))),
    };
    if (header[format/* NotationHeader */.Gn.signingTime] !== undefined)
        parsed.signingTime = parseTime(header[format/* NotationHeader */.Gn.signingTime], format/* NotationHeader */.Gn.signingTime);
    if (header[format/* NotationHeader */.Gn.authenticSigningTime] !== undefined)
        parsed.authenticSigningTime = parseTime(header[format/* NotationHeader */.Gn.authenticSigningTime], format/* NotationHeader */.Gn.authenticSigningTime);
    if (header[format/* NotationHeader */.Gn.expiry] !== undefined)
        parsed.expiry = parseTime(header[format/* NotationHeader */.Gn.expiry], format/* NotationHeader */.Gn.expiry);
    if (scheme === 'notary.x509') {
        if (parsed.authenticSigningTime)
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `"${format/* NotationHeader */.Gn.authenticSigningTime}" header must not be present for notary.x509 signing scheme`);
        if (!parsed.signingTime)
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'signing-time not present');
    }
    else {
        if (parsed.signingTime)
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `"${format/* NotationHeader */.Gn.signingTime}" header must not be present for notary.x509.signingAuthority signing scheme`);
        if (!parsed.authenticSigningTime)
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `"${format/* NotationHeader */.Gn.authenticSigningTime}" header must be present for notary.x509.signingAuthority signing scheme`);
    }
    const time = parsed.signingTime ?? parsed.authenticSigningTime;
    if (parsed.expiry && time && parsed.expiry <= time)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'expiry cannot be equal or before the signing time');
    if (parsed.critical.length === 0)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'missing "crit" header');
    const mustBeCritical = new Set([format/* NotationHeader */.Gn.signingScheme]);
    if (parsed.expiry)
        mustBeCritical.add(format/* NotationHeader */.Gn.expiry);
    if (scheme === 'notary.x509.signingAuthority')
        mustBeCritical.add(format/* NotationHeader */.Gn.authenticSigningTime);
    for (const name of parsed.critical) {
        if (mustBeCritical.delete(name))
            continue;
        if (!Object.hasOwn(parsed.extended, name))
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `"${name}" header is marked critical but not present`);
    }
    if (mustBeCritical.size)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `these required headers are not marked as critical: [${[...mustBeCritical].join(' ')}]`);
    return parsed;
}

;// CONCATENATED MODULE: ../../packages/core/src/notation/envelope.ts





const base64std = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Parses a JWS JSON (flattened) envelope and its protected header; checks structure only, no signature or trust. */
function parseNotationEnvelope(bytes) {
    let raw;
    try {
        raw = JSON.parse(bytes.toString());
    }
    catch (err) {
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `unable to parse the digital signature, error : ${err.message}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'unable to parse the digital signature, error : not a JSON object');
    const extra = Object.keys(raw).filter((k) => !['payload', 'protected', 'header', 'signature'].includes(k));
    // Only the flattened serialization is allowed; `signatures` would be the general one.
    if (extra.length)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', `the JWS envelope has unsupported top-level fields ${extra.join(', ')} (only the flattened JSON serialization is allowed)`);
    const header = raw.header;
    if (typeof header !== 'object' || header === null || !Array.isArray(header.x5c) || header.x5c.length === 0)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'certificate chain is not present');
    const certificates = header.x5c.map((c) => {
        if (typeof c !== 'string' || !base64std.test(c))
            throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'malformed certificate in x5c (not base64)');
        return Buffer.from(c, 'base64');
    });
    const signature = decodeBase64url(raw.signature, 'the signature');
    if (signature.length === 0)
        throw new errors/* NotationError */.B1('NOTATION_ENVELOPE_INVALID', 'signature missing in jws-json envelope');
    const payloadBytes = decodeBase64url(raw.payload, 'the payload');
    const parsed = {
        raw,
        protectedHeader: decodeNotationProtectedHeader(typeof raw.protected === 'string' ? raw.protected : ''),
        payloadBytes,
        signature,
        certificates,
    };
    const agent = header[format/* NotationHeader */.Gn.signingAgent];
    if (typeof agent === 'string')
        parsed.signingAgent = agent;
    const timestamp = header[format/* NotationHeader */.Gn.timestampSignature];
    if (typeof timestamp === 'string' && timestamp)
        parsed.timestampSignature = Buffer.from(timestamp, 'base64');
    return parsed;
}
/**
 * The integrity of an envelope as notation-core-go's JWS Verify checks it: `alg` is one the spec allows and is the
 * algorithm of the leaf certificate's key (no algorithm substitution), and the signature over `protected.payload`
 * verifies with that key. Returns the problem, or undefined.
 */
function notationEnvelopeSignatureProblem(envelope, leaf) {
    const algorithm = (0,algorithms/* notationAlgorithmForJws */.bh)(envelope.protectedHeader.algorithm);
    if (!algorithm)
        return `signature algorithm ${(0,quote/* quote */.h)(envelope.protectedHeader.algorithm)} is not supported`;
    let expected;
    try {
        expected = (0,algorithms/* notationKeySpecOf */.qK)(leaf);
    }
    catch (err) {
        return err.message;
    }
    if (algorithms/* notationAlgorithms */.pM[expected].jws !== algorithm.jws) {
        return `mismatch between signature algorithm derived from signing certificate (${algorithms/* notationAlgorithms */.pM[expected].jws}) and signing algorithm specified (${algorithm.jws})`;
    }
    const signingInput = Buffer.from(`${envelope.raw.protected}.${envelope.raw.payload}`, 'ascii');
    return (0,algorithms/* verifyNotationJwsSignature */.Wg)(algorithm, signingInput, envelope.signature, leaf.publicKey)
        ? undefined
        : 'signature is invalid. Error: the JWS signature does not verify with the signing certificate key';
}

// EXTERNAL MODULE: ../../packages/core/src/notation/payload.ts
var notation_payload = __webpack_require__(5716);
// EXTERNAL MODULE: ../../packages/core/src/notation/time.ts
var notation_time = __webpack_require__(77181);
// EXTERNAL MODULE: ../../packages/core/src/notation/verification-level.ts
var verification_level = __webpack_require__(75616);
;// CONCATENATED MODULE: ../../packages/core/src/notation/verify-envelope.ts










async function trustedCertificates(type, policy, store) {
    const seen = new Set();
    const out = [];
    for (const entry of policy.trustStores ?? []) {
        if (seen.has(entry))
            continue;
        const colon = entry.indexOf(':');
        if (colon < 0)
            throw new errors/* NotationTrustStoreError */.gM(`error while loading the trust store, trust policy statement ${(0,quote/* quote */.h)(policy.name)} is missing separator in trust store value ${(0,quote/* quote */.h)(entry)}. The required format is <TrustStoreType>:<TrustStoreName>`);
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
            return `trust policy statement ${(0,quote/* quote */.h)(policy.name)} has trusted identity ${(0,quote/* quote */.h)(identity)} missing separator`;
        if (identity.slice(0, colon) !== 'x509.subject')
            continue;
        const value = identity.slice(colon + 1);
        if (!value)
            return `trust policy statement ${(0,quote/* quote */.h)(policy.name)} has trusted identity ${(0,quote/* quote */.h)(identity)} without an identity value`;
        try {
            trusted.push((0,distinguished_name/* parseNotationDistinguishedName */.li)(value));
        }
        catch (err) {
            return err.message;
        }
    }
    if (trusted.length === 0)
        return `no x509 trusted identities are configured in the trust policy ${(0,quote/* quote */.h)(policy.name)}`;
    let subject;
    try {
        subject = (0,distinguished_name/* parseNotationDistinguishedName */.li)(leaf.subject);
    }
    catch (err) {
        return `error while parsing the certificate subject from the digital signature. error : ${(0,quote/* quote */.h)(err.message)}`;
    }
    if (trusted.some((dn) => (0,distinguished_name/* isSubsetDn */.ZG)(dn, subject)))
        return undefined;
    return `signing certificate from the digital signature does not match the X.509 trusted identities ${(0,distinguished_name/* goMaps */.KU)(trusted)} defined in the trust policy ${(0,quote/* quote */.h)(policy.name)}`;
}
function validityProblem(chain, now) {
    for (const certificate of chain) {
        if (now < certificate.notBefore)
            return `verification time is before certificate ${(0,quote/* quote */.h)(certificate.subject)} validity period, it will be valid from ${(0,quote/* quote */.h)((0,notation_time/* notationRfc1123z */.h)(certificate.notBefore))}`;
        if (now > certificate.notAfter)
            return `verification time is after certificate ${(0,quote/* quote */.h)(certificate.subject)} validity period, it was expired at ${(0,quote/* quote */.h)((0,notation_time/* notationRfc1123z */.h)(certificate.notAfter))}`;
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
                return `certificate ${(0,quote/* quote */.h)(certificate.subject)} was not valid when the digital signature was produced at ${(0,quote/* quote */.h)((0,notation_time/* notationRfc1123z */.h)(time))}`;
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
    return (0,certificate_chain/* notationSigningTimeProblem */.EO)(chain, header.signingTime);
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
    const level = (0,verification_level/* notationVerificationLevel */.w0)(options.policy.signatureVerification);
    const outcome = { verified: false, level, results: [], logged: [], notes: [] };
    if (level.name === 'skip') {
        outcome.verified = true;
        outcome.notes.push(`trust policy statement ${(0,quote/* quote */.h)(options.policy.name)} skips signature verification`);
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
    const mediaType = options.envelopeMediaType ?? format/* NotationMediaType */.bT.jws;
    if (mediaType !== format/* NotationMediaType */.bT.jws) {
        check('integrity', mediaType === format/* NotationMediaType */.bT.cose
            ? `signature envelope format with media type ${(0,quote/* quote */.h)(mediaType)} (COSE) is not supported by d2ci`
            : `unable to parse the digital signature, error : signature envelope format with media type ${(0,quote/* quote */.h)(mediaType)} is not supported`);
        return outcome;
    }
    let envelope;
    let chain;
    let payload;
    try {
        envelope = parseNotationEnvelope(options.envelope);
        chain = await (0,certificate/* parseNotationCertificates */.kC)(envelope.certificates);
        payload = (0,notation_payload/* parseNotationPayload */.Os)(envelope.payloadBytes);
    }
    catch (err) {
        check('integrity', err.message);
        return outcome;
    }
    const leaf = chain[0];
    const header = envelope.protectedHeader;
    outcome.signer = {
        subject: leaf.subject,
        thumbprints: (0,certificate/* notationThumbprints */.$B)(envelope.certificates),
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
        if (header.contentType !== format/* NotationMediaType */.bT.payload)
            return `payload content type ${(0,quote/* quote */.h)(header.contentType)} not supported`;
        const chainProblem = (0,certificate_chain/* notationCertificateChainProblem */.yt)(chain);
        if (chainProblem)
            return `certificate-chain is invalid, ${chainProblem}`;
        const plugin = header.extended[format/* NotationHeader */.Gn.verificationPlugin];
        if (plugin !== undefined)
            return `digital signature requires verification plugin ${typeof plugin === 'string' ? (0,quote/* quote */.h)(plugin) : JSON.stringify(plugin)}, and d2ci does not run verification plugins`;
        // No extended header is understood here, so any critical one fails (RFC 7515 `crit`; notation-go leaves them to plugins).
        const unknown = header.critical.find((name) => Object.hasOwn(header.extended, name));
        if (unknown)
            return `the signature has critical header ${(0,quote/* quote */.h)(unknown)}, which d2ci does not understand (unknown critical headers must fail verification)`;
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
    if (check('expiry', header.expiry && now >= header.expiry ? `digital signature has expired on ${(0,quote/* quote */.h)((0,notation_time/* notationRfc1123z */.h)(header.expiry))}` : undefined))
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

;// CONCATENATED MODULE: ../../packages/core/src/notation/verify.ts
// Verifying an artifact's Notary Project signatures as `notation verify` does (notation-go notation.go Verify):
// resolve the reference once, pick the trust policy statement for the repository, list the signatures as
// referrers and verify them one by one (verify-envelope.ts) until one passes.










const maxManifestBytes = 4 * 1024 * 1024;
const maxEnvelopeBytes = 32 * 1024 * 1024;
/** A Notary Project signature manifest's one envelope layer, or why this manifest is not one. */
function signatureLayer(manifest) {
    const config = manifest.config?.mediaType;
    const valid = manifest.artifactType === format/* NotationMediaType */.bT.signature
        ? config === media_types/* MediaType */.zu.ociEmpty
        : !manifest.artifactType && config === format/* NotationMediaType */.bT.signature;
    if (!valid)
        return `not a valid Notary Project signature manifest (artifactType ${(0,quote/* quote */.h)(manifest.artifactType ?? '')}, config ${(0,quote/* quote */.h)(config ?? '')})`;
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
    const document = (0,trust_policy/* parseNotationTrustPolicy */.s)(options.trustPolicy);
    const fetched = await options.target.fetchManifest(options.reference);
    const descriptor = {
        mediaType: fetched.descriptor.mediaType,
        digest: fetched.descriptor.digest,
        size: fetched.descriptor.size,
    };
    const annotations = (0,oci_descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType).manifest.annotations ?? {};
    const result = await verifyNotationSignatures(options, document, descriptor, annotations);
    const mismatches = (0,required_annotations/* annotationMismatches */.s)(annotations, options.annotations);
    if (mismatches.length) {
        result.verified = false;
        result.reasons.push(...mismatches);
    }
    return result;
}
/** The signature half of verifyNotation, for the artifact `descriptor` names. */
async function verifyNotationSignatures(options, document, descriptor, annotations) {
    const result = {
        verified: false,
        skipped: false,
        descriptor,
        annotations,
        userMetadata: {},
        reasons: [],
        warnings: [],
        signaturesChecked: 0,
    };
    const repository = options.repository ?? (options.target.name.startsWith('oci-layout:') ? undefined : options.target.name);
    if (!repository)
        throw new errors/* NotationError */.B1('NOTATION_REPOSITORY_REQUIRED', `give the repository that trust policies scope ${options.target.name} by (e.g. local/<name>)`);
    const artifact = `${repository}@${descriptor.digest}`;
    let policy;
    try {
        policy = (0,trust_policy/* applicableNotationTrustPolicy */.e)(document, repository, artifact);
    }
    catch (err) {
        result.reasons.push(err.message);
        return result;
    }
    const level = (0,verification_level/* notationVerificationLevel */.w0)(policy.signatureVerification);
    result.policy = policy.name;
    result.level = level.name;
    if (level.name === 'skip') {
        result.skipped = true;
        result.warnings.push(`trust policy statement ${(0,quote/* quote */.h)(policy.name)} skips signature verification for ${repository}`);
        return result;
    }
    const referrers = await options.target.referrers(descriptor, { artifactType: format/* NotationMediaType */.bT.signature });
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
        result.reasons.push(`no signature is associated with ${(0,quote/* quote */.h)(artifact)}, make sure the artifact was signed successfully`);
    return result;
}

// EXTERNAL MODULE: ../../packages/core/src/verify/check-errors.ts
var check_errors = __webpack_require__(82549);
// EXTERNAL MODULE: ../../packages/core/src/verify/verify.ts + 2 modules
var verify = __webpack_require__(26728);
// EXTERNAL MODULE: ../../packages/core/src/verify/cluster-policy.ts
var cluster_policy = __webpack_require__(27358);
// EXTERNAL MODULE: ../../packages/core/src/verify/deployed-cluster.ts + 1 modules
var deployed_cluster = __webpack_require__(61601);
;// CONCATENATED MODULE: ../../packages/core/src/verify/check.ts






/** The policy checked, in words: how many keys, or the keyless identities. */
function describePolicy(signatures) {
    const { verification } = signatures;
    return verification.kind === 'key' ? `${verification.keys.length} public key(s)` : verification.policy.describe;
}
async function checkCosign(request, signatures) {
    const { cluster } = request;
    const plan = cluster?.plan;
    const identities = plan?.provider === 'cosign' && plan.kind === 'keyless' && plan.identities !== undefined
        ? plan.identities
        : signatures.verification.kind === 'keyless'
            ? signatures.verification.policy.entries
            : undefined;
    const result = await (0,verify/* verifyArtifact */.oc)({
        target: request.target,
        reference: request.reference,
        verification: signatures.verification,
        format: signatures.format,
        annotations: request.annotations,
        requireAttestations: signatures.requireAttestations,
        ...(signatures.signatureAnnotations ? { signatureAnnotations: signatures.signatureAnnotations } : {}),
        fluxVersion: signatures.fluxVersion,
        // Flux 2.8+ verifies bundles with one matchOIDCIdentity entry only (the cluster's list, else the identities
        // given, which stand for the list the cluster would be given), and reaches the registry as the cluster does.
        ...(identities !== undefined ? { identities } : {}),
        ...(cluster?.manifest.registry ? { clusterRegistry: cluster.manifest.registry } : {}),
    });
    const name = (0,oci_open/* locationName */.zb)(request.location);
    return {
        ...result,
        ...(0,verify/* artifactOrigin */.$7)(result.annotations),
        provider: 'cosign',
        name,
        reference: request.reference,
        digestUrl: `${name}@${result.descriptor.digest}`,
        policy: describePolicy(signatures),
        skipped: false,
        why: result.reasons.join('; '),
        ...(cluster ? { cluster: cluster.manifest } : {}),
    };
}
/** Trust policies scope repositories: a registry's own name, or for an OCI layout the scope the user names. */
function notationRepository(request, signatures) {
    if (request.location.kind === 'registry')
        return (0,oci_open/* locationName */.zb)(request.location);
    if (signatures.scope)
        return signatures.scope;
    throw new check_errors/* VerifyRequestError */.R('NOTATION_SCOPE_REQUIRED', 'notation-scope', 'is required for an OCI layout: the registry scope its trust policy statement names, e.g. local/my-layout (as notation verify --oci-layout --scope)');
}
async function checkNotation(request, signatures) {
    const repository = notationRepository(request, signatures);
    const result = await verifyNotation({
        target: request.target,
        reference: request.reference,
        repository,
        trustPolicy: signatures.trustPolicy,
        trustStore: signatures.trustStore,
        annotations: request.annotations,
    });
    const name = (0,oci_open/* locationName */.zb)(request.location);
    const subject = result.signer?.subject;
    return {
        ...(0,verify/* artifactOrigin */.$7)(result.annotations),
        verified: result.verified,
        provider: 'notation',
        name,
        reference: request.reference,
        descriptor: result.descriptor,
        digestUrl: `${name}@${result.descriptor.digest}`,
        format: 'notation',
        ...(subject !== undefined ? { identity: `x509: ${subject}`, subject } : {}),
        annotations: result.annotations,
        ...(result.policy !== undefined ? { policy: result.policy } : {}),
        ...(result.level !== undefined ? { level: result.level } : {}),
        skipped: result.skipped,
        reasons: result.reasons,
        why: result.skipped ? `the trust policy ${result.policy ?? ''} skips verification` : result.reasons.join('; '),
        warnings: result.warnings,
        signaturesChecked: result.signaturesChecked,
        attestations: [],
        flux: [],
        ...(request.cluster ? { cluster: request.cluster.manifest } : {}),
    };
}
/**
 * Verifies an artifact as the cluster would: cosign's signatures (legacy .sig and Sigstore bundles, with the Flux
 * versions' rules and the required attestations) or a Notary Project signature (trust policy and trust store), as
 * the request says. With a flux manifest, its identities and registry apply, and its provider must be the
 * request's. The reference is resolved to a digest once; everything is checked and reported for that digest.
 */
async function checkArtifact(asked) {
    const request = asked.clusterFrom ? await withDeployedCluster(asked, asked.clusterFrom) : asked;
    const { signatures, cluster } = request;
    if (cluster && cluster.plan.provider !== signatures.provider)
        throw new check_errors/* VerifyRequestError */.R('CLUSTER_PROVIDER_MISMATCH', undefined, `${cluster.manifest.origin} in ${cluster.manifest.file} verifies with ${cluster.plan.provider}, not ${signatures.provider}`);
    return signatures.provider === 'notation' ? checkNotation(request, signatures) : checkCosign(request, signatures);
}
/** The request with the verify block the clusters run now, read from their artifact; its identities apply. */
async function withDeployedCluster(request, source) {
    const cluster = await (0,deployed_cluster/* readDeployedClusterPolicy */.pE)(request.target, source);
    const policy = (0,cluster_policy/* clusterIdentityPolicy */.d)(cluster);
    const { signatures } = request;
    const replaced = policy && signatures.provider === 'cosign' && signatures.verification.kind === 'keyless'
        ? { ...signatures, verification: { ...signatures.verification, policy } }
        : signatures;
    return { ...request, signatures: replaced, cluster };
}


/***/ }),

/***/ 61601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MY: () => (/* binding */ presetIdentityPolicy),
  pE: () => (/* binding */ readDeployedClusterPolicy)
});

// UNUSED EXPORTS: deployedIdentityPolicy

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ../../node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(36474);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(85736);
// EXTERNAL MODULE: ../../packages/core/src/oci/descriptor.ts
var descriptor = __webpack_require__(77796);
// EXTERNAL MODULE: ../../packages/core/src/artifact/layer.ts
var artifact_layer = __webpack_require__(69627);
// EXTERNAL MODULE: ../../packages/core/src/artifact/temp.ts
var temp = __webpack_require__(2714);
;// CONCATENATED MODULE: ../../packages/core/src/artifact/pull.ts










const defaultMaxPullSize = 1024 * 1024 * 1024;
/** Decompressed archive bytes allowed beyond the file-data limit, for entry headers (at most; as much as the limit below it, at least 1 MiB). */
const headerAllowance = 64 * 1024 * 1024;
/** An artifact layer that is not extracted: nothing is left behind. */
class UnsafeArchiveError extends errors/* BaseError */.Cf {
    constructor(code, message) {
        super(code, message);
    }
}
/**
 * Pulls an artifact and extracts its layer safely: the blob is verified against its digest while streaming,
 * entries escaping the output (absolute paths, `..`), links and special files are refused, and the total size
 * is capped. Extraction goes to a temporary sibling directory that replaces the output only on success.
 */
async function pullArtifact(options) {
    const fetched = await options.target.fetchManifest(options.reference);
    const { manifest } = (0,descriptor/* parseManifest */.Ng)(fetched.bytes, fetched.descriptor.mediaType);
    const layer = (0,artifact_layer/* contentLayer */.DO)(fetched, options.reference, options.layerMediaType);
    const maxSize = options.maxSize ?? defaultMaxPullSize;
    if (layer.size > maxSize)
        throw new UnsafeArchiveError('SIZE_LIMIT', `layer is ${layer.size} bytes, over the ${maxSize}-byte limit (raise max-size)`);
    const output = (0,external_node_path_.resolve)(options.output);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(output), { recursive: true });
    return (0,temp/* withTempDir */.E)((0,external_node_path_.join)((0,external_node_path_.dirname)(output), '.d2ci-pull-'), async (staging) => {
        const counts = await extractTar(await options.target.fetch(layer), staging, maxSize);
        await moveInto(staging, output);
        return { descriptor: fetched.descriptor, layer, annotations: manifest.annotations ?? {}, ...counts };
    });
}
/** Checks an archive entry name; returns the normalised relative path, or '' for the root entry. */
function safeEntryName(name) {
    if (name.includes('\0'))
        throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry with a NUL byte in its name`);
    if (name.includes('\\'))
        throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": backslashes in names are not portable`);
    if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
        throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": absolute path`);
    if (name.split('/').includes('..'))
        throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${name}": path traversal ("..")`);
    const normal = external_node_path_.posix.normalize(name).replace(/\/+$/, '');
    return normal === '.' ? '' : normal;
}
async function extractTar(layer, into, maxSize) {
    let bytes = 0;
    let files = 0;
    const extract = tar_stream.extract();
    const root = (0,external_node_path_.resolve)(into);
    extract.on('entry', (header, stream, next) => {
        // A refused entry destroys its stream with our error, which reaches the caller through next(); don't let
        // that same error surface again as an unhandled stream error.
        stream.on('error', () => undefined);
        void (async () => {
            const name = safeEntryName(header.name);
            const path = (0,external_node_path_.resolve)(root, name);
            if (path !== root && !path.startsWith(root + external_node_path_.sep))
                throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${header.name}": outside the output directory`);
            if (header.type === 'directory') {
                // A directory carries no data; one that does is hiding bytes from the size limit.
                if ((header.size ?? 0) > 0)
                    throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing directory entry "${header.name}" that carries ${header.size} bytes of data`);
                await (0,promises_.mkdir)(path, { recursive: true, mode: 0o755 });
                stream.resume();
                return;
            }
            if (header.type !== 'file' && header.type !== 'contiguous-file') {
                throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing ${header.type} entry "${header.name}"${header.linkname ? ` -> ${header.linkname}` : ''}: only files and directories are extracted`);
            }
            if (name === '')
                throw new UnsafeArchiveError('ENTRY_REFUSED', 'refusing a file entry named "."');
            bytes += header.size ?? 0;
            if (bytes > maxSize)
                throw new UnsafeArchiveError('SIZE_LIMIT', `artifact unpacks to more than the ${maxSize}-byte limit (raise max-size)`);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o755 });
            const handle = await (0,promises_.open)(path, 'wx', (header.mode ?? 0) & 0o111 ? 0o755 : 0o644).catch((err) => {
                // Flux's Untar would let the second entry win; d2ci refuses an archive that says two things about one file.
                if (err.code === 'EEXIST')
                    throw new UnsafeArchiveError('ENTRY_REFUSED', `refusing entry "${header.name}": the archive names it twice`);
                throw err;
            });
            let written = 0;
            await (0,external_node_stream_promises_.pipeline)(stream, new external_node_stream_.Writable({
                write(chunk, _encoding, callback) {
                    written += chunk.length;
                    if (written > (header.size ?? 0))
                        return callback(new UnsafeArchiveError('ENTRY_REFUSED', `entry "${header.name}" is larger than its header says`));
                    handle.write(chunk).then(() => callback(), callback);
                },
                final(callback) {
                    handle.close().then(() => callback(), callback);
                },
            })).catch(async (err) => {
                await handle.close().catch(() => undefined);
                throw err;
            });
            files++;
        })().then(() => next(), (err) => next(err));
    });
    const gunzip = (0,external_node_zlib_.createGunzip)();
    // Every decompressed byte counts, headers included: past the limit plus room for headers (512 bytes per entry,
    // pax records), a stream of tiny or empty entries is a header bomb.
    const streamLimit = maxSize + Math.min(headerAllowance, Math.max(1024 * 1024, maxSize));
    let streamed = 0;
    gunzip.on('data', (chunk) => {
        streamed += chunk.length;
        if (streamed > streamLimit)
            gunzip.destroy(new UnsafeArchiveError('SIZE_LIMIT', `artifact unpacks to more than ${streamLimit} bytes of archive (file data over the ${maxSize}-byte limit, or a flood of entry headers); raise max-size if it is genuine`));
    });
    await (0,external_node_stream_promises_.pipeline)(layer, gunzip, extract).catch((err) => {
        if (err.code === 'Z_DATA_ERROR')
            throw new UnsafeArchiveError('LAYER_NOT_GZIP', 'the layer is not a valid gzip stream');
        throw err;
    });
    return { files, bytes };
}
/**
 * Moves what was extracted into `output`, replacing only the files the artifact has: directories are merged, so
 * files of the output that the artifact does not name stay (a pull into a checkout does not delete its
 * neighbours). `output` may not exist yet, in which case the staging folder simply becomes it.
 */
async function moveInto(staging, output) {
    const existing = await (0,promises_.lstat)(output).catch(() => undefined);
    if (!existing) {
        await (0,promises_.rename)(staging, output);
        return;
    }
    if (!existing.isDirectory())
        throw new UnsafeArchiveError('OUTPUT_NOT_DIRECTORY', `output "${output}" exists and is not a directory`);
    for (const entry of await (0,promises_.readdir)(staging, { withFileTypes: true })) {
        const from = (0,external_node_path_.join)(staging, entry.name);
        const to = (0,external_node_path_.join)(output, entry.name);
        const there = await (0,promises_.lstat)(to).catch(() => undefined);
        if (entry.isDirectory() && there?.isDirectory()) {
            await moveInto(from, to);
            continue;
        }
        // A file over a file is an atomic rename; anything else of the same name (a symlink, a file where the
        // artifact has a directory) is replaced.
        if (there && (entry.isDirectory() || there.isDirectory() || there.isSymbolicLink()))
            await (0,promises_.rm)(to, { recursive: true, force: true });
        await (0,promises_.rename)(from, to);
    }
}

// EXTERNAL MODULE: ../../packages/core/src/verify/cluster-policy.ts
var cluster_policy = __webpack_require__(27358);
// EXTERNAL MODULE: ../../packages/core/src/verify/flux-manifest-error.ts
var flux_manifest_error = __webpack_require__(14705);
// EXTERNAL MODULE: ../../packages/core/src/verify/flux-manifest.ts + 2 modules
var flux_manifest = __webpack_require__(38872);
// EXTERNAL MODULE: ../../packages/core/src/verify/flux-manifest-plan.ts
var flux_manifest_plan = __webpack_require__(30900);
;// CONCATENATED MODULE: ../../packages/core/src/verify/deployed-cluster.ts








/** A deployed fleet artifact is small; refuse to unpack more than this to read one file of it. */
const maxDeployedSize = 256 * 1024 * 1024;
/** Reads the verify block the clusters run now from the artifact they follow, and plans its check. */
async function readDeployedClusterPolicy(target, source) {
    let relative;
    try {
        relative = safeEntryName(source.file);
    }
    catch {
        relative = '';
    }
    if (!relative)
        throw new flux_manifest_error/* FluxManifestError */.p('FLUX_MANIFEST_UNREADABLE', 'manifest', `"${source.file}" is not a path inside the artifact (relative, no ..), e.g. clusters/staging/flux-system/flux-instance.yaml`);
    const shownAs = `${relative} in the artifact at ${source.reference}`;
    return (0,temp/* withTempDir */.E)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'd2ci-deployed-'), async (dir) => {
        await pullArtifact({ target, reference: source.reference, output: (0,external_node_path_.join)(dir, 'artifact'), maxSize: maxDeployedSize });
        const manifest = await (0,flux_manifest/* readFluxManifest */.R)((0,external_node_path_.join)(dir, 'artifact', relative), {
            shownAs,
            ...(source.name === undefined ? {} : { name: source.name }),
        });
        return { manifest, plan: (0,flux_manifest_plan/* planFluxVerification */.M)(manifest, source.given) };
    });
}
/**
 * The keyless policy a front door builds before the deployed verify block is read: `checkArtifact` replaces it
 * with the block's matchOIDCIdentity. Never matches, so a request that skipped that step can only fail.
 */
function deployedIdentityPolicy(source) {
    const describe = `matchOIDCIdentity of ${source.file} in the artifact at ${source.reference}`;
    return { describe, entries: 1, mismatch: () => `${describe} was not read` };
}
/**
 * The keyless policy a front door passes to `checkArtifact` in place of its identity inputs: a flux manifest's
 * matchOIDCIdentity, else (keyless only) the placeholder the deployed verify block replaces once the registry is
 * open, else none, and the identity inputs decide.
 */
function presetIdentityPolicy(cluster, from, keyGiven) {
    return (0,cluster_policy/* clusterIdentityPolicy */.d)(cluster) ?? (from && !keyGiven ? deployedIdentityPolicy(from) : undefined);
}


/***/ })

};

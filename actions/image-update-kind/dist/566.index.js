export const id = 566;
export const ids = [566];
export const modules = {

/***/ 566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageUpdateRequest: () => (/* binding */ imageUpdateRequest),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(5736);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/git.ts
var imageupdate_git = __webpack_require__(8036);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/github/rest-error.ts
var rest_error = __webpack_require__(7869);
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
        Promise.all(/* import() */[__webpack_require__.e(547), __webpack_require__.e(75)]).then(__webpack_require__.bind(__webpack_require__, 6075)),
        Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642)]).then(__webpack_require__.bind(__webpack_require__, 4642)),
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
            const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 8803));
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
var kind = __webpack_require__(5124);
// EXTERNAL MODULE: ../../packages/core/src/oci/errors.ts
var oci_errors = __webpack_require__(8706);
// EXTERNAL MODULE: ../../packages/core/src/oci/http.ts + 2 modules
var http = __webpack_require__(6607);
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
            throw new oci_errors/* OciError */.Mf('INVALID_REALM', `${registry} names a token realm that is not a URL`, { status: 401 });
        }
        const secure = this.#options.secureRegistry?.(registry) ?? true;
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !secure)) {
            throw new oci_errors/* OciError */.Mf('INSECURE_REALM', `${registry} asks for credentials at ${url.protocol}//${url.host}, not HTTPS; d2ci does not send credentials there`, { status: 401, hint: "check the registry's token auth configuration" });
        }
        if (url.username || url.password)
            throw new oci_errors/* OciError */.Mf('INVALID_REALM', `${registry} names a token realm with embedded credentials`, { status: 401 });
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
            throw new oci_errors/* OciError */.Mf(response.status === 403 ? 'DENIED' : 'UNAUTHORIZED', `token server ${realm.host} for ${registry} ${who} (${response.status}${detail ? `: ${detail}` : ''})`, { status: response.status === 403 ? 403 : 401 });
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token || body.access_token;
        if (!token)
            throw new oci_errors/* OciError */.Mf('UNAUTHORIZED', `token server ${realm.host} for ${registry} returned no token`, { status: 401 });
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
var oci_reference = __webpack_require__(8936);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ../../packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(8341);
// EXTERNAL MODULE: ../../packages/core/src/oci/order.ts
var order = __webpack_require__(8085);
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
        throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', `${where} is not a valid descriptor (needs mediaType, digest and size)`);
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
        throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest is not valid JSON');
    }
    if (typeof manifest !== 'object' || manifest === null || manifest.schemaVersion !== 2) {
        throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest schemaVersion is not 2');
    }
    const declared = manifest.mediaType;
    const transported = contentType?.split(';')[0]?.trim();
    if (declared && transported && media_types_isManifestMediaType(transported) && declared !== transported) {
        throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', `manifest mediaType ${declared} does not match Content-Type ${transported}`);
    }
    const mediaType = declared ?? (transported && media_types_isManifestMediaType(transported) ? transported : undefined);
    if (!mediaType || !media_types_isManifestMediaType(mediaType)) {
        throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', `unsupported manifest media type ${mediaType ?? '(none)'}`);
    }
    if (isIndexMediaType(mediaType)) {
        const index = manifest;
        if (!Array.isArray(index.manifests))
            throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', 'index has no manifests array');
        index.manifests.forEach((d, i) => assertDescriptor(d, `manifests[${i}]`));
    }
    else {
        const image = manifest;
        assertDescriptor(image.config, 'config');
        if (!Array.isArray(image.layers))
            throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', 'manifest has no layers array');
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
            throw new oci_errors/* OciError */.Mf('SIZE_INVALID', `content is larger than the ${limit}-byte limit`);
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
    const attempts = (0,http/* attemptsOf */.Or)(response);
    const suffix = `${response.status === 429 && retryAfter ? ` (registry asked to retry after ${retryAfter}s)` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}${(0,http/* retryBudgetSpent */.SC)(response) ? '; gave up: waiting longer would exceed the retry budget (3 × --timeout / the timeout input)' : ''}`;
    const status = `${response.status} ${code}`;
    return new oci_errors/* OciError */.Mf(code, `${what}: ${status}${message && message !== code ? `: ${message}` : ''}${suffix}`.replace(/\s+/g, ' '), {
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

;// CONCATENATED MODULE: ../../packages/core/src/oci/known-content.ts
/**
 * What one repository client has seen stored under a digest, read or written. Content addressed by a digest never
 * changes, so reading it again within a use case costs no round trip: a release reads the staging manifest and
 * its signature's payload, re-signs, then reads them again to check its own signature as production would. Like
 * the cache oras-go puts in front of a fetch (internal/cas/proxy.go). Tags and referrers are not digests, and are
 * always asked for.
 *
 * Kept with their bytes: manifests, and blobs up to `maxBlobBytes`; of larger ones only that they exist. Past
 * `budgetBytes` in all, only existence is kept.
 */
class KnownContent {
    static maxBlobBytes = 64 * 1024;
    #budgetBytes;
    #heldBytes = 0;
    #content = new Map();
    #present = new Set();
    constructor(budgetBytes = 16 * 1024 * 1024) {
        this.#budgetBytes = budgetBytes;
    }
    /** Records that `digest` is stored; with its bytes (already verified against it) when they are worth keeping. */
    remember(digest, bytes, mediaType) {
        this.#present.add(digest);
        if (!bytes || this.#content.has(digest) || this.#heldBytes + bytes.length > this.#budgetBytes)
            return;
        this.#content.set(digest, { bytes, ...(mediaType ? { mediaType } : {}) });
        this.#heldBytes += bytes.length;
    }
    content(digest) {
        return this.#content.get(digest);
    }
    has(digest) {
        return this.#present.has(digest);
    }
    forget(digest) {
        const held = this.#content.get(digest);
        if (held)
            this.#heldBytes -= held.bytes.length;
        this.#content.delete(digest);
        this.#present.delete(digest);
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
/** Tag-index updates in flight, by registry, repository and subject (see `#updateReferrersIndex`). */
const indexUpdates = new Map();
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
    /** Set by `expectPush`: reads ask for the push scope too (one token for the whole push). */
    #pushing = false;
    /**
     * Whether the registry serves the referrers API: learnt from the first answer (a registry with the API answers
     * 200 even with no referrers), so later lookups go straight to the tag schema (oras-go Repository.referrersState).
     */
    #referrersApi;
    /** Digests this client has read or written (immutable content): read again without a round trip. */
    #known = new KnownContent();
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
    expectPush() {
        this.#pushing = true;
    }
    preconnect(connections) {
        this.#client.transport.preconnect(this.#client.baseUrl(this.registry), connections);
    }
    #send(request, actions = ['pull'], extraScopes = []) {
        // A pull+push token covers the reads too (auth.ts reuses any live token whose scopes cover a request's).
        if (this.#pushing && actions.length === 1 && actions[0] === 'pull')
            actions = ['pull', 'push'];
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
            throw new oci_errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} answered ${digest} for ${reference}`);
        }
        return { mediaType, digest, size };
    }
    async fetchManifest(reference) {
        const known = this.#known.content(reference);
        if (known?.mediaType)
            return { descriptor: { mediaType: known.mediaType, digest: reference, size: known.bytes.length }, bytes: known.bytes };
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
            throw new oci_errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name}:${reference} claims ${claimed} but its content hashes to ${digest}`);
        }
        const { mediaType } = descriptor_parseManifest(bytes, response.headers.get('content-type') ?? undefined);
        this.#known.remember(digest, bytes, mediaType);
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
    }
    async fetch(descriptor) {
        const known = this.#known.content(descriptor.digest);
        if (known && known.bytes.length === descriptor.size)
            return external_node_stream_.Readable.from([known.bytes]);
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
        const verified = body.pipe(verifier);
        if (descriptor.size > KnownContent.maxBlobBytes) {
            // Read to the end, it was verified (DigestStream checks before it ends): it exists.
            verified.once('end', () => this.#known.remember(descriptor.digest));
            return verified;
        }
        // Small (a signature's payload, a bundle, a config): read whole, verified, and kept for the next read.
        const bytes = await content_readAll(verified, KnownContent.maxBlobBytes);
        this.#known.remember(descriptor.digest, bytes, manifest ? descriptor.mediaType : undefined);
        return external_node_stream_.Readable.from([bytes]);
    }
    source(descriptor) {
        return targetSource(this, descriptor);
    }
    async exists(descriptor) {
        if (this.#known.has(descriptor.digest))
            return true;
        const kind = media_types_isManifestMediaType(descriptor.mediaType) ? 'manifests' : 'blobs';
        const headers = kind === 'manifests' ? { accept: manifestAccept } : {};
        const response = await this.#send({ method: 'HEAD', url: this.#url(`${kind}/${descriptor.digest}`), headers });
        if (response.status === 404)
            return false;
        if (response.ok) {
            this.#known.remember(descriptor.digest);
            return true;
        }
        throw await responseError(response, `check ${descriptor.digest} in ${this.name}`);
    }
    async push(descriptor, content) {
        if (media_types_isManifestMediaType(descriptor.mediaType)) {
            const bytes = await content_readAll(content.open(), maxManifestBytes);
            await this.pushReference(descriptor, bytes, descriptor.digest);
            return;
        }
        await this.#upload(descriptor, content, undefined);
        this.#known.remember(descriptor.digest);
    }
    async mount(descriptor, fromRepository, fallback) {
        const result = await this.#upload(descriptor, fallback, fromRepository);
        this.#known.remember(descriptor.digest);
        return result;
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
            throw new oci_errors/* OciError */.Mf('DIGEST_MISMATCH', `${this.name} stored ${reference} as ${stored}, expected ${descriptor.digest}`);
        }
        const { manifest } = descriptor_parseManifest(bytes, descriptor.mediaType);
        this.#known.remember(descriptor.digest, bytes, descriptor.mediaType);
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
                throw new oci_errors/* OciError */.Mf('INVALID_RESPONSE', `the tag list of ${this.name} is not a list of names`);
            tags.push(...(body.tags ?? []));
            next = nextLink(response.headers.get('link'), next);
        }
        return [...new Set(tags)].sort(order/* compareBytes */.X);
    }
    async referrers(descriptor, options = {}) {
        const query = options.artifactType ? `?artifactType=${encodeURIComponent(options.artifactType)}` : '';
        const viaTags = async () => referrers_filterByArtifactType((await this.#readReferrersIndex(descriptor.digest))?.index.manifests ?? [], options.artifactType);
        if (this.#referrersApi === false)
            return viaTags();
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
                // Remembered only from an answer that says so (not from a 5xx the retries could not get past).
                if (response.status === 404 || response.status === 200)
                    this.#referrersApi = false;
                return viaTags();
            }
            this.#referrersApi = true;
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
                if ((0,oci_errors/* isNotFound */.c4)(err))
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
        this.#known.forget(descriptor.digest);
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
            throw new oci_errors/* OciError */.Mf('MANIFEST_INVALID', `${this.name}:${tag} is not an image index, so it cannot hold referrers`);
        return { index: manifest, etag: response.headers.get('etag') };
    }
    /**
     * Read-modify-write of the subject's tag index, one at a time per index in this process: registries may ignore
     * If-Match (distribution 2.8 does), so two referrers pushed at once (a copy's, a signer's) would drop one entry.
     */
    async #updateReferrersIndex(subject, change, options = {}) {
        const key = `${this.#client.baseUrl(this.registry)}/${this.repository}@${subject}`;
        const previous = indexUpdates.get(key) ?? Promise.resolve();
        const next = previous.catch(() => undefined).then(() => this.#rewriteReferrersIndex(subject, change, options));
        indexUpdates.set(key, next);
        try {
            await next;
        }
        finally {
            if (indexUpdates.get(key) === next)
                indexUpdates.delete(key);
        }
    }
    async #rewriteReferrersIndex(subject, change, options) {
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
            throw new oci_errors/* OciError */.Mf('SIZE_INVALID', `content for ${descriptor.digest} is ${content.size} bytes, its descriptor says ${descriptor.size}`);
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
                if (++failures >= policy.attempts || !(isRetryableUploadError(err) || (err instanceof oci_errors/* OciError */.Mf && err.status === 416)))
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
            throw new oci_errors/* OciError */.Mf('BLOB_UPLOAD_INVALID', `${this.name} started an upload without a Location header`);
        return new URL(location, this.#client.baseUrl(this.registry)).href;
    }
}
function notFound(name, reference, code = 'MANIFEST_UNKNOWN') {
    const what = reference.includes(':') ? reference : `tag "${reference}"`;
    return new oci_errors/* OciError */.Mf(code, `${what} not found in ${name}`, { status: 404 });
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
    if (!(err instanceof oci_errors/* OciError */.Mf))
        return (0,http/* networkErrorCode */.a0)(err) !== undefined;
    if (err.code === 'NETWORK')
        return (0,http/* networkErrorCode */.a0)(err.cause) !== 'ENOTFOUND';
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
        throw new oci_errors/* OciError */.Mf('INVALID_RESPONSE', `${what} is not JSON (${response.headers.get('content-type') ?? 'no content type'}): ${JSON.stringify(text.slice(0, 60))}`);
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
        this.transport = new http/* Transport */.oK({ userAgent: 'd2ci', allowHttp: options.insecure === true, ...options.transport });
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
        const plain = insecure === true || (Array.isArray(insecure) && insecure.includes(registry)) || (0,oci_reference/* isLoopbackHost */.cW)(registry);
        return `${plain ? 'http' : 'https'}://${(0,oci_reference/* registryEndpoint */.Fh)(registry)}`;
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
            throw new oci_errors/* OciError */.Mf('CROSS_ORIGIN', `${registry} pointed a ${request.method} request at another origin (${url.origin}); d2ci sends requests for ${registry} only to ${origin}`, { hint: 'a registry that hands out such Location or Link URLs is misconfigured or hostile' });
        }
        const authorization = await this.auth.authorization(registry, request.scopes);
        let response = await this.transport.send(withAuthorization(request, authorization));
        if (response.status === 401) {
            // Read the challenge and let go of the 401's body first: until it is consumed its connection stays busy, and
            // the token request (often to the same host, as ghcr.io/token) would have to open another one.
            // The body (a short error document) is kept for the error message when there is nothing better to send.
            const { status, headers } = response;
            const text = await response.text().catch(() => '');
            const retry = await this.auth.challenge(registry, headers.get('www-authenticate'), request.scopes, authorization);
            response = retry ? await this.transport.send(withAuthorization(request, retry)) : new Response(text, { status, headers });
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


// EXTERNAL MODULE: ../../packages/core/src/auth/resolve.ts + 14 modules
var resolve = __webpack_require__(3593);
;// CONCATENATED MODULE: ../../packages/core/src/auth/open-registry.ts


/**
 * The one way to a registry client with credentials, for every action and command. `onSecret` receives every
 * secret met on the way (cloud tokens and keys, registry credentials and tokens) so CI logs can mask it.
 */
function openRegistry(options = {}) {
    const { insecure, onWarning, transport, upload, manyRegistries, ...auth } = options;
    if (auth.registry !== undefined && !manyRegistries)
        (0,resolve/* assertProviderServes */.G1)(auth.provider ?? 'generic', auth.registry);
    // Cloud providers that call the registry themselves (ACR's token exchange) go where the client goes.
    const credentials = (0,resolve/* registryCredentials */.Qn)({ registryUrl: (registry) => client.baseUrl(registry), ...auth });
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
            client = openRegistry({ ...options, provider, insecure, manyRegistries: true }).client;
            clients.set(key, client);
        }
        return client;
    };
}
/** The session's credentials (its own provider), for registries d2ci does not reach itself (the kind engine's Secrets). */
function imageRegistryCredentials(options) {
    return openRegistry({ ...options, manyRegistries: true }).credentials;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/objects.ts
var imageupdate_objects = __webpack_require__(1596);
;// CONCATENATED MODULE: ../../packages/core/src/oci/concurrency.ts
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

// EXTERNAL MODULE: ../../packages/core/src/imageupdate/policy.ts + 3 modules
var imageupdate_policy = __webpack_require__(2990);
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
    return mapLimit(options.policies, options.concurrency ?? 8, async (policy) => {
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
var imageupdate_setters = __webpack_require__(1749);
// EXTERNAL MODULE: ../../packages/core/src/imageupdate/commit-message.ts + 14 modules
var commit_message = __webpack_require__(9952);
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
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(547), __webpack_require__.e(642), __webpack_require__.e(803)]).then(__webpack_require__.bind(__webpack_require__, 8803));
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
var create = __webpack_require__(5415);
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
var pull_request_flow = __webpack_require__(6784);
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

// EXTERNAL MODULE: ../../packages/action-kit/src/index.ts + 12 modules
var src = __webpack_require__(2408);
;// CONCATENATED MODULE: ./src/pull-request-body.ts

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

;// CONCATENATED MODULE: ./src/summary.ts

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

;// CONCATENATED MODULE: ./src/render.ts


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

;// CONCATENATED MODULE: ./src/main.ts




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


/***/ })

};

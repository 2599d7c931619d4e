// Stand-ins for where Google's Application Default Credentials come from besides the job's OIDC token: Google's
// OAuth 2.0 token endpoint (service account JWT bearer grant, gcloud's refresh token grant) and the GCE/GKE metadata
// server, plus the credential files google-github-actions/auth and gcloud write.
import { createServer } from 'node:http';
import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeServer, handle, listen, secret, send, type GcpStandIn, type GitHubOidc } from './cloud.ts';

export interface OAuthRequest {
  grantType: string;
  /** jwt-bearer: the assertion's claims and whether its RS256 signature checks out with the key's public half. */
  claims?: Record<string, unknown>;
  kid?: string;
  signatureValid?: boolean;
  clientId?: string;
  refreshToken?: string;
  status: number;
}

export interface GoogleOAuthStandIn {
  /** The token endpoint (`token_uri`). */
  tokenUrl: string;
  serviceAccount: { email: string; keyId: string; privateKeyPem: string };
  user: { clientId: string; clientSecret: string; refreshToken: string };
  /** What the service account's JWT grant hands out. */
  serviceAccountToken: string;
  /** What the refresh token grant hands out. */
  userToken: string;
  requests: OAuthRequest[];
  /** A service account key file, as the IAM console downloads it. */
  serviceAccountFile(): object;
  /** gcloud's `application_default_credentials.json` after `gcloud auth application-default login`. */
  authorizedUserFile(): object;
  close(): Promise<void>;
}

/**
 * Google's OAuth 2.0 token endpoint (developers.google.com/identity/protocols/oauth2/service-account, "Making the
 * access token request"): `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` with an RS256 assertion signed by
 * the service account key (iss = the account, aud = the token URI, scope), and `grant_type=refresh_token` with
 * gcloud's client ID, secret and refresh token. Errors as Google answers them (`{error, error_description}`).
 */
export async function startGoogleOAuth(): Promise<GoogleOAuthStandIn> {
  const server = createServer();
  const base = await listen(server);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const state: GoogleOAuthStandIn = {
    tokenUrl: `${base}/token`,
    serviceAccount: {
      email: 'flux-push@acme-fleet.iam.gserviceaccount.com',
      keyId: randomBytes(20).toString('hex'),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    user: {
      clientId: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
      clientSecret: secret('d-FL95Q19q7MQmFpd7hHD0Ty'),
      refreshToken: secret('1//0g-refresh-', 40),
    },
    serviceAccountToken: secret('ya29.c.sa-key-', 40),
    userToken: secret('ya29.a0-user-', 40),
    requests: [],
    serviceAccountFile: () => ({
      type: 'service_account',
      project_id: 'acme-fleet',
      private_key_id: state.serviceAccount.keyId,
      private_key: state.serviceAccount.privateKeyPem,
      client_email: state.serviceAccount.email,
      client_id: '112233445566778899000',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: state.tokenUrl,
      universe_domain: 'googleapis.com',
    }),
    authorizedUserFile: () => ({
      account: '',
      client_id: state.user.clientId,
      client_secret: state.user.clientSecret,
      quota_project_id: 'acme-fleet',
      refresh_token: state.user.refreshToken,
      type: 'authorized_user',
      universe_domain: 'googleapis.com',
      token_uri: state.tokenUrl,
    }),
    close: () => closeServer(server),
  };
  handle(server, (req, res, body) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', base).pathname !== '/token') return send(res, 404, { error: 'not_found' });
    const form = new URLSearchParams(body.toString('utf8'));
    const record: OAuthRequest = { grantType: form.get('grant_type') ?? '', status: 0 };
    state.requests.push(record);
    const fail = (status: number, error: string, description: string): void => {
      record.status = status;
      send(res, status, { error, error_description: description });
    };
    const grant = (token: string): void => {
      record.status = 200;
      send(res, 200, {
        access_token: token,
        expires_in: 3599,
        token_type: 'Bearer',
        scope: 'https://www.googleapis.com/auth/cloud-platform',
      });
    };
    if (record.grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const [header = '', claims = '', signature = ''] = (form.get('assertion') ?? '').split('.');
      const parse = (part: string): Record<string, unknown> =>
        JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
      record.claims = parse(claims);
      record.kid = parse(header).kid as string | undefined;
      record.signatureValid = createVerify('RSA-SHA256')
        .update(`${header}.${claims}`)
        .verify(publicKey, Buffer.from(signature, 'base64url'));
      if (parse(header).alg !== 'RS256' || !record.signatureValid) return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
      if (record.claims.iss !== state.serviceAccount.email) return fail(400, 'invalid_grant', 'Invalid email or User ID');
      if (record.claims.aud !== state.tokenUrl)
        return fail(400, 'invalid_grant', 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.');
      if (typeof record.claims.scope !== 'string' || !record.claims.scope)
        return fail(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
      return grant(state.serviceAccountToken);
    }
    if (record.grantType === 'refresh_token') {
      record.clientId = form.get('client_id') ?? '';
      record.refreshToken = form.get('refresh_token') ?? '';
      if (record.clientId !== state.user.clientId || form.get('client_secret') !== state.user.clientSecret)
        return fail(401, 'invalid_client', 'The OAuth client was not found.');
      if (record.refreshToken !== state.user.refreshToken) return fail(400, 'invalid_grant', 'Token has been expired or revoked.');
      return grant(state.userToken);
    }
    fail(400, 'unsupported_grant_type', `Invalid grant_type: ${record.grantType}`);
  });
  return state;
}

export interface MetadataServerStandIn {
  /** GCE_METADATA_HOST (host:port, no scheme). */
  host: string;
  accessToken: string;
  requests: { path: string; flavor: string }[];
  close(): Promise<void>;
}

/**
 * The GCE/GKE metadata server (cloud.google.com/compute/docs/access/authenticate-workloads, "Get an access token"):
 * `GET /computeMetadata/v1/instance/service-accounts/default/token` with `Metadata-Flavor: Google` answers
 * `{access_token, expires_in, token_type}`; without the header, 403 as the real one does.
 */
export async function startMetadataServer(): Promise<MetadataServerStandIn> {
  const server = createServer();
  const url = await listen(server);
  const state: MetadataServerStandIn = {
    host: new URL(url).host,
    accessToken: secret('ya29.c.metadata-', 40),
    requests: [],
    close: () => closeServer(server),
  };
  handle(server, (req, res) => {
    const path = new URL(req.url ?? '/', url).pathname;
    const flavor = String(req.headers['metadata-flavor'] ?? '');
    state.requests.push({ path, flavor });
    res.setHeader('Metadata-Flavor', 'Google');
    if (flavor !== 'Google') return send(res, 403, 'Missing Metadata-Flavor:Google header.', 'text/html');
    if (req.method !== 'GET' || path !== '/computeMetadata/v1/instance/service-accounts/default/token')
      return send(res, 404, 'Not Found', 'text/html');
    send(res, 200, { access_token: state.accessToken, expires_in: 3599, token_type: 'Bearer' });
  });
  return state;
}

/**
 * The credential file google-github-actions/auth writes for Workload Identity Federation (src/client/credentials_file
 * in that action; `create_credentials_file: true`): external_account whose credential source is the runner's OIDC
 * token URL with the request token as bearer and `{"value": …}` as the answer. With `serviceAccount` it also names
 * the IAM Credentials impersonation URL.
 */
export function githubActionsCredentialsFile(oidc: GitHubOidc, gcp: GcpStandIn, serviceAccount?: string): object {
  return {
    type: 'external_account',
    audience: `//iam.googleapis.com/${gcp.provider}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: gcp.env.D2CI_GCP_STS_URL,
    credential_source: {
      url: `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(`https://iam.googleapis.com/${gcp.provider}`)}`,
      headers: { Authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
      format: { type: 'json', subject_token_field_name: 'value' },
    },
    ...(serviceAccount
      ? {
          service_account_impersonation_url: `${gcp.url}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`,
        }
      : {}),
  };
}

/** Nothing for ADC to find on this machine: no variables, an empty gcloud folder, a closed metadata port (2: not one fetch refuses as a bad port). */
export function isolatedGcpEnv(emptyDir: string): NodeJS.ProcessEnv {
  return { CLOUDSDK_CONFIG: emptyDir, GCE_METADATA_HOST: '127.0.0.1:2' };
}

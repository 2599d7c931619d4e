// Stand-ins for where DefaultAzureCredential finds credentials besides the job's OIDC token: the Azure instance
// metadata service's managed identity endpoint, an `az` executable printing what the Azure CLI prints, and a client
// certificate. Tokens they hand out are ones the Entra ID stand-in issued, so the ACR exchange accepts them.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { closeServer, handle, listen, send, type AzureStandIn } from './cloud.ts';
import { makeWorkspace } from './workspace.ts';

export interface ManagedIdentityStandIn {
  /** AZURE_POD_IDENTITY_AUTHORITY_HOST (where azidentity looks for IMDS). */
  url: string;
  requests: { path: string; apiVersion: string; resource: string; clientId: string; metadata: string }[];
  issued: string[];
  close(): Promise<void>;
}

/**
 * IMDS's managed identity token endpoint (learn.microsoft.com, "How to use managed identities for Azure resources
 * on an Azure VM to acquire an access token"): `GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=…`
 * with `Metadata: true` answers `{access_token, expires_in, expires_on, resource, token_type}` (numbers as strings).
 */
export async function startManagedIdentity(az: AzureStandIn): Promise<ManagedIdentityStandIn> {
  const server = createServer();
  const url = await listen(server);
  const state: ManagedIdentityStandIn = { url, requests: [], issued: [], close: () => closeServer(server) };
  handle(server, (req, res) => {
    const parsed = new URL(req.url ?? '/', url);
    const record = {
      path: parsed.pathname,
      apiVersion: parsed.searchParams.get('api-version') ?? '',
      resource: parsed.searchParams.get('resource') ?? '',
      clientId: parsed.searchParams.get('client_id') ?? '',
      metadata: String(req.headers.metadata ?? ''),
    };
    state.requests.push(record);
    if (record.path !== '/metadata/identity/oauth2/token') return send(res, 404, { error: 'not_found' });
    if (record.metadata !== 'true')
      return send(res, 400, { error: 'invalid_request', error_description: 'Required metadata header not specified' });
    if (!record.resource)
      return send(res, 400, { error: 'invalid_request', error_description: 'Required audience parameter not specified' });
    const token = az.issueAccessToken(3600);
    state.issued.push(token);
    const now = Math.floor(Date.now() / 1000);
    send(res, 200, {
      access_token: token,
      client_id: az.clientId,
      expires_in: '3600',
      expires_on: String(now + 3600),
      ext_expires_in: '3600',
      not_before: String(now),
      resource: record.resource,
      token_type: 'Bearer',
    });
  });
  return state;
}

export interface FakeAzureCli {
  /** Put first on PATH. */
  dir: string;
  /** The token the CLI prints. */
  token: string;
  /** Each run's arguments, one line per run. */
  calls(): string[];
}

/**
 * An `az` that answers `az account get-access-token --output json --resource <r> [--tenant <t>]` as Azure CLI 2.54+
 * prints it (learn.microsoft.com/cli/azure/account#az-account-get-access-token; azure-cli
 * src/azure-cli/azure/cli/command_modules/profile/custom.py get_access_token: accessToken, expiresOn in local time,
 * expires_on as POSIX seconds, subscription, tenant, tokenType), and `ERROR: Please run 'az login' to setup
 * account.` with exit 1 when `loggedIn` is false.
 */
export function fakeAzureCli(az: AzureStandIn, options: { loggedIn?: boolean } = {}): FakeAzureCli {
  const token = az.issueAccessToken(3600);
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const printed = JSON.stringify(
    {
      accessToken: token,
      expiresOn: new Date(expires * 1000).toISOString().replace('T', ' ').replace('Z', '000'),
      expires_on: expires,
      subscription: '9c2d6f4a-1b3e-4d5f-8a7b-6c5d4e3f2a1b',
      tenant: az.tenantId,
      tokenType: 'Bearer',
    },
    null,
    2,
  );
  const loggedIn = options.loggedIn ?? true;
  const dir = makeWorkspace({
    'az*': [
      '#!/bin/sh',
      `echo "$*" >> "$(dirname "$0")/calls"`,
      loggedIn
        ? `[ "$1 $2" = "account get-access-token" ] || { echo "ERROR: unexpected command $*" >&2; exit 2; }\ncat <<'EOF'\n${printed}\nEOF`
        : `echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1`,
      '',
    ].join('\n'),
    calls: '',
  });
  return {
    dir,
    token,
    calls: () =>
      execFileSync('cat', [`${dir}/calls`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean),
  };
}

/** A self-signed certificate and its unencrypted key in one PEM, as AZURE_CLIENT_CERTIFICATE_PATH takes it. */
export function clientCertificatePem(): { pem: string; certificate: string } {
  const pem = execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '-', '-out', '-', '-subj', '/CN=d2ci-test', '-days', '1'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? '';
  return { pem, certificate };
}

/** Nothing for DefaultAzureCredential to find: IMDS at a closed loopback port, and no `az` on PATH. */
export function isolatedAzureEnv(emptyDir: string): NodeJS.ProcessEnv {
  return { AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:2', PATH: emptyDir };
}

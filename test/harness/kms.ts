// Stand-ins for the key services cosign signs with (sigstore pkg/signature/kms): AWS KMS (JSON 1.1, SigV4 checked),
// Google Cloud KMS REST, Azure Key Vault keys REST (with Entra ID's token endpoint) and Vault transit, each holding
// an ECDSA P-256 key on one loopback server. Signatures are made over the digest sent, as the real services do.
import { createServer, type IncomingMessage } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSigV4, closeServer, handle, listen, secret, send } from './cloud.ts';

export interface KmsCall {
  service: 'aws' | 'gcp' | 'azure' | 'vault';
  operation: string;
  /** Whether the request carried the credential the stand-in handed out (AWS: a valid SigV4 signature). */
  authorized: boolean;
}

export interface KmsStandIn {
  url: string;
  publicKeyPem: string;
  calls: KmsCall[];
  uris: { aws: string; gcp: string; azure: string; vault: string };
  /** More AWS access keys KMS accepts, e.g. the ones an STS stand-in hands out (access key ID → secret). */
  awsSecrets: (keyId: string) => string | undefined;
  /** The environment each service's client reads (credentials and endpoints), pointing at this stand-in. */
  env(service: 'aws' | 'gcp' | 'azure' | 'vault', home: string): Record<string, string>;
  close(): Promise<void>;
}

// ECDSA P-256 over a given digest (FIPS 186-4 §6.4), which node:crypto does not offer: a KMS signs digests.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: [bigint, bigint] = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(a: [bigint, bigint] | null, b: [bigint, bigint] | null): [bigint, bigint] | null {
  if (!a) return b;
  if (!b) return a;
  if (a[0] === b[0] && mod(a[1] + b[1], P) === 0n) return null;
  const l = a[0] === b[0] ? mod((3n * a[0] * a[0] - 3n) * inverse(2n * a[1], P), P) : mod((b[1] - a[1]) * inverse(b[0] - a[0], P), P);
  const x = mod(l * l - a[0] - b[0], P);
  return [x, mod(l * (a[0] - x) - a[1], P)];
}
function multiply(k: bigint, base: [bigint, bigint] = G): [bigint, bigint] | null {
  let result: [bigint, bigint] | null = null;
  let point: [bigint, bigint] | null = base;
  for (; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, point);
    point = add(point, point);
  }
  return result;
}
const big = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex') || '0'}`);
const fixed = (value: bigint): Buffer => Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
function derInteger(value: bigint): Buffer {
  let bytes = Buffer.from(
    value
      .toString(16)
      .padStart(2, '0')
      .replace(/^(.(..)*)$/, '0$1'),
    'hex',
  );
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([2, bytes.length]), bytes]);
}
export function signDigest(key: KeyObject, digest: Buffer, encoding: 'der' | 'ieee-p1363' = 'der'): Buffer {
  const d = big(Buffer.from(String(key.export({ format: 'jwk' }).d), 'base64url'));
  const z = big(digest.subarray(0, 32));
  for (;;) {
    const k = mod(big(randomBytes(40)), N - 1n) + 1n;
    const r = mod((multiply(k) as [bigint, bigint])[0], N);
    const s = mod(inverse(k, N) * (z + r * d), N);
    if (r === 0n || s === 0n) continue;
    if (encoding === 'ieee-p1363') return Buffer.concat([fixed(r), fixed(s)]);
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  }
}

/** Checks an ASN.1 ECDSA P-256 signature over a digest (Vault's transit verify answers with this). */
export function verifyDigest(key: KeyObject, digest: Buffer, der: Buffer): boolean {
  const jwk = key.export({ format: 'jwk' });
  const q: [bigint, bigint] = [big(Buffer.from(String(jwk.x), 'base64url')), big(Buffer.from(String(jwk.y), 'base64url'))];
  if (der[0] !== 0x30) return false;
  const rLength = der[3] ?? 0;
  const r = big(der.subarray(4, 4 + rLength));
  const s = big(der.subarray(6 + rLength, 6 + rLength + (der[5 + rLength] ?? 0)));
  if (r <= 0n || r >= N || s <= 0n || s >= N) return false;
  const w = inverse(s, N);
  const point = add(multiply(mod(big(digest.subarray(0, 32)) * w, N)), multiply(mod(r * w, N), q));
  return point !== null && mod(point[0], N) === r;
}

export async function startKmsStandIn(): Promise<KmsStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const aws = { accessKeyId: 'AKIAKMSSTANDIN', secretAccessKey: secret('aws-'), keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' };
  const google = { token: secret('ya29.'), refreshToken: secret('1//'), clientId: 'kms-client', clientSecret: secret('gcs-') };
  const azure = { tenant: 'kms-tenant', clientId: 'kms-app', clientSecret: secret('azs-'), token: secret('eyJ') };
  const vault = { token: secret('hvs.') };
  const calls: KmsCall[] = [];
  const digestSign = (digest: Buffer, encoding: 'der' | 'ieee-p1363' = 'der'): Buffer => signDigest(privateKey, digest, encoding);
  const bearer = (req: IncomingMessage, token: string): boolean => req.headers.authorization === `Bearer ${token}`;

  const server = createServer();
  const url = await listen(server);
  handle(server, (req, res, body) => {
    // d2ci's clients are pointed at /<service>; a consumer's (cosign's Vault and AWS clients) may also use the root.
    const raw = (req.url ?? '').split('?')[0] ?? '';
    const path = raw === '/' && req.headers['x-amz-target'] ? '/aws' : raw.startsWith('/v1/transit/') ? `/vault${raw}` : raw;
    const json = (): Record<string, unknown> => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    if (path === '/aws') {
      const target = String(req.headers['x-amz-target'] ?? '');
      const check = checkSigV4(req, body, (id) => (id === aws.accessKeyId ? aws.secretAccessKey : state.awsSecrets(id)));
      const authorized = check.valid && check.service === 'kms' && check.region === 'eu-west-1';
      calls.push({ service: 'aws', operation: target, authorized });
      if (!authorized)
        return send(res, 400, { __type: 'InvalidSignatureException', message: 'The request signature we calculated does not match' });
      const input = json();
      if (input.KeyId !== `alias/d2ci` && input.KeyId !== aws.keyId)
        return send(res, 400, {
          __type: 'NotFoundException',
          message: `Alias arn:aws:kms:eu-west-1:111122223333:${String(input.KeyId)} is not found.`,
        });
      if (target === 'TrentService.GetPublicKey')
        return send(res, 200, {
          KeyId: `arn:aws:kms:eu-west-1:111122223333:key/${aws.keyId}`,
          KeySpec: 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          PublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
          SigningAlgorithms: ['ECDSA_SHA_256'],
        });
      if (target === 'TrentService.DescribeKey')
        return send(res, 200, {
          KeyMetadata: {
            KeyId: aws.keyId,
            Arn: `arn:aws:kms:eu-west-1:111122223333:key/${aws.keyId}`,
            KeySpec: 'ECC_NIST_P256',
            CustomerMasterKeySpec: 'ECC_NIST_P256',
            KeyUsage: 'SIGN_VERIFY',
            KeyState: 'Enabled',
            Enabled: true,
            SigningAlgorithms: ['ECDSA_SHA_256'],
          },
        });
      if (target === 'TrentService.Sign') {
        if (input.MessageType !== 'DIGEST' || input.SigningAlgorithm !== 'ECDSA_SHA_256')
          return send(res, 400, { __type: 'ValidationException', message: 'unexpected MessageType or SigningAlgorithm' });
        const signature = digestSign(Buffer.from(String(input.Message), 'base64'));
        return send(res, 200, { KeyId: aws.keyId, Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' });
      }
      return send(res, 400, { __type: 'UnknownOperationException' });
    }
    if (path === '/google/token') {
      const form = new URLSearchParams(body.toString('utf8'));
      const ok = form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === google.refreshToken;
      return ok
        ? send(res, 200, { access_token: google.token, expires_in: 3600, token_type: 'Bearer' })
        : send(res, 400, { error: 'invalid_grant' });
    }
    const gcpKey = '/gcp/v1/projects/acme/locations/global/keyRings/d2ci/cryptoKeys/release';
    if (path.startsWith('/gcp/')) {
      const authorized = bearer(req, google.token);
      const operation = path.endsWith('/publicKey') ? 'getPublicKey' : path.endsWith(':asymmetricSign') ? 'asymmetricSign' : 'list';
      calls.push({ service: 'gcp', operation, authorized });
      if (!authorized)
        return send(res, 401, {
          error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' },
        });
      if (path === `${gcpKey}/cryptoKeyVersions`)
        return send(res, 200, {
          cryptoKeyVersions: [
            { name: `${gcpKey.slice(8)}/cryptoKeyVersions/1`, state: 'DISABLED' },
            { name: `${gcpKey.slice(8)}/cryptoKeyVersions/2`, state: 'ENABLED' },
          ],
        });
      if (path === `${gcpKey}/cryptoKeyVersions/2/publicKey`)
        return send(res, 200, { pem: publicKeyPem, algorithm: 'EC_SIGN_P256_SHA256', name: `${gcpKey.slice(8)}/cryptoKeyVersions/2` });
      if (path === `${gcpKey}/cryptoKeyVersions/2:asymmetricSign`) {
        const digest = (json().digest as { sha256?: string } | undefined)?.sha256;
        if (!digest) return send(res, 400, { error: { code: 400, message: 'digest.sha256 required', status: 'INVALID_ARGUMENT' } });
        return send(res, 200, { signature: digestSign(Buffer.from(digest, 'base64')).toString('base64') });
      }
      return send(res, 404, { error: { code: 404, message: `${path} not found`, status: 'NOT_FOUND' } });
    }
    if (path === `/entra/${azure.tenant}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(body.toString('utf8'));
      const ok =
        form.get('client_id') === azure.clientId &&
        form.get('client_secret') === azure.clientSecret &&
        form.get('scope') === 'https://vault.azure.net/.default';
      return ok
        ? send(res, 200, { access_token: azure.token, expires_in: 3600, token_type: 'Bearer' })
        : send(res, 400, { error: 'invalid_client', error_description: `AADSTS7000215: bad client or scope ${form.get('scope')}` });
    }
    if (path.startsWith('/azure/keys/release')) {
      const authorized = bearer(req, azure.token) && /api-version=7\.\d/.test(req.url ?? '');
      const kid = `https://d2ci.vault.azure.net/keys/release/0123456789abcdef`;
      calls.push({ service: 'azure', operation: path.endsWith('/sign') ? 'sign' : 'get', authorized });
      if (!authorized)
        return send(res, 401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } });
      if (req.method === 'GET' && (path === '/azure/keys/release' || path === '/azure/keys/release/0123456789abcdef')) {
        const jwk = publicKey.export({ format: 'jwk' });
        return send(res, 200, { key: { kid, kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, key_ops: ['sign', 'verify'] } });
      }
      if (req.method === 'POST' && path === '/azure/keys/release/0123456789abcdef/sign') {
        const input = json();
        if (input.alg !== 'ES256') return send(res, 400, { error: { code: 'BadParameter', message: 'alg' } });
        return send(res, 200, {
          kid,
          value: digestSign(Buffer.from(String(input.value), 'base64url'), 'ieee-p1363').toString('base64url'),
        });
      }
      return send(res, 404, { error: { code: 'KeyNotFound', message: `${path} not found` } });
    }
    if (path.startsWith('/vault/v1/transit/')) {
      const authorized = req.headers['x-vault-token'] === vault.token;
      calls.push({
        service: 'vault',
        operation: path.includes('/sign/') ? 'sign' : path.includes('/verify/') ? 'verify' : 'keys',
        authorized,
      });
      if (!authorized) return send(res, 403, { errors: ['permission denied'] });
      if (req.method === 'GET' && path === '/vault/v1/transit/keys/release')
        return send(res, 200, {
          data: { name: 'release', type: 'ecdsa-p256', latest_version: 1, keys: { '1': { public_key: publicKeyPem } } },
        });
      if (req.method === 'POST' && path === '/vault/v1/transit/sign/release/sha2-256') {
        const input = json();
        if (input.prehashed !== true) return send(res, 400, { errors: ['expected prehashed input'] });
        return send(res, 200, {
          data: { signature: `vault:v1:${digestSign(Buffer.from(String(input.input), 'base64')).toString('base64')}`, key_version: 1 },
        });
      }
      if ((req.method === 'PUT' || req.method === 'POST') && path === '/vault/v1/transit/verify/release/sha2-256') {
        // What cosign's hashivault verifier asks (sigstore pkg/signature/kms/hashivault: transit verify, prehashed).
        const input = json();
        const signature = /^vault:v1:(.+)$/.exec(String(input.signature))?.[1];
        const valid =
          Boolean(signature) &&
          input.prehashed === true &&
          verifyDigest(publicKey, Buffer.from(String(input.input), 'base64'), Buffer.from(signature ?? '', 'base64'));
        return send(res, 200, { data: { valid } });
      }
      return send(res, 404, { errors: [] });
    }
    return send(res, 404, { message: `no route ${req.method} ${path}` });
  });

  const state: KmsStandIn = {
    url,
    publicKeyPem,
    calls,
    awsSecrets: () => undefined,
    uris: {
      aws: 'awskms:///alias/d2ci',
      gcp: 'gcpkms://projects/acme/locations/global/keyRings/d2ci/cryptoKeys/release',
      azure: 'azurekms://d2ci.vault.azure.net/release',
      vault: 'hashivault://release',
    },
    env(service, home): Record<string, string> {
      if (service === 'aws')
        return {
          AWS_ACCESS_KEY_ID: aws.accessKeyId,
          AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL_KMS: `${url}/aws`,
        };
      if (service === 'gcp') {
        const file = join(home, 'adc.json');
        writeFileSync(
          file,
          JSON.stringify({
            type: 'authorized_user',
            client_id: google.clientId,
            client_secret: google.clientSecret,
            refresh_token: google.refreshToken,
            token_uri: `${url}/google/token`,
          }),
        );
        return { GOOGLE_APPLICATION_CREDENTIALS: file, D2CI_GCP_KMS_URL: `${url}/gcp` };
      }
      if (service === 'azure')
        return {
          AZURE_TENANT_ID: azure.tenant,
          AZURE_CLIENT_ID: azure.clientId,
          AZURE_CLIENT_SECRET: azure.clientSecret,
          AZURE_AUTHORITY_HOST: `${url}/entra`,
          D2CI_AZURE_KEYVAULT_URL: `${url}/azure`,
        };
      return { VAULT_ADDR: `${url}/vault`, VAULT_TOKEN: vault.token };
    },
    close: () => closeServer(server),
  };
  return state;
}

/** sha256 of some bytes, for tests that check a signature over a digest. */
export const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

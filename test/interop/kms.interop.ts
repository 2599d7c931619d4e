// KMS and Vault keys (issue 14 item 2): d2ci signs through each service's API (local stand-ins speaking AWS KMS,
// Cloud KMS, Key Vault and Vault transit, test/harness/kms.ts), and every cosign version verifies the result with
// the exported public key, as for file keys (`--key pub.pem --insecure-ignore-tlog=true`). Where cosign itself can
// reach the stand-in — Vault through VAULT_ADDR, AWS KMS through AWS_ENDPOINT_URL_KMS — it also verifies with the
// key URI (`cosign verify --key hashivault://…`, `--key awskms:///alias/…`), fetching the public key itself.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry, type LocalRegistry } from '../harness/registry.ts';
import { startSigstore, type LocalSigstore } from '../harness/sigstore.ts';
import { startKmsStandIn, type KmsStandIn } from '../harness/kms.ts';
import { componentFiles, makeWorkspace } from '../harness/workspace.ts';
import { d2ci } from '../harness/cli.ts';
import { cosignVerify } from './lib/consumers.ts';
import { recordCell } from './lib/results.ts';
import { exportTrust, type TrustFiles } from './lib/trust.ts';
import { cosignVersions, run, tool } from './lib/tools.ts';

const services = ['aws', 'gcp', 'azure', 'vault'] as const;
const store = 'docker-registry-2.8';

describe('interop: cosign verifies what d2ci signs with KMS and Vault keys', () => {
  let registry: LocalRegistry;
  let sigstore: LocalSigstore;
  let kms: KmsStandIn;
  let work: string;
  let ws: string;
  let trust: TrustFiles;
  let publicKeyFile: string;
  before(async () => {
    [registry, sigstore, kms] = await Promise.all([startRegistry('none'), startSigstore(), startKmsStandIn()]);
    work = mkdtempSync(join(tmpdir(), 'd2ci-interop-kms-'));
    ws = makeWorkspace(componentFiles);
    trust = exportTrust(sigstore, work);
    publicKeyFile = join(work, 'kms.pub');
    writeFileSync(publicKeyFile, kms.publicKeyPem);
  });
  after(async () => {
    await Promise.all([registry.stop(), sigstore.close(), kms.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  for (const service of services) {
    it(`${service}: d2ci push --key ${service === 'vault' ? 'hashivault' : `${service}kms`}://, legacy and bundle; cosign v2 and v3 verify`, async () => {
      const uri = kms.uris[service];
      const env = kms.env(service, ws);
      const problems: string[] = [];
      for (const format of ['legacy', 'bundle'] as const) {
        const reference = `${registry.host}/interop/kms-${service}-${format}`;
        const pushed = await d2ci(
          [
            'push',
            `oci://${reference}:latest`,
            '--path',
            'components/frontend',
            '--source',
            's',
            '--revision',
            'main@sha1:1',
            '--key',
            uri,
            '--signature-format',
            format,
            '-o',
            'json',
          ],
          ws,
          env,
        );
        assert.equal(pushed.code, 0, pushed.stderr);
        const digest = (JSON.parse(pushed.stdout) as { digest: string }).digest;
        const own = await d2ci(['verify', `oci://${reference}@${digest}`, '--key', uri, '--signature-format', format], ws, env);
        if (own.code !== 0) problems.push(`d2ci verify (${format}): ${own.stderr}`);
        for (const version of cosignVersions) {
          // As for file keys (matrix.interop.ts): cosign v2.5 reads no bundles; every other cell must verify.
          const expected = !(format === 'bundle' && version === 'v2.5.2');
          const verdict = await cosignVerify(version, `${reference}@${digest}`, { kind: 'key', publicKeyFile, trust });
          // d2ci's answer to the same question: cosign v2.5 reads as Flux 2.7 (.sig only), v2.6+ and v3 as Flux 2.8.
          const asConsumer = await d2ci(
            ['verify', `oci://${reference}@${digest}`, '--key', uri, '--flux-version', version === 'v2.5.2' ? '2.7' : '2.8'],
            ws,
            env,
          );
          recordCell({
            suite: 'd2ci→consumer',
            store,
            scenario: `${format} ${service} KMS key (--key ${uri.split('://')[0]}://)`,
            format,
            verifier: `cosign ${version}`,
            consumer: verdict.accepted,
            d2ci: asConsumer.code === 0,
            expected,
          });
          if (verdict.accepted !== expected)
            problems.push(`cosign ${version} (${format}): ${verdict.accepted ? 'accepted' : verdict.detail}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  for (const [service, versions] of [
    ['vault', cosignVersions],
    ['aws', cosignVersions],
  ] as const) {
    it(`${service}: cosign verify --key ${service === 'vault' ? 'hashivault' : 'awskms'}://… fetches the key from the stand-in itself`, async () => {
      const uri = kms.uris[service];
      const env = kms.env(service, ws);
      const reference = `${registry.host}/interop/kms-${service}-legacy`;
      const problems: string[] = [];
      for (const version of versions) {
        const args = ['verify', '--allow-http-registry', '--key', uri, '--insecure-ignore-tlog=true'];
        if (!version.startsWith('v2.5')) args.push('--trusted-root', trust.trustedRoot);
        // cosign's clients take the service's base URL (Vault's root, AWS's endpoint), not d2ci's /<service> paths.
        const cosignEnv = { ...env, VAULT_ADDR: kms.url, AWS_ENDPOINT_URL_KMS: kms.url, HOME: work };
        const ran = await run(tool('cosign', version), [...args, `${reference}:latest`], { env: cosignEnv });
        const own = await d2ci(['verify', `oci://${reference}:latest`, '--key', uri], ws, env);
        recordCell({
          suite: 'd2ci→consumer',
          store,
          scenario: `${service} KMS key, verified with the URI (--key ${uri.split('://')[0]}://)`,
          format: 'legacy',
          verifier: `cosign ${version}`,
          consumer: ran.code === 0,
          d2ci: own.code === 0,
        });
        if (ran.code !== 0) problems.push(`cosign ${version}: ${ran.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      }
      assert.deepEqual(problems, []);
    });
  }
});

// The Notation plugin protocol through a fake `notation-<name>` executable: signing through describe-key and
// generate-signature, and the plugin errors and refusals notation has.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OciLayout,
  MediaType,
  descriptorFor,
  signNotation,
  createNotationEnvelope,
  createNotationPluginSigner,
  parseNotationEnvelope,
  NotationPluginError,
  verifyNotation,
  type NotationTrustStore,
} from '@d2ci/core';
import { TestCa, type Issued } from '../harness/ca.ts';
import { pushSmallArtifact, policyFor, setUpNotationCa } from './fixture.ts';

describe('Notary Project signatures', () => {
  let work: string;
  let ca: TestCa;
  let root: Issued;
  let intermediate: Issued;
  let trustStore: NotationTrustStore;
  let layoutCount = 0;
  const freshLayout = (): OciLayout => new OciLayout(join(work, `layout-${++layoutCount}`));

  before(async () => {
    ({ work, ca, root, intermediate, trustStore } = await setUpNotationCa());
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  describe('plugin protocol', () => {
    let pluginDir: string;
    let requestLog: string;
    let pluginLeaf: Issued;
    let otherKey: string;

    before(() => {
      pluginDir = join(work, 'plugins');
      requestLog = join(work, 'plugin-requests.jsonl');
      pluginLeaf = ca.issue('plugin-leaf', '/C=US/ST=WA/O=d2ci Test/CN=key vault signer', 'EC-384', 'v3_leaf', intermediate);
      otherKey = ca.key('plugin-other', 'EC-384');
      mkdirSync(join(pluginDir, 'd2ci-test'), { recursive: true });
      const script = `#!${process.execPath}
// A fake Notation plugin (plugin-extensibility.md) that signs with a key file, for d2ci's tests.
const { readFileSync, appendFileSync } = require('node:fs');
const { sign, createPrivateKey } = require('node:crypto');
const command = process.argv[2];
const input = readFileSync(0, 'utf8');
const request = input ? JSON.parse(input) : {};
appendFileSync(${JSON.stringify(requestLog)}, JSON.stringify({ command, request }) + '\\n');
const mode = (request.pluginConfig || {}).mode || 'ok';
const reply = (value) => process.stdout.write(JSON.stringify(value));
const fail = (code, message) => { process.stderr.write(JSON.stringify({ errorCode: code, errorMessage: message, errorMetadata: { mode } })); process.exit(1); };
if (command === 'get-plugin-metadata') {
  reply({ name: 'd2ci-test', description: 'd2ci test plugin', version: '1.2.3', url: 'https://example.invalid/d2ci-test', supportedContractVersions: ['1.0'],
    capabilities: mode === 'envelope-only' ? ['SIGNATURE_GENERATOR.ENVELOPE'] : ['SIGNATURE_GENERATOR.RAW'] });
} else if (command === 'describe-key') {
  if (request.keyId !== 'vault-key-1') fail('VALIDATION_ERROR', 'unknown key ' + request.keyId);
  reply({ keyId: mode === 'wrong-key-id' ? 'another-key' : request.keyId, keySpec: 'EC-384' });
} else if (command === 'generate-signature') {
  if (mode === 'deny') fail('ACCESS_DENIED', 'the caller may not use vault-key-1');
  const keyFile = mode === 'wrong-key' ? ${JSON.stringify(otherKey)} : ${JSON.stringify(pluginLeaf.keyFile)};
  const signature = sign('sha384', Buffer.from(request.payload, 'base64'), { key: createPrivateKey(readFileSync(keyFile)), dsaEncoding: mode === 'der' ? 'der' : 'ieee-p1363' });
  const chain = [${JSON.stringify(pluginLeaf.certFile)}, ${JSON.stringify(intermediate.certFile)}, ${JSON.stringify(root.certFile)}]
    .map((file) => readFileSync(file, 'utf8').replace(/-----[^-]+-----|\\s+/g, ''));
  reply({ keyId: request.keyId, signature: signature.toString('base64'), signingAlgorithm: 'ECDSA-SHA-384', certificateChain: chain });
} else {
  fail('UNSUPPORTED', 'unknown command ' + command);
}
`;
      const executable = join(pluginDir, 'd2ci-test', 'notation-d2ci-test');
      writeFileSync(executable, script);
      chmodSync(executable, 0o755);
    });

    const requests = (): { command: string; request: Record<string, unknown> }[] =>
      readFileSync(requestLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { command: string; request: Record<string, unknown> });

    it('signs through a plugin’s describe-key and generate-signature, and the signature verifies', async () => {
      writeFileSync(requestLog, '');
      const pluginSigner = await createNotationPluginSigner({
        name: 'd2ci-test',
        pluginDirectory: pluginDir,
        keyId: 'vault-key-1',
        pluginConfig: { region: 'test' },
      });
      assert.equal(pluginSigner.keySpec, 'EC-384');
      assert.equal(pluginSigner.metadata.version, '1.2.3');
      const layout = freshLayout();
      const artifact = await pushSmallArtifact(layout, 'plugin');
      const signed = await signNotation(layout, artifact, { signer: pluginSigner });
      const log = requests();
      assert.deepEqual(
        log.map((r) => r.command),
        ['get-plugin-metadata', 'describe-key', 'generate-signature'],
      );
      assert.deepEqual(log[0]?.request, { pluginConfig: { region: 'test' } });
      assert.deepEqual(log[1]?.request, { contractVersion: '1.0', keyId: 'vault-key-1', pluginConfig: { region: 'test' } });
      const generate = log[2]?.request ?? {};
      assert.deepEqual(Object.keys(generate).sort(), ['contractVersion', 'hashAlgorithm', 'keyId', 'keySpec', 'payload', 'pluginConfig']);
      assert.equal(generate.keySpec, 'EC-384');
      assert.equal(generate.hashAlgorithm, 'SHA-384');
      const envelope = JSON.parse(signed.envelope.toString('utf8')) as {
        protected: string;
        payload: string;
        header: Record<string, unknown>;
      };
      // The plugin gets the JWS signing input, base64-encoded a second time.
      assert.equal(Buffer.from(generate.payload as string, 'base64').toString('ascii'), `${envelope.protected}.${envelope.payload}`);
      assert.equal(envelope.header['io.cncf.notary.signingAgent'], 'd2ci d2ci-test/1.2.3');
      assert.equal(parseNotationEnvelope(signed.envelope).protectedHeader.algorithm, 'ES384');
      const result = await verifyNotation({
        target: layout,
        reference: 'plugin',
        repository: 'local/plugin',
        trustPolicy: policyFor('local/plugin'),
        trustStore,
      });
      assert.equal(result.verified, true, result.reasons.join('; '));
      assert.equal(result.signer?.subject, 'CN=key vault signer,O=d2ci Test,ST=WA,C=US');

      // A key service that answers ECDSA in DER: converted to the JWS form.
      const derSigner = await createNotationPluginSigner({
        name: 'd2ci-test',
        pluginDirectory: pluginDir,
        keyId: 'vault-key-1',
        pluginConfig: { mode: 'der' },
      });
      const derSigned = await signNotation(layout, await pushSmallArtifact(layout, 'plugin-der'), { signer: derSigner });
      assert.equal(parseNotationEnvelope(derSigned.envelope).signature.length, 96);
      const derResult = await verifyNotation({
        target: layout,
        reference: 'plugin-der',
        repository: 'local/plugin',
        trustPolicy: policyFor('local/plugin'),
        trustStore,
      });
      assert.equal(derResult.verified, true, derResult.reasons.join('; '));
    });

    it('reports plugin errors and refuses what notation refuses', async () => {
      const subjectDescriptor = descriptorFor(MediaType.ociManifest, Buffer.from('{}'));
      const options = { name: 'd2ci-test', pluginDirectory: pluginDir, keyId: 'vault-key-1' };
      const denied = await createNotationPluginSigner({ ...options, pluginConfig: { mode: 'deny' } });
      await assert.rejects(
        createNotationEnvelope(subjectDescriptor, denied),
        (err: NotationPluginError) =>
          err instanceof NotationPluginError &&
          err.code === 'ACCESS_DENIED' &&
          err.message === 'the generate-signature command of plugin d2ci-test failed: ACCESS_DENIED: the caller may not use vault-key-1' &&
          err.metadata?.mode === 'deny',
      );
      await assert.rejects(createNotationPluginSigner({ ...options, keyId: 'missing-key' }), {
        code: 'VALIDATION_ERROR',
        message: 'the describe-key command of plugin d2ci-test failed: VALIDATION_ERROR: unknown key missing-key',
      });
      await assert.rejects(createNotationPluginSigner({ ...options, pluginConfig: { mode: 'wrong-key-id' } }), {
        message: 'keyID in describeKey response "another-key" does not match request "vault-key-1"',
      });
      await assert.rejects(
        createNotationPluginSigner({ ...options, pluginConfig: { mode: 'envelope-only' } }),
        /only generates whole signature envelopes \(SIGNATURE_GENERATOR.ENVELOPE\)/,
      );
      const wrongKey = await createNotationPluginSigner({ ...options, pluginConfig: { mode: 'wrong-key' } });
      await assert.rejects(createNotationEnvelope(subjectDescriptor, wrongKey), /generated signature failed verification/);
      await assert.rejects(
        createNotationPluginSigner({ ...options, name: 'absent' }),
        /plugin executable file is either not found or inaccessible/,
      );
      // A symlinked executable is not a plugin candidate (plugin-extensibility.md).
      mkdirSync(join(pluginDir, 'linked'), { recursive: true });
      symlinkSync(join(pluginDir, 'd2ci-test', 'notation-d2ci-test'), join(pluginDir, 'linked', 'notation-linked'));
      await assert.rejects(
        createNotationPluginSigner({ ...options, name: 'linked' }),
        /notation-linked is not a regular file \(symlinks are not supported\)/,
      );
      // The plugin's reported name must be its file's.
      mkdirSync(join(pluginDir, 'renamed'), { recursive: true });
      writeFileSync(join(pluginDir, 'renamed', 'notation-renamed'), readFileSync(join(pluginDir, 'd2ci-test', 'notation-d2ci-test')));
      chmodSync(join(pluginDir, 'renamed', 'notation-renamed'), 0o755);
      await assert.rejects(createNotationPluginSigner({ ...options, name: 'renamed' }), {
        message: 'plugin executable file name must be "notation-d2ci-test" instead of "notation-renamed"',
      });
    });
  });
});

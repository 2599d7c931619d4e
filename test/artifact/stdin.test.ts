// core's reading of a `--path -` stream (artifact/stdin.ts): what is packed, and what is refused and why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { ManifestStreamError, readManifestStream, type ManifestStreamInput } from '@d2ci/core/artifact';

const from = (...chunks: (string | Buffer)[]): ManifestStreamInput => Readable.from(chunks);
const refusal = async (input: ManifestStreamInput, maxBytes?: number): Promise<ManifestStreamError> => {
  try {
    await readManifestStream(input, maxBytes);
  } catch (err) {
    assert.ok(err instanceof ManifestStreamError, String(err));
    assert.equal(err.field, 'path');
    return err;
  }
  assert.fail('the stream was accepted');
};

describe('readManifestStream', () => {
  it('keeps the stream as it is but for trailing "\\r" and "\\n" bytes, as flux saveReaderToFile trims them', async () => {
    const bytes = await readManifestStream(from('kind: A\n', '---\r\nkind: B\n\n', '\r\n'));
    assert.equal(bytes.toString(), 'kind: A\n---\r\nkind: B');
  });

  it('takes empty documents (comments only, as helm template writes) and JSON objects', async () => {
    const stream = '---\n# Source: chart/templates/empty.yaml\n---\n{"apiVersion":"v1","kind":"ConfigMap"}\n';
    assert.equal((await readManifestStream(from(stream))).toString(), stream.trimEnd());
  });

  it('refuses what kustomize-controller could not apply, naming the document', async () => {
    assert.equal((await refusal(from('kind: A\n---\n- a\n- b\n'))).code, 'STDIN_NOT_OBJECTS');
    assert.equal(
      (await refusal(from('kind: A\n---\n- a\n'))).problem,
      'stdin is not a stream of Kubernetes objects: document 2 (line 3) is not a mapping',
    );
    assert.equal((await refusal(from('kind: A\nkind: B\n'))).code, 'STDIN_NOT_YAML'); // duplicate keys, as kustomize refuses
    assert.equal((await refusal(from('a: "unterminated\n'))).code, 'STDIN_NOT_YAML');
    assert.equal((await refusal(from(Buffer.from([0xc3, 0x28])))).code, 'STDIN_NOT_TEXT');
    assert.equal((await refusal(from('kind: A\0\n'))).code, 'STDIN_NOT_TEXT');
  });

  it('refuses a terminal, an empty stream and one over the limit before parsing it', async () => {
    const tty = Object.assign(from('kind: A\n'), { isTTY: true });
    assert.equal((await refusal(tty)).code, 'STDIN_TERMINAL');
    assert.equal((await refusal(from())).code, 'STDIN_EMPTY');
    assert.equal((await refusal(from('\n\r\n'))).code, 'STDIN_EMPTY');
    const large = await refusal(from('kind: A\n', 'x'.repeat(2 * 1024 * 1024)), 1024 * 1024);
    assert.equal(large.code, 'STDIN_TOO_LARGE');
    assert.match(large.message, /^path "-": stdin has more than 1 MiB, the most a stream may hold; write it to a file and pack that$/);
  });
});

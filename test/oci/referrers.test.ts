import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addReferrer, emptyReferrersIndex } from '@d2ci/core';

describe('referrers tag-schema index', () => {
  it('keeps entries sorted by digest, as go-containerregistry (cosign) writes the sha256-<hex> index', () => {
    const index = emptyReferrersIndex();
    const digests = ['sha256:' + 'c'.repeat(64), 'sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)];
    for (const digest of digests)
      assert.equal(addReferrer(index, { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1 }), true);
    assert.deepEqual(
      index.manifests.map((d) => d.digest[7]),
      ['a', 'b', 'c'],
    );
    assert.equal(
      addReferrer(index, { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digests[0] ?? '', size: 1 }),
      false,
      'listed once',
    );
    assert.equal(index.manifests.length, 3);
  });
});

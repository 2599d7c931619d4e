// Packing a tree something else is writing to: the tar header already holds each file's listed size, so a file
// that shrinks or grows while it is packed fails the push naming the file (never a stack trace, never a layer whose
// content and header disagree).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactPathError, writeLayer } from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

const entry = (dir: string, name: string, size: number) => ({ name, type: 'file' as const, mode: 0o644, size, source: join(dir, name) });
const root = { name: '.', type: 'directory' as const, mode: 0o755, size: 0, source: '' };

describe('a file that changes while it is packed', () => {
  const cases: [string, number, number][] = [
    ['a small file that shrank', 10, 5],
    ['a small file that grew', 5, 10],
    ['a large (streamed) file that shrank', 3 * 1024 * 1024, 2 * 1024 * 1024],
    ['a large (streamed) file that grew', 2 * 1024 * 1024, 2 * 1024 * 1024 + 10],
  ];
  for (const [what, listed, actual] of cases) {
    it(`${what}: one error naming the file`, async () => {
      const dir = makeWorkspace({});
      writeFileSync(join(dir, 'f.bin'), Buffer.alloc(actual, 1));
      await assert.rejects(writeLayer([root, entry(dir, 'f.bin', listed)]), (err: unknown) => {
        assert.ok(err instanceof ArtifactPathError, String(err));
        assert.equal(
          err.message,
          `file "f.bin" changed size while it was being packed (${listed} bytes when listed); pack a tree nothing is writing to`,
        );
        return true;
      });
    });
  }
});

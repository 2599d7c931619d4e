// The keyless signer's OIDC token, fetched ahead of need (oidc/provider.ts prefetching): one request when it is
// used, a fresh one when it is old or the prefetch failed, so prefetching only ever saves time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prefetching } from '../../packages/core/src/oidc/provider.ts';

function counting(answers: (string | Error)[]): { provider: { getToken(): Promise<string> }; calls: () => number } {
  let n = 0;
  return {
    provider: {
      getToken: async () => {
        const answer = answers[Math.min(n++, answers.length - 1)] as string | Error;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    calls: () => n,
  };
}

describe('prefetching OIDC token', () => {
  it('hands out the prefetched token without asking again, and prefetches once', async () => {
    const source = counting(['t1', 't2']);
    const token = prefetching(source.provider);
    token.prefetch();
    token.prefetch();
    assert.equal(await token.getToken(), 't1');
    assert.equal(await token.getToken(), 't1');
    assert.equal(source.calls(), 1);
  });

  it('asks again when the prefetch failed, and reports only a failure of the real request', async () => {
    const source = counting([new Error('runner busy'), 't2']);
    const token = prefetching(source.provider);
    token.prefetch();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await token.getToken(), 't2');
    assert.equal(source.calls(), 2);
    const failing = prefetching(counting([new Error('no id-token permission')]).provider);
    await assert.rejects(failing.getToken(), /no id-token permission/);
  });

  it('asks again once the prefetched token is older than maxAgeMs', async () => {
    const source = counting(['old', 'new']);
    const token = prefetching(source.provider, 20);
    token.prefetch();
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(await token.getToken(), 'new');
  });

  it('without a prefetch, fetches when asked', async () => {
    const source = counting(['t1']);
    assert.equal(await prefetching(source.provider).getToken(), 't1');
    assert.equal(source.calls(), 1);
  });
});

// 7. Signing and verification: the registry requests each adds (counted through the proxy) and the time to
// verify a legacy signature from a warm process, against the local registry and the local Sigstore stand-in.
import {
  compilePolicy,
  loadTrustedRoot,
  pushArtifact,
  RegistryClient,
  signArtifact,
  githubActionsIdentity,
  verifyArtifact,
  type SignatureFormat,
  type Verification,
} from '@d2ci/core';
import type { FaultProxy } from '../test/harness/fault-proxy.ts';
import { startSigstore } from '../test/harness/sigstore.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { fmtMs, log, median, timed } from './util.ts';

/** `HEAD manifests ×2, PUT blobs ×1, …`: what a step sent, grouped by method and endpoint. */
export function breakdown(requests: { method: string; path: string }[]): string {
  const groups = new Map<string, number>();
  for (const r of requests) {
    const endpoint = r.path.includes('/blobs/uploads')
      ? 'uploads'
      : r.path.includes('/blobs/')
        ? 'blobs'
        : r.path.includes('/manifests/')
          ? 'manifests'
          : r.path.includes('/referrers/')
            ? 'referrers'
            : 'other';
    const key = `${r.method} ${endpoint}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([key, n]) => `${key}${n > 1 ? ` ×${n}` : ''}`).join(', ');
}

export async function benchSigning(tree: string, proxy: FaultProxy, verifyRuns: number): Promise<SectionResult> {
  const sigstore = await startSigstore();
  try {
    const identity = {
      kind: 'keyless' as const,
      identity: githubActionsIdentity('sigstore', { env: { ...sigstore.oidcEnv } }),
      fulcioUrl: sigstore.url,
      rekorUrl: sigstore.url,
    };
    const verification: Verification = {
      kind: 'keyless',
      trustedRoot: await loadTrustedRoot({ trustedRootFile: sigstore.trustedRootFile }),
      policy: compilePolicy({ identityRegexp: '^https://github\\.com/acme/fleet/' }),
    };
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    for (const format of ['legacy', 'bundle', 'both'] as SignatureFormat[]) {
      const repo = new RegistryClient().repository({ registry: proxy.host, repository: `bench/sign-${format}` });
      const pushed = await pushArtifact({ path: tree, target: repo, source: 's', revision: 'r', tags: ['latest'] });
      proxy.log.length = 0;
      await signArtifact(repo, pushed.descriptor, { identity, format, repository: repo.name });
      const signRequests = proxy.log.map((r) => ({ method: r.method, path: r.path }));
      proxy.log.length = 0;
      const first = await verifyArtifact({
        target: repo,
        reference: 'latest',
        verification,
        format: format === 'bundle' ? 'bundle' : format === 'legacy' ? 'legacy' : 'auto',
      });
      if (!first.verified) throw new Error(`verification of the ${format} signature failed: ${first.reasons.join('; ')}`);
      const verifyRequests = proxy.log.map((r) => ({ method: r.method, path: r.path }));
      const signText = `${signRequests.length} req (${breakdown(signRequests)})`;
      const verifyText = `${verifyRequests.length} req (${breakdown(verifyRequests)})`;
      log(`  ${format}: sign ${signText}; verify ${verifyText}`);
      rows.push({
        id: `7${'abc'[['legacy', 'bundle', 'both'].indexOf(format)]}`,
        metric: `registry requests to sign (${format}), then to verify`,
        measured: `sign: ${signText}; verify: ${verifyText}`,
        baseline: '—',
        ratio: '—',
        goal: 'fixed, listed',
        met: 'n/a',
      });
      details[format] = { signRequests, verifyRequests };
    }
    // Warm verification of a legacy signature: one untimed run, then the median.
    const repo = new RegistryClient().repository({ registry: proxy.host, repository: 'bench/sign-legacy' });
    await verifyArtifact({ target: repo, reference: 'latest', verification, format: 'legacy' });
    const samples: number[] = [];
    for (let i = 0; i < verifyRuns; i++)
      samples.push((await timed(() => verifyArtifact({ target: repo, reference: 'latest', verification, format: 'legacy' }))).ms);
    const warm = median(samples);
    log(`  warm legacy verify: median ${fmtMs(warm)} of ${verifyRuns}`);
    rows.push({
      id: '7d',
      metric: `verify a legacy signature, warm process (median of ${verifyRuns})`,
      measured: fmtMs(warm),
      baseline: '—',
      ratio: '—',
      goal: '< 50 ms',
      met: met(warm < 50),
    });
    details.warmVerifyMs = samples;
    return { rows, details };
  } finally {
    await sigstore.close();
  }
}

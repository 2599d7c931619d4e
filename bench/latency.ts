// 11–13. Where CI waits: d2ci's actions against the D2 toolkit's command sequence (flux diff/push/tag artifact and
// cosign sign/verify, built from their Go modules by test/interop/tools.sh) through the same latency proxies (wan.ts),
// at a fixed round trip, in one run. Each row: wall time, ratio, and the requests on the critical path.
//
// The D2 sequence is what controlplaneio-fluxcd/distribution's actions/push runs, then the workflow's `cosign sign`
// step: `flux diff artifact` (diff-tag), `flux push artifact`, `flux tag artifact` (when `tags`), the OIDC token
// request cosign's GitHub provider makes, `cosign sign` (v3: a Sigstore bundle). Not counted on either side: runner
// start, checkout, installing flux and cosign (distribution/actions/setup, cosign-installer), docker/login-action.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../test/harness/action.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { fmtMs, fmtRatio, log, median } from './util.ts';
import { d2Command, describeRequest, jobClaims, measure, oidcTokenFile, type Measured, type Wan } from './wan.ts';

const sha = '0123456789abcdef0123456789abcdef01234567';
const issuer = 'https://token.actions.githubusercontent.com';
const stagingIdentity = '^https://github\\.com/acme/fleet/\\.github/workflows/push-artifact\\.yaml@refs/heads/main$';
let counter = 0;
const fresh = (name: string): string => `bench/${name}-${++counter}`;

/** A typical component: ~100 KiB of Kubernetes YAML in a few files (base and two overlays). */
export function componentYaml(dir: string, name: string): void {
  for (const overlay of ['base', 'staging', 'production']) mkdirSync(join(dir, overlay), { recursive: true });
  writeFileSync(join(dir, 'base/kustomization.yaml'), 'resources: [namespace.yaml, release.yaml, config.yaml]\n');
  writeFileSync(join(dir, 'base/namespace.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`);
  const values = Array.from({ length: 1600 }, (_, i) => `    key${i}: value-${name}-${i}\n`).join('');
  writeFileSync(
    join(dir, 'base/release.yaml'),
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\nspec:\n  values:\n${values}`,
  );
  const data = Array.from({ length: 1200 }, (_, i) => `  setting-${i}: "${name}/${(i * 7919) % 10007}"\n`).join('');
  writeFileSync(join(dir, 'base/config.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${data}`);
  for (const overlay of ['staging', 'production'])
    writeFileSync(join(dir, overlay, 'kustomization.yaml'), `resources: [../base]\nnamePrefix: ${overlay}-\n`);
}

function ok(run: ActionRun, what: string): ActionRun {
  if (run.code !== 0) throw new Error(`${what} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

const registryInputs = (wan: Wan): Record<string, string> => ({
  'registry-username': wan.username,
  'registry-password': wan.password,
});
const signInputs = (wan: Wan): Record<string, string> => ({
  'fulcio-url': wan.sigstoreUrl,
  'rekor-url': wan.sigstoreUrl,
  // d2ci's default format (legacy .sig, which every Flux 2.6+ reads); cosign v3 writes a bundle. A bundle-only
  // staging signature cannot be released: release-artifact re-signs in the formats present and its self-check
  // verifies as Flux 2.6–2.9, which fails for 2.6/2.7 (noted in RESULTS.md).
});

/** d2ci: one push-artifact step (pack, push, keyless sign, then the extra tags). */
export function d2ciStaging(wan: Wan, workspace: string, path: string, repository: string, tags: string): Promise<ActionRun> {
  wan.sigstore.claims = jobClaims('push-artifact', 'refs/heads/main');
  return runAction(
    'push-artifact',
    { repository: `${wan.registry}/${repository}`, path, 'diff-tag': 'latest', tags, ...registryInputs(wan), ...signInputs(wan) },
    { GITHUB_WORKSPACE: workspace, GITHUB_SHA: sha, ...wan.oidcEnv },
  ).then((run) => ok(run, 'push-artifact'));
}

/** The D2 sequence: flux diff, flux push, flux tag (when tags), the OIDC token, cosign sign. Returns the digest. */
export async function d2Staging(
  wan: Wan,
  work: string,
  tree: string,
  repository: string,
  options: { diffTag: string; tags: string[]; ref: string },
): Promise<string> {
  const home = mkdtempSync(join(work, 'd2-home-'));
  const env = { HOME: home, TUF_ROOT: join(home, 'tuf') };
  const creds = `--creds=${wan.username}:${wan.password}`;
  const url = `oci://${wan.registry}/${repository}`;
  const diff = await d2Command(wan.flux, ['diff', 'artifact', `${url}:${options.diffTag}`, `--path=${tree}`, creds], env, [0, 1]);
  if (diff.code === 0)
    throw new Error(`flux diff artifact found ${repository}:${options.diffTag} unchanged: the bench needs a fresh repository`);
  const pushed = await d2Command(
    wan.flux,
    [
      'push',
      'artifact',
      `${url}:${options.diffTag}`,
      `--path=${tree}`,
      '--source=https://github.com/acme/fleet',
      `--revision=${options.ref}@sha1:${sha}`,
      creds,
      '--output',
      'json',
    ],
    env,
  );
  const digest = (JSON.parse(pushed.stdout) as { digest: string }).digest;
  if (options.tags.length)
    await d2Command(wan.flux, ['tag', 'artifact', `${url}@${digest}`, `--tag=${options.tags.join(',')}`, creds], env);
  const token = join(home, 'oidc-token');
  await oidcTokenFile(wan, token);
  await d2Command(
    wan.cosign,
    [
      'sign',
      '--fulcio-url',
      wan.sigstoreUrl,
      '--rekor-url',
      wan.sigstoreUrl,
      '--identity-token',
      token,
      '--use-signing-config=false',
      '--new-bundle-format=true',
      '--trusted-root',
      wan.sigstore.trustedRootFile,
      '--registry-username',
      wan.username,
      '--registry-password',
      wan.password,
      '--allow-http-registry',
      '-y',
      `${wan.registry}/${repository}@${digest}`,
    ],
    env,
  );
  return digest;
}

/** Ours vs theirs, `runs` times each, alternating; the medians, their ratio and the critical paths. */
async function compare(
  wan: Wan,
  runs: number,
  ours: (run: number) => Promise<unknown>,
  theirs: (run: number) => Promise<unknown>,
): Promise<{ ours: Measured[]; theirs: Measured[]; oursMs: number; theirsMs: number }> {
  const a: Measured[] = [];
  const b: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    b.push(await measure(wan, () => theirs(run)));
    a.push(await measure(wan, () => ours(run)));
  }
  return { ours: a, theirs: b, oursMs: median(a.map((m) => m.ms)), theirsMs: median(b.map((m) => m.ms)) };
}

const rtt = (wan: Wan): number => 2 * wan.oneWayMs;
const pathText = (m: Measured[]): string => {
  const counts = [...new Set(m.map((x) => x.path.length))].sort((x, y) => x - y);
  return counts.length === 1 ? `${counts[0]}` : `${counts[0]}–${counts[counts.length - 1]}`;
};

function row(id: string, metric: string, wan: Wan, c: Awaited<ReturnType<typeof compare>>, goal?: number): Row {
  const ratio = c.theirsMs / c.oursMs;
  return {
    id,
    metric,
    measured: `${fmtMs(c.oursMs)}, ${pathText(c.ours)} RT on path (${c.ours[0]?.requests.length ?? 0} req)`,
    baseline: `${fmtMs(c.theirsMs)}, ${pathText(c.theirs)} RT on path (${c.theirs[0]?.requests.length ?? 0} req)`,
    ratio: fmtRatio(ratio),
    goal: goal ? `≥ ${goal}× at ${rtt(wan)} ms RTT` : `— (${rtt(wan)} ms RTT)`,
    met: goal ? met(ratio >= goal) : 'n/a',
  };
}

function detail(c: Awaited<ReturnType<typeof compare>>): Record<string, unknown> {
  const one = (m: Measured) => ({
    wallMs: Math.round(m.ms),
    requests: m.requests.length,
    newConnections: m.requests.filter((r) => r.newConnection).length,
    idleMs: Math.round(m.idleMs),
    criticalPath: m.path.map(describeRequest),
    all: m.requests.map(
      (r) =>
        `${Math.round(r.start - (m.requests[0]?.start ?? 0))}–${Math.round((r.end ?? r.start) - (m.requests[0]?.start ?? 0))} ms ${describeRequest(r)}`,
    ),
  });
  return { ours: c.ours.map(one), theirs: c.theirs.map(one) };
}

function report(label: string, c: Awaited<ReturnType<typeof compare>>): void {
  log(`  ${label}: d2ci ${fmtMs(c.oursMs)} vs D2 ${fmtMs(c.theirsMs)} (${fmtRatio(c.theirsMs / c.oursMs)})`);
  for (const [side, m] of [
    ['d2ci', c.ours[0]],
    ['D2', c.theirs[0]],
  ] as const) {
    if (!m) continue;
    const fresh = m.requests.filter((r) => r.newConnection).length;
    log(
      `    ${side} critical path, ${m.path.length} of ${m.requests.length} requests (${fresh} new connections, ${fmtMs(m.idleMs)} with none in flight):`,
    );
    for (const r of m.path) log(`      ${describeRequest(r)}`);
  }
}

/** 11. Staging: push + keyless sign + tag, a 100 KiB component and the 50 MiB tree. */
export async function benchStaging(wan: Wan, work: string, push50: string, runs: number): Promise<SectionResult> {
  const workspace = join(work, 'ws-wan');
  componentYaml(join(workspace, 'component'), 'component');
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const cases = [
    { id: '11a', label: '100 KiB component', workspace, path: 'component', runs },
    { id: '11b', label: '50 MiB tree', workspace: join(push50, '..'), path: push50.split('/').pop() ?? '', runs: Math.min(runs, 2) },
  ];
  for (const c of cases) {
    const compared = await compare(
      wan,
      c.runs,
      () => d2ciStaging(wan, c.workspace, c.path, fresh(`${c.id}-d2ci`), 'main-01234567'),
      async () => {
        wan.sigstore.claims = jobClaims('push-artifact', 'refs/heads/main');
        await d2Staging(wan, work, join(c.workspace, c.path), fresh(`${c.id}-d2`), {
          diffTag: 'latest',
          tags: ['main-01234567'],
          ref: 'refs/heads/main',
        });
      },
    );
    report(c.label, compared);
    rows.push(
      row(c.id, `staging push + keyless sign + tag, ${c.label}: push-artifact vs flux diff/push/tag + cosign sign`, wan, compared, 3),
    );
    details[c.id] = detail(compared);
  }
  return { rows, details };
}

/** 12. Release (promote vs D2's re-push + sign) and the verify gate (verify-artifact vs cosign verify). */
export async function benchRelease(wan: Wan, work: string, runs: number): Promise<SectionResult> {
  const workspace = join(work, 'ws-wan-release');
  componentYaml(join(workspace, 'component'), 'component');
  const tree = join(workspace, 'component');
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const ref = 'refs/tags/v1.0.0';

  // Staging has published `latest` (each side its own way) before the release tag is pushed; not timed.
  const ourRepos: string[] = [];
  const theirRepos: string[] = [];
  for (let run = 0; run < runs; run++) {
    const ours = fresh('12-d2ci');
    await d2ciStaging(wan, workspace, 'component', ours, '');
    ourRepos.push(ours);
    const theirs = fresh('12-d2');
    wan.sigstore.claims = jobClaims('push-artifact', 'refs/heads/main');
    await d2Staging(wan, work, tree, theirs, { diffTag: 'latest', tags: [], ref: 'refs/heads/main' });
    theirRepos.push(theirs);
  }
  const release = await compare(
    wan,
    runs,
    async (run) => {
      wan.sigstore.claims = jobClaims('release-artifact', ref);
      ok(
        await runAction(
          'release-artifact',
          {
            repository: `${wan.registry}/${ourRepos[run]}`,
            ref: 'v1.0.0',
            path: 'component',
            'trusted-root': wan.sigstore.trustedRootFile,
            ...registryInputs(wan),
            ...signInputs(wan),
          },
          { GITHUB_WORKSPACE: workspace, GITHUB_REF: ref, GITHUB_SHA: sha, ...wan.oidcEnv },
        ),
        'release-artifact',
      );
    },
    async (run) => {
      // d2-apps release-artifact.yaml: diff-tag vX.Y.Z (missing, so a push), tags latest-stable, then cosign sign.
      wan.sigstore.claims = jobClaims('release-artifact', ref);
      await d2Staging(wan, work, tree, theirRepos[run] ?? '', { diffTag: 'v1.0.0', tags: ['latest-stable'], ref });
    },
  );
  report('release', release);
  rows.push(row('12a', 'release: release-artifact promote vs flux diff/push/tag + cosign sign', wan, release, 3));
  details['12a'] = detail(release);

  const verify = await compare(
    wan,
    runs,
    async (run) => {
      const verified = ok(
        await runAction(
          'verify-artifact',
          {
            repository: `${wan.registry}/${ourRepos[run]}`,
            ref: 'latest',
            'certificate-identity-regexp': stagingIdentity,
            'certificate-oidc-issuer': issuer,
            'trusted-root': wan.sigstore.trustedRootFile,
            ...registryInputs(wan),
          },
          { GITHUB_WORKSPACE: workspace },
        ),
        'verify-artifact',
      );
      if (verified.outputs.verified !== 'true') throw new Error(`verify-artifact did not verify: ${verified.stdout}`);
    },
    async (run) => {
      const home = mkdtempSync(join(work, 'd2-home-'));
      await d2Command(
        wan.cosign,
        [
          'verify',
          '--certificate-identity-regexp',
          stagingIdentity,
          '--certificate-oidc-issuer',
          issuer,
          '--trusted-root',
          wan.sigstore.trustedRootFile,
          '--registry-username',
          wan.username,
          '--registry-password',
          wan.password,
          '--allow-http-registry',
          `${wan.registry}/${theirRepos[run]}:latest`,
        ],
        { HOME: home, TUF_ROOT: join(home, 'tuf') },
      );
    },
  );
  report('verify gate', verify);
  rows.push(row('12b', 'verify gate: verify-artifact vs cosign verify', wan, verify));
  details['12b'] = detail(verify);
  return { rows, details };
}

/** 13. Twenty components: one push-artifact step vs twenty matrix jobs' worth of the D2 sequence. */
export async function benchMatrix(wan: Wan, work: string): Promise<SectionResult> {
  const count = 20;
  const workspace = join(work, 'ws-wan-matrix');
  for (let i = 0; i < count; i++) componentYaml(join(workspace, 'components', `app-${i}`), `app-${i}`);
  const base = fresh('13-d2ci');
  const ours = await measure(wan, async () => {
    wan.sigstore.claims = jobClaims('push-artifact', 'refs/heads/main');
    const run = ok(
      await runAction(
        'push-artifact',
        {
          repository: `${wan.registry}/${base}`,
          components: 'components/*',
          'diff-tag': 'latest',
          ...registryInputs(wan),
          ...signInputs(wan),
        },
        { GITHUB_WORKSPACE: workspace, GITHUB_SHA: sha, ...wan.oidcEnv },
      ),
      'push-artifact (components)',
    );
    const report_ = JSON.parse(run.outputs.components ?? '[]') as { pushed: boolean }[];
    if (report_.filter((r) => r.pushed).length !== count) throw new Error(`expected ${count} pushed components: ${run.outputs.components}`);
  });
  const jobs: Measured[] = [];
  const theirBase = fresh('13-d2');
  wan.sigstore.claims = jobClaims('push-artifact', 'refs/heads/main');
  for (let i = 0; i < count; i++)
    jobs.push(
      await measure(wan, () =>
        d2Staging(wan, work, join(workspace, 'components', `app-${i}`), `${theirBase}/app-${i}`, {
          diffTag: 'latest',
          tags: [],
          ref: 'refs/heads/main',
        }),
      ),
    );
  const sum = jobs.reduce((s, j) => s + j.ms, 0);
  const perJob = median(jobs.map((j) => j.ms));
  const pathSum = jobs.reduce((s, j) => s + j.path.length, 0);
  log(
    `  ${count} components: d2ci one step ${fmtMs(ours.ms)} (${ours.path.length} RT on path); D2 ${count} jobs ${fmtMs(sum)} in sum, ${fmtMs(perJob)} per job`,
  );
  for (const r of ours.path) log(`      ${describeRequest(r)}`);
  return {
    rows: [
      {
        id: '13a',
        metric: `${count} components, keyless: one push-artifact step vs ${count} matrix jobs of flux diff/push + cosign sign (sum)`,
        measured: `${fmtMs(ours.ms)}, ${ours.path.length} RT on path (${ours.requests.length} req)`,
        baseline: `${fmtMs(sum)} in sum, ${pathSum} RT on paths (${jobs.reduce((s, j) => s + j.requests.length, 0)} req)`,
        ratio: fmtRatio(sum / ours.ms),
        goal: `— (${rtt(wan)} ms RTT)`,
        met: 'n/a',
      },
      {
        id: '13b',
        metric: `one D2 matrix job (they run in parallel on ${count} runners): median vs the whole d2ci step`,
        measured: fmtMs(ours.ms),
        baseline: `${fmtMs(perJob)} per job, ${pathText(jobs)} RT on path`,
        ratio: fmtRatio(perJob / ours.ms),
        goal: '—',
        met: 'n/a',
      },
    ],
    details: {
      ours: { wallMs: Math.round(ours.ms), requests: ours.requests.length, criticalPath: ours.path.map(describeRequest) },
      jobs: jobs.map((j) => ({ wallMs: Math.round(j.ms), requests: j.requests.length, criticalPath: j.path.length })),
    },
  };
}

// 9. Image update, native engine: a generated repository with 200 markers over 100 files and 20 policies, each
// policy's repository holding 50 tags in the local registry. Timed through the committed image-update-kind bundle
// as the runner runs it (tags listed, markers updated, commit, push to a local bare remote, pull request through
// the GitHub API stand-in), and the in-process update alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryClient, pushArtifact } from '@d2ci/core';
import { runImageUpdate } from '@d2ci/core/imageupdate';
import { runAction } from '../test/harness/action.ts';
import { startGitHubApi } from '../test/harness/github-api.ts';
import { localRemote } from '../test/harness/git.ts';
import type { LocalRegistry } from '../test/harness/registry.ts';
import { met, type Row, type SectionResult } from './report.ts';
import { fmtMs, log, median, timed } from './util.ts';

const policies = 20;
const files = 100;
const markersPerFile = 2;
const tagsPerRepository = 50;

function tree(dir: string, registry: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let p = 0; p < policies; p++) {
    out[`update-policies/app-${p}.yaml`] =
      `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: app-${p}\nspec:\n  image: ${registry}/bench/app-${p}\n---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: app-${p}\nspec:\n  imageRepositoryRef:\n    name: app-${p}\n  policy:\n    semver:\n      range: ">=1.0.0"\n`;
  }
  for (let f = 0; f < files; f++) {
    const markers = Array.from({ length: markersPerFile }, (_, m) => {
      const p = (f * markersPerFile + m) % policies;
      return `      - name: c${m}\n        image: ${registry}/bench/app-${p}:1.0.0 # {"$imagepolicy": "apps:app-${p}"}\n`;
    }).join('');
    out[`components/team-${f % 10}/app-${f}/deploy.yaml`] =
      `# generated\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${f}\nspec:\n  template:\n    spec:\n      containers:\n${markers}`;
  }
  for (const [path, content] of Object.entries(out)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return out;
}

export async function benchImageUpdate(work: string, registry: LocalRegistry, runs: number): Promise<SectionResult> {
  const seedDir = join(work, 'image-update-seed');
  mkdirSync(seedDir, { recursive: true });
  writeFileSync(join(seedDir, 'chart.yaml'), 'name: bench\n');
  await Promise.all(
    Array.from({ length: policies }, async (_, p) => {
      const repo = new RegistryClient().repository({ registry: registry.host, repository: `bench/app-${p}` });
      const pushed = await pushArtifact({ path: seedDir, target: repo, tags: ['1.0.0'], source: 's', revision: 'r' });
      for (let t = 1; t < tagsPerRepository; t++) await repo.tag(pushed.descriptor, `1.${Math.floor(t / 10)}.${t % 10}`);
    }),
  );
  const content = join(work, 'image-update-tree');
  const written = tree(content, registry.host);
  const github = await startGitHubApi('acme/apps');
  const event = join(work, 'image-update-event.json');
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
  try {
    const samples: number[] = [];
    let changes = 0;
    for (let run = 0; run < runs; run++) {
      const remote = localRemote();
      remote.commit(written, 'generated');
      const workspace = remote.checkout();
      const { ms, value } = await timed(() =>
        runAction(
          'image-update-kind',
          { 'policies-path': './update-policies', 'update-path': './components', namespace: 'apps' },
          {
            GITHUB_WORKSPACE: workspace,
            GITHUB_REPOSITORY: 'acme/apps',
            GITHUB_API_URL: github.url,
            GITHUB_EVENT_PATH: event,
            GITHUB_TOKEN: 'bench',
          },
        ),
      );
      if (value.code !== 0 || value.outputs.updated !== 'true') throw new Error(`image update failed:\n${value.stdout}\n${value.stderr}`);
      changes = (JSON.parse(value.outputs.changes ?? '[]') as unknown[]).length;
      samples.push(ms);
      log(`  bundle: ${changes} values changed, committed, pushed, pull request: ${fmtMs(ms)}`);
    }
    const inProcess: number[] = [];
    for (let run = 0; run < runs; run++) {
      const dir = join(work, `image-update-inproc-${run}`);
      tree(dir, registry.host);
      const client = new RegistryClient();
      inProcess.push(
        (
          await timed(() =>
            runImageUpdate({
              repo: dir,
              policiesPath: 'update-policies',
              updatePath: 'components',
              namespace: 'apps',
              clientFor: () => client,
            }),
          )
        ).ms,
      );
    }
    const bundle = median(samples);
    const core = median(inProcess);
    log(`  in-process update (no Git): ${fmtMs(core)}`);
    const rows: Row[] = [
      {
        id: '9a',
        metric: `image update, native engine, through the bundle: ${policies} policies, ${changes} markers in ${files} files (median of ${runs})`,
        measured: fmtMs(bundle),
        baseline: 'D2: a Kind cluster with the controllers (minutes)',
        ratio: '—',
        goal: '< 2 s',
        met: met(bundle < 2000),
      },
      {
        id: '9b',
        metric: '  the same update in process (list tags, select, edit files; no Git or pull request)',
        measured: fmtMs(core),
        baseline: '—',
        ratio: '—',
        goal: 'context',
        met: 'n/a',
      },
    ];
    return {
      rows,
      details: { policies, files, markers: files * markersPerFile, tagsPerRepository, bundleMs: samples, inProcessMs: inProcess },
    };
  } finally {
    await github.close();
  }
}

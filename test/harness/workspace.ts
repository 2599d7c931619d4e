import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway checkout: files given as path → content; executables with a trailing `*` in the path. */
export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'd2ci-ws-'));
  for (const [spec, content] of Object.entries(files)) {
    const executable = spec.endsWith('*');
    const path = join(root, executable ? spec.slice(0, -1) : spec);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    if (executable) chmodSync(path, 0o755);
  }
  return root;
}

/** A small D2-style component tree: a base and two environment overlays. */
export const componentFiles: Record<string, string> = {
  'components/frontend/base/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - podinfo.yaml\n',
  'components/frontend/base/podinfo.yaml':
    'apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: podinfo\nspec:\n  interval: 10m\n  url: oci://ghcr.io/stefanprodan/charts/podinfo\n  ref:\n    semver: 6.14.0 # {"$imagepolicy": "apps:frontend-podinfo:tag"}\n',
  'components/frontend/staging/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n',
  'components/frontend/production/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n',
  'components/frontend/scripts/check.sh*': '#!/bin/sh\necho ok\n',
  'components/frontend/logo.png': 'not really a png',
};

import { posix } from 'node:path';
import { parseReference, type Reference } from '../oci/reference.ts';
import type { FoundAt, FoundVia } from './inventory-types.ts';
import { readOverrides, recordStandingOverrides } from './kustomize-images.ts';
import { gitPackageUrl, helmPackageUrl } from './purl.ts';
import {
  exactVersion,
  formatSourceRef,
  gitComponent,
  lookup,
  ociComponent,
  readBucket,
  readGitRepository,
  readHelmRepository,
  readOciRepository,
  readSourceRef,
  type BucketSource,
  type GitSource,
  type HelmRepositorySource,
  type OciSource,
  type SourceRef,
} from './flux-sources.ts';
import { foundAt, unresolved, type FluxObject, type Found, type Scan } from './scan-state.ts';
import { get, getPath, indexPath, str, text, type Node } from './yaml-tree.ts';

// Flux charts and releases resolved to the sources in the tree (HelmRelease, HelmChart, kustomize `helmCharts`),
// and the sources themselves as components.

/** A chart named in a HelmRelease, HelmChart or kustomize `helmCharts`, from the source it resolves to. */
function chartFound(
  scan: Scan,
  chart: string,
  version: string | undefined,
  source: { helm?: HelmRepositorySource; git?: GitSource; bucket?: BucketSource; ref?: SourceRef },
  at: FoundAt,
): Found | undefined {
  const exact = version ? exactVersion(version) : undefined;
  const constraint = version && !exact ? version : undefined;
  const versionFields = (): Partial<Found['fields']> => ({
    ...(exact ? { version: exact } : {}),
    ...(constraint ? { versionConstraint: constraint } : {}),
  });
  if (source.helm?.oci) {
    const base = source.helm.url.replace(/^oci:\/\//, '');
    let ref: Reference;
    try {
      // Helm pushes a chart version as the tag, with `+` as `_`.
      ref = parseReference(`${base}/${chart}${exact ? `:${exact.replace(/\+/g, '_')}` : ''}`);
    } catch (err) {
      unresolved(
        scan,
        { file: at.file, document: at.document, ...(at.kind ? { kind: at.kind } : {}), ...(at.name ? { name: at.name } : {}) },
        at.path,
        at.line,
        `${source.helm.url}/${chart}`,
        (err as Error).message,
      );
      return undefined;
    }
    const oci: OciSource = { ref: { registry: ref.registry, repository: ref.repository }, url: source.helm.url, helmMediaType: true };
    if (ref.tag) oci.tag = ref.tag;
    if (constraint) oci.semver = constraint;
    const found = ociComponent(oci, 'chart', at, { chart, sourceKind: 'HelmRepository' });
    if (exact) found.fields.version = exact;
    return found;
  }
  if (source.helm) {
    const fields: Found['fields'] = {
      name: chart,
      chart,
      url: source.helm.url,
      sourceKind: 'HelmRepository',
      purl: helmPackageUrl(chart, exact, source.helm.url),
      ...versionFields(),
    };
    return {
      type: 'chart',
      id: `${source.helm.url}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
      fields,
      at,
    };
  }
  if (source.git || source.bucket) {
    const path = posix.normalize(chart).replace(/^\.\//, '').replace(/\/$/, '');
    const url = source.git?.url ?? source.bucket?.url ?? '';
    const fields: Found['fields'] = { name: path, chart: path, url, sourceKind: source.git ? 'GitRepository' : 'Bucket' };
    if (source.git?.version) fields.version = source.git.version;
    if (source.git?.semver) fields.versionConstraint = source.git.semver;
    const purl = source.git ? gitPackageUrl(source.git.url, source.git.pin, path) : undefined;
    if (purl) fields.purl = purl;
    return { type: 'chart', id: `${url}${fields.version ? `@${fields.version}` : ''}#${path}`, fields, at };
  }
  // The source is not in the tree: the chart is known by name and version only.
  const fields: Found['fields'] = { name: chart, chart, purl: helmPackageUrl(chart, exact), ...versionFields() };
  if (source.ref) {
    fields.sourceRef = formatSourceRef(source.ref);
    if (source.ref.kind === 'HelmRepository' || source.ref.kind === 'GitRepository' || source.ref.kind === 'Bucket')
      fields.sourceKind = source.ref.kind;
  }
  return {
    type: 'chart',
    id: `${fields.sourceRef ?? ''}#${chart}${exact ? `@${exact}` : ''}${constraint ? `?version=${constraint}` : ''}`,
    fields,
    at,
  };
}

export function resolveFlux(scan: Scan): void {
  const objects = scan.flux;
  const of = (kind: string): FluxObject[] =>
    objects.filter(
      (o) =>
        o.kind === kind &&
        o.group ===
          (kind === 'HelmRelease'
            ? 'helm.toolkit.fluxcd.io'
            : kind === 'Kustomization'
              ? 'kustomize.toolkit.fluxcd.io'
              : 'source.toolkit.fluxcd.io'),
    );
  const oci = new Map<FluxObject, OciSource | undefined>(of('OCIRepository').map((o) => [o, readOciRepository(scan, o)]));
  const helmRepos = new Map<FluxObject, HelmRepositorySource | undefined>(
    of('HelmRepository').map((o) => [o, readHelmRepository(scan, o)]),
  );
  const git = new Map<FluxObject, GitSource | undefined>(of('GitRepository').map((o) => [o, readGitRepository(o)]));
  const buckets = new Map<FluxObject, BucketSource | undefined>(of('Bucket').map((o) => [o, readBucket(o)]));
  const charts = new Set<FluxObject>();

  const at = (o: FluxObject, path: string, via: FoundVia): FoundAt => {
    const node = getPath(o.node, ...path.split('.'));
    return foundAt(o.ctx, path, node?.line ?? o.node.line, via);
  };

  /**
   * A chart from `{chart, version, sourceRef}`: HelmRelease `spec.chart.spec`, HelmChart `spec` (`from` is the
   * object holding it, whose namespace and place resolve the sourceRef), found at `o`'s `path`.
   */
  const chartSpec = (o: FluxObject, from: FluxObject, spec: Node | undefined, path: string, via: FoundVia): void => {
    const chart = text(get(spec, 'chart'));
    const ref = readSourceRef(get(spec, 'sourceRef'));
    if (!chart || !ref) {
      unresolved(
        scan,
        from.ctx,
        from === o ? path : 'spec',
        spec?.line ?? from.node.line,
        chart ?? '',
        'chart spec without chart or sourceRef',
      );
      return;
    }
    const version = text(get(spec, 'version'));
    const targets = lookup(
      objects.filter((x) => x.group === 'source.toolkit.fluxcd.io'),
      ref,
      from,
    );
    const here = at(o, path, via);
    const sources = targets
      .map((t) => ({ helm: helmRepos.get(t), git: git.get(t), bucket: buckets.get(t) }))
      .filter((s) => s.helm ?? s.git ?? s.bucket);
    if (sources.length === 0) sources.push({ helm: undefined, git: undefined, bucket: undefined });
    for (const source of sources) {
      const found = chartFound(
        scan,
        chart,
        version,
        {
          ...(source.helm ? { helm: source.helm } : {}),
          ...(source.git ? { git: source.git } : {}),
          ...(source.bucket ? { bucket: source.bucket } : {}),
          ref,
        },
        here,
      );
      if (found) scan.found.push(found);
    }
  };

  for (const o of of('HelmChart')) chartSpec(o, o, get(o.node, 'spec'), 'spec', 'helm-chart');

  for (const o of of('HelmRelease')) {
    const spec = get(o.node, 'spec');
    const chartRef = readSourceRef(get(spec, 'chartRef'));
    if (chartRef) {
      const targets = lookup(objects, chartRef, o).filter((t) => t.kind === 'OCIRepository' || t.kind === 'HelmChart');
      if (targets.length === 0)
        unresolved(
          scan,
          o.ctx,
          'spec.chartRef',
          get(spec, 'chartRef')?.line ?? o.node.line,
          formatSourceRef(chartRef),
          'chartRef names no OCIRepository or HelmChart in the tree',
        );
      for (const t of targets) {
        if (t.kind === 'HelmChart') {
          chartSpec(o, t, get(t.node, 'spec'), 'spec.chartRef', 'helm-release');
          continue;
        }
        const source = oci.get(t);
        if (!source) continue;
        charts.add(t);
        scan.found.push(
          ociComponent(source, 'chart', at(o, 'spec.chartRef', 'helm-release'), {
            chart: source.ref.repository.split('/').pop() ?? '',
            sourceKind: 'OCIRepository',
          }),
        );
      }
    } else if (get(getPath(spec, 'chart'), 'spec')) {
      chartSpec(o, o, getPath(spec, 'chart', 'spec'), 'spec.chart.spec', 'helm-release');
    }
    const renderers = get(spec, 'postRenderers');
    if (renderers?.t === 'seq') {
      renderers.items.forEach((r, i) => {
        const path = `spec.postRenderers[${i}].kustomize.images`;
        recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(r, 'kustomize', 'images'), path), path);
      });
    }
  }

  for (const o of of('Kustomization')) {
    const path = 'spec.images';
    recordStandingOverrides(scan, o.ctx, readOverrides(scan, o.ctx, getPath(o.node, 'spec', 'images'), path), path);
  }

  for (const [o, source] of oci) {
    if (!source) continue;
    const type = charts.has(o) || source.helmMediaType ? 'chart' : 'source';
    scan.found.push(
      ociComponent(source, type, at(o, 'spec.url', 'flux-source'), {
        sourceKind: 'OCIRepository',
        ...(type === 'chart' ? { chart: source.ref.repository.split('/').pop() ?? '' } : {}),
      }),
    );
  }
  for (const [o, source] of helmRepos) {
    if (!source) continue;
    scan.found.push({
      type: 'source',
      id: source.url,
      fields: { name: source.url, url: source.url, sourceKind: 'HelmRepository' },
      at: at(o, 'spec.url', 'flux-source'),
    });
  }
  for (const [o, source] of git) if (source) scan.found.push(gitComponent(source, at(o, 'spec.url', 'flux-source')));
  for (const [o, source] of buckets) {
    if (!source) continue;
    scan.found.push({
      type: 'source',
      id: source.url,
      fields: { name: source.url, url: source.url, sourceKind: 'Bucket' },
      at: at(o, 'spec.bucketName', 'flux-source'),
    });
  }
}

/** kustomize `helmCharts` (inflated by `kustomize build --enable-helm`). */
export function kustomizeHelmCharts(scan: Scan): void {
  for (const k of scan.kustomizations.values()) {
    const list = get(k.node, 'helmCharts');
    if (list?.t !== 'seq') continue;
    list.items.forEach((item, i) => {
      const name = text(get(item, 'name'));
      const repo = str(get(item, 'repo'))?.replace(/\/+$/, '');
      const path = indexPath('helmCharts', i);
      if (!name) return;
      const at = foundAt(k.ctx, path, item.line, 'kustomize-helm-chart');
      const helm = repo ? { url: repo, oci: repo.startsWith('oci://') } : undefined;
      const found = chartFound(scan, name, text(get(item, 'version')), helm ? { helm } : {}, at);
      if (!found) return;
      // kustomize pulls the chart itself: no Flux source is involved.
      delete found.fields.sourceKind;
      scan.found.push(found);
    });
  }
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  cycloneDxDocument,
  detectDocumentType,
  documentMediaTypes,
  findDeployedComponents,
  formatFoundAt,
  gitPackageUrl,
  helmPackageUrl,
  ociPackageUrl,
  SbomError,
  spdxDocument,
  type CycloneDxDocument,
  type DeployedComponent,
  type DeployedInventory,
  type SpdxDocument,
} from '@d2ci/core';
import { makeWorkspace } from '../harness/workspace.ts';

const root = join(import.meta.dirname, '../..');
const examples = join(root, 'workflows-examples/d2-apps/components');
const appsFixture = join(root, 'test/fixtures/image-automation/d2/apps-44485db/original/components');
const infraFixture = join(root, 'test/fixtures/image-automation/d2/infra-6e500d4/original/components');
const schemas = join(root, 'test/fixtures/sbom-schemas');

const d1 = `sha256:${'1'.repeat(64)}`;
const d2 = `sha256:${'2'.repeat(64)}`;
const d3 = `sha256:${'3'.repeat(64)}`;
const subjectDigest = `sha256:${'a'.repeat(64)}`;
const fixed = '2025-01-02T03:04:05Z';

// ---------------------------------------------------------------------------------------------------------------
// The official JSON schemas (see test/fixtures/sbom-schemas/README.md), with the formats CycloneDX's own
// validator installs: ajv-formats plus ajv-formats-draft2019 for `iri-reference` and `idn-email`.

const require = createRequire(import.meta.url);
const addDraft2019Formats = require('ajv-formats-draft2019') as (ajv: Ajv) => Ajv;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const readSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(schemas, name), 'utf8')) as Record<string, unknown>;

function validators(): { cyclonedx: ValidateFunction; spdx: ValidateFunction } {
  // strict: false because the CycloneDX schema carries annotation keywords ajv does not know (`meta:enum`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  addDraft2019Formats(ajv);
  ajv.addSchema(readSchema('spdx.schema.json'));
  ajv.addSchema(readSchema('jsf-0.82.schema.json'));
  return { cyclonedx: ajv.compile(readSchema('bom-1.6.schema.json')), spdx: ajv.compile(readSchema('spdx-2.3.schema.json')) };
}
const validate = validators();

function assertValid(check: ValidateFunction, document: unknown, label: string): void {
  const ok = check(document);
  assert.ok(ok, `${label} does not validate: ${JSON.stringify(check.errors?.slice(0, 5), null, 1)}`);
}

/** SPDX 2.3 rules the JSON schema leaves out (it has no patterns): identifiers, dates, namespace, relationships. */
function assertSpdxRules(doc: SpdxDocument): void {
  const ids = doc.packages.map((p) => p.SPDXID);
  assert.equal(new Set(ids).size, ids.length, 'SPDX identifiers are unique');
  for (const id of [doc.SPDXID, ...ids]) assert.match(id, /^SPDXRef-[A-Za-z0-9.-]+$/, 'SPDX identifier grammar (spec 7.2)');
  assert.match(
    doc.creationInfo.created,
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/,
    'created is YYYY-MM-DDThh:mm:ssZ (spec 6.9)',
  );
  assert.ok(
    URL.canParse(doc.documentNamespace) && !doc.documentNamespace.includes('#'),
    'documentNamespace is a URI without "#" (spec 6.5)',
  );
  for (const creator of doc.creationInfo.creators) assert.match(creator, /^(Tool|Organization|Person): \S/);
  for (const r of doc.relationships) {
    assert.ok(
      r.spdxElementId === 'SPDXRef-DOCUMENT' || ids.includes(r.spdxElementId),
      `relationship from an existing element: ${r.spdxElementId}`,
    );
    assert.ok(ids.includes(r.relatedSpdxElement), `relationship to an existing element: ${r.relatedSpdxElement}`);
  }
  for (const p of doc.packages) {
    for (const c of p.checksums ?? []) assert.match(c.checksumValue, c.algorithm === 'SHA256' ? /^[0-9a-f]{64}$/ : /^[0-9a-f]{128}$/);
    for (const ref of p.externalRefs ?? []) assert.match(ref.referenceLocator, /^pkg:[a-z]+\/\S+$/, 'purl locator without spaces');
  }
}

/** Every field that matters, one line per component and place, for exact comparisons of whole inventories. */
function lines(inventory: DeployedInventory): string[] {
  return inventory.components.flatMap((c) => {
    const head = [
      c.type,
      c.id,
      `name=${c.name}`,
      c.version && `version=${c.version}`,
      c.versionConstraint && `constraint=${c.versionConstraint}`,
      c.digest && `digest=${c.digest.slice(0, 14)}`,
      c.sourceKind && `kind=${c.sourceKind}`,
      c.sourceRef && `ref=${c.sourceRef}`,
      c.purl ?? 'no purl',
    ]
      .filter(Boolean)
      .join(' | ');
    return [head, ...c.foundAt.map((at) => `    ${formatFoundAt(at)}`)];
  });
}

const find = (inventory: DeployedInventory, type: DeployedComponent['type'], id: string): DeployedComponent => {
  const c = inventory.components.find((x) => x.type === type && x.id === id);
  assert.ok(c, `no ${type} ${id} in ${inventory.components.map((x) => `${x.type} ${x.id}`).join(', ')}`);
  return c;
};

// ---------------------------------------------------------------------------------------------------------------
// Trees written for the tests.

const workloadFiles: Record<string, string> = {
  'apps/workloads.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/example/migrate:v2@${d1}
      containers:
        - name: web
          image: nginx:1.27
        - name: sidecar
          image: "  ghcr.io/example/sidecar:1.0  "
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: registry.example.com:5000/tools/backup:2024.1
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: main
      image: busybox
  ephemeralContainers:
    - name: dbg
      image: docker.io/library/alpine:3.20
---
# an empty document, then a Service without images
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{ port: 80 }]
`,
  'apps/more.yml': `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers: [{name: db, image: "postgres:16.4@${d2}"}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - {name: agent, image: "\${AGENT_IMAGE}"}
        - {name: same, image: nginx:1.27}
---
apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: Job
    metadata: {name: listed}
    spec:
      template:
        spec:
          containers: [{name: c, image: "gcr.io/distroless/static:nonroot"}]
`,
  'apps/crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.example.com}
spec:
  versions:
    - name: v1
      schema:
        openAPIV3Schema:
          properties:
            image: {type: string, default: "example/default:1"}
`,
  'apps/automation.yaml': `apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata: {name: app}
spec:
  image: ghcr.io/example/app
`,
  'apps/json-patch.yaml': `- op: add
  path: /spec/template/spec/containers/-
  value:
    name: extra
    image: ghcr.io/example/extra:2.0
- op: replace
  path: /spec/template/spec/initContainers/0/image
  value: ghcr.io/example/migrate:v3
- op: remove
  path: /spec/template/spec/containers/1
`,
  'apps/flux-kustomization.yaml': `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: web, namespace: flux-system}
spec:
  path: ./apps
  patches:
    - target: {kind: Deployment, name: web}
      patch: |
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27.3
`,
  'apps/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [\n',
  'apps/notes.txt': 'image: ghcr.io/not/yaml:1\n',
};

const helmFiles: Record<string, string> = {
  'flux/sources.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: {name: bitnami, namespace: flux-system}
spec:
  url: https://charts.bitnami.com/bitnami/
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: {name: podinfo-oci, namespace: flux-system}
spec:
  type: oci
  url: oci://ghcr.io/stefanprodan/charts
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: platform, namespace: flux-system}
spec:
  url: https://github.com/Example/Platform.git
  ref:
    branch: main
    tag: v0.9.0
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: Bucket
metadata: {name: artifacts, namespace: flux-system}
spec:
  bucketName: releases
  endpoint: minio.example.com
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata: {name: manifests, namespace: flux-system}
spec:
  url: oci://ghcr.io/example/manifests
  ref:
    tag: latest
    digest: ${d3}
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmChart
metadata: {name: podinfo, namespace: flux-system}
spec:
  chart: podinfo
  version: 6.7.1+build.5
  sourceRef: {kind: HelmRepository, name: podinfo-oci}
`,
  'flux/releases.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: redis, namespace: flux-system}
spec:
  chart:
    spec:
      chart: redis
      version: 20.6.2
      sourceRef: {kind: HelmRepository, name: bitnami}
  values:
    image:
      registry: docker.io
      repository: bitnami/redis
      tag: 7.4.2-debian-12-r0
    metrics:
      image:
        repository: bitnami/redis-exporter
        tag: 1.10
        digest: ${d1}
    sidecar:
      image: quay.io/prometheus/busybox:latest
    kubectl:
      image:
        tag: "1.31"
    odd:
      image:
        repository: bitnami/os-shell:12
        tag: "13"
    broken:
      image: ghcr.io/example/app:\${TAG}
  postRenderers:
    - kustomize:
        images:
          - name: docker.io/bitnami/redis
            newName: mirror.example.com/bitnami/redis
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: mysql, namespace: flux-system}
spec:
  chart:
    spec:
      chart: mysql
      version: ">=11.0.0 <12.0.0"
      sourceRef: {kind: HelmRepository, name: bitnami}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: podinfo, namespace: flux-system}
spec:
  chartRef: {kind: HelmChart, name: podinfo}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: platform, namespace: flux-system}
spec:
  chart:
    spec:
      chart: ./charts/platform
      sourceRef: {kind: GitRepository, name: platform}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: tools, namespace: flux-system}
spec:
  chart:
    spec:
      chart: charts/tools
      sourceRef: {kind: Bucket, name: artifacts}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: ghost, namespace: flux-system}
spec:
  chartRef: {kind: OCIRepository, name: missing}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: loki, namespace: flux-system}
spec:
  chart:
    spec:
      chart: loki
      version: 6.24.0
      sourceRef: {kind: HelmRepository, name: grafana, namespace: monitoring}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  sourceRef: {kind: OCIRepository, name: manifests}
  path: ./
  images:
    - name: ghcr.io/example/api
      newTag: v2.0.0
`,
  // Two components each with an OCIRepository named "chart": each HelmRelease takes its own.
  'components/a/chart.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata: {name: chart}
spec:
  url: oci://ghcr.io/example/charts/a
  ref: {tag: 1.0.0}
`,
  'components/a/release.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: a}
spec:
  chartRef: {kind: OCIRepository, name: chart}
`,
  'components/b/sources/chart.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata: {name: chart}
spec:
  url: oci://ghcr.io/example/charts/b
  ref: {semver: ">=2.0.0"}
`,
  'components/b/release.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: b}
spec:
  chartRef: {kind: OCIRepository, name: chart}
`,
};

const kustomizeFiles: Record<string, string> = {
  'base/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deploy.yaml\n',
  'base/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
        - name: app
          image: MY_APP
`,
  'staging/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base
patches:
  - path: sidecar.yaml
  - patch: |
      - op: replace
        path: /spec/template/spec/containers/0/image
        value: nginx:1.27-alpine
    target: {kind: Deployment, name: web}
images:
  - name: MY_APP
    newName: ghcr.io/example/app
    newTag: "1.4.0"
  - name: envoyproxy/envoy
    digest: ${d2}
  - name: unused
    newTag: "9"
`,
  'staging/sidecar.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
`,
  // No apiVersion/kind, as kustomize allows; a second overlay on top of staging.
  'production/kustomization.yml': 'resources:\n  - ../staging\nimages:\n  - name: ghcr.io/example/app\n    newTag: 1.5.0\n',
  'remote/kustomization.yaml': `resources:
  - https://github.com/example/manifests//deploy?ref=v1.0.0
  - local.yaml
images:
  - name: example/server
    newName: ghcr.io/example/server
    newTag: v3.1.0
  - name: redis
    newTag: "7.4"
`,
  'remote/local.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: cache}\nspec:\n  containers: [{name: cache, image: "redis:7.2"}]\n',
  // A Component transforms what the kustomization including it has accumulated; one nobody includes stands as written.
  'with-component/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\ncomponents: [../component]\n',
  'component/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n  - name: nginx\n    newTag: "1.29"\n',
  'orphan/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nimages:\n  - name: busybox\n    newName: mirror.example.com/busybox\n    newTag: "1.37"\n',
  'inflate/kustomization.yaml': `helmCharts:
  - name: minecraft
    repo: https://itzg.github.io/minecraft-server-charts
    version: 4.23.2
    releaseName: mc
    valuesInline:
      image:
        repository: itzg/minecraft-server
        tag: java21
  - name: podinfo
    repo: oci://ghcr.io/stefanprodan/charts
    version: 6.7.1
`,
  'smp/kustomization.yaml': `resources: [../base]
patchesStrategicMerge:
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      template:
        spec:
          containers:
            - name: web
              image: nginx:1.28
images:
  - name: nginx
    newName: mirror.example.com/library/nginx
`,
};

// ---------------------------------------------------------------------------------------------------------------

describe('findDeployedComponents', () => {
  it('reads the sample D2 components: a Deployment image and an OCI chart by exact semver', async () => {
    const inventory = await findDeployedComponents(examples);
    assert.deepEqual(inventory, {
      components: [
        {
          type: 'chart',
          id: 'ghcr.io/stefanprodan/charts/podinfo?semver=6.14.0',
          name: 'ghcr.io/stefanprodan/charts/podinfo',
          version: '6.14.0',
          versionConstraint: '6.14.0',
          registry: 'ghcr.io',
          repository: 'stefanprodan/charts/podinfo',
          url: 'oci://ghcr.io/stefanprodan/charts/podinfo',
          chart: 'podinfo',
          sourceKind: 'OCIRepository',
          purl: 'pkg:oci/podinfo?repository_url=ghcr.io%2Fstefanprodan%2Fcharts%2Fpodinfo',
          foundAt: [
            {
              file: 'frontend/base/podinfo.yaml',
              document: 0,
              kind: 'OCIRepository',
              name: 'podinfo',
              path: 'spec.url',
              line: 7,
              via: 'flux-source',
            },
            {
              file: 'frontend/base/podinfo.yaml',
              document: 1,
              kind: 'HelmRelease',
              name: 'podinfo',
              path: 'spec.chartRef',
              line: 17,
              via: 'helm-release',
            },
          ],
        },
        {
          type: 'image',
          id: 'docker.io/library/redis:7.4.2',
          name: 'docker.io/library/redis',
          version: '7.4.2',
          registry: 'docker.io',
          repository: 'library/redis',
          tag: '7.4.2',
          purl: 'pkg:oci/redis?repository_url=docker.io%2Flibrary%2Fredis&tag=7.4.2',
          foundAt: [
            {
              file: 'backend/base/redis.yaml',
              document: 0,
              kind: 'Deployment',
              name: 'redis',
              path: 'spec.template.spec.containers[0].image',
              line: 17,
              via: 'container',
            },
          ],
        },
      ],
      skipped: [],
      unresolved: [],
    });
  });

  it('reads the D2 apps fixture: OCI charts by semver from Docker Hub and GHCR, Bitnami image maps in values', async () => {
    const inventory = await findDeployedComponents(appsFixture);
    assert.deepEqual(lines(inventory), [
      'chart | docker.io/bitnamicharts/memcached?semver=8.6.1 | name=docker.io/bitnamicharts/memcached | version=8.6.1 | constraint=8.6.1 | kind=OCIRepository | pkg:oci/memcached?repository_url=docker.io%2Fbitnamicharts%2Fmemcached',
      '    backend/base/memcached.yaml:7 OCIRepository/memcached-chart spec.url (flux-source)',
      '    backend/base/memcached.yaml:17 HelmRelease/memcached spec.chartRef (helm-release)',
      'chart | docker.io/bitnamicharts/redis?semver=27.0.10 | name=docker.io/bitnamicharts/redis | version=27.0.10 | constraint=27.0.10 | kind=OCIRepository | pkg:oci/redis?repository_url=docker.io%2Fbitnamicharts%2Fredis',
      '    backend/base/redis.yaml:7 OCIRepository/redis-chart spec.url (flux-source)',
      '    backend/base/redis.yaml:17 HelmRelease/redis spec.chartRef (helm-release)',
      'chart | ghcr.io/stefanprodan/charts/podinfo?semver=6.13.0 | name=ghcr.io/stefanprodan/charts/podinfo | version=6.13.0 | constraint=6.13.0 | kind=OCIRepository | pkg:oci/podinfo?repository_url=ghcr.io%2Fstefanprodan%2Fcharts%2Fpodinfo',
      '    frontend/base/podinfo.yaml:7 OCIRepository/podinfo-chart spec.url (flux-source)',
      '    frontend/base/podinfo.yaml:17 HelmRelease/podinfo spec.chartRef (helm-release)',
      'image | docker.io/bitnamilegacy/kubectl | name=docker.io/bitnamilegacy/kubectl | pkg:oci/kubectl?repository_url=docker.io%2Fbitnamilegacy%2Fkubectl',
      '    backend/base/redis.yaml:54 HelmRelease/redis spec.values.kubectl.image (image-map)',
      'image | docker.io/bitnamilegacy/memcached | name=docker.io/bitnamilegacy/memcached | pkg:oci/memcached?repository_url=docker.io%2Fbitnamilegacy%2Fmemcached',
      '    backend/base/memcached.yaml:37 HelmRelease/memcached spec.values.image (image-map)',
      'image | docker.io/bitnamilegacy/memcached-exporter | name=docker.io/bitnamilegacy/memcached-exporter | pkg:oci/memcached-exporter?repository_url=docker.io%2Fbitnamilegacy%2Fmemcached-exporter',
      '    backend/base/memcached.yaml:40 HelmRelease/memcached spec.values.metrics.image (image-map)',
      'image | docker.io/bitnamilegacy/os-shell | name=docker.io/bitnamilegacy/os-shell | pkg:oci/os-shell?repository_url=docker.io%2Fbitnamilegacy%2Fos-shell',
      '    backend/base/memcached.yaml:43 HelmRelease/memcached spec.values.volumePermissions.image (image-map)',
      '    backend/base/redis.yaml:57 HelmRelease/redis spec.values.volumePermissions.image (image-map)',
      '    backend/base/redis.yaml:60 HelmRelease/redis spec.values.sysctl.image (image-map)',
      'image | docker.io/bitnamilegacy/redis | name=docker.io/bitnamilegacy/redis | pkg:oci/redis?repository_url=docker.io%2Fbitnamilegacy%2Fredis',
      '    backend/base/redis.yaml:45 HelmRelease/redis spec.values.image (image-map)',
      'image | docker.io/bitnamilegacy/redis-exporter | name=docker.io/bitnamilegacy/redis-exporter | pkg:oci/redis-exporter?repository_url=docker.io%2Fbitnamilegacy%2Fredis-exporter',
      '    backend/base/redis.yaml:51 HelmRelease/redis spec.values.metrics.image (image-map)',
      'image | docker.io/bitnamilegacy/redis-sentinel | name=docker.io/bitnamilegacy/redis-sentinel | pkg:oci/redis-sentinel?repository_url=docker.io%2Fbitnamilegacy%2Fredis-sentinel',
      '    backend/base/redis.yaml:48 HelmRelease/redis spec.values.sentinel.image (image-map)',
    ]);
    assert.deepEqual(inventory.skipped, []);
    assert.deepEqual(inventory.unresolved, []);
  });

  it('reads the D2 infra fixture: OCI charts by tag, and nothing from ClusterIssuers, monitors or RBAC', async () => {
    const inventory = await findDeployedComponents(infraFixture);
    assert.deepEqual(lines(inventory), [
      'chart | ghcr.io/controlplaneio-fluxcd/charts/metrics-server:3.13.0 | name=ghcr.io/controlplaneio-fluxcd/charts/metrics-server | version=3.13.0 | kind=OCIRepository | pkg:oci/metrics-server?repository_url=ghcr.io%2Fcontrolplaneio-fluxcd%2Fcharts%2Fmetrics-server&tag=3.13.0',
      '    monitoring/controllers/base/metrics-server.yaml:7 OCIRepository/metrics-server spec.url (flux-source)',
      '    monitoring/controllers/base/metrics-server.yaml:21 HelmRelease/metrics-server spec.chartRef (helm-release)',
      'chart | ghcr.io/prometheus-community/charts/kube-prometheus-stack:86.1.0 | name=ghcr.io/prometheus-community/charts/kube-prometheus-stack | version=86.1.0 | kind=OCIRepository | pkg:oci/kube-prometheus-stack?repository_url=ghcr.io%2Fprometheus-community%2Fcharts%2Fkube-prometheus-stack&tag=86.1.0',
      '    monitoring/controllers/base/kube-prometheus-stack.yaml:7 OCIRepository/kube-prometheus-stack spec.url (flux-source)',
      '    monitoring/controllers/base/kube-prometheus-stack.yaml:21 HelmRelease/kube-prometheus-stack spec.chartRef (helm-release)',
      'chart | quay.io/jetstack/charts/cert-manager:v1.20.2 | name=quay.io/jetstack/charts/cert-manager | version=v1.20.2 | kind=OCIRepository | pkg:oci/cert-manager?repository_url=quay.io%2Fjetstack%2Fcharts%2Fcert-manager&tag=v1.20.2',
      '    cert-manager/controllers/base/cert-manager.yaml:7 OCIRepository/cert-manager-chart spec.url (flux-source)',
      '    cert-manager/controllers/base/cert-manager.yaml:21 HelmRelease/cert-manager spec.chartRef (helm-release)',
    ]);
    assert.deepEqual(inventory.unresolved, []);
  });

  it('finds workload images in every Pod spec, multi-document files and Lists, keeping digests; reports what it cannot read', async () => {
    const dir = makeWorkspace(workloadFiles);
    const inventory = await findDeployedComponents(dir);
    assert.deepEqual(lines(inventory), [
      'image | docker.io/library/alpine:3.20 | name=docker.io/library/alpine | version=3.20 | pkg:oci/alpine?repository_url=docker.io%2Flibrary%2Falpine&tag=3.20',
      '    apps/workloads.yaml:42 Pod/debug spec.ephemeralContainers[0].image (container)',
      'image | docker.io/library/busybox | name=docker.io/library/busybox | pkg:oci/busybox?repository_url=docker.io%2Flibrary%2Fbusybox',
      '    apps/workloads.yaml:39 Pod/debug spec.containers[0].image (container)',
      'image | docker.io/library/nginx:1.27 | name=docker.io/library/nginx | version=1.27 | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27',
      '    apps/more.yml:17 DaemonSet/agent spec.template.spec.containers[1].image (container)',
      '    apps/workloads.yaml:14 Deployment/apps/web spec.template.spec.containers[0].image (container)',
      'image | docker.io/library/nginx:1.27.3 | name=docker.io/library/nginx | version=1.27.3 | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27.3',
      '    apps/flux-kustomization.yaml:17 Kustomization/flux-system/web spec.patches[0].patch#spec.template.spec.containers[0].image (container)',
      `image | docker.io/library/postgres:16.4@${d2} | name=docker.io/library/postgres | version=16.4 | digest=sha256:2222222 | pkg:oci/postgres@${d2}?repository_url=docker.io%2Flibrary%2Fpostgres&tag=16.4`,
      '    apps/more.yml:7 StatefulSet/db spec.template.spec.containers[0].image (container)',
      'image | gcr.io/distroless/static:nonroot | name=gcr.io/distroless/static | version=nonroot | pkg:oci/static?repository_url=gcr.io%2Fdistroless%2Fstatic&tag=nonroot',
      '    apps/more.yml:28 Job/listed items[0].spec.template.spec.containers[0].image (container)',
      'image | ghcr.io/example/extra:2.0 | name=ghcr.io/example/extra | version=2.0 | pkg:oci/extra?repository_url=ghcr.io%2Fexample%2Fextra&tag=2.0',
      '    apps/json-patch.yaml:5 [0].value.image (container)',
      `image | ghcr.io/example/migrate:v2@${d1} | name=ghcr.io/example/migrate | version=v2 | digest=sha256:1111111 | pkg:oci/migrate@${d1}?repository_url=ghcr.io%2Fexample%2Fmigrate&tag=v2`,
      '    apps/workloads.yaml:11 Deployment/apps/web spec.template.spec.initContainers[0].image (container)',
      'image | ghcr.io/example/migrate:v3 | name=ghcr.io/example/migrate | version=v3 | pkg:oci/migrate?repository_url=ghcr.io%2Fexample%2Fmigrate&tag=v3',
      '    apps/json-patch.yaml:8 [1].value (json-patch)',
      'image | ghcr.io/example/sidecar:1.0 | name=ghcr.io/example/sidecar | version=1.0 | pkg:oci/sidecar?repository_url=ghcr.io%2Fexample%2Fsidecar&tag=1.0',
      '    apps/workloads.yaml:16 Deployment/apps/web spec.template.spec.containers[1].image (container)',
      'image | registry.example.com:5000/tools/backup:2024.1 | name=registry.example.com:5000/tools/backup | version=2024.1 | pkg:oci/backup?repository_url=registry.example.com:5000%2Ftools%2Fbackup&tag=2024.1',
      '    apps/workloads.yaml:30 CronJob/backup spec.jobTemplate.spec.template.spec.containers[0].image (container)',
    ]);
    const postgres = find(inventory, 'image', `docker.io/library/postgres:16.4@${d2}`);
    assert.deepEqual(
      [postgres.registry, postgres.repository, postgres.tag, postgres.digest],
      ['docker.io', 'library/postgres', '16.4', d2],
    );
    assert.equal(inventory.skipped.length, 1);
    assert.equal(inventory.skipped[0]?.file, 'apps/broken.yaml');
    assert.match(inventory.skipped[0]?.reason ?? '', /^not valid YAML: /);
    assert.deepEqual(
      inventory.unresolved.map((u) => [u.file, u.line, u.path, u.value, u.reason]),
      [
        [
          'apps/more.yml',
          16,
          'spec.template.spec.containers[0].image',
          '${AGENT_IMAGE}',
          'image contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)',
        ],
      ],
    );
  });

  it('resolves HelmRelease and HelmChart charts to their sources, reads values image maps, and records sources', async () => {
    const dir = makeWorkspace(helmFiles);
    const inventory = await findDeployedComponents(dir);
    assert.deepEqual(lines(inventory), [
      'chart | HelmRepository/monitoring/grafana#loki@6.24.0 | name=loki | version=6.24.0 | kind=HelmRepository | ref=HelmRepository/monitoring/grafana | pkg:helm/loki@6.24.0',
      '    flux/releases.yaml:82 HelmRelease/flux-system/loki spec.chart.spec (helm-release)',
      'chart | ghcr.io/example/charts/a:1.0.0 | name=ghcr.io/example/charts/a | version=1.0.0 | kind=OCIRepository | pkg:oci/a?repository_url=ghcr.io%2Fexample%2Fcharts%2Fa&tag=1.0.0',
      '    components/a/chart.yaml:5 OCIRepository/chart spec.url (flux-source)',
      '    components/a/release.yaml:5 HelmRelease/a spec.chartRef (helm-release)',
      'chart | ghcr.io/example/charts/b?semver=>=2.0.0 | name=ghcr.io/example/charts/b | constraint=>=2.0.0 | kind=OCIRepository | pkg:oci/b?repository_url=ghcr.io%2Fexample%2Fcharts%2Fb',
      '    components/b/release.yaml:5 HelmRelease/b spec.chartRef (helm-release)',
      '    components/b/sources/chart.yaml:5 OCIRepository/chart spec.url (flux-source)',
      'chart | ghcr.io/stefanprodan/charts/podinfo:6.7.1_build.5 | name=ghcr.io/stefanprodan/charts/podinfo | version=6.7.1+build.5 | kind=HelmRepository | pkg:oci/podinfo?repository_url=ghcr.io%2Fstefanprodan%2Fcharts%2Fpodinfo&tag=6.7.1_build.5',
      '    flux/releases.yaml:51 HelmRelease/flux-system/podinfo spec.chartRef (helm-release)',
      '    flux/sources.yaml:42 HelmChart/flux-system/podinfo spec (helm-chart)',
      'chart | https://charts.bitnami.com/bitnami#mysql?version=>=11.0.0 <12.0.0 | name=mysql | constraint=>=11.0.0 <12.0.0 | kind=HelmRepository | pkg:helm/mysql?repository_url=https:%2F%2Fcharts.bitnami.com%2Fbitnami',
      '    flux/releases.yaml:42 HelmRelease/flux-system/mysql spec.chart.spec (helm-release)',
      'chart | https://charts.bitnami.com/bitnami#redis@20.6.2 | name=redis | version=20.6.2 | kind=HelmRepository | pkg:helm/redis@20.6.2?repository_url=https:%2F%2Fcharts.bitnami.com%2Fbitnami',
      '    flux/releases.yaml:6 HelmRelease/flux-system/redis spec.chart.spec (helm-release)',
      'chart | https://github.com/Example/Platform.git@v0.9.0#charts/platform | name=charts/platform | version=v0.9.0 | kind=GitRepository | pkg:github/example/platform@v0.9.0#charts/platform',
      '    flux/releases.yaml:58 HelmRelease/flux-system/platform spec.chart.spec (helm-release)',
      'chart | s3://minio.example.com/releases#charts/tools | name=charts/tools | kind=Bucket | no purl',
      '    flux/releases.yaml:67 HelmRelease/flux-system/tools spec.chart.spec (helm-release)',
      `image | docker.io/bitnami/redis-exporter:1.10@${d1} | name=docker.io/bitnami/redis-exporter | version=1.10 | digest=sha256:1111111 | pkg:oci/redis-exporter@${d1}?repository_url=docker.io%2Fbitnami%2Fredis-exporter&tag=1.10`,
      '    flux/releases.yaml:16 HelmRelease/flux-system/redis spec.values.metrics.image (image-map)',
      'image | docker.io/bitnami/redis:7.4.2-debian-12-r0 | name=docker.io/bitnami/redis | version=7.4.2-debian-12-r0 | pkg:oci/redis?repository_url=docker.io%2Fbitnami%2Fredis&tag=7.4.2-debian-12-r0',
      '    flux/releases.yaml:11 HelmRelease/flux-system/redis spec.values.image (image-map)',
      'image | ghcr.io/example/api:v2.0.0 | name=ghcr.io/example/api | version=v2.0.0 | pkg:oci/api?repository_url=ghcr.io%2Fexample%2Fapi&tag=v2.0.0',
      '    flux/releases.yaml:94 Kustomization/flux-system/apps spec.images[0] (images-override)',
      'image | mirror.example.com/bitnami/redis | name=mirror.example.com/bitnami/redis | pkg:oci/redis?repository_url=mirror.example.com%2Fbitnami%2Fredis',
      '    flux/releases.yaml:34 HelmRelease/flux-system/redis spec.postRenderers[0].kustomize.images[0] (images-override)',
      'image | quay.io/prometheus/busybox:latest | name=quay.io/prometheus/busybox | version=latest | pkg:oci/busybox?repository_url=quay.io%2Fprometheus%2Fbusybox&tag=latest',
      '    flux/releases.yaml:21 HelmRelease/flux-system/redis spec.values.sidecar.image (image-field)',
      `source | ghcr.io/example/manifests:latest@${d3} | name=ghcr.io/example/manifests | version=latest | digest=sha256:3333333 | kind=OCIRepository | pkg:oci/manifests@${d3}?repository_url=ghcr.io%2Fexample%2Fmanifests&tag=latest`,
      '    flux/sources.yaml:34 OCIRepository/flux-system/manifests spec.url (flux-source)',
      'source | https://charts.bitnami.com/bitnami | name=https://charts.bitnami.com/bitnami | kind=HelmRepository | no purl',
      '    flux/sources.yaml:5 HelmRepository/flux-system/bitnami spec.url (flux-source)',
      'source | https://github.com/Example/Platform.git@v0.9.0 | name=https://github.com/Example/Platform.git | version=v0.9.0 | kind=GitRepository | pkg:github/example/platform@v0.9.0',
      '    flux/sources.yaml:18 GitRepository/flux-system/platform spec.url (flux-source)',
      'source | oci://ghcr.io/stefanprodan/charts | name=oci://ghcr.io/stefanprodan/charts | kind=HelmRepository | no purl',
      '    flux/sources.yaml:12 HelmRepository/flux-system/podinfo-oci spec.url (flux-source)',
      'source | s3://minio.example.com/releases | name=s3://minio.example.com/releases | kind=Bucket | no purl',
      '    flux/sources.yaml:27 Bucket/flux-system/artifacts spec.bucketName (flux-source)',
    ]);
    assert.deepEqual(
      inventory.unresolved.map((u) => [u.path, u.value, u.reason]),
      [
        [
          'spec.values.kubectl.image',
          'tag 1.31',
          'image map without a repository: it overrides the tag or digest of the image the chart chooses',
        ],
        [
          'spec.values.odd.image',
          'bitnami/os-shell:12:13',
          'image map is not a valid image reference: repository path element "os-shell:12" is invalid: use lowercase letters, digits and single ".", "_", "__" or "-" separators',
        ],
        [
          'spec.values.broken.image',
          'ghcr.io/example/app:${TAG}',
          'image contains a variable (substituted at deploy time, e.g. by Flux post-build substitution)',
        ],
        ['spec.chartRef', 'OCIRepository/missing', 'chartRef names no OCIRepository or HelmChart in the tree'],
      ],
    );
  });

  it('applies kustomize images overrides through overlays, and records those it cannot apply as they stand', async () => {
    const dir = makeWorkspace(kustomizeFiles);
    const inventory = await findDeployedComponents(dir);
    assert.deepEqual(lines(inventory), [
      'chart | ghcr.io/stefanprodan/charts/podinfo:6.7.1 | name=ghcr.io/stefanprodan/charts/podinfo | version=6.7.1 | pkg:oci/podinfo?repository_url=ghcr.io%2Fstefanprodan%2Fcharts%2Fpodinfo&tag=6.7.1',
      '    inflate/kustomization.yaml:10 Kustomization helmCharts[1] (kustomize-helm-chart)',
      'chart | https://itzg.github.io/minecraft-server-charts#minecraft@4.23.2 | name=minecraft | version=4.23.2 | pkg:helm/minecraft@4.23.2?repository_url=https:%2F%2Fitzg.github.io%2Fminecraft-server-charts',
      '    inflate/kustomization.yaml:2 Kustomization helmCharts[0] (kustomize-helm-chart)',
      'image | docker.io/envoyproxy/envoy:v1.31.0 | name=docker.io/envoyproxy/envoy | version=v1.31.0 | pkg:oci/envoy?repository_url=docker.io%2Fenvoyproxy%2Fenvoy&tag=v1.31.0',
      '    staging/sidecar.yaml:9 Deployment/web spec.template.spec.containers[0].image (container)',
      `image | docker.io/envoyproxy/envoy@${d2} | name=docker.io/envoyproxy/envoy | digest=sha256:2222222 | pkg:oci/envoy@${d2}?repository_url=docker.io%2Fenvoyproxy%2Fenvoy`,
      '    staging/kustomization.yaml:16 Kustomization images[1] (kustomize-images, rewrites envoyproxy/envoy:v1.31.0 at staging/sidecar.yaml:9 spec.template.spec.containers[0].image)',
      'image | docker.io/itzg/minecraft-server:java21 | name=docker.io/itzg/minecraft-server | version=java21 | pkg:oci/minecraft-server?repository_url=docker.io%2Fitzg%2Fminecraft-server&tag=java21',
      '    inflate/kustomization.yaml:7 Kustomization helmCharts[0].valuesInline.image (image-map)',
      'image | docker.io/library/nginx:1.27 | name=docker.io/library/nginx | version=1.27 | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27',
      '    base/deploy.yaml:9 Deployment/web spec.template.spec.containers[0].image (container)',
      'image | docker.io/library/nginx:1.27-alpine | name=docker.io/library/nginx | version=1.27-alpine | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27-alpine',
      '    staging/kustomization.yaml:10 Kustomization patches[1].patch#[0].value (json-patch)',
      'image | docker.io/library/nginx:1.28 | name=docker.io/library/nginx | version=1.28 | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.28',
      '    smp/kustomization.yaml:12 Kustomization patchesStrategicMerge[0]#spec.template.spec.containers[0].image (container)',
      'image | docker.io/library/nginx:1.29 | name=docker.io/library/nginx | version=1.29 | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.29',
      '    component/kustomization.yaml:4 Component images[0] (kustomize-images, rewrites nginx:1.27 at base/deploy.yaml:9 spec.template.spec.containers[0].image)',
      'image | docker.io/library/redis:7.2 | name=docker.io/library/redis | version=7.2 | pkg:oci/redis?repository_url=docker.io%2Flibrary%2Fredis&tag=7.2',
      '    remote/local.yaml:5 Pod/cache spec.containers[0].image (container)',
      'image | docker.io/library/redis:7.4 | name=docker.io/library/redis | version=7.4 | pkg:oci/redis?repository_url=docker.io%2Flibrary%2Fredis&tag=7.4',
      '    remote/kustomization.yaml:8 Kustomization images[1] (kustomize-images, rewrites redis:7.2 at remote/local.yaml:5 spec.containers[0].image)',
      'image | ghcr.io/example/app:1.4.0 | name=ghcr.io/example/app | version=1.4.0 | pkg:oci/app?repository_url=ghcr.io%2Fexample%2Fapp&tag=1.4.0',
      '    staging/kustomization.yaml:13 Kustomization images[0] (kustomize-images, rewrites MY_APP at base/deploy.yaml:11 spec.template.spec.containers[1].image)',
      'image | ghcr.io/example/app:1.5.0 | name=ghcr.io/example/app | version=1.5.0 | pkg:oci/app?repository_url=ghcr.io%2Fexample%2Fapp&tag=1.5.0',
      '    production/kustomization.yml:4 Kustomization images[0] (kustomize-images, rewrites ghcr.io/example/app:1.4.0 at staging/kustomization.yaml:13 images[0])',
      'image | ghcr.io/example/server:v3.1.0 | name=ghcr.io/example/server | version=v3.1.0 | pkg:oci/server?repository_url=ghcr.io%2Fexample%2Fserver&tag=v3.1.0',
      '    remote/kustomization.yaml:5 Kustomization images[0] (images-override)',
      'image | mirror.example.com/busybox:1.37 | name=mirror.example.com/busybox | version=1.37 | pkg:oci/busybox?repository_url=mirror.example.com%2Fbusybox&tag=1.37',
      '    orphan/kustomization.yaml:4 Component images[0] (images-override)',
      'image | mirror.example.com/library/nginx:1.27 | name=mirror.example.com/library/nginx | version=1.27 | pkg:oci/nginx?repository_url=mirror.example.com%2Flibrary%2Fnginx&tag=1.27',
      '    smp/kustomization.yaml:14 Kustomization images[0] (kustomize-images, rewrites nginx:1.27 at base/deploy.yaml:9 spec.template.spec.containers[0].image)',
      'image | mirror.example.com/library/nginx:1.28 | name=mirror.example.com/library/nginx | version=1.28 | pkg:oci/nginx?repository_url=mirror.example.com%2Flibrary%2Fnginx&tag=1.28',
      '    smp/kustomization.yaml:14 Kustomization images[0] (kustomize-images, rewrites nginx:1.28 at smp/kustomization.yaml:12 patchesStrategicMerge[0]#spec.template.spec.containers[0].image)',
    ]);
    assert.deepEqual(
      inventory.unresolved.map((u) => [u.file, u.line, u.path, u.value, u.reason]),
      [
        [
          'base/deploy.yaml',
          11,
          'spec.template.spec.containers[1].image',
          'MY_APP',
          'image is not a valid image reference: repository "library/MY_APP" must be lowercase (OCI repository names are lowercase: "library/my_app")',
        ],
        [
          'staging/kustomization.yaml',
          18,
          'images[2]',
          'unused',
          "images entry matches no container image of this kustomization's resources",
        ],
      ],
    );
    const app = find(inventory, 'image', 'ghcr.io/example/app:1.5.0');
    assert.deepEqual(app.foundAt[0]?.appliedTo, {
      image: 'ghcr.io/example/app:1.4.0',
      file: 'staging/kustomization.yaml',
      path: 'images[0]',
      line: 13,
    });
  });

  it('reads exactly the files it is given, and takes a kustomization whose resources are not given as incomplete', async () => {
    const dir = makeWorkspace({
      ...kustomizeFiles,
      'extra/deploy.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: x, image: "ghcr.io/example/extra:1"}]\n',
    });
    const all = await findDeployedComponents(dir);
    assert.ok(all.components.some((c) => c.id === 'ghcr.io/example/extra:1'));
    // Given in any order and with "./": the same result as walking, and nothing else is read.
    const listed = Object.keys(kustomizeFiles)
      .reverse()
      .map((f) => `./${f}`);
    const same = await findDeployedComponents(dir, { files: listed });
    assert.deepEqual(
      lines(same),
      lines(all).filter((l) => !l.includes('extra')),
    );
    assert.deepEqual(same.skipped, []);
    // Without base/deploy.yaml, staging cannot see MY_APP: its override stands as written, marked as such.
    const partial = await findDeployedComponents(dir, {
      files: ['staging/kustomization.yaml', 'staging/sidecar.yaml', 'base/kustomization.yaml', '../outside.yaml', 'notes.md'],
    });
    assert.deepEqual(lines(partial), [
      'image | docker.io/envoyproxy/envoy:v1.31.0 | name=docker.io/envoyproxy/envoy | version=v1.31.0 | pkg:oci/envoy?repository_url=docker.io%2Fenvoyproxy%2Fenvoy&tag=v1.31.0',
      '    staging/sidecar.yaml:9 Deployment/web spec.template.spec.containers[0].image (container)',
      `image | docker.io/envoyproxy/envoy@${d2} | name=docker.io/envoyproxy/envoy | digest=sha256:2222222 | pkg:oci/envoy@${d2}?repository_url=docker.io%2Fenvoyproxy%2Fenvoy`,
      '    staging/kustomization.yaml:16 Kustomization images[1] (kustomize-images, rewrites envoyproxy/envoy:v1.31.0 at staging/sidecar.yaml:9 spec.template.spec.containers[0].image)',
      'image | docker.io/library/nginx:1.27-alpine | name=docker.io/library/nginx | version=1.27-alpine | pkg:oci/nginx?repository_url=docker.io%2Flibrary%2Fnginx&tag=1.27-alpine',
      '    staging/kustomization.yaml:10 Kustomization patches[1].patch#[0].value (json-patch)',
      'image | docker.io/library/unused:9 | name=docker.io/library/unused | version=9 | pkg:oci/unused?repository_url=docker.io%2Flibrary%2Funused&tag=9',
      '    staging/kustomization.yaml:18 Kustomization images[2] (images-override)',
      'image | ghcr.io/example/app:1.4.0 | name=ghcr.io/example/app | version=1.4.0 | pkg:oci/app?repository_url=ghcr.io%2Fexample%2Fapp&tag=1.4.0',
      '    staging/kustomization.yaml:13 Kustomization images[0] (images-override)',
    ]);
    assert.deepEqual(partial.skipped, [{ file: '../outside.yaml', reason: 'outside the directory' }]);
    await assert.rejects(findDeployedComponents(join(dir, 'missing')), /path ".*missing" does not exist/);
  });
});

describe('package URLs', () => {
  it('writes pkg:oci as purl-spec does: last path element as name, digest as version, repository_url and tag qualifiers', () => {
    // purl-spec tests/types/oci-test.json, "build" cases (without the arch qualifier d2ci never knows).
    const hex = '244fd47e07d1004f0aed9c156aa09083c8f1b3a1b8d4c9e5f3e1b2c3d4e5f6a7';
    assert.equal(
      ociPackageUrl({ registry: 'docker.io', repository: 'library/debian', tag: 'latest', digest: `sha256:${hex}` }),
      `pkg:oci/debian@sha256:${hex}?repository_url=docker.io%2Flibrary%2Fdebian&tag=latest`,
    );
    assert.equal(
      ociPackageUrl({ registry: 'gcr.io', repository: 'distroless/static', tag: 'latest', digest: `sha256:${hex}` }),
      `pkg:oci/static@sha256:${hex}?repository_url=gcr.io%2Fdistroless%2Fstatic&tag=latest`,
    );
    assert.equal(ociPackageUrl({ registry: 'localhost:5000', repository: 'app' }), 'pkg:oci/app?repository_url=localhost:5000%2Fapp');
    assert.equal(
      ociPackageUrl({ registry: 'ghcr.io', repository: 'o/r', tag: 'v1.0+build_2' }),
      'pkg:oci/r?repository_url=ghcr.io%2Fo%2Fr&tag=v1.0%2Bbuild_2',
    );
  });

  it('writes pkg:helm for HTTP chart repositories and pkg:github / pkg:git for Git sources', () => {
    assert.equal(
      helmPackageUrl('postgresql', '13.0.0', 'https://charts.bitnami.com/bitnami'),
      'pkg:helm/postgresql@13.0.0?repository_url=https:%2F%2Fcharts.bitnami.com%2Fbitnami',
    );
    assert.equal(helmPackageUrl('app', '1.0.0+meta'), 'pkg:helm/app@1.0.0%2Bmeta');
    assert.equal(gitPackageUrl('https://github.com/FluxCD/Flux2.git', 'v2.4.0'), 'pkg:github/fluxcd/flux2@v2.4.0');
    assert.equal(gitPackageUrl('ssh://git@github.com/org/repo', 'abc123', './charts/app/'), 'pkg:github/org/repo@abc123#charts/app');
    assert.equal(gitPackageUrl('https://codeberg.org/forgejo/forgejo.git', 'a72d2c07'), 'pkg:git/codeberg.org/forgejo/forgejo@a72d2c07');
    assert.equal(gitPackageUrl('https://gitlab.example.com:8443/group/sub/project'), 'pkg:git/gitlab.example.com:8443/group/sub/project');
    assert.equal(gitPackageUrl('not a url'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const subject = {
  repository: 'ghcr.io/example/fleet/apps',
  digest: subjectDigest,
  tag: 'latest',
  source: 'https://github.com/example/fleet',
  revision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
};

async function trees(): Promise<[string, DeployedInventory][]> {
  return [
    ['workflows-examples/d2-apps', await findDeployedComponents(examples)],
    ['D2 apps fixture', await findDeployedComponents(appsFixture)],
    ['D2 infra fixture', await findDeployedComponents(infraFixture)],
    ['workloads', await findDeployedComponents(makeWorkspace(workloadFiles))],
    ['helm', await findDeployedComponents(makeWorkspace(helmFiles))],
    ['kustomize', await findDeployedComponents(makeWorkspace(kustomizeFiles))],
    ['empty', await findDeployedComponents(makeWorkspace({ 'README.md': '# nothing\n' }))],
  ];
}

describe('SBOM documents', () => {
  it('validate against the official CycloneDX 1.6 and SPDX 2.3 JSON schemas for every tree', async () => {
    for (const [label, inventory] of await trees()) {
      const cdx = cycloneDxDocument(inventory, subject, { timestamp: fixed, toolVersion: '0.1.0' });
      assertValid(validate.cyclonedx, cdx, `CycloneDX of ${label}`);
      assert.equal(cdx.components.length, inventory.components.length, label);
      const refs = [cdx.metadata.component['bom-ref'], ...cdx.components.map((c) => c['bom-ref'])];
      assert.equal(new Set(refs).size, refs.length, `${label}: bom-refs are unique`);
      const spdx = spdxDocument(inventory, subject, { timestamp: fixed, toolVersion: '0.1.0' });
      assertValid(validate.spdx, spdx, `SPDX of ${label}`);
      assertSpdxRules(spdx);
      assert.equal(spdx.packages.length, inventory.components.length + 1, label);
    }
  });

  it('are checked for real: the validators reject broken documents', async () => {
    const inventory = await findDeployedComponents(makeWorkspace(helmFiles));
    const cdx = cycloneDxDocument(inventory, subject, { timestamp: fixed });
    const spdx = spdxDocument(inventory, subject, { timestamp: fixed });
    const broken = <T>(doc: T, change: (copy: T) => void): T => {
      const copy = structuredClone(doc);
      change(copy);
      return copy;
    };
    assert.equal(validate.cyclonedx(broken(cdx, (d) => (d.serialNumber = 'urn:uuid:not-a-uuid'))), false);
    assert.equal(validate.cyclonedx(broken(cdx, (d) => ((d.components[0] as { type: string }).type = 'chart'))), false);
    assert.equal(validate.cyclonedx(broken(cdx, (d) => (d.metadata.timestamp = 'yesterday'))), false);
    assert.equal(
      validate.cyclonedx(broken(cdx, (d) => ((d.components[0] as { hashes?: unknown }).hashes = [{ alg: 'SHA-256', content: 'xyz' }]))),
      false,
    );
    // Why d2ci writes no oci:// external references: CycloneDX's validator formats reject unregistered schemes.
    assert.equal(
      validate.cyclonedx(broken(cdx, (d) => (d.components[0]!.externalReferences = [{ type: 'distribution', url: 'oci://ghcr.io/x/y' }]))),
      false,
    );
    assert.equal(validate.spdx(broken(spdx, (d) => delete (d as Partial<SpdxDocument>).dataLicense)), false);
    assert.equal(
      validate.spdx(broken(spdx, (d) => ((d.relationships[1] as { relationshipType: string }).relationshipType = 'USES'))),
      false,
    );
    assert.equal(
      validate.spdx(broken(spdx, (d) => ((d.packages[1] as { primaryPackagePurpose: string }).primaryPackagePurpose = 'CHART'))),
      false,
    );
    assert.throws(() => assertSpdxRules(broken(spdx, (d) => (d.packages[1]!.SPDXID = 'SPDXRef-has space'))), /SPDX identifier grammar/);
  });

  it('are deterministic: same content, same bytes, whatever the directory; only the timestamp follows the clock', async () => {
    const a = await findDeployedComponents(makeWorkspace(helmFiles));
    const b = await findDeployedComponents(makeWorkspace(helmFiles));
    assert.equal(
      JSON.stringify(cycloneDxDocument(a, subject, { timestamp: fixed })),
      JSON.stringify(cycloneDxDocument(b, subject, { timestamp: fixed })),
    );
    assert.equal(
      JSON.stringify(spdxDocument(a, subject, { timestamp: fixed })),
      JSON.stringify(spdxDocument(b, subject, { timestamp: fixed })),
    );

    const early = cycloneDxDocument(a, subject, { timestamp: new Date('2024-06-01T12:00:00.789Z') });
    const late = cycloneDxDocument(a, subject, { timestamp: fixed });
    assert.equal(early.metadata.timestamp, '2024-06-01T12:00:00Z');
    assert.equal(late.metadata.timestamp, fixed);
    assert.equal(early.serialNumber, late.serialNumber, 'the serial number does not depend on the time');
    assert.match(early.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const spdxEarly = spdxDocument(a, subject, { timestamp: '2024-06-01T12:00:00Z' });
    const spdxLate = spdxDocument(a, subject, { timestamp: fixed });
    assert.equal(spdxEarly.documentNamespace, spdxLate.documentNamespace);
    assert.notEqual(spdxEarly.creationInfo.created, spdxLate.creationInfo.created);

    // Any change of content changes the identifiers.
    const fewer: DeployedInventory = { ...a, components: a.components.slice(1) };
    assert.notEqual(cycloneDxDocument(fewer, subject, { timestamp: fixed }).serialNumber, late.serialNumber);
    assert.notEqual(spdxDocument(fewer, subject, { timestamp: fixed }).documentNamespace, spdxLate.documentNamespace);
    assert.notEqual(
      cycloneDxDocument(a, { ...subject, digest: `sha256:${'b'.repeat(64)}` }, { timestamp: fixed }).serialNumber,
      late.serialNumber,
    );
    // Components given out of order come out sorted.
    const shuffled: DeployedInventory = { ...a, components: [...a.components].reverse() };
    assert.equal(JSON.stringify(cycloneDxDocument(shuffled, subject, { timestamp: fixed })), JSON.stringify(late));

    const now = Date.now();
    const current = Date.parse(cycloneDxDocument(a, subject).metadata.timestamp);
    assert.ok(Math.abs(current - now) < 5_000, 'the timestamp defaults to now');
  });

  it('CycloneDX: the artifact as metadata.component, containers, charts and sources with purls, hashes and where found', async () => {
    const inventory = await findDeployedComponents(makeWorkspace(helmFiles));
    const cdx: CycloneDxDocument = cycloneDxDocument(inventory, subject, { timestamp: fixed, toolVersion: '1.2.3' });
    assert.equal(cdx.bomFormat, 'CycloneDX');
    assert.equal(cdx.specVersion, '1.6');
    assert.equal(cdx.version, 1);
    assert.deepEqual(cdx.metadata.tools, { components: [{ type: 'application', name: 'd2ci', version: '1.2.3' }] });
    assert.deepEqual(cdx.metadata.component, {
      type: 'data',
      'bom-ref': `artifact:ghcr.io/example/fleet/apps:latest@${subjectDigest}`,
      name: 'ghcr.io/example/fleet/apps',
      version: subjectDigest,
      hashes: [{ alg: 'SHA-256', content: 'a'.repeat(64) }],
      purl: `pkg:oci/apps@${subjectDigest}?repository_url=ghcr.io%2Fexample%2Ffleet%2Fapps&tag=latest`,
      externalReferences: [{ type: 'vcs', url: 'https://github.com/example/fleet' }],
      properties: [
        { name: 'd2ci:tag', value: 'latest' },
        { name: 'org.opencontainers.image.revision', value: subject.revision },
        { name: 'org.opencontainers.image.source', value: 'https://github.com/example/fleet' },
      ],
    });
    const byRef = new Map(cdx.components.map((c) => [c['bom-ref'], c]));
    assert.deepEqual(byRef.get(`image:docker.io/bitnami/redis-exporter:1.10@${d1}`), {
      type: 'container',
      'bom-ref': `image:docker.io/bitnami/redis-exporter:1.10@${d1}`,
      name: 'docker.io/bitnami/redis-exporter',
      version: '1.10',
      hashes: [{ alg: 'SHA-256', content: '1'.repeat(64) }],
      purl: `pkg:oci/redis-exporter@${d1}?repository_url=docker.io%2Fbitnami%2Fredis-exporter&tag=1.10`,
      properties: [
        { name: 'd2ci:found-at', value: 'flux/releases.yaml:16 HelmRelease/flux-system/redis spec.values.metrics.image (image-map)' },
      ],
    });
    assert.deepEqual(byRef.get('chart:https://charts.bitnami.com/bitnami#mysql?version=>=11.0.0 <12.0.0'), {
      type: 'application',
      'bom-ref': 'chart:https://charts.bitnami.com/bitnami#mysql?version=>=11.0.0 <12.0.0',
      name: 'mysql',
      purl: 'pkg:helm/mysql?repository_url=https:%2F%2Fcharts.bitnami.com%2Fbitnami',
      externalReferences: [{ type: 'distribution', url: 'https://charts.bitnami.com/bitnami' }],
      properties: [
        { name: 'd2ci:chart', value: 'mysql' },
        { name: 'd2ci:found-at', value: 'flux/releases.yaml:42 HelmRelease/flux-system/mysql spec.chart.spec (helm-release)' },
        { name: 'd2ci:source-kind', value: 'HelmRepository' },
        { name: 'd2ci:version-constraint', value: '>=11.0.0 <12.0.0' },
      ],
    });
    const podinfo = byRef.get('chart:ghcr.io/stefanprodan/charts/podinfo:6.7.1_build.5');
    assert.equal(podinfo?.type, 'application');
    assert.equal(podinfo.version, '6.7.1+build.5');
    assert.equal(podinfo.purl, 'pkg:oci/podinfo?repository_url=ghcr.io%2Fstefanprodan%2Fcharts%2Fpodinfo&tag=6.7.1_build.5');
    assert.equal(podinfo.externalReferences, undefined, 'no oci:// external reference');
    const manifests = byRef.get(`source:ghcr.io/example/manifests:latest@${d3}`);
    assert.equal(manifests?.type, 'data');
    assert.deepEqual(manifests.hashes, [{ alg: 'SHA-256', content: '3'.repeat(64) }]);
    assert.deepEqual(byRef.get('source:https://github.com/Example/Platform.git@v0.9.0')?.externalReferences, [
      { type: 'vcs', url: 'https://github.com/Example/Platform.git' },
    ]);
    assert.deepEqual(
      cdx.components.map((c) => c.type),
      inventory.components.map((c) => ({ image: 'container', chart: 'application', source: 'data' })[c.type]),
    );
    assert.deepEqual(cdx.dependencies, [{ ref: cdx.metadata.component['bom-ref'], dependsOn: cdx.components.map((c) => c['bom-ref']) }]);
    // A kustomize override's provenance reads as one property line.
    const kustomized = cycloneDxDocument(await findDeployedComponents(makeWorkspace(kustomizeFiles)), subject, { timestamp: fixed });
    assert.deepEqual(kustomized.components.find((c) => c.name === 'minecraft')?.externalReferences, [
      { type: 'distribution', url: 'https://itzg.github.io/minecraft-server-charts' },
    ]);
    assert.deepEqual(kustomized.components.find((c) => c.name === 'ghcr.io/example/app' && c.version === '1.5.0')?.properties, [
      {
        name: 'd2ci:found-at',
        value:
          'production/kustomization.yml:4 Kustomization images[0] (kustomize-images, rewrites ghcr.io/example/app:1.4.0 at staging/kustomization.yaml:13 images[0])',
      },
    ]);
  });

  it('SPDX: the document DESCRIBES the artifact, which DEPENDS_ON each package, with purls, checksums and VCS locations', async () => {
    const inventory = await findDeployedComponents(makeWorkspace(helmFiles));
    const spdx: SpdxDocument = spdxDocument(inventory, subject, {
      timestamp: fixed,
      toolVersion: '1.2.3',
      namespaceBase: 'https://sbom.example.com/d2ci/',
    });
    assert.equal(spdx.spdxVersion, 'SPDX-2.3');
    assert.equal(spdx.dataLicense, 'CC0-1.0');
    assert.equal(spdx.SPDXID, 'SPDXRef-DOCUMENT');
    assert.equal(spdx.name, `ghcr.io/example/fleet/apps:latest@${subjectDigest}`);
    assert.match(
      spdx.documentNamespace,
      /^https:\/\/sbom\.example\.com\/d2ci\/ghcr\.io-example-fleet-apps-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.deepEqual(spdx.creationInfo, { created: fixed, creators: ['Tool: d2ci-1.2.3'] });
    assert.deepEqual(spdx.packages[0], {
      SPDXID: 'SPDXRef-Artifact',
      name: 'ghcr.io/example/fleet/apps',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'ARCHIVE',
      versionInfo: subjectDigest,
      checksums: [{ algorithm: 'SHA256', checksumValue: 'a'.repeat(64) }],
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: `pkg:oci/apps@${subjectDigest}?repository_url=ghcr.io%2Fexample%2Ffleet%2Fapps&tag=latest`,
        },
      ],
      comment: `tag: latest\nsource: https://github.com/example/fleet\nrevision: ${subject.revision}`,
    });
    const packages = spdx.packages.slice(1);
    assert.deepEqual(spdx.relationships, [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Artifact' },
      ...packages.map((p) => ({ spdxElementId: 'SPDXRef-Artifact', relationshipType: 'DEPENDS_ON', relatedSpdxElement: p.SPDXID })),
    ]);
    const exporter = packages.find((p) => p.name === 'docker.io/bitnami/redis-exporter');
    assert.deepEqual(exporter, {
      SPDXID: exporter?.SPDXID,
      name: 'docker.io/bitnami/redis-exporter',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'CONTAINER',
      versionInfo: '1.10',
      checksums: [{ algorithm: 'SHA256', checksumValue: '1'.repeat(64) }],
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: `pkg:oci/redis-exporter@${d1}?repository_url=docker.io%2Fbitnami%2Fredis-exporter&tag=1.10`,
        },
      ],
      comment: 'found at flux/releases.yaml:16 HelmRelease/flux-system/redis spec.values.metrics.image (image-map)',
    });
    assert.match(exporter?.SPDXID ?? '', /^SPDXRef-image-docker\.io-bitnami-redis-exporter-[0-9a-f]{12}$/);
    const platform = packages.find((p) => p.name === 'charts/platform');
    assert.equal(platform?.primaryPackagePurpose, 'APPLICATION');
    assert.equal(platform.downloadLocation, 'git+https://github.com/Example/Platform.git@v0.9.0#charts/platform');
    assert.deepEqual(platform.externalRefs, [
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:github/example/platform@v0.9.0#charts/platform',
      },
    ]);
    assert.equal(packages.find((p) => p.name === 'https://github.com/Example/Platform.git')?.primaryPackagePurpose, 'SOURCE');
    assert.equal(packages.find((p) => p.name === 'ghcr.io/example/manifests')?.primaryPackagePurpose, 'ARCHIVE');
    const bucket = packages.find((p) => p.name === 's3://minio.example.com/releases');
    assert.equal(bucket?.primaryPackagePurpose, 'OTHER');
    assert.equal(bucket.externalRefs, undefined, 'no purl for a bucket');
    assert.equal(
      packages.find((p) => p.name === 'mysql')?.comment,
      'version constraint: >=11.0.0 <12.0.0\nlocation: https://charts.bitnami.com/bitnami\nfound at flux/releases.yaml:42 HelmRelease/flux-system/mysql spec.chart.spec (helm-release)',
    );
  });

  it('describe an artifact known by tag only, by a reference with oci://, or by nothing else; refuse a bad subject or time', async () => {
    const inventory = await findDeployedComponents(examples);
    const byTag = cycloneDxDocument(inventory, { repository: 'oci://ghcr.io/example/fleet/apps:v1.2.0' }, { timestamp: fixed });
    assertValid(validate.cyclonedx, byTag, 'CycloneDX by tag');
    assert.equal(byTag.metadata.component.version, 'v1.2.0');
    assert.equal(byTag.metadata.component.hashes, undefined);
    assert.equal(byTag.metadata.component.purl, 'pkg:oci/apps?repository_url=ghcr.io%2Fexample%2Ffleet%2Fapps&tag=v1.2.0');
    const bare = spdxDocument(inventory, { repository: 'ghcr.io/example/fleet/apps' }, { timestamp: fixed });
    assertValid(validate.spdx, bare, 'SPDX without tag or digest');
    assert.equal(bare.packages[0]?.versionInfo, undefined);
    assert.equal(bare.name, 'ghcr.io/example/fleet/apps');
    assert.match(bare.documentNamespace, /^https:\/\/spdx\.org\/spdxdocs\/d2ci\/ghcr\.io-example-fleet-apps-/);
    assert.deepEqual(bare.creationInfo.creators, ['Tool: d2ci']);
    assert.throws(
      () => cycloneDxDocument(inventory, { repository: 'ghcr.io/Example/Apps' }),
      (err: Error) => err instanceof SbomError && /^SBOM subject: invalid reference "ghcr.io\/Example\/Apps"/.test(err.message),
    );
    assert.throws(
      () => spdxDocument(inventory, { repository: 'ghcr.io/example/apps', digest: 'sha256:abc' }),
      (err: Error) => err instanceof SbomError && /^SBOM subject: invalid digest "sha256:abc"/.test(err.message),
    );
    assert.throws(
      () => cycloneDxDocument(inventory, subject, { timestamp: 'not a date' }),
      (err: Error) => err instanceof SbomError && err.message === 'SBOM timestamp "not a date" is not a valid date',
    );
  });
});

describe('detectDocumentType', () => {
  it('recognises SPDX, CycloneDX and OpenVEX JSON by content, as objects, text or bytes', async () => {
    const inventory = await findDeployedComponents(examples);
    const cdx = cycloneDxDocument(inventory, subject, { timestamp: fixed });
    const spdx = spdxDocument(inventory, subject, { timestamp: fixed });
    assert.deepEqual(detectDocumentType(cdx), { format: 'cyclonedx', mediaType: 'application/vnd.cyclonedx+json', version: '1.6' });
    assert.deepEqual(detectDocumentType(JSON.stringify(spdx)), { format: 'spdx', mediaType: 'application/spdx+json', version: '2.3' });
    assert.deepEqual(detectDocumentType(Buffer.from(`\uFEFF${JSON.stringify({ bomFormat: 'CycloneDX' })}\n`)), {
      format: 'cyclonedx',
      mediaType: 'application/vnd.cyclonedx+json',
    });
    const vex = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://openvex.dev/docs/example/vex-9fb3463de1b5',
      author: 'Example',
      timestamp: fixed,
      version: 1,
      statements: [],
    };
    assert.deepEqual(detectDocumentType(vex), { format: 'openvex', mediaType: 'application/openvex+json', version: '0.2.0' });
    assert.deepEqual(detectDocumentType({ '@context': ['https://openvex.dev/ns'] }), {
      format: 'openvex',
      mediaType: 'application/openvex+json',
    });
    assert.deepEqual(documentMediaTypes, {
      spdx: 'application/spdx+json',
      cyclonedx: 'application/vnd.cyclonedx+json',
      openvex: 'application/openvex+json',
    });
  });

  it('says clearly what it was given otherwise', () => {
    const fails = (input: unknown, message: RegExp): void => {
      assert.throws(
        () => detectDocumentType(input),
        (err: Error) => err instanceof SbomError && message.test(err.message),
        String(message),
      );
    };
    fails('<bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>', /^the document is XML; give SPDX, CycloneDX or OpenVEX as JSON$/);
    fails('{"spdxVersion": ', /^the document is not JSON \(.+\); give an SPDX, CycloneDX or OpenVEX JSON document$/);
    fails([], /^the document is a JSON array; expected an SPDX, CycloneDX or OpenVEX JSON object$/);
    fails('null', /^the document is JSON null;/);
    fails(42, /^the document is JSON number;/);
    fails(
      { '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] },
      /^the document is SPDX 3 \(JSON-LD\), which is not supported/,
    );
    fails(
      { bomFormat: 'SWID', specVersion: '1.0' },
      /^the document is not SPDX, CycloneDX or OpenVEX JSON: expected "spdxVersion", "bomFormat": "CycloneDX" or an OpenVEX "@context" \(https:\/\/openvex\.dev\/ns\/…\); its keys are "bomFormat", "specVersion"$/,
    );
    fails({ '@context': 'https://openvex.dev.evil/ns' }, /its keys are "@context"$/);
    fails({ spdxVersion: 2.3 }, /its keys are "spdxVersion"$/);
  });
});

import type { WalkOptions } from '../artifact/walk.ts';

// The inventory findDeployedComponents (inventory.ts) returns: each image, chart and source a tree deploys, with
// every place it was found, and what could not be read.

/** `image`: a container image; `chart`: a Helm chart; `source`: a Flux source that is not a chart (Git, bucket, OCI, Helm repository). */
export type DeployedComponentType = 'image' | 'chart' | 'source';

/**
 * How a reference was found:
 * - `container`: `image` of an item of `containers`, `initContainers` or `ephemeralContainers` (any Pod spec);
 * - `image-field`: any other `image` string, such as one in HelmRelease values;
 * - `image-map`: an `image: {registry, repository, tag, digest}` map as Helm charts take them;
 * - `json-patch`: the value of a JSON 6902 patch operation on a path ending in `/image`;
 * - `kustomize-images`: a kustomize `images` entry applied to an image of that kustomization's resources
 *   (`appliedTo` tells which);
 * - `images-override`: an `images` entry recorded as it stands because it could not be applied: a Flux
 *   Kustomization's or a HelmRelease post-renderer's, or a kustomization's whose resources are not all local;
 * - `flux-source`: a Flux source object (OCIRepository, HelmRepository, GitRepository, Bucket);
 * - `helm-release`, `helm-chart`: a HelmRelease's chart (`spec.chart` or `spec.chartRef`), a HelmChart object;
 * - `kustomize-helm-chart`: an entry of a kustomization's `helmCharts`.
 */
export type FoundVia =
  | 'container'
  | 'image-field'
  | 'image-map'
  | 'json-patch'
  | 'kustomize-images'
  | 'images-override'
  | 'flux-source'
  | 'helm-release'
  | 'helm-chart'
  | 'kustomize-helm-chart';

/** One place a reference was found. */
export interface FoundAt {
  /** Path relative to the directory, with `/`. */
  file: string;
  /** Index of the YAML document in the file, from 0. */
  document: number;
  /** `kind` and `metadata.name` of the object (for a `List`, of the item). */
  kind?: string;
  name?: string;
  namespace?: string;
  /** Field path in the object, e.g. `spec.template.spec.containers[0].image`; `#` enters an inline patch. */
  path: string;
  /** 1-based line in the file. */
  line: number;
  via: FoundVia;
  /** For `kustomize-images`: the image as written before the override, and where that was found. */
  appliedTo?: { image: string; file: string; path: string; line: number };
}

/** An image, chart or source the manifests reference, with every place it was found. */
export interface DeployedComponent {
  type: DeployedComponentType;
  /**
   * Identity, unique per type: `registry/repository[:tag][@digest]` for OCI content (`?semver=` added for a
   * semver range), `url#chart@version` for a chart of an HTTP repository, the URL (and ref) for other sources.
   */
  id: string;
  /** `registry/repository` for OCI content, the chart name for other charts, the URL for other sources. */
  name: string;
  /** An exact version: the tag, the chart version (or an exact semver), the Git reference. */
  version?: string;
  /** A version range (Flux `semver`, a HelmRelease chart version range), when one chooses the version. */
  versionConstraint?: string;
  /** The pinned digest (`@sha256:…`, `ref.digest`, kustomize `digest`). */
  digest?: string;
  /** For content in an OCI registry: canonical registry (Docker Hub as `docker.io`), repository and tag. */
  registry?: string;
  repository?: string;
  tag?: string;
  /** Chart repository or source URL (`oci://…`, `https://…`, `ssh://…`, `s3://endpoint/bucket`). */
  url?: string;
  /** For a chart: its name, or its path in a Git repository or bucket. */
  chart?: string;
  /** The Flux source kind it comes from, when known. */
  sourceKind?: 'OCIRepository' | 'HelmRepository' | 'GitRepository' | 'Bucket';
  /** For a chart whose source is not in the tree: the source reference as written, `Kind/[namespace/]name`. */
  sourceRef?: string;
  /** Package URL (see `ociPackageUrl`, `helmPackageUrl`, `gitPackageUrl`); none for buckets and Helm repositories. */
  purl?: string;
  foundAt: FoundAt[];
}

/** Something that looks like a reference but could not be read as one (a variable, a template, a missing source). */
export interface UnresolvedReference {
  file: string;
  document: number;
  kind?: string;
  name?: string;
  path: string;
  line: number;
  value: string;
  reason: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface DeployedInventory {
  /** Sorted by type, then id (byte-wise). */
  components: DeployedComponent[];
  /** Files that could not be read or parsed, sorted. */
  skipped: SkippedFile[];
  /** Sorted by file, line, path. */
  unresolved: UnresolvedReference[];
}

export interface FindDeployedComponentsOptions extends WalkOptions {
  /**
   * Exactly these files, relative to the directory (e.g. what the artifact packs). Files other than `*.yaml`,
   * `*.yml` and `Kustomization` are ignored. Without it, the directory is walked as the artifact is (same ignores).
   */
  files?: readonly string[];
}

import type { Location } from '../oci/open.ts';
import type { RegistryClient } from '../oci/registry.ts';
import type { Target } from '../oci/target.ts';
import type { Component, ComponentOutcome } from '../artifact/components.ts';
import type { DiffArtifactResult } from '../artifact/diff.ts';
import type { AttachedDocument } from '../documents/attach.ts';
import type { ArtifactMetadata } from '../artifact/manifest.ts';
import type { PushArtifactResult } from '../artifact/push.ts';
import type { WalkOptions } from '../artifact/walk.ts';
import type { NotationSigner } from '../notation/signer.ts';
import type { SignatureFormat, SignResult } from '../sign/sign.ts';
import type { SigningIdentity } from '../sign/signer.ts';

// What a push asks for, once for both front doors (the push-artifact action and `d2ci push`): each parses its
// inputs or flags into one of these requests and renders the result in its own words.

/** How each artifact is signed after its manifest is stored and before any tag moves. */
export type SigningPlan =
  | {
      kind: 'cosign';
      identity: SigningIdentity;
      format: SignatureFormat;
      /** Signature annotations (cosign `sign -a key=value`), signed into every artifact's signature. */
      claims?: Record<string, string>;
    }
  | {
      kind: 'notation';
      /** Awaited only after the user's documents are read, so a front door may start loading it early. */
      signer: NotationSigner | Promise<NotationSigner>;
    };

export type SbomFormat = 'cyclonedx' | 'spdx';

/** Documents attached to each artifact as referrers, after it is signed and before its tags move. */
export interface DocumentsPlan {
  /** Generate an SBOM of what each artifact's tree deploys (images, charts, sources). */
  sbom?: SbomFormat;
  /** Also sign each document as an in-toto attestation, with the artifact's Sigstore signer (cosign signing only). */
  attest?: boolean;
}

/** For one artifact, the user's own documents too: an SPDX, CycloneDX or OpenVEX file describes one artifact. */
export interface ArtifactDocumentsPlan extends DocumentsPlan {
  files?: readonly string[];
}

/** What every artifact of a push shares. */
export interface PublishOptions extends WalkOptions, ArtifactMetadata {
  /** Tags to point at each artifact. Default: `diffTag`, else `latest`. */
  tags?: readonly string[];
  /** Push only when the content differs from the artifact at this tag (the push goes to it too). */
  diffTag?: string;
  /** Protected tags (latest-stable, an existing release version) the push may move (see artifact/tag-guard.ts). */
  force?: readonly string[];
  /** Where layer tarballs are staged (default: the OS temp dir). */
  tempDir?: string;
  signing?: SigningPlan;
}

export interface PublishRequest extends PublishOptions {
  /** Directory (or file) to pack. */
  path: string;
  target: Target;
  documents?: ArtifactDocumentsPlan;
}

/** Component directories a glob matches under `root`, each pushed to `<base>/<name>` with one client. */
export interface ComponentsSelection {
  root: string;
  /** E.g. `components/*`. */
  pattern: string;
  base: Location;
  client: RegistryClient;
  /** Components handled at once. */
  concurrency?: number;
}

export interface PublishComponentsRequest extends PublishOptions {
  components: ComponentsSelection;
  documents?: DocumentsPlan;
  onEvent?: (event: PublishEvent) => void;
}

export interface PlanComponentsRequest extends WalkOptions {
  components: ComponentsSelection;
  /** Compare with this tag (default `latest`). */
  diffTag?: string;
  onEvent?: (event: PublishEvent) => void;
}

/** Progress a front door may print as it happens; core never prints. */
export type PublishEvent = { type: 'components-found'; components: readonly Component[] };

export interface PublishResult extends PushArtifactResult {
  /** What signed the artifact (undefined when unsigned, or unchanged and so not signed again). */
  signature?: SignResult;
  attached: AttachedDocument[];
}

export interface PublishComponentsResult {
  components: Component[];
  /** One per component, in the components' order; a failure stops none of the others. */
  outcomes: ComponentOutcome<PublishResult>[];
}

export interface PlanComponentsResult {
  components: Component[];
  /** The tag compared with. */
  reference: string;
  outcomes: ComponentOutcome<DiffArtifactResult>[];
}

import type { Descriptor } from '../oci/descriptor.ts';
import type { Target } from '../oci/target.ts';
import { signEachBeforeTagging, type SignResult } from '../sign/sign.ts';
import { signNotationBeforeTagging } from '../notation/before-tag.ts';
import { createBundleSigner, type BundleSigner } from '../sign/signer.ts';
import type { SigningPlan } from './request.ts';

/** Signing for one artifact or many, whichever format: a step per artifact (keyed by name) and what it signed. */
export interface Signatures {
  step(target: Target, key: string): (descriptor: Descriptor) => Promise<void>;
  result(key: string): SignResult | undefined;
  /** The Sigstore signer, shared with attestations so one certificate covers everything. */
  bundleSigner?: BundleSigner;
  /** Starts what costs nothing if unused (keyless: the OIDC token), before the push knows it will sign. */
  warm?: () => void;
  /** Starts what signing needs from the network (keyless: the OIDC token and Fulcio certificate) ahead of time. */
  prepare?: () => void;
  /** Starts the registry writes of `key`'s signature that need no signature (legacy: the .sig read, its blobs). */
  prepareFor?: (key: string, descriptor: Descriptor) => void;
}

/**
 * One signer for every artifact of a push: one OIDC token and one Fulcio certificate (cosign), or one loaded
 * Notation key or plugin. Each step signs before the tags move (sign/sign.ts), so a failure moves no tag.
 */
export async function prepareSigning(plan: SigningPlan | undefined): Promise<Signatures | undefined> {
  if (!plan) return undefined;
  if (plan.kind === 'notation') {
    const signer = await plan.signer;
    const steps = new Map<string, ReturnType<typeof signNotationBeforeTagging>>();
    return {
      step: (target, key) => {
        const step = signNotationBeforeTagging(target, signer);
        steps.set(key, step);
        return step.beforeTag;
      },
      result: (key) => steps.get(key)?.result(),
    };
  }
  const bundleSigner = await createBundleSigner(plan.identity);
  const each = await signEachBeforeTagging({
    identity: plan.identity,
    format: plan.format,
    signer: bundleSigner,
    ...(plan.claims ? { claims: plan.claims } : {}),
  });
  return {
    step: each.beforeTag,
    result: each.result,
    bundleSigner,
    warm: () => bundleSigner.warm(),
    prepare: () => bundleSigner.prepare(),
    prepareFor: each.prepare,
  };
}

//go:build d2ci_sc18

// The cosign branch of verifySignature as in source-controller v1.8.5 (Flux 2.8, cosign library v3.0.6):
// internal/controller/ocirepository_controller.go (*OCIRepositoryReconciler).verifySignature, case "cosign", and
// internal/oci/cosign/cosign.go (*CosignVerifierFactory).NewCosignVerifier / (*CosignVerifier).Verify
// (cosign.GetBundles; bundles → VerifyImageAttestations, none or an error → VerifyImageSignatures).
// Unlike v1.9 there is no WithInsecure: GetBundles parses each referrer's reference without name.Insecure, so on a
// plain-HTTP registry that go-containerregistry does not treat as local it asks over HTTPS, finds no bundle and
// falls back to the legacy .sig. Keyless needs the public-good TUF root (cosign.TrustedRoot()), which a private
// Sigstore cannot give without a TUF mirror: the interop suite asks v1.8 about key signatures only.
// See flux_verify_test.go for inputs and output. Built by build.sh with -tags d2ci_sc18 for v1.8.x.

package d2ciinterop

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/sigstore/cosign/v3/pkg/cosign"

	soci "github.com/fluxcd/source-controller/internal/oci"
	scosign "github.com/fluxcd/source-controller/internal/oci/cosign"
)

// v1.8 has no spec.verify.trustedRootSecretRef.
const supportsTrustedRoot = false

// One factory per process, as main.go creates one for the whole manager.
var cosignVerifierFactory = scosign.NewCosignVerifierFactory()

// verifyRef: v1.8.5 reconcileSource passes the reference from getArtifactRef (the tag when spec.ref.tag is used).
func verifyRef(ref name.Reference, _ string) name.Reference { return ref }

func verifyCosign(ctxTimeout context.Context, in *input, ref name.Reference, _ *http.Transport,
	opt ...remote.Option) (soci.VerificationResult, error) {
	defaultCosignOciOpts := []scosign.Options{
		scosign.WithRemoteOptions(opt...),
	}

	// get the public keys from the given secret
	if in.keys != nil {
		signatureVerified := soci.VerificationResultFailed
		for k, data := range in.keys {
			// search for public keys in the secret
			if strings.HasSuffix(k, ".pub") {
				verifier, err := cosignVerifierFactory.NewCosignVerifier(ctxTimeout, append(defaultCosignOciOpts, scosign.WithPublicKey(data))...)
				if err != nil {
					return soci.VerificationResultFailed, err
				}

				result, err := verifier.Verify(ctxTimeout, ref)
				if err != nil || result == soci.VerificationResultFailed {
					// The controller drops this error; log it so a caller can see why.
					logger.Info("key did not verify", "key", k, "result", string(result), "error", fmt.Sprint(err))
					continue
				}

				if result == soci.VerificationResultSuccess {
					signatureVerified = result
					break
				}
			}
		}

		if signatureVerified == soci.VerificationResultFailed {
			return soci.VerificationResultFailed, fmt.Errorf("no matching signatures were found for '%s'", ref)
		}

		return soci.VerificationResultSuccess, nil
	}

	// if no secret is provided, try keyless verification
	logger.Info("no secret reference is provided, trying to verify the image using keyless method")

	var identities []cosign.Identity
	for _, match := range in.identities {
		identities = append(identities, cosign.Identity{
			IssuerRegExp:  match.Issuer,
			SubjectRegExp: match.Subject,
		})
	}
	defaultCosignOciOpts = append(defaultCosignOciOpts, scosign.WithIdentities(identities))

	verifier, err := cosignVerifierFactory.NewCosignVerifier(ctxTimeout, defaultCosignOciOpts...)
	if err != nil {
		return soci.VerificationResultFailed, err
	}

	result, err := verifier.Verify(ctxTimeout, ref)
	if err != nil {
		return soci.VerificationResultFailed, err
	}

	if result == soci.VerificationResultFailed {
		return soci.VerificationResultFailed, fmt.Errorf("no matching signatures were found for '%s'", ref)
	}

	return soci.VerificationResultSuccess, nil
}

// Package d2ciinterop runs Flux source-controller's own signature verifiers (internal/oci/cosign and
// internal/oci/notation) against one artifact, wired exactly as OCIRepositoryReconciler.verifySignature wires them.
//
// This file is NOT compiled inside d2ci. test/interop/flux/build.sh copies a source-controller module downloaded
// from the Go module proxy into a temporary folder, places this file (and the one version-specific file, see below)
// in a new directory internal/d2ciinterop/ of that copy (so the module's internal packages may be imported) and
// builds a test binary once: $D2CI_INTEROP_CACHE/bin/flux-verifier-<version>.
//
// Files:
//   - flux_verify_test.go (this file): inputs, registry reference and transport (as reconcileSource builds them),
//     notation (identical in v1.7.0, v1.8.5 and v1.9.1), verdict output.
//   - flux_verify_cosign_sc17_test.go (no tag): cosign as in source-controller v1.7.0
//     (cosign v2 library, package function NewCosignVerifier, verifies the reference as given).
//   - flux_verify_cosign_sc18_test.go (build tag d2ci_sc18): cosign as in source-controller v1.8.5
//     (cosign v3 library, CosignVerifierFactory without insecure or trusted-root options; key mode only here).
//   - flux_untar_test.go: the controller's layer extraction (tar.Untar), when D2CI_FLUX_UNTAR names a layer.
//   - flux_verify_cosign_sc19_test.go (build tag d2ci_sc19): cosign as in source-controller v1.9.1
//     (cosign v3 library, CosignVerifierFactory, WithInsecure, WithTLSConfig, WithTrustedRoot, verifies the
//     digest reference).
//
// Inputs (environment variables; the spec field each one stands for in brackets):
//
//	D2CI_FLUX_REF           required. HOST[:PORT]/REPO@sha256:HEX, HOST[:PORT]/REPO:TAG or HOST[:PORT]/REPO
//	                        (= :latest); an "oci://" prefix is accepted. [spec.url + spec.ref.digest|tag]
//	D2CI_FLUX_PROVIDER      "cosign" (default) or "notation". [spec.verify.provider]
//	D2CI_FLUX_KEYS          cosign only: comma-separated public key files. Each file becomes one Secret entry
//	                        named after its base name; like the controller, only entries whose name ends in
//	                        ".pub" are tried, in Go map order, first success wins. Set (non-empty) = key mode;
//	                        unset/empty = keyless. [spec.verify.secretRef]
//	D2CI_FLUX_IDENTITIES    cosign keyless: JSON list [{"subject":"RE2","issuer":"RE2"}, ...].
//	                        [spec.verify.matchOIDCIdentity]
//	D2CI_FLUX_TRUSTED_ROOT  cosign, v1.9 only: trusted_root.json file. [spec.verify.trustedRootSecretRef]
//	                        v1.7's CRD has no such field (the API server prunes it): ignored there with a warning.
//	D2CI_FLUX_NOTATION_DIR  notation: a folder laid out like the Secret (one file per key): trustpolicy.json plus
//	                        certificates named *.crt or *.pem. [spec.verify.secretRef]
//	D2CI_FLUX_INSECURE      "true" = spec.insecure (plain HTTP for notation, name.Insecure for cosign, no TLS
//	                        verification). Loopback/RFC1918/localhost registries already use HTTP in
//	                        go-containerregistry without it, but notation (oras-go) does not. [spec.insecure]
//	D2CI_FLUX_TIMEOUT       Go duration, default 60s. [spec.timeout]
//
// Keyless cosign with a private Sigstore on v1.7 reads SIGSTORE_ROOT_FILE, SIGSTORE_REKOR_PUBLIC_KEY and
// SIGSTORE_CT_LOG_PUBLIC_KEY_FILE from the process environment, exactly like the controller: pass them through.
// The registry is accessed anonymously (no spec.secretRef / serviceAccountName / provider).
//
// Output: exactly one line on stdout,
//
//	D2CI-FLUX-VERDICT {"verified":true|false,"result":"verified|unverified|ignored","error":"..."}
//
// and exit status 0 whatever the verdict ("error" is what the controller would put in the SourceVerified
// condition; "ignored" is notation's verificationLevel audit/permissive outcome, which the controller lets through
// without marking the source verified). Exit status 2 = harness error (bad input), message on stderr. Everything
// the libraries log goes to stderr.
//
// Run: flux-verifier-v1.7.0 -test.run TestFluxVerify   (the run flag is optional: TestMain does the work).
package d2ciinterop

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fluxcd/pkg/oci"
	"github.com/go-logr/logr"
	"github.com/go-logr/logr/funcr"
	gcrv1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/notaryproject/notation-go/verifier/trustpolicy"

	soci "github.com/fluxcd/source-controller/internal/oci"
	"github.com/fluxcd/source-controller/internal/oci/notation"
)

// input mirrors the parts of the OCIRepository spec the verification reads.
type input struct {
	url         string            // spec.url without oci://
	tag         string            // spec.ref.tag
	digest      string            // spec.ref.digest
	provider    string            // spec.verify.provider
	keys        map[string][]byte // secretRef data (cosign), nil = no secretRef
	identities  []identityMatch   // spec.verify.matchOIDCIdentity
	trustedRoot []byte            // trustedRootSecretRef data["trusted_root.json"], nil = none
	notation    map[string][]byte // secretRef data (notation)
	insecure    bool              // spec.insecure
	timeout     time.Duration     // spec.timeout
}

type identityMatch struct {
	Subject string `json:"subject"`
	Issuer  string `json:"issuer"`
}

type harnessError struct{ error }

func harnessErrorf(format string, a ...any) error { return harnessError{fmt.Errorf(format, a...)} }

var logger = funcr.New(func(prefix, args string) {
	fmt.Fprintln(os.Stderr, "flux-verifier:", prefix, args)
}, funcr.Options{})

// TestMain does the whole job so that the test framework prints nothing on stdout ("PASS").
func TestMain(m *testing.M) {
	flag.Parse()
	realStdout := os.Stdout
	// Anything a library prints goes to stderr; stdout carries the verdict line only.
	os.Stdout = os.Stderr

	if layer := os.Getenv("D2CI_FLUX_UNTAR"); layer != "" {
		untarMain(layer, realStdout)
		return
	}
	verified, result, verr, herr := run()
	if herr != nil {
		fmt.Fprintln(os.Stderr, "flux-verifier: harness error:", herr)
		os.Exit(2)
	}
	out := struct {
		Verified bool   `json:"verified"`
		Result   string `json:"result"`
		Error    string `json:"error"`
	}{Verified: verified, Result: string(result)}
	if verr != nil {
		out.Error = verr.Error()
	}
	line, _ := json.Marshal(out)
	fmt.Fprintf(realStdout, "D2CI-FLUX-VERDICT %s\n", line)
	os.Exit(0)
}

// TestFluxVerify exists so that "-test.run TestFluxVerify" selects something; TestMain never calls m.Run.
func TestFluxVerify(t *testing.T) {}

func run() (bool, soci.VerificationResult, error, error) {
	in, err := readInput()
	if err != nil {
		return false, soci.VerificationResultFailed, nil, err
	}
	if in.trustedRoot != nil && !supportsTrustedRoot {
		logger.Info("warning: D2CI_FLUX_TRUSTED_ROOT ignored: this source-controller has no verify.trustedRootSecretRef")
		in.trustedRoot = nil
	}
	ctx := logr.NewContext(context.Background(), logger)

	// reconcileSource: keychain (no secretRef/serviceAccountName: soci.Anonymous{}), no OIDC authenticator,
	// transport(), makeRemoteOptions(ctx, ...), getArtifactRef(), getRevision().
	keychain := authn.Keychain(soci.Anonymous{})
	var authenticator authn.Authenticator
	transport := newTransport(in)
	opts := makeRemoteOptions(ctx, transport, keychain, authenticator)

	ref, err := getArtifactRef(in)
	if err != nil {
		return false, soci.VerificationResultFailed, nil, err
	}
	revision, err := getRevision(ref, opts)
	if err != nil {
		// The controller stops here (FetchFailed) and never verifies.
		return false, soci.VerificationResultFailed, fmt.Errorf("failed to determine artifact digest: %w", err), nil
	}
	logger.Info("resolved", "ref", ref.String(), "revision", revision)

	result, err := verifySignature(ctx, in, verifyRef(ref, revision), keychain, authenticator, transport, opts...)
	if err != nil {
		provider := in.provider
		if in.keys == nil && in.provider == "cosign" {
			provider = fmt.Sprintf("%s keyless", provider)
		}
		return false, soci.VerificationResultFailed,
			fmt.Errorf("failed to verify the signature using provider '%s': %w", provider, err), nil
	}
	return result == soci.VerificationResultSuccess, result, nil, nil
}

func readInput() (*input, error) {
	in := &input{provider: "cosign", timeout: 60 * time.Second}
	raw := strings.TrimPrefix(strings.TrimSpace(os.Getenv("D2CI_FLUX_REF")), "oci://")
	if raw == "" {
		return nil, harnessErrorf("D2CI_FLUX_REF is required")
	}
	if i := strings.Index(raw, "@"); i >= 0 {
		in.url, in.digest = raw[:i], raw[i+1:]
	} else if i := strings.LastIndex(raw, ":"); i > strings.LastIndex(raw, "/") {
		in.url, in.tag = raw[:i], raw[i+1:]
	} else {
		in.url = raw
	}
	if p := os.Getenv("D2CI_FLUX_PROVIDER"); p != "" {
		in.provider = p
	}
	if in.provider != "cosign" && in.provider != "notation" {
		return nil, harnessErrorf("D2CI_FLUX_PROVIDER must be cosign or notation, not %q", in.provider)
	}
	if v := os.Getenv("D2CI_FLUX_INSECURE"); v != "" {
		in.insecure = v == "true" || v == "1"
	}
	if v := os.Getenv("D2CI_FLUX_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return nil, harnessErrorf("D2CI_FLUX_TIMEOUT: %w", err)
		}
		in.timeout = d
	}
	if v := strings.TrimSpace(os.Getenv("D2CI_FLUX_KEYS")); v != "" {
		in.keys = map[string][]byte{}
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f == "" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, harnessErrorf("D2CI_FLUX_KEYS: %w", err)
			}
			in.keys[filepath.Base(f)] = data
		}
	}
	if v := strings.TrimSpace(os.Getenv("D2CI_FLUX_IDENTITIES")); v != "" {
		if err := json.Unmarshal([]byte(v), &in.identities); err != nil {
			return nil, harnessErrorf("D2CI_FLUX_IDENTITIES must be a JSON list of {subject, issuer}: %w", err)
		}
	}
	if f := os.Getenv("D2CI_FLUX_TRUSTED_ROOT"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, harnessErrorf("D2CI_FLUX_TRUSTED_ROOT: %w", err)
		}
		in.trustedRoot = data
	}
	if d := os.Getenv("D2CI_FLUX_NOTATION_DIR"); d != "" {
		entries, err := os.ReadDir(d)
		if err != nil {
			return nil, harnessErrorf("D2CI_FLUX_NOTATION_DIR: %w", err)
		}
		in.notation = map[string][]byte{}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, err := os.ReadFile(filepath.Join(d, e.Name()))
			if err != nil {
				return nil, harnessErrorf("D2CI_FLUX_NOTATION_DIR: %w", err)
			}
			in.notation[e.Name()] = data
		}
	}
	if in.provider == "notation" && in.notation == nil {
		return nil, harnessErrorf("provider notation needs D2CI_FLUX_NOTATION_DIR")
	}
	return in, nil
}

// newTransport ports OCIRepositoryReconciler.transport + getTLSConfig (no certSecretRef, no proxy): identical in
// v1.7.0 and v1.9.1.
func newTransport(in *input) *http.Transport {
	transport := remote.DefaultTransport.(*http.Transport).Clone()
	if in.insecure {
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return transport
}

// makeRemoteOptions ports the controller's makeRemoteOptions (identical in v1.7.0 and v1.9.1).
func makeRemoteOptions(ctx context.Context, transport http.RoundTripper,
	keychain authn.Keychain, auth authn.Authenticator) []remote.Option {
	authOption := remote.WithAuthFromKeychain(keychain)
	if auth != nil {
		authOption = remote.WithAuth(auth)
	}
	return []remote.Option{
		remote.WithContext(ctx),
		remote.WithUserAgent(oci.UserAgent),
		remote.WithTransport(transport),
		authOption,
	}
}

// getArtifactRef ports parseRepository + getArtifactRef (digest wins over tag; default tag "latest").
func getArtifactRef(in *input) (name.Reference, error) {
	var options []name.Option
	if in.insecure {
		options = append(options, name.Insecure)
	}
	repo, err := name.NewRepository(in.url, options...)
	if err != nil {
		return nil, harnessErrorf("URL validation failed for 'oci://%s': %w", in.url, err)
	}
	if in.digest != "" {
		return repo.Digest(in.digest), nil
	}
	if in.tag != "" {
		return repo.Tag(in.tag), nil
	}
	return repo.Tag(name.DefaultTag), nil
}

// getRevision ports OCIRepositoryReconciler.getRevision (identical in v1.7.0 and v1.9.1).
func getRevision(ref name.Reference, options []remote.Option) (string, error) {
	switch ref := ref.(type) {
	case name.Digest:
		digest, err := gcrv1.NewHash(ref.DigestStr())
		if err != nil {
			return "", err
		}
		return digest.String(), nil
	case name.Tag:
		var digest gcrv1.Hash
		desc, err := remote.Head(ref, options...)
		if err == nil {
			digest = desc.Digest
		} else {
			rdesc, err := remote.Get(ref, options...)
			if err != nil {
				return "", err
			}
			digest = rdesc.Descriptor.Digest
		}
		return fmt.Sprintf("%s@%s", ref.TagStr(), digest.String()), nil
	default:
		return "", fmt.Errorf("unsupported reference type: %T", ref)
	}
}

// digestFromRevision ports OCIRepositoryReconciler.digestFromRevision (used by v1.9's verifyRef).
func digestFromRevision(revision string) string {
	parts := strings.Split(revision, "@")
	return parts[len(parts)-1]
}

// verifySignature ports OCIRepositoryReconciler.verifySignature; the cosign branch is version-specific.
func verifySignature(ctx context.Context, in *input, ref name.Reference, keychain authn.Keychain,
	auth authn.Authenticator, transport *http.Transport, opt ...remote.Option) (soci.VerificationResult, error) {
	ctxTimeout, cancel := context.WithTimeout(ctx, in.timeout)
	defer cancel()

	switch in.provider {
	case "cosign":
		return verifyCosign(ctxTimeout, in, ref, transport, opt...)
	case "notation":
		return verifyNotation(ctxTimeout, in, ref, keychain, auth, transport, opt...)
	default:
		return soci.VerificationResultFailed, fmt.Errorf("unsupported verification provider: %s", in.provider)
	}
}

// verifyNotation ports the "notation" case of verifySignature (identical in v1.7.0 and v1.9.1).
func verifyNotation(ctxTimeout context.Context, in *input, ref name.Reference, keychain authn.Keychain,
	auth authn.Authenticator, transport *http.Transport, opt ...remote.Option) (soci.VerificationResult, error) {
	const secretName = "d2ci/notation-config"
	data, ok := in.notation[notation.DefaultTrustPolicyKey]
	if !ok {
		return soci.VerificationResultFailed, fmt.Errorf("'%s' not found in secret '%s'", notation.DefaultTrustPolicyKey, secretName)
	}

	var doc trustpolicy.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return soci.VerificationResultFailed, fmt.Errorf("error occurred while parsing %s: %w", notation.DefaultTrustPolicyKey, err)
	}

	var certs [][]byte
	for k, data := range in.notation {
		if strings.HasSuffix(k, ".crt") || strings.HasSuffix(k, ".pem") {
			certs = append(certs, data)
		}
	}
	if certs == nil {
		return soci.VerificationResultFailed, fmt.Errorf("no certificates found in secret '%s'", secretName)
	}

	trustPolicy := notation.CleanTrustPolicy(&doc, logger)
	defaultNotationOciOpts := []notation.Options{
		notation.WithTrustPolicy(trustPolicy),
		notation.WithRemoteOptions(opt...),
		notation.WithAuth(auth),
		notation.WithKeychain(keychain),
		notation.WithInsecureRegistry(in.insecure),
		notation.WithLogger(logger),
		notation.WithRootCertificates(certs),
		notation.WithTransport(transport),
	}

	verifier, err := notation.NewNotationVerifier(defaultNotationOciOpts...)
	if err != nil {
		return soci.VerificationResultFailed, err
	}

	result, err := verifier.Verify(ctxTimeout, ref)
	if err != nil {
		return result, err
	}
	if result == soci.VerificationResultFailed {
		return soci.VerificationResultFailed, fmt.Errorf("no matching signatures were found for '%s'", ref)
	}
	return result, nil
}

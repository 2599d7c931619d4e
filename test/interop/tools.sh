#!/usr/bin/env bash
# Installs the consumers the interoperability suite runs, at exact versions, from the Go module proxy, into a cache
# outside the clone (D2CI_INTEROP_CACHE, default ~/.cache/d2ci-interop): a second run finds every binary and costs
# seconds. Nothing here is committed or vendored; upstream source stays in the Go module cache.
# Each binary is named for its version (bin/cosign-v2.5.2) so several versions of one tool live side by side.
set -euo pipefail

cache="${D2CI_INTEROP_CACHE:-$HOME/.cache/d2ci-interop}"
mkdir -p "$cache/bin" "$cache/gopath" "$cache/gocache"
export GOPATH="$cache/gopath" GOCACHE="$cache/gocache" GOFLAGS="-buildvcs=false -trimpath" CGO_ENABLED=0
export GOMODCACHE="$GOPATH/pkg/mod"

# name version module/cmd/path — the versions the issue and consumers.md name: the cosign libraries inside Flux 2.7
# (v2.5.2) and 2.9 (v3.0.6), the newest v2 and v3 served, notation 1.3.2 (inside every Flux 2.6-2.9), oras 1.3,
# crane, the distribution v3 registry (no referrers API), olareg (a registry with the OCI referrers API), and
# Sigstore's Rekor v2 (rekor-tiles, on its POSIX storage) and timestamp authority, the services cosign v3 signs with.
tools=(
  "cosign v2.5.2 github.com/sigstore/cosign/v2/cmd/cosign"
  "cosign v2.6.5 github.com/sigstore/cosign/v2/cmd/cosign"
  "cosign v3.0.6 github.com/sigstore/cosign/v3/cmd/cosign"
  "cosign v3.1.3 github.com/sigstore/cosign/v3/cmd/cosign"
  "notation v1.3.2 github.com/notaryproject/notation/cmd/notation"
  "oras v1.3.6 oras.land/oras/cmd/oras"
  "crane v0.21.6 github.com/google/go-containerregistry/cmd/crane"
  "registry v3.1.1 github.com/distribution/distribution/v3/cmd/registry"
  "olareg v0.1.2 github.com/olareg/olareg/cmd/olareg"
  "rekor-tiles v2.3.0 github.com/sigstore/rekor-tiles/v2/cmd/rekor-server/posix"
  "timestamp-authority v2.1.3 github.com/sigstore/timestamp-authority/v2/cmd/timestamp-server"
)

only="${1:-}"
for entry in "${tools[@]}"; do
  read -r name version pkg <<<"$entry"
  [ -z "$only" ] || [ "$only" = "$name" ] || [ "$only" = "$name-$version" ] || continue
  target="$cache/bin/$name-$version"
  if [ -x "$target" ]; then continue; fi
  echo "interop tools: building $name $version" >&2
  start=$SECONDS
  tmp="$cache/build-$name-$version"
  rm -rf "$tmp" && mkdir -p "$tmp"
  if ! GOBIN="$tmp" go install "$pkg@$version"; then
    # `go install pkg@version` asks the proxy for the module's version list (for deprecation notices); where the
    # proxy refuses the list but serves the version (notation), build the downloaded module as the main module.
    module="$(echo "$pkg" | sed -E 's#/cmd/.*$##')"
    dir="$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -n "$dir" ] || { echo "interop tools: $module@$version is not served" >&2; exit 1; }
    cp -r "$dir" "$tmp/src" && chmod -R u+w "$tmp/src"
    (cd "$tmp/src" && go build -o "$tmp/$(basename "$pkg")" "./${pkg#"$module"/}")
  fi
  mv "$tmp/$(basename "$pkg")" "$target"
  rm -rf "$tmp"
  echo "interop tools: $name $version built in $((SECONDS - start)) s" >&2
done

# The flux CLI, for what d2ci's CLI mirrors (`flux build artifact --path=-`). Built as the main module: its go.mod has
# replace directives, so `go install` refuses it, and cmd/flux embeds manifests/*.yaml, which flux2's Makefile
# generates and the module zip lacks; a placeholder stands in for them (`flux install` of this binary would be
# wrong; build, push and pull artifact never read them).
flux_version=v2.9.5
if [ -z "$only" ] || [ "$only" = flux ] || [ "$only" = "flux-$flux_version" ]; then
  target="$cache/bin/flux-$flux_version"
  if [ ! -x "$target" ]; then
    echo "interop tools: building flux $flux_version" >&2
    start=$SECONDS
    tmp="$cache/build-flux-$flux_version"
    rm -rf "$tmp" && mkdir -p "$tmp"
    dir="$(go mod download -json "github.com/fluxcd/flux2/v2@$flux_version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -n "$dir" ] || { echo "interop tools: github.com/fluxcd/flux2/v2@$flux_version is not served" >&2; exit 1; }
    cp -r "$dir" "$tmp/src" && chmod -R u+w "$tmp/src"
    mkdir -p "$tmp/src/cmd/flux/manifests"
    echo "# placeholder for the generated install manifests" >"$tmp/src/cmd/flux/manifests/placeholder.yaml"
    (cd "$tmp/src" && go build -o "$tmp/flux" ./cmd/flux)
    mv "$tmp/flux" "$target"
    rm -rf "$tmp"
    echo "interop tools: flux $flux_version built in $((SECONDS - start)) s" >&2
  fi
fi

# The module sources the Flux verifier harness copies (source-controller's verifiers are internal packages).
for sc in v1.7.0 v1.8.5 v1.9.1; do
  GOFLAGS=-mod=mod go mod download -json "github.com/fluxcd/source-controller@$sc" >"$cache/source-controller-$sc.json"
done
echo "$cache"

#!/usr/bin/env bash
# Builds the Flux source-controller verifier harness for one source-controller version:
#   test/interop/flux/build.sh v1.7.0|v1.8.5|v1.9.1
# Downloads github.com/fluxcd/source-controller@VERSION from the Go module proxy (nothing of upstream is committed),
# copies it to a temporary folder, makes it writable, drops our _test.go files into internal/d2ciinterop/ and compiles
# a test binary once: $cache/bin/flux-verifier-VERSION. A second run is skipped when the binary's key file matches a
# hash of our Go files, the version and the Go version. Prints the binary's path on stdout, timings on stderr.
# Same cache layout and Go environment as test/interop/tools.sh.
set -euo pipefail

version="${1:?usage: build.sh VERSION (e.g. v1.7.0 or v1.9.1)}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${D2CI_INTEROP_CACHE:-$HOME/.cache/d2ci-interop}"
mkdir -p "$cache/bin" "$cache/gopath" "$cache/gocache"
export GOPATH="$cache/gopath" GOCACHE="$cache/gocache" GOFLAGS="-buildvcs=false -trimpath" CGO_ENABLED=0
export GOMODCACHE="$GOPATH/pkg/mod"
# If a module ever needs a newer Go than the machine's, the only allowed way is: export GOTOOLCHAIN=go1.27.3

# v1.7.x: cosign v2 library, package-level NewCosignVerifier. v1.8.x: cosign v3, CosignVerifierFactory without
# options for insecure registries or a trusted root. v1.9.x: the factory with WithInsecure/WithTLSConfig/
# WithTrustedRoot and digestRef.
case "$version" in
  v1.7.*) tags="" ;;
  v1.8.*) tags="d2ci_sc18" ;;
  v1.9.*) tags="d2ci_sc19" ;;
  *) echo "build.sh: unsupported source-controller version $version (v1.7.x, v1.8.x or v1.9.x)" >&2; exit 2 ;;
esac
files=(flux_verify_test.go flux_untar_test.go flux_verify_cosign_sc17_test.go flux_verify_cosign_sc18_test.go flux_verify_cosign_sc19_test.go)

target="$cache/bin/flux-verifier-$version"
key="$( (cd "$here" && cat "${files[@]}"; echo "$version $tags"; go env GOVERSION) | sha256sum | cut -d' ' -f1)"
if [ -x "$target" ] && [ -f "$target.key" ] && [ "$(cat "$target.key")" = "$key" ]; then
  echo "flux-verifier: $target is up to date" >&2
  echo "$target"
  exit 0
fi

start=$SECONDS
info="$cache/source-controller-$version.json"
if ! dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/fluxcd/source-controller@$version" | tee "$info.tmp" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')" || [ -z "$dir" ]; then
  cat "$info.tmp" >&2
  exit 1
fi
mv "$info.tmp" "$info"
# go.mod says "replace github.com/fluxcd/source-controller/api => ./api", but ./api is a module of its own and so
# is not in the module zip: download github.com/fluxcd/source-controller/api at the same version (what go.mod
# requires) and put it there.
api="$(GOFLAGS=-mod=mod go mod download -json "github.com/fluxcd/source-controller/api@$version" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -n "$api" ] || { echo "build.sh: cannot download github.com/fluxcd/source-controller/api@$version" >&2; exit 1; }
echo "flux-verifier: module $version at $dir, api at $api ($((SECONDS - start)) s)" >&2

tmp="$(mktemp -d "${TMPDIR:-/tmp}/d2ci-flux-$version.XXXXXX")"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -R "$dir" "$tmp/src"
rm -rf "$tmp/src/api"
cp -R "$api" "$tmp/src/api"
chmod -R u+w "$tmp/src"
mkdir "$tmp/src/internal/d2ciinterop"
cp "${files[@]/#/$here/}" "$tmp/src/internal/d2ciinterop/"

build_start=$SECONDS
(cd "$tmp/src" && go test -c -vet=off ${tags:+-tags "$tags"} -o "$target.new" ./internal/d2ciinterop/)
mv "$target.new" "$target"
echo "$key" >"$target.key"
echo "flux-verifier: built $target in $((SECONDS - build_start)) s (total $((SECONDS - start)) s)" >&2
echo "$target"

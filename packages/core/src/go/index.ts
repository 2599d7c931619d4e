// Ports of the Go behaviour d2ci must reproduce exactly, because a Go program (Flux, cosign, notation) reads the
// same input: strconv, string order and unicode classes, RE2 regular expressions, Masterminds semver, go-yaml's
// scalar rules and text/template. They import nothing from the rest of core but its error base.
export * from './strconv.ts';
export * from './strings.ts';
export * from './regexp.ts';
export * from './semver.ts';
export * from './yaml.ts';
export * from './template/index.ts';

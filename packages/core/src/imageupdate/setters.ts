// Flux image-automation-controller's Setters strategy (internal/update UpdateWithSetters, internal/policy
// ApplyPolicies): the same files are scanned, the same markers recognised and the same values written, but each
// change is spliced into the original text instead of re-emitting the file through kyaml, so quotes, comments,
// blank lines, indentation, CRLF and document markers stay byte-for-byte.
import type { Dirent } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type ParsedNode, type YAMLMap } from 'yaml';
import { BaseError } from '../errors.ts';
import { analyzeScalar, doubleQuoted, needsQuoting, resolvesAsNonString, singleQuoted, type ScalarAnalysis } from '../go/yaml.ts';
import { objectKey, type Change, type ObjectChanges, type ObjectIdentifier, type UpdateResult } from './result.ts';

/** An ImagePolicy in scope, with its `status.latestRef`. */
export interface SetterPolicy {
  namespace: string;
  name: string;
  latestRef: { name: string; tag: string; digest?: string };
}

export interface SettersOptions {
  /** Scan root: the checkout joined with `spec.update.path` (a directory or a single file). */
  root: string;
  policies: readonly SetterPolicy[];
  /** Default `in-place`. `{ outDir }` writes only the changed files under it (as upstream's tests do); `false` writes nothing. */
  write?: 'in-place' | { outDir: string } | false;
}

export interface SettersOutcome {
  result: UpdateResult;
  /** Changed files, `path` relative to the scan root with `/`. */
  files: { path: string; before: string; after: string }[];
  /** Files with the marker token that could not be read as Kubernetes YAML; skipped, as upstream's ProblemFiles. */
  problems: { path: string; message: string }[];
  /** Well-formed markers whose setter is not defined (policy not in scope, or an unknown suffix); 1-based line of the marker. */
  unresolved: { path: string; line: number; setter: string }[];
}

/**
 * What stopped the update: a policy's image that is not a valid reference, a walk or read that failed, a symlink
 * loop, a missing or unknown update strategy, an update path that cannot be joined safely.
 */
export type SettersErrorCode =
  'INVALID_IMAGE_REF' | 'WALK_FAILED' | 'READ_FAILED' | 'SYMLINK_LOOP' | 'NO_STRATEGY' | 'UNSUPPORTED_STRATEGY' | 'SECURE_JOIN_FAILED';

/** Every setters failure stops the update of `update-path`, and is reported against it. */
export class SettersError extends BaseError<SettersErrorCode> {
  constructor(code: SettersErrorCode, message: string) {
    super(code, message, { field: 'update-path' });
    this.name = 'SettersError';
  }
}

/** Upstream only parses files whose bytes contain this, quotes included (`fmt.Sprintf("%q", "$imagepolicy")`). */
export const markerToken = '"$imagepolicy"';
const markerTokenBytes = Buffer.from(markerToken);
const shortHandRef = '$imagepolicy';

// ---------------------------------------------------------------------------------------------------------------
// Setter values

const tagChars = /^[a-zA-Z0-9_.-]{1,128}$/;
const repositoryChars = /^[a-z0-9_./-]{1,255}$/;

/**
 * go-containerregistry `name.ParseReference(s, name.WeakValidation)` succeeds: a tag reference or a sha256 digest
 * reference, with Docker Hub and `latest` implied.
 */
function isWeakReference(image: string): boolean {
  return isWeakTag(image) || isWeakDigest(image);
}

/** `name.NewTag`: an optional `:tag` (a last part with "/" is a registry port), then a repository. */
function isWeakTag(name: string): boolean {
  const parts = name.split(':');
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1 && !last.includes('/')) return tagChars.test(last) && isWeakRepository(parts.slice(0, -1).join(':'));
  return isWeakRepository(name);
}

/** `name.NewDigest`: exactly one `@`, a sha256 digest, and a tag or repository before it. */
function isWeakDigest(name: string): boolean {
  const parts = name.split('@');
  return parts.length === 2 && /^sha256:[a-f0-9]{64}$/.test(parts[1] ?? '') && isWeakTag(parts[0] ?? '');
}

/** `name.NewRepository`: an optional registry (first part with `.` or `:`, or `localhost`), then lowercase path characters. */
function isWeakRepository(name: string): boolean {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry = first === 'localhost' || /[.:]/.test(first);
  return repositoryChars.test(hasRegistry ? name.slice(slash + 1) : name) && validAuthority(hasRegistry ? first : '');
}

/** Go `url.Parse("//" + name).Host == name`, for the characters a registry can hold. */
function validAuthority(host: string): boolean {
  if (host === '') return true;
  if (/[@/?#%\s]/.test(host)) return false;
  const bracketed = /^\[[^\]]*\](.*)$/.exec(host);
  const port = bracketed ? (bracketed[1] ?? '') : host.includes(':') ? host.slice(host.lastIndexOf(':')) : '';
  if (port !== '' && !/^:[0-9]*$/.test(port)) return false;
  const hostname = bracketed ? '' : host.slice(0, host.length - port.length);
  // Go rejects ASCII that would need escaping in a host; non-ASCII passes.
  return !/[^A-Za-z0-9\-._~!$&'()*+,;=\u0080-\uffff]/.test(hostname);
}

/** The setter definitions upstream builds: `<ns>:<name>`, `:tag`, `:name` and `:digest` for each policy. */
function setterValues(policies: readonly SetterPolicy[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const policy of policies) {
    const { name, tag, digest } = policy.latestRef;
    const image = `${name}:${tag}${digest ? `@${digest}` : ''}`;
    if (!isWeakReference(image))
      throw new SettersError(
        'INVALID_IMAGE_REF',
        `encountered invalid image ref ${JSON.stringify(image)}: could not parse reference: ${image}`,
      );
    const setter = `${policy.namespace}:${policy.name}`;
    values.set(setter, image);
    values.set(`${setter}:tag`, tag);
    values.set(`${setter}:name`, name);
    values.set(`${setter}:digest`, digest ?? '');
  }
  return values;
}

/**
 * The new source text for a scalar. Existing quotes are kept (single falls back to double where yaml.v3 would);
 * a plain scalar is double-quoted when the value would not read back as a string (kyaml FormatNonStringStyle, then
 * the encoder's own check), and otherwise written plain, or quoted where plain text cannot hold it.
 */
function renderScalar(node: Scalar.Parsed, value: string, inFlow: boolean, text: string): string {
  const analysis = analyzeScalar(value);
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return doubleQuoted(value);
    case Scalar.QUOTE_SINGLE:
      return analysis.singleQuoted && !analysis.lineBreaks ? singleQuoted(value) : doubleQuoted(value);
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return renderBlockScalar(node, value, analysis, text);
    default:
      if (needsQuoting(value) || resolvesAsNonString(value) || analysis.lineBreaks) return doubleQuoted(value);
      if (inFlow ? analysis.flowPlain : analysis.blockPlain) return value;
      return analysis.singleQuoted ? singleQuoted(value) : doubleQuoted(value);
  }
}

/** A block scalar keeps its indicator (`|-`/`>-`, as yaml.v3 writes a value without a final newline), header comment and indentation. */
function renderBlockScalar(node: Scalar.Parsed, value: string, analysis: ScalarAnalysis, text: string): string {
  const [start, end] = node.range;
  const source = text.slice(start, end);
  const headerEnd = source.indexOf('\n');
  const header = stripCR(headerEnd < 0 ? source : source.slice(0, headerEnd));
  const eol = source[headerEnd - 1] === '\r' ? '\r\n' : '\n';
  const [, indicator = '|', tail = ''] = /^([|>])[-+0-9]*(.*)$/.exec(header) ?? [];
  const body = headerEnd < 0 ? '' : source.slice(headerEnd + 1);
  // The content ends with the last non-blank line; blank lines after it stay as they are.
  const last = /[^ \t\r\n][^\n]*(\n|$)(?![\s\S]*[^ \t\r\n])/.exec(body);
  const contentEnd = last ? last.index + last[0].length : 0;
  const lastBreak = last ? (last[1] === '' ? '' : last[0].endsWith('\r\n') ? '\r\n' : '\n') : eol;
  const trailing = last ? body.slice(contentEnd) : body.replace(/^\r?\n/, '');
  if (needsQuoting(value) || !analysis.block || analysis.lineBreaks || value.startsWith(' ')) {
    return `${doubleQuoted(value)}${tail}${last ? lastBreak : headerEnd < 0 ? '' : eol}${trailing}`;
  }
  const contentIndent = /^[ \t\r\n]*?( *)[^ \t\r\n]/.exec(body)?.[1]?.length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = contentIndent ?? (/^ */.exec(text.slice(lineStart, start))?.[0].length ?? 0) + 2;
  return `${indicator}-${tail}${eol}${' '.repeat(indent)}${value}${lastBreak}${trailing}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Markers

/** kyaml fieldmeta `processShortHand`: `strings.TrimLeft(c, "#")`, JSON into `map[string]string`, a non-empty `$imagepolicy`. */
export function parseMarker(comment: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(comment.replace(/^#+/, ''));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const fields = parsed as Record<string, unknown>;
  if (Object.values(fields).some((v) => typeof v !== 'string' && v !== null)) return undefined;
  const setter = fields[shortHandRef];
  return typeof setter === 'string' && setter !== '' ? setter : undefined;
}

const lineEnd = (text: string, from: number): number => {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
};
const stripCR = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

interface FoundComment {
  comment: string;
  offset: number;
}

/** yaml.v3's LineComment of a scalar: a comment after it on its last line (after a `,` in flow), or after a block scalar's header. */
function lineComment(node: Scalar.Parsed, inFlow: boolean, text: string): FoundComment | undefined {
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const start = node.range[0];
    const header = stripCR(text.slice(start, lineEnd(text, start)));
    const m = /^[|>][-+0-9]*[ \t]+(#.*)$/.exec(header);
    return m?.[1] === undefined ? undefined : { comment: m[1], offset: start + header.indexOf('#') };
  }
  let i = node.range[1];
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (inFlow && text[i] === ',') {
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  if (text[i] !== '#') return undefined;
  return { comment: stripCR(text.slice(i, lineEnd(text, i))), offset: i };
}

/**
 * yaml.v3's HeadComment of a scalar sequence item: the comment lines right above its `- ` line (no blank line
 * between), joined with newlines, not reaching back into the previous item.
 */
function headComment(node: Scalar.Parsed, floor: number, text: string): FoundComment | undefined {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  if (!/^[ \t]*-[ \t]+(?:[!&][^ \t]*[ \t]+)*$/.test(text.slice(lineStart, node.range[0]))) return undefined;
  const lines: string[] = [];
  let offset = -1;
  let end = lineStart - 1;
  while (end >= 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < floor) break;
    const line = stripCR(text.slice(start, end));
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#')) break;
    lines.unshift(trimmed);
    offset = start + (line.length - trimmed.length);
    end = start - 1;
  }
  return lines.length ? { comment: lines.join('\n'), offset } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// One file

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface FileScan {
  problem?: string;
  edits: Edit[];
  changes: { object: ObjectIdentifier; change: Change }[];
  unresolved: { line: number; setter: string }[];
}

const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const nullTag = 'tag:yaml.org,2002:null';

/** yaml.v3 `Node.Value` as kyaml reads identifying fields: a scalar's text ('' for null), an alias's anchor name, '' for collections. */
function nodeText(node: ParsedNode | null | undefined): string {
  if (isNullNode(node)) return '';
  if (isScalar(node)) return String(node.value);
  if (isAlias(node)) return node.source;
  return '';
}

/** kyaml `RNode.Field`: the first pair whose key text matches. */
function field(map: YAMLMap.Parsed, name: string): ParsedNode | null | undefined {
  return map.items.find((pair) => nodeText(pair.key) === name)?.value;
}

/** kyaml `GetMeta().GetIdentifier()` of a document. */
function identify(root: YAMLMap.Parsed): ObjectIdentifier {
  const metadata = field(root, 'metadata');
  return {
    APIVersion: nodeText(field(root, 'apiVersion')),
    Kind: nodeText(field(root, 'kind')),
    Name: isMap(metadata) ? nodeText(field(metadata, 'name')) : '',
    Namespace: isMap(metadata) ? nodeText(field(metadata, 'namespace')) : '',
  };
}

/** kyaml `IsMissingOrNull`: absent, or a null scalar. */
const isNullNode = (node: ParsedNode | null | undefined): node is Scalar.Parsed | null | undefined =>
  node === null ||
  node === undefined ||
  (isScalar(node) && (node.tag === nullTag || (node.tag === undefined && node.type === Scalar.PLAIN && nullWords.has(String(node.value)))));

const kindName = (node: ParsedNode): string =>
  isSeq(node) ? 'SequenceNode' : isScalar(node) ? 'ScalarNode' : isAlias(node) ? 'AliasNode' : 'MappingNode';

/** kio.ByteReader splits documents on `\n---.*\n` and rejects such a line unless only a comment follows `---`. */
function invalidSeparator(text: string): string | undefined {
  for (const m of text.replaceAll('\r\n', '\n').matchAll(/\n---([^\n]*)\n/g)) {
    const rest = (m[1] ?? '').trim();
    if (rest !== '' && !rest.startsWith('#')) return `invalid document separator: ${`---${m[1] ?? ''}`.trim()}`;
  }
  return undefined;
}

/** kio.ByteReader annotates each document, which fails for a non-mapping document or metadata that is not a mapping. */
function unreadableDocument(roots: readonly (ParsedNode | null)[]): string | undefined {
  for (const root of roots) {
    if (isNullNode(root)) continue;
    if (!isMap(root)) return `wrong node kind: expected MappingNode but got ${kindName(root)}`;
    const metadata = field(root, 'metadata');
    if (isNullNode(metadata)) continue;
    if (!isMap(metadata)) return `wrong node kind: expected MappingNode but got ${kindName(metadata)} for metadata`;
    const annotations = field(metadata, 'annotations');
    if (!isNullNode(annotations) && !isMap(annotations))
      return `wrong node kind: expected MappingNode but got ${kindName(annotations)} for metadata.annotations`;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Finds the markers of one file's text and what to splice, as upstream's `accept` walk (filter.go) visits nodes. */
function scanText(text: string, setters: ReadonlyMap<string, string>): FileScan {
  const scan: FileScan = { edits: [], changes: [], unresolved: [] };
  const separator = invalidSeparator(text);
  if (separator !== undefined) return { ...scan, problem: separator };
  const docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false });
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) return { ...scan, problem: error.message };
  }
  const roots = docs.map((doc) => doc.contents);
  const problem = unreadableDocument(roots);
  if (problem !== undefined) return { ...scan, problem };

  const visitScalar = (node: Scalar.Parsed, object: ObjectIdentifier, inFlow: boolean, itemFloor: number | undefined): void => {
    // An implicit empty value has no text to carry a marker.
    if (node.range[0] === node.range[1]) return;
    // First non-empty of LineComment, HeadComment; only sequence items get a head comment of their own.
    const found = lineComment(node, inFlow, text) ?? (itemFloor === undefined ? undefined : headComment(node, itemFloor, text));
    if (!found) return;
    const setter = parseMarker(found.comment);
    if (setter === undefined) return;
    const value = setters.get(setter);
    if (value === undefined) {
      scan.unresolved.push({ line: lineOf(text, found.offset), setter });
      return;
    }
    const old = String(node.value);
    if (old === value) return;
    scan.edits.push({ start: node.range[0], end: node.range[1], text: renderScalar(node, value, inFlow, text) });
    scan.changes.push({ object, change: { OldValue: old, NewValue: value, Setter: setter } });
  };

  const visit = (node: ParsedNode, object: ObjectIdentifier, inFlow: boolean, itemFloor?: number): void => {
    if (isMap(node)) {
      const flow = inFlow || node.flow === true;
      // kyaml VisitFields looks each key up by name, so a repeated key visits its first value only.
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = nodeText(pair.key);
        if (seen.has(key)) continue;
        seen.add(key);
        if (pair.value) visit(pair.value, object, flow);
      }
    } else if (isSeq(node)) {
      const flow = inFlow || node.flow === true;
      let floor = 0;
      for (const item of node.items) {
        visit(item, object, flow, floor);
        floor = item.range[1];
      }
    } else if (isScalar(node)) {
      visitScalar(node, object, inFlow, itemFloor);
    }
  };

  for (const root of roots) {
    if (isMap(root)) visit(root, identify(root), false);
  }
  return scan;
}

/** Applies non-overlapping edits to `text`. */
function splice(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------------------------
// Files

interface Candidate {
  absolute: string;
  /** Relative to the scan root (or to a file root's directory), `/`-separated. */
  path: string;
  symlink: boolean;
}

const compareNames = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
const isCandidateName = (name: string): boolean => ['.yaml', '.yml'].includes(extname(name)) || name === 'Kustomization';
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Go `filepath.Walk` as ScreeningLocalReader uses it: lexical order, symlinks not followed, no ignore rules. Paths
 * are relative to the root, or to its directory when the root is a file.
 */
async function listCandidates(root: string): Promise<{ base: string; candidates: Candidate[] }> {
  const top = resolvePath(root);
  let info;
  try {
    info = await lstat(top);
  } catch (err) {
    throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
  }
  if (!info.isDirectory()) {
    const candidate = { absolute: top, path: basename(top), symlink: info.isSymbolicLink() };
    const wanted = isCandidateName(candidate.path) && (info.isFile() || info.isSymbolicLink());
    return { base: dirname(top), candidates: wanted ? [candidate] : [] };
  }
  const out: Candidate[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw new SettersError('WALK_FAILED', `walking path for files: ${errorText(err)}`);
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const path = prefix + entry.name;
      if (entry.isDirectory()) await walk(absolute, `${path}/`);
      // A FIFO or device named *.yaml would block or never end; upstream would read it.
      else if (isCandidateName(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
        out.push({ absolute, path, symlink: entry.isSymbolicLink() });
    }
  };
  await walk(top, '');
  return { base: top, candidates: out };
}

/** Reads a candidate; undefined for an unreadable symlink (e.g. dangling), which upstream skips (fix #996). */
async function readCandidate(candidate: Candidate): Promise<Buffer | undefined> {
  try {
    return await readFile(candidate.absolute);
  } catch (err) {
    if (candidate.symlink) return undefined;
    throw new SettersError('READ_FAILED', `reading YAML file: ${errorText(err)}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const readBatch = 32;

/**
 * Applies the policies' setter markers under `root`, editing only the changed scalars. Throws SettersError for an
 * invalid full image reference, an unreadable root or directory, or an unreadable regular file, before writing anything.
 */
export async function applySetters(options: SettersOptions): Promise<SettersOutcome> {
  const setters = setterValues(options.policies);
  const { base, candidates } = await listCandidates(options.root);
  const outcome: SettersOutcome = { result: { fileChanges: new Map() }, files: [], problems: [], unresolved: [] };

  for (let i = 0; i < candidates.length; i += readBatch) {
    const batch = candidates.slice(i, i + readBatch);
    const contents = await Promise.all(batch.map(readCandidate));
    batch.forEach((candidate, j) => {
      const bytes = contents[j];
      if (!bytes?.includes(markerTokenBytes)) return;
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch (err) {
        outcome.problems.push({ path: candidate.path, message: errorText(err) });
        return;
      }
      const scan = scanText(text, setters);
      if (scan.problem !== undefined) {
        outcome.problems.push({ path: candidate.path, message: scan.problem });
        return;
      }
      outcome.unresolved.push(...scan.unresolved.map((u) => ({ path: candidate.path, ...u })));
      if (!scan.edits.length) return;
      // Go keys changes by object identifier, so objects met twice in a file share one entry.
      const objects = new Map<string, ObjectChanges>();
      for (const { object, change } of scan.changes) {
        const key = objectKey(object);
        const entry = objects.get(key) ?? { object, changes: [] };
        entry.changes.push(change);
        objects.set(key, entry);
      }
      outcome.result.fileChanges.set(candidate.path, [...objects.values()]);
      outcome.files.push({ path: candidate.path, before: text, after: splice(text, scan.edits) });
    });
  }

  const write = options.write ?? 'in-place';
  if (write !== false) {
    for (const file of outcome.files) {
      const target = write === 'in-place' ? join(base, file.path) : join(write.outDir, file.path);
      if (write !== 'in-place') await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.after);
    }
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// ApplyPolicies

/** `spec.update` of an ImageUpdateAutomation. */
export interface UpdateStrategy {
  strategy: string;
  path?: string;
}

/**
 * cyphar/filepath-securejoin `SecureJoin`: joins `unsafePath` to `root` resolving symlinks as if `root` were the
 * filesystem root, so neither `..` nor a symlink leads outside it. Missing components are joined lexically.
 */
export async function secureJoin(root: string, unsafePath: string): Promise<string> {
  let current: string[] = [];
  let remaining = unsafePath;
  let links = 0;
  while (remaining !== '') {
    const slash = remaining.indexOf('/');
    const part = slash < 0 ? remaining : remaining.slice(0, slash);
    remaining = slash < 0 ? '' : remaining.slice(slash + 1);
    if (part === '' || part === '.') continue;
    if (part === '..') {
      current.pop();
      continue;
    }
    const next = [...current, part];
    const full = join(root, ...next);
    let info;
    try {
      info = await lstat(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
    }
    if (!info?.isSymbolicLink()) {
      current = next;
      continue;
    }
    if (++links > 255) throw new SettersError('SYMLINK_LOOP', `SecureJoin ${join(root, unsafePath)}: too many levels of symbolic links`);
    const target = await readlink(full);
    remaining = `${target}/${remaining}`;
    // An absolute link is relative to the root.
    if (isAbsolute(target)) current = [];
  }
  return join(root, ...current);
}

/**
 * image-automation-controller `policy.ApplyPolicies`: checks the update strategy, resolves `update.path` inside
 * `workDir` (SecureJoin), and applies the setters there in place (or as `write` says).
 */
export async function applyPolicies(options: {
  workDir: string;
  update: UpdateStrategy | null | undefined;
  policies: readonly SetterPolicy[];
  write?: SettersOptions['write'];
}): Promise<SettersOutcome> {
  const { update } = options;
  if (!update) throw new SettersError('NO_STRATEGY', 'no update strategy');
  if (update.strategy !== 'Setters') throw new SettersError('UNSUPPORTED_STRATEGY', `unsupported update strategy: ${update.strategy}`);
  let root = options.workDir;
  if (update.path) {
    try {
      root = await secureJoin(options.workDir, update.path);
    } catch (err) {
      throw new SettersError('SECURE_JOIN_FAILED', `failed to secure join manifest path: ${errorText(err)}`);
    }
  }
  return applySetters({ root, policies: options.policies, write: options.write });
}

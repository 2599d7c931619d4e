import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isScalar, parseAllDocuments } from 'yaml';
import { BaseError, oneLineMessage } from '../errors.ts';
import { withTempDir } from './temp.ts';

// `--path -`: one YAML stream on stdin packed as a single file, as `flux push artifact --path=-` and `flux build
// artifact --path=-` do (flux2 cmd/flux/build_artifact.go, saveReaderToFile): read everything, trim the trailing
// "\r" and "\n" bytes, write it to a temporary `*.yaml` file and pack that file, so the artifact is `.` plus one
// YAML file. Where d2ci differs, on purpose:
// - the file is named stdin.yaml, not os.CreateTemp's random `<digits>.yaml`, so the same stream always packs to
//   the same digest (diff, --diff-tag and --reproducible depend on that);
// - its mode is d2ci's normalised 0644 for every file, not the temporary file's 0600;
// - what flux packs unread is checked first: a terminal, an empty stream, more than 64 MiB, bytes that are not
//   UTF-8 text, text that is not YAML, or a document that is not a mapping (kustomize-controller applies only
//   objects) is refused before anything is packed or sent.

/** The name the stream has inside the artifact. */
export const manifestStreamFile = 'stdin.yaml';
/** The most `--path -` reads: the stream is held and parsed in memory, where a file on disk is streamed. */
export const maxManifestStream = 64 * 1024 * 1024;

export type ManifestStreamCode =
  'STDIN_TERMINAL' | 'STDIN_EMPTY' | 'STDIN_TOO_LARGE' | 'STDIN_NOT_TEXT' | 'STDIN_NOT_YAML' | 'STDIN_NOT_OBJECTS';

/** Why stdin is not one YAML stream of manifests; about `path`, the flag or input that said `-`. */
export class ManifestStreamError extends BaseError<ManifestStreamCode> {
  constructor(code: ManifestStreamCode, problem: string) {
    super(code, `path "-": ${problem}`, { field: 'path', problem });
  }
}

export interface ManifestStreamInput extends AsyncIterable<Buffer | string> {
  isTTY?: boolean;
}

/** Reads and checks the stream; returns its bytes as they are packed (trailing line breaks trimmed, as flux). */
export async function readManifestStream(input: ManifestStreamInput, maxBytes = maxManifestStream): Promise<Buffer> {
  if (input.isTTY)
    throw new ManifestStreamError('STDIN_TERMINAL', 'stdin is a terminal; pipe the manifests in, e.g. kustomize build . | d2ci … --path -');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes)
      throw new ManifestStreamError(
        'STDIN_TOO_LARGE',
        `stdin has more than ${maxBytes / 1024 / 1024} MiB, the most a stream may hold; write it to a file and pack that`,
      );
    chunks.push(bytes);
  }
  let end = size;
  const all = Buffer.concat(chunks, size);
  while (end > 0 && (all[end - 1] === 0x0a || all[end - 1] === 0x0d)) end--;
  const bytes = all.subarray(0, end);
  if (bytes.length === 0)
    throw new ManifestStreamError('STDIN_EMPTY', 'stdin is empty; pipe the manifests in, e.g. kustomize build . | d2ci … --path -');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ManifestStreamError('STDIN_NOT_TEXT', 'stdin is not a YAML stream: it is not UTF-8 text');
  }
  if (text.includes('\0')) throw new ManifestStreamError('STDIN_NOT_TEXT', 'stdin is not a YAML stream: it holds a NUL byte');
  checkDocuments(text);
  return bytes;
}

/** Every document parses, and is a mapping or empty (a `---` with only comments, as helm template writes). */
function checkDocuments(text: string): void {
  const documents = parseAllDocuments(text); // an EmptyStream (no documents) for a stream of comments
  for (const [index, document] of documents.entries()) {
    const [error] = document.errors;
    // YAML's message names the line and column, then a code frame after a colon: the first line, without the colon.
    if (error)
      throw new ManifestStreamError(
        'STDIN_NOT_YAML',
        `stdin is not a YAML stream: ${oneLineMessage(error, { firstLine: true }).replace(/:$/, '')}`,
      );
    const contents = document.contents;
    // An empty document parses as a null scalar.
    if (contents === null || isMap(contents) || (isScalar(contents) && contents.value === null)) continue;
    const line = contents.range ? text.slice(0, contents.range[0]).split('\n').length : undefined;
    throw new ManifestStreamError(
      'STDIN_NOT_OBJECTS',
      `stdin is not a stream of Kubernetes objects: document ${index + 1}${line ? ` (line ${line})` : ''} is not a mapping`,
    );
  }
}

/** Reads the stream into a temporary `stdin.yaml`, runs `fn` with that file's path, and removes it afterwards. */
export async function withManifestStream<T>(input: ManifestStreamInput, fn: (file: string) => Promise<T>): Promise<T> {
  const bytes = await readManifestStream(input);
  return withTempDir(join(tmpdir(), 'd2ci-stdin-'), async (dir) => {
    const file = join(dir, manifestStreamFile);
    await writeFile(file, bytes, { mode: 0o644 });
    return fn(file);
  });
}

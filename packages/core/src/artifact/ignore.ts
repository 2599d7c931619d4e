import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * What `flux push/build/diff artifact` leave out by default (flux2 build_artifact.go `excludeOCI` =
 * fluxcd/pkg sourceignore ExcludeVCS + ExcludeExt).
 */
export const fluxDefaultIgnore: readonly string[] = [
  '.git/',
  '.gitignore',
  '.gitmodules',
  '.gitattributes',
  '*.jpg',
  '*.jpeg',
  '*.gif',
  '*.png',
  '*.wmv',
  '*.flv',
  '*.tar.gz',
  '*.zip',
];

export interface IgnoreOptions {
  /** Gitignore patterns that replace the Flux defaults, as `--ignore-paths` does. */
  ignorePaths?: readonly string[];
  /** Patterns added to the defaults (or to `ignorePaths`), as Flux's `--add-ignore-paths`. */
  addIgnorePaths?: readonly string[];
  /** Also honour `.sourceignore` files in every directory, as source-controller does. */
  sourceIgnore?: boolean;
}

interface Scope {
  /** Directory the patterns are relative to ('' = root). */
  base: string;
  rules: Ignore;
}

/**
 * Gitignore-syntax matching over the artifact tree (via the `ignore` package). Patterns from a `.sourceignore`
 * apply below its directory; deeper files override shallower ones, like nested .gitignore files.
 */
export class IgnoreRules {
  readonly #scopes: Scope[];
  readonly #sourceIgnore: boolean;

  constructor(options: IgnoreOptions = {}) {
    const patterns = [...(options.ignorePaths ?? fluxDefaultIgnore), ...(options.addIgnorePaths ?? [])]
      .map((p) => p.trim())
      .filter(Boolean);
    this.#scopes = [{ base: '', rules: ignore().add(patterns) }];
    this.#sourceIgnore = options.sourceIgnore ?? false;
  }

  /** Reads `<dir>/.sourceignore` when enabled; call before walking the directory's children. */
  enterSync(absoluteDir: string, relativeDir: string): void {
    if (!this.#sourceIgnore) return;
    let text: string;
    try {
      text = readFileSync(join(absoluteDir, '.sourceignore'), 'utf8');
    } catch {
      return;
    }
    this.#scopes.push({ base: relativeDir === '.' ? '' : relativeDir, rules: ignore().add(text) });
  }

  /** Whether a path (relative, with `/`) is excluded. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const scope of this.#scopes) {
      if (scope.base && !relativePath.startsWith(`${scope.base}/`)) continue;
      const local = scope.base ? relativePath.slice(scope.base.length + 1) : relativePath;
      const result = scope.rules.test(isDirectory ? `${local}/` : local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

export interface Challenge {
  /** Lowercase auth scheme: `basic`, `bearer`, … */
  scheme: string;
  /** Lowercase parameter names; values unquoted. */
  params: Record<string, string>;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): several challenges per header, quoted strings with
 * escapes and commas, e.g. `Bearer realm="https://r/token",service="r",scope="repository:a:pull repository:b:pull,push"`.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (isSpace(header[i])) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && !isSpace(header[i]) && header[i] !== ',' && header[i] !== '=') i++;
    return header.slice(start, i);
  };
  while (i < n) {
    while (i < n && (isSpace(header[i]) || header[i] === ',')) i++;
    const scheme = readToken();
    if (!scheme) {
      i++;
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    for (;;) {
      skipSpace();
      const mark = i;
      const name = readToken();
      skipSpace();
      if (!name || header[i] !== '=') {
        // Not a parameter: the next challenge's scheme (or a token68); the outer loop reads it.
        i = mark;
        break;
      }
      i++; // '='
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // closing quote
      } else {
        const start = i;
        while (i < n && header[i] !== ',' && !isSpace(header[i])) i++;
        value = header.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
      skipSpace();
      if (header[i] === ',') i++;
    }
    challenges.push(challenge);
  }
  return challenges;
}

import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type LineCounter } from 'yaml';

// YAML, read into a small tree that keeps lines and scalars as written (`tag: 1.10` stays "1.10").

export type Node = MapNode | SeqNode | ScalarNode;
export interface MapNode {
  t: 'map';
  line: number;
  entries: [string, Node][];
}
export interface SeqNode {
  t: 'seq';
  line: number;
  items: Node[];
}
export interface ScalarNode {
  t: 'scalar';
  line: number;
  value: unknown;
  /** The value as a string: strings as they are, other scalars as written. */
  text: string;
  /** A `|` or `>` block scalar: its content starts on the next line. */
  block: boolean;
}

export function toTree(node: unknown, doc: Document, lines: LineCounter | undefined, fallbackLine: number, depth = 0): Node {
  const lineOf = (n: { range?: [number, number, number] | null }): number =>
    n.range && lines ? lines.linePos(n.range[0]).line : fallbackLine;
  if (depth > 200) return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
  if (isAlias(node)) return toTree(node.resolve(doc), doc, lines, lineOf(node), depth + 1);
  if (isMap(node)) {
    const line = lineOf(node);
    const entries: [string, Node][] = [];
    for (const pair of node.items) {
      // A complex key (a map or list as a key) matches no field d2ci reads.
      const key = isScalar(pair.key) ? scalarText(pair.key) : '';
      const keyLine = isScalar(pair.key) ? lineOf(pair.key) : line;
      const value = toTree(pair.value, doc, lines, keyLine, depth + 1);
      // A block map or list under a key is found at the key's line.
      if (value.t !== 'scalar') value.line = keyLine;
      entries.push([key, value]);
    }
    return { t: 'map', line, entries };
  }
  if (isSeq(node)) {
    const line = lineOf(node);
    return { t: 'seq', line, items: node.items.map((item) => toTree(item, doc, lines, line, depth + 1)) };
  }
  if (isScalar(node)) {
    return {
      t: 'scalar',
      line: lineOf(node),
      value: node.value,
      text: scalarText(node),
      block: node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED,
    };
  }
  return { t: 'scalar', line: fallbackLine, value: null, text: '', block: false };
}

function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (node.value === null || node.value === undefined) return '';
  const value: unknown = node.value;
  return node.source ?? (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '');
}

export function get(node: Node | undefined, key: string): Node | undefined {
  if (node?.t !== 'map') return undefined;
  for (const [k, v] of node.entries) if (k === key) return v;
  return undefined;
}

export function getPath(node: Node | undefined, ...keys: string[]): Node | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

/** A string scalar's value (not numbers or booleans), trimmed; undefined when absent or empty. */
export function str(node: Node | undefined): string | undefined {
  if (node?.t !== 'scalar' || typeof node.value !== 'string') return undefined;
  const value = node.value.trim();
  return value === '' ? undefined : value;
}

/** A scalar as written, strings and numbers alike (`tag: 1.10`, `version: 2`). */
export function text(node: Node | undefined): string | undefined {
  if (node?.t !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  const value = node.text.trim();
  return value === '' ? undefined : value;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
export const childPath = (path: string, key: string): string => {
  if (!identifier.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' || path.endsWith('#') ? `${path}${key}` : `${path}.${key}`;
};
export const indexPath = (path: string, index: number): string => `${path}[${index}]`;

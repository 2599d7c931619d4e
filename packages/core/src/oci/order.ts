/** Byte-wise string order (Go's sort.Strings), which tag lists and tar entries use; never locale order. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options: { type: 'minor' | 'major'; execution: 'sync' }) => void) | null | undefined;

/**
 * Runs a full garbage collection. Streaming hundreds of MiB through zlib and files leaves a trail of dead
 * Buffer chunks whose memory V8 reclaims only once its external-memory budget (~64 MiB) is spent, so peak RSS
 * climbs by about that much. Our heap is ~10 MiB, so a collection costs a few milliseconds; calling this every
 * few dozen MiB streamed keeps memory flat. Without the flag (e.g. a runtime that refuses it) it does nothing.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose_gc');
      collect = runInNewContext('gc') as typeof collect;
    } catch {
      collect = null;
    }
  }
  // A minor (young-generation) collection is enough: the dead chunks' wrappers are young, and it takes ~1 ms.
  collect?.({ type: 'minor', execution: 'sync' });
}

// Small helpers shared by the benchmark sections: timing, statistics, child processes, formatting.
import { spawn, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoggedRequest } from '../test/harness/fault-proxy.ts';

export const repoRoot = join(import.meta.dirname, '..');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Wall time of an async step in milliseconds. */
export async function timed<T>(step: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await step();
  return { ms: performance.now() - start, value };
}

export interface SpawnResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to completion (never through a shell unless asked with `sh -c`), timing spawn → exit. */
export function runCommand(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - start,
      });
    });
  });
}

/** Like runCommand, but throws with the command's stderr when it fails. */
export async function mustRun(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<SpawnResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr.trim() || result.stdout.trim()}`);
  return result;
}

export const bundlePath = (action: string): string => join(repoRoot, 'actions', action, 'dist', 'index.js');

/** Request accounting over a fault-proxy log. */
export interface RequestCount {
  requests: number;
  blobRequests: number;
  /** Request-body bytes sent to blob endpoints (uploads). */
  blobBytes: number;
  /** Request-body bytes of every request. */
  bytesIn: number;
  /** Blob upload sessions: the digest the closing PUT named and the body bytes sent in the session. */
  uploads: { digest: string; bytes: number }[];
  log: string[];
}

export function countRequests(log: readonly LoggedRequest[]): RequestCount {
  const blob = log.filter((r) => /\/blobs\//.test(r.path));
  return {
    requests: log.length,
    blobRequests: blob.length,
    blobBytes: blob.reduce((sum, r) => sum + r.bytesIn, 0),
    bytesIn: log.reduce((sum, r) => sum + r.bytesIn, 0),
    uploads: uploadSessions(log),
    log: log.map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')} → ${r.status ?? '-'}${r.bytesIn ? ` (${r.bytesIn} B in)` : ''}`),
  };
}

function uploadSessions(log: readonly LoggedRequest[]): { digest: string; bytes: number }[] {
  const sessions = new Map<string, { digest: string; bytes: number }>();
  for (const r of log) {
    const id = /\/blobs\/uploads\/([^/?]+)/.exec(r.path)?.[1];
    if (!id) continue;
    const session = sessions.get(id) ?? { digest: '', bytes: 0 };
    session.bytes += r.bytesIn;
    const digest = new URL(r.path, 'http://x').searchParams.get('digest');
    if (digest) session.digest = digest;
    sessions.set(id, session);
  }
  return [...sessions.values()];
}

export const fmtMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtMiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const fmtRatio = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

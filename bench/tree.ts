// Deterministic (seeded) test trees: YAML-like text that compresses like real Kubernetes manifests, plus
// incompressible random data. The same spec always gives byte-identical files, so runs are comparable.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TreeSpec {
  seed: string;
  /** YAML-like text files and their total size. */
  textFiles: number;
  textBytes: number;
  /** Random (incompressible) files and their total size, spread over the tree. */
  randomFiles: number;
  randomBytes: number;
  /** Extra random files of exactly these sizes, at the top level (the "big files" that make streaming matter). */
  bigFiles?: readonly number[];
  /** Directory fan-out at depths 1, 2 and 3 (default 8, 5, 4: 208 nested directories). */
  fanOut?: readonly [number, number, number];
}

export interface TreeStats {
  files: number;
  bytes: number;
  directories: number;
}

export const MiB = 1024 * 1024;

/** splitmix32-seeded xoshiro128**: a small, fast, seeded PRNG for the tree's shape and text. */
export class Prng {
  #s: Uint32Array;

  constructor(seed: string) {
    const h = createHash('sha256').update(seed).digest();
    this.#s = new Uint32Array([h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12) | 1]);
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.#s;
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const s2 = s[2] as number;
    const s3 = s[3] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    s[1] = (s1 ^ n2) >>> 0;
    s[0] = (s0 ^ n3) >>> 0;
    s[2] = (n2 ^ t) >>> 0;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 0x1_0000_0000;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const words = [
  'api',
  'app',
  'auth',
  'backend',
  'billing',
  'cache',
  'canary',
  'cart',
  'catalog',
  'checkout',
  'cluster',
  'config',
  'core',
  'cron',
  'data',
  'db',
  'dns',
  'edge',
  'events',
  'feed',
  'frontend',
  'gateway',
  'grafana',
  'ingress',
  'inventory',
  'jobs',
  'kafka',
  'ledger',
  'loki',
  'mail',
  'media',
  'mesh',
  'metrics',
  'nats',
  'notify',
  'orders',
  'payments',
  'podinfo',
  'postgres',
  'prometheus',
  'proxy',
  'queue',
  'redis',
  'registry',
  'reports',
  'search',
  'secrets',
  'session',
  'shipping',
  'sso',
  'storage',
  'stream',
  'tempo',
  'tenant',
  'users',
  'vault',
  'web',
  'worker',
  'alpha',
  'beta',
  'gamma',
  'delta',
  'east',
  'west',
  'north',
  'south',
  'blue',
  'green',
  'staging',
  'production',
  'dev',
  'qa',
  'eu',
  'us',
  'ap',
];
const kinds = [
  'Deployment',
  'Service',
  'ConfigMap',
  'HelmRelease',
  'Kustomization',
  'OCIRepository',
  'Ingress',
  'StatefulSet',
  'CronJob',
  'ServiceAccount',
];
const groups = [
  'apps/v1',
  'v1',
  'helm.toolkit.fluxcd.io/v2',
  'kustomize.toolkit.fluxcd.io/v1',
  'source.toolkit.fluxcd.io/v1',
  'networking.k8s.io/v1',
  'batch/v1',
];

function hex(rng: Prng, chars: number): string {
  let out = '';
  while (out.length < chars) out += rng.nextU32().toString(16).padStart(8, '0');
  return out.slice(0, chars);
}

/** One Kubernetes-like YAML document: repetitive keys, a few varied values (names, versions, digests, env). */
function yamlDocument(rng: Prng): string {
  const name = `${rng.pick(words)}-${rng.pick(words)}`;
  const ns = rng.pick(words);
  const lines = [
    '---',
    `apiVersion: ${rng.pick(groups)}`,
    `kind: ${rng.pick(kinds)}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    `    app.kubernetes.io/part-of: ${rng.pick(words)}`,
    `    app.kubernetes.io/version: "${rng.int(10)}.${rng.int(30)}.${rng.int(100)}"`,
    '  annotations:',
    `    fluxcd.io/checksum: sha256:${hex(rng, 64)}`,
    'spec:',
    `  replicas: ${1 + rng.int(8)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      containers:',
    `        - name: ${rng.pick(words)}`,
    `          image: ghcr.io/${rng.pick(words)}/${rng.pick(words)}:v${rng.int(5)}.${rng.int(20)}.${rng.int(50)}@sha256:${hex(rng, 64)}`,
    '          ports:',
    `            - containerPort: ${1024 + rng.int(60000)}`,
    '              protocol: TCP',
    '          resources:',
    `            requests: {cpu: ${10 * (1 + rng.int(50))}m, memory: ${16 * (1 + rng.int(64))}Mi}`,
    `            limits: {cpu: ${100 * (1 + rng.int(20))}m, memory: ${64 * (1 + rng.int(32))}Mi}`,
    '          env:',
  ];
  const envs = 1 + rng.int(6);
  for (let i = 0; i < envs; i++) {
    lines.push(
      `            - name: ${rng.pick(words).toUpperCase()}_${rng.pick(words).toUpperCase()}`,
      `              value: "${rng.next() < 0.5 ? hex(rng, 16) : `${rng.pick(words)}.${ns}.svc.cluster.local:${1024 + rng.int(9000)}`}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Exactly `size` bytes of YAML-like text. */
function yamlText(rng: Prng, size: number): Buffer {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const doc = yamlDocument(rng);
    parts.push(doc);
    length += doc.length;
  }
  return Buffer.from(parts.join(''), 'latin1').subarray(0, size);
}

/** Writes `size` incompressible bytes: an AES-256-CTR keystream keyed by the seed and the file's name in the tree, in 4 MiB pieces. */
async function writeRandomFile(path: string, name: string, size: number, seed: string): Promise<void> {
  const key = createHash('sha256').update(`${seed}\0${name}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(Math.min(size, 4 * MiB));
  const handle = await open(path, 'w');
  try {
    for (let written = 0; written < size;) {
      const n = Math.min(zeros.length, size - written);
      const block = cipher.update(zeros.subarray(0, n));
      await handle.write(block, 0, block.length);
      written += n;
    }
  } finally {
    await handle.close();
  }
}

/** `count` sizes adding up to exactly `total`, skewed (many small, a few large), each at least `min`. */
function splitSizes(rng: Prng, count: number, total: number, min: number): number[] {
  if (count === 0) return [];
  const weights = Array.from({ length: count }, () => Math.exp(rng.next() * 4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - count * min;
  const sizes = weights.map((w) => min + Math.floor((w / sum) * spare));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) sizes[i] = (sizes[i] as number) + 1;
  return sizes;
}

/** Nested directories, three levels deep. */
function directories(rng: Prng, [tops, mids, leaves]: readonly [number, number, number]): string[] {
  const dirs: string[] = [];
  for (let a = 0; a < tops; a++) {
    const top = `${rng.pick(words)}-${a}`;
    dirs.push(top);
    for (let b = 0; b < mids; b++) {
      const mid = `${top}/${rng.pick(words)}-${b}`;
      dirs.push(mid);
      for (let c = 0; c < leaves; c++) dirs.push(`${mid}/${rng.pick(words)}-${c}`);
    }
  }
  return dirs;
}

/** Generates the tree described by `spec` under `root` (which must not exist yet, or be empty). */
export async function generateTree(root: string, spec: TreeSpec): Promise<TreeStats> {
  const rng = new Prng(spec.seed);
  const dirs = directories(rng, spec.fanOut ?? [8, 5, 4]);
  for (const dir of dirs) await mkdir(join(root, dir), { recursive: true });
  const jobs: (() => Promise<void>)[] = [];
  let bytes = 0;
  let files = 0;

  splitSizes(rng, spec.textFiles, spec.textBytes, 200).forEach((size, i) => {
    const path = join(root, rng.pick(dirs), `${rng.pick(words)}-${i}.yaml`);
    const content = yamlText(rng, size);
    jobs.push(() => writeFile(path, content));
    bytes += size;
    files++;
  });
  splitSizes(rng, spec.randomFiles, spec.randomBytes, 1024).forEach((size, i) => {
    const name = `${rng.pick(dirs)}/${rng.pick(words)}-${i}.bin`;
    jobs.push(() => writeRandomFile(join(root, name), name, size, spec.seed));
    bytes += size;
    files++;
  });
  (spec.bigFiles ?? []).forEach((size, i) => {
    const name = `big-${i}.bin`;
    jobs.push(() => writeRandomFile(join(root, name), name, size, spec.seed));
    bytes += size;
    files++;
  });

  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < jobs.length) await (jobs[next++] as () => Promise<void>)();
    }),
  );
  return { files, bytes, directories: dirs.length };
}

/** 50 MiB in 5,000 files: 4,950 YAML files (35 MiB) and 50 random ones (15 MiB), in 208 nested directories. */
export const packTree: TreeSpec = {
  seed: 'd2ci-bench-pack-50',
  textFiles: 4950,
  textBytes: 35 * MiB,
  randomFiles: 50,
  randomBytes: 15 * MiB,
};

/** 50 MiB in 1,000 files that stay ~48 MiB gzipped: 150 random files (45 MiB) and 850 YAML files (5 MiB). */
export const pushTree: TreeSpec = {
  seed: 'd2ci-bench-push-50',
  textFiles: 850,
  textBytes: 5 * MiB,
  randomFiles: 150,
  randomBytes: 45 * MiB,
  fanOut: [4, 4, 3],
};

/** 500 MiB, mostly incompressible: six big files (4 × 64 MiB + 2 × 50 MiB), 94 random files (100 MiB), 900 YAML files (44 MiB). */
export const bigTree: TreeSpec = {
  seed: 'd2ci-bench-rss-500',
  textFiles: 900,
  textBytes: 44 * MiB,
  randomFiles: 94,
  randomBytes: 100 * MiB,
  bigFiles: [64 * MiB, 64 * MiB, 64 * MiB, 64 * MiB, 50 * MiB, 50 * MiB],
};

/** A small component-sized tree (40 YAML files, 96 KiB, 14 directories) for cold-start and tag runs. */
export const smallTree: TreeSpec = {
  seed: 'd2ci-bench-small',
  textFiles: 40,
  textBytes: 96 * 1024,
  randomFiles: 0,
  randomBytes: 0,
  fanOut: [2, 2, 2],
};

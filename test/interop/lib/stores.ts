// The stores a signature lives in: Debian's docker-registry (distribution 2.8), the distribution v3 registry
// (neither has the OCI referrers API: the `sha256-<hex>` tag schema), olareg (a registry with the referrers API)
// and an OCI image layout on disk. Each registry is started on 127.0.0.1 and stopped by PID.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveOnFreePort } from '../../harness/process.ts';
import { startRegistry } from '../../harness/registry.ts';
import { oleregVersion, registryV3Version, tool } from './tools.ts';

export type StoreName = 'docker-registry-2.8' | 'distribution-v3' | 'olareg' | 'oci-layout';

/** A comma-separated list from `variable` that narrows a local run; CI always runs everything. */
export function narrowedTo(variable: string): string[] | undefined {
  return process.env.CI === 'true' ? undefined : process.env[variable]?.split(',').filter(Boolean);
}

/** The registries a run uses: all three, or those D2CI_INTEROP_STORES names (locally). */
export const interopRegistries: StoreName[] = (['docker-registry-2.8', 'distribution-v3', 'olareg'] as const).filter(
  (s) => narrowedTo('D2CI_INTEROP_STORES')?.includes(s) ?? true,
);

export interface Store {
  name: StoreName;
  /** `127.0.0.1:PORT` for registries; the layout's directory for `oci-layout`. */
  host: string;
  referrersApi: boolean;
  stop(): Promise<void>;
}

async function serve(
  name: StoreName,
  command: (dir: string, port: number) => [string, string[]],
  referrersApi: boolean,
  address = '127.0.0.1',
): Promise<Store> {
  const served = await serveOnFreePort(`interop-${name}`, command, async (url) => (await fetch(`${url}/v2/`)).status === 200, {
    address,
  });
  return { name, host: `${address}:${served.port}`, referrersApi, stop: () => served.stop() };
}

const distributionV3 = (address: string): Promise<Store> =>
  serve(
    'distribution-v3',
    (dir, port) => {
      const config = join(dir, 'config.yml');
      writeFileSync(
        config,
        [
          'version: 0.1',
          'log: {level: warn, accesslog: {disabled: true}}',
          'storage:',
          `  filesystem: {rootdirectory: ${join(dir, 'data')}}`,
          '  delete: {enabled: true}',
          'http:',
          `  addr: ${address}:${port}`,
          '',
        ].join('\n'),
      );
      return [tool('registry', registryV3Version), ['serve', config]];
    },
    false,
    address,
  );

/**
 * The distribution v3 registry on 127.0.0.2: plain HTTP on a loopback address that go-containerregistry does not
 * treat as local (only `127.0.0.1` is), as a cluster sees a plain-HTTP registry elsewhere in its network
 * (`spec.insecure: true`). Where Flux 2.8 cannot fetch bundles.
 */
export const startPlainHttpStore = (): Promise<Store> => distributionV3('127.0.0.2');

export async function startStore(name: StoreName): Promise<Store> {
  switch (name) {
    case 'docker-registry-2.8': {
      const registry = await startRegistry('none');
      return { name, host: registry.host, referrersApi: false, stop: () => registry.stop() };
    }
    case 'distribution-v3':
      return distributionV3('127.0.0.1');
    case 'olareg':
      return serve(
        name,
        (dir, port) => [
          tool('olareg', oleregVersion),
          ['serve', '--addr', '127.0.0.1', '--port', String(port), '--dir', join(dir, 'data'), '--store-type', 'dir'],
        ],
        true,
      );
    case 'oci-layout': {
      const dir = mkdtempSync(join(tmpdir(), 'd2ci-interop-layout-'));
      return { name, host: dir, referrersApi: false, stop: async () => rmSync(dir, { recursive: true, force: true }) };
    }
  }
}

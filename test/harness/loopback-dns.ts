// Loaded with `node --import` into an action or CLI process under test: cloud registry names listed in
// D2CI_TEST_LOOPBACK_HOSTS (comma-separated) resolve to 127.0.0.1, as an /etc/hosts line would, so the process
// reaches the local registries and fronts by the names its provider checks. Nothing else is changed.
import dns from 'node:dns';

const hosts = new Set((process.env.D2CI_TEST_LOOPBACK_HOSTS ?? '').split(',').filter(Boolean));
const original = dns.lookup;
type Callback = (err: Error | null, address: unknown, family?: number) => void;

(dns as { lookup: unknown }).lookup = function lookup(hostname: string, options: unknown, callback?: Callback): void {
  const done = (typeof options === 'function' ? options : callback) as Callback;
  if (!hosts.has(hostname)) return (original as (...args: unknown[]) => void).call(dns, hostname, options, callback);
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  process.nextTick(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)));
};

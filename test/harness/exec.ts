import { execFile } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking the event loop (in-process servers such as the token server must keep
 * answering while skopeo or an action bundle talks to them). Never throws on a non-zero exit.
 */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string | Buffer; encoding?: 'buffer' } = {},
): Promise<RunResult & { stdoutBytes: Buffer }> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { env: options.env, cwd: options.cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
        resolve({ code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), stdoutBytes: stdout });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** skopeo against a local plain-HTTP registry, with credentials when given. Throws with stderr on failure. */
export async function skopeo(args: string[], creds?: { username: string; password: string }): Promise<Buffer> {
  const [verb, ...rest] = args;
  const tls = verb === 'copy' ? ['--src-tls-verify=false', '--dest-tls-verify=false'] : ['--tls-verify=false'];
  const auth = creds
    ? verb === 'copy'
      ? ['--src-creds', `${creds.username}:${creds.password}`]
      : ['--creds', `${creds.username}:${creds.password}`]
    : [];
  const result = await run('skopeo', ['--insecure-policy', verb ?? '', ...tls, ...auth, ...rest]);
  if (result.code !== 0) throw new Error(`skopeo ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdoutBytes;
}

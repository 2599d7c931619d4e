import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** A pull request as the stand-in keeps it. */
export interface StoredPullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
}

export interface GitHubApi {
  url: string;
  pulls: StoredPullRequest[];
  /** `METHOD /path` of every request, and the Authorization header each carried. */
  requests: { method: string; path: string; authorization: string | undefined }[];
  /** Make the next requests fail like GitHub does for a token without `pull-requests: write`. */
  forbidden: boolean;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

/**
 * GitHub's REST endpoints for pull requests, as the image update uses them (list, create, update, add labels),
 * with GitHub's response shapes and its 403 for a token that lacks the permission.
 */
export async function startGitHubApi(repository: string): Promise<GitHubApi> {
  const [owner] = repository.split('/');
  const state: GitHubApi = { url: '', pulls: [], requests: [], forbidden: false, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      state.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
      const base = `/repos/${repository}`;
      if (state.forbidden) return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request', status: '403' });
      const htmlUrl = (n: number): string => `https://github.com/${repository}/pull/${n}`;
      const view = (p: StoredPullRequest) => ({ number: p.number, html_url: htmlUrl(p.number), state: p.state, title: p.title, body: p.body, head: { ref: p.head }, base: { ref: p.base } });
      if (req.method === 'GET' && url.pathname === `${base}/pulls`) {
        const head = url.searchParams.get('head');
        const found = state.pulls.filter((p) => p.state === (url.searchParams.get('state') ?? 'open') && (!head || `${owner}:${p.head}` === head) && (!url.searchParams.get('base') || p.base === url.searchParams.get('base')));
        return send(res, 200, found.map(view));
      }
      if (req.method === 'POST' && url.pathname === `${base}/pulls`) {
        const body = await json(req);
        if (state.pulls.some((p) => p.state === 'open' && p.head === body.head && p.base === body.base)) {
          return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${String(body.head)}.` }] });
        }
        const pull: StoredPullRequest = { number: state.pulls.length + 1, head: String(body.head), base: String(body.base), title: String(body.title), body: typeof body.body === 'string' ? body.body : '', labels: [], state: 'open' };
        state.pulls.push(pull);
        return send(res, 201, view(pull));
      }
      const patch = new RegExp(`^${base}/pulls/(\\d+)$`).exec(url.pathname);
      if (req.method === 'PATCH' && patch) {
        const pull = state.pulls.find((p) => p.number === Number(patch[1]));
        if (!pull) return send(res, 404, { message: 'Not Found' });
        const body = await json(req);
        if (typeof body.title === 'string') pull.title = body.title;
        if (typeof body.body === 'string') pull.body = body.body;
        return send(res, 200, view(pull));
      }
      const labels = new RegExp(`^${base}/issues/(\\d+)/labels$`).exec(url.pathname);
      if (req.method === 'POST' && labels) {
        const pull = state.pulls.find((p) => p.number === Number(labels[1]));
        if (!pull) return send(res, 404, { message: 'Not Found' });
        const body = await json(req);
        for (const label of (body.labels as string[] | undefined) ?? []) if (!pull.labels.includes(label)) pull.labels.push(label);
        return send(res, 200, pull.labels.map((name) => ({ name })));
      }
      send(res, 404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

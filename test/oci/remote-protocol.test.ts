// RemoteRepository against a scripted in-memory registry, for the distribution-spec features docker-registry 2.8
// lacks (tag pagination, the referrers API, OCI-Subject, 416 on chunks, blob redirects) and for registries that lie.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  RegistryClient,
  MediaType,
  OciError,
  bytesSource,
  readAll,
  referrersTag,
  nextLink,
  type Descriptor,
  type RegistryClientOptions,
  type RemoteRepository,
} from '@d2ci/core/oci';
import { FakeRegistry, blob, imageIndex, imageManifest, requestsTo, startServer, type Recorded, type ScriptedServer } from './fixtures.ts';

const retry = { attempts: 4, baseDelayMs: 5, maxDelayMs: 10 };

describe('nextLink (Link header)', () => {
  const current = 'https://r.example/v2/a/tags/list?n=2';
  it('resolves a relative rel="next" against the current URL', () => {
    assert.equal(nextLink('</v2/a/tags/list?n=2&last=b>; rel="next"', current), 'https://r.example/v2/a/tags/list?n=2&last=b');
    assert.equal(nextLink('<list?n=2&last=c>; rel="next"', current), 'https://r.example/v2/a/tags/list?n=2&last=c');
  });
  it('keeps an absolute target, also on another host', () => {
    assert.equal(nextLink('<https://cdn.example/page/2>; rel="next"', current), 'https://cdn.example/page/2');
  });
  it('picks rel="next" among several links and accepts an unquoted rel', () => {
    assert.equal(
      nextLink('</v2/a/tags/list?last=a>; rel="prev", </v2/a/tags/list?last=z>; rel="next"', current),
      'https://r.example/v2/a/tags/list?last=z',
    );
    assert.equal(nextLink('</p2>;rel=next', current), 'https://r.example/p2');
    assert.equal(nextLink('</p3>; title="x"; REL="Next"', current), 'https://r.example/p3');
    assert.equal(nextLink('</p4>; rel="prev next"', current), 'https://r.example/p4', 'rel may list several relation types');
    assert.equal(nextLink('</p5>; rel="nextpage"', current), undefined, 'only the exact relation type "next"');
  });
  it('returns undefined without a next link', () => {
    assert.equal(nextLink(null, current), undefined);
    assert.equal(nextLink('', current), undefined);
    assert.equal(nextLink('</v2/a/tags/list?last=a>; rel="prev"', current), undefined);
    assert.equal(nextLink('garbage', current), undefined);
  });
});

/** A client, fake registry and server; `fresh()` gives each test its own repository name. */
async function setup(
  options: ConstructorParameters<typeof FakeRegistry>[0] = {},
  client: Partial<RegistryClientOptions> = {},
): Promise<{
  registry: FakeRegistry;
  server: ScriptedServer;
  client: RegistryClient;
  repo: (name: string) => RemoteRepository;
}> {
  const registry = new FakeRegistry(options);
  const server = await startServer(registry.handle);
  const registryClient = new RegistryClient({ transport: { retry }, ...client });
  return {
    registry,
    server,
    client: registryClient,
    repo: (name) => registryClient.repository({ registry: server.host, repository: name }),
  };
}

const config = blob('{}', MediaType.ociEmpty);

function subjectAndReferrers(): { subject: ReturnType<typeof imageManifest>; referrers: ReturnType<typeof imageManifest>[] } {
  const layer = blob(randomBytes(16)).descriptor;
  const subject = imageManifest({ config: config.descriptor, layers: [layer] });
  const referrers = [
    imageManifest({
      config: config.descriptor,
      layers: [],
      artifactType: 'application/vnd.example.sig',
      subject: subject.descriptor,
      annotations: { n: '1' },
    }),
    imageManifest({
      config: config.descriptor,
      layers: [],
      artifactType: 'application/vnd.example.sbom',
      subject: subject.descriptor,
      annotations: { n: '2' },
    }),
    imageManifest({
      config: { ...config.descriptor, mediaType: 'application/vnd.example.config.v1+json' },
      layers: [],
      subject: subject.descriptor,
    }),
    imageManifest({
      config: config.descriptor,
      layers: [],
      artifactType: 'application/vnd.example.sig',
      subject: subject.descriptor,
      annotations: { n: '4' },
    }),
  ];
  return { subject, referrers };
}

describe('tags: pagination and order', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  before(async () => (env = await setup({ tagsPageSize: 2 })));
  after(() => env.server.close());

  it('follows Link rel="next" across pages and sorts byte-wise, whatever order the registry used', async () => {
    const inserted = ['v1.10', 'B', '_x', 'a', 'Z1', 'v1.9', 'latest'];
    const manifest = imageManifest({ config: config.descriptor, layers: [] });
    for (const tag of inserted) env.registry.seedManifest('acme/paged', manifest, tag);
    env.server.requests.length = 0;
    const tags = await env.repo('acme/paged').tags();
    assert.deepEqual(tags, ['B', 'Z1', '_x', 'a', 'latest', 'v1.10', 'v1.9']);
    const pages = requestsTo(env.server.requests, 'GET', /\/tags\/list$/);
    assert.deepEqual(
      pages.map((r) => r.url.search),
      ['?n=1000', '?n=1000&last=B', '?n=1000&last=a', '?n=1000&last=v1.9'],
    );
  });

  it('drops duplicates across pages and stops when a next link repeats itself', async () => {
    let calls = 0;
    env.registry.intercept = (req, res) => {
      if (!req.url.pathname.endsWith('/tags/list')) return false;
      calls++;
      const page = calls === 1 ? ['b', 'a'] : ['a', 'c'];
      res.writeHead(200, { 'content-type': 'application/json', link: '</v2/acme/loop/tags/list?page=2>; rel="next"' });
      res.end(JSON.stringify({ name: 'acme/loop', tags: page }));
      return true;
    };
    try {
      assert.deepEqual(await env.repo('acme/loop').tags(), ['a', 'b', 'c']);
      assert.equal(calls, 2);
    } finally {
      env.registry.intercept = undefined;
    }
  });

  it('returns no tags for an unknown repository and for a null tag list', async () => {
    assert.deepEqual(await env.repo('acme/never-pushed').tags(), []);
    env.registry.intercept = (req, res) => {
      if (!req.url.pathname.endsWith('/tags/list')) return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"name":"acme/empty","tags":null}');
      return true;
    };
    try {
      assert.deepEqual(await env.repo('acme/empty').tags(), []);
    } finally {
      env.registry.intercept = undefined;
    }
  });
});

describe('referrers API (native)', () => {
  it('lists referrers from the API with artifactType and annotations, without touching the fallback tag', async () => {
    const env = await setup({ referrersApi: true, ociSubject: true });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const repo = env.repo('acme/app');
      await repo.push(subject.descriptor, bytesSource(subject.bytes));
      for (const r of referrers) await repo.push(r.descriptor, bytesSource(r.bytes));
      const found = await repo.referrers(subject.descriptor);
      assert.deepEqual(
        found.map((d) => [d.digest, d.artifactType, d.annotations?.n]),
        [
          [referrers[0]?.descriptor.digest, 'application/vnd.example.sig', '1'],
          [referrers[1]?.descriptor.digest, 'application/vnd.example.sbom', '2'],
          [referrers[2]?.descriptor.digest, 'application/vnd.example.config.v1+json', undefined],
          [referrers[3]?.descriptor.digest, 'application/vnd.example.sig', '4'],
        ],
      );
      const call = requestsTo(env.server.requests, 'GET', /\/referrers\//)[0];
      assert.equal(call?.url.pathname, `/v2/acme/app/referrers/${subject.descriptor.digest}`);
      assert.equal(call?.headers.accept, MediaType.ociIndex);
      // OCI-Subject came back on every push: no Referrers Tag Schema index was read or written.
      const fallback = referrersTag(subject.descriptor.digest);
      assert.equal(env.server.requests.filter((r) => r.url.pathname.endsWith(`/manifests/${fallback}`)).length, 0);
      assert.equal(env.registry.repository('acme/app').tags.has(fallback), false);
    } finally {
      await env.server.close();
    }
  });

  it('passes artifactType to the registry and trusts OCI-Filters-Applied', async () => {
    const env = await setup({ referrersApi: true, filtersApplied: true, ociSubject: true });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const repo = env.repo('acme/app');
      for (const r of [subject, ...referrers]) await repo.push(r.descriptor, bytesSource(r.bytes));
      const found = await repo.referrers(subject.descriptor, { artifactType: 'application/vnd.example.sig' });
      assert.deepEqual(
        found.map((d) => d.digest),
        [referrers[0]?.descriptor.digest, referrers[3]?.descriptor.digest],
      );
      const call = requestsTo(env.server.requests, 'GET', /\/referrers\//)[0];
      assert.equal(call?.url.searchParams.get('artifactType'), 'application/vnd.example.sig');
      assert.match(call?.path ?? '', /\?artifactType=application%2Fvnd\.example\.sig$/);
    } finally {
      await env.server.close();
    }
  });

  it('filters by artifactType itself when the registry does not say it filtered', async () => {
    const env = await setup({ referrersApi: true, filtersApplied: false, ociSubject: true });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const repo = env.repo('acme/app');
      for (const r of [subject, ...referrers]) await repo.push(r.descriptor, bytesSource(r.bytes));
      const found = await repo.referrers(subject.descriptor, { artifactType: 'application/vnd.example.sbom' });
      assert.deepEqual(
        found.map((d) => d.digest),
        [referrers[1]?.descriptor.digest],
      );
      assert.deepEqual(await repo.referrers(subject.descriptor, { artifactType: 'application/none' }), []);
    } finally {
      await env.server.close();
    }
  });

  it('follows pagination, filtered and unfiltered', async () => {
    for (const filtersApplied of [true, false]) {
      const env = await setup({ referrersApi: true, filtersApplied, referrersPageSize: 1, ociSubject: true });
      try {
        const { subject, referrers } = subjectAndReferrers();
        const repo = env.repo('acme/app');
        for (const r of [subject, ...referrers]) await repo.push(r.descriptor, bytesSource(r.bytes));
        env.server.requests.length = 0;
        const all = await repo.referrers(subject.descriptor);
        assert.deepEqual(
          all.map((d) => d.digest),
          referrers.map((r) => r.descriptor.digest),
        );
        assert.equal(requestsTo(env.server.requests, 'GET', /\/referrers\//).length, 4);
        const sigs = await repo.referrers(subject.descriptor, { artifactType: 'application/vnd.example.sig' });
        assert.deepEqual(
          sigs.map((d) => d.digest),
          [referrers[0]?.descriptor.digest, referrers[3]?.descriptor.digest],
          `filtersApplied=${filtersApplied}`,
        );
      } finally {
        await env.server.close();
      }
    }
  });

  it('filters on the client when only some pages say they were filtered', async () => {
    for (const filteredPage of [1, 2]) {
      const env = await setup({ referrersApi: true, ociSubject: true });
      try {
        const { subject, referrers } = subjectAndReferrers();
        const [sig, sbom] = [referrers[0]?.descriptor as Descriptor, referrers[1]?.descriptor as Descriptor];
        const described = (d: Descriptor, artifactType: string): Descriptor => ({ ...d, artifactType });
        env.registry.intercept = (req, res) => {
          if (!req.url.pathname.includes('/referrers/')) return false;
          const page = req.url.searchParams.get('page') === '2' ? 2 : 1;
          const headers: Record<string, string> = { 'content-type': MediaType.ociIndex };
          if (page === filteredPage) headers['oci-filters-applied'] = 'artifactType';
          if (page === 1) headers.link = `<${req.url.pathname}?artifactType=x&page=2>; rel="next"`;
          // The page that claims to be filtered holds only the wanted type; the other one mixes in an sbom.
          const manifests =
            page === filteredPage ? [described(sig, 'application/vnd.example.sig')] : [described(sbom, 'application/vnd.example.sbom')];
          res.writeHead(200, headers);
          res.end(imageIndex(manifests).bytes);
          return true;
        };
        const found = await env.repo('acme/app').referrers(subject.descriptor, { artifactType: 'application/vnd.example.sig' });
        assert.deepEqual(
          found.map((d) => d.digest),
          [sig.digest],
          `filtered page ${filteredPage}`,
        );
      } finally {
        await env.server.close();
      }
    }
  });

  it('falls back to the tag schema when the API answers with something that is not an index', async () => {
    const env = await setup({ referrersApi: false, ociSubject: false });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const repo = env.repo('acme/app');
      for (const r of [subject, referrers[0] as ReturnType<typeof imageManifest>]) await repo.push(r.descriptor, bytesSource(r.bytes));
      env.registry.intercept = (req, res) => {
        if (!req.url.pathname.includes('/referrers/')) return false;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"manifests":[]}');
        return true;
      };
      const found = await repo.referrers(subject.descriptor);
      assert.deepEqual(
        found.map((d) => d.digest),
        [referrers[0]?.descriptor.digest],
      );
    } finally {
      await env.server.close();
    }
  });

  it('does not mistake a 401 on the referrers API for "no referrers API"', async () => {
    const env = await setup({ referrersApi: true });
    try {
      env.registry.intercept = (req, res) => {
        if (!req.url.pathname.includes('/referrers/')) return false;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"no"}]}');
        return true;
      };
      const { subject } = subjectAndReferrers();
      await assert.rejects(env.repo('acme/app').referrers(subject.descriptor), (err: OciError) => err.status === 401);
      assert.equal(env.server.requests.filter((r) => r.url.pathname.includes('/manifests/')).length, 0);
    } finally {
      await env.server.close();
    }
  });
});

describe('pushing manifests with a subject', () => {
  it('writes no fallback tag when the registry answers OCI-Subject', async () => {
    const env = await setup({ ociSubject: true });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const referrer = referrers[0] as ReturnType<typeof imageManifest>;
      await env.repo('acme/app').push(referrer.descriptor, bytesSource(referrer.bytes));
      assert.deepEqual(
        env.server.requests.map((r) => [r.method, r.url.pathname]),
        [['PUT', `/v2/acme/app/manifests/${referrer.descriptor.digest}`]],
      );
      assert.equal(env.registry.repository('acme/app').tags.has(referrersTag(subject.descriptor.digest)), false);
    } finally {
      await env.server.close();
    }
  });

  it('maintains the sha256-<hex> index without OCI-Subject: creates, appends with If-Match, skips duplicates, removes on delete', async () => {
    const env = await setup({ ociSubject: false, etag: true });
    try {
      const { subject, referrers } = subjectAndReferrers();
      const [first, second] = referrers as [ReturnType<typeof imageManifest>, ReturnType<typeof imageManifest>];
      const repo = env.repo('acme/app');
      const tag = referrersTag(subject.descriptor.digest);
      const fallbackIndex = (): { manifests: Descriptor[]; mediaType: string } => {
        const digest = env.registry.repository('acme/app').tags.get(tag) ?? '';
        const stored = env.registry.repository('acme/app').manifests.get(digest);
        assert.ok(stored, `fallback tag ${tag} exists`);
        assert.equal(stored.mediaType, MediaType.ociIndex);
        return JSON.parse(stored.bytes.toString('utf8')) as { manifests: Descriptor[]; mediaType: string };
      };

      await repo.push(first.descriptor, bytesSource(first.bytes));
      assert.deepEqual(
        env.server.requests.map((r) => [r.method, r.url.pathname.replace(/^\/v2\/acme\/app\//, '')]),
        [
          ['PUT', `manifests/${first.descriptor.digest}`],
          ['GET', `manifests/${tag}`],
          ['PUT', `manifests/${tag}`],
        ],
      );
      assert.equal(env.server.requests[2]?.headers['if-match'], undefined, 'nothing to match when the index is new');
      assert.deepEqual(fallbackIndex().manifests, [
        {
          mediaType: MediaType.ociManifest,
          size: first.descriptor.size,
          digest: first.descriptor.digest,
          annotations: { n: '1' },
          artifactType: 'application/vnd.example.sig',
        },
      ]);

      env.server.requests.length = 0;
      const etag = `"${env.registry.repository('acme/app').tags.get(tag)}"`;
      await repo.push(second.descriptor, bytesSource(second.bytes));
      const put = requestsTo(env.server.requests, 'PUT', new RegExp(`/manifests/${tag}$`))[0];
      assert.equal(put?.headers['if-match'], etag);
      assert.equal(put?.headers['content-type'], MediaType.ociIndex);
      // Sorted by digest, as go-containerregistry keeps it (the manifests' digests vary from run to run).
      const byDigest = [first.descriptor.digest, second.descriptor.digest].sort();
      assert.deepEqual(
        fallbackIndex().manifests.map((d) => d.digest),
        byDigest,
      );

      env.server.requests.length = 0;
      await repo.push(first.descriptor, bytesSource(first.bytes));
      assert.equal(requestsTo(env.server.requests, 'PUT', new RegExp(`/manifests/${tag}$`)).length, 0, 'already listed: no rewrite');

      assert.deepEqual(
        (await repo.referrers(subject.descriptor)).map((d) => d.digest),
        byDigest,
      );
      await repo.delete(first.descriptor);
      assert.deepEqual(
        fallbackIndex().manifests.map((d) => d.digest),
        [second.descriptor.digest],
      );
      assert.deepEqual(
        (await repo.referrers(subject.descriptor, { artifactType: 'application/vnd.example.sbom' })).map((d) => d.digest),
        [second.descriptor.digest],
      );
    } finally {
      await env.server.close();
    }
  });

  it('refuses to append to a fallback tag that is not an index', async () => {
    const env = await setup({ ociSubject: false });
    try {
      const { subject, referrers } = subjectAndReferrers();
      env.registry.seedManifest(
        'acme/app',
        imageManifest({ config: config.descriptor, layers: [] }),
        referrersTag(subject.descriptor.digest),
      );
      const referrer = referrers[0] as ReturnType<typeof imageManifest>;
      await assert.rejects(
        env.repo('acme/app').push(referrer.descriptor, bytesSource(referrer.bytes)),
        (err: OciError) => err.code === 'MANIFEST_INVALID' && /not an image index/.test(err.message),
      );
    } finally {
      await env.server.close();
    }
  });
});

describe('chunked uploads', () => {
  const data = randomBytes(30);
  const item = blob(data);
  const chunked = { upload: { monolithicLimit: 10, chunkSize: 7 } };
  const ranges = (requests: Recorded[]): string[] =>
    requests
      .filter((r) => r.method === 'PATCH' || r.method === 'GET')
      .map((r) => (r.method === 'GET' ? 'GET' : String(r.headers['content-range'])));
  const stored = (registry: FakeRegistry): Buffer | undefined => registry.repository('acme/app').blobs.get(item.descriptor.digest);

  it('sends PATCH chunks with Content-Range to the newest Location, then a bodiless PUT with the digest', async () => {
    const env = await setup({}, chunked);
    try {
      await env.repo('acme/app').push(item.descriptor, bytesSource(data));
      assert.deepEqual(stored(env.registry), data);
      assert.deepEqual(ranges(env.server.requests), ['0-6', '7-13', '14-20', '21-27', '28-29']);
      const patches = requestsTo(env.server.requests, 'PATCH', /uploads/);
      assert.deepEqual(
        patches.map((r) => r.url.searchParams.get('_state')),
        ['0', '1', '2', '3', '4'],
      );
      assert.ok(
        patches.every(
          (r) => r.headers['content-type'] === 'application/octet-stream' && Number(r.headers['content-length']) === r.body.length,
        ),
      );
      const put = requestsTo(env.server.requests, 'PUT', /uploads/)[0];
      assert.equal(put?.body.length, 0);
      assert.equal(put?.url.searchParams.get('digest'), item.descriptor.digest);
      assert.equal(put?.url.searchParams.get('_state'), '5');
    } finally {
      await env.server.close();
    }
  });

  it('uploads a blob up to the limit in one PUT', async () => {
    const env = await setup({}, chunked);
    try {
      const small = blob(randomBytes(10));
      await env.repo('acme/app').push(small.descriptor, bytesSource(small.bytes));
      assert.equal(requestsTo(env.server.requests, 'PATCH', /./).length, 0);
      assert.deepEqual(requestsTo(env.server.requests, 'PUT', /uploads/)[0]?.body, small.bytes);
    } finally {
      await env.server.close();
    }
  });

  it('after a 416, asks for the upload status (204 + Range) and resumes there', async () => {
    const env = await setup({}, chunked);
    try {
      let patches = 0;
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PATCH' || ++patches !== 2) return false;
        res.writeHead(416, { range: '0-6', 'content-length': '0' });
        res.end();
        return true;
      };
      await env.repo('acme/app').push(item.descriptor, bytesSource(data));
      assert.deepEqual(stored(env.registry), data);
      assert.deepEqual(ranges(env.server.requests), ['0-6', '7-13', 'GET', '7-13', '14-20', '21-27', '28-29']);
      assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 1);
    } finally {
      await env.server.close();
    }
  });

  it('after a PATCH whose response was lost, resumes at what the registry really stored', async () => {
    for (const kept of [7, 3]) {
      const env = await setup({ stableLocation: true }, chunked);
      try {
        let patches = 0;
        env.registry.intercept = (req, res) => {
          if (req.method !== 'PATCH' || ++patches !== 2) return false;
          const upload = env.registry.uploads.get(req.url.pathname.split('/').pop() ?? '');
          assert.ok(upload);
          upload.data = Buffer.concat([upload.data, req.body.subarray(0, kept)]);
          res.socket?.destroy();
          return true;
        };
        await env.repo('acme/app').push(item.descriptor, bytesSource(data));
        assert.deepEqual(stored(env.registry), data, `kept ${kept}`);
        const expected = kept === 7 ? ['0-6', '7-13', 'GET', '14-20', '21-27', '28-29'] : ['0-6', '7-13', 'GET', '10-16', '17-23', '24-29'];
        assert.deepEqual(ranges(env.server.requests), expected);
        assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 1, 'resumed, not restarted');
      } finally {
        await env.server.close();
      }
    }
  });

  it('reads the ambiguous status "Range: 0-0" as an empty session when the first PATCH was lost', async () => {
    const env = await setup({ stableLocation: true }, chunked);
    try {
      let patches = 0;
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PATCH' || ++patches !== 1) return false;
        res.socket?.destroy(); // nothing stored; the registry will answer 0-0
        return true;
      };
      await env.repo('acme/app').push(item.descriptor, bytesSource(data));
      assert.deepEqual(stored(env.registry), data);
      assert.deepEqual(ranges(env.server.requests), ['0-6', 'GET', '0-6', '7-13', '14-20', '21-27', '28-29']);
      assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 1, 'resumed at 0, not restarted');
    } finally {
      await env.server.close();
    }
  });

  it('starts a fresh session when the old one cannot be resumed (distribution: the stale Location is unknown)', async () => {
    const env = await setup({}, chunked);
    try {
      let patches = 0;
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PATCH' || ++patches !== 2) return false;
        const upload = env.registry.uploads.get(req.url.pathname.split('/').pop() ?? '');
        assert.ok(upload);
        upload.data = Buffer.concat([upload.data, req.body]);
        upload.state++;
        res.socket?.destroy();
        return true;
      };
      await env.repo('acme/app').push(item.descriptor, bytesSource(data));
      assert.deepEqual(stored(env.registry), data);
      assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 2);
      assert.ok(
        requestsTo(env.server.requests, 'HEAD', /\/blobs\/sha256:/).length >= 1,
        'checked whether the blob landed before restarting',
      );
    } finally {
      await env.server.close();
    }
  });

  it('gives up on a chunk that keeps failing, with the registry error', async () => {
    const env = await setup({}, chunked);
    try {
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PATCH') return false;
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"SIZE_INVALID","message":"chunk too small"}]}');
        return true;
      };
      await assert.rejects(
        env.repo('acme/app').push(item.descriptor, bytesSource(data)),
        (err: OciError) => err.code === 'SIZE_INVALID' && /upload chunk 0-6 to .*: 400 SIZE_INVALID: chunk too small/.test(err.message),
      );
      assert.equal(requestsTo(env.server.requests, 'PATCH', /./).length, 1);
    } finally {
      await env.server.close();
    }
  });
});

describe('uploads: retries and mounts', () => {
  it('restarts a monolithic upload after a 5xx on PUT, and stops when the blob landed anyway', async () => {
    const env = await setup();
    try {
      const item = blob(randomBytes(100));
      let puts = 0;
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PUT' || ++puts !== 1) return false;
        res.writeHead(500);
        res.end();
        return true;
      };
      assert.equal(await env.repo('acme/app').mount(item.descriptor, 'acme/none', bytesSource(item.bytes)), 'uploaded');
      assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 2);
      assert.deepEqual(env.registry.repository('acme/app').blobs.get(item.descriptor.digest), item.bytes);

      env.server.requests.length = 0;
      const landed = blob(randomBytes(50));
      puts = 0;
      env.registry.intercept = (req, res) => {
        if (req.method !== 'PUT' || ++puts !== 1) return false;
        env.registry.seedBlob('acme/app', landed.bytes); // stored, but the answer says otherwise
        res.writeHead(503, { 'retry-after': '0' });
        res.end();
        return true;
      };
      await env.repo('acme/app').push(landed.descriptor, bytesSource(landed.bytes));
      assert.equal(requestsTo(env.server.requests, 'POST', /uploads/).length, 1, 'no second upload');
    } finally {
      await env.server.close();
    }
  });

  it('mounts from another repository (201), and uploads when the registry starts a session instead (202)', async () => {
    const env = await setup();
    try {
      const item = blob(randomBytes(64));
      env.registry.seedBlob('acme/base', item.bytes);
      assert.equal(await env.repo('acme/app').mount(item.descriptor, 'acme/base', bytesSource(item.bytes)), 'mounted');
      const post = env.server.requests[0];
      assert.equal(post?.url.searchParams.get('mount'), item.descriptor.digest);
      assert.equal(post?.url.searchParams.get('from'), 'acme/base');
      assert.equal(env.server.requests.length, 1);
      const other = blob(randomBytes(64));
      assert.equal(await env.repo('acme/app').mount(other.descriptor, 'acme/base', bytesSource(other.bytes)), 'uploaded');
      assert.deepEqual(env.registry.repository('acme/app').blobs.get(other.descriptor.digest), other.bytes);
    } finally {
      await env.server.close();
    }
  });

  it('refuses content whose size disagrees with its descriptor before sending anything', async () => {
    const env = await setup();
    try {
      const item = blob(randomBytes(10));
      await assert.rejects(
        env.repo('acme/app').push({ ...item.descriptor, size: 11 }, bytesSource(item.bytes)),
        (err: OciError) => err.code === 'SIZE_INVALID',
      );
      assert.equal(env.server.requests.length, 0);
    } finally {
      await env.server.close();
    }
  });
});

describe('blob downloads redirected to another host', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  let cdn: ScriptedServer;
  const item = blob(randomBytes(2048));
  let serve: Buffer = item.bytes;
  const credentials = { username: 'ci', password: 'secret' };
  const basic = `Basic ${Buffer.from('ci:secret').toString('base64')}`;
  before(async () => {
    cdn = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(serve);
    });
    env = await setup(
      {
        authorize: (req) => (req.headers.authorization === basic ? undefined : 'Basic realm="fake"'),
        blobRedirect: (_name, digest) => `${cdn.altUrl}/storage/${digest.slice(7)}?X-Signature=abc`,
      },
      { credentials: async () => credentials },
    );
    env.registry.seedBlob('acme/app', item.bytes);
  });
  after(async () => {
    await env.server.close();
    await cdn.close();
  });
  beforeEach(() => {
    env.server.requests.length = 0;
    cdn.requests.length = 0;
    serve = item.bytes;
  });

  it('follows the redirect without Authorization and verifies the content', async () => {
    const repo = env.repo('acme/app');
    assert.equal(await repo.exists(item.descriptor), true);
    assert.deepEqual(await readAll(await repo.fetch(item.descriptor)), item.bytes);
    const get = requestsTo(env.server.requests, 'GET', /\/blobs\//);
    assert.deepEqual(
      get.map((r) => r.headers.authorization),
      [basic],
    );
    assert.equal(cdn.requests.length, 1);
    assert.equal(cdn.requests[0]?.path, `/storage/${item.descriptor.digest.slice(7)}?X-Signature=abc`);
    assert.equal(cdn.requests[0]?.headers.host, `localhost:${cdn.port}`);
    assert.equal(cdn.requests[0]?.headers.authorization, undefined);
  });

  it('fails with DIGEST_MISMATCH when the other host serves different bytes', async () => {
    const tampered = Buffer.from(item.bytes);
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    serve = tampered;
    const repo = env.repo('acme/app');
    await assert.rejects(
      async () => readAll(await repo.fetch(item.descriptor)),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
    serve = Buffer.concat([item.bytes, Buffer.from('x')]);
    await assert.rejects(
      async () => readAll(await repo.fetch(item.descriptor)),
      (err: OciError) => err.code === 'SIZE_INVALID',
    );
  });
});

describe('manifests from registries that disagree with themselves', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  const real = imageManifest({ config: config.descriptor, layers: [blob('layer').descriptor] });
  const other = imageManifest({ config: config.descriptor, layers: [blob('other').descriptor] });
  before(async () => {
    env = await setup();
    env.registry.seedManifest('acme/app', real, 'v1');
  });
  after(() => env.server.close());
  beforeEach(() => {
    env.server.requests.length = 0;
    env.registry.intercept = undefined;
  });

  it('fetches a manifest by tag and checks Docker-Content-Digest against the bytes', async () => {
    const fetched = await env.repo('acme/app').fetchManifest('v1');
    assert.deepEqual(fetched.bytes, real.bytes);
    assert.deepEqual(fetched.descriptor, real.descriptor);
    assert.equal(
      env.server.requests[0]?.headers.accept,
      [MediaType.ociManifest, MediaType.ociIndex, MediaType.dockerManifest, MediaType.dockerManifestList].join(', '),
    );

    env.registry.intercept = (req, res) => {
      if (!req.url.pathname.endsWith('/manifests/v1') || req.method !== 'GET') return false;
      res.writeHead(200, { 'content-type': MediaType.ociManifest, 'docker-content-digest': other.descriptor.digest });
      res.end(real.bytes);
      return true;
    };
    await assert.rejects(
      env.repo('acme/app').fetchManifest('v1'),
      (err: OciError) =>
        err.code === 'DIGEST_MISMATCH' && err.message.includes(other.descriptor.digest) && err.message.includes(real.descriptor.digest),
    );
  });

  it('rejects a manifest fetched by digest whose bytes hash to something else', async () => {
    env.registry.intercept = (req, res) => {
      if (!req.url.pathname.includes('/manifests/sha256:')) return false;
      res.writeHead(200, { 'content-type': MediaType.ociManifest, 'docker-content-digest': real.descriptor.digest });
      res.end(req.method === 'HEAD' ? undefined : other.bytes);
      return true;
    };
    await assert.rejects(env.repo('acme/app').fetchManifest(real.descriptor.digest), (err: OciError) => err.code === 'DIGEST_MISMATCH');
    await assert.rejects(
      async () => readAll(await env.repo('acme/app').fetch(real.descriptor)),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
  });

  it('rejects a HEAD by digest that answers another digest', async () => {
    env.registry.intercept = (req, res) => {
      if (req.method !== 'HEAD') return false;
      res.writeHead(200, {
        'content-type': MediaType.ociManifest,
        'docker-content-digest': other.descriptor.digest,
        'content-length': String(real.bytes.length),
      });
      res.end();
      return true;
    };
    await assert.rejects(env.repo('acme/app').resolve(real.descriptor.digest), (err: OciError) => err.code === 'DIGEST_MISMATCH');
  });

  it('resolves with HEAD alone when the registry sends Docker-Content-Digest', async () => {
    assert.deepEqual(await env.repo('acme/app').resolve('v1'), real.descriptor);
    assert.deepEqual(
      env.server.requests.map((r) => r.method),
      ['HEAD'],
    );
    await assert.rejects(
      env.repo('acme/app').resolve('missing'),
      (err: OciError) => err.status === 404 && err.code === 'MANIFEST_UNKNOWN' && /tag "missing" not found/.test(err.message),
    );
  });

  it('falls back to GET when HEAD has no Docker-Content-Digest, and still checks the bytes', async () => {
    const quiet = await setup({ headWithoutDigest: true });
    try {
      quiet.registry.seedManifest('acme/app', real, 'v1');
      assert.deepEqual(await quiet.repo('acme/app').resolve('v1'), real.descriptor);
      assert.deepEqual(
        quiet.server.requests.map((r) => r.method),
        ['HEAD', 'GET'],
      );
      quiet.server.requests.length = 0;
      assert.deepEqual(await quiet.repo('acme/app').resolve(real.descriptor.digest), real.descriptor);
      assert.deepEqual(
        quiet.server.requests.map((r) => r.method),
        ['HEAD', 'GET'],
      );
      quiet.registry.intercept = (req, res) => {
        if (req.method !== 'GET') return false;
        res.writeHead(200, { 'content-type': MediaType.ociManifest });
        res.end(other.bytes);
        return true;
      };
      await assert.rejects(quiet.repo('acme/app').resolve(real.descriptor.digest), (err: OciError) => err.code === 'DIGEST_MISMATCH');
    } finally {
      await quiet.server.close();
    }
  });

  it('rejects a manifest push the registry stores under another digest', async () => {
    env.registry.intercept = (req, res) => {
      if (req.method !== 'PUT') return false;
      res.writeHead(201, { 'docker-content-digest': other.descriptor.digest, location: '/x' });
      res.end();
      return true;
    };
    await assert.rejects(
      env.repo('acme/app').pushReference(real.descriptor, real.bytes, 'v2'),
      (err: OciError) => err.code === 'DIGEST_MISMATCH' && /stored v2 as/.test(err.message),
    );
  });

  it('refuses to push bytes that do not match their descriptor, before any request', async () => {
    await assert.rejects(
      env.repo('acme/app').pushReference(real.descriptor, other.bytes, 'v3'),
      (err: OciError) => err.code === 'DIGEST_MISMATCH',
    );
    assert.equal(env.server.requests.length, 0);
  });

  it('reports a missing blob as BLOB_UNKNOWN and a registry error with its code and message', async () => {
    const missing = blob('nope');
    await assert.rejects(
      env.repo('acme/app').fetch(missing.descriptor),
      (err: OciError) => err.code === 'BLOB_UNKNOWN' && err.status === 404,
    );
    assert.equal(await env.repo('acme/app').exists(missing.descriptor), false);
    env.registry.intercept = (req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }));
      return req !== undefined;
    };
    // A HEAD answer has no body, so the status alone names the error.
    await assert.rejects(
      env.repo('acme/app').exists(missing.descriptor),
      (err: OciError) => err.code === 'DENIED' && err.status === 403 && /check sha256:.*: 403 DENIED$/.test(err.message),
    );
    await assert.rejects(
      env.repo('acme/app').tags(),
      (err: OciError) =>
        err.code === 'DENIED' && /list tags of .*acme\/app: 403 DENIED: requested access to the resource is denied$/.test(err.message),
    );
  });
});

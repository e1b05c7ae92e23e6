/**
 * /metrics on the real server with real y-websocket clients: who may read it, that it is
 * Prometheus's text format, and that the counters move with what clients and requests do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClaim, type Actor } from '@factdesk/shared';
import { connectCollab, type CollabClient } from '../testing/collab-client.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const SEEDS = { 'bridge.txt': 'Mayor promises new bridge\nIt will open in 2027.' };
const DOC = 'bridge';
const target = { version: 1, quote: { exact: 'open in 2027', prefix: 'It will ', suffix: '.' }, position: { start: 8, end: 20 } };
const ref = (a: Pick<Actor, 'id' | 'name'>) => ({ id: a.id, name: a.name });

const METRIC_NAMES = [
  'factdesk_websockets_open',
  'factdesk_rooms',
  'factdesk_updates_accepted_total',
  'factdesk_updates_refused_total',
  'factdesk_held_update_bytes',
  'factdesk_log_commit_seconds',
  'factdesk_update_delivery_seconds',
  'factdesk_http_requests_total',
  'nodejs_eventloop_lag_seconds',
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
];

const COMMENT = /^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/;

/**
 * Each sample's value by its name and labels as written; throws on a line that is not the text
 * format. prom-client writes NaN as "Nan", which Prometheus reads (it parses floats ignoring case).
 */
function parseExposition(text: string): { samples: Map<string, number>; types: Map<string, string> } {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!COMMENT.test(line)) throw new Error(`not a Prometheus comment line: ${line}`);
      const [, kind, name, type] = line.split(' ');
      if (kind === 'TYPE') types.set(name, type);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return { samples, types };
}

describe('GET /metrics', () => {
  let t: TestServer;
  let admin: string;
  let anna: { id: string; token: string };
  let val: { id: string; token: string };
  const open: CollabClient[] = [];

  beforeAll(async () => {
    t = await startTestServer({ seeds: SEEDS });
    admin = await t.adminToken();
    anna = await t.addUser('anna', 'annotator');
    val = await t.addUser('val', 'viewer');
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.destroy();
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const answer = await t.call('/metrics', { token: admin });
    expect(answer.status).toBe(200);
    return parseExposition(answer.body as string).samples;
  };
  const sample = async (key: string) => (await scrape()).get(key) ?? 0;
  const connect = (token: string) => {
    const client = connectCollab(t.url, DOC, token);
    open.push(client);
    return client;
  };

  it('refuses someone signed out (401) and anyone but an admin (403)', async () => {
    expect(await t.call('/metrics')).toMatchObject({ status: 401, body: { error: expect.any(String) } });
    expect(await t.call('/metrics', { token: val.token })).toMatchObject({ status: 403, body: { error: expect.any(String) } });
    expect(await t.call('/metrics', { token: anna.token })).toMatchObject({ status: 403 });
  });

  it('gives an admin every metric in Prometheus text format', async () => {
    const answer = await t.call('/metrics', { token: admin });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const { types } = parseExposition(answer.body as string);
    for (const name of METRIC_NAMES) expect(types.has(name), name).toBe(true);
    expect(types.get('factdesk_log_commit_seconds')).toBe('histogram');
    expect(types.get('factdesk_updates_refused_total')).toBe('counter');
  });

  it("counts a client's accepted claim, and the open socket and awake room it came through", async () => {
    const before = await sample('factdesk_updates_accepted_total');
    const client = connect(anna.token);
    await client.synced();
    createClaim(client.doc, ref({ id: anna.id, name: 'anna' }), { target, verdict: 'mixed', rationale: 'Partly.', sources: [] });
    await expect.poll(() => sample('factdesk_updates_accepted_total')).toBeGreaterThan(before);
    const samples = await scrape();
    expect(samples.get('factdesk_websockets_open')).toBe(1);
    expect(samples.get('factdesk_rooms{state="awake"}')).toBe(1);
    expect(samples.get('factdesk_log_commit_seconds_count')).toBeGreaterThan(0);
    expect(samples.get('factdesk_update_delivery_seconds_count')).toBeGreaterThan(0);
    expect(client.rejections).toEqual([]);
  });

  it("counts a viewer's write as refused, labelled by the kind of reason and never by its text", async () => {
    const key = 'factdesk_updates_refused_total{reason="permission"}';
    const before = await sample(key);
    const client = connect(val.token);
    await client.synced();
    createClaim(client.doc, ref({ id: val.id, name: 'val' }), { target, verdict: 'false', rationale: 'No.', sources: [] });
    await expect.poll(() => sample(key)).toBe(before + 1);
    expect(client.rejections).toHaveLength(1);
    const labels = [...(await scrape()).keys()].filter((k) => k.startsWith('factdesk_updates_refused_total')).join('\n');
    expect(labels).not.toContain(client.rejections[0]);
  });

  it('counts HTTP requests by route pattern and status, not by the raw path', async () => {
    const key = 'factdesk_http_requests_total{method="GET",route="/api/documents/:id",status="200"}';
    const before = await sample(key);
    expect((await t.call(`/api/documents/${DOC}`, { token: anna.token })).status).toBe(200);
    await expect.poll(() => sample(key)).toBe(before + 1);
    await t.call('/api/no-such-thing/12345', { token: anna.token });
    await expect.poll(() => sample('factdesk_http_requests_total{method="GET",route="other",status="404"}')).toBeGreaterThan(0);
    const keys = [...(await scrape()).keys()].join('\n');
    expect(keys).not.toContain(`/api/documents/${DOC}`);
    expect(keys).not.toContain('12345');
  });
});

describe('GET /metrics with METRICS_PORT', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seeds: SEEDS, config: { metricsPort: 0 } });
  });
  afterAll(() => t.close());

  it('serves the metrics on their own port without sign-in, and not on the main port', async () => {
    const metricsUrl = t.server.metricsUrl;
    expect(metricsUrl).toBeDefined();
    const answer = await fetch(metricsUrl!);
    expect(answer.status).toBe(200);
    expect(parseExposition(await answer.text()).types.has('factdesk_updates_accepted_total')).toBe(true);
    expect((await t.call('/metrics', { token: await t.adminToken() })).status).toBe(404);
    expect((await fetch(new URL('/api/documents', metricsUrl)).then((r) => r.status))).toBe(404);
  });
});

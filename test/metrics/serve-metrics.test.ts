import test from 'ava';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { serveMetrics } from '../../src/io/serve-metrics.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';

const HOST = '127.0.0.1';

async function serve(t: { teardown(fn: () => Promise<void>): void }) {
  const server = await serveMetrics(createMetrics({ processMetrics: false }), { host: HOST, port: 0 });
  t.teardown(() => server.close());
  return server;
}

test('port 0 binds a free port and reports it in url', async (t) => {
  const s = await serve(t);
  t.true(s.port > 0);
  t.is(s.url, `http://${HOST}:${s.port}/metrics`);
});

test('GET /metrics is the Prometheus text format', async (t) => {
  const s = await serve(t);
  const res = await fetch(s.url);
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  t.regex(await res.text(), /^# HELP clonewatch_volumes_total /m);
  const withQuery = await fetch(`${s.url}?x=1`);
  t.is(withQuery.status, 200);
  await withQuery.text();
});

test('HEAD /metrics has headers and no body', async (t) => {
  const s = await serve(t);
  const res = await fetch(s.url, { method: 'HEAD' });
  t.is(res.status, 200);
  t.is(await res.text(), '');
});

test('/ points to /metrics; other paths are 404; other methods 405', async (t) => {
  const s = await serve(t);
  const base = `http://${HOST}:${s.port}`;
  const root = await fetch(`${base}/`);
  t.is(root.status, 200);
  t.regex(await root.text(), /\/metrics/);
  const missing = await fetch(`${base}/nope`);
  t.is(missing.status, 404);
  t.regex(await missing.text(), /\/metrics/);
  const post = await fetch(s.url, { method: 'POST' });
  t.is(post.status, 405);
  t.is(post.headers.get('allow'), 'GET, HEAD');
  await post.text();
});

test('a port in use is a clear error that names the port', async (t) => {
  const s = await serve(t);
  const e = await t.throwsAsync(serveMetrics(createMetrics({ processMetrics: false }), { host: HOST, port: s.port }));
  t.is(e?.message, `Pick another --metrics-port, or stop what listens there: "${HOST}" port ${s.port} is already in use`);
  t.is((e as Error & { code?: string }).code, 'EADDRINUSE');
  t.is((e as Error & { port?: number }).port, s.port);
});

test('an address not of this machine is a clear error', async (t) => {
  const e = await t.throwsAsync(serveMetrics(createMetrics({ processMetrics: false }), { host: '192.0.2.1', port: 0 }));
  t.is(e?.message, 'Check --metrics-host: "192.0.2.1" port 0 is not an address of this machine');
});

test('close() ends even with a keep-alive connection open', async (t) => {
  const s = await serveMetrics(createMetrics({ processMetrics: false }), { host: HOST, port: 0 });
  await new Promise<void>((resolve, reject) => {
    const req = request(s.url, { agent: false, headers: { connection: 'keep-alive' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  const started = Date.now();
  await s.close();
  // An open keep-alive connection would hold close() for Node's keepAliveTimeout (5 s); the margin
  // below that holds on a busy machine.
  t.true(Date.now() - started < 4000);
  // The port is free again.
  await new Promise<void>((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(s.port, HOST, () => probe.close(() => resolve()));
  });
  t.pass();
});

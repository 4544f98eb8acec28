import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Metrics } from '../metrics/create-metrics.ts';

export interface MetricsServer {
  /** `http://host:port/metrics`, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open (keep-alive) connections. */
  close(): Promise<void>;
}

export interface ServeMetricsOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

const INDEX = 'clonewatch exporter: Prometheus metrics are at /metrics\n';

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

async function handle(metrics: Metrics, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path !== '/metrics' && path !== '/') return reply(res, 404, 'Not found: the metrics are at /metrics\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Use GET\n', { Allow: 'GET, HEAD' });
  if (path === '/') return reply(res, 200, INDEX);
  try {
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    reply(res, 500, `Could not collect the metrics: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `"${host}" port ${port}`;
  const message =
    e.code === 'EADDRINUSE'
      ? `Pick another --metrics-port, or stop what listens there: ${where} is already in use`
      : e.code === 'EACCES'
        ? `Pick a --metrics-port above 1023: ${where} needs privileges`
        : e.code === 'EADDRNOTAVAIL'
          ? `Check --metrics-host: ${where} is not an address of this machine`
          : `Check --metrics-host and --metrics-port: cannot serve metrics on ${where}: ${e.message}`;
  return Object.assign(new Error(message, { cause: e }), { code: e.code, port });
}

/** Serves `GET /metrics` (Prometheus text format) from the given metrics over node:http. */
export function serveMetrics(metrics: Metrics, opts: ServeMetricsOptions): Promise<MetricsServer> {
  const server = createServer((req, res) => void handle(metrics, req, res));
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, opts.host, opts.port)));
    server.listen(opts.port, opts.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : opts.port;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${port}/metrics`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

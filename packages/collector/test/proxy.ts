/**
 * A small round-robin reverse proxy, as a load balancer in front of several instances: it appends the client's
 * address to X-Forwarded-For, like nginx's $proxy_add_x_forwarded_for. For the tests and the benchmark.
 * Also a client helper that sends from a chosen loopback address (127.0.0.2, 127.0.0.3…: distinct "people").
 */
import { createServer, request, Agent, type Server } from 'node:http';

export interface Proxy {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function startProxy(upstreams: string[]): Promise<Proxy> {
  let next = 0;
  const agents = upstreams.map(() => new Agent({ keepAlive: true, maxSockets: 64 }));
  const server = createServer((req, res) => {
    const i = next++ % upstreams.length;
    const target = new URL(req.url ?? '/', upstreams[i]);
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(target, { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded }, agent: agents[i] }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":"bad_gateway","message":"Instance injoignable."}');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        close: () =>
          new Promise<void>((r) => {
            for (const a of agents) a.destroy();
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

const agents = new Map<string, Agent>();
/** POST JSON from a given local address; resolves with the status and the body. */
export function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  let agent = agents.get(localAddress);
  if (!agent) agents.set(localAddress, (agent = new Agent({ keepAlive: true, localAddress })));
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

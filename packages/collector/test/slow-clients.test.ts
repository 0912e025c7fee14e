/**
 * Slow and hostile clients on a real socket: a body that comes one byte at a time, headers that never end, idle
 * keep-alive connections, too many connections, oversized headers, garbage. The service closes what it must, in its
 * own format, and keeps serving everyone else.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { buildCollector } from '../src/app.ts';
import { until } from './service.ts';

type App = Awaited<ReturnType<typeof buildCollector>>;

/** A raw connection that records what it receives and when it is closed. */
function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  const state = { received: '', closed: false, socket };
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => (state.received += d));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => undefined);
  return new Promise<typeof state>((resolve) => socket.once('connect', () => resolve(state)));
}

/** Writes one byte every `everyMs` until the socket is closed (the slow client never gives up by itself). */
function dribble(socket: Socket, text: string, everyMs: number) {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  return () => clearInterval(timer);
}

const valid = JSON.stringify({ procedure: 'lent', satisfaction: 'good' });

describe('slow and hostile clients', () => {
  let app: App;
  let port: number;
  before(async () => {
    app = await buildCollector({ sqlitePath: ':memory:', rateLimitMax: 100_000, rateLimitOtherMax: 100_000, timeouts: { requestMs: 2000, headersMs: 1000, keepAliveMs: 500, maxConnections: 40 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(() => app.close());

  const healthy = async () => (await fetch(`http://127.0.0.1:${port}/health/live`)).ok;

  test('a body sent one byte at a time is cut at the request timeout with a 408 in French; others are served meanwhile', async () => {
    const slow = await Promise.all(Array.from({ length: 10 }, () => open(port)));
    // The headers at once, then the body one byte at a time: only the request timeout can end this.
    const stops = slow.map((c) => {
      c.socket.write(`POST /api/v1/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${randomUUID()}\r\nContent-Length: ${valid.length}\r\n\r\n`);
      return dribble(c.socket, valid, 150);
    });
    try {
      assert.ok(await healthy(), 'served while the slow clients dribble');
      await until('every slow client closed by the server', () => slow.every((c) => c.closed), 30_000);
      for (const c of slow) {
        assert.match(c.received, /^HTTP\/1\.1 408/);
        assert.match(c.received, /"error":"request_timeout"/);
      }
    } finally {
      stops.forEach((s) => s());
    }
  });

  test('headers that never end are cut at the headers timeout', async () => {
    const c = await open(port);
    c.socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\n');
    const stop = dribble(c.socket, 'X-Lent: ' + 'a'.repeat(200), 100);
    try {
      await until('closed by the server', () => c.closed, 30_000);
      assert.match(c.received, /^HTTP\/1\.1 408[\s\S]*request_timeout/);
    } finally {
      stop();
    }
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const c = await open(port);
    c.socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
    await until('answered', () => c.received.includes('{"status":"ok"}'), 10_000);
    assert.match(c.received, /Keep-Alive: timeout=0|Keep-Alive: timeout=1|keep-alive/i);
    await until('closed once idle', () => c.closed, 20_000);
  });

  test('past the connection limit, new connections are closed at once; the service serves again when they go', async () => {
    const held = await Promise.all(Array.from({ length: 40 }, () => open(port)));
    await until('40 connections held', async () => (await new Promise<number>((r) => app.server.getConnections((_e, n) => r(n)))) >= 40, 10_000);
    const extra = await open(port);
    await until('the extra connection is closed', () => extra.closed, 10_000);
    assert.equal(extra.received, '');
    for (const c of held) c.socket.destroy();
    await until('served again', healthy, 10_000);
  });

  test('oversized headers: 431; garbage: 400; both in French', async () => {
    const big = await open(port);
    big.socket.write(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Grand: ${'a'.repeat(20_000)}\r\n\r\n`);
    await until('answered', () => big.closed, 10_000);
    assert.match(big.received, /^HTTP\/1\.1 431[\s\S]*"error":"headers_too_large"/);
    const garbage = await open(port);
    garbage.socket.write('N’IMPORTE QUOI\r\n\r\n');
    await until('answered', () => garbage.closed, 10_000);
    assert.match(garbage.received, /^HTTP\/1\.1 400[\s\S]*"error":"bad_request","message":"Requête HTTP mal formée\."/);
  });
});

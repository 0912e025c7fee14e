/**
 * The CSV export of the built service, on both databases: each page written by SQLite's reader worker or by
 * PostgreSQL in SQL, the same bytes either way; a download cut short frees the export's slot; a database that is away
 * gets a clean 503, never a cut file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { backend, loadRows, type Backend } from './bench-support.ts';
import { OPERATOR_TOKEN, send, startService, until, type Service } from './service.ts';

const agent = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const LOADED = 1234; // three pages of 500 on SQLite
const TRICKY = ['=HYPERLINK("http://evil")', '+33 6 12', '-1', '@SUM(A1)', '\uFF1DSOMME(A1)', '\tonglet', 'ligne 1\nligne 2', 'retour\r\nchariot', 'virgule, "guillemets" ; point-virgule', 'مرحبا 😀', ''];
/** Keys after every loaded id, in the order they are sent: the export's order is then the same on both databases. */
const trickyKey = (i: number) => `ffffffff-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function withService<T>(kind: 'sqlite' | 'postgres', rows: number, work: (service: Service, b: Backend) => Promise<T>): Promise<T> {
  const b = await backend(kind);
  let service: Service | undefined;
  try {
    await loadRows(kind, b, rows);
    service = await startService(b.env);
    return await work(service, b);
  } finally {
    await service?.kill();
    b.cleanup();
  }
}

async function exported(service: Service, query = '') {
  const response = await fetch(`${service.url}/api/v1/export.csv${query}`, { headers: agent });
  // The BOM kept: response.text() would drop it.
  return { status: response.status, headers: response.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
}

describe('CSV export of the built service', () => {
  test('SQLite’s reader worker and PostgreSQL write the same CSV: pages, order, quoting, formulas neutralised', async () => {
    const texts: string[] = [];
    for (const kind of ['sqlite', 'postgres'] as const) {
      const text = await withService(kind, LOADED, async (service) => {
        for (const [i, comment] of TRICKY.entries()) {
          const sent = await send(service.url, trickyKey(i), { procedure: 'export-csv', satisfaction: i % 2 ? 'bad' : 'good', clarity: (i % 5) + 1, comment: comment || undefined, difficulties: i % 3 ? [] : ['attachments'], locale: 'fr' });
          assert.equal(sent.status, 201, `${kind}: ${sent.body}`);
        }
        const all = await exported(service);
        assert.equal(all.status, 200);
        assert.match(all.headers.get('content-type') ?? '', /^text\/csv/);
        assert.equal(all.headers.get('content-length'), null, 'streamed');
        assert.ok(all.text.startsWith('\uFEFFid,received_at,procedure,page_step,tutorial,tutorial_step,satisfaction,clarity,difficulties,help,comment,locale,client_created_at\n'), `${kind}: ${all.text.slice(0, 200)}`);
        const rows = parse<Record<string, string>>(all.text, { bom: true, columns: true });
        assert.equal(rows.length, LOADED + TRICKY.length, kind);
        // In the order they arrived (received_at, then id), across pages.
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          assert.ok(a.received_at! < b.received_at! || (a.received_at === b.received_at && a.id! < b.id!), `${kind}: row ${i} out of order`);
        }
        const tricky = rows.slice(-TRICKY.length);
        assert.deepEqual(tricky.map((r) => r.id), TRICKY.map((_, i) => trickyKey(i)));
        assert.deepEqual(
          tricky.map((r) => r.comment),
          TRICKY.map((t) => (/^[=+\-@\t\r\uFF1D]/.test(t) ? `'${t}` : t)),
          kind,
        );
        assert.equal(tricky[0]!.difficulties, '["attachments"]');
        // A filter: one procedure only.
        const one = parse<Record<string, string>>((await exported(service, '?procedure=procedure-3')).text, { bom: true, columns: true });
        assert.ok(one.length > 0 && one.every((r) => r.procedure === 'procedure-3'), kind);
        return all.text;
      });
      texts.push(text);
    }
    // Byte for byte, once the times of arrival (the moment each database ran) are set aside.
    const [sqlite, postgres] = texts.map((t) => t.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'T'));
    assert.equal(postgres, sqlite);
  });

  for (const kind of ['sqlite', 'postgres'] as const) {
    test(`${kind}: a download cut short frees its export slot`, async () => {
      await withService(kind, 200_000, async (service) => {
        const controller = new AbortController();
        const response = await fetch(`${service.url}/api/v1/export.csv`, { headers: agent, signal: controller.signal });
        assert.equal(response.status, 200);
        const reader = response.body!.getReader();
        assert.equal((await reader.read()).done, false);
        controller.abort();
        // Two exports at once (the most there may be): both start, so the cut one holds no slot any more.
        await until('both export slots free', async () => {
          const both = await Promise.all([0, 1].map(() => exported(service, '?procedure=procedure-7')));
          return both.every((r) => r.status === 200 && r.text.split('\n').length > 1000);
        }, 30_000, 200);
      });
    });
  }

  test('postgres: the database away when the export starts: 503 with Retry-After, not a cut file', async () => {
    await withService('postgres', 10, async (service, b) => {
      assert.ok(b.pause);
      b.pause();
      const away = await exported(service);
      assert.equal(away.status, 503, `${away.text}\n${service.output()}`);
      assert.ok(Number(away.headers.get('retry-after')) > 0);
      assert.equal(JSON.parse(away.text).error, 'database_unavailable');
    });
  });
});

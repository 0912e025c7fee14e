import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { buildCollector, clientAddress } from '../src/app.ts';
import { readConfig } from '../src/main.ts';
import { MemoryCounters, openStore, RowRejected, type Insert } from '../src/store/index.ts';
import { blockedBody, feedbackBody } from '../src/schemas.ts';
import { startPostgres, type ThrowAwayPostgres } from './postgres.ts';

type App = Awaited<ReturnType<typeof buildCollector>>;
const valid = { procedure: 'demande-logement', pageStep: '2', satisfaction: 'bad', clarity: 2, difficulties: ['attachments', 'other'], help: ['phone', 'relative'], comment: 'Le bouton ne marche pas', locale: 'fr', tutorial: 'demande-aide-logement', tutorialStep: 3 };

function post(app: App, body: unknown, options: { key?: string; type?: string; url?: string; origin?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: options.url ?? '/api/v1/feedback',
    headers: {
      'content-type': options.type ?? 'application/json',
      ...(options.key === '' ? {} : { 'idempotency-key': options.key ?? randomUUID() }),
      ...(options.origin ? { origin: options.origin } : {}),
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const TOKEN = 'jeton-operateur-de-test-0123456789';
const asAgent = { authorization: `Bearer ${TOKEN}` };
const agentGet = (app: App, url: string) => app.inject({ method: 'GET', url, headers: asAgent });
const count = async (app: App) => Number((await app.store.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`collector on ${backend}`, () => {
    let app: App;
    let pg: ThrowAwayPostgres | undefined;
    before(async () => {
      if (backend === 'postgres') pg = await startPostgres();
      app = await buildCollector({ sqlitePath: ':memory:', databaseUrl: pg?.url, operatorToken: TOKEN, corsOrigins: ['https://demarche.exemple.gouv.fr'], rateLimitMax: 1000, rateLimitOtherMax: 10_000 });
    });
    after(async () => {
      await app.close();
      pg?.stop();
    });

    test('a valid opinion is stored and acknowledged with its key', async () => {
      const key = randomUUID();
      const r = await post(app, valid, { key });
      assert.equal(r.statusCode, 201);
      assert.equal(r.json().id, key);
      assert.match(r.json().receivedAt, /^\d{4}-\d{2}-\d{2}T/);
      const row = await app.store.db.selectFrom('feedback').selectAll().where('id', '=', key).executeTakeFirstOrThrow();
      assert.equal(row.comment, 'Le bouton ne marche pas');
      assert.deepEqual(JSON.parse(row.help), ['phone', 'relative']);
    });

    test('a replay returns the first answer and stores nothing new; the same key with another body is refused', async () => {
      const key = randomUUID();
      const first = await post(app, valid, { key });
      const before = await count(app);
      const replay = await post(app, { ...valid }, { key });
      assert.equal(replay.statusCode, 201);
      assert.deepEqual(replay.json(), first.json());
      assert.equal(await count(app), before);
      const other = await post(app, { ...valid, satisfaction: 'good' }, { key });
      assert.equal(other.statusCode, 409);
      assert.equal(other.json().error, 'idempotency_key_reused');
    });

    test('the same opinion sent twice at the same time is stored once', async () => {
      const key = randomUUID();
      const before = await count(app);
      const answers = await Promise.all([post(app, valid, { key }), post(app, valid, { key }), post(app, valid, { key })]);
      assert.deepEqual(answers.map((a) => a.statusCode), [201, 201, 201]);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1);
      assert.equal(await count(app), before + 1);
    });

    test('bad input: the right 4xx with field errors, and the server keeps serving', async () => {
      const cases: [unknown, number, string, { type?: string; key?: string }?][] = [
        ['{"procedure": "x", ', 400, 'invalid_body'],
        ['', 400, 'invalid_body'],
        ['[]', 400, 'invalid_body'],
        [{ procedure: 'demande-logement' }, 400, 'invalid_body'],
        [{ ...valid, satisfaction: 'super' }, 400, 'invalid_body'],
        [{ ...valid, clarity: '5' }, 400, 'invalid_body'],
        [{ ...valid, clarity: 6 }, 400, 'invalid_body'],
        [{ ...valid, tutorialStep: 1.5 }, 400, 'invalid_body'],
        [{ ...valid, help: ['none', 'phone'] }, 400, 'invalid_body'],
        [{ ...valid, difficulties: ['other', 'other'] }, 400, 'invalid_body'],
        [{ ...valid, comment: 'é'.repeat(1001) }, 400, 'invalid_body'],
        [{ ...valid, nom: 'Dupont' }, 400, 'invalid_body'],
        [{ ...valid, procedure: "x'; DROP TABLE feedback; --" }, 400, 'invalid_body'],
        [{ ...valid, comment: 'x'.repeat(9000) }, 413, 'payload_too_large'],
        ['procedure=x', 415, 'unsupported_media_type', { type: 'application/x-www-form-urlencoded' }],
        [valid, 415, 'unsupported_media_type', { type: 'text/plain' }],
        [valid, 400, 'invalid_idempotency_key', { key: '' }],
        [valid, 400, 'invalid_idempotency_key', { key: '12345' }],
      ];
      for (const [body, status, error, options] of cases) {
        const r = await post(app, body, options);
        assert.equal(r.statusCode, status, `${JSON.stringify(body).slice(0, 60)} → ${r.body}`);
        assert.equal(r.json().error, error);
        assert.ok(r.json().message.length > 0);
      }
      const unknown = await post(app, { ...valid, nom: 'Dupont' });
      assert.deepEqual(unknown.json().fields, [{ field: '/nom', message: 'champ inconnu « nom »' }]);
      const wrong = await post(app, { ...valid, satisfaction: 'super' });
      assert.equal(wrong.json().fields[0].field, '/satisfaction');
      // The field's message is in French, like the rest of the answer.
      assert.match(wrong.json().fields[0].message, /doit être égal à une des valeurs prédéfinies/);
      // Still serving.
      assert.equal((await post(app, valid)).statusCode, 201);
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).json().status, 'ok');
    });

    test('unicode and SQL-looking text are kept as text, to the byte', async () => {
      // Also what an array literal would misread (rows go to PostgreSQL as one array per column): braces, commas, NULL.
      const comment = "Robert'); DROP TABLE feedback;-- 😀 مرحبا ñ \\ \" {a,\"b\"} NULL fin";
      const key = randomUUID();
      assert.equal((await post(app, { ...valid, comment }, { key })).statusCode, 201);
      const row = await app.store.db.selectFrom('feedback').select('comment').where('id', '=', key).executeTakeFirstOrThrow();
      assert.equal(row.comment, comment);
      const nullWord = randomUUID();
      assert.equal((await post(app, { ...valid, comment: 'NULL' }, { key: nullWord })).statusCode, 201);
      assert.equal((await app.store.db.selectFrom('feedback').select('comment').where('id', '=', nullWord).executeTakeFirstOrThrow()).comment, 'NULL');
      assert.ok((await count(app)) > 0, 'the table is still there');
      // A NUL character is refused with its field, on every backend alike.
      const nul = await post(app, { ...valid, comment: 'a\u0000b' });
      assert.equal(nul.statusCode, 400);
      assert.equal(nul.json().fields[0].field, '/comment');
    });

    test('"Je suis bloqué" counts per tutorial step, idempotent', async () => {
      const key = randomUUID();
      for (let i = 0; i < 2; i++) assert.equal((await post(app, { tutorial: 'declarer-revenus', step: 4, procedure: 'declaration-revenus' }, { url: '/api/v1/blocked', key })).statusCode, 201);
      assert.equal((await post(app, { tutorial: 'declarer-revenus', step: 4 }, { url: '/api/v1/blocked' })).statusCode, 201);
      assert.equal((await post(app, { tutorial: 'declarer-revenus', step: 0 }, { url: '/api/v1/blocked' })).statusCode, 400);
      const stats = (await agentGet(app, '/api/v1/stats')).json();
      assert.deepEqual(stats.blocked.filter((b: { tutorial: string }) => b.tutorial === 'declarer-revenus'), [{ tutorial: 'declarer-revenus', step: 4, count: 2 }]);
    });

    test('stats: counts, satisfaction out of 5 and 10, difficulties, help, per step and per day, filters', async () => {
      for (const satisfaction of ['good', 'good', 'medium']) await post(app, { procedure: 'carte-grise', pageStep: 'paiement', satisfaction, clarity: 4, help: ['none'] });
      const r = await agentGet(app, '/api/v1/stats?procedure=carte-grise');
      const s = r.json();
      assert.equal(s.total.count, 3);
      assert.deepEqual(s.total.answers, { bad: 0, medium: 1, good: 2 });
      assert.equal(s.total.scoreOutOf5, 4.33);
      assert.equal(s.total.scoreOutOf10, 8.33);
      assert.equal(s.clarity.average, 4);
      assert.equal(s.help.none, 3);
      assert.deepEqual(s.byPageStep.map((p: { pageStep: string; count: number }) => [p.pageStep, p.count]), [['paiement', 3]]);
      assert.equal(s.byDay.length, 1);
      const future = (await agentGet(app, '/api/v1/stats?procedure=carte-grise&from=2099-01-01')).json();
      assert.equal(future.total.count, 0);
      const wrong = await agentGet(app, '/api/v1/stats?from=hier');
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error, 'invalid_query');
      assert.equal(wrong.json().fields[0].field, '/from');
    });

    test('CSV export: agents only; streamed; every value round-trips; formulas neutralised', async () => {
      const tricky = ['=HYPERLINK("http://evil")', '+33 6 12', '-1', '@SUM(A1)', 'ligne 1\nligne 2', 'virgule, "guillemets" ; point-virgule', 'مرحبا 😀'];
      const keys: string[] = [];
      for (const comment of tricky) {
        const key = randomUUID();
        keys.push(key);
        assert.equal((await post(app, { ...valid, procedure: 'export-csv', comment }, { key })).statusCode, 201);
      }
      const anonymous = await app.inject({ method: 'GET', url: '/api/v1/export.csv' });
      assert.equal(anonymous.statusCode, 401);
      assert.match(String(anonymous.headers['www-authenticate']), /^Bearer/);
      assert.equal(anonymous.json().error, 'unauthorized');
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/export.csv', headers: { authorization: 'Bearer mauvais' } })).statusCode, 401);
      const ok = await agentGet(app, '/api/v1/export.csv?procedure=export-csv');
      assert.equal(ok.statusCode, 200);
      assert.match(ok.headers['content-type'] as string, /text\/csv/);
      // Streamed: no length known in advance.
      assert.equal(ok.headers['content-length'], undefined);
      assert.match(ok.body, /^\uFEFFid,received_at,procedure/);
      const rows = parse<Record<string, string>>(ok.body, { bom: true, columns: true });
      assert.deepEqual(rows.map((r) => r.id), keys);
      assert.deepEqual(
        rows.map((r) => r.comment),
        tricky.map((t) => (/^[=+\-@]/.test(t) ? `'${t}` : t)),
      );
      assert.equal(rows[0]!.difficulties, '["attachments","other"]');
    });

    test('CORS: configured origins only', async () => {
      const allowed = await post(app, valid, { origin: 'https://demarche.exemple.gouv.fr' });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://demarche.exemple.gouv.fr');
      const other = await post(app, valid, { origin: 'https://ailleurs.example' });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const preflight = await app.inject({ method: 'OPTIONS', url: '/api/v1/feedback', headers: { origin: 'https://demarche.exemple.gouv.fr', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
      assert.equal(preflight.statusCode, 204);
      assert.match(String(preflight.headers['access-control-allow-headers']), /Idempotency-Key/i);
    });

    test('the operator token is for scripts only: Bearer on the API; no HTTP Basic; /dashboard moved to the back office', async () => {
      const basic = `Basic ${Buffer.from(`agent:${TOKEN}`).toString('base64')}`;
      for (const url of ['/api/v1/stats', '/api/v1/export.csv']) {
        const r = await app.inject({ method: 'GET', url, headers: { authorization: basic } });
        assert.equal(r.statusCode, 401, `${url}: the token as an HTTP Basic password opens nothing`);
        assert.match(String(r.headers['www-authenticate']), /^Bearer/);
        assert.match(r.json().message, /espace des agents/);
      }
      const moved = await app.inject({ method: 'GET', url: '/dashboard?procedure=carte-grise&from=&to=', headers: asAgent });
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, '/agents/avis?procedure=carte-grise&from=&to=');
      // No back office configured here: the page is not served (the token does not open it).
      assert.equal((await app.inject({ method: 'GET', url: '/agents/avis', headers: asAgent })).statusCode, 404);
      const exported = await app.store.db.selectFrom('story_audit').selectAll().where('action', '=', 'export-avis').execute();
      assert.ok(exported.length >= 1, 'the scripted export of the test above is in the audit log');
      assert.equal(exported[0]!.agent_id, 'operator');
      assert.match(exported[0]!.details ?? '', /^script ; démarche=export-csv$/);
    });

    test('statistics come from the rollups and agree with the opinions themselves, replays counted once', async () => {
      const procedure = `rollup-${backend}`;
      const answers = ['good', 'bad', 'medium'] as const;
      const sent: Record<string, unknown>[] = [];
      for (let i = 0; i < 30; i++) {
        const body = { procedure, pageStep: `etape-${i % 3}`, satisfaction: answers[i % 3], clarity: (i % 5) + 1, difficulties: i % 2 ? ['other'] : [], help: i % 4 ? ['phone', 'email'] : ['none'] };
        const key = randomUUID();
        assert.equal((await post(app, body, { key })).statusCode, 201);
        if (i % 3 === 0) assert.equal((await post(app, body, { key })).statusCode, 201);
        sent.push(body);
      }
      const s = (await agentGet(app, `/api/v1/stats?procedure=${procedure}`)).json();
      const n = (f: (b: Record<string, unknown>) => boolean) => sent.filter(f).length;
      assert.equal(s.total.count, 30);
      assert.deepEqual(s.total.answers, { good: 10, bad: 10, medium: 10 });
      assert.equal(s.clarity.count, 30);
      assert.equal(s.clarity.average, Math.round((sent.reduce((a, b) => a + (b.clarity as number), 0) / 30) * 100) / 100);
      assert.equal(s.difficulties.other, n((b) => (b.difficulties as string[]).includes('other')));
      assert.equal(s.help.none, n((b) => (b.help as string[]).includes('none')));
      assert.equal(s.help.phone, n((b) => (b.help as string[]).includes('phone')));
      assert.deepEqual(
        s.byPageStep.map((p: { pageStep: string; count: number }) => [p.pageStep, p.count]),
        [['etape-0', 10], ['etape-1', 10], ['etape-2', 10]],
      );
      assert.deepEqual(s.truncated, []);
      // Rebuilt from the opinions, the rollups are the same.
      const before = await app.store.db.selectFrom('feedback_daily').selectAll().where('procedure', '=', procedure).orderBy('page_step').execute();
      const { rebuildRollups } = await import('../src/store/schema.ts');
      await rebuildRollups(app.store.db);
      const after = await app.store.db.selectFrom('feedback_daily').selectAll().where('procedure', '=', procedure).orderBy('page_step').execute();
      assert.deepEqual(after.map((r) => ({ ...r })), before.map((r) => ({ ...r })));
    });

    test('one batch of many entries keeps the rollups exact: same-batch duplicates and replays counted once', async () => {
      const procedure = `lot-rollup-${backend}`;
      const now = new Date().toISOString();
      const feedback = (id: string, i: number) =>
        ({
          table: 'feedback',
          row: { id, body_hash: `h${i}`, procedure, page_step: i % 4 === 3 ? null : `etape-${i % 3}`, tutorial: null, tutorial_step: null, satisfaction: (['good', 'bad', 'medium'] as const)[i % 3], clarity: i % 5 ? (i % 5) + 1 : null, difficulties: JSON.stringify(i % 2 ? ['other', 'attachments'] : []), help: JSON.stringify(i % 3 ? ['phone'] : ['none']), comment: null, locale: null, client_created_at: null, received_at: now },
        }) as Insert;
      const blocked = (id: string, i: number) => ({ table: 'blocked', row: { id, body_hash: `b${i}`, tutorial: 'lot-tutoriel', step: (i % 3) + 1, procedure: i % 2 ? procedure : null, received_at: now } }) as Insert;
      const story = (id: string) =>
        ({ table: 'stories', row: { id, public_id: id.slice(0, 12), follow_hash: `f-${id}`, body_hash: 's', procedure, step: 'pièces-justificatives', masked_text: 'Récit.', masked_kinds: '[]', feeling: 'negative', channel: 'online', locale: 'fr', client_created_at: null, received_at: now, status: 'pending' } }) as Insert;
      const earlier = [feedback(randomUUID(), 100), blocked(randomUUID(), 100)];
      for (const entry of earlier) assert.equal((await app.store.write(entry)).stored, true);
      const feedbackIds = Array.from({ length: 30 }, () => randomUUID());
      const blockedIds = Array.from({ length: 9 }, () => randomUUID());
      const batch: Insert[] = [
        ...feedbackIds.map(feedback),
        ...feedbackIds.slice(0, 4).map(feedback), // the same entries again, in the same batch
        ...earlier, // replays of entries stored before
        ...blockedIds.map(blocked),
        blocked(blockedIds[0]!, 0),
        story(randomUUID()),
      ];
      // Pushed in one tick: one group-commit batch.
      const outcomes = await Promise.all(batch.map((entry) => app.store.write(entry)));
      assert.deepEqual(
        outcomes.map((o) => o.stored),
        batch.map((_, i) => i < 30 || (i >= 36 && i < 45) || i === 46),
        'the first of each key is stored, its copies and the replays are not',
      );
      outcomes.forEach((o, i) => assert.equal(o.bodyHash, batch[i]!.row.body_hash, `entry ${i} answered with its first body`));
      assert.equal(outcomes[34]!.receivedAt, earlier[0]!.row.received_at);
      // A story's step is text (a blocked entry's is a number): stored as it came.
      const storyId = batch[batch.length - 1]!.row.id;
      assert.equal((await app.store.db.selectFrom('stories').select('step').where('id', '=', storyId).executeTakeFirstOrThrow()).step, 'pièces-justificatives');
      const s = (await agentGet(app, `/api/v1/stats?procedure=${procedure}`)).json();
      assert.equal(s.total.count, 31);
      assert.deepEqual(
        s.blocked.map((b: { step: number; count: number }) => [b.step, b.count]),
        // Of this procedure: the odd entries (steps 2, 1, 3, 2); the copy of the first entry is not counted.
        [[1, 1], [2, 2], [3, 1]],
      );
      // Rebuilt from the rows themselves, the rollups are the same.
      const rollups = async () => ({
        feedback: (await app.store.db.selectFrom('feedback_daily').selectAll().where('procedure', '=', procedure).orderBy('page_step').execute()).map((r) => ({ ...r })),
        blocked: (await app.store.db.selectFrom('blocked_daily').selectAll().where('tutorial', '=', 'lot-tutoriel').orderBy('procedure').orderBy('step').execute()).map((r) => ({ ...r })),
      });
      const kept = await rollups();
      const { rebuildRollups } = await import('../src/store/schema.ts');
      await rebuildRollups(app.store.db);
      assert.deepEqual(await rollups(), kept);
    });

    if (backend === 'postgres') {
      test('the counters of many clients at once go in one statement per round trip, each count exact', async () => {
        const keys = Array.from({ length: 200 }, (_, i) => `essai-compteurs-${i}-${randomUUID()}`);
        // Pushed in one tick: the first key goes at once, the others wait for it and go together; one key five times.
        const counted = await Promise.all([...keys, ...Array<string>(4).fill(keys[7]!)].map((key) => app.store.counters.incr(key, 60_000)));
        assert.deepEqual(counted.slice(0, 200).map((c) => c.count), keys.map(() => 1), 'each client’s first request counts 1');
        assert.deepEqual(counted.slice(200).map((c) => c.count), [2, 3, 4, 5], 'the same client again: counted in order');
        assert.ok(counted.every((c) => c.ttlMs > 55_000 && c.ttlMs <= 60_000));
        // Rows written by one statement share its transaction id.
        const { rows } = await sql<{ statements: number }>`select count(distinct xmin::text)::int as statements from rate_limit where key in (${sql.join(keys)})`.execute(app.store.db);
        assert.equal(rows[0]!.statements, 2);
        assert.equal((await app.store.counters.incr(keys[7]!, 60_000)).count, 6);
      });
    }

    test('a row the database refuses fails alone: its neighbours in the same batch are stored', async () => {
      const row = (id: string, extra: Record<string, unknown> = {}) =>
        ({ id, body_hash: 'h', procedure: 'lot', page_step: null, tutorial: null, tutorial_step: null, satisfaction: 'good', clarity: null, difficulties: '[]', help: '[]', comment: null, locale: null, client_created_at: null, received_at: new Date().toISOString(), ...extra }) as Insert['row'];
      // NOT NULL on both databases; on PostgreSQL also a value longer than its column.
      const poisons = [{ procedure: null }, ...(backend === 'postgres' ? [{ client_created_at: 'x'.repeat(41) }] : [])];
      const ids = Array.from({ length: 40 }, () => randomUUID());
      const bad = new Set([7, 23].slice(0, poisons.length));
      // Pushed in one tick: one group-commit batch.
      const results = await Promise.allSettled(ids.map((id, i) => app.store.write({ table: 'feedback', row: row(id, bad.has(i) ? poisons[[...bad].indexOf(i)] : {}) } as Insert)));
      results.forEach((r, i) => {
        if (bad.has(i)) assert.ok(r.status === 'rejected' && r.reason instanceof RowRejected, `row ${i}: ${JSON.stringify(r)}`);
        else assert.ok(r.status === 'fulfilled' && r.value.stored, `row ${i}: ${r.status === 'rejected' ? String(r.reason) : 'not stored'}`);
      });
      const stored = await app.store.db.selectFrom('feedback').select('id').where('id', 'in', ids).execute();
      assert.equal(stored.length, ids.length - bad.size);
    });

    test('an odd field among valid requests: that request gets its 4xx, the others their 201', async () => {
      const answers = await Promise.all([
        ...Array.from({ length: 30 }, () => post(app, valid)),
        post(app, { ...valid, clientCreatedAt: `2026-01-01T00:00:00.${'9'.repeat(30)}Z` }),
      ]);
      assert.deepEqual(answers.slice(0, 30).map((a) => a.statusCode), Array(30).fill(201));
      assert.equal(answers[30]!.statusCode, 400);
    });

    test('every answer in the French format, with the right status', async () => {
      const notFound = await app.inject({ method: 'GET', url: '/nulle-part' });
      assert.equal(notFound.statusCode, 404);
      assert.deepEqual(notFound.json(), { error: 'not_found', message: 'Adresse inconnue : GET /nulle-part.' });
      // A wrong method on a known path: 405 with Allow, before any body is read.
      const del = await app.inject({ method: 'DELETE', url: '/api/v1/feedback', headers: { 'content-type': 'application/json' }, payload: '{pas du json' });
      assert.equal(del.statusCode, 405);
      assert.equal(del.headers.allow, 'POST');
      assert.equal(del.json().error, 'method_not_allowed');
      const put = await app.inject({ method: 'PUT', url: '/api/v1/stats' });
      assert.equal(put.statusCode, 405);
      assert.equal(put.headers.allow, 'GET, HEAD');
      // OPTIONS without the preflight headers: what the path accepts.
      const options = await app.inject({ method: 'OPTIONS', url: '/api/v1/feedback', headers: { origin: 'https://demarche.exemple.gouv.fr' } });
      assert.equal(options.statusCode, 204);
      assert.equal(options.headers.allow, 'POST, OPTIONS');
      assert.equal((await app.inject({ method: 'OPTIONS', url: '/nulle-part' })).json().error, 'not_found');
      const empty = await app.inject({ method: 'POST', url: '/api/v1/feedback', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error, 'invalid_body');
      for (const r of [notFound, del, put, empty]) assert.match(r.headers['content-type'] as string, /application\/json/);
    });

    test('schema and database agree: a date of 41 characters is a 400, never a 500', async () => {
      const long = await post(app, { ...valid, clientCreatedAt: `2026-01-01T00:00:00.${'0'.repeat(21)}Z` });
      assert.equal(long.statusCode, 400);
      assert.equal(long.json().fields[0].field, '/clientCreatedAt');
      assert.equal((await post(app, { ...valid, clientCreatedAt: '2026-01-01T10:00:00.123+01:00' })).statusCode, 201);
    });
  });
}

describe('in-memory counters (SQLite)', () => {
  test('counters whose window ended go as new ones come; many clients in a window are kept, each one exact', async () => {
    const counters = new MemoryCounters();
    const start = Date.now();
    assert.deepEqual([await counters.incr('court', 30), await counters.incr('court', 30)].map((c) => c.count), [1, 2]);
    for (let i = 0; i < 60_000; i++) await counters.incr(`client-${i}`, 60_000);
    assert.equal((await counters.incr('client-59999', 60_000)).count, 2);
    assert.equal(counters.size, 60_001);
    // Timers never fire early: the 30 ms window has ended after this.
    await new Promise((resolve) => setTimeout(resolve, 31 - (Date.now() - start)));
    assert.equal((await counters.peek('court')).count, 0);
    assert.equal((await counters.incr('autre', 30)).count, 1);
    assert.equal(counters.size, 60_001, 'the ended counter was removed when a new one came');
    assert.equal((await counters.incr('court', 30)).count, 1, 'a new window starts from 1');
    assert.equal((await counters.peek('client-59999')).count, 2);
  });
});

describe('rate limit', () => {
  test('429 past the per-client limit, with Retry-After; other clients unaffected', async () => {
    const app = await buildCollector({ sqlitePath: ':memory:', rateLimitMax: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await post(app, valid)).statusCode);
      assert.deepEqual(answers, [201, 201, 201, 429, 429]);
      const limited = await post(app, valid);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.json().error, 'too_many_requests');
      const other = await app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress: '10.0.0.9', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify(valid) });
      assert.equal(other.statusCode, 201);
    } finally {
      await app.close();
    }
  });
});

describe('configuration of the service', () => {
  test('defaults, and clear messages for wrong values', () => {
    assert.equal(readConfig({}).config!.port, 7070);
    const { problems } = readConfig({ PORT: 'quatre', DATABASE_URL: 'mysql://x', AIDE_CORS_ORIGINS: 'https://ok.gouv.fr,pas une origine', AIDE_OPERATOR_TOKEN: 'court', AIDE_RATE_LIMIT_MAX: '0' });
    assert.equal(problems.length, 5);
    assert.match(problems.join('\n'), /PORT="quatre"/);
    assert.match(problems.join('\n'), /postgres:\/\//);
    assert.match(problems.join('\n'), /« pas une origine »/);
    assert.match(readConfig({ AIDE_TRUST_PROXY: 'true' }).problems[0]!, /n’importe quel client/);
    assert.match(readConfig({ AIDE_TRUST_PROXY: '10.0.0.0/33' }).problems[0]!, /10.0.0.0\/33/);
    assert.deepEqual(readConfig({ AIDE_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,loopback' }).config!.trustProxy, ['10.0.0.5', '10.0.1.0/24', 'loopback']);
    assert.equal(readConfig({ AIDE_TRUST_PROXY: '1' }).config!.trustProxy, 1);
    assert.match(readConfig({ AIDE_EXPORT_TOKEN: 'x'.repeat(30) }).problems[0]!, /renommé AIDE_OPERATOR_TOKEN/);
    assert.match(readConfig({ AIDE_HEADERS_TIMEOUT_MS: '20000', AIDE_REQUEST_TIMEOUT_MS: '10000' }).problems[0]!, /AIDE_HEADERS_TIMEOUT_MS/);
    assert.equal(readConfig({ AIDE_PUBLIC_STATS: 'true' }).config!.publicStats, true);
  });
});

describe('schema and columns', () => {
  test('on PostgreSQL, every text field the API accepts fits its column (sizes enforced there)', async () => {
    const pg = await startPostgres();
    const store = await openStore({ databaseUrl: pg.url, sqlitePath: '' });
    try {
      const columns = await sql<{ table_name: string; column_name: string; character_maximum_length: number | null; data_type: string }>`
        select table_name, column_name, character_maximum_length, data_type from information_schema.columns where table_name in ('feedback', 'blocked')`.execute(store.db);
      const column = (table: string, name: string) => columns.rows.find((c) => c.table_name === table && c.column_name === name)!;
      const fields: [string, Record<string, unknown>, Record<string, string>][] = [
        ['feedback', feedbackBody.properties, { procedure: 'procedure', pageStep: 'page_step', tutorial: 'tutorial', tutorialStep: 'tutorial_step', satisfaction: 'satisfaction', clarity: 'clarity', difficulties: 'difficulties', help: 'help', comment: 'comment', locale: 'locale', clientCreatedAt: 'client_created_at' }],
        ['blocked', blockedBody.properties, { tutorial: 'tutorial', step: 'step', procedure: 'procedure' }],
      ];
      for (const [table, properties, names] of fields) {
        assert.deepEqual(Object.keys(properties).sort(), Object.keys(names).sort(), `${table}: every field has its column`);
        for (const [field, schema] of Object.entries(properties) as [string, { type: string; maxLength?: number; enum?: string[]; maximum?: number }][]) {
          const c = column(table, names[field]!);
          assert.ok(c, `${table}.${names[field]} exists`);
          if (schema.type === 'string' && c.character_maximum_length !== null) {
            const longest = schema.enum ? Math.max(...schema.enum.map((e) => e.length)) : schema.maxLength;
            assert.ok(longest !== undefined && longest <= c.character_maximum_length, `${table}.${field}: at most ${longest ?? '∞'} characters for varchar(${c.character_maximum_length})`);
          }
          if (schema.type === 'integer') assert.equal(c.data_type, 'integer', `${table}.${field}`);
          if (schema.type === 'integer') assert.ok(schema.maximum! < 2 ** 31, `${table}.${field} fits an integer`);
        }
      }
    } finally {
      await store.close();
      pg.stop();
    }
  });
});

describe('agents only', () => {
  test('wrong credentials are limited per client: past ten, 429 even with the right token; others unaffected', async () => {
    const app = await buildCollector({ sqlitePath: ':memory:', operatorToken: TOKEN });
    try {
      const from = (remoteAddress: string, authorization: string) => app.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress, headers: { authorization } });
      for (let i = 0; i < 10; i++) assert.equal((await from('10.1.1.1', `Bearer essai-${i}`)).statusCode, 401);
      const limited = await from('10.1.1.1', 'Bearer essai-11');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().error, 'too_many_failures');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await from('10.1.1.1', `Bearer ${TOKEN}`)).statusCode, 429);
      assert.equal((await from('10.1.1.2', `Bearer ${TOKEN}`)).statusCode, 200);
      // No credentials at all is not a failure.
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress: '10.1.1.3' })).statusCode, 401);
    } finally {
      await app.close();
    }
  });

  test('without an operator token the agents’ side is closed, with a message that says how to open it', async () => {
    const app = await buildCollector({ sqlitePath: ':memory:' });
    try {
      for (const url of ['/api/v1/stats', '/api/v1/export.csv']) {
        const r = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer nimporte-quoi-de-assez-long' } });
        assert.equal(r.statusCode, 404, url);
        assert.match(r.json().message, /AIDE_OPERATOR_TOKEN/);
      }
    } finally {
      await app.close();
    }
  });

  test('public statistics: closed unless turned on; then one procedure, totals only, cached', async () => {
    const closed = await buildCollector({ sqlitePath: ':memory:' });
    try {
      const r = await closed.inject({ method: 'GET', url: '/api/v1/public/stats?procedure=demande-logement' });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error, 'public_stats_disabled');
    } finally {
      await closed.close();
    }
    const open = await buildCollector({ sqlitePath: ':memory:', publicStats: true });
    try {
      for (const satisfaction of ['good', 'good', 'bad']) await post(open, { procedure: 'publique', pageStep: 'secret', satisfaction });
      const r = await open.inject({ method: 'GET', url: '/api/v1/public/stats?procedure=publique' });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { procedure: 'publique', count: 3, answers: { bad: 1, medium: 0, good: 2 }, scoreOutOf5: 3.67, scoreOutOf10: 6.67 });
      assert.match(String(r.headers['cache-control']), /max-age=60/);
      // Computed once a minute at most: a new opinion shows later.
      await post(open, { procedure: 'publique', satisfaction: 'good' });
      assert.equal((await open.inject({ method: 'GET', url: '/api/v1/public/stats?procedure=publique' })).json().count, 3);
      assert.equal((await open.inject({ method: 'GET', url: '/api/v1/public/stats' })).json().error, 'invalid_query');
      assert.equal((await open.inject({ method: 'GET', url: '/api/v1/public/stats?procedure=x&from=2020-01-01' })).statusCode, 400);
    } finally {
      await open.close();
    }
  });
});

describe('client addresses', () => {
  test('behind a trusted proxy, each client has its own bucket; a forged X-Forwarded-For does not help', async () => {
    const app = await buildCollector({ sqlitePath: ':memory:', rateLimitMax: 2, trustProxy: ['127.0.0.1'] });
    try {
      const via = (xff: string, remoteAddress = '127.0.0.1') =>
        app.inject({ method: 'POST', url: '/api/v1/feedback', remoteAddress, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': xff }, payload: JSON.stringify(valid) });
      assert.deepEqual([(await via('198.51.100.1')).statusCode, (await via('198.51.100.1')).statusCode, (await via('198.51.100.1')).statusCode], [201, 201, 429]);
      assert.equal((await via('198.51.100.2')).statusCode, 201);
      // The client prepends an address of its choice; the proxy appends the real one, which is what counts.
      assert.equal((await via('203.0.113.9, 198.51.100.1')).statusCode, 429);
      // From an untrusted address, X-Forwarded-For is ignored: the socket address counts.
      assert.deepEqual([(await via('203.0.113.50', '192.0.2.7')).statusCode, (await via('203.0.113.51', '192.0.2.7')).statusCode, (await via('203.0.113.52', '192.0.2.7')).statusCode], [201, 201, 429]);
    } finally {
      await app.close();
    }
  });

  test('an IPv6 client is its /64', () => {
    assert.equal(clientAddress('2001:db8:1:2:aaaa::1'), '2001:0db8:0001:0002::/64');
    assert.equal(clientAddress('2001:db8:1:2::ffff'), '2001:0db8:0001:0002::/64');
    assert.equal(clientAddress('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(clientAddress('192.0.2.1'), '192.0.2.1');
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildCollector } from '../src/app.ts';
import { readConfig } from '../src/main.ts';
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
const count = async (app: App) => Number((await app.store.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`collector on ${backend}`, () => {
    let app: App;
    let pg: ThrowAwayPostgres | undefined;
    before(async () => {
      if (backend === 'postgres') pg = await startPostgres();
      app = await buildCollector({ sqlitePath: ':memory:', databaseUrl: pg?.url, exportToken: 'jeton-export-de-test-0123456789', corsOrigins: ['https://demarche.exemple.gouv.fr'], rateLimitMax: 1000 });
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
      const comment = "Robert'); DROP TABLE feedback;-- 😀 مرحبا ñ \\ \" fin";
      const key = randomUUID();
      assert.equal((await post(app, { ...valid, comment }, { key })).statusCode, 201);
      const row = await app.store.db.selectFrom('feedback').select('comment').where('id', '=', key).executeTakeFirstOrThrow();
      assert.equal(row.comment, comment);
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
      const stats = (await app.inject({ method: 'GET', url: '/api/v1/stats' })).json();
      assert.deepEqual(stats.blocked.filter((b: { tutorial: string }) => b.tutorial === 'declarer-revenus'), [{ tutorial: 'declarer-revenus', step: 4, count: 2 }]);
    });

    test('stats: counts, satisfaction out of 5 and 10, difficulties, help, per step and per day, filters', async () => {
      for (const satisfaction of ['good', 'good', 'medium']) await post(app, { procedure: 'carte-grise', pageStep: 'paiement', satisfaction, clarity: 4, help: ['none'] });
      const r = await app.inject({ method: 'GET', url: '/api/v1/stats?procedure=carte-grise' });
      const s = r.json();
      assert.equal(s.total.count, 3);
      assert.deepEqual(s.total.answers, { bad: 0, medium: 1, good: 2 });
      assert.equal(s.total.scoreOutOf5, 4.33);
      assert.equal(s.total.scoreOutOf10, 8.33);
      assert.equal(s.clarity.average, 4);
      assert.equal(s.help.none, 3);
      assert.deepEqual(s.byPageStep.map((p: { pageStep: string; count: number }) => [p.pageStep, p.count]), [['paiement', 3]]);
      assert.equal(s.byDay.length, 1);
      const future = (await app.inject({ method: 'GET', url: '/api/v1/stats?procedure=carte-grise&from=2099-01-01' })).json();
      assert.equal(future.total.count, 0);
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/stats?from=hier' })).statusCode, 400);
    });

    test('CSV export: only with the token; formulas neutralised', async () => {
      await post(app, { ...valid, comment: '=HYPERLINK("http://evil")' });
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/export.csv' })).statusCode, 401);
      assert.equal((await app.inject({ method: 'GET', url: '/api/v1/export.csv', headers: { authorization: 'Bearer mauvais' } })).statusCode, 401);
      const ok = await app.inject({ method: 'GET', url: '/api/v1/export.csv', headers: { authorization: 'Bearer jeton-export-de-test-0123456789' } });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.headers['content-type'] as string, /text\/csv/);
      assert.match(ok.body, /^\uFEFFid,received_at,procedure/);
      assert.match(ok.body, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
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

    test('dashboard: tables with captions and headers, no comment, works without JavaScript', async () => {
      const r = await app.inject({ method: 'GET', url: '/dashboard?procedure=carte-grise&from=&to=' });
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /<html lang="fr">/);
      assert.match(r.body, /<caption>Satisfaction par démarche<\/caption>/);
      assert.match(r.body, /<th scope="col">Note sur 5<\/th>/);
      assert.match(r.body, /<option value="carte-grise" selected>/);
      assert.doesNotMatch(r.body, /Le bouton ne marche pas/);
      assert.doesNotMatch(r.body, /<script/);
      assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
    });
  });
}

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
    const { problems } = readConfig({ PORT: 'quatre', DATABASE_URL: 'mysql://x', AIDE_CORS_ORIGINS: 'https://ok.gouv.fr,pas une origine', AIDE_EXPORT_TOKEN: 'court', AIDE_RATE_LIMIT_MAX: '0' });
    assert.equal(problems.length, 5);
    assert.match(problems.join('\n'), /PORT="quatre"/);
    assert.match(problems.join('\n'), /postgres:\/\//);
    assert.match(problems.join('\n'), /« pas une origine »/);
  });
});

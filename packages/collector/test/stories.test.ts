import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildCollector } from '../src/app.ts';
import { storyBody } from '../src/schemas.ts';
import { startPostgres, type ThrowAwayPostgres } from './postgres.ts';

type App = Awaited<ReturnType<typeof buildCollector>>;
const story = {
  procedure: 'demande-logement',
  step: '2',
  text: 'Je m’appelle Jeanne Martin, joignable au 06 12 34 56 78 ou jeanne.martin@exemple.fr. Le dossier a été refusé le 3 mars sans explication.',
  feeling: 'negative',
  channel: 'online',
  consent: true,
  locale: 'fr',
  clientCreatedAt: '2026-12-06T10:00:00.000Z',
};
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function send(app: App, body: unknown, key: string | null = randomUUID(), remoteAddress = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/stories',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const storyCount = async (app: App) => Number((await app.store.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`stories on ${backend}`, () => {
    let app: App;
    let pg: ThrowAwayPostgres | undefined;
    before(async () => {
      if (backend === 'postgres') pg = await startPostgres();
      app = await buildCollector({ sqlitePath: ':memory:', databaseUrl: pg?.url, rateLimitMax: 1000, rateLimitOtherMax: 10_000, storyRateLimitPerHour: 1000, publicUrl: 'https://avis.exemple.gouv.fr' });
    });
    after(async () => {
      await app.close();
      pg?.stop();
    });

    test('a story is masked before it is stored: only the masked text and the kinds are kept, status pending', async () => {
      const key = randomUUID();
      const r = await send(app, story, key);
      assert.equal(r.statusCode, 201, r.body);
      const answer = r.json();
      assert.match(answer.followToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(answer.followUrl, `https://avis.exemple.gouv.fr/suivi/${answer.followToken}`);
      assert.equal(answer.status, 'pending');
      assert.doesNotMatch(answer.maskedText, /Jeanne|06 12|jeanne\.martin/);
      assert.match(answer.maskedText, /refusé le 3 mars/);
      assert.deepEqual(answer.masked.map((m: { kind: string }) => m.kind).sort(), ['email', 'name', 'phone']);
      const rows = await app.store.db.selectFrom('stories').selectAll().execute();
      const row = rows.find((x) => x.public_id === answer.id)!;
      assert.ok(row);
      // Nothing personal anywhere in the row; neither the key nor the token is stored.
      const everything = JSON.stringify(row);
      for (const secret of ['Jeanne', 'Martin', '06 12 34 56 78', 'jeanne.martin@exemple.fr', key, answer.followToken]) assert.ok(!everything.includes(secret), `${secret} not stored`);
      assert.equal(row.id, sha256(key));
      assert.equal(row.follow_hash, sha256(answer.followToken));
      assert.equal(row.masked_text, answer.maskedText);
      assert.deepEqual(JSON.parse(row.masked_kinds), answer.masked);
      assert.equal(row.status, 'pending');
    });

    test('exactly once: a replay returns the first answer and stores nothing; concurrent copies store one; another body is refused', async () => {
      const key = randomUUID();
      const first = await send(app, story, key);
      const count = await storyCount(app);
      const replay = await send(app, { ...story }, key);
      assert.equal(replay.statusCode, 201);
      assert.deepEqual(replay.json(), first.json());
      assert.equal(await storyCount(app), count);
      const other = await send(app, { ...story, feeling: 'positive' }, key);
      assert.equal(other.statusCode, 409);
      const key2 = randomUUID();
      const answers = await Promise.all([send(app, story, key2), send(app, story, key2), send(app, story, key2)]);
      assert.deepEqual(answers.map((a) => a.statusCode), [201, 201, 201]);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1);
      assert.equal(await storyCount(app), count + 1);
    });

    test('bad input: French messages tied to each field, nothing stored', async () => {
      const count = await storyCount(app);
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ ...story, consent: false }, '/consent', /Acceptez les règles de publication/],
        [{ ...story, consent: undefined }, '/consent', /Acceptez/],
        [{ ...story, text: '   \n ' }, '/text', /entre 1 et 2000 caractères/],
        [{ ...story, text: 'é'.repeat(2001) }, '/text', /2000/],
        [{ ...story, text: '' }, '/text', /Racontez/],
        [{ ...story, feeling: 'angry' }, '/feeling', /positive, negative, mixed/],
        [{ ...story, channel: 'mail' }, '/channel', /online, phone, desk, with-help/],
        [{ ...story, procedure: 'Demande Logement' }, '/procedure', /démarche/],
        [{ ...story, email: 'x@y.fr' }, '/email', /champ inconnu « email »/],
        [{ ...story, text: 'a\u0000b' }, '/text', /Racontez/],
      ];
      for (const [body, field, message] of cases) {
        const r = await send(app, JSON.parse(JSON.stringify(body)));
        assert.equal(r.statusCode, 400, `${field}: ${r.body}`);
        assert.equal(r.json().error, 'invalid_body');
        const f = r.json().fields.find((x: { field: string }) => x.field === field);
        assert.ok(f, `${field} in ${r.body}`);
        assert.match(f.message, message);
      }
      // 2,000 characters of text plus surrounding spaces is accepted (counted after trimming), emoji count as one.
      assert.equal((await send(app, { ...story, text: `  ${'😀'.repeat(2000)}  ` })).statusCode, 201);
      assert.equal((await send(app, story, null)).json().error, 'invalid_idempotency_key');
      assert.equal((await send(app, '{"text": ')).statusCode, 400);
      const form = await app.inject({ method: 'POST', url: '/api/v1/stories', headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': randomUUID() }, payload: 'text=x' });
      assert.equal(form.statusCode, 415);
      assert.equal(await storyCount(app), count + 1);
    });

    test('following: the private link shows the story and its state; unknown and malformed tokens get 404 in French', async () => {
      const r = (await send(app, story)).json();
      const follow = await app.inject({ url: `/api/v1/stories/follow/${r.followToken}` });
      assert.equal(follow.statusCode, 200);
      assert.equal(follow.headers['cache-control'], 'no-store');
      const body = follow.json();
      assert.equal(body.id, r.id);
      assert.equal(body.status, 'pending');
      assert.equal(body.maskedText, r.maskedText);
      assert.equal(body.answer, undefined);
      assert.equal(body.publicUrl, undefined);
      const page = await app.inject({ url: `/suivi/${r.followToken}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Suivi de votre expérience<\/h1>/);
      assert.match(page.body, /en attente de relecture/);
      assert.match(page.body, /noindex/);
      assert.ok(!page.body.includes('Jeanne'));
      // One character changed (a token that already ends in « A » gets « B »: otherwise 1 run in 16, whose token ends in « A », asked for itself).
      for (const token of [`${r.followToken.slice(0, -1)}${r.followToken.endsWith('A') ? 'B' : 'A'}`, 'abc', `${r.followToken}x`, '%00']) {
        const unknown = await app.inject({ url: `/api/v1/stories/follow/${token}` });
        assert.equal(unknown.statusCode, 404, token);
        assert.equal(unknown.json().error, 'story_not_found');
        assert.match(unknown.json().message, /Aucun récit/);
      }
      assert.equal((await app.inject({ url: '/suivi/inconnu' })).statusCode, 404);
    });

    test('public pages list published stories only, newest first, with answers, filter, pagination, JSON and Atom', async () => {
      const procedure = `public-${backend}`;
      const sent: { id: string; followToken: string }[] = [];
      for (let i = 0; i < 23; i++) sent.push((await send(app, { ...story, procedure, text: `Récit numéro ${i}`, feeling: i % 2 ? 'positive' : 'mixed' })).json());
      // Publish all but the last, answer two, as the back office does (its own tests cover the forms).
      const now = Date.now();
      for (const [i, s] of sent.slice(0, 22).entries()) {
        await app.store.db
          .updateTable('stories')
          .set({ status: 'published', moderated_at: new Date(now + i * 1000).toISOString() })
          .where('public_id', '=', s.id)
          .execute();
      }
      const received = new Date(now - 10 * 3_600_000).toISOString();
      for (const [i, s] of [sent[20], sent[21]].entries()) {
        await app.store.db
          .updateTable('stories')
          .set({ received_at: received, answer_text: `Réponse ${i}`, answer_service: 'CAF de la Gironde', answer_agent: 'Agent', answered_at: new Date(now - (10 - (i + 1) * 2) * 3_600_000).toISOString() })
          .where('public_id', '=', s!.id)
          .execute();
      }
      const json = await app.inject({ url: `/api/v1/experiences?procedure=${procedure}` });
      assert.equal(json.statusCode, 200);
      assert.equal(json.headers['access-control-allow-origin'], '*');
      const list = json.json();
      assert.equal(list.items.length, 20);
      assert.equal(list.pages, 2);
      assert.equal(list.total, 22, 'the published stories of the filter, for « 22 expériences »');
      assert.equal(list.items[0].id, sent[21]!.id, 'newest first');
      assert.deepEqual(list.items[0].answer, { text: 'Réponse 1', signedBy: 'CAF de la Gironde', answeredAt: list.items[0].answer.answeredAt });
      assert.ok(!list.items.some((x: { id: string }) => x.id === sent[22]!.id), 'a pending story is never public');
      // 22 published, 2 answered (2 h and 4 h after arrival): median 3 h.
      assert.deepEqual(list.indicators, { stories: 22, answeredShare: 0.091, medianAnswerHours: 3 });
      const page2 = (await app.inject({ url: `/api/v1/experiences?procedure=${procedure}&page=2` })).json();
      assert.equal(page2.items.length, 2);
      const positive = (await app.inject({ url: `/api/v1/experiences?procedure=${procedure}&feeling=positive` })).json();
      assert.ok(positive.items.every((x: { feeling: string }) => x.feeling === 'positive'));
      assert.equal(positive.items.length, 11);
      assert.equal(positive.total, 11);
      assert.equal((await app.inject({ url: `/api/v1/experiences?procedure=${procedure}&feeling=angry` })).json().error, 'invalid_query');

      const html = await app.inject({ url: `/experiences/${procedure}?page=1` });
      assert.equal(html.statusCode, 200);
      assert.match(html.body, /<h1>Expériences des usagers/);
      assert.match(html.body, /<strong>22<\/strong> expériences publiées/);
      assert.match(html.body, /<h4>Réponse de CAF de la Gironde<\/h4>/);
      assert.match(html.body, /aria-current="page">Page 1 sur 2/);
      assert.match(html.body, /<label for="feeling">Ressenti<\/label>/);
      assert.ok(!html.body.includes('Récit numéro 22'));
      assert.match(html.headers['content-security-policy'] as string, /default-src 'none'/);

      const feed = await app.inject({ url: `/experiences/${procedure}/feed.atom` });
      assert.equal(feed.statusCode, 200);
      assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/);
      assert.match(feed.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.equal(feed.body.match(/<entry>/g)?.length, 22);
      assert.ok(feed.body.includes(`https://avis.exemple.gouv.fr/experiences/${procedure}#recit-${sent[21]!.id}`));
      assert.ok(!feed.body.includes('Récit numéro 22'));

      // The follow link now says published, with the public address and the answer.
      const follow = (await app.inject({ url: `/api/v1/stories/follow/${sent[21]!.followToken}` })).json();
      assert.equal(follow.status, 'published');
      assert.equal(follow.publicUrl, `https://avis.exemple.gouv.fr/experiences/${procedure}#recit-${sent[21]!.id}`);
      assert.equal(follow.answer.signedBy, 'CAF de la Gironde');
    });

    test('limits: per client per hour, then for everyone per minute, with Retry-After', async () => {
      const limited = await buildCollector({ sqlitePath: ':memory:', databaseUrl: pg?.url, rateLimitMax: 1000, storyRateLimitPerHour: 3, storyGlobalPerMinute: 5 });
      try {
        // On PostgreSQL the counters are shared by every instance: the stories sent above count against the limit.
        if (backend === 'postgres') await limited.store.db.deleteFrom('rate_limit').execute();
        const a = [];
        for (let i = 0; i < 4; i++) a.push((await send(limited, story, randomUUID(), '10.0.0.1')).statusCode);
        assert.deepEqual(a, [201, 201, 201, 429]);
        const b = [];
        for (let i = 0; i < 3; i++) b.push(await send(limited, story, randomUUID(), '10.0.0.2'));
        assert.deepEqual(b.map((r) => r.statusCode), [201, 201, 429]);
        assert.equal(b[2]!.json().error, 'too_many_stories');
        assert.ok(Number(b[2]!.headers['retry-after']) >= 1);
      } finally {
        await limited.close();
      }
    });

    if (backend === 'postgres') {
      test('every story field the API accepts fits its column', async () => {
        const columns = await sql<{ column_name: string; character_maximum_length: number | null }>`
          select column_name, character_maximum_length from information_schema.columns where table_name = 'stories'`.execute(app.store.db);
        const names: Record<string, string> = { procedure: 'procedure', step: 'step', text: 'masked_text', feeling: 'feeling', channel: 'channel', locale: 'locale', clientCreatedAt: 'client_created_at', consent: '' };
        assert.deepEqual(Object.keys(storyBody.properties).sort(), Object.keys(names).sort());
        for (const [field, schema] of Object.entries(storyBody.properties) as [string, { type?: string; maxLength?: number; enum?: readonly string[] }][]) {
          if (!names[field]) continue;
          const c = columns.rows.find((x) => x.column_name === names[field]);
          assert.ok(c, field);
          if (c.character_maximum_length !== null) {
            const longest = schema.enum ? Math.max(...schema.enum.map((e) => e.length)) : schema.maxLength!;
            assert.ok(longest <= c.character_maximum_length, `${field}: ${longest} ≤ ${c.character_maximum_length}`);
          }
        }
      });

      test('database away: sending and following answer 503 with Retry-After, and work again when it is back', async () => {
        const sent = (await send(app, story)).json();
        pg!.pause();
        try {
          const r = await send(app, story);
          assert.equal(r.statusCode, 503, r.body);
          assert.ok(Number(r.headers['retry-after']) > 0);
          const follow = await app.inject({ url: `/api/v1/stories/follow/${sent.followToken}` });
          assert.equal(follow.statusCode, 503);
          assert.equal(follow.json().error, 'database_unavailable');
          assert.equal((await app.inject({ url: '/api/v1/experiences?procedure=demande-logement' })).statusCode, 503);
        } finally {
          pg!.resume();
        }
        let status = 0;
        for (let i = 0; i < 50 && status !== 201; i++) {
          status = (await send(app, story)).statusCode;
          if (status !== 201) await new Promise((r) => setTimeout(r, 200));
        }
        assert.equal(status, 201);
      });
    }
  });
}

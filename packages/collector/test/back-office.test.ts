/**
 * The agents' back office with a real OpenID provider (node-oidc-provider, in this process on a free port): every
 * sign-in goes through the provider's pages and redirects, code + PKCE + state + nonce checked by openid-client.
 * The « browser » keeps one cookie jar per site and follows redirects itself.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildCollector, type AgentEntry } from '../src/app.ts';
import { startDevProvider, type DevProvider } from '../src/dev/oidc-provider.ts';
import { startPostgres, type ThrowAwayPostgres } from './postgres.ts';

type App = Awaited<ReturnType<typeof buildCollector>>;
const ORIGIN = 'http://collecteur.test';
const OPERATOR = 'jeton-operateur-de-test-0123456789';
const AGENTS: AgentEntry[] = [
  { email: 'moderatrice@demo.aide-numerique.fr', roles: ['moderator'], service: 'Équipe de modération', procedures: [] },
  { email: 'repondant@demo.aide-numerique.fr', roles: ['responder'], service: 'CAF de la Gironde', procedures: ['demande-logement'] },
  { email: 'autre@demo.aide-numerique.fr', roles: ['responder'], service: 'URSSAF', procedures: ['autre-demarche'] },
  { email: 'admin@demo.aide-numerique.fr', roles: ['administrator'], service: 'Direction', procedures: '*' },
  { email: 'sans-demarche@demo.aide-numerique.fr', roles: ['responder'], service: 'Service sans démarche', procedures: [] },
  { email: 'indicateurs@demo.aide-numerique.fr', roles: ['responder'], service: 'Service des indicateurs', procedures: ['procedure-indicateurs'] },
];
const story = { procedure: 'demande-logement', text: 'Mon dossier est bloqué depuis trois mois, écrivez-moi à paul.durand@exemple.fr.', feeling: 'negative', channel: 'online', consent: true, locale: 'fr' };

/** Cookies of one site, as a browser keeps them (name → value; expired ones removed). */
class Jar {
  cookies = new Map<string, string>();
  take(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

class Browser {
  collector = new Jar();
  provider = new Jar();
  constructor(
    private app: App,
    private idp: DevProvider,
  ) {}

  async get(path: string) {
    const r = await this.app.inject({ method: 'GET', url: path, headers: { cookie: this.collector.header() } });
    this.collector.take(r.headers['set-cookie']);
    return r;
  }

  async post(path: string, fields: Record<string, string>) {
    const r = await this.app.inject({ method: 'POST', url: path, headers: { cookie: this.collector.header(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    this.collector.take(r.headers['set-cookie']);
    return r;
  }

  /** At the provider: follows its redirects until it sends the browser back to the collector; fills its sign-in form. */
  async atProvider(url: string, email: string): Promise<string> {
    let next: { url: string; method: string; body?: string } = { url, method: 'GET' };
    for (let hop = 0; hop < 15; hop++) {
      if (!next.url.startsWith(this.idp.issuer)) return next.url;
      const r = await fetch(next.url, {
        method: next.method,
        redirect: 'manual',
        headers: { cookie: this.provider.header(), ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(next.body ? { body: next.body } : {}),
      });
      this.provider.take(r.headers.getSetCookie());
      if (r.status >= 300 && r.status < 400) {
        next = { url: new URL(r.headers.get('location')!, next.url).href, method: 'GET' };
        continue;
      }
      const html = await r.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      assert.ok(action && /name="login"/.test(html), `the provider's sign-in form (${r.status}): ${html.slice(0, 300)}`);
      next = { url: new URL(action.replace(/&amp;/g, '&'), next.url).href, method: 'POST', body: new URLSearchParams({ prompt: 'login', login: email, password: 'demo' }).toString() };
    }
    throw new Error('too many redirects at the provider');
  }

  /** The whole sign-in, from a back-office page to the page itself. Returns the collector's last answer. */
  async signIn(email: string, page = '/agents') {
    const start = await this.get(page);
    assert.equal(start.statusCode, 303, start.body);
    const signInPage = new URL(start.headers.location as string, ORIGIN);
    assert.equal(signInPage.pathname, '/agents/connexion');
    // Browsers apply form-action to the redirect after a submission: the sign-in form must be allowed to reach the provider.
    const form = await this.get(`${signInPage.pathname}${signInPage.search}`);
    assert.ok(String(form.headers['content-security-policy']).includes(`form-action 'self' ${new URL(this.idp.issuer).origin};`), String(form.headers['content-security-policy']));
    const go = await this.get(`/agents/connexion/fournisseur?retour=${encodeURIComponent(signInPage.searchParams.get('retour')!)}`);
    assert.equal(go.statusCode, 303);
    const back = await this.atProvider(go.headers.location as string, email);
    assert.ok(back.startsWith(`${ORIGIN}/agents/connexion/retour?`), back);
    const callback = await this.get(back.slice(ORIGIN.length));
    return { callback, callbackUrl: back };
  }

  csrf(html: string) {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token, 'a CSRF token in the page');
    return token.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)));
  }
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`agents' back office on ${backend}`, () => {
    let app: App;
    let idp: DevProvider;
    let pg: ThrowAwayPostgres | undefined;
    before(async () => {
      if (backend === 'postgres') pg = await startPostgres();
      idp = await startDevProvider({ redirectUris: [`${ORIGIN}/agents/connexion/retour`], postLogoutRedirectUris: [`${ORIGIN}/agents/connexion?message=deconnecte`] });
      app = await buildCollector({
        sqlitePath: ':memory:',
        databaseUrl: pg?.url,
        publicUrl: ORIGIN,
        operatorToken: OPERATOR,
        rateLimitMax: 1000,
        rateLimitOtherMax: 10_000,
        storyRateLimitPerHour: 1000,
        backOffice: { oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, scopes: 'openid email given_name usual_name', allowHttp: true }, agents: AGENTS },
      });
    });
    after(async () => {
      await app.close();
      await idp.close();
      pg?.stop();
    });

    const submit = async (body = story) => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/stories', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify(body) });
      assert.equal(r.statusCode, 201, r.body);
      return r.json<{ id: string; followToken: string }>();
    };

    test('a story from sending to its public answer: moderator publishes, responder answers, both signed in with OpenID Connect', async () => {
      const sent = await submit();
      // Not public before moderation.
      assert.ok(!(await app.inject({ url: '/experiences/demande-logement' })).body.includes(`recit-${sent.id}`));

      const moderator = new Browser(app, idp);
      const { callback } = await moderator.signIn('moderatrice@demo.aide-numerique.fr', '/agents/moderation');
      assert.equal(callback.statusCode, 303);
      assert.equal(callback.headers.location, '/agents/moderation', 'back where the agent was going');
      const cookie = [callback.headers['set-cookie']].flat().find((c) => c!.startsWith('aide_agent='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/, 'plain http here: Secure only on https');
      const queue = await moderator.get('/agents/moderation');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, /<h2 id="file">Récits en attente, les plus anciens d’abord<\/h2><ol class="queue" aria-labelledby="file">/);
      assert.doesNotMatch(queue.body, /<table/, 'a list of stories that reflows, not a wide table');
      assert.match(queue.body, /<h1>Modération des récits<\/h1>/);
      assert.ok(queue.body.includes(`/agents/recits/${sent.id}/publier`));
      assert.ok(!queue.body.includes('paul.durand'), 'the moderator reads the masked text');
      const published = await moderator.post(`/agents/recits/${sent.id}/publier`, { _csrf: moderator.csrf(queue.body) });
      assert.equal(published.statusCode, 303);
      assert.equal(published.headers.location, '/agents/moderation?message=publie');
      assert.match((await moderator.get('/agents/moderation?message=publie')).body, /role="status">Le récit est publié/);
      // The moderator does not answer.
      const denied = await moderator.post(`/agents/recits/${sent.id}/repondre`, { _csrf: moderator.csrf(queue.body), answer: 'Non' });
      assert.equal(denied.statusCode, 403);

      const responder = new Browser(app, idp);
      await responder.signIn('repondant@demo.aide-numerique.fr', '/agents/reponses');
      const answers = await responder.get('/agents/reponses');
      assert.equal(answers.statusCode, 200);
      assert.ok(answers.body.includes(`/agents/recits/${sent.id}/repondre`));
      assert.match(answers.body, /signée « CAF de la Gironde »/);
      const answered = await responder.post(`/agents/recits/${sent.id}/repondre`, { _csrf: responder.csrf(answers.body), answer: 'Bonjour,\nvotre dossier est débloqué depuis ce matin.' });
      assert.equal(answered.statusCode, 303);
      assert.equal(answered.headers.location, '/agents/reponses?message=repondu');
      // The responder does not moderate.
      assert.equal((await responder.get('/agents/moderation')).statusCode, 403);

      const follow = (await app.inject({ url: `/api/v1/stories/follow/${sent.followToken}` })).json();
      assert.equal(follow.status, 'published');
      assert.equal(follow.answer.signedBy, 'CAF de la Gironde');
      assert.equal(follow.answer.text, 'Bonjour,\nvotre dossier est débloqué depuis ce matin.');
      const publicPage = await app.inject({ url: '/experiences/demande-logement' });
      assert.ok(publicPage.body.includes(`recit-${sent.id}`));
      assert.match(publicPage.body, /Réponse de CAF de la Gironde/);
      // Each paragraph in the direction of its own text: a story told in Arabic reads right to left on this French page.
      assert.match(publicPage.body, /<p dir="auto">Bonjour,<br>votre dossier est débloqué depuis ce matin\.<\/p>/);
      assert.match((await app.inject({ url: '/experiences/demande-logement/feed.atom' })).body, /votre dossier est débloqué/);
      assert.match((await app.inject({ url: `/suivi/${sent.followToken}` })).body, /Réponse de CAF de la Gironde/);

      const indicators = await responder.get('/agents/indicateurs');
      assert.match(indicators.body, /<caption>Récits par démarche, depuis le début<\/caption>/);
      const audit = await app.store.db.selectFrom('story_audit').selectAll().where('story_id', '=', sent.id).orderBy('at').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.agent_id]), [
        ['publication', 'moderatrice@demo.aide-numerique.fr'],
        ['reponse', 'repondant@demo.aide-numerique.fr'],
      ]);
      const admin = new Browser(app, idp);
      await admin.signIn('admin@demo.aide-numerique.fr', '/agents/journal');
      const journal = await admin.get('/agents/journal');
      assert.equal(journal.statusCode, 200);
      assert.match(journal.body, /Karim Répondant \(repondant@demo.aide-numerique.fr\)<\/td><td>reponse/);
    });

    test('role boundaries: a responder answers only for their procedures, only published stories, once', async () => {
      const pending = await submit();
      const other = new Browser(app, idp);
      await other.signIn('autre@demo.aide-numerique.fr');
      const page = await other.get('/agents/reponses');
      assert.ok(!page.body.includes(pending.id));
      const token = other.csrf(page.body);
      const outside = await other.post(`/agents/recits/${pending.id}/repondre`, { _csrf: token, answer: 'Réponse hors de mes démarches' });
      assert.equal(outside.statusCode, 403);
      assert.match(outside.body, /ne répondez pas pour la démarche « demande-logement »/);
      const responder = new Browser(app, idp);
      await responder.signIn('repondant@demo.aide-numerique.fr');
      const t = responder.csrf((await responder.get('/agents')).body);
      // Pending: cannot be answered (it is not public).
      const early = await responder.post(`/agents/recits/${pending.id}/repondre`, { _csrf: t, answer: 'Trop tôt' });
      assert.equal(early.headers.location, '/agents/reponses?message=deja-traite');
      const publishable = await responder.post(`/agents/recits/${pending.id}/publier`, { _csrf: t });
      assert.equal(publishable.statusCode, 403, 'a responder cannot publish');
      const row = await app.store.db.selectFrom('stories').selectAll().where('public_id', '=', pending.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      assert.equal(row.answer_text, null);
      // A moderator refuses with a reason from the charter; the person sees it.
      const moderator = new Browser(app, idp);
      await moderator.signIn('moderatrice@demo.aide-numerique.fr');
      const mt = moderator.csrf((await moderator.get('/agents/moderation')).body);
      assert.equal((await moderator.post(`/agents/recits/${pending.id}/refuser`, { _csrf: mt, reason: 'n-importe-quoi' })).headers.location, '/agents/moderation?message=motif-manquant');
      assert.equal((await moderator.post(`/agents/recits/${pending.id}/refuser`, { _csrf: mt, reason: 'hors-sujet' })).headers.location, '/agents/moderation?message=refuse');
      // Twice (a double click): the second finds it done.
      assert.equal((await moderator.post(`/agents/recits/${pending.id}/publier`, { _csrf: mt })).headers.location, '/agents/moderation?message=deja-traite');
      const follow = (await app.inject({ url: `/api/v1/stories/follow/${pending.followToken}` })).json();
      assert.equal(follow.status, 'refused');
      assert.equal(follow.refusalReason, 'Le récit ne parle pas de la démarche.');
    });

    test('moderators mask more before publishing, never unmask: a forged text changes nothing; the kinds and the log say it', async () => {
      const sent = await submit({ ...story, text: 'Je travaille à la boulangerie du Port, au guichet de Mérignac on ne répond plus depuis trois mois.\n\nÉcrivez-moi à paul.durand@exemple.fr.' });
      const row = () => app.store.db.selectFrom('stories').selectAll().where('public_id', '=', sent.id).executeTakeFirstOrThrow();
      const stored = (await row()).masked_text;
      assert.ok(stored.includes('[adresse e-mail masquée]') && stored.includes('boulangerie du Port'), stored);
      const moderator = new Browser(app, idp);
      await moderator.signIn('moderatrice@demo.aide-numerique.fr');
      const queue = await moderator.get('/agents/moderation');
      assert.ok(queue.body.includes(`<a class="target" href="/agents/recits/${sent.id}/masquer">Masquer d’autres passages`));
      const form = await moderator.get(`/agents/recits/${sent.id}/masquer`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<label for="texte-masque">Récit à publier<\/label>/);
      assert.match(form.body, /<textarea id="texte-masque" name="text" rows="12" aria-describedby="texte-masque-aide">\n/);
      const token = moderator.csrf(form.body);
      const refusedWith = async (text: string, status: number, message: RegExp) => {
        const r = await moderator.post(`/agents/recits/${sent.id}/masquer`, { _csrf: token, text });
        assert.equal(r.statusCode, status, r.body);
        assert.match(r.body, message);
        // The error is at the top, as a link to the field, and tied to the field.
        assert.match(r.body, /<div class="error-summary" role="alert"><h2 id="erreurs">Une erreur empêche d’enregistrer<\/h2><ul><li><a href="#texte-masque">/);
        assert.match(r.body, /<textarea id="texte-masque" name="text" rows="12" aria-invalid="true" aria-describedby="texte-masque-aide texte-masque-erreur">/);
        assert.equal((await row()).masked_text, stored, 'nothing changed');
      };
      // Forged: the e-mail address put back (with a masking beside it, to look like one), a word rewritten, nothing masked.
      await refusedWith(stored.replace('[adresse e-mail masquée]', 'paul.durand@exemple.fr').replace('boulangerie du Port', '[masqué]'), 422, /jamais démasquer ni réécrire/);
      await refusedWith(stored.replace('boulangerie du Port', '[masqué]').replace('trois mois', 'deux jours'), 422, /jamais démasquer ni réécrire/);
      await refusedWith(stored, 400, /Rien n’a été masqué : remplacez au moins un passage par \[masqué\]/);
      // Without the form's token, or as a responder: refused, nothing changed, nothing logged.
      const edited = stored.replace('boulangerie du Port', '[masqué]').replace('Mérignac', '[masqué]').replace(/\n/g, '\r\n');
      assert.equal((await moderator.post(`/agents/recits/${sent.id}/masquer`, { text: edited })).statusCode, 403);
      const responder = new Browser(app, idp);
      await responder.signIn('repondant@demo.aide-numerique.fr');
      const rt = responder.csrf((await responder.get('/agents')).body);
      assert.equal((await responder.get(`/agents/recits/${sent.id}/masquer`)).statusCode, 403);
      assert.equal((await responder.post(`/agents/recits/${sent.id}/masquer`, { _csrf: rt, text: edited })).statusCode, 403);
      assert.equal((await row()).masked_text, stored);
      assert.equal(await app.store.db.selectFrom('story_audit').select('at').where('story_id', '=', sent.id).executeTakeFirst(), undefined);

      const done = await moderator.post(`/agents/recits/${sent.id}/masquer`, { _csrf: token, text: edited });
      assert.equal(done.statusCode, 303, done.body);
      assert.equal(done.headers.location, '/agents/moderation?message=masque');
      const after = await row();
      assert.equal(after.masked_text, stored.replace('boulangerie du Port', '[information personnelle masquée]').replace('Mérignac', '[information personnelle masquée]'));
      assert.deepEqual(JSON.parse(after.masked_kinds), [{ kind: 'email', count: 1 }, { kind: 'moderation', count: 2 }]);
      assert.equal(after.status, 'pending', 'masking does not publish');
      const again = await moderator.get('/agents/moderation?message=masque');
      assert.match(again.body, /role="status">Les passages sont masqués/);
      assert.match(again.body, /Masqué : adresse e-mail \(1\), masqué par la modération \(2\)\./);
      const logged = await app.store.db.selectFrom('story_audit').selectAll().where('story_id', '=', sent.id).execute();
      assert.deepEqual(logged.map((l) => [l.action, l.agent_id, l.details]), [['masquage', 'moderatrice@demo.aide-numerique.fr', 'passages masqués par la modération : 2']]);
      // The same form sent twice: its passages are masked already, nothing more to do (400).
      assert.equal((await moderator.post(`/agents/recits/${sent.id}/masquer`, { _csrf: token, text: edited })).statusCode, 400);
      // Once published, masking is over (the public may have read it): 409.
      await moderator.post(`/agents/recits/${sent.id}/publier`, { _csrf: token });
      const late = await moderator.post(`/agents/recits/${sent.id}/masquer`, { _csrf: token, text: '[masqué]' });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /on ne masque un récit qu’avant de le publier/);
      assert.ok((await app.inject({ url: '/experiences/demande-logement' })).body.includes('Je travaille à la [information personnelle masquée], au guichet de [information personnelle masquée] on ne répond plus'));
    });

    test('editing a published answer: its responder or an administrator; the public pages, JSON and Atom say « Réponse modifiée le … »; the log says who', async () => {
      const sent = await submit({ ...story, text: 'Je n’arrive pas à joindre le service des aides au logement.' });
      const moderator = new Browser(app, idp);
      await moderator.signIn('moderatrice@demo.aide-numerique.fr');
      await moderator.post(`/agents/recits/${sent.id}/publier`, { _csrf: moderator.csrf((await moderator.get('/agents/moderation')).body) });
      const responder = new Browser(app, idp);
      await responder.signIn('repondant@demo.aide-numerique.fr');
      const answers = await responder.get('/agents/reponses');
      await responder.post(`/agents/recits/${sent.id}/repondre`, { _csrf: responder.csrf(answers.body), answer: 'Appelez le 3230 du lundi au vendredi.' });
      const row = () => app.store.db.selectFrom('stories').selectAll().where('public_id', '=', sent.id).executeTakeFirstOrThrow();
      const first = await row();
      assert.equal(first.answer_updated_at, null);
      const list = await responder.get('/agents/reponses');
      assert.ok(list.body.includes(`<a href="/agents/recits/${sent.id}/reponse">Modifier<span class="visually-hidden"> la réponse publiée le`));
      const token = responder.csrf(list.body);

      // Outside the procedure, or not a responder: 403, nothing changed.
      const other = new Browser(app, idp);
      await other.signIn('autre@demo.aide-numerique.fr');
      const ot = other.csrf((await other.get('/agents/reponses')).body);
      assert.equal((await other.get(`/agents/recits/${sent.id}/reponse`)).statusCode, 403);
      const outside = await other.post(`/agents/recits/${sent.id}/reponse`, { _csrf: ot, answer: 'Réponse d’un autre service' });
      assert.equal(outside.statusCode, 403);
      assert.match(outside.body, /ne répondez pas pour la démarche « demande-logement »/);
      assert.equal((await moderator.post(`/agents/recits/${sent.id}/reponse`, { _csrf: moderator.csrf((await moderator.get('/agents')).body), answer: 'Modération' })).statusCode, 403);
      assert.equal((await responder.post(`/agents/recits/${sent.id}/reponse`, { answer: 'Sans jeton' })).statusCode, 403, 'CSRF');
      assert.equal((await row()).answer_text, 'Appelez le 3230 du lundi au vendredi.');

      const form = await responder.get(`/agents/recits/${sent.id}/reponse`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<label for="reponse-modifiee">Réponse publique, signée « CAF de la Gironde »<\/label>/);
      assert.match(form.body, /<textarea id="reponse-modifiee" name="answer" maxlength="4000" required rows="8" aria-describedby="reponse-modifiee-aide">\nAppelez le 3230 du lundi au vendredi\.<\/textarea>/);
      const empty = await responder.post(`/agents/recits/${sent.id}/reponse`, { _csrf: token, answer: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /<a href="#reponse-modifiee">Écrivez la réponse : entre 1 et 4000 caractères/);
      assert.match(empty.body, /aria-invalid="true" aria-describedby="reponse-modifiee-aide reponse-modifiee-erreur"/);
      assert.equal((await responder.post(`/agents/recits/${sent.id}/reponse`, { _csrf: token, answer: 'Appelez le 3230 du lundi au vendredi.' })).statusCode, 400, 'the same text');

      const edited = await responder.post(`/agents/recits/${sent.id}/reponse`, { _csrf: token, answer: 'Appelez le 3230 du lundi au vendredi, de 9 h à 16 h.' });
      assert.equal(edited.statusCode, 303, edited.body);
      assert.equal(edited.headers.location, '/agents/reponses?message=reponse-modifiee');
      const second = await row();
      assert.equal(second.answer_text, 'Appelez le 3230 du lundi au vendredi, de 9 h à 16 h.');
      assert.ok(second.answer_updated_at && second.answer_updated_at >= second.answered_at!);
      assert.equal(second.answered_at, first.answered_at, 'the answer keeps its first date');
      assert.equal(second.answer_service, 'CAF de la Gironde');

      const publicPage = (await app.inject({ url: '/experiences/demande-logement' })).body;
      const article = publicPage.slice(publicPage.indexOf(`id="recit-${sent.id}"`));
      assert.match(article, /de 9 h à 16 h\./);
      assert.match(article.slice(0, article.indexOf('</article>')), /Répondu le [^.]+\. Réponse modifiée le \d{1,2} \S+ \d{4}\./);
      const item = (await app.inject({ url: '/api/v1/experiences?procedure=demande-logement' })).json<{ items: { id: string; answer?: { text: string; updatedAt?: string } }[] }>().items.find((i) => i.id === sent.id)!;
      assert.deepEqual([item.answer!.text, item.answer!.updatedAt], [second.answer_text, second.answer_updated_at]);
      assert.equal((await app.inject({ url: `/api/v1/stories/follow/${sent.followToken}` })).json().answer.updatedAt, second.answer_updated_at);
      assert.match((await app.inject({ url: `/suivi/${sent.followToken}` })).body, /Réponse modifiée le/);
      const feed = (await app.inject({ url: '/experiences/demande-logement/feed.atom' })).body;
      const entry = feed.slice(feed.indexOf(`#recit-${sent.id}</id>`)).split('</entry>')[0]!;
      assert.ok(entry.includes(`<updated>${second.answer_updated_at}</updated>`), entry);
      assert.match(entry, /de 9 h à 16 h\.\n\nRéponse modifiée le/);

      // An administrator may edit too.
      const admin = new Browser(app, idp);
      await admin.signIn('admin@demo.aide-numerique.fr');
      assert.equal((await admin.post(`/agents/recits/${sent.id}/reponse`, { _csrf: admin.csrf((await admin.get(`/agents/recits/${sent.id}/reponse`)).body), answer: 'Appelez le 3230, de 9 h à 16 h.' })).statusCode, 303);
      const logged = await app.store.db.selectFrom('story_audit').selectAll().where('story_id', '=', sent.id).where('action', '=', 'modification-reponse').orderBy('at').execute();
      assert.deepEqual(logged.map((l) => l.agent_id), ['repondant@demo.aide-numerique.fr', 'admin@demo.aide-numerique.fr']);
      assert.match(logged[0]!.details!, /^service=CAF de la Gironde ; réponse précédente : 37 caractères, empreinte sha256 [0-9a-f]{16}$/);
      assert.ok(logged.every((l) => !l.details!.includes('3230')), 'the previous text is not kept in the log');
    });

    test('administrators manage agents in the database: add, change roles at once, deactivate (sessions end); never the last administrator; 403 for anyone else', async () => {
      const admin = new Browser(app, idp);
      await admin.signIn('admin@demo.aide-numerique.fr', '/agents/comptes');
      const list = await admin.get('/agents/comptes');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /<h1>Agents<\/h1>/);
      assert.match(list.body, /<a href="\/agents\/comptes" aria-current="page">Agents<\/a>/);
      // AIDE_AGENTS seeded the table; the sign-in filled in the name the provider gave.
      assert.match(list.body, /<th scope="row">Alex Administrateur<br><span class="meta">admin@demo.aide-numerique.fr<\/span><\/th><td>administration<\/td><td>Direction<\/td><td>toutes<\/td><td>Actif<\/td>/);
      assert.match(list.body, /<input type="checkbox" id="demarche-demande-logement" name="demarche-demande-logement">/, 'procedures the collector knows are offered');
      const token = admin.csrf(list.body);
      const accountId = async (email: string) => (await app.store.db.selectFrom('agent_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
      const adminId = await accountId('admin@demo.aide-numerique.fr');
      const moderatorId = await accountId('moderatrice@demo.aide-numerique.fr');

      // Anyone else: 403 on every route, GET or POST, nothing changed.
      const moderator = new Browser(app, idp);
      await moderator.signIn('moderatrice@demo.aide-numerique.fr');
      const mt = moderator.csrf((await moderator.get('/agents')).body);
      assert.doesNotMatch((await moderator.get('/agents')).body, /href="\/agents\/comptes"/);
      for (const [method, path] of [['GET', '/agents/comptes'], ['GET', `/agents/comptes/${adminId}`], ['POST', '/agents/comptes'], ['POST', `/agents/comptes/${adminId}`], ['POST', `/agents/comptes/${adminId}/desactiver`], ['POST', `/agents/comptes/${moderatorId}/reactiver`]] as const) {
        const r = method === 'GET' ? await moderator.get(path) : await moderator.post(path, { _csrf: mt, email: 'pirate@exemple.fr', 'role-administrator': 'on', service: 'X' });
        assert.equal(r.statusCode, 403, `${method} ${path}`);
        assert.match(r.body, /La gestion des agents est réservée aux administrateurs/);
      }
      assert.equal(await app.store.db.selectFrom('agent_accounts').select('id').where('email', '=', 'pirate@exemple.fr').executeTakeFirst(), undefined);
      // Without the form's token: refused.
      assert.equal((await admin.post('/agents/comptes', { email: 'sans-jeton@exemple.fr', 'role-moderator': 'on', service: 'X' })).statusCode, 403);

      // Wrong fields: each error named at the top, as a link, and tied to its field; nothing added.
      const wrong = await admin.post('/agents/comptes', { _csrf: token, email: 'pas-une-adresse', service: '', autres: 'Carte-Grise, ok-1' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /<h2 id="erreurs">4 erreurs empêchent d’enregistrer<\/h2>/);
      for (const field of ['email', 'role-moderator', 'service', 'autres-demarches']) assert.ok(wrong.body.includes(`<li><a href="#${field}">`), field);
      assert.match(wrong.body, /id="email" name="email" value="pas-une-adresse" required maxlength="200" autocomplete="off" spellcheck="false" aria-invalid="true" aria-describedby="email-aide email-erreur"/);
      assert.match(wrong.body, /<fieldset aria-describedby="roles-erreur"><legend>Rôles<\/legend>/);
      assert.match(wrong.body, /« Carte-Grise » n’est pas un identifiant de démarche/);
      const duplicate = await admin.post('/agents/comptes', { _csrf: token, email: 'Repondant@demo.aide-numerique.fr', 'role-responder': 'on', service: 'X' });
      assert.equal(duplicate.statusCode, 400);
      assert.match(duplicate.body, /repondant@demo.aide-numerique.fr est déjà inscrit/);

      // Added as a responder for one procedure; she signs in at once.
      const added = await admin.post('/agents/comptes', { _csrf: token, email: 'Nouvelle@Demo.Aide-Numerique.fr', name: 'Nina Nouvelle', 'role-responder': 'on', service: 'CAF du Nord', 'demarche-demande-logement': 'on', autres: 'carte-grise' });
      assert.equal(added.statusCode, 303, added.body);
      assert.equal(added.headers.location, '/agents/comptes?message=agent-ajoute');
      const nina = await app.store.db.selectFrom('agent_accounts').selectAll().where('email', '=', 'nouvelle@demo.aide-numerique.fr').executeTakeFirstOrThrow();
      assert.deepEqual([JSON.parse(nina.roles), nina.service, JSON.parse(nina.procedures), nina.active], [['responder'], 'CAF du Nord', ['demande-logement', 'carte-grise'], 1]);
      const newcomer = new Browser(app, idp);
      await newcomer.signIn('nouvelle@demo.aide-numerique.fr', '/agents/reponses');
      assert.equal((await newcomer.get('/agents/reponses')).statusCode, 200);
      assert.equal((await newcomer.get('/agents/moderation')).statusCode, 403);

      // Roles changed: her very next request follows (same session).
      const edit = await admin.get(`/agents/comptes/${nina.id}`);
      assert.equal(edit.statusCode, 200);
      assert.match(edit.body, /<input type="checkbox" id="role-responder" name="role-responder" checked>/);
      const changed = await admin.post(`/agents/comptes/${nina.id}`, { _csrf: token, name: 'Nina Nouvelle', 'role-moderator': 'on', service: 'CAF du Nord', 'toutes-demarches': 'on' });
      assert.equal(changed.statusCode, 303, changed.body);
      assert.equal((await newcomer.get('/agents/moderation')).statusCode, 200);
      assert.equal((await newcomer.get('/agents/reponses')).statusCode, 403);

      // Deactivated: her open session stops working at once, and she cannot sign in again; reactivated: she can.
      assert.equal((await admin.post(`/agents/comptes/${nina.id}/desactiver`, { _csrf: token })).headers.location, '/agents/comptes?message=agent-desactive');
      const closed = await newcomer.get('/agents/moderation');
      assert.equal(closed.statusCode, 303);
      assert.match(closed.headers.location as string, /^\/agents\/connexion\?retour=/);
      assert.equal(await app.store.db.selectFrom('agent_sessions').select('id_hash').where('agent_id', '=', 'nouvelle@demo.aide-numerique.fr').executeTakeFirst(), undefined);
      const refused = await new Browser(app, idp).signIn('nouvelle@demo.aide-numerique.fr');
      assert.equal(refused.callback.statusCode, 403);
      assert.match((await admin.get('/agents/comptes')).body, /nouvelle@demo.aide-numerique.fr<\/span><\/th><td>modération<\/td><td>CAF du Nord<\/td><td>toutes<\/td><td>Désactivé<\/td>/);
      assert.equal((await admin.post(`/agents/comptes/${nina.id}/reactiver`, { _csrf: token })).headers.location, '/agents/comptes?message=agent-reactive');
      assert.equal((await new Browser(app, idp).signIn('nouvelle@demo.aide-numerique.fr')).callback.statusCode, 303);

      // The administrator cannot remove their own administrator role, nor deactivate the last administrator.
      const own = await admin.post(`/agents/comptes/${adminId}`, { _csrf: token, 'role-moderator': 'on', service: 'Direction', 'toutes-demarches': 'on' });
      assert.equal(own.statusCode, 400);
      assert.match(own.body, /<a href="#role-administrator">Rôles : vous ne pouvez pas retirer votre propre rôle d’administration/);
      const last = await admin.post(`/agents/comptes/${adminId}/desactiver`, { _csrf: token });
      assert.equal(last.statusCode, 409);
      assert.match(last.body, /<a href="#acces">C’est le dernier administrateur actif : il ne peut pas être désactivé/);
      assert.match(last.body, /<button type="submit" id="acces" class="secondary" aria-describedby="acces-erreur">/);
      const adminRow = await app.store.db.selectFrom('agent_accounts').selectAll().where('id', '=', adminId).executeTakeFirstOrThrow();
      assert.deepEqual([JSON.parse(adminRow.roles), adminRow.active], [['administrator'], 1]);

      const logged = await app.store.db.selectFrom('story_audit').selectAll().where('action', 'like', 'agent-%').orderBy('at').execute();
      assert.deepEqual(logged.map((l) => [l.action, l.agent_id]), [
        ['agent-ajout', 'admin@demo.aide-numerique.fr'],
        ['agent-modification', 'admin@demo.aide-numerique.fr'],
        ['agent-desactivation', 'admin@demo.aide-numerique.fr'],
        ['agent-reactivation', 'admin@demo.aide-numerique.fr'],
      ]);
      assert.equal(logged[0]!.details, 'agent=nouvelle@demo.aide-numerique.fr ; rôles=responder ; service=CAF du Nord ; démarches=demande-logement,carte-grise');
      assert.match(logged[1]!.details!, /avant : rôles=responder ; .* après : rôles=moderator ; service=CAF du Nord ; démarches=\*$/);
      assert.match((await admin.get('/agents/journal')).body, /<td>agent-desactivation<\/td><td>—<\/td><td>agent=nouvelle@demo.aide-numerique.fr<\/td>/);

      // Bootstrap: AIDE_AGENTS never overrides the page for an agent already there, but brings back the listed
      // administrators when no administrator is active any more (nobody is locked out for good).
      const { seedAgents } = await import('../src/agent-accounts.ts');
      await app.store.db.updateTable('agent_accounts').set({ service: 'Direction générale' }).where('id', '=', adminId).execute();
      await seedAgents(app.store, AGENTS);
      assert.equal((await app.store.db.selectFrom('agent_accounts').select('service').where('id', '=', adminId).executeTakeFirstOrThrow()).service, 'Direction générale');
      await app.store.db.updateTable('agent_accounts').set({ active: 0, roles: '["moderator"]' }).where('id', '=', adminId).execute();
      await seedAgents(app.store, AGENTS);
      const back = await app.store.db.selectFrom('agent_accounts').selectAll().where('id', '=', adminId).executeTakeFirstOrThrow();
      assert.deepEqual([JSON.parse(back.roles), back.active], [['administrator'], 1]);
    });

    if (backend === 'postgres') {
      test('database away: back-office pages answer 503 with Retry-After, then work again', async () => {
        const moderator = new Browser(app, idp);
        await moderator.signIn('moderatrice@demo.aide-numerique.fr');
        pg!.pause();
        try {
          const r = await moderator.get('/agents/moderation');
          assert.equal(r.statusCode, 503);
          assert.ok(Number(r.headers['retry-after']) > 0);
          assert.match(r.body, /<h1>Service momentanément indisponible<\/h1>/);
        } finally {
          pg!.resume();
        }
        let status = 0;
        for (let i = 0; i < 50 && status !== 200; i++) {
          status = (await moderator.get('/agents/moderation')).statusCode;
          if (status !== 200) await new Promise((r) => setTimeout(r, 200));
        }
        assert.equal(status, 200);
      });
    }

    if (backend === 'sqlite') {
      test('CSRF: a form without its token, or with a wrong one, changes nothing', async () => {
        const sent = await submit();
        const moderator = new Browser(app, idp);
        await moderator.signIn('moderatrice@demo.aide-numerique.fr');
        for (const fields of [{}, { _csrf: 'faux-jeton' }]) {
          const r = await moderator.post(`/agents/recits/${sent.id}/publier`, fields);
          assert.equal(r.statusCode, 403, r.body);
          assert.match(r.body, /Formulaire expiré/);
        }
        // Another browser's token with this browser's session: refused too (the token goes with its cookie secret).
        const other = new Browser(app, idp);
        await other.signIn('moderatrice@demo.aide-numerique.fr');
        const foreign = other.csrf((await other.get('/agents')).body);
        await moderator.get('/agents'); // this browser has its own CSRF secret
        assert.equal((await moderator.post(`/agents/recits/${sent.id}/publier`, { _csrf: foreign })).statusCode, 403);
        assert.equal((await app.store.db.selectFrom('stories').select('status').where('public_id', '=', sent.id).executeTakeFirstOrThrow()).status, 'pending');
      });

      test('forged and replayed sign-in answers are refused; the return address stays in the back office', async () => {
        const browser = new Browser(app, idp);
        const { callback, callbackUrl } = await browser.signIn('moderatrice@demo.aide-numerique.fr');
        assert.equal(callback.statusCode, 303);
        // Replayed callback (same code, same state): the sign-in cookie is gone, nothing opens.
        const replay = new Browser(app, idp);
        const again = await replay.get(callbackUrl.slice(ORIGIN.length));
        assert.equal(again.headers.location, '/agents/connexion?message=expire');
        assert.equal(replay.collector.cookies.get('aide_agent'), undefined);
        // A callback with another state than the one this browser started with.
        const forged = new Browser(app, idp);
        const go = await forged.get('/agents/connexion/fournisseur?retour=/agents');
        const back = new URL(await forged.atProvider(go.headers.location as string, 'moderatrice@demo.aide-numerique.fr'));
        back.searchParams.set('state', 'etat-forge');
        const wrongState = await forged.get(back.pathname + back.search);
        assert.equal(wrongState.statusCode, 400);
        assert.match(wrongState.body, /Connexion refusée/);
        assert.equal(forged.collector.cookies.get('aide_agent'), undefined);
        // A made-up code with a real state.
        const forged2 = new Browser(app, idp);
        const go2 = await forged2.get('/agents/connexion/fournisseur?retour=/agents');
        const state = new URL(go2.headers.location as string).searchParams.get('state')!;
        const madeUp = await forged2.get(`/agents/connexion/retour?code=code-invente&state=${state}&iss=${encodeURIComponent(idp.issuer)}`);
        assert.equal(madeUp.statusCode, 400);
        // The authorization request carries PKCE (S256), state and nonce.
        const auth = new URL(go2.headers.location as string);
        assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
        assert.ok(auth.searchParams.get('nonce') && auth.searchParams.get('code_challenge'));
        // Open redirect: any return address outside the back office becomes /agents.
        for (const evil of ['https://pirate.example/', '//pirate.example/agents', '/agents/../dashboard', '/agents\\@pirate']) {
          const b = new Browser(app, idp);
          const g = await b.get(`/agents/connexion/fournisseur?retour=${encodeURIComponent(evil)}`);
          const cb = await b.get((await b.atProvider(g.headers.location as string, 'moderatrice@demo.aide-numerique.fr')).slice(ORIGIN.length));
          assert.equal(cb.headers.location, '/agents', evil);
        }
      });

      test('sessions: unknown accounts refused, a new session id at each sign-in, sign-out ends it here and at the provider', async () => {
        const stranger = new Browser(app, idp);
        const { callback } = await stranger.signIn('inconnu@exemple.fr');
        assert.equal(callback.statusCode, 403);
        assert.match(callback.body, /n’est pas inscrit parmi les agents/);
        assert.equal(stranger.collector.cookies.get('aide_agent'), undefined);

        const browser = new Browser(app, idp);
        // A session id planted before sign-in (fixation) is not the one after.
        browser.collector.cookies.set('aide_agent', 'identifiant-plante-par-un-tiers-0123456789');
        await browser.signIn('moderatrice@demo.aide-numerique.fr');
        const first = browser.collector.cookies.get('aide_agent')!;
        assert.notEqual(first, 'identifiant-plante-par-un-tiers-0123456789');
        // Signing in again while signed in: another id, and the previous one is gone.
        const go = await browser.get('/agents/connexion/fournisseur?retour=/agents');
        await browser.get((await browser.atProvider(go.headers.location as string, 'moderatrice@demo.aide-numerique.fr')).slice(ORIGIN.length));
        const second = browser.collector.cookies.get('aide_agent')!;
        assert.notEqual(second, first);
        assert.equal((await app.inject({ url: '/agents', headers: { cookie: `aide_agent=${first}` } })).statusCode, 303);
        const home = await browser.get('/agents');
        assert.equal(home.statusCode, 200);
        assert.match(home.body, /Camille Modératrice/);
        const out = await browser.post('/agents/deconnexion', { _csrf: browser.csrf(home.body) });
        assert.equal(out.statusCode, 303);
        const end = new URL(out.headers.location as string);
        assert.equal(end.origin, idp.issuer, 'the provider ends its session too');
        assert.equal(end.searchParams.get('post_logout_redirect_uri'), `${ORIGIN}/agents/connexion?message=deconnecte`);
        assert.equal(browser.collector.cookies.get('aide_agent'), undefined);
        // The old cookie, kept by someone, opens nothing any more.
        const stolen = await app.inject({ url: '/agents', headers: { cookie: `aide_agent=${second}` } });
        assert.equal(stolen.statusCode, 303);
        assert.match(stolen.headers.location as string, /^\/agents\/connexion\?retour=/);
        assert.equal(await app.store.db.selectFrom('agent_sessions').select('id_hash').where('agent_id', '=', 'inconnu@exemple.fr').executeTakeFirst(), undefined);
      });

      test('the dashboard and the export: behind the sign-in only, by role; CSRF on the export; every export in the log', async () => {
        const opinion = async (procedure: string, comment: string) =>
          assert.equal((await app.inject({ method: 'POST', url: '/api/v1/feedback', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify({ procedure, satisfaction: 'bad', comment }) })).statusCode, 201);
        await opinion('demande-logement', '=SOMME(A1) logement');
        await opinion('autre-demarche', 'autre démarche, pas pour la CAF');
        await opinion('carte-grise', 'carte grise');
        // Anonymous, or with the scripts' token: the sign-in (the token opens the API only).
        for (const headers of [{}, { authorization: `Bearer ${OPERATOR}` }, { authorization: `Basic ${Buffer.from(`agent:${OPERATOR}`).toString('base64')}` }]) {
          const r = await app.inject({ url: '/agents/avis', headers });
          assert.equal(r.statusCode, 303);
          assert.equal(r.headers.location, '/agents/connexion?retour=%2Fagents%2Favis');
        }
        assert.equal((await app.inject({ method: 'POST', url: '/agents/avis/export.csv', headers: { authorization: `Bearer ${OPERATOR}` } })).statusCode, 303);
        const old = await app.inject({ url: '/dashboard?procedure=carte-grise' });
        assert.equal(old.statusCode, 301);
        assert.equal(old.headers.location, '/agents/avis?procedure=carte-grise');

        // A moderator sees every procedure (and comes back to the dashboard after signing in).
        const moderator = new Browser(app, idp);
        const { callback } = await moderator.signIn('moderatrice@demo.aide-numerique.fr', '/agents/avis');
        assert.equal(callback.headers.location, '/agents/avis');
        const all = await moderator.get('/agents/avis');
        assert.equal(all.statusCode, 200);
        assert.match(all.body, /<h1>Tableau de bord des avis<\/h1>/);
        assert.match(all.body, /<a href="\/agents\/avis" aria-current="page">/);
        for (const p of ['demande-logement', 'autre-demarche', 'carte-grise']) assert.match(all.body, new RegExp(`<th scope="row">${p}</th>`));
        assert.doesNotMatch(all.body, /SOMME/, 'no comment on the dashboard');
        assert.doesNotMatch(all.body, /<script/);
        assert.match(String(all.headers['content-security-policy']), /default-src 'none'/);

        // A responder sees their procedures only, in the page, the filter and the export.
        const responder = new Browser(app, idp);
        await responder.signIn('repondant@demo.aide-numerique.fr', '/agents/avis');
        const mine = await responder.get('/agents/avis');
        assert.equal(mine.statusCode, 200);
        assert.match(mine.body, /<th scope="row">demande-logement<\/th>/);
        assert.doesNotMatch(mine.body, /autre-demarche|carte-grise/);
        const outside = await responder.get('/agents/avis?procedure=autre-demarche');
        assert.equal(outside.statusCode, 403);
        assert.match(outside.body, /Vous ne voyez que les chiffres de vos démarches \(demande-logement\), pas ceux de « autre-demarche »/);
        const token = responder.csrf(mine.body);
        assert.equal((await responder.post('/agents/avis/export.csv', { _csrf: token, procedure: 'autre-demarche' })).statusCode, 403);
        const csv = await responder.post('/agents/avis/export.csv', { _csrf: token, procedure: '', from: '', to: '' });
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(csv.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
        assert.match(csv.headers['content-disposition'] as string, /^attachment; filename="avis-toutes-demarches-\d{4}-\d{2}-\d{2}\.csv"$/);
        assert.ok(csv.body.startsWith('\uFEFFid,received_at,procedure'), 'UTF-8 BOM and header');
        assert.match(csv.body, /'=SOMME\(A1\) logement/, 'formula neutralised');
        assert.doesNotMatch(csv.body, /autre-demarche|carte-grise/, 'only the responder’s procedures');

        // A responder given no procedure sees no figures.
        const none = new Browser(app, idp);
        await none.signIn('sans-demarche@demo.aide-numerique.fr');
        assert.doesNotMatch((await none.get('/agents')).body, /href="\/agents\/avis"/);
        assert.equal((await none.get('/agents/avis')).statusCode, 403);

        // CSRF: an export without its token, or with another browser's, is refused and not logged.
        const before = (await app.store.db.selectFrom('story_audit').select('at').where('action', '=', 'export-avis').execute()).length;
        for (const fields of [{}, { _csrf: 'faux-jeton' }, { _csrf: moderator.csrf(all.body) }]) {
          const r = await responder.post('/agents/avis/export.csv', fields);
          assert.equal(r.statusCode, 403, r.body);
          assert.match(r.body, /Formulaire expiré/);
        }
        assert.equal((await app.store.db.selectFrom('story_audit').select('at').where('action', '=', 'export-avis').execute()).length, before);

        // Bad filters: named in French, never a crash.
        const wrong = await moderator.get('/agents/avis?procedure=%3Cscript%3E&from=2026-02-30&to=hier');
        assert.equal(wrong.statusCode, 200);
        assert.match(wrong.body, /role="alert"/);
        assert.match(wrong.body, /Démarche « &#60;script&#62; » inconnue/);
        assert.match(wrong.body, /« Du » : la date « 2026-02-30 » n’existe pas/);
        assert.match(wrong.body, /« Au » : la date « hier »/);
        const badExport = await moderator.post('/agents/avis/export.csv', { _csrf: moderator.csrf(all.body), from: '2026-12-31', to: '2026-01-01' });
        assert.equal(badExport.statusCode, 400);
        assert.match(badExport.body, /La période commence \(2026-12-31\) après sa fin \(2026-01-01\)/);

        // Every export in the audit log: who, when, which filters.
        const logged = await app.store.db.selectFrom('story_audit').selectAll().where('action', '=', 'export-avis').where('agent_id', '=', 'repondant@demo.aide-numerique.fr').execute();
        assert.deepEqual(logged.map((l) => l.details), ['démarches=demande-logement']);
        // The scripts' path: the token on the API, logged too.
        assert.equal((await app.inject({ url: '/api/v1/export.csv?procedure=carte-grise', headers: { authorization: `Bearer ${OPERATOR}` } })).statusCode, 200);
        assert.ok(await app.store.db.selectFrom('story_audit').select('at').where('agent_id', '=', 'operator').where('details', '=', 'script ; démarche=carte-grise').executeTakeFirst());
      });

      test('indicators week by week: charts named by their heading and summary, tables, CSV export by role, with CSRF and the log', async () => {
        const opinion = async (procedure: string, satisfaction: string, clarity: number) =>
          assert.equal((await app.inject({ method: 'POST', url: '/api/v1/feedback', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify({ procedure, satisfaction, clarity, difficulties: ['attachments'] }) })).statusCode, 201);
        await opinion('procedure-indicateurs', 'good', 5);
        await opinion('procedure-indicateurs', 'medium', 3);
        await opinion('autre-demarche', 'bad', 1);
        const blocked = await app.inject({ method: 'POST', url: '/api/v1/blocked', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify({ tutorial: 'aides-logement', step: 2, procedure: 'procedure-indicateurs' }) });
        assert.equal(blocked.statusCode, 201);
        assert.equal((await app.inject({ url: '/agents/indicateurs' })).statusCode, 303, 'anonymous: to the sign-in');

        const responder = new Browser(app, idp);
        await responder.signIn('indicateurs@demo.aide-numerique.fr', '/agents/indicateurs');
        const page = await responder.get('/agents/indicateurs');
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<h1>Indicateurs<\/h1>/);
        // Each chart: an SVG image named by its heading and its summary, which exist; then its data table.
        const charts = [...page.body.matchAll(/<svg class="bars" role="img" aria-labelledby="([^" ]+) ([^"]+)"/g)];
        assert.ok(charts.length >= 5, `${charts.length} charts`);
        for (const [, title, summary] of charts) {
          assert.ok(page.body.includes(`<h3 id="${title}">`), title);
          assert.ok(page.body.includes(`<p id="${summary}" class="summary">`), summary);
        }
        assert.match(page.body, /<caption>Avis « Je donne mon avis » par semaine<\/caption>/);
        assert.match(page.body, /<caption>« Je suis bloqué » par tutoriel et par étape sur la période<\/caption>/);
        // 2 opinions of the responder's procedure: (10 + 5) / 2 = 7,5; the other procedure is not counted.
        assert.match(page.body, /2 avis pour vos démarches : note de 7,5 sur 10/);
        assert.match(page.body, /L’étape où les personnes se bloquent le plus : étape 2/);
        assert.doesNotMatch(page.body, /autre-demarche|demande-logement/);
        assert.doesNotMatch(page.body, /<script/);
        const outside = await responder.get('/agents/indicateurs?procedure=demande-logement');
        assert.equal(outside.statusCode, 403);

        const token = responder.csrf(page.body);
        assert.equal((await responder.post('/agents/indicateurs.csv', { _csrf: token, procedure: 'demande-logement' })).statusCode, 403);
        for (const fields of [{}, { _csrf: 'faux' }]) assert.equal((await responder.post('/agents/indicateurs.csv', fields)).statusCode, 403);
        const bad = await responder.post('/agents/indicateurs.csv', { _csrf: token, from: '2026-02-31' });
        assert.equal(bad.statusCode, 400);
        assert.match(bad.body, /« Du » : la date « 2026-02-31 » n’existe pas/);
        const csv = await responder.post('/agents/indicateurs.csv', { _csrf: token, procedure: '' });
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(csv.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
        assert.match(csv.headers['content-disposition'] as string, /^attachment; filename="indicateurs-toutes-demarches-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
        assert.ok(csv.body.startsWith('\uFEFFsemaine_du,demarche,avis'));
        const lines = csv.body.trim().split('\r\n');
        assert.equal(lines.length, 1 + 12, 'one row per week of the default 12 weeks, one procedure');
        assert.ok(lines.slice(1).every((l) => l.split(',')[1] === 'procedure-indicateurs'));
        // This week: 2 opinions (1 very good, 1 medium, 0 bad), 7.5 out of 10, clarity 2 answers averaging 4,
        // difficulties (info-before, not-working, attachments…), …, « Je suis bloqué » 1, no story.
        assert.match(lines[lines.length - 1]!, /^\d{4}-\d{2}-\d{2},procedure-indicateurs,2,1,1,0,7\.5,2,4,0,0,2,0,0,(\d+,){9}1,0,0,0,0,,$/);
        const logged = await app.store.db.selectFrom('story_audit').selectAll().where('action', '=', 'export-indicateurs').execute();
        assert.equal(logged.length, 1);
        assert.match(logged[0]!.details!, /^démarches=procedure-indicateurs ; du=\d{4}-\d{2}-\d{2} ; au=\d{4}-\d{2}-\d{2}$/);

        // Bad filters on the page: named, never a crash; a responder without procedure sees no figure.
        const wrong = await responder.get('/agents/indicateurs?from=demain&to=2026-13-01');
        assert.equal(wrong.statusCode, 200);
        assert.match(wrong.body, /role="alert"/);
        const none = new Browser(app, idp);
        await none.signIn('sans-demarche@demo.aide-numerique.fr');
        assert.equal((await none.get('/agents/indicateurs')).statusCode, 403);
        // A moderator sees every procedure.
        const moderator = new Browser(app, idp);
        await moderator.signIn('moderatrice@demo.aide-numerique.fr', '/agents/indicateurs');
        assert.match((await moderator.get('/agents/indicateurs')).body, /<option value="autre-demarche">/);
      });
    }
  });
}

describe('level of authentication (acr)', () => {
  test('the ID token’s acr must be one of OIDC_ACR_VALUES: asked but not given, the sign-in is refused', async () => {
    const { acrAccepted } = await import('../src/sign-in.ts');
    assert.equal(acrAccepted(undefined, undefined), true, 'nothing asked: nothing checked');
    assert.equal(acrAccepted('eidas1', 'eidas1'), true);
    assert.equal(acrAccepted('eidas2 eidas3', 'eidas3'), true);
    assert.equal(acrAccepted('eidas2', 'eidas1'), false, 'a weaker level');
    assert.equal(acrAccepted('eidas1', undefined), false, 'no level said');
    assert.equal(acrAccepted('eidas1', ['eidas1']), false, 'not a string');
    // The demo provider signs agents in without saying any level: with a level required, nobody gets in.
    const idp = await startDevProvider({ redirectUris: [`${ORIGIN}/agents/connexion/retour`], postLogoutRedirectUris: [] });
    const app = await buildCollector({
      sqlitePath: ':memory:',
      publicUrl: ORIGIN,
      backOffice: { oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, scopes: 'openid email', acrValues: 'eidas1', allowHttp: true }, agents: AGENTS },
    });
    try {
      const browser = new Browser(app, idp);
      const go = await browser.get('/agents/connexion/fournisseur?retour=/agents');
      assert.equal(new URL(go.headers.location as string).searchParams.get('acr_values'), 'eidas1', 'the level is asked');
      const back = await browser.atProvider(go.headers.location as string, 'admin@demo.aide-numerique.fr');
      const callback = await browser.get(back.slice(ORIGIN.length));
      assert.equal(callback.statusCode, 403, callback.body);
      assert.match(callback.body, /<h1>Niveau de connexion insuffisant<\/h1>/);
      assert.equal(browser.collector.cookies.get('aide_agent'), undefined, 'no session');
      assert.equal(await app.store.db.selectFrom('agent_sessions').select('id_hash').executeTakeFirst(), undefined);
    } finally {
      await app.close();
      await idp.close();
    }
  });
});

describe('back-office settings', () => {
  test('OIDC_ISSUER turns it on; each missing or wrong setting is named in French', async () => {
    const { readConfig } = await import('../src/config.ts');
    const agents = JSON.stringify([{ email: 'Camille@Exemple.gouv.fr', roles: ['moderator'], service: 'CAF', procedures: '*' }]);
    const ok = readConfig({ OIDC_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2', OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 's', OIDC_ACR_VALUES: 'eidas1', OIDC_USERINFO_SIGNED_RESPONSE_ALG: 'RS256', AIDE_AGENTS: agents });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.config!.backOffice!.agents, [{ email: 'camille@exemple.gouv.fr', roles: ['moderator'], service: 'CAF', procedures: '*' }]);
    assert.equal(ok.config!.backOffice!.oidc.scopes, 'openid email given_name usual_name');
    assert.equal(ok.config!.backOffice!.oidc.acrValues, 'eidas1');
    assert.equal(ok.config!.backOffice!.oidc.allowHttp, false);
    assert.equal(readConfig({}).config!.backOffice, undefined);
    const bad = readConfig({ OIDC_ISSUER: 'http://idp.exemple.fr', OIDC_SCOPES: 'profile', AIDE_AGENTS: '[{"email":"x","roles":["chef"],"procedures":3}]', AIDE_SESSION_SECRET: 'court' }).problems.join('\n');
    for (const expected of [/OIDC_ISSUER/, /OIDC_CLIENT_ID/, /OIDC_CLIENT_SECRET/, /OIDC_SCOPES/, /AIDE_AGENTS\[0\] : « email »/, /AIDE_AGENTS\[0\] : « roles »/, /AIDE_AGENTS\[0\] : « service »/, /AIDE_AGENTS\[0\] : « procedures »/, /AIDE_SESSION_SECRET/]) assert.match(bad, expected);
    assert.match(readConfig({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', AIDE_AGENTS: '/nulle/part.json' }).problems.join(), /fichier « \/nulle\/part.json » illisible/);
    assert.equal(readConfig({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', AIDE_AGENTS: agents }).config!.backOffice!.oidc.allowHttp, true);
  });
});

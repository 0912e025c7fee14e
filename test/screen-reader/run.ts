/**
 * The screen-reader journeys: Orca, the GNOME screen reader, listens to the built demo in Chromium and in
 * Firefox ESR on a private virtual desktop, while each journey (test/screen-reader/journeys/*.journey.ts) uses
 * the keyboard and checks what Orca says.
 *
 *   node --import tsx test/screen-reader/run.ts [--browsers chromium,firefox] [--write-doc] [name filter…]
 *
 * Needs the build (dist/aide) and the Debian packages that scripts/bootstrap.sh --screen-reader installs.
 * Writes, for each journey and browser, the transcript of what Orca said (test-results/screen-reader/*.md), the
 * outcomes read by the RGAA grid check (test-results/screen-reader-outcomes.json), and prints
 * "screen-reader: N passed, N failed". With --write-doc, also test/a11y/lecteur-d-ecran.md from the transcripts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BROWSERS, EXECUTABLES, openBrowser, type BrowserName, type OpenBrowser } from './browsers.ts';
import { missingPackages, startDesktop, waitFor, XKeyboard, type Desktop } from './desktop.ts';
import { ScreenReader, type JourneyDefinition, type TranscriptStep } from './journey.ts';
import { renderDocument, renderTranscript } from './transcript.ts';
import { writeOutcomes } from '../../scripts/reporters/outcomes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = join(root, 'test-results');
const TRANSCRIPTS = join(RESULTS, 'screen-reader');
const DOC = join(root, 'test/a11y/lecteur-d-ecran.md');

/** How long to wait for one expected utterance. Generous: the machine may be busy with other test suites. */
const TIMEOUT = Number(process.env.AIDE_SR_TIMEOUT_MS ?? 30_000);
/** A whole journey, set up and closing included. */
const JOURNEY_TIMEOUT = Number(process.env.AIDE_SR_JOURNEY_TIMEOUT_MS ?? 180_000);
/**
 * The whole run (desktop, demo server, every journey in both browsers): past it, the journeys not run yet count as
 * failed and everything is stopped. Twelve journeys (six per browser) take two to three minutes on a busy 2-core machine.
 * scripts/test-all.sh also runs this under `timeout`, a little longer, in case this process itself hangs.
 */
const TOTAL_TIMEOUT = Number(process.env.AIDE_SR_TOTAL_TIMEOUT_MS ?? 480_000);

export interface Outcome {
  file: string;
  title: string;
  browser: BrowserName;
  passed: boolean;
  error?: string | undefined;
  transcript?: string;
  seconds: number;
}

interface LoadedJourney {
  file: string;
  definition: JourneyDefinition;
}

async function loadJourneys(filters: string[]): Promise<LoadedJourney[]> {
  const dir = join(here, 'journeys');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.journey.ts'))
    .sort()
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
  const out: LoadedJourney[] = [];
  for (const name of files) {
    const module = (await import(pathToFileURL(join(dir, name)).href)) as { default?: JourneyDefinition };
    if (!module.default?.title || typeof module.default.run !== 'function') {
      throw new Error(`${name} : le fichier doit exporter par défaut journey({ title, run })`);
    }
    out.push({ file: relative(root, join(dir, name)), definition: module.default });
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startDemo(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // Published stories for /experiences.html (the experiences journey), as `npm run demo` has them.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-demo.ts', '--port', String(port), '--demo-stories'], {
    cwd: root,
    env: { ...process.env, AIDE_COLLECTOR_DB: ':memory:' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`le serveur de démonstration s'est arrêté (code ${child.exitCode})`);
      return fetch(`${url}/`).then((r) => r.ok, () => false);
    },
    60_000,
    'le serveur de démonstration ne répond pas',
    200,
  );
  return { url, child };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} : plus de ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]);
}

/** One browser window per browser name, reused from journey to journey (a fresh one after a failure). */
interface BrowserSession {
  open: OpenBrowser;
  name: BrowserName;
}

/** The demo's storage (panel state, tutorial progress, feedback waiting) is emptied between journeys. */
const CLEAR_STORAGE = `(async () => {
  try { sessionStorage.clear(); localStorage.clear(); } catch {}
  if (indexedDB.databases) {
    for (const db of await indexedDB.databases()) if (db.name) await new Promise((r) => { const q = indexedDB.deleteDatabase(db.name); q.onsuccess = q.onerror = q.onblocked = r; });
  }
})()`;

async function runJourney(
  desktop: Desktop,
  work: string,
  baseUrl: string,
  browserName: BrowserName,
  loaded: LoadedJourney,
  session: BrowserSession | null,
  limit: number,
): Promise<{ outcome: Outcome; session: BrowserSession | null }> {
  const started = Date.now();
  const { definition } = loaded;
  const slug = basename(loaded.file, '.journey.ts');
  await desktop.ensureOrca();
  const keyboard = new XKeyboard(desktop.env);
  let steps: TranscriptStep[] = [];
  let error: string | undefined;
  const url = baseUrl + (definition.start ?? '/');
  if (!session) {
    const open = await openBrowser(browserName, url, { env: desktop.env, profile: join(work, `profile-${browserName}-${slug}`), timeout: TIMEOUT * 2 }).catch((e: unknown) => {
      error = `le navigateur n'a pas démarré : ${e instanceof Error ? e.message : String(e)}`;
      return null;
    });
    if (open) session = { open, name: browserName };
  } else {
    // The same window, a fresh visit: nothing kept from the previous journey.
    await withTimeout(
      session.open.page.evaluate(`document.activeElement && document.activeElement.blur && document.activeElement.blur(); ${CLEAR_STORAGE}`),
      TIMEOUT,
      'vider le stockage de la page',
    ).catch(() => undefined);
    await withTimeout(session.open.page.goto(url), TIMEOUT * 2, 'ouvrir la page').catch((e: unknown) => {
      error = `la page ne s'ouvre pas : ${e instanceof Error ? e.message : String(e)}`;
    });
  }
  const opened = Date.now();
  let ready = opened;
  if (session && !error) {
    const open = session.open;
    const sr = new ScreenReader(open.page, browserName, desktop.log, keyboard, TIMEOUT);
    try {
      await withTimeout(
        (async () => {
          // The window has the display's keyboard; Orca has presented the page; the widget is there.
          await waitFor(async () => (await keyboard.windowsOf(open.pid)).length > 0, TIMEOUT, 'la fenêtre du navigateur ne paraît pas');
          const windows = await keyboard.windowsOf(open.pid);
          await keyboard.focusWindow(windows[windows.length - 1]!);
          await open.page.waitForFunction(() => !!document.querySelector('aide-help')?.shadowRoot?.querySelector('button')?.textContent, { timeout: TIMEOUT });
          // Orca has the new page: asked for the window's title (Orca+keypad Enter), it names the page (a late window
          // activation or the end of the previous page would otherwise be spoken over the first key). Then it falls
          // silent.
          const title = (await open.page.title()).slice(0, 30);
          await waitFor(
            async () => {
              const asked = desktop.log.count;
              await keyboard.press('Orca+KP_Enter');
              const deadline = Date.now() + 3000;
              while (Date.now() < deadline) {
                if (desktop.log.since(asked).some((u) => u.text.includes(title))) return true;
                await new Promise((r) => setTimeout(r, 100));
              }
              return false;
            },
            TIMEOUT,
            "Orca ne donne pas le titre de la page : il ne l'a pas",
            0,
          );
          let count = -1;
          let since = Date.now();
          await waitFor(
            () => {
              const now = desktop.log.count;
              if (now !== count) [count, since] = [now, Date.now()];
              return Date.now() - since >= 800;
            },
            TIMEOUT,
            'Orca parle encore de la page après son chargement',
            50,
          );
          ready = Date.now();
          sr.restartClock();
          await definition.run(sr);
        })(),
        limit,
        'parcours trop long',
      );
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      await withTimeout(open.page.screenshot({ path: join(TRANSCRIPTS, `${slug}.${browserName}.png`) }), TIMEOUT, 'capture').catch(() => undefined);
    }
    sr.finish();
    steps = sr.steps;
  }
  if (error && session) {
    // After a failure the window may be anywhere: the next journey gets a new one.
    await session.open.close();
    session = null;
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const transcript = join(TRANSCRIPTS, `${slug}.${browserName}.md`);
  const phases = `navigateur prêt en ${((opened - started) / 1000).toFixed(1)} s, page présentée par Orca en ${((ready - opened) / 1000).toFixed(1)} s, parcours en ${((Date.now() - ready) / 1000).toFixed(1)} s`;
  writeFileSync(transcript, renderTranscript({ title: definition.title, file: loaded.file, browser: browserName, steps, error, seconds, phases }));
  return {
    outcome: { file: loaded.file, title: definition.title, browser: browserName, passed: !error, error, transcript: relative(root, transcript), seconds },
    session,
  };
}

function versions(): Record<string, string> {
  const version = (command: string, args: string[]) => {
    const r = spawnSync(command, args, { encoding: 'utf8' });
    return (r.stdout || r.stderr || '').trim().split('\n')[0] ?? '';
  };
  return {
    orca: version('orca', ['--version']),
    chromium: version(EXECUTABLES.chromium, ['--version']),
    firefox: version(EXECUTABLES.firefox, ['--version']),
  };
}

async function main() {
  const runStarted = Date.now();
  // `pnpm run test:screen-reader -- --browsers chromium panel` passes the `--` on: it separates nothing here.
  const args = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    allowPositionals: true,
    options: { browsers: { type: 'string', default: process.env.AIDE_SR_BROWSERS ?? BROWSERS.join(',') }, 'write-doc': { type: 'boolean', default: false } },
  });
  const browsers = values.browsers.split(',').filter(Boolean) as BrowserName[];
  mkdirSync(TRANSCRIPTS, { recursive: true });
  const journeys = await loadJourneys(positionals);
  const planned = browsers.flatMap((b) => journeys.filter((j) => !j.definition.browsers || j.definition.browsers.includes(b)).map((j) => ({ browser: b, journey: j })));
  const outcomes: Outcome[] = [];
  let finished: number | undefined;
  const finish = (problem?: string) => {
    // Once only (a signal may come while the run ends).
    if (finished !== undefined) return finished;
    // A journey that could not run is a failure, never a skip.
    for (const p of planned) {
      if (!outcomes.some((o) => o.file === p.journey.file && o.browser === p.browser)) {
        outcomes.push({ file: p.journey.file, title: p.journey.definition.title, browser: p.browser, passed: false, error: problem ?? 'pas lancé', seconds: 0 });
      }
    }
    writeOutcomes(
      'screen-reader',
      outcomes.map(({ file, title, browser, passed }) => ({ file, title, browser, passed })),
      { versions: versions(), details: outcomes },
    );
    const passed = outcomes.filter((o) => o.passed).length;
    const failed = outcomes.length - passed + (planned.length === 0 ? 1 : 0);
    if (planned.length === 0) console.log('  aucun parcours trouvé');
    if (problem) console.log(`  problème : ${problem}`);
    console.log(`screen-reader: ${passed} passed, ${failed} failed`);
    finished = failed === 0 ? 0 : 1;
    return finished;
  };

  const missing = [...missingPackages(), ...browsers.filter((b) => !existsSync(EXECUTABLES[b])).map((b) => EXECUTABLES[b])];
  if (missing.length > 0) process.exit(finish(`absent de cette machine : ${missing.join(', ')} (installez-les avec « bash scripts/bootstrap.sh --screen-reader »)`));
  if (!existsSync(join(root, 'dist/aide/aide.js'))) process.exit(finish('dist/aide/aide.js est absent : lancez d’abord « pnpm run build »'));

  const work = mkdtempSync(join(tmpdir(), 'aide-orca-'));
  let desktop: Desktop | undefined;
  let demo: ChildProcess | undefined;
  const sessions = new Map<BrowserName, BrowserSession | null>();
  const stop = async () => {
    for (const session of sessions.values()) {
      const pid = session?.open.pid;
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await desktop?.stop();
    if (demo?.pid && demo.exitCode === null) {
      try {
        process.kill(-demo.pid, 'SIGTERM');
      } catch {
        demo.kill('SIGTERM');
      }
    }
  };
  // Stopped from outside (Ctrl+C, or the time limit of scripts/test-all.sh): the journeys not finished count as
  // failed, and the desktop, browsers and server are stopped.
  const interrupted = (signal: string, exitCode: number) => {
    finish(`arrêté par ${signal} avant la fin`);
    void stop().then(() => process.exit(exitCode));
  };
  process.once('SIGINT', () => interrupted('SIGINT', 130));
  process.once('SIGTERM', () => interrupted('SIGTERM', 143));
  let code = 1;
  try {
    const server = await startDemo();
    demo = server.child;
    desktop = await startDesktop(work, 60_000);
    console.log(`Orca écoute l'écran virtuel ${desktop.display} ; démonstration sur ${server.url}`);
    const deadline = runStarted + TOTAL_TIMEOUT;
    let overBudget: string | undefined;
    for (const { browser, journey } of planned) {
      if (Date.now() > deadline - 5_000) {
        overBudget = `temps total dépassé (${Math.round(TOTAL_TIMEOUT / 1000)} s) : les parcours restants n'ont pas été lancés`;
        break;
      }
      const limit = Math.min(JOURNEY_TIMEOUT, deadline - Date.now());
      const { outcome, session } = await runJourney(desktop, work, server.url, browser, journey, sessions.get(browser) ?? null, limit);
      sessions.set(browser, session);
      // The last journey of a browser closes it: the next browser has the display to itself.
      if (session && !planned.slice(planned.findIndex((p) => p.journey === journey && p.browser === browser) + 1).some((p) => p.browser === browser)) {
        await session.open.close();
        sessions.set(browser, null);
      }
      outcomes.push(outcome);
      console.log(`  ${outcome.passed ? '✓' : '✘'} [${browser}] ${journey.definition.title} (${outcome.seconds} s) → ${outcome.transcript}`);
      if (outcome.error) console.log(outcome.error.replace(/^/gm, '      '));
    }
    if (values['write-doc']) {
      writeFileSync(DOC, renderDocument(outcomes, versions()));
      console.log(`écrit : ${relative(root, DOC)}`);
    }
    code = finish(overBudget);
  } catch (e) {
    code = finish(e instanceof Error ? e.message : String(e));
  } finally {
    await stop();
    if (code === 0) rmSync(work, { recursive: true, force: true });
    else console.log(`  journal d'Orca et profils gardés dans ${work}`);
  }
  process.exit(code);
}

// Each run has its own D-Bus session bus: the accessibility bus, Orca and the browsers of two runs (two
// engineers, two checkouts) never meet.
if (process.env.AIDE_SR_PRIVATE_BUS !== '1' && existsSync('/usr/bin/dbus-run-session')) {
  const result = spawnSync('dbus-run-session', ['--', process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, AIDE_SR_PRIVATE_BUS: '1' },
  });
  process.exit(result.status ?? 1);
} else {
  void main();
}

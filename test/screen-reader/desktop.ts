/**
 * A private desktop for the screen-reader journeys: a virtual X display (Xvfb), the accessibility bus
 * (at-spi), Orca, and the keyboard of that display (xdotool). The caller runs inside its own D-Bus session
 * (dbus-run-session), so nothing here is seen by, or sees, another session of the machine.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OrcaLog } from './orca-log.ts';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));

/** Debian packages that provide what the journeys need (installed by scripts/bootstrap.sh --screen-reader). */
export const REQUIRED = [
  { path: '/usr/bin/orca', pkg: 'orca' },
  { path: '/usr/bin/Xvfb', pkg: 'xvfb' },
  { path: '/usr/bin/dbus-run-session', pkg: 'dbus-daemon (dbus-x11)' },
  { path: '/usr/bin/dbus-send', pkg: 'dbus-bin (dbus-x11)' },
  { path: '/usr/libexec/at-spi-bus-launcher', pkg: 'at-spi2-core' },
  { path: '/usr/bin/speech-dispatcher', pkg: 'speech-dispatcher' },
  { path: '/usr/bin/xdotool', pkg: 'xdotool' },
];

/** The Python that Orca's launcher names (Debian's, with Orca's modules), not whichever python3 comes first. */
function orcaPython(): string {
  const shebang = readFileSync('/usr/bin/orca', 'utf8').split('\n')[0] ?? '';
  return /^#!\s*(\S+)/.exec(shebang)?.[1] ?? '/usr/bin/python3';
}

export function missingPackages(): string[] {
  return REQUIRED.filter((r) => !existsSync(r.path)).map((r) => r.pkg);
}

/**
 * Orca's preferences for the journeys: no page read aloud on load (a person would stop it; it would only
 * delay the journey), no key echo (the keys are in the transcript already). Everything else is Orca's default.
 */
const ORCA_SETTINGS = {
  general: {
    sayAllOnLoad: false,
    pageSummaryOnLoad: false,
    enableKeyEcho: false,
    profile: ['Default', 'default'],
    activeProfile: ['Default', 'default'],
    startingProfile: ['Default', 'default'],
  },
  profiles: { default: { profile: ['Default', 'default'], sayAllOnLoad: false, pageSummaryOnLoad: false, enableKeyEcho: false } },
  keybindings: {},
  pronunciations: {},
};

export interface Desktop {
  display: string;
  env: NodeJS.ProcessEnv;
  log: OrcaLog;
  /** Orca is still running (it is restarted between journeys if it died). */
  ensureOrca(): Promise<void>;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    // Started detached, in a group of its own: its helpers go with it.
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/** Resolves when `check` returns true, polling; rejects after `timeout` ms with `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeout: number, what: string, interval = 100): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} (attendu ${Math.round(timeout / 1000)} s)`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function startDesktop(work: string, timeout: number): Promise<Desktop> {
  const children: ChildProcess[] = [];
  try {
    return await startDesktopWith(children, work, timeout);
  } catch (e) {
    // Orca or the bus did not start: what did start (the display, the bus) is stopped too.
    for (const child of children.reverse()) stopProcess(child);
    throw e;
  }
}

async function startDesktopWith(children: ChildProcess[], work: string, timeout: number): Promise<Desktop> {
  const started = (child: ChildProcess) => {
    children.push(child);
    return child;
  };
  // Home-like folders of this session only: Orca's settings, speech-dispatcher's socket, dconf.
  const xdg = (name: string) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: xdg('runtime'),
    XDG_CONFIG_HOME: xdg('config'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_DATA_HOME: xdg('data'),
    // Orca's own words (roles, states, "Focus mode") in English whatever the machine's locale: stable transcripts.
    LANG: 'C.UTF-8',
    LANGUAGE: '',
    LC_ALL: 'C.UTF-8',
    // Browsers and toolkits expose their accessibility tree on the bus.
    GNOME_ACCESSIBILITY: '1',
    ACCESSIBILITY_ENABLED: '1',
    NO_AT_BRIDGE: '0',
    GTK_A11Y: 'atspi',
  };

  // Xvfb picks a free display number itself and writes it on the descriptor given.
  const xvfb = started(
    spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true,
      env,
    }),
  );
  let xvfbErrors = '';
  xvfb.stderr!.on('data', (d: Buffer) => (xvfbErrors += d.toString()));
  const displayNumber = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb n'a pas démarré : ${xvfbErrors.slice(-500)}`)), timeout);
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    xvfb.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb s'est arrêté (code ${code}) : ${xvfbErrors.slice(-500)}`));
    });
  });
  const display = `:${displayNumber}`;
  env.DISPLAY = display;

  started(spawn('/usr/libexec/at-spi-bus-launcher', ['--launch-immediately'], { stdio: 'ignore', detached: true, env }));
  await waitFor(
    async () =>
      run('dbus-send', ['--session', '--print-reply', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus.GetAddress'], { env }).then(
        () => true,
        () => false,
      ),
    timeout,
    "le bus d'accessibilité (at-spi) n'a pas démarré",
  );

  const prefs = join(work, 'orca');
  mkdirSync(prefs, { recursive: true });
  writeFileSync(join(prefs, 'user-settings.conf'), JSON.stringify(ORCA_SETTINGS, null, 1));
  let orca: ChildProcess | undefined;
  let logPath = '';
  let log: OrcaLog | undefined;
  let orcaRuns = 0;
  const startOrca = async () => {
    orcaRuns++;
    logPath = join(work, `orca-${orcaRuns}.log`);
    log = new OrcaLog(logPath);
    orca = started(
      spawn(orcaPython(), [join(here, 'start-orca.py'), '--user-prefs', prefs, '--debug-file', logPath], {
        stdio: ['ignore', 'ignore', openSync(`${logPath}.err`, 'w')],
        detached: true,
        env,
      }),
    );
    const current = log;
    const child = orca;
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`Orca s'est arrêté (code ${child.exitCode})`);
        return current.utterances.some((u) => u.text === 'Screen reader on.');
      },
      timeout, "Orca n'a pas dit « Screen reader on. »").catch(
      (e: Error) => {
        const errors = existsSync(`${logPath}.err`) ? readFileSync(`${logPath}.err`, 'utf8').trim().slice(-1500) : '';
        throw new Error(`${e.message}${errors ? ` ; Orca a écrit :\n${errors}` : ''}`);
      },
    );
  };
  await startOrca();

  const desktop: Desktop = {
    display,
    env,
    get log() {
      return log!;
    },
    async ensureOrca() {
      if (orca && orca.exitCode === null && orca.signalCode === null) return;
      await startOrca();
    },
    async stop() {
      for (const child of children.reverse()) stopProcess(child);
    },
  };
  return desktop;
}

/** Keys of the display's keyboard, as xdotool names them. Orca hears them as a person's keys. */
const KEY_NAMES: Record<string, string> = {
  Enter: 'Return',
  Space: 'space',
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Backspace: 'BackSpace',
  Shift: 'shift',
  Control: 'ctrl',
  Alt: 'alt',
  // Orca's modifier key in its desktop layout.
  Orca: 'Insert',
  // Orca's "Where am I" in its desktop layout: says where the focus is.
  WhereAmI: 'KP_Enter',
};

export function xdotoolKey(key: string): string {
  return key
    .split('+')
    .map((part) => KEY_NAMES[part] ?? part)
    .join('+');
}

export class XKeyboard {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Gives the X input focus to a window (there is no window manager on the virtual display). */
  async focusWindow(windowId: string): Promise<void> {
    await run('xdotool', ['windowfocus', '--sync', windowId], { env: this.env });
  }

  async windowsOf(pid: number): Promise<string[]> {
    const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--pid', String(pid)], { env: this.env }).catch(() => ({ stdout: '' }));
    return stdout.split('\n').filter(Boolean);
  }

  async press(key: string): Promise<void> {
    await run('xdotool', ['key', '--clearmodifiers', xdotoolKey(key)], { env: this.env });
  }

  async type(text: string, delay: number): Promise<void> {
    await run('xdotool', ['type', '--clearmodifiers', '--delay', String(delay), '--', text], { env: this.env });
  }
}

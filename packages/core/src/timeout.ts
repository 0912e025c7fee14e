/**
 * The widget's one waiting time: no wait (a request, a module being imported) lasts longer than the page's `timeout`
 * (`data-timeout` on the aide.js tag, `window.AideConfig.timeout`, in seconds; 15 by default). Kept apart from
 * request.ts so that aide.js and the panel, which only wait for modules, carry a few lines and not the requests'
 * messages.
 */
export const DEFAULT_TIMEOUT_SECONDS = 15;

/** Accepted values for the `timeout` option: whole or decimal seconds, from 3 to 120. */
export function parseTimeoutSeconds(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && number >= 3 && number <= 120 ? number : undefined;
}

let configured: number | undefined;

/** Sets the timeout of every wait from now on (tests; a page may rather set data-timeout or AideConfig.timeout). */
export function setRequestTimeout(seconds: number): void {
  configured = seconds;
}

/**
 * The page's timeout, for an element placed alone: window.AideConfig.timeout, then data-timeout on the aide.js tag
 * (the script next to the chunks, found by its address). Read once.
 */
export function pageTimeout(): number {
  if (configured !== undefined) return configured;
  configured = DEFAULT_TIMEOUT_SECONDS;
  if (typeof document === 'undefined') return configured;
  try {
    const fromObject = parseTimeoutSeconds((window as Window & { AideConfig?: { timeout?: unknown } }).AideConfig?.timeout);
    const loaderUrl = new URL('../aide.js', import.meta.url).href;
    const script = [...document.scripts].find((s) => s.src === loaderUrl && s.hasAttribute('data-timeout'));
    const fromScript = parseTimeoutSeconds(script?.getAttribute('data-timeout'));
    configured = fromScript ?? fromObject ?? DEFAULT_TIMEOUT_SECONDS;
  } catch {
    // A page without the usual globals: the default stays.
  }
  return configured;
}

/** A wait that took longer than the timeout. `what`: the address or module waited for. */
export class TimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutSeconds: number,
  ) {
    super(`timeout ${timeoutSeconds} s ${what}`);
    this.name = 'TimeoutError';
  }
}

/** Gives up on `task` (a module being imported, any wait without its own timeout) after `timeoutSeconds`. */
export function withinTimeout<T>(task: Promise<T>, what: string, timeoutSeconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, timeoutSeconds)), timeoutSeconds * 1000);
  });
  return Promise.race([task, deadline]).finally(() => clearTimeout(timer));
}

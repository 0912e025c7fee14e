/**
 * Every network request of the widget goes through here: one timeout for the whole exchange (headers and body), one
 * typed error that says what went wrong (no answer in time, no connection, a refusal), and the words to tell people.
 * A request that never answers must never leave a "Chargement…" on screen forever.
 *
 * The timeout is the page's configuration (`data-timeout` on the aide.js script tag, or `window.AideConfig.timeout`,
 * in seconds; 15 by default): read once, when the first request starts, so that elements placed alone follow it too.
 * Safe to import in Node (the locator's data build and benchmarks use it with their own fetch).
 */
import { formatNumber, type Locale } from './i18n.ts';
import { pageTimeout, TimeoutError } from './timeout.ts';

/**
 * - `timeout`: no complete answer within the timeout;
 * - `offline`: the device says it has no connection;
 * - `network`: the request failed without an answer (connection lost, server unreachable, or blocked by the browser:
 *   CORS, CSP; scripts cannot tell these apart);
 * - `http`: the server answered with an error status (`status`);
 * - `format`: the answer is not what was expected (not JSON).
 */
export type RequestFailure = 'timeout' | 'offline' | 'network' | 'http' | 'format';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestFailure,
    readonly url: string,
    readonly status = 0,
    readonly timeoutSeconds = 0,
  ) {
    super(`${kind} ${status || ''} ${url}`);
    this.name = 'RequestError';
  }
}

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions extends Omit<RequestInit, 'signal'> {
  /** Seconds before giving up; the page's configured timeout by default. */
  timeoutSeconds?: number;
  /** Another fetch (tests, Node scripts). */
  fetch?: FetchFunction;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * Runs `read` on the response of `url` within the timeout (headers and body together: a body that stalls is a
 * timeout too). Throws a RequestError; the response of an HTTP error is handed to `read` only when `acceptErrors`.
 */
async function exchange<T>(url: string, options: RequestOptions, read: (response: Response) => Promise<T>, acceptErrors = false): Promise<T> {
  const { timeoutSeconds = pageTimeout(), fetch: fetchFn = (input, init) => fetch(input, init), ...init } = options;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new RequestError('timeout', url, 0, timeoutSeconds));
    }, timeoutSeconds * 1000);
  });
  const attempt = (async () => {
    let response: Response;
    try {
      response = await fetchFn(url, { ...init, signal: controller.signal });
    } catch {
      throw new RequestError(timedOut ? 'timeout' : isOffline() ? 'offline' : 'network', url, 0, timeoutSeconds);
    }
    if (!response.ok && !acceptErrors) throw new RequestError('http', url, response.status);
    try {
      return await read(response);
    } catch (error) {
      if (error instanceof RequestError) throw error;
      throw new RequestError(timedOut ? 'timeout' : error instanceof SyntaxError ? 'format' : 'network', url, 0, timeoutSeconds);
    }
  })();
  try {
    // Whichever comes first; a fetch that ignores the abort signal still loses the race.
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
    attempt.catch(() => undefined);
  }
}

/** The parsed JSON at `url`. */
export function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  return exchange(url, options, (response) => response.json() as Promise<T>);
}

/** The text at `url`. */
export function requestText(url: string, options: RequestOptions = {}): Promise<string> {
  return exchange(url, options, (response) => response.text());
}

/** The response, whatever its status (the caller reads it); only a missing answer throws. */
export function request(url: string, options: RequestOptions = {}): Promise<Response> {
  return exchange(url, options, async (response) => response, true);
}

const WHY: Record<Locale, Record<'timeout' | 'offline' | 'other', (seconds: string) => string>> = {
  fr: {
    timeout: (s) => `Le service n’a pas répondu en ${s} secondes : la connexion est peut-être lente. Réessayez.`,
    offline: () => 'Votre appareil n’est pas connecté à internet. Vérifiez votre connexion, puis réessayez.',
    other: () => 'Le service n’a pas pu répondre. Vérifiez votre connexion internet, puis réessayez.',
  },
  en: {
    timeout: (s) => `The service did not answer within ${s} seconds: the connection may be slow. Try again.`,
    offline: () => 'Your device is not connected to the internet. Check your connection, then try again.',
    other: () => 'The service could not answer. Check your internet connection, then try again.',
  },
  ar: {
    timeout: (s) => `لم تستجب الخدمة خلال ${s} ثانية: قد يكون الاتصال بطيئًا. أعد المحاولة.`,
    offline: () => 'جهازك غير متصل بالإنترنت. تحقق من اتصالك ثم أعد المحاولة.',
    other: () => 'تعذر على الخدمة الرد. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.',
  },
};

/** Why a request failed, in plain words for the person, in the component's language. */
export function requestFailureText(error: unknown, locale: Locale): string {
  const why = WHY[locale] ?? WHY.fr;
  if ((error instanceof RequestError && error.kind === 'timeout') || error instanceof TimeoutError) return why.timeout(formatNumber(locale, error.timeoutSeconds));
  if ((error instanceof RequestError && error.kind === 'offline') || isOffline()) return why.offline('');
  return why.other('');
}

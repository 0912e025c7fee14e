/**
 * Tab-scoped state that must survive navigation between the pages of a procedure (panel open, reduced,
 * current view, tutorial context). sessionStorage may be missing or throw (privacy modes, sandboxed
 * iframes): every call fails silently and the widget simply starts fresh.
 */
const PREFIX = 'aide:';

export function readSession<T>(key: string): T | undefined {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeSession(key: string, value: unknown): void {
  try {
    if (value === undefined) window.sessionStorage.removeItem(PREFIX + key);
    else window.sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: state is a convenience, never a requirement.
  }
}

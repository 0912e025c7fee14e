/**
 * "Je suis bloqué" counts: an anonymous count per tutorial step, sent to the collector when the administration
 * turned it on (data-report-blocked). Never retried, never stored: it must not slow the person down.
 */
export interface BlockedReport {
  tutorial: string;
  step: number;
  procedure?: string;
}

/** Posts to <endpoint>/blocked (endpoint: the collector's …/api/v1/feedback), with an idempotency key. */
export function reportBlocked(endpoint: string, report: BlockedReport): void {
  // Without randomUUID (an insecure context) nothing is sent: a count without a key could be counted twice.
  if (typeof crypto.randomUUID !== 'function') return;
  const url = new URL('blocked', new URL(endpoint, document.baseURI)).href;
  void fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(report),
    keepalive: true,
  }).catch(() => undefined);
}

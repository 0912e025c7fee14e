/**
 * How aide.js knows, without loading the feedback code, that opinions wait on this device to be sent again: a
 * count in localStorage, written by the delivery queue (@aide/feedback), read once by the loader at page load.
 * localStorage may be missing or throw (privacy modes, sandboxed iframes): reads then say "nothing waits", and the
 * queue is still sent when a feedback form is opened.
 */
export const PENDING_FEEDBACK_KEY = 'aide:feedback-pending';

export function pendingFeedbackCount(): number {
  try {
    return Number(window.localStorage.getItem(PENDING_FEEDBACK_KEY)) || 0;
  } catch {
    return 0;
  }
}

export function setPendingFeedbackCount(count: number): void {
  try {
    if (count > 0) window.localStorage.setItem(PENDING_FEEDBACK_KEY, String(count));
    else window.localStorage.removeItem(PENDING_FEEDBACK_KEY);
  } catch {
    // Without localStorage the queue is still sent when the feedback form is opened.
  }
}

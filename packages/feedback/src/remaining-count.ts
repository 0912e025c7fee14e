/**
 * The characters left in a text field, said through the live region only when it matters: near the limit (or past
 * it), once typing pauses, and only when it changed. The count itself is in the field's description from the start:
 * "Il vous reste 1 993 caractères" at every pause of a short text is only noise.
 */
export class RemainingCount {
  private timer: number | undefined;
  private lastSaid: number;

  constructor(
    private readonly max: number,
    /** Said from this many characters left down (and past the limit). */
    private readonly from: number,
    private readonly say: (remaining: number) => void,
    private readonly pauseMs = 1200,
  ) {
    this.lastSaid = max;
  }

  /** The field now holds `length` characters. */
  typed(length: number): void {
    window.clearTimeout(this.timer);
    const remaining = this.max - length;
    if (remaining > this.from || remaining === this.lastSaid) return;
    this.timer = window.setTimeout(() => {
      this.lastSaid = remaining;
      this.say(remaining);
    }, this.pauseMs);
  }

  /** An empty field again. */
  reset(): void {
    this.stop();
    this.lastSaid = this.max;
  }

  /** Nothing more to say (the field left the page). */
  stop(): void {
    window.clearTimeout(this.timer);
  }
}

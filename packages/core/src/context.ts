/**
 * What the person is doing right now: the tutorial step they are on. The locator's help sheet and the feedback
 * form mention it; the walkthrough in the panel reopens there after a navigation. The panel keeps it in the tab's
 * session (to survive the pages of the procedure) and passes it down to its views as a property; an element placed
 * alone follows it with HelpContextController. No identifier, nothing leaves the device unless the person sends
 * feedback.
 */
import { readSession, writeSession } from './session.ts';
import type { StepChangeDetail } from './events.ts';

export interface HelpContext {
  tutorial?: StepChangeDetail;
}

export function readHelpContext(): HelpContext {
  return readSession<HelpContext>('context') ?? {};
}

export function writeHelpContext(context: HelpContext): void {
  writeSession('context', context);
}

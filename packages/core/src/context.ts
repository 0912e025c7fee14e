/**
 * What the person is doing right now, shared between components through the tab's session:
 * the locator's help sheet and the feedback form mention the tutorial and step they were on.
 * No identifier, nothing leaves the device unless the person sends feedback.
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

/**
 * The help context (the tutorial step the person is on) for an element placed alone on the page: read once when
 * the element connects (the panel keeps it in the tab's session, across the pages of the procedure), then kept
 * up to date by the `aide-step-change` events that reach the document. Inside the panel, the panel passes the
 * same context down as a property instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readHelpContext, type HelpContext } from './context.ts';
import type { AideStepChangeEvent } from './events.ts';

export class HelpContextController implements ReactiveController {
  value: HelpContext = {};
  private readonly onStepChange = (event: AideStepChangeEvent) => {
    this.value = { ...this.value, tutorial: event.detail };
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.value = readHelpContext();
    document.addEventListener('aide-step-change', this.onStepChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('aide-step-change', this.onStepChange);
  }
}

import { defineElement } from '@aide/core/element';
import { AideFeedback } from './feedback/feedback.ts';
import { delivery } from './delivery/delivery.ts';

defineElement('aide-feedback', AideFeedback);

// This chunk is also loaded by aide.js at page load when opinions wait on the device: send them.
delivery().start();

declare global {
  interface HTMLElementTagNameMap {
    'aide-feedback': AideFeedback;
  }
}

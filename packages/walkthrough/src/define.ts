import { defineElement } from '@aide/core/element';
import { AideWalkthrough } from './walkthrough/walkthrough.ts';

defineElement('aide-walkthrough', AideWalkthrough);

declare global {
  interface HTMLElementTagNameMap {
    'aide-walkthrough': AideWalkthrough;
  }
}

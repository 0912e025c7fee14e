import { defineElement } from '@aide/core/element';
import { AideLocator } from './locator/locator.ts';

defineElement('aide-locator', AideLocator);

declare global {
  interface HTMLElementTagNameMap {
    'aide-locator': AideLocator;
  }
}

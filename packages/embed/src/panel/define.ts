import { defineElement } from '@aide/core/element';
import { AidePanel } from './panel.ts';

defineElement('aide-panel', AidePanel);

declare global {
  interface HTMLElementTagNameMap {
    'aide-panel': AidePanel;
  }
}

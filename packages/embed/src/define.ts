import { defineElement } from '@aide/core/element';
import { AideHelpElement } from './launcher/launcher.ts';
import './panel/define.ts';

defineElement('aide-help', AideHelpElement);

declare global {
  interface HTMLElementTagNameMap {
    'aide-help': AideHelpElement;
  }
}

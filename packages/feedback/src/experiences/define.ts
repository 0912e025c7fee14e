import { defineElement } from '@aide/core/element';
import { AideExperiences } from './experiences.ts';

defineElement('aide-experiences', AideExperiences);

declare global {
  interface HTMLElementTagNameMap {
    'aide-experiences': AideExperiences;
  }
}

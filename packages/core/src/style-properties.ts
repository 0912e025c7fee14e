/**
 * Inline style values that a strict Content-Security-Policy allows: set through the CSSOM (`style.setProperty`),
 * never as a `style` attribute. Lit's styleMap writes the attribute on first render, which `style-src 'self'`
 * blocks (and reports as a violation). `<span ${styleProperties({ width: '40%' })}>`.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StylePropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() se place sur un élément, pas dans un attribut.');
  }

  render(_properties: Record<string, string>) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return nothing;
  }
}

export const styleProperties = directive(StylePropertiesDirective);

import { expect } from '@open-wc/testing';
import { attributeLayer, contrastWithWhite, datasetLayer, defaultConfig, objectLayer, resolveConfig } from './config.ts';

const base = new URL('https://cdn.example.fr/aide/');

function captureWarnings(run: () => void): string[] {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('configuration', () => {
  it('defaults work with zero configuration, data URLs next to aide.js', () => {
    const config = defaultConfig(base);
    expect(config.tutorialsUrl).to.equal('https://cdn.example.fr/aide/tutorials/index.json');
    expect(config.locatorDataUrl).to.equal('https://cdn.example.fr/aide/places/index.json');
    expect(config.entries).to.deep.equal(['tutorials', 'locator', 'feedback']);
    expect(config.position).to.equal('bottom-right');
    expect(config.feedbackEndpoint).to.equal(null);
  });

  it('applies window.AideConfig, then data-*, then <aide-help> attributes', () => {
    const script = document.createElement('script');
    script.setAttribute('data-locale', 'en');
    script.setAttribute('data-procedure', 'demande-logement');
    const help = document.createElement('aide-help');
    help.setAttribute('locale', 'ar');
    const config = resolveConfig(
      defaultConfig(base),
      [objectLayer({ locale: 'fr', position: 'bottom-left', entries: ['locator'] }), datasetLayer(script), attributeLayer(help)],
      base,
    );
    expect(config.locale).to.equal('ar');
    expect(config.position).to.equal('bottom-left');
    expect(config.entries).to.deep.equal(['locator']);
    expect(config.procedure).to.equal('demande-logement');
  });

  it('warns once per wrong value, naming the attribute and the accepted values, and keeps the previous value', () => {
    const script = document.createElement('script');
    script.setAttribute('data-position', 'en-haut');
    const warnings = captureWarnings(() => {
      const first = resolveConfig(defaultConfig(base), [datasetLayer(script)], base);
      resolveConfig(defaultConfig(base), [datasetLayer(script)], base);
      expect(first.position).to.equal('bottom-right');
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('data-position');
    expect(warnings[0]).to.contain('bottom-right, bottom-left, inline, none');
  });

  it('resolves relative URLs against the page, refuses other schemes', () => {
    const warnings = captureWarnings(() => {
      const config = resolveConfig(
        defaultConfig(base),
        [objectLayer({ feedbackEndpoint: '/api/v1/feedback', tutorialsUrl: 'javascript:alert(1)' })],
        base,
      );
      expect(config.feedbackEndpoint).to.equal('https://cdn.example.fr/api/v1/feedback');
      expect(config.tutorialsUrl).to.equal('https://cdn.example.fr/aide/tutorials/index.json');
    });
    expect(warnings.join()).to.contain('window.AideConfig.tutorialsUrl');
  });

  it('accepts a brand colour only if white text on it reaches 4.5:1', () => {
    expect(contrastWithWhite('#000091')).to.be.greaterThan(14);
    const warnings = captureWarnings(() => {
      expect(resolveConfig(defaultConfig(base), [objectLayer({ color: '#6A1B9A' })], base).color).to.equal('#6a1b9a');
      expect(resolveConfig(defaultConfig(base), [objectLayer({ color: '#fc0' })], base).color).to.equal(null);
      expect(resolveConfig(defaultConfig(base), [objectLayer({ color: 'red; background: url(x)' })], base).color).to.equal(null);
    });
    expect(warnings).to.have.length(2);
  });

  it('parses booleans and entry lists from attributes', () => {
    const script = document.createElement('script');
    script.setAttribute('data-entries', 'feedback, tutorials, feedback');
    script.setAttribute('data-no-persist', '');
    script.setAttribute('data-report-blocked', '');
    const config = resolveConfig(defaultConfig(base), [datasetLayer(script)], base);
    expect(config.entries).to.deep.equal(['feedback', 'tutorials']);
    expect(config.persist).to.equal(false);
    expect(config.reportBlocked).to.equal(true);
  });

  it('reads every Boolean attribute the HTML way: present = on, "false" = off; window.AideConfig keeps the key', () => {
    const layer = (attributes: Record<string, string>) => {
      const script = document.createElement('script');
      for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
      return datasetLayer(script);
    };
    const read = (...layers: ReturnType<typeof datasetLayer>[]) => resolveConfig(defaultConfig(base), layers, base);
    expect(read().persist).to.equal(true);
    expect(read(layer({ 'data-no-persist': 'no-persist' })).persist).to.equal(false);
    expect(read(layer({ 'data-no-persist': 'false' })).persist).to.equal(true);
    expect(read(layer({ 'data-report-blocked': 'false' })).reportBlocked).to.equal(false);
    expect(read(layer({ 'data-report-blocked': 'true' })).reportBlocked).to.equal(true);
    expect(read(objectLayer({ persist: false })).persist).to.equal(false);
    // The script tag wins over window.AideConfig, in either direction.
    expect(read(objectLayer({ persist: false }), layer({ 'data-no-persist': 'false' })).persist).to.equal(true);
    const help = document.createElement('aide-help');
    help.setAttribute('no-persist', '');
    expect(read(attributeLayer(help)).persist).to.equal(false);
  });
});

import { expect } from '@open-wc/testing';
import { directionOf, formatNumber, pickStrings, plural, resolveLocale } from './i18n.ts';

describe('i18n', () => {
  it('resolves region tags and unsupported languages', () => {
    expect(resolveLocale('ar-MA')).to.equal('ar');
    expect(resolveLocale('EN_gb')).to.equal('en');
    expect(resolveLocale('de')).to.equal('fr');
    expect(resolveLocale(undefined)).to.equal('fr');
  });

  it('French puts 0 and 1 in the singular', () => {
    const forms = { one: '{n} étape restante', other: '{n} étapes restantes' };
    expect(plural('fr', 0, forms)).to.equal('0 étape restante');
    expect(plural('fr', 1, forms)).to.equal('1 étape restante');
    expect(plural('fr', 2, forms)).to.equal('2 étapes restantes');
  });

  it('Arabic uses its own plural categories, with Western digits', () => {
    const forms = { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', other: '{n} نتيجة' };
    expect(plural('ar', 0, forms)).to.equal('لا نتائج');
    expect(plural('ar', 2, forms)).to.equal('نتيجتان');
    expect(plural('ar', 5, forms)).to.equal('5 نتائج');
    expect(plural('ar', 100, forms)).to.equal('100 نتيجة');
    expect(formatNumber('ar', 1234)).to.match(/1.?234/);
    expect(directionOf('ar')).to.equal('rtl');
  });

  it('applies integrator overrides to plain strings only', () => {
    const catalogues = {
      fr: { title: 'Aide', count: (n: number) => `${n}` },
      en: { title: 'Help', count: (n: number) => `${n}` },
      ar: { title: 'مساعدة', count: (n: number) => `${n}` },
    };
    const strings = pickStrings(catalogues, 'fr', { title: 'Besoin d’un coup de main ?', count: 'x', unknown: 'y' } as never);
    expect(strings.title).to.equal('Besoin d’un coup de main ?');
    expect(strings.count(3)).to.equal('3');
    expect('unknown' in strings).to.equal(false);
  });
});

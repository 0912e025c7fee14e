import { journey } from '../journey.ts';

export default journey({
  title: 'les langues : l’interface en anglais, les contenus et l’information en français lus avec une voix française',
  start: '/?locale=en',
  async run(sr) {
    sr.step('Le bouton, en anglais');
    await sr.tabTo(/Need help\? collapsed push button/, { back: true });
    await sr.hears(/Need help\?/, { lang: 'en' });

    sr.step('Le panneau, en anglais');
    await sr.press('Enter');
    await sr.hears(/Digital help dialog/, { lang: 'en' });
    await sr.hears(/How can we help you\? heading level 2/, { lang: 'en' });

    sr.step('L’aide près de chez soi');
    await sr.tabTo(/Find help near me/);
    await sr.press('Enter');
    await sr.hears(/Find help near me heading level 2/, { lang: 'en' });

    sr.step('La ligne téléphonique : sa description est en français');
    // The operator's own words are in French whatever the interface: Orca reads them with a French voice.
    await sr.tabTo(/Call 01 70 772 372|01 70 772 372/);
    await sr.readUntil(/Des médiateurs/, { key: 'ArrowUp', max: 6 });
    await sr.hears(/Des médiateurs/, { lang: 'fr' });
  },
});

import { journey } from '../journey.ts';

export default journey({
  title: 'l’aide près de chez soi : un code postal, les résultats, le premier lieu lu',
  async run(sr) {
    sr.step('Ouverture du panneau, « Trouver une aide près de chez moi »');
    await sr.tabTo(/Besoin d'aide \? collapsed push button/, { back: true });
    await sr.press('Enter');
    await sr.hears(/Comment pouvons-nous vous aider \? heading level 2/);
    await sr.tabTo(/Trouver une aide près de chez moi/);
    await sr.press('Enter');
    await sr.hears(/Trouver une aide près de chez moi heading level 2/);

    sr.step('Le champ');
    await sr.tabTo(/Code postal ou commune/);
    await sr.hears(/Par exemple : 75011 ou Saint-Étienne/);

    sr.step('Un code postal');
    await sr.type('35000');

    sr.step('Recherche');
    await sr.tabTo(/Rechercher push button/);
    await sr.press('Enter');
    await sr.hears(/\d+ lieux près de Rennes/);

    sr.step('Le premier lieu, avec la touche H d’Orca (titre suivant) puis les flèches');
    await sr.press('h');
    await sr.hears(/lieux près de Rennes \(35\) heading level 3/);
    await sr.press('h');
    const name = await sr.hears(/[^|]+ heading level 4/);
    sr.step(`Lecture de « ${name.replace(/ heading level 4$/, '')} »`);
    // Its distance, its address, whether it is open now (or that its hours are not known), how to call it.
    await sr.readUntil(/à [\d,]+ km/);
    await sr.readUntil(/\b35\d{3}\b/);
    await sr.readUntil(/Ouvert|Fermé|horaires|Horaires/);
    await sr.readUntil(/Appeler|link/);
  },
});

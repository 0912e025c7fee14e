import { journey } from '../journey.ts';

/**
 * <aide-experiences> on the administration's page (/experiences.html), with the demo's 24 published stories
 * (scripts/demo-stories.ts: one page of 20, then 4 more; 7 negative, the newest of them answered; 9 answered in all).
 */
export default journey({
  title: 'les expériences publiées : les chiffres, « Voir plus », le filtre par ressenti, un récit et sa réponse',
  start: '/experiences.html',
  async run(sr) {
    sr.step('Le composant, avec la touche H d’Orca (titre suivant)');
    await sr.readUntil(/Expériences des usagers heading level 2/, { key: 'h', max: 3 });

    sr.step('Les chiffres, avec les flèches');
    await sr.readUntil(/En chiffres, pour cette démarche/);
    await sr.readUntil(/List with 3 items\. \| • 24 expériences publiées/);
    await sr.readUntil(/38 % avec une réponse de l’administration/);
    await sr.readUntil(/Délai médian de réponse : 46 h/);

    sr.step('« Voir plus d’expériences », après le filtre et les 20 premiers récits');
    await sr.tabTo(/Ressenti combo box/);
    await sr.tabTo(/Afficher push button/);
    await sr.tabTo(/Voir plus d’expériences push button/);
    await sr.press('Enter');
    // Focus on the first story added (the button is gone: every story is shown), then what was added.
    await sr.hears(/List with 24 items\. \| article \| Expérience positive, publiée le \d{1,2} \p{L}+ \d{4} heading level 3/u);
    await sr.hears(/4 expériences de plus : 24 sur 24 affichées\./);
    await sr.focusOn(/^Expérience positive, publiée le/);
    await sr.readUntil(/Le conseiller numérique m’a montré comment retrouver mon mot de passe/);

    sr.step('Le filtre par ressenti : « Négative »');
    await sr.tabTo(/Ressenti combo box/, { back: true });
    await sr.press('ArrowDown');
    await sr.hears(/Positive/);
    await sr.press('ArrowDown');
    await sr.hears(/Négative/);
    await sr.tabTo(/Afficher push button/);
    await sr.press('Enter');
    await sr.hears(/7 expériences au ressenti « négative », les plus récentes d’abord\./);

    sr.step('Le premier récit et sa réponse signée, avec les flèches');
    // One line: the date is plain text, not an element that Orca reads as a piece of its own.
    await sr.readUntil(/Expérience négative, publiée le \d{1,2} \p{L}+ \d{4} heading level 3/u, { max: 4 });
    await sr.readUntil(/Démarche faite en ligne\./);
    await sr.readUntil(/Le site m’a demandé trois fois mon avis d’imposition/);
    await sr.readUntil(/Réponse de Caisse d’allocations familiales \(démonstration\) heading level 4/);
    await sr.readUntil(/Le dépôt des avis d’imposition en PDF de plus de 2 Mo échouait/);
    await sr.readUntil(/Répondu le \d{1,2} \p{L}+ \d{4}/u);
  },
});

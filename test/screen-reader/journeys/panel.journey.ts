import { journey } from '../journey.ts';

export default journey({
  title: 'le panneau : l’ouvrir, parcourir son premier écran, aller à la page et revenir, le fermer',
  async run(sr) {
    sr.step('Le bouton « Besoin d’aide ? », en fin de page');
    // Shift+Tab from the top of the page: the floating button comes last in the page.
    await sr.tabTo(/Besoin d'aide \? collapsed push button/, { back: true });

    sr.step('Ouverture du panneau : Entrée');
    await sr.press('Enter');
    // The dialog entered, by its name, then the heading that has the focus.
    await sr.hears(/Aide numérique dialog/);
    await sr.hears(/Comment pouvons-nous vous aider \? heading level 2/);

    sr.step('Le premier écran, avec Tab');
    await sr.tabTo(/Revenir à la page push button/);
    await sr.tabTo(/Fermer l’aide push button/);
    // The four ways to get help: a list of four buttons, each with its description.
    await sr.tabTo(/List with 4 items/);
    await sr.hears(/Suivre un tutoriel\s*\. Des explications pas à pas, à suivre en même temps que votre démarche\. push button/);
    await sr.tabTo(/Trouver une aide près de chez moi\s*\. Des lieux où une personne peut vous aider/);
    await sr.tabTo(/Donner mon avis\s*\. Dites-nous en quelques clics/);
    await sr.tabTo(/Raconter mon expérience\s*\./);
    await sr.tabTo(/Accessibilité : \w+/);

    sr.step('Vers la page : F6');
    await sr.press('F6');
    // The person came to the panel from its button, not from the page: F6 takes them to the page's main content.
    await sr.hears(/main content/);
    sr.notHeard(/Aide numérique dialog/);

    sr.step('Retour dans le panneau : F6');
    await sr.press('F6');
    await sr.hears(/Aide numérique dialog/);
    await sr.hears(/Comment pouvons-nous vous aider \? heading level 2/);

    sr.step('Fermeture : Échap');
    await sr.press('Escape');
    // Focus back on the button, which says the panel is closed again.
    await sr.hears(/Besoin d'aide \? collapsed push button/);
  },
});

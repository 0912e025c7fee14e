/** `new`: a tutorial to start from, whose placeholders lint reports until they are replaced. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { THEMES, type Theme } from '@aide/walkthrough/format';
import { slugify } from './compile.ts';

export function newTutorial(source: string, title: string, theme: Theme = 'démarches administratives', today = new Date()): string {
  const slug = slugify(title);
  if (!slug) throw new Error('Donnez un titre, par exemple : pnpm tutorials new "Créer une adresse e-mail"');
  if (!(THEMES as readonly string[]).includes(theme)) throw new Error(`Thème inconnu « ${theme} ». Thèmes possibles : ${THEMES.join(', ')}.`);
  const file = join(source, `${slug}.md`);
  if (existsSync(file)) throw new Error(`${file} existe déjà : choisissez un autre titre ou modifiez ce fichier.`);
  const date = today.toISOString().slice(0, 10);
  writeFileSync(
    file,
    `---
title: ${title}
summary: "À compléter : ce que la personne saura faire à la fin, en une ou deux phrases simples."
theme: ${theme}
level: débutant
duration: 10
prerequisites:
  - Avoir un téléphone ou un ordinateur connecté à internet
procedures: []
updated: ${date}
checked: ${date}
sources:
  - title: "À compléter : le nom de la page officielle qui a servi à vérifier le contenu"
    url: https://www.service-public.fr/
tags: []
---

À compléter : une ou deux phrases pour dire à quoi sert ce tutoriel.

## Ouvrir le site

À compléter : ce qu'il faut faire, une action par phrase.

> Astuce : À compléter : un conseil utile pour cette étape, ou supprimez cet encadré.

## Choisir la démarche

À compléter : l'action suivante. Donnez à chaque étape un titre qui commence par un verbe à l'infinitif.

> Si ça ne marche pas : À compléter : ce qu'il faut vérifier.
`,
  );
  return file;
}

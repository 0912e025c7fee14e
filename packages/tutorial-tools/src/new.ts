/** `new`: a complete, valid tutorial to start from. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { THEMES, type Theme } from '@aide/walkthrough/format';
import { slugify } from './compile.ts';

export function newTutorial(source: string, title: string, theme: Theme = 'démarches administratives', today = new Date()): string {
  const slug = slugify(title);
  if (!slug) throw new Error('Donnez un titre, par exemple : new "Créer une adresse e-mail"');
  if (!(THEMES as readonly string[]).includes(theme)) throw new Error(`Thème inconnu « ${theme} ». Thèmes possibles : ${THEMES.join(', ')}.`);
  const file = join(source, `${slug}.md`);
  if (existsSync(file)) throw new Error(`${file} existe déjà : choisissez un autre titre ou modifiez ce fichier.`);
  writeFileSync(
    file,
    `---
title: ${title}
summary: À la fin, vous saurez … (une ou deux phrases simples).
theme: ${theme}
level: débutant
duration: 10
prerequisites:
  - Avoir un téléphone ou un ordinateur connecté à internet
procedures: []
updated: ${today.toISOString().slice(0, 10)}
tags: []
---

Une ou deux phrases pour dire à quoi sert ce tutoriel.

## Ouvrir le site

Écrivez ici ce qu'il faut faire, une action par phrase.

> Astuce : Un conseil utile pour cette étape.

## Faire la deuxième action

Décrivez l'action suivante.

> Si ça ne marche pas : Dites quoi vérifier.
`,
  );
  return file;
}

/**
 * aide-tutorials — the editors' tool, in French from --help to the last error. Run compiled (dist/cli.mjs, made by
 * build-cli.mjs and kept fresh by bin/aide-tutorials.mjs): an editor saving a file gets the answer in well under
 * a second. Exit codes: 0 all good, 1 errors (a tutorial left out, a file not found, a wrong option).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve, join, dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Theme } from '@aide/walkthrough/format';
import { repoRoot } from './paths.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  help: string;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>;
}

const common: Options = { help: { type: 'boolean', short: 'h' }, source: { type: 'string' } };
const defaults = { source: join(repoRoot, 'tutorials'), out: join(repoRoot, 'dist/aide/tutorials'), cache: join(repoRoot, '.cache/tutorials') };
const sourceOf = (values: Record<string, unknown>) => resolve(typeof values.source === 'string' ? values.source : defaults.source);

const COMMANDS: Record<string, Command> = {
  new: {
    usage: 'pnpm tutorials new "Titre du tutoriel" [--theme "premiers pas"]',
    summary: 'crée tutorials/<identifiant>.md à partir d’un modèle à compléter',
    options: { ...common, theme: { type: 'string' } },
    help: `  --theme <thème>     le thème (par défaut : démarches administratives)
  --source <dossier>  le dossier des tutoriels (par défaut : tutorials/)`,
    async run(values, positionals) {
      const { newTutorial } = await import('./new.ts');
      const file = newTutorial(sourceOf(values), positionals.join(' ').trim(), values.theme as Theme | undefined);
      console.log(`Créé : ${file}\nRemplacez chaque « À compléter », puis vérifiez avec : pnpm tutorials lint ${file}`);
      return 0;
    },
  },
  lint: {
    usage: 'pnpm tutorials lint [fichiers…] [--json] [--strict] [--watch]',
    summary: 'vérifie les tutoriels (tous ceux de tutorials/ si aucun fichier n’est donné)',
    options: { ...common, json: { type: 'boolean' }, strict: { type: 'boolean' }, watch: { type: 'boolean', short: 'w' } },
    help: `  --json              les messages au format JSON, pour un programme
  --strict            les avertissements comptent aussi comme des erreurs (pour l’intégration continue)
  --watch, -w         vérifie de nouveau chaque fichier à chaque enregistrement (Ctrl+C pour arrêter)
  --source <dossier>  le dossier des tutoriels (par défaut : tutorials/)`,
    async run(values, positionals) {
      const { lintFiles, watchLint } = await import('./lint/run.ts');
      const files = positionals.map((f) => resolve(f));
      const missing = files.filter((f) => !existsSync(f));
      if (missing.length) {
        console.error(`Fichier introuvable : ${missing.join(', ')}\n    → Vérifiez le chemin ; les tutoriels sont dans tutorials/.`);
        return 1;
      }
      const source = files.length ? dirname(files[0]!) : sourceOf(values);
      if (values.watch) return watchLint({ source, files, json: Boolean(values.json) });
      return lintFiles({ source, files, json: Boolean(values.json), strict: Boolean(values.strict), color: process.stdout.isTTY });
    },
  },
  build: {
    usage: 'pnpm tutorials build [--strict] [--out dist/aide/tutorials]',
    summary: 'publie les tutoriels sans erreur : index, textes, recherche, images',
    options: { ...common, out: { type: 'string' }, cache: { type: 'string' }, strict: { type: 'boolean' } },
    help: `  --strict            une seule erreur arrête toute la publication (pour l’intégration continue) ;
                      sans --strict, un tutoriel avec une erreur est laissé de côté et les autres sont publiés
  --out <dossier>     où publier (par défaut : dist/aide/tutorials)
  --cache <dossier>   le cache des constructions précédentes (par défaut : .cache/tutorials)
  --source <dossier>  le dossier des tutoriels (par défaut : tutorials/)`,
    async run(values) {
      const { runBuild } = await import('./build-report.ts');
      return runBuild({ source: sourceOf(values), out: resolve(String(values.out ?? defaults.out)), cache: resolve(String(values.cache ?? defaults.cache)), strict: Boolean(values.strict) });
    },
  },
  preview: {
    usage: 'pnpm tutorials preview [--port 5174]',
    summary: 'montre les tutoriels comme dans le widget, avec leurs messages, et se recharge à chaque enregistrement',
    options: { ...common, port: { type: 'string' } },
    help: `  --port <numéro>     le port de l’aperçu (par défaut : 5174 ; 0 pour un port libre)
  --source <dossier>  le dossier des tutoriels (par défaut : tutorials/)`,
    async run(values) {
      const port = Number(values.port ?? 5174);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`Le port « ${values.port} » n’est pas un numéro de port.\n    → Écrivez un nombre entre 1024 et 65535, par exemple --port 5174.`);
        return 1;
      }
      const { startPreview } = await import('./preview/server.ts');
      await startPreview({ source: sourceOf(values), port, root: repoRoot });
      return -1;
    },
  },
  import: {
    usage: 'pnpm tutorials import <fichier.md ou dossier> [--out tutorials] [--theme …] [--force] [--json]',
    summary: 'convertit des pages écrites pour GitBook, VuePress, VitePress, Docusaurus, Jekyll, Hugo, Nuxt ou GitHub',
    options: { help: { type: 'boolean', short: 'h' }, out: { type: 'string' }, theme: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
    help: `  --out <dossier>     où écrire les tutoriels et leurs images (par défaut : tutorials/)
  --theme <thème>     le thème à mettre dans l’en-tête des tutoriels importés
  --force             remplace un tutoriel qui existe déjà (sinon il est laissé tel quel)
  --json              le rapport au format JSON`,
    async run(values, positionals) {
      if (positionals.length === 0) {
        console.error('Donnez le fichier ou le dossier à importer.\n    → Par exemple : pnpm tutorials import ~/documents/aide-logement.md');
        return 1;
      }
      const missing = positionals.filter((p) => !existsSync(p));
      if (missing.length) {
        console.error(`Fichier ou dossier introuvable : ${missing.join(', ')}\n    → Vérifiez le chemin.`);
        return 1;
      }
      const { runImport } = await import('./import/run.ts');
      return runImport({
        inputs: positionals.map((p) => resolve(p)),
        out: resolve(String(values.out ?? defaults.source)),
        theme: values.theme as Theme | undefined,
        force: Boolean(values.force),
        json: Boolean(values.json),
      });
    },
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `Outil des rédacteurs de tutoriels Aide numérique.

Utilisation : pnpm tutorials <commande> [options]

Commandes :
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Aide d’une commande : pnpm tutorials <commande> --help
Le guide des rédacteurs : tutorials/README.md`;
}

const commandHelp = (name: string, c: Command) => `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}.

Utilisation : ${c.usage}

Options :
${c.help}
  --help, -h          cette aide`;

/** node:util's parseArgs errors, in French. */
function optionError(error: unknown, name: string, command: Command): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const known = Object.keys(command.options).map((o) => `--${o}`).join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Option inconnue pour « ${name} » : ${option}\n    → Options possibles : ${known}. Voir : pnpm tutorials ${name} --help`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message)
      ? `L’option ${option} attend une valeur.\n    → Par exemple : ${option} ${option === '--port' ? '5174' : '…'}. Voir : pnpm tutorials ${name} --help`
      : `L’option ${option} ne prend pas de valeur.\n    → Écrivez-la seule. Voir : pnpm tutorials ${name} --help`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Argument inattendu pour « ${name} ».\n    → Voir : pnpm tutorials ${name} --help`;
  return `Arguments incompris : ${message}\n    → Voir : pnpm tutorials ${name} --help`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'aide' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Commande inconnue : « ${name} ».\n    → Commandes possibles : ${Object.keys(COMMANDS).join(', ')}.\n\n${usage()}`);
    return 1;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: command.options }) as typeof parsed;
  } catch (error) {
    console.error(optionError(error, name, command));
    return 1;
  }
  if (parsed.values.help) {
    console.log(commandHelp(name, command));
    return 0;
  }
  if (parsed.values.source !== undefined && !(existsSync(String(parsed.values.source)) && statSync(String(parsed.values.source)).isDirectory())) {
    console.error(`Le dossier « ${parsed.values.source} » n’existe pas.\n    → Donnez le dossier des tutoriels, par exemple --source tutorials.`);
    return 1;
  }
  return command.run(parsed.values, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // Our own errors are French sentences; anything else is a fault of the tool, said plainly.
    const message = error instanceof Error ? error.message : String(error);
    console.error(/[àâçéèêëîïôûùüÿœ’«]/i.test(message) ? message : `L’outil a rencontré un problème inattendu : ${message}\n    → Signalez-le à l’équipe technique avec la commande lancée.`);
    process.exitCode = 1;
  },
);

/** `build` for people: what was published, what was left out and why, in French; the exit code for CI. */
import { buildCorpus, type BuildOptions } from './build.ts';
import { formatHuman } from './report.ts';

export async function runBuild(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const result = await buildCorpus(options);
  const problems = [
    ...(result.registry.length ? [{ file: 'tutorials/procedures.yml', slug: 'procedures', diagnostics: result.registry, readability: [] }] : []),
    ...result.failed.map((f) => ({ file: `${f.slug}.md`, slug: f.slug, diagnostics: f.diagnostics, readability: [] })),
    ...(result.imageWarnings.length ? [{ file: 'images', slug: 'images', diagnostics: result.imageWarnings, readability: [] }] : []),
  ];
  if (problems.length) console.error(formatHuman(problems, process.stderr.isTTY));
  const published = result.built.length + result.reused.length;
  const ms = Math.round(performance.now() - started);
  if (!result.published) {
    console.error(
      `\nPublication arrêtée (--strict) : ${result.failed.length} tutoriel(s) avec des erreurs${result.registry.length ? ' et un registre des démarches à corriger' : ''}. ` +
        `Rien n’a été modifié dans ${options.out}.\n    → Corrigez les erreurs ci-dessus, ou publiez sans --strict : seuls les tutoriels en erreur seront laissés de côté.`,
    );
    return 1;
  }
  console.log(
    `Tutoriels publiés : ${published} (${result.built.length} reconstruits, ${result.reused.length} inchangés), ${result.warnings} avertissement(s), ${ms} ms → ${options.out}`,
  );
  if (result.failed.length) {
    console.error(
      `\nLaissés de côté (non publiés) : ${result.failed.length} tutoriel(s) avec des erreurs : ${result.failed.map((f) => f.slug).join(', ')}.\n` +
        '    → Corrigez leurs erreurs (liste ci-dessus) puis publiez de nouveau ; les autres tutoriels sont déjà publiés.',
    );
  }
  if (result.registry.length) console.error('\nLe registre des démarches a des erreurs : les démarches concernées ne sont pas publiées.');
  return result.failed.length || result.registry.length ? 1 : 0;
}

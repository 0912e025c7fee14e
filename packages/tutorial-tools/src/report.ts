/** Lint results for people (grouped by file, with how to fix) and for programs (--json). */
import type { LintResult, Severity } from './lint/lint.ts';

const WORD: Record<Severity, string> = { error: 'erreur', warning: 'avertissement', hint: 'conseil' };

export function formatHuman(results: LintResult[], color = false): string {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, hint: 0 };
  for (const result of results) {
    for (const d of result.diagnostics) {
      count[d.severity]++;
      const tag = d.severity === 'error' ? paint('31', WORD[d.severity]) : d.severity === 'warning' ? paint('33', WORD[d.severity]) : paint('36', WORD[d.severity]);
      lines.push(`${d.file}:${d.line}:${d.column}  ${tag}  ${d.message}  (${d.rule})`);
      lines.push(`    → ${d.fix}`);
    }
    if (result.readability.length) {
      lines.push(`${result.file}  lisibilité (Kandel-Moles) par étape : ${result.readability.map((r) => `${r.step}: ${r.score}`).join(', ')}`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  lines.push('');
  lines.push(`${plural(count.error, 'erreur')}, ${plural(count.warning, 'avertissement')}, ${plural(count.hint, 'conseil')} dans ${plural(results.length, 'tutoriel')}.`);
  return lines.join('\n');
}

export function formatJson(results: LintResult[]): string {
  return JSON.stringify({ results }, null, 2);
}

/**
 * web-test-runner reporter: one plain "<label>: N passed, N failed" line at the end, for the CI total, and every
 * test's outcome in test-results/<label>-outcomes.json (read by the RGAA grid check).
 */
import { repoPath, writeOutcomes } from './outcomes.mjs';

export function summaryLineReporter(label) {
  const collect = (suite, file, browser, prefix, c) => {
    if (!suite) return c;
    for (const t of suite.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
      c.outcomes.push({ file, browser, title: [...prefix, t.name].join(' › '), passed: !t.skipped && !!t.passed });
    }
    for (const s of suite.suites ?? []) collect(s, file, browser, [...prefix, s.name], c);
    return c;
  };
  return {
    onTestRunFinished({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0, outcomes: [] };
      for (const session of sessions) {
        const file = repoPath(session.testFile);
        const browser = session.browser?.name ?? label;
        collect(session.testResults, file, browser, [], c);
        // A file that failed to load has no results but must still count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          c.failed++;
          c.outcomes.push({ file, browser, title: '(le fichier de test n’a pas pu être chargé ou a échoué hors d’un test)', passed: false });
        }
      }
      writeOutcomes(label, c.outcomes);
      // Skipped tests count as failures: a skipped check is a defect here.
      console.log(`${label}: ${c.passed} passed, ${c.failed + c.skipped} failed`);
    },
  };
}

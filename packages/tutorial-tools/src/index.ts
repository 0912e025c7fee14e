/**
 * `@aide/tutorial-tools`: the editors' toolchain as a library (the `aide-tutorials` command is src/cli.ts):
 * build the corpus into the files the walkthrough reads, compile or lint one tutorial.
 */
export { buildCorpus, type BuildOptions, type BuildResult } from './build.ts';
export { compileTutorial, type Compiled } from './compile.ts';
export { parseTutorial, type ParsedTutorial } from './parse.ts';
export { lintTutorial, type Diagnostic, type LintOptions, type LintResult } from './lint/lint.ts';

export interface Outcome {
  file: string;
  title: string;
  passed: boolean;
  browser?: string;
}
export const root: string;
export const RESULTS_DIR: string;
export function outcomesFile(runner: string): string;
export function repoPath(file: string): string;
export function writeOutcomes(runner: string, outcomes: Outcome[], extra?: Record<string, unknown>): string;

// The analyzer's programmatic entry points, which its own index.d.ts does not declare (its README documents them):
// create() and the TypeScript it was built with, and the Lit plugin that `cem analyze --litelement` adds.
import type { Plugin } from '@custom-elements-manifest/analyzer';
import type * as typescript from 'typescript';

declare module '@custom-elements-manifest/analyzer' {
  export const ts: typeof typescript;
  export function create(options: { modules: typescript.SourceFile[]; plugins?: Plugin[]; context?: Record<string, unknown> }): unknown;
}

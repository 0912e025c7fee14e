// The analyzer's Lit plugin (what `cem analyze --litelement` adds), reached by its path: the package exports no entry
// point for it, and the module has no types of its own.
declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  import type { Plugin } from '@custom-elements-manifest/analyzer';
  export function litPlugin(): Plugin[];
}

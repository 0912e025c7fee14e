/**
 * The custom elements manifests, generated from the code's JSDoc by @custom-elements-manifest/analyzer (with its Lit
 * plugin, and a plugin of ours for defineElement(), which the analyzer does not know): one `custom-elements.json` per
 * element package, published with it (package.json "customElements" and exports), read by editors, Storybook-like
 * tools and the demo's documentation page.
 * Usage: node --import tsx scripts/manifest.ts [--check]
 *   --check  writes nothing; fails, naming the package, when a committed manifest differs from the code (CI).
 * With --check, it prints how many manifests are up to date (not a "N passed" line: scripts/lint.sh counts it once).
 */
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { create, ts, type AnalyzePhaseParams, type Plugin } from '@custom-elements-manifest/analyzer';
// The analyzer's Lit plugin (what `cem analyze --litelement` adds); the package exports no entry point for it.
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { CONFIG_OPTIONS } from '@aide/core';

const config = {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/strings*.ts'],
};

/** `defineElement('aide-walkthrough', AideWalkthrough)` → a custom-element-definition export, like customElements.define(). */
function defineElementPlugin(): Plugin {
  return {
    name: 'aide-define-element',
    analyzePhase({ ts, node, moduleDoc }: AnalyzePhaseParams) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      // Where the class comes from: an import of this module, or the module itself.
      const source = node.getSourceFile();
      let module = moduleDoc.path ?? source.fileName;
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const bindings = statement.importClause.namedBindings;
        if (ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === klass.text)) {
          module = new URL(statement.moduleSpecifier.text, `file:///${source.fileName}`).pathname.slice(1);
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
  };
}


const root = fileURLToPath(new URL('..', import.meta.url));
/** The packages that define custom elements. */
export const ELEMENT_PACKAGES = ['walkthrough', 'locator', 'feedback', 'embed'] as const;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else out.push(path);
  }
  return out;
}

const matches = (path: string, glob: string) => {
  // The config's globs are "src/**/*.ts"-like: ** any folders, * any name part.
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*');
  return new RegExp(`^${pattern}$`).test(path);
};

/** The base class of the Lit elements, analysed with each package so that what it documents is inherited. */
const BASE = { file: '../core/src/element.ts', name: 'AideElement', package: '@aide/core/element' };

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  attributes?: { name: string; description?: string; type?: { text: string }; inheritedFrom?: object }[];
  [list: string]: unknown;
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** The manifest of one package, as it would be written (paths relative to the package). */
export function buildManifest(name: (typeof ELEMENT_PACKAGES)[number]): string {
  const dir = join(root, 'packages', name);
  const sources = files(join(dir, 'src'))
    .map((file) => relative(dir, file))
    .filter((file) => config.globs.some((g) => matches(file, g)) && !config.exclude.some((g) => matches(file, g)));
  const modules = [...sources, BASE.file].map((file) => ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifest = create({ modules, plugins: [...litPlugin(), defineElementPlugin()] }) as Manifest;
  // The base class is @aide/core's, not this package's: its members stay, inherited from the package entry point.
  manifest.modules = manifest.modules.filter((m) => m.path !== BASE.file);
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    for (const list of ['attributes', 'members', 'events', 'cssProperties', 'cssParts', 'slots']) {
      for (const item of (declaration[list] as { inheritedFrom?: { name: string } }[] | undefined) ?? []) {
        if (item.inheritedFrom?.name === BASE.name) item.inheritedFrom = { name: BASE.name, package: BASE.package } as { name: string };
      }
    }
    // <aide-help>'s attributes are the configuration's (as on the script tag): one source, @aide/core's table.
    if (declaration.tagName === 'aide-help') {
      declaration.attributes = CONFIG_OPTIONS.map((o) => ({ name: o.attr, type: { text: 'string' }, description: `Comme data-${o.attr} sur la balise <script>, qu'il remplace pour ce bouton. Valeurs acceptées : ${o.accepted}.` }));
    }
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  let passed = 0;
  let failed = 0;
  for (const name of ELEMENT_PACKAGES) {
    const file = join(root, 'packages', name, 'custom-elements.json');
    const fresh = buildManifest(name);
    if (!values.check) {
      writeFileSync(file, fresh);
      console.log(`${relative(root, file)} écrit`);
    } else if (existsSync(file) && readFileSync(file, 'utf8') === fresh) {
      passed++;
    } else {
      failed++;
      console.error(`${relative(root, file)} ne correspond plus au code : lancez « pnpm run manifest » et validez le fichier.`);
    }
  }
  if (values.check) console.log(`manifestes à jour : ${passed} sur ${passed + failed}`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

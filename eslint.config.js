// ESLint for the whole repository: TypeScript with type information, Lit templates (lit, lit-a11y) and the
// custom-element rules of eslint-plugin-wc for the element classes. `pnpm run lint` runs it with knip; both must
// report nothing. A rule is turned off here only with the reason next to it, never file-wide in a source file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'test-results/', 'playwright-report/', '.data/', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Imports of types stay type-only (verbatimModuleSyntax relies on it).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // `void promise` marks a promise that is deliberately not awaited (a handler that must return at once).
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          ignoreVoid: true,
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
        },
      ],
      // Async functions without await implement promise-returning interfaces (storage backends, fetch stubs).
      '@typescript-eslint/require-await': 'off',
      // Lit binds `@click=${this.method}` with the element as `this`: passing methods unbound is the Lit idiom.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/collector/**', 'packages/tutorial-tools/**'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/collector/**', 'packages/tutorial-tools/**'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/collector/**', 'packages/tutorial-tools/**'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Tests read untyped JSON (fetch, inject, page.evaluate) and check its shape with assertions: the no-unsafe
    // family would ask for a cast before every assertion, which proves nothing more.
    files: ['**/*.test.ts', 'test/**/*.ts', 'scripts/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (configs, reporters, the preview's client script): no type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

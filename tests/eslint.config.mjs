// ESLint for the extension's scripts and the JS tests, run by ./build.sh test from the repository's
// top (npx --prefix tests eslint --config tests/eslint.config.mjs extension tests), where the
// paths below are read from.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['tests/node_modules/**', 'dist/**', 'target/**', 'extension/core/**'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions },
    },
  },
  {
    // preload.js defines what the content script's modules, in the same world after it, take
    // over; the first module (base.js) defines the namespace the others share.
    files: ['extension/content/**/*.js'],
    languageOptions: { globals: { vettedCore: 'readonly', vetted: 'readonly' } },
  },
  {
    files: ['extension/content/base.js'],
    languageOptions: { globals: { vetted: 'off' } },
  },
  {
    files: ['extension/background.js', 'extension/popup/**/*.js'],
    languageOptions: { sourceType: 'module' },
  },
  {
    // Node scripts whose functions also run in the page (puppeteer's evaluate).
    files: ['tests/**/*.mjs', 'extension/tools/**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-eval': 'error',
    },
  },
];

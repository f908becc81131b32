// ESLint: the lit, wc and lit-a11y rules on the TypeScript sources, and ESLint's recommended
// rules on the Node scripts. TypeScript files are parsed by Babel (syntax only): TypeScript 7
// has no JS API for typescript-eslint, the plugin rules need no types, and `npm run typecheck`
// checks the types. ESLint's core "recommended" rules misread Babel's TypeScript nodes
// (abstract methods, overloads), so TypeScript files get a chosen set of syntax rules instead.
import babelParser from '@babel/eslint-parser';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

const typescript = {
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    sourceType: 'module',
    babelOptions: {
      babelrc: false,
      configFile: false,
      presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
      plugins: [['@babel/plugin-proposal-decorators', { legacy: true }]],
    },
  },
};

export default [
  { ignores: ['dist/**', 'coverage/**', 'storybook-static/**', 'node_modules/**'] },
  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        queueMicrotask: 'readonly',
        crypto: 'readonly',
      },
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: typescript,
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-debugger': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
      'no-sparse-arrays': 'error',
      'no-template-curly-in-string': 'error',
      'no-unreachable': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-fallthrough': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Code that runs in a stranger's page: src/schema/builtins.ts says why.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Array',
          property: 'from',
          message: 'old page libraries replace Array.from: use range() or a spread (src/schema/builtins.ts)',
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
    },
  },
];

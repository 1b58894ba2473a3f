// One lint for the whole repository: TypeScript's recommended rules everywhere, React's hooks rules
// in the admin pages and the site's islands. Formatting is Prettier's (npm run format), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'cms/.tmp/**',
      'cms/.strapi/**',
      'cms/types/**',
      'cms/public/**',
      'site/.astro/**',
      'site/dist*/**',
      '**/*.astro',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // `_name` marks what is deliberately unused (a destructured field left out, a handler's argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Names and file names are checked for control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['plugins/*/admin/**/*.{ts,tsx}', 'packages/plugin-kit/admin/**/*.{ts,tsx}', 'site/src/**/*.{ts,tsx}', 'site/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests and the test counterparts (a partner's tool, a callback partner) read other programs'
    // JSON as it comes; `any` is kept out of product code, not out of assertions on answers.
    files: ['**/*.test.ts', 'tests/**/*.ts', 'scripts/partners/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

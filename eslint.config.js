// Lint rules. The one that matters most: shared/ (the domain) stays free of React, the DOM,
// sockets and Node built-ins, so every part of the system can use it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', 'bench-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'ws', 'zustand', 'prosemirror-view', 'prosemirror-state', 'y-websocket', 'y-indexeddb', 'better-sqlite3'].map(
            (name) => ({ name, message: 'shared/ is the framework-free domain: no UI, DOM, socket or database imports.' }),
          ),
          patterns: [{ group: ['node:*', 'react-dom/*', 'react/*'], message: 'shared/ runs in browsers and Node alike.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'process', 'Buffer', 'require'].map(
          (name) => ({ name, message: 'shared/ may not use DOM or Node globals.' }),
        ),
      ],
    },
  },
);

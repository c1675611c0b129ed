// Lint: TypeScript recommended rules everywhere, plus the rule that keeps every domain core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PURE_DOMAIN = {
  files: ['services/*/domain/**/*.ts', 'connectors/*/domain/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        { group: ['kafkajs', 'pg', 'pino', 'avsc', 'zod', 'prom-client', '@nestjs/*', 'node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'crypto', 'os', '**/adapters/**', '**/platform/**'],
          message: 'domain/ is pure: data in, decisions out. Do I/O in adapters/ and pass values in.' },
        { group: ['**/schemas', '**/schemas/**'], allowTypeImports: true, message: 'domain/ may use generated schema types, never runtime code.' },
      ],
    }],
    'no-restricted-syntax': ['error',
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in domain/: pass `at` in from the adapter.' },
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in domain/: pass `at` in from the adapter.' },
      { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in domain/: inject it.' },
      { selector: "MemberExpression[object.name='process']", message: 'No process/env in domain/: configuration is parsed in config.ts and passed in.' },
      { selector: "CallExpression[callee.name='fetch']", message: 'No I/O in domain/.' },
      { selector: "CallExpression[callee.name='setTimeout']", message: 'No timers in domain/.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  { files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' } },
  PURE_DOMAIN,
);

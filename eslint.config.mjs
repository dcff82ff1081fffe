// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Node's globals for the plain JavaScript files (scripts, docker helpers,
 * tool configs). Listed here rather than taken from the `globals` package,
 * which is only a transitive dependency.
 */
const nodeGlobals = Object.fromEntries(
  [
    'Buffer',
    'URL',
    'URLSearchParams',
    'AbortController',
    'AbortSignal',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'process',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);

const unusedVars = [
  'error',
  { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
];

// Not type-aware on purpose: linting stays fast; `npm run typecheck` covers types.
export default defineConfig(
  // The portal's contract types are generated from the OpenAPI document (npm run contract).
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench/results/**', 'coverage/**', 'apps/portal-web/src/api/openapi.d.ts'] },
  js.configs.recommended,
  {
    files: ['apps/**/*.ts', 'apps/portal-web/**/*.tsx', 'libs/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  // Where each import belongs (README, layout): contracts are plain data, the gateway has no tables and sends no mail,
  // an app never reaches into another's code. test/lint/import-boundaries.spec.ts shows each rule refusing.
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@nestjs/*', '@mikro-orm/*', 'nats', 'nats/*', 'ioredis', 'nodemailer', 'rxjs'], message: 'Contracts are zod schemas, types and error codes: no runtime.' },
        { group: ['@app/platform', '@app/platform/*', '**/apps/**'], message: 'Contracts depend on nothing of ours.' },
      ] }],
    },
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'The platform serves the apps and knows none of them.' }] }],
    },
  },
  {
    files: ['apps/gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@mikro-orm/*', 'nodemailer', '@app/platform/service', '@app/platform/database/*', '@app/platform/mail/*', '@app/platform/boot/*'], message: 'The gateway has no tables and sends no mail: ask a service over NATS.' },
        { group: ['**/identity/src/**', '**/mfa/src/**', '**/tenancy/src/**', '**/portal-web/src/**'], message: 'An app never imports another app: share through libs/contracts.' },
      ] }],
    },
  },
  ...['identity', 'mfa', 'tenancy'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['gateway', 'identity', 'mfa', 'tenancy', 'portal-web'].filter((other) => other !== app).map((other) => `**/${other}/src/**`), message: 'A service never imports another app: ask it over NATS, with a contract from libs/contracts.' },
      ] }],
    },
  })),
  {
    files: ['apps/portal-web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@app/platform', '@app/platform/*', '**/libs/platform/**'], message: 'The portal runs in a browser: no server code.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, __dirname: 'readonly', __filename: 'readonly', require: 'readonly', module: 'writable', exports: 'writable' },
    },
    rules: { 'no-unused-vars': unusedVars },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);

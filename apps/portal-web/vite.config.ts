import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, Plugin } from 'vite';

// Vite gives its config file __dirname and __filename, as Node gives them to CommonJS modules.
const root = __dirname;

/** esbuild only strips types: the build checks them first, as `nest build` does for the apps. */
const typeCheck: Plugin = {
  name: 'portal-web-type-check',
  apply: 'build',
  buildStart() {
    const tsc = createRequire(__filename).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.json')], { stdio: 'inherit' });
  },
};

/**
 * The reference web portal, built into dist/portal-web and served by the
 * gateway on every portal host, so that the session cookie and the CSRF rule
 * apply to it unchanged.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [typeCheck],
  // No React plugin: esbuild's automatic runtime is all the JSX needs.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(root, '../../dist/portal-web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});

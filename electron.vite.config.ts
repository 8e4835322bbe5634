import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src-main/csp';

// The built page carries the CSP in a meta tag too; the dev server's page does not
// (React's refresh runtime is an inline script), and it is never packaged.
const contentSecurityPolicyMeta: Plugin = {
  name: 'content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

// The CLI is built beside the Electron main process from the same sources: both are
// thin shells over src-main/services.
export default defineConfig({
  main: {
    build: {
      // zod is bundled: as a package it is a hundred files, and resolving and loading
      // them took a good part of every CLI command's start.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli/bin.ts'),
          // The backend's worker thread (src-main/api/backend.ts finds it beside itself).
          backend: resolve(import.meta.dirname, 'src-main/api/backend-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), contentSecurityPolicyMeta],
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } },
    },
  },
});

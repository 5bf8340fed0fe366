import { defineConfig } from 'vitest/config';

// The console is served by the shouwang server from the root of its origin
// (`shouwang serve --web dist`), so assets are referenced from "/".
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    rollupOptions: { input: { console: 'index.html', map: 'map.html' } },
  },
  server: {
    // During `npm run dev`, API calls go to a locally running shouwang server.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});

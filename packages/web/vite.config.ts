import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './build/graphql-documents';

// The API server (packages/server) listens on :4000 and, in production, serves this SPA from dist/
// on the same origin. In `vite` dev mode we proxy the server's routes so cookies stay same-origin.
const api = 'http://localhost:4000';

export default defineConfig({
  // graphql(`…`) → an import of that one document, so each page's chunk carries only its own documents.
  plugins: [graphqlDocuments({ gqlDir: fileURLToPath(new URL('./src/gql', import.meta.url)) }), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/xero': { target: api },
      '/webhooks': { target: api },
      '/healthz': { target: api },
      '/api': { target: api },
    },
  },
});

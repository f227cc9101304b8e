import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { pwaPlugins } from './scripts/pwa-plugins.ts';

export default defineConfig({
  plugins: [react(), ...pwaPlugins()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'ledger',
              test: (id: string) => /\/src\/(domain|app|replay)\//.test(id) && !/(ledgerRules|payloadChecks|branchRules|scenarioFile|startOver|\/sample\/)/.test(id),
            },
          ],
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
});

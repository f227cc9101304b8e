import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { pwaPlugins } from './scripts/pwa-plugins.ts';

// The boot-time 'ledger' chunk holds the domain, replay and app modules the first screen runs. A module the group
// captures brings its dependencies along, so the app's door (index.ts, which re-exports what lazily loaded screens
// use) and the modules only those screens, file imports and what-if checks use are left out: they load with what
// needs them.
const LEDGER_CORE = /\/src\/(domain|app|replay)\//;
const LOADED_ON_DEMAND =
  /(\/src\/app\/index\.ts|ledgerRules|ruleVerdicts|payloadChecks|branchRules|branchInjection|branchEngine|whatIfShortcut|commandPlace|branchAdjusters|\/replay\/(whatIf|branchEvents)\.ts|incomingBranch|savedScenarios|scenarioFile|startOver|logFilters|logRows|eventLogQueries|eventBatches|logSearch|changeSignal|spendingByCategory|\/sample\/|\/sync\/(syncEngine|syncApi|rebase|firstPull|pushRequests|wire|redecide)\.ts)/;

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
            // Vite's helper for dynamic imports would otherwise join the first group that uses it, and the boot
            // screen, which loads the ledger after its first render, would have to load the ledger to do so.
            { name: 'preload', test: /vite\/preload-helper/, priority: 1 },
            {
              name: 'ledger',
              test: (id: string) => LEDGER_CORE.test(id) && !LOADED_ON_DEMAND.test(id),
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

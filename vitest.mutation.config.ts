// The tests StrykerJS runs (npm run mutation): only those of the mutated code, never the UI or the whole
// suite (2 shared cores). Stryker's vitest runner then picks, per mutated file, the tests that import it.
import { defineConfig } from 'vitest/config';

// MUTATION_TESTS=a.test.ts,b.test.ts narrows a run to those files (a lower bound on the score: the whole set
// can only kill more), for the files whose related tests take minutes per mutant (docs/mutation.md).
const only = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only ?? [
      'tests/main/security.test.ts',
      'tests/main/protocol.test.ts',
      'tests/main/ipc.test.ts',
      'tests/main/protocol-strict.test.ts',
      'tests/main/hardening.test.ts',
      'tests/web-host/**/*.test.ts',
      'tests/speakers/hall-events.test.ts',
      'tests/seal/*.test.ts',
      'tests/lock/*.test.ts',
      'tests/bundle-zip/*.test.ts',
      'tests/bundle/*.test.ts',
    ],
    // The PDF test launches Chromium: only when named (MUTATION_TESTS), for src/seal/pdf.ts.
    exclude: only ? [] : ['tests/seal/pdf.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

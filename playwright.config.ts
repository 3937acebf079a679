import { defineConfig } from '@playwright/test';

// The extension is shared state (one service worker, one IndexedDB): tests run in
// one worker, each with its own fresh browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});

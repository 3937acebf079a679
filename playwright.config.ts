import { defineConfig } from '@playwright/test';

// The extension is shared state (one service worker, one IndexedDB): tests run in
// one worker, each with its own fresh browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  // Two cores shared by Chromium, the extension and the test: give UI assertions room.
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});

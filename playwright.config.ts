import { defineConfig } from '@playwright/test';

// The extension is shared state (one service worker, one IndexedDB): tests run in
// one worker, each with its own fresh browser profile.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  // Two cores shared by Chromium, the extension and the test: give UI assertions room.
  expect: { timeout: 10_000 },
  // An action that cannot happen (a control that never shows) fails with what it waited
  // for, instead of hanging until the test's 90 s are up.
  use: { actionTimeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
});

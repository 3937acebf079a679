/**
 * The core rep flows (scenarios/core.ts), described once and run in both browsers:
 * Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * Each test gets a fresh browser and profile.
 */
import { test as chromiumTest } from './fixtures';
import { SCENARIOS } from './scenarios/core';
import { chromiumDriver } from './scenarios/chromium';
import { firefoxDriver } from './scenarios/firefox';
import { launchFirefox, type FirefoxSession } from '../../scripts/firefox/launch';

const firefoxTest = chromiumTest.extend<{ firefox: FirefoxSession }>({
  firefox: async ({}, use) => {
    const session = await launchFirefox();
    await use(session);
    await session.close();
  },
});

chromiumTest.describe('Chromium', () => {
  for (const s of SCENARIOS) chromiumTest(s.name, ({ context, extId }) => s.run(chromiumDriver(context, extId)));
});

firefoxTest.describe('Firefox ESR', () => {
  for (const s of SCENARIOS) firefoxTest(s.name, ({ firefox }) => s.run(firefoxDriver(firefox)));
});

import { test as base, type BrowserContext } from '@playwright/test';
import { extensionId, launchWithExtension } from '../../scripts/demo/launch';

export const test = base.extend<{ context: BrowserContext; extId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension({ headless: true });
    await use(context);
    await context.close();
  },
  extId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
});

export const expect = test.expect;

/**
 * Issue 16's screenshot states, set up before the picture: the CS role's layout, and a
 * card "updated since you last looked" (the sample pack seen, then a newer one imported).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionId } from '../demo/launch';
import { panel as sidebarPanel } from '../demo/sidebarFrame';

export type RoleShot = { role?: 'cs'; updated?: boolean };

const SAMPLE = resolve(import.meta.dirname, '../../assets/sample-pack.json');

/** The sample pack one version on: an objection reworded and a proof point added to Globex's card. */
export function updatedSample(): unknown {
  const next = JSON.parse(readFileSync(SAMPLE, 'utf8'));
  next.meta.version = '1.1.0';
  const g = next.competitors.find((c: { id: string }) => c.id === 'globex').battlecard;
  g.objections[1].response = {
    en: 'GlobexIQ summarises yesterday’s reports; Ask Lumora answers on live data within field-level permissions. Offer a side-by-side on their own question.',
    'zh-CN': 'GlobexIQ 只能总结昨天的报表；Ask Lumora 基于实时数据回答，并遵守字段级权限。建议用客户自己的问题现场对比。',
  };
  g.proofPoints.push({ en: 'Oakline Bank: first governed next-best-action campaign live in three weeks.', 'zh-CN': 'Oakline Bank：首个合规的“下一步最佳行动”活动三周上线。' });
  return next;
}

/** Imports `pack` on the options page, as ops would. */
export async function importOnOptions(context: BrowserContext, pack: unknown): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await options.getByTestId('pack-file').setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await options.getByTestId('activate').click();
  await options.getByTestId('pack-version').filter({ hasText: '1.1.0' }).waitFor();
  await options.close();
}

export async function prepareRoleShot(context: BrowserContext, page: Page, shot: RoleShot): Promise<void> {
  const panel = sidebarPanel(page);
  if (shot.role) {
    await panel.locator(`.fl-role[data-role="${shot.role}"]`).click();
    await panel.locator('[data-section]').first().and(panel.locator('[data-section="health"]')).waitFor();
  }
  if (shot.updated) {
    // The first look is the baseline; give its write a moment, then the newer pack.
    await page.waitForTimeout(1_000);
    await importOnOptions(context, updatedSample());
    await page.reload();
    await panel.locator('.fl-updated').waitFor();
    await panel.locator('details[data-part="objections"] > summary').click();
  }
}

import { readFileSync } from 'node:fs';
import { test, expect, inWorker } from './fixtures';

const messages = (locale: string) => JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));

for (const { lang, folder } of [
  { lang: 'en-US', folder: 'en' },
  { lang: 'zh-CN', folder: 'zh_CN' },
]) {
  test.describe(`browser in ${lang}`, () => {
    test.use({ launch: { locale: lang } });
    test('the extensions page and the shortcuts page show the name, description and shortcut label in its language', async ({ context }) => {
      const m = messages(folder);
      const self = await inWorker(context, async () => {
        const c = (globalThis as any).chrome;
        const info = await c.management.getSelf();
        const commands = await c.commands.getAll();
        return { name: info.name, description: info.description, command: commands.find((x: any) => x.name === 'toggle-sidebar')?.description };
      });
      expect(self).toEqual({ name: m.extName.message, description: m.extDescription.message, command: m.commandToggleSidebar.message });
    });
  });
}

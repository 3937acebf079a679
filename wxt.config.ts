import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/build/noInnerHtml';
import { deferMarked } from './scripts/build/deferMarked';
import { asciiOutput } from './scripts/build/asciiOutput';
import { iconSet } from './utils/icons';
import { writeSampleZip } from './scripts/build/sampleZip';
import { writeIconPixels } from './scripts/build/iconPixels';

// Host permissions are exactly the sites our content scripts read; anything else
// (self-hosted CRMs from the pack's `sites` rules) is requested at run time.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The sample pack as a file of the package: the worker reads it at install
    // (utils/store/samplePack.ts) instead of parsing it inside its script on every wake.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve('assets/sample-pack.json'), relativeDest: 'sample-pack.json' });
      // The sample's authoring folder, for the options page's workbench (download, or open it there).
      const zip = writeSampleZip(resolve('packs/sample'), resolve('node_modules/.cache/frontline/sample-pack.zip'));
      files.push({ absoluteSrc: zip, relativeDest: 'sample-pack.zip' });
      // The docs the workbench's error links open (entrypoints/options/workbench/docLinks.ts).
      for (const doc of ['knowledge-pack.md', 'ops-guide.md']) files.push({ absoluteSrc: resolve('docs', doc), relativeDest: `docs/${doc}` });
      // The toolbar icon's pixels for Chrome's worker, which would otherwise draw each PNG on
      // a canvas at every setIcon (utils/background/toolbarIcon.ts). Firefox's build sets paths.
      if (wxt.config.browser !== 'firefox') files.push(...writeIconPixels(resolve('public'), resolve('node_modules/.cache/frontline/icon-pixels')));
    },
  },
  vite: () => ({
    // noInnerHtml: addons-linter stays at 0 warnings (scripts/build/noInnerHtml.ts);
    // deferMarked: the Markdown grammar is built on first use, not on every worker wake;
    // asciiOutput: scripts load as one-byte strings (scripts/build/asciiOutput.ts).
    plugins: [preact(), noInnerHtml(), deferMarked(), asciiOutput()],
  }),
  manifest: ({ browser }) => ({
    // Name, description and the shortcut's label in the browser's language (public/_locales).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Generated from assets/icon.svg by `npm run icons`; WXT writes browser_action for Firefox MV2.
    icons: iconSet('idle'),
    // alarms: the scheduled pack sync (docs/deploy.md).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    // Self-hosted CRMs named in the pack's `sites` rules: asked for one host at a time
    // from the options page, never granted up front. The same, for a pack host that
    // sends no CORS headers (docs/deploy.md).
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Frontline', default_icon: iconSet('idle') },
    // The sidebar frame. Any https host, because self-hosted CRMs are granted at run
    // time; the dynamic URL changes every session, so no site can probe for it.
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidebar.html']
        : [{ resources: ['sidebar.html'], matches: ['https://*/*'], use_dynamic_url: true }],
    commands: {
      // Alt+Shift+F: unused by Salesforce, HubSpot, Gmail and Outlook keyboard shortcuts.
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+F', mac: 'Alt+Shift+F' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    // Chrome reads enterprise settings (pack URL, public key, refresh) against this
    // schema; Firefox takes them from policies.json "3rdparty" (docs/deploy.md).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Firefox 140 / Android 142: the first to read data_collection_permissions (required by AMO);
            // Frontline sends nothing anywhere (the usage log stays local).
            gecko: { id: 'frontline@example.com', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
          // MV2 has no optional_host_permissions (WXT drops it): the same hosts, asked at run time.
          optional_permissions: ['https://*/*'],
        }
      : {}),
  }),
});

import { runSidebar } from '@/utils/content/runSidebar';
import { takesReplies } from '@/utils/sites/info';
import { info } from '@/utils/sites/gmail/info';
import { gmail } from '@/utils/sites/gmail/site';

// One content script per built-in site, holding only its adapter (docs/sites.md, "Adding a site").
export default defineContentScript({
  // The site's hosts from its info.ts; in MV3 these are also the host permissions.
  matches: [...info.hosts],
  // Styles go straight into the shadow root: no web-accessible CSS file for pages to probe.
  cssInjectionMode: 'manual',
  // At the start: the frame boots and the worker wakes while the CRM renders (utils/content/runSidebar.ts).
  runAt: 'document_start',
  // WXT would otherwise announce every start to the page, extension id included.
  noScriptStartedPostMessage: true,
  main: (ctx) => runSidebar(ctx, { sites: [gmail], replies: takesReplies(info) }),
});

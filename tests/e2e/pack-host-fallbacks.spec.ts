/**
 * The two pack hosts docs/deploy.md warns about, on Debian's nginx: a server that sends
 * no CORS headers (the fallback is the optional host permission for its origin) and a
 * caching proxy in front of the documented server that serves stale copies.
 */
import { extensionId, launchWithExtension } from '../../scripts/demo/launch';
import { grantedCopy } from './support/granted';
import { HOSTS } from './support/nginx';
import { test, expect, skipReason, options, configureSync, checkNow, result, version } from './support/packHost';

test.skip(!!skipReason && !process.env.FRONTLINE_REQUIRE_NGINX, skipReason);

test('a host without CORS headers: the fetch fails until the origin’s host permission is granted', async ({ context, extId, host, nginx }) => {
  nginx.publish(version('1.1.0'));
  const page = await options(context, extId);
  await configureSync(page, nginx.url('nocors'));
  await expect(result(page)).toContainText('could not reach the server');
  // nginx sent the pack; the browser withheld it from the extension.
  expect(nginx.takeLog()).toMatchObject([{ host: 'nocors.example.test', method: 'GET', status: 200, acao: '' }]);
  const grant = page.getByTestId('sync-grant');
  const origin = `https://nocors.example.test:${nginx.port}/*`;
  await expect(grant).toHaveText(`Allow access to ${origin}`);

  // The grant a person's click on *Allow* gives (support/granted.ts).
  const copy = grantedCopy([origin]);
  const granted = await launchWithExtension({ headless: true, ...host.browser({ extensionDir: copy.dir }) });
  try {
    const p = await options(granted, await extensionId(granted));
    await configureSync(p, nginx.url('nocors'));
    await expect(result(p)).toContainText('Activated v1.1.0.');
    // The options page knows the permission is there: no button.
    await expect(p.getByTestId('sync-grant')).toBeHidden();
    // With the permission the browser applies no CORS, so the ETag is readable and 304s work.
    await checkNow(p, 'Not modified (304)');
    nginx.publish(version('1.2.0'));
    await checkNow(p, 'Activated v1.2.0.');
    expect(nginx.takeLog().filter((l) => l.method === 'GET').map((l) => l.status)).toEqual([200, 304, 200]);
  } finally {
    await granted.close();
    copy.remove();
  }
});

test('a proxy in front: caching that honours no-cache downloads every time; passing the pack through keeps 304s', async ({ context, extId, nginx }) => {
  const log = (host: string) =>
    nginx
      .takeLog()
      .filter((l) => l.method === 'GET')
      .map((l) => [l.host === host ? 'proxy' : l.host === '127.0.0.1' ? 'origin' : l.host, l.cache, l.status, l.inm ? 'conditional' : 'plain']);
  nginx.publish(version('1.1.0'));
  const page = await options(context, extId);
  await configureSync(page, nginx.url('cdn'));
  await expect(result(page)).toContainText('Activated v1.1.0.');
  nginx.publish(version('1.2.0'));
  await checkNow(page, 'Activated v1.2.0.');
  // `proxy_cache_valid 200 1h`, yet nothing is stored (Cache-Control: no-cache), so each
  // publication comes through at once. But the proxy drops If-None-Match on its way to
  // the origin and cannot answer it itself: every check is a full download.
  await checkNow(page, 'Unchanged: the active pack is current.');
  expect(log(HOSTS.cdn)).toEqual([
    ['origin', '', 200, 'plain'],
    ['proxy', 'MISS', 200, 'plain'],
    ['origin', '', 200, 'plain'],
    ['proxy', 'MISS', 200, 'conditional'],
    ['origin', '', 200, 'plain'],
    ['proxy', 'MISS', 200, 'conditional'],
  ]);

  // `proxy_cache off` for the pack: the conditional request reaches the origin, its 304 comes back.
  await configureSync(page, nginx.url('pass'));
  await expect(result(page)).toContainText('Unchanged');
  await checkNow(page, 'Not modified (304)');
  nginx.publish(version('1.3.0'));
  await checkNow(page, 'Activated v1.3.0.');
  expect(log(HOSTS.pass)).toEqual([
    ['origin', '', 200, 'plain'],
    ['proxy', '', 200, 'plain'],
    ['origin', '', 304, 'conditional'],
    ['proxy', '', 304, 'conditional'],
    ['origin', '', 200, 'conditional'],
    ['proxy', '', 200, 'conditional'],
  ]);
});

test('a caching proxy serving stale copies: never an older pack, the newest once the cache revalidates', async ({ context, extId, nginx }) => {
  const cacheLog = () =>
    nginx
      .takeLog()
      .filter((l) => l.host === 'cache.example.test' && l.method === 'GET')
      .map((l) => [l.cache, l.status]);
  // The proxy keeps a copy for a second; waiting past that makes it go back to the origin.
  const pastCacheTime = () => new Promise((r) => setTimeout(r, 2_100));

  nginx.publish(version('1.1.0'));
  const page = await options(context, extId);
  await configureSync(page, nginx.url('cache'));
  await expect(result(page)).toContainText('Activated v1.1.0.');
  expect(cacheLog()).toEqual([['MISS', 200]]);

  // v1.2.0 is published while the origin is down: the proxy answers from its stale copy
  // of v1.1.0, which is what the extension has (a 304).
  nginx.publish(version('1.2.0'));
  nginx.flag('origin-down', true);
  await pastCacheTime();
  await checkNow(page, 'Not modified (304)');
  expect(cacheLog()).toEqual([['STALE', 304]]);
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');

  // The origin is back; the next request lands on another edge, which fetches v1.2.0.
  nginx.flag('origin-down', false);
  nginx.flag('edge-b', true);
  await checkNow(page, 'Activated v1.2.0.');
  expect(cacheLog()).toEqual([['MISS', 200]]);

  // The origin is down again and the request lands on the first edge, whose stale copy
  // is the older v1.1.0: refused, v1.2.0 stays.
  nginx.flag('origin-down', true);
  nginx.flag('edge-b', false);
  await pastCacheTime();
  await checkNow(page, 'Refused: v1.1.0 is older than the active pack.');
  expect(cacheLog()).toEqual([['STALE', 200]]);
  await expect(page.getByTestId('pack-version')).toHaveText('1.2.0');

  // The origin is back: the first edge revalidates and serves v1.2.0 (already active),
  // then the next publication comes through it.
  nginx.flag('origin-down', false);
  await checkNow(page, 'Unchanged: the active pack is current.');
  expect(cacheLog()).toEqual([['EXPIRED', 200]]);
  nginx.publish(version('1.3.0'));
  await pastCacheTime();
  await checkNow(page, 'Activated v1.3.0.');
  expect(cacheLog()).toEqual([['EXPIRED', 200]]);
  await expect(page.getByTestId('pack-version')).toHaveText('1.3.0');
  await checkNow(page, 'Not modified (304)');
});

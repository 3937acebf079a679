/**
 * Sync against Debian's nginx serving the pack exactly as docs/deploy.md configures it
 * (the `location` block is read from the doc), over HTTPS with a test CA that only
 * this browser profile trusts. What a real server does differently from a hand-written
 * one — weak ETags when it compresses, its own 304 rules, its own error pages — is what
 * these tests look at, through the options page a person would use.
 */
import { launchWithExtension, extensionId } from '../../scripts/demo/launch';
import { synthPack } from '../../scripts/bench/synth';
import { MAX_PACK_BYTES } from '../../utils/pack/validate';
import { test, expect, skipReason, options, configureSync, checkNow, result, version } from './support/packHost';

test.skip(!!skipReason && !process.env.FRONTLINE_REQUIRE_NGINX, skipReason);

test('the test CA is trusted through the profile’s NSS database, and only there', async ({ host, nginx }) => {
  nginx.publish(version('1.1.0'));
  // Same browser, same resolver rules, a HOME without the CA: the TLS handshake fails.
  const untrusted = await launchWithExtension({ headless: true, ...host.browser({ trustCa: false }) });
  try {
    const page = await options(untrusted, await extensionId(untrusted));
    await configureSync(page, nginx.url('packs'));
    await expect(result(page)).toContainText('Could not check');
    await expect(result(page)).toContainText('could not reach the server');
    await expect(page.getByTestId('pack-version')).not.toHaveText('1.1.0');
  } finally {
    await untrusted.close();
  }
  // The TLS failure happens before any HTTP request reaches nginx.
  expect(nginx.takeLog()).toEqual([]);
});

for (const gzip of [false, true]) {
  test(`gzip ${gzip ? 'on (weak ETag)' : 'off (strong ETag)'}: first download, a 304 when nothing changed, the next version activated`, async ({ context, extId, nginx }) => {
    await nginx.reconfigure({ gzip });
    nginx.publish(version('1.1.0'));
    const page = await options(context, extId);
    await configureSync(page, nginx.url('packs'));
    await expect(result(page)).toContainText('Activated v1.1.0.');
    await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
    const [first] = nginx.takeLog();
    expect(first).toMatchObject({ method: 'GET', status: 200, inm: '', enc: gzip ? 'gzip' : '', acao: '*' });
    // nginx weakens the ETag of a response it compresses.
    expect(first.etag).toMatch(gzip ? /^W\/"[0-9a-f]+-[0-9a-f]+"$/ : /^"[0-9a-f]+-[0-9a-f]+"$/);

    await checkNow(page, 'Not modified (304)');
    const second = nginx.takeLog();
    // nginx matches the validator the extension sends back as it was given (weak or strong).
    // Chromium sends this conditional GET without a preflight; any preflight a browser does
    // send is answered by the snippet (below, and see the preflight test).
    expect(second.filter((l) => l.method === 'GET').map((l) => [l.status, l.inm])).toEqual([[304, first.etag]]);
    for (const l of second.filter((l) => l.method === 'OPTIONS')) expect(l).toMatchObject({ status: 204, acao: '*' });

    nginx.publish(version('1.2.0'));
    await checkNow(page, 'Activated v1.2.0.');
    await expect(page.getByTestId('pack-version')).toHaveText('1.2.0');
    const [third] = nginx.takeLog();
    expect(third).toMatchObject({ method: 'GET', status: 200, inm: first.etag });
    expect(third.etag).not.toBe(first.etag);

    await checkNow(page, 'Not modified (304)');
    expect(nginx.takeLog().map((l) => [l.method, l.status, l.inm])).toEqual([['GET', 304, third.etag]]);
  });
}

test('the preflight of a conditional GET is answered with what the extension needs', async ({ nginx }) => {
  // As a browser that preflights the conditional GET sends it (the origin server block runs the same snippet).
  const res = await nginx.preflight('/frontline/pack.json', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'if-none-match');
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
});

test('a 404, a 403, a 500 and a stopped server are sync errors that keep the active pack', async ({ context, extId, nginx }) => {
  nginx.publish(version('1.1.0'));
  const page = await options(context, extId);
  await configureSync(page, nginx.url('packs'));
  await expect(result(page)).toContainText('Activated v1.1.0.');
  nginx.takeLog();

  nginx.remove();
  await checkNow(page, 'Could not check');
  await expect(result(page)).toContainText('the server answered HTTP 404');

  nginx.breakFile();
  await checkNow(page, 'Could not check');
  await expect(result(page)).toContainText('the server answered HTTP 403 Forbidden');

  nginx.publish(version('1.9.0'));
  nginx.flag('fail-500', true);
  await checkNow(page, 'Could not check');
  await expect(result(page)).toContainText('the server answered HTTP 500 Internal Server Error');
  nginx.flag('fail-500', false);
  // nginx's own error pages carry the CORS headers too (`always`), or the extension
  // would see a network error instead of the status.
  expect(nginx.takeLog().filter((l) => l.method === 'GET').map((l) => [l.status, l.acao])).toEqual([
    [404, '*'],
    [403, '*'],
    [500, '*'],
  ]);

  await nginx.stop();
  await checkNow(page, 'Could not check');
  await expect(result(page)).toContainText('could not reach the server');
  await expect(page.getByTestId('pack-version')).toHaveText('1.1.0');
  await expect(page.getByText('Failed attempts in a row')).toBeVisible();

  await nginx.start();
  await checkNow(page, 'Activated v1.9.0.');
  await expect(page.getByText('Failed attempts in a row')).toBeHidden();
});

test('a 50,000-account pack, compressed by nginx, is taken within the size cap', async ({ context, extId, nginx }) => {
  test.setTimeout(240_000);
  await nginx.reconfigure({ gzip: true });
  const big = synthPack({ accounts: 50_000 }).pack as any;
  big.meta = { ...big.meta, version: '5.0.0' };
  const text = JSON.stringify(big);
  expect(text.length).toBeLessThan(MAX_PACK_BYTES);
  nginx.publish(text, 'big.json');
  const page = await options(context, extId);
  const t0 = Date.now();
  await configureSync(page, nginx.url('packs', 'big.json'));
  await expect(result(page)).toContainText('Activated v5.0.0.', { timeout: 180_000 });
  const [get] = nginx.takeLog().filter((l) => l.method === 'GET');
  expect(get).toMatchObject({ status: 200, enc: 'gzip' });
  console.log(`50,000-account pack: ${(text.length / 1e6).toFixed(1)} MB (${(get.bytes / 1e6).toFixed(1)} MB gzipped on the wire), synced and activated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await checkNow(page, 'Not modified (304)');
});

// End-to-end test of the console served by the real shouwang server, driven in
// Debian's Chromium through playwright-core (no browser is ever downloaded).
//
// Requires:
//   SHOUWANG_BIN   path of the shouwang executable (e.g. ../build/release/shouwang)
//   /usr/bin/chromium
//   web/dist       produced by `npm run build`
// A missing prerequisite fails every test with a message saying what is missing.
//
// Server contract exercised here:
//   `shouwang serve --host 127.0.0.1 --port 0 --web <dist>` prints
//   `listening on http://127.0.0.1:<port>` on stdout once it accepts connections,
//   serves <dist> at "/", answers GET /healthz and GET /api/v1/version, falls
//   back to index.html for extension-less non-API paths, answers 404 for missing
//   files with an extension, answers 404 with a JSON {code,message} body for
//   unknown /api/ paths, and exits promptly on SIGTERM.
//   `shouwang gen-city --seed 1 --size-km 6 --out <dir>/city.osm.pbf` exits 0;
//   `serve ... --data <dir>` answers GET /api/v1/city with 200
//   {loaded:true,name,name_en,code,bbox,centre}; without --data it answers 200
//   {"loaded":false}, which the console shows as "no city data loaded".

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  UI_TIMEOUT_MS,
  checkPrerequisites,
  cleanup,
  collectErrors,
  generateCity,
  launchBrowser,
  newBrowserContext,
  screenshot,
  startServer,
  tempDir,
} from './harness.mjs';

/** Server started without --data (no city loaded). @type {string} */
let baseUrl;
/** Server started with --data on a generated demo city. @type {string} */
let cityUrl;
/** @type {import('playwright-core').BrowserContext} */
let context;

/**
 * Opens a fresh tab on the console and waits until the first status refresh has
 * settled. Uncaught page errors and console errors (including failed resource
 * loads) are collected in `page.problems`.
 */
async function openConsole(urlPath = '/status', base = baseUrl) {
  const page = await context.newPage();
  page.problems = collectErrors(page);
  await page.goto(new URL(urlPath, base).href, { waitUntil: 'load' });
  await page.locator('#app[data-status-state="settled"]').waitFor({ timeout: UI_TIMEOUT_MS });
  return page;
}

before(async () => {
  const bin = checkPrerequisites();
  const logDir = await tempDir('shouwang-log-');
  baseUrl = (
    await startServer(bin, { extraArgs: ['--db', `sqlite:${path.join(logDir, 'events.db')}`, '--centre', '310100'] })
  ).url;
  const cityDataDir = await tempDir('shouwang-city-');
  await generateCity(bin, path.join(cityDataDir, 'city.osm.pbf'), { seed: 1, sizeKm: 6 });
  cityUrl = (await startServer(bin, { dataDir: cityDataDir })).url;
  // The console's own default language is under test here, so none is preset.
  context = await newBrowserContext(await launchBrowser(), { locale: 'zh-CN', storeLocale: false });
});

after(cleanup);

test('page title is 守望 Shouwang and the app title is visible', async () => {
  const page = await openConsole();
  assert.equal(await page.title(), '守望 Shouwang');
  const title = page.getByTestId('app-title');
  assert.ok(await title.isVisible(), 'app-title should be visible');
  assert.equal((await title.textContent())?.trim(), '守望 Shouwang');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', 'default language is zh-CN');
  assert.equal(await page.getByTestId('app-subtitle').textContent(), '110 接处警与指挥调度平台');
  await screenshot(page, 'console-zh-CN');
  assert.deepEqual(page.problems, [], 'the console loads without script errors or failed requests');
  await page.close();
});

test('system status shows health 正常 and server version 0.1.0', async () => {
  const page = await openConsole();
  assert.equal(await page.getByTestId('health-status').textContent(), '正常');
  assert.equal(await page.getByTestId('health-status').getAttribute('data-tone'), 'ok');
  assert.equal(await page.getByTestId('server-version').textContent(), '0.1.0');
  assert.equal(await page.getByTestId('server-api').textContent(), 'v1');
  assert.equal(await page.getByTestId('server-name').textContent(), 'shouwang');
  assert.equal(await page.getByTestId('status-error').isVisible(), false, 'no error is shown when the server is healthy');
  await page.close();
});

test('switching to English changes the texts and <html lang>, and survives a reload', async () => {
  const page = await openConsole();
  const subtitle = page.getByTestId('app-subtitle');
  const panelTitle = page.locator('#status-title');
  assert.equal(await panelTitle.textContent(), '系统状态');

  await page.getByTestId('lang-switch').locator('button[data-locale="en"]').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await subtitle.textContent(), '110 call-taking and command-dispatch platform');
  assert.equal(await panelTitle.textContent(), 'System status');
  assert.equal(await page.getByTestId('health-status').textContent(), 'OK');
  assert.equal(await page.getByTestId('lang-option-en').getAttribute('aria-pressed'), 'true');

  await page.reload({ waitUntil: 'load' });
  await page.locator('#app[data-status-state="settled"]').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'language choice persists across reloads');
  assert.equal(await subtitle.textContent(), '110 call-taking and command-dispatch platform');
  assert.equal(await page.getByTestId('health-status').textContent(), 'OK');
  assert.equal(await page.getByTestId('server-version').textContent(), '0.1.0');
  await screenshot(page, 'console-en');

  // Switch back so later tests (same browser profile) start from the default.
  await page.getByTestId('lang-option-zh-CN').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await subtitle.textContent(), '110 接处警与指挥调度平台');
  await page.close();
});

test('a failing endpoint shows a clear error state', async () => {
  const page = await context.newPage();
  await page.route('**/api/v1/version', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'unavailable', message: 'maintenance' }),
    }),
  );
  await page.goto(new URL('/status', baseUrl).href, { waitUntil: 'load' });
  await page.locator('#app[data-status-state="settled"]').waitFor({ timeout: UI_TIMEOUT_MS });
  const errorBox = page.getByTestId('status-error');
  assert.ok(await errorBox.isVisible(), 'error box should be visible');
  const text = await errorBox.textContent();
  assert.match(text ?? '', /无法获取服务状态/);
  assert.match(text ?? '', /HTTP 503/);
  assert.match(text ?? '', /maintenance/);
  assert.equal(await page.getByTestId('health-status').textContent(), '正常', 'health is unaffected');
  assert.equal(await page.getByTestId('server-version').textContent(), '—');
  await screenshot(page, 'console-error');
  await page.close();
});

test('client-side routes get the console index (SPA fallback)', async () => {
  const response = await context.request.get(new URL('/no/such/page', baseUrl).href);
  assert.equal(response.status(), 200, 'paths without a file extension must serve index.html');
  // The body is the console's index.html, which boots normally at this URL.
  assert.match(await response.text(), /<div id="app"><\/div>/);
  // Without a session every console path asks for a login, which links to the status page.
  const page = await context.newPage();
  await page.goto(new URL('/no/such/page', baseUrl).href, { waitUntil: 'load' });
  await page.getByTestId('login-form').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.getByLabel('用户名').count(), 1, 'the user-name box is labelled');
  assert.equal(await page.getByLabel('密码').count(), 1, 'the password box is labelled');
  await screenshot(page, 'console-login');
  await page.close();
});

test('a missing file with an extension is 404', async () => {
  const response = await context.request.get(new URL('/assets/no-such-file.js', baseUrl).href);
  assert.equal(response.status(), 404);
});

test('unknown /api/ paths are 404 with a JSON {code,message} body', async () => {
  const response = await context.request.get(new URL('/api/v1/nope', baseUrl).href);
  assert.equal(response.status(), 404);
  assert.match(response.headers()['content-type'] ?? '', /json/, 'content type is JSON');
  const body = await response.json();
  assert.equal(typeof body.code, 'string');
  assert.ok(body.code.length > 0, 'code is non-empty');
  assert.equal(typeof body.message, 'string');
  assert.ok(body.message.length > 0, 'message is non-empty');
});

const CENTRE_TEXT = /^\d{1,2}\.\d{4}° [NS], \d{1,3}\.\d{4}° [EW]$/;

test('without --data the city row says 未加载城市数据 and /api/v1/city says loaded: false', async () => {
  const response = await context.request.get(new URL('/api/v1/city', baseUrl).href);
  assert.equal(response.status(), 200);
  assert.deepEqual(await response.json(), { loaded: false, utc_offset_minutes: 480 });

  const page = await openConsole();
  assert.equal(await page.getByTestId('city-name').textContent(), '未加载城市数据');
  assert.equal(await page.getByTestId('city-centre').isVisible(), false, 'no centre without a city');
  assert.equal(await page.getByTestId('status-error').isVisible(), false, 'no city is not an error');
  assert.deepEqual(page.problems, []);
  await page.getByTestId('lang-option-en').click();
  assert.equal(await page.getByTestId('city-name').textContent(), 'No city data loaded');
  await page.getByTestId('lang-option-zh-CN').click();
  await page.close();
});

test('with --data the city row shows the city name (zh / en), its code and its centre', async () => {
  const response = await context.request.get(new URL('/api/v1/city', cityUrl).href);
  assert.equal(response.status(), 200);
  const city = await response.json();
  const [minLon, minLat, maxLon, maxLat] = city.bbox;
  const [lon, lat] = city.centre;
  assert.ok(minLon <= lon && lon <= maxLon && minLat <= lat && lat <= maxLat, 'centre lies in bbox');

  const page = await openConsole('/status', cityUrl);
  const name = page.getByTestId('city-name');
  const centre = page.getByTestId('city-centre');
  assert.match((await name.textContent()) ?? '', /^\p{Script=Han}+市$/u, 'Chinese city name ending in 市');
  assert.equal(await name.textContent(), city.name);
  assert.ok(await centre.isVisible(), 'centre is shown');
  const centreText = (await centre.textContent()) ?? '';
  assert.match(centreText, CENTRE_TEXT);
  assert.equal(centreText, `${lat.toFixed(4)}° N, ${lon.toFixed(4)}° E`);
  assert.match((await page.getByTestId('city-code').textContent()) ?? '', new RegExp(city.code));
  assert.equal(await page.getByTestId('status-error').isVisible(), false);
  assert.deepEqual(page.problems, []);

  await page.getByTestId('lang-option-en').click();
  assert.match((await name.textContent()) ?? '', /^[A-Z][A-Za-z' -]*$/, 'Latin city name in English');
  assert.equal(await name.textContent(), city.name_en);
  assert.equal(await centre.textContent(), centreText, 'the centre reads the same in every language');
  await screenshot(page, 'console-city');

  await page.getByTestId('lang-option-zh-CN').click();
  assert.equal(await name.textContent(), city.name);
  await page.close();
});

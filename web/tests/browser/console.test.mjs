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
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_DIR = path.join(WEB_DIR, 'dist');
const ARTIFACTS_DIR = path.join(WEB_DIR, 'test-artifacts');
const CHROMIUM_PATH = '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 20_000;
const SERVER_STOP_TIMEOUT_MS = 10_000;
const GEN_CITY_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/**
 * A running server: its process, base URL and everything it wrote to stderr.
 * @typedef {{ child: import('node:child_process').ChildProcess, url: string, stderr: () => string }} Server
 */

/** @type {Server[]} */
const servers = [];
/** Server started without --data (no city loaded). @type {string} */
let baseUrl;
/** Where the server without --data keeps its event log. @type {string} */
let logDir = '';
/** Server started with --data on a generated demo city. @type {string} */
let cityUrl;
/** @type {string | undefined} */
let cityDataDir;
/** @type {import('playwright-core').BrowserContext | undefined} */
let context;
/** @type {string | undefined} */
let profileDir;

function checkPrerequisites() {
  const problems = [];
  const bin = process.env.SHOUWANG_BIN;
  if (!bin) {
    problems.push('SHOUWANG_BIN is not set: point it at the shouwang executable, e.g. SHOUWANG_BIN=../build/release/shouwang');
  } else if (!existsSync(bin)) {
    problems.push(`SHOUWANG_BIN=${bin} does not exist: build the server first`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    problems.push(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install chromium)`);
  }
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    problems.push(`${path.relative(process.cwd(), DIST_DIR) || DIST_DIR}/index.html is missing: run \`npm run build\` first`);
  }
  if (problems.length > 0) {
    throw new Error(`browser test prerequisites not met:\n  - ${problems.join('\n  - ')}`);
  }
  return path.resolve(bin);
}

/** Runs `bin args…` to completion; rejects unless it exits with code 0. */
function run(bin, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(bin)} ${args.join(' ')} failed (code ${code}, signal ${signal})\n${output}`));
    });
  });
}

/**
 * Starts `bin serve` on a free port (plus `extraArgs`) and resolves with the
 * server once it announces it is listening. The server is registered for
 * `after()` even when it fails to start.
 * @returns {Promise<Server>}
 */
function startServer(bin, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--host', '127.0.0.1', '--port', '0', '--web', DIST_DIR, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let serverStderr = '';
    /** @type {Server} */
    const server = { child, url: '', stderr: () => serverStderr };
    servers.push(server);
    const stdoutLines = [];
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        new Error(
          `${reason}\n--- server stdout ---\n${stdoutLines.join('\n')}\n--- server stderr ---\n${serverStderr}`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`server did not print "listening on http://127.0.0.1:PORT" within ${SERVER_START_TIMEOUT_MS} ms`),
      SERVER_START_TIMEOUT_MS,
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      serverStderr += chunk;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdoutLines.push(line);
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line);
      if (match && !settled && Number(match[2]) > 0) {
        settled = true;
        clearTimeout(timer);
        server.url = match[1];
        resolve(server);
      }
    });
    child.on('error', (error) => fail(`cannot start ${bin}: ${error.message}`));
    child.on('exit', (code, signal) => {
      // Give the pipes a moment to deliver the last stderr lines before reporting.
      const report = () => fail(`server exited before listening (code ${code}, signal ${signal})`);
      const grace = setTimeout(report, 500);
      child.once('close', () => {
        clearTimeout(grace);
        report();
      });
    });
  });
}

/** Sends SIGTERM and waits for the process to exit; escalates to SIGKILL and fails if it hangs. */
async function stopServer(server) {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  let timer;
  const outcome = await Promise.race([
    exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), SERVER_STOP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === null) child.kill('SIGKILL');
  await exited;
  // Descendants the server may have left behind must not keep this process alive via its pipes.
  child.stdout?.destroy();
  child.stderr?.destroy();
  if (outcome === null) {
    throw new Error(`server did not exit within ${SERVER_STOP_TIMEOUT_MS} ms of SIGTERM\n${server.stderr()}`);
  }
}

async function screenshot(page, name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Opens a fresh tab on the console and waits until the first status refresh has
 * settled. Uncaught page errors and console errors (including failed resource
 * loads) are collected in `page.problems`.
 */
async function openConsole(urlPath = '/', base = baseUrl) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  await page.goto(new URL(urlPath, base).href, { waitUntil: 'load' });
  await page.locator('#app[data-status-state="settled"]').waitFor({ timeout: UI_TIMEOUT_MS });
  return page;
}

before(async () => {
  const bin = checkPrerequisites();
  logDir = await mkdtemp(path.join(tmpdir(), 'shouwang-log-'));
  baseUrl = (await startServer(bin, ['--db', `sqlite:${path.join(logDir, 'events.db')}`, '--centre', '310100'])).url;
  cityDataDir = await mkdtemp(path.join(tmpdir(), 'shouwang-city-'));
  await run(
    bin,
    ['gen-city', '--seed', '1', '--size-km', '6', '--out', path.join(cityDataDir, 'city.osm.pbf')],
    GEN_CITY_TIMEOUT_MS,
  );
  cityUrl = (await startServer(bin, ['--data', cityDataDir])).url;
  profileDir = await mkdtemp(path.join(tmpdir(), 'shouwang-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 720 },
    locale: 'zh-CN',
  });
});

after(async () => {
  try {
    await context?.close();
  } finally {
    const stopped = await Promise.allSettled(servers.map((server) => stopServer(server)));
    await Promise.all(
      [profileDir, cityDataDir, logDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })),
    );
    const failure = stopped.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }
});

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
  await page.goto(baseUrl, { waitUntil: 'load' });
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
  const page = await openConsole('/no/such/page');
  assert.equal(await page.getByTestId('app-title').textContent(), '守望 Shouwang');
  assert.equal(await page.getByTestId('server-version').textContent(), '0.1.0');
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
  assert.deepEqual(await response.json(), { loaded: false });

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

  const page = await openConsole('/', cityUrl);
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

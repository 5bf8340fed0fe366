// Checks the end-to-end harness itself against the real server: a prepared demo
// city with its accounts, units seeded through the API, a server restarted on the
// same port with its event log intact, and a browser context that is already
// logged in. Nothing here depends on what the console's pages look like.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  LOCALE_STORAGE_KEY,
  PASSWORD,
  SESSION_COOKIE,
  api,
  checkPrerequisites,
  cleanup,
  launchBrowser,
  newConsole,
  prepareCity,
  restartServer,
  screenshot,
  seedUnits,
  startServer,
  tempDir,
  unitList,
  waitForTestId,
  waitUntil,
} from './harness.mjs';

const UNITS = ['A-01', 'A-02', 'A-03'];

/** @type {import('./harness.mjs').City} */
let city;
/** @type {import('./harness.mjs').Server} */
let server;
/** @type {Promise<import('playwright-core').Browser> | undefined} */
let browserStarting;

/** One browser for the file, launched when the first test needs it. */
function browser() {
  browserStarting ??= launchBrowser();
  return browserStarting;
}

before(async () => {
  const bin = checkPrerequisites();
  city = await prepareCity(await tempDir('shouwang-harness-city-'));
  server = await startServer(bin, { dataDir: city.dir });
});

after(cleanup);

/** Distance in metres between two {lat, lon} points (equirectangular; fine at city scale). */
function metres(a, b) {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

test('prepareCity builds the city data, reads its stations and creates the accounts', async () => {
  assert.match(city.cityCode, /^\d{6}$/);
  assert.match(city.cityName, /市$/);
  assert.ok(city.stations.length >= 1, 'the city has police stations');
  for (const station of city.stations) {
    assert.match(station.code, /^\d{9}$/);
    assert.ok(station.name && station.name_en, 'stations are named in both languages');
  }
  for (const file of ['city.osm.pbf', 'road_graph.swg', 'place_index.swi', 'events.db']) {
    assert.ok(existsSync(path.join(city.dir, file)), `${file} is written`);
  }
  assert.equal(city.password, PASSWORD);
  assert.deepEqual(Object.keys(city.accounts).sort(), ['admin', 'calltaker', 'dispatcher', 'dispatcher2', 'term-a01']);
  assert.equal(city.accounts.calltaker.role, 'call_taker');
  assert.equal(city.accounts.dispatcher2.role, 'dispatcher');
  assert.equal(city.accounts.admin.scope, city.cityCode);
  assert.equal(city.accounts['term-a01'].role, 'unit_terminal');
  assert.equal(city.accounts['term-a01'].scope, city.stations[0].code);
  assert.equal(city.accounts['term-a01'].unit, 'A-01');

  // A prepared directory is reused as it is.
  const osmTime = statSync(path.join(city.dir, 'city.osm.pbf')).mtimeMs;
  assert.deepEqual(await prepareCity(city.dir), city);
  assert.equal(statSync(path.join(city.dir, 'city.osm.pbf')).mtimeMs, osmTime, 'nothing is regenerated');
  await assert.rejects(prepareCity(city.dir, { seed: 2 }), /seed 1/);
});

test('every account can log in and api() reports failures with their status', async () => {
  for (const account of Object.values(city.accounts)) {
    const client = await api(server, account);
    assert.equal(client.user.username, account.username);
    assert.equal(client.user.role, account.role);
    assert.equal(client.user.scope, account.scope);
  }
  await assert.rejects(api(server, { username: 'dispatcher', password: 'wrong' }), /HTTP 4\d\d/);
  const dispatcher = await api(server, 'dispatcher');
  await assert.rejects(dispatcher.get('/api/v1/nope'), /GET \/api\/v1\/nope as dispatcher: HTTP 404/);
});

test('seedUnits registers A-01, A-02 and A-03 on roads near the centre and puts them on duty', async () => {
  const seeded = await seedUnits(server, city);
  assert.deepEqual(
    seeded.map((unit) => unit.id),
    UNITS,
  );

  const dispatcher = await api(server, 'dispatcher');
  const units = unitList(await dispatcher.get('/api/v1/units'));
  assert.deepEqual(units.map((unit) => unit.id).sort(), UNITS);
  const { centre } = await dispatcher.get('/api/v1/city');
  for (const unit of units) {
    assert.equal(unit.status, 'available', `${unit.id} is available`);
    assert.equal(unit.profile.type, 'patrol_car');
    assert.deepEqual(unit.profile.capabilities, ['medical_liaison', 'patrol', 'traffic']);
    assert.ok(unit.shift.crew.length > 0, `${unit.id} has a crew`);
    const distance = metres({ lat: centre[1], lon: centre[0] }, unit.profile.home_post);
    assert.ok(distance > 50 && distance < 1000, `${unit.id} waits ${Math.round(distance)} m from the centre`);
  }
  assert.equal(units.find((unit) => unit.id === 'A-01').profile.station, city.stations[0].code);

  // Seeding again leaves the units as they are.
  const again = await seedUnits(server, city);
  assert.deepEqual(
    again.map((unit) => [unit.id, unit.status, unit.registered_at]),
    seeded.map((unit) => [unit.id, unit.status, unit.registered_at]),
  );
});

test('restartServer comes back on the same port with the event log intact', async () => {
  const before = server;
  server = await restartServer(before);
  assert.equal(server.port, before.port);
  assert.equal(server.url, before.url);
  assert.ok(before.child.exitCode !== null || before.child.signalCode !== null, 'the old process has exited');
  assert.notEqual(server.child.pid, before.child.pid);

  const health = await fetch(new URL('/healthz', server.url));
  assert.equal(health.status, 200);
  const units = unitList(await (await api(server, 'dispatcher')).get('/api/v1/units'));
  assert.deepEqual(
    units.map((unit) => [unit.id, unit.status]).sort(),
    UNITS.map((id) => [id, 'available']),
  );
});

test('newConsole opens a page that is logged in and starts in the chosen language', async () => {
  const { context, page, errors, session } = await newConsole(await browser(), server, {
    user: 'dispatcher',
    locale: 'en',
  });
  assert.equal(session.user.username, 'dispatcher');
  assert.equal(page.url(), 'about:blank', 'nothing is navigated yet');

  const cookies = await context.cookies(server.url);
  const cookie = cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie, `the context holds the ${SESSION_COOKIE} cookie`);
  assert.equal(cookie.httpOnly, true);
  const me = await context.request.get(new URL('/api/v1/auth/me', server.url).href);
  assert.equal(me.status(), 200);
  assert.equal((await me.json()).username, 'dispatcher');

  const response = await page.goto(new URL('/status', server.url).href, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY), 'en');
  // A language chosen on the page survives reloads: the preset only fills an empty slot.
  await page.evaluate((key) => localStorage.setItem(key, 'zh-CN'), LOCALE_STORAGE_KEY);
  await page.reload({ waitUntil: 'load' });
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY), 'zh-CN');

  const file = await screenshot(page, 'harness-console');
  assert.ok(existsSync(file), 'the screenshot is written');
  assert.ok(Array.isArray(errors));

  // Errors of the page are collected.
  await page.evaluate(() => console.error('deliberate console error'));
  await waitUntil(() => errors.some((e) => e.includes('deliberate console error')), {
    timeout: 2_000,
    message: () => `the console error is collected; errors: ${JSON.stringify(errors)}`,
  });

  // Without a user the context has no session.
  const anonymous = await newConsole(await browser(), server, { user: null });
  assert.equal(anonymous.session, null);
  assert.deepEqual(await anonymous.context.cookies(server.url), []);
  const denied = await anonymous.context.request.get(new URL('/api/v1/auth/me', server.url).href);
  assert.equal(denied.status(), 401);
  await anonymous.context.close();
  await context.close();
});

test('waitForTestId waits for an element and its text', async () => {
  const { context, page } = await newConsole(await browser(), server, { user: null });
  await page.setContent(`
    <p data-testid="late-text">waiting</p>
    <script>
      setTimeout(() => {
        document.querySelector('[data-testid="late-text"]').textContent = ' connected ';
        const added = document.createElement('span');
        added.dataset.testid = 'added-later';
        added.textContent = 'here';
        document.body.append(added);
      }, 200);
    </script>`);
  await waitForTestId(page, 'late-text', { text: 'connected' });
  await waitForTestId(page, 'late-text', { text: /^conn/ });
  const added = await waitForTestId(page, 'added-later');
  assert.equal(await added.textContent(), 'here');
  await assert.rejects(waitForTestId(page, 'late-text', { text: 'never', timeout: 300 }), /"connected", expected never/);
  await context.close();
});

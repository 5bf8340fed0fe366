// The whole life of an incident in real browsers, in zh-CN and in en: a call-taker opens
// it by typing part of an address and picking a suggestion, a dispatcher sends the
// recommended unit with the keyboard, the unit's terminal signs for it, reports en route,
// arrival (after a server restart in the middle) and feedback, and the dispatcher closes
// the scene and the incident. A second dispatcher console, open the whole time and never
// reloaded, must show every step. Screenshots land in web/test-artifacts/flow-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, cleanup, newConsole, openCityForConsoles, openLive, restartServer, screenshot, waitUntil } from './harness.mjs';

const STEP_TIMEOUT_MS = 15_000;
const PHONE = { width: 400, height: 860 };
const WIDE = { width: 1440, height: 860 };

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
let homePost = { lat: 0, lon: 0 };

before(async () => {
  let units;
  ({ server, browser, units } = await openCityForConsoles('shouwang-flow-'));
  homePost = units.find((u) => u.id === 'A-01').profile.home_post;
});

after(cleanup);

/** A street near A-01's post, so that A-01 is the unit the recommendation puts first. */
async function streetNearUnit(locale) {
  const dispatcher = await api(server, 'dispatcher');
  const q = locale === 'en' ? 'Road' : '路';
  const answer = await dispatcher.get(`/api/v1/places?q=${encodeURIComponent(q)}&limit=50&near=${homePost.lat},${homePost.lon}`);
  const streets = answer.items.filter((p) => p.kind === 'street' && p.name_zh && p.name_en && p.distance_m !== undefined);
  assert.ok(streets.length > 0, `no street named with ${q} in the place index`);
  streets.sort((a, b) => a.distance_m - b.distance_m);
  const street = streets[0];
  const name = locale === 'en' ? street.name_en : street.name_zh;
  // Part of the name: Chinese without its last character, English without its last word.
  const typed = locale === 'en' ? name.split(' ').slice(0, -1).join(' ') || name.slice(0, -1) : name.slice(0, -1);
  return { name, typed };
}

/** The status an order row shows on `page` (null while the order is not there). */
async function orderStatus(page, order) {
  const row = page.locator(`[data-testid="order-row"][data-order="${order}"]`);
  return (await row.count()) > 0 ? row.getAttribute('data-status') : null;
}

async function expectOrderStatus(pages, order, status) {
  for (const [name, page] of Object.entries(pages)) {
    await waitUntil(async () => (await orderStatus(page, order)) === status, {
      timeout: STEP_TIMEOUT_MS,
      message: `${name} never showed order ${order} as ${status}`,
    });
  }
}

/** Moves the queue selection with the keyboard until `incident` is selected. */
async function selectInQueue(page, incident) {
  await page.keyboard.press('q');
  for (let i = 0; i < 30; i++) {
    const row = page.locator('[data-testid="queue-row"][aria-selected="true"]');
    if ((await row.count()) > 0 && (await row.getAttribute('data-incident')) === incident) return;
    await page.keyboard.press('j');
  }
  assert.fail(`could not select ${incident} in the queue`);
}

async function waitLive(page) {
  await page.locator('[data-testid="link-status"][data-state="live"]').waitFor({ timeout: STEP_TIMEOUT_MS });
}

for (const locale of ['zh-CN', 'en']) {
  test(`an incident from call to close, seen live on a second console (${locale})`, async (t) => {
    const tag = `flow-${locale}`;
    let last = Date.now();
    const mark = (step) => {
      t.diagnostic(`${step}: ${Date.now() - last} ms`);
      last = Date.now();
    };
    const callTaker = await newConsole(browser, server, { user: 'calltaker', locale, viewport: WIDE });
    const dispatcher = await newConsole(browser, server, { user: 'dispatcher', locale, viewport: WIDE });
    const watcher = await newConsole(browser, server, { user: 'dispatcher2', locale, viewport: WIDE });
    const terminal = await newConsole(browser, server, { user: 'term-a01', locale, viewport: PHONE });
    const all = [callTaker, dispatcher, watcher, terminal];
    try {
      await Promise.all(all.map((c) => openLive(c.page, server, STEP_TIMEOUT_MS)));
      const expectedLang = locale === 'en' ? 'en' : 'zh-CN';
      assert.equal(await dispatcher.page.locator('html').getAttribute('lang'), expectedLang);

      mark('consoles live');
      // 1. The call-taker types part of the street's name and picks it from the suggestions.
      const ct = callTaker.page;
      const { name, typed } = await streetNearUnit(locale);
      await ct.getByTestId('intake-caller').fill('13912345678');
      await ct.getByTestId('intake-address').pressSequentially(typed, { delay: 30 });
      const options = ct.getByTestId('intake-address-options').locator('[role="option"]');
      await waitUntil(async () => (await options.allTextContents()).some((t) => t.startsWith(name)), {
        timeout: STEP_TIMEOUT_MS,
        message: `no suggestion ${name} for ${typed}`,
      });
      // A search for a shorter prefix may still answer and replace the list (its choice back
      // at the top): wait until the list holds still, then move down until the street itself
      // is the active suggestion, reading the list after every key.
      const list = ct.getByTestId('intake-address-options');
      let previous = '';
      await waitUntil(async () => {
        const now = JSON.stringify(await list.locator('.combo__label').allTextContents());
        const still = now === previous;
        previous = now;
        return still;
      }, { timeout: STEP_TIMEOUT_MS, interval: 400, message: 'the suggestions never settled' });
      const labels = await list.locator('.combo__label').allTextContents();
      assert.ok(labels.includes(name), `suggestions ${JSON.stringify(labels)} lack ${name}`);
      await waitUntil(async () => {
        const active = list.locator('[aria-selected="true"] .combo__label');
        if ((await active.count()) > 0 && (await active.first().textContent()) === name) return true;
        await ct.keyboard.press('ArrowDown');
        return false;
      }, { timeout: STEP_TIMEOUT_MS, message: `the arrow keys never reached ${name}` });
      await screenshot(ct, `${tag}-01-address-suggestions`);
      await ct.keyboard.press('Enter');
      await waitUntil(async () => ((await ct.getByTestId('intake-place').textContent()) ?? '').includes(name), {
        message: 'the picked address is not shown as located',
      });
      // Keyboard only from here: the cursor moves on to the type, then to the summary.
      const focused = () => ct.evaluate(() => document.activeElement?.id);
      assert.equal(await focused(), 'intake-type');
      await ct.keyboard.insertText(locale === 'en' ? 'Assault causing' : '故意伤害');
      await ct.getByTestId('intake-type-options').locator('[role="option"]').first().waitFor();
      await ct.keyboard.press('Enter');
      assert.equal(await focused(), 'intake-summary');
      await ct.keyboard.insertText(locale === 'en' ? 'Two men fighting, one bleeding' : '两名男子打架，一人流血');
      await screenshot(ct, `${tag}-02-intake-filled`);
      await ct.keyboard.press('Control+Enter');
      const toast = await ct.getByTestId('toast-ok').last().textContent({ timeout: STEP_TIMEOUT_MS });
      const incident = /\d{6}-\d{8}-\d{6}/.exec(toast ?? '')?.[0];
      assert.ok(incident, `no incident id in the toast ${toast}`);

      mark('intake');
      // 2. Both dispatcher consoles get it in their queue; the first sends the recommended unit by key.
      const dp = dispatcher.page;
      const wp = watcher.page;
      for (const page of [dp, wp]) {
        await page.locator(`[data-testid="queue-row"][data-incident="${incident}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
        await selectInQueue(page, incident);
      }
      const first = dp.getByTestId('recommend-row').first();
      await first.waitFor({ timeout: STEP_TIMEOUT_MS });
      assert.equal(await first.getAttribute('data-unit'), 'A-01');
      await screenshot(dp, `${tag}-03-recommendation`);
      await dp.keyboard.press('d');
      const orderRow = dp.getByTestId('order-row').first();
      await orderRow.waitFor({ timeout: STEP_TIMEOUT_MS });
      const order = await orderRow.getAttribute('data-order');
      assert.ok(order);
      await expectOrderStatus({ dispatcher: dp, watcher: wp }, order, 'issued');
      await screenshot(dp, `${tag}-04-dispatched`);

      mark('dispatch');
      // 3. The unit terminal signs for it and sets off.
      const tp = terminal.page;
      await tp.locator(`[data-testid="terminal-order"][data-order="${order}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
      await screenshot(tp, `${tag}-05-terminal-order`);
      await tp.getByTestId('terminal-sign-for').click();
      await expectOrderStatus({ watcher: wp }, order, 'signed_for');
      await tp.getByTestId('terminal-en-route').click();
      await expectOrderStatus({ watcher: wp }, order, 'en_route');

      mark('sign for, en route');
      // 4. The server restarts mid-flow: every console reconnects and resyncs by itself.
      server = await restartServer(server);
      for (const c of all) await waitLive(c.page);

      mark('restart and resync');
      // 5. Arrival and feedback, reported from the terminal after the restart.
      await tp.getByTestId('terminal-arrive').click();
      await expectOrderStatus({ dispatcher: dp, watcher: wp }, order, 'arrived');
      const feedback = locale === 'en' ? 'Parties separated, injured man taken to hospital' : '双方已分开，伤者送医';
      await tp.getByTestId('terminal-feedback').fill(feedback);
      await tp.getByTestId('terminal-feedback-send').click();
      await expectOrderStatus({ dispatcher: dp, watcher: wp }, order, 'feedback');
      await waitUntil(async () => (await wp.getByTestId('order-feedback').allTextContents()).includes(feedback), {
        timeout: STEP_TIMEOUT_MS,
        message: 'the watcher never showed the feedback',
      });
      await screenshot(tp, `${tag}-06-terminal-feedback`);
      await screenshot(wp, `${tag}-07-watcher-feedback`);

      mark('arrival and feedback');
      // 6. The dispatcher closes the scene (C, a disposition, Enter) and the incident (T).
      await dp.keyboard.press('c');
      await dp.getByTestId('close-dialog').waitFor();
      await screenshot(dp, `${tag}-08-close-dialog`);
      await dp.keyboard.press('Enter');
      for (const page of [dp, wp]) {
        await waitUntil(async () => (await page.getByTestId('detail-status').textContent()) !== null && (await page.locator('[data-testid="incident-detail"]').getAttribute('data-incident')) === incident && (await page.locator(`[data-testid="queue-row"][data-incident="${incident}"]`).getAttribute('data-status')) === 'scene_closed', {
          timeout: STEP_TIMEOUT_MS,
          message: 'the scene never showed as closed',
        });
      }
      await dp.keyboard.press('t');
      for (const page of [dp, wp]) {
        await page.locator(`[data-testid="queue-row"][data-incident="${incident}"]`).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
      }
      await screenshot(wp, `${tag}-09-watcher-closed`);
      mark('close');
      const record = await (await api(server, 'dispatcher')).get(`/api/v1/incidents/${incident}`);
      assert.equal(record.incident.status, 'terminated');

      // The watcher was never reloaded: it loaded the state once before the restart and once after.
      const loads = Number(await wp.locator('body').getAttribute('data-loads'));
      assert.ok(loads >= 1 && loads <= 2, `the watcher loaded the state ${loads} times`);
      // Expected noise: refused requests (a 409 before a location), the GPU-less WebGL
      // warnings, and the stream's reconnection attempts while the server restarted.
      const expected = /WebGL|GPU stall|Failed to load resource|WebSocket connection to .* failed/;
      for (const c of all) assert.deepEqual(c.errors.filter((e) => !expected.test(e)), []);
    } finally {
      await Promise.all(all.map((c) => c.context.close()));
    }
  });
}

// The console's warnings in real browsers: an officer's emergency alarm raised from the
// unit terminal cannot be missed on a dispatcher's console (the shell flashes, the unit's
// row flashes, an alert says which unit) until it is cleared; and a second call about the
// same place is offered as a duplicate in the intake and merged with one action.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, cleanup, newConsole, openCityForConsoles, openLive, screenshot, waitUntil } from './harness.mjs';

const TIMEOUT_MS = 15_000;
/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  ({ server, browser } = await openCityForConsoles('shouwang-alerts-'));
});

after(cleanup);

const live = (page) => openLive(page, server, TIMEOUT_MS);

test('an emergency raised on the terminal cannot be missed on the dispatcher console until it is cleared', async () => {
  const dispatcher = await newConsole(browser, server, { user: 'dispatcher', locale: 'en' });
  const terminal = await newConsole(browser, server, { user: 'term-a01', locale: 'en', viewport: { width: 400, height: 860 } });
  try {
    await Promise.all([live(dispatcher.page), live(terminal.page)]);
    const dp = dispatcher.page;
    assert.equal(await dp.locator('body.emergency-active').count(), 0);
    await terminal.page.getByTestId('terminal-emergency').click();
    await terminal.page.getByTestId('emergency-dialog-input').fill('Attacked at the gate');
    await terminal.page.keyboard.press('Enter');
    await dp.locator('body.emergency-active').waitFor({ timeout: TIMEOUT_MS });
    await dp.locator('[data-testid="unit-row"][data-unit="A-01"].unit-row--emergency').waitFor({ timeout: TIMEOUT_MS });
    assert.match((await dp.getByTestId('toast-error').last().textContent()) ?? '', /A-01/);
    await screenshot(dp, 'alerts-emergency-dispatcher');
    await (await api(server, 'dispatcher')).post('/api/v1/units/A-01/emergency/clear', { reason: 'officer safe' });
    await dp.locator('body.emergency-active').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    assert.equal(await dp.locator('.unit-row--emergency').count(), 0);
  } finally {
    await Promise.all([dispatcher.context.close(), terminal.context.close()]);
  }
});

test('a second call about the same place is offered as a duplicate and merged with one action', async () => {
  const dispatcherApi = await api(server, 'dispatcher');
  const cityInfo = await (await fetch(new URL('/api/v1/city', server.url))).json();
  const [lon, lat] = cityInfo.centre;
  const places = await dispatcherApi.get(`/api/v1/places?q=${encodeURIComponent('路')}&limit=20&near=${lat},${lon}`);
  const street = places.items.filter((p) => p.kind === 'street' && p.name_zh).sort((a, b) => a.distance_m - b.distance_m)[0];
  assert.ok(street, 'a street near the centre');
  // The first call, already an incident at that street.
  const { call } = await dispatcherApi.post('/api/v1/calls', { channel: 'voice', caller_number: '13700000001', summary: '打架' });
  const { incident } = await dispatcherApi.post('/api/v1/incidents', { call: call.id, summary: '打架', type_code: '0102' });
  await dispatcherApi.post(`/api/v1/incidents/${incident.id}/locations`, {
    source: 'matched_address', lat: street.lat, lon: street.lon, uncertainty_m: 50, text: street.name_zh,
  });

  const callTaker = await newConsole(browser, server, { user: 'calltaker', locale: 'zh-CN' });
  try {
    const page = callTaker.page;
    await live(page);
    await page.getByTestId('intake-caller').fill('13700000002');
    await page.getByTestId('intake-type').fill('故意伤害');
    await page.getByTestId('intake-type-options').locator('[role="option"]').first().waitFor();
    await page.getByTestId('intake-type').press('Enter');
    await page.getByTestId('intake-address').pressSequentially(street.name_zh, { delay: 20 });
    const option = page.getByTestId('intake-address-options').locator('[role="option"]', { hasText: street.name_zh }).first();
    await option.waitFor({ timeout: TIMEOUT_MS });
    await page.getByTestId('intake-address').press('Enter');
    const merge = page.locator(`.duplicate[data-incident="${incident.id}"] [data-testid="intake-merge"]`);
    await merge.waitFor({ timeout: TIMEOUT_MS });
    await screenshot(page, 'alerts-duplicate-offered');
    await merge.click();
    await waitUntil(async () => ((await page.getByTestId('toast-ok').last().textContent().catch(() => '')) ?? '').includes(incident.id), {
      timeout: TIMEOUT_MS,
      message: 'no toast about the merge',
    });
    const after = await dispatcherApi.get(`/api/v1/incidents/${incident.id}`);
    assert.equal(after.incident.calls.length, 2, 'the second call is attached to the first incident');
    const open = await dispatcherApi.get('/api/v1/incidents?status=open');
    assert.equal(open.items.length, 1, 'no second incident was opened');
  } finally {
    await callTaker.context.close();
  }
});

test('when the location sources disagree the dispatcher confirms one and then gets units', async () => {
  const dispatcherApi = await api(server, 'dispatcher');
  const cityInfo = await (await fetch(new URL('/api/v1/city', server.url))).json();
  const [lon, lat] = cityInfo.centre;
  const { call } = await dispatcherApi.post('/api/v1/calls', { channel: 'voice', caller_number: '13700000009', summary: '有人受伤' });
  const { incident } = await dispatcherApi.post('/api/v1/incidents', { call: call.id, summary: '有人受伤', type_code: '0102' });
  // The handset says one place, the caller's words another 2 km away.
  await dispatcherApi.post(`/api/v1/incidents/${incident.id}/locations`, { source: 'handset_gnss', lat: lat + 0.018, lon, uncertainty_m: 30 });
  await dispatcherApi.post(`/api/v1/incidents/${incident.id}/locations`, { source: 'map_pin', lat, lon, uncertainty_m: 20 });

  const dispatcher = await newConsole(browser, server, { user: 'dispatcher', locale: 'en' });
  try {
    const page = dispatcher.page;
    await live(page);
    await page.locator(`[data-testid="queue-row"][data-incident="${incident.id}"]`).click();
    await page.getByTestId('location-conflict').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await page.getByTestId('recommend-row').count(), 0, 'no units while the place is in doubt');
    await screenshot(page, 'alerts-location-conflict');
    await page.getByTestId('location-confirm').nth(1).click();
    await page.getByTestId('location-conflict').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    await page.getByTestId('recommend-row').first().waitFor({ timeout: TIMEOUT_MS });
    const record = await dispatcherApi.get(`/api/v1/incidents/${incident.id}`);
    assert.equal(record.incident.location.needs_confirmation, false);
    assert.notEqual(record.incident.location.candidates[1].confirmed_by, '');
  } finally {
    await dispatcher.context.close();
  }
});

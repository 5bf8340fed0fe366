// The quick-response circles (1-3-5分钟快反圈) in real browsers against the real server, whose
// circle watch looks every second and opens a gap at once (--circle-period 1 --gap-grace 0 --gap-hold 0).
// A key site (a 3-minute school) lies next to unit A-01's post, a post next to it, and unit
// A-02 far across the city. Two dispatchers' consoles, one in zh-CN and one in en, switch the
// circles layer on (the O key, the layer button) and see the site covered by A-01. A-01 is
// sent to an incident far away: both consoles, live and without a reload, raise the gap alarm
// naming the move-up the server found (A-02 to the post), in their own language; focusing
// the alarm (G) or clicking it marks the unit and the post on the map. When A-01's order is
// cancelled the site is covered again and the alarm clears on both. A dispatcher then
// registers, edits and retires a key site and a post in the registry, with the server's
// refusals shown next to the fields they are about. Screenshots land in
// web/test-artifacts/circles-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api,
  checkPrerequisites,
  cleanup,
  launchBrowser,
  newConsole,
  offsetPoint,
  openLive,
  prepareCity,
  screenshot,
  seedUnits,
  startServer,
  tempDir,
  waitUntil,
} from './harness.mjs';

const TIMEOUT_MS = 20_000;
const WIDE = { width: 1440, height: 900 };
const SITE = { id: 'S-0001', name: '实验小学', tier_s: 180 };
const POST = { id: 'P-01', name: '人民广场驻勤点' };
/** The unit next to the site, and the one far across the city that can only be moved up. */
const NEAR = 'A-01';
const FAR = 'A-02';

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').City} */
let city;
/** @type {import('./harness.mjs').ApiClient} */
let dispatcher;
/** Where A-01 stands (its home post, on a road). */
let nearPost = { lat: 0, lon: 0 };

before(async () => {
  const bin = checkPrerequisites();
  city = await prepareCity(await tempDir('shouwang-circles-'));
  server = await startServer(bin, { dataDir: city.dir, extraArgs: ['--circle-period', '1', '--gap-grace', '0', '--gap-hold', '0'] });
  const [first, second] = city.stations;
  const units = await seedUnits(server, city, [
    { unit: NEAR, station: first?.code, offset: { east: 0, north: 0 } },
    { unit: FAR, station: second?.code ?? first?.code, offset: { east: -2200, north: -2200 } },
  ]);
  nearPost = units[0].profile.home_post;
  dispatcher = await api(server, 'dispatcher');
  const site = offsetPoint(nearPost, { east: 120, north: 0 });
  const post = offsetPoint(nearPost, { east: 0, north: 150 });
  await dispatcher.post('/api/v1/sites', {
    site: SITE.id,
    profile: { name: SITE.name, type: 'school', tier_s: SITE.tier_s, station: first?.code, lat: site.lat, lon: site.lon },
  });
  await dispatcher.post('/api/v1/posts', { post: POST.id, profile: { name: POST.name, kind: 'post', station: first?.code, lat: post.lat, lon: post.lon } });
  // The watch must have seen the site covered once: only a site that was covered opens a gap.
  let circles = null;
  await waitUntil(
    async () => {
      circles = await dispatcher.get('/api/v1/circles');
      return circles.sites.some((c) => c.site === SITE.id && c.covered && c.unit === NEAR);
    },
    { timeout: TIMEOUT_MS, message: () => `the circles never showed ${SITE.id} covered by ${NEAR}: ${JSON.stringify(circles)}` },
  );
  browser = await launchBrowser();
});

after(cleanup);

/** Sends A-01 to a new incident far from the site; resolves with the order's id. */
async function dispatchNearUnitFarAway() {
  const far = offsetPoint(nearPost, { east: 2200, north: -2200 });
  const { call } = await dispatcher.post('/api/v1/calls', { channel: 'voice', caller_number: '13700000021', summary: '打架' });
  const { incident } = await dispatcher.post('/api/v1/incidents', { call: call.id, summary: '打架', type_code: '0102' });
  await dispatcher.post(`/api/v1/incidents/${incident.id}/locations`, { source: 'map_pin', lat: far.lat, lon: far.lon, uncertainty_m: 20 });
  await dispatcher.post(`/api/v1/incidents/${incident.id}/accept`);
  await dispatcher.post(`/api/v1/incidents/${incident.id}/orders`, { target: { kind: 'unit', id: NEAR } });
  const { incident: after } = await dispatcher.get(`/api/v1/incidents/${incident.id}`);
  assert.equal(after.orders.length, 1, 'one order issued');
  return after.orders[0];
}

/** The server's answer to `body` posted as the dispatcher (no throwing on 4xx). */
async function postRaw(path, body) {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${dispatcher.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const siteRow = (page, id) => page.locator(`[data-testid="circle-site"][data-site="${id}"]`);
const alarm = (page, id) => page.locator(`[data-testid="gap-alarm"][data-site="${id}"]`);
const panel = (page) => page.getByTestId('circles-panel');
const text = async (locator) => ((await locator.textContent()) ?? '').trim();

/** Waits until the site's row in the circles panel is in `state`. */
async function waitForState(page, id, state) {
  let last = '';
  await waitUntil(
    async () => {
      last = (await siteRow(page, id).getAttribute('data-state').catch(() => null)) ?? 'absent';
      return last === state;
    },
    { timeout: TIMEOUT_MS, message: () => `${id} is ${last} on the console, expected ${state}` },
  );
}

/** The contrast of every state chip the circles panel shows, as rendered. */
function chipContrasts(page) {
  return page.evaluate(() => {
    const rgb = (t) => (t.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const c = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    return [...document.querySelectorAll('[data-testid="circles-panel"] .chip')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const style = getComputedStyle(el);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return { text: el.textContent, ratio: (a + 0.05) / (b + 0.05) };
      });
  });
}

/** Controls without an accessible name inside `root`. */
function unlabelledControls(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    return [...(root?.querySelectorAll('input, select, textarea') ?? [])]
      .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120));
  }, selector);
}

test('a coverage gap is an alarm with its move-up on two consoles, live in zh-CN and en, and clears when the unit is free', async () => {
  const zh = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: WIDE });
  const en = await newConsole(browser, server, { user: 'dispatcher2', locale: 'en', viewport: WIDE });
  const zp = zh.page;
  const ep = en.page;
  try {
    await Promise.all([openLive(zp, server), openLive(ep, server)]);
    await Promise.all([zp, ep].map((p) => p.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: TIMEOUT_MS })));

    // The layer: O on one console, its button on the other; both named in their language.
    assert.equal(await text(zp.getByTestId('layer-circles')), '快反圈');
    assert.equal(await text(ep.getByTestId('layer-circles')), 'Circles');
    assert.equal(await zp.getByTestId('layer-circles').getAttribute('aria-pressed'), 'false', 'the circles start off');
    await zp.keyboard.press('o');
    await ep.getByTestId('layer-circles').click();
    for (const page of [zp, ep]) {
      assert.equal(await page.getByTestId('layer-circles').getAttribute('aria-pressed'), 'true');
      await waitForState(page, SITE.id, 'covered');
      await waitUntil(async () => (await panel(page).getAttribute('data-drawn')) === '1', {
        timeout: TIMEOUT_MS,
        message: async () => `the map drew ${await panel(page).getAttribute('data-drawn')} sites, expected 1`,
      });
      assert.equal(await alarm(page, SITE.id).count(), 0, 'no alarm while the site is covered');
      assert.equal(await page.getByTestId('gap-alarms').isVisible(), false);
      for (const { text: chip, ratio } of await chipContrasts(page)) assert.ok(ratio >= 4.5, `${chip}: contrast ${ratio.toFixed(2)} < 4.5`);
    }
    assert.match(await text(zp.getByTestId('circles-summary')), /^1\/1 处守护中的重点部位在圈内 · 缺口 0 处 · 空闲警力 2 支（\d\d:\d\d:\d\d 更新）$/);
    assert.match(await text(ep.getByTestId('circles-summary')), /^Guarded key sites covered: 1 of 1 · gaps: 0 · units available: 2 \(as of \d\d:\d\d:\d\d\)$/);

    // The site's card: its tier, its state and the unit that covers it, with the time.
    await siteRow(zp, SITE.id).click();
    const zcard = zp.locator(`[data-testid="circle-card"][data-site="${SITE.id}"]`);
    await zcard.waitFor({ timeout: TIMEOUT_MS });
    const zfacts = await zcard.locator('dd').allTextContents();
    assert.equal(zfacts[0], '在圈内');
    assert.equal(zfacts[1], '学校');
    assert.equal(zfacts[2], '3分钟圈');
    assert.equal(zfacts[4], '全天');
    assert.match(zfacts[5] ?? '', new RegExp(`^${NEAR}，约 \\d+′\\d\\d″$`));
    await siteRow(ep, SITE.id).click();
    const ecard = ep.locator(`[data-testid="circle-card"][data-site="${SITE.id}"]`);
    await ecard.waitFor({ timeout: TIMEOUT_MS });
    assert.deepEqual((await ecard.locator('dt').allTextContents()).slice(0, 6), ['State', 'Type', 'Promise', 'Station', 'Hours', 'Nearest unit']);
    assert.match((await ecard.locator('dd').allTextContents())[5] ?? '', new RegExp(`^${NEAR}, about \\d+′\\d\\d″$`));
    await screenshot(zp, 'circles-zh-CN-01-covered');
    await screenshot(ep, 'circles-en-01-covered');

    // A-01 leaves: the watch opens the gap with the move-up it found.
    const order = await dispatchNearUnitFarAway();
    let record = null;
    await waitUntil(
      async () => {
        ({ site: record } = await dispatcher.get(`/api/v1/sites/${SITE.id}`));
        return record.gap !== undefined;
      },
      { timeout: TIMEOUT_MS, message: () => `no gap opened at ${SITE.id}: ${JSON.stringify(record)}` },
    );
    const moveUp = record.gap.move_up;
    assert.equal(record.gap.left_by, NEAR);
    assert.ok(moveUp, `the gap has no move-up: ${JSON.stringify(record.gap)}`);
    assert.equal(moveUp.unit, FAR, 'the far unit is the one to move up');
    assert.equal(moveUp.post, POST.id, 'to the post next to the site');
    assert.ok(moveUp.restores >= 1);
    const seconds = Math.round(moveUp.travel_s);
    const expected = {
      zh: `快反圈缺口：${SITE.name}（3分钟圈）— 建议调派 ${FAR} 前往 ${POST.name}（约 ${seconds} 秒，恢复 ${moveUp.restores} 处）`,
      en: `Coverage gap: ${SITE.name} (3-minute circle) — move up ${FAR} to ${POST.name} (about ${seconds} s, restores ${moveUp.restores} site${moveUp.restores === 1 ? '' : 's'})`,
    };

    // Both consoles raise it, live, each in its own language, with a toast and the red ring.
    for (const [page, words] of [
      [zp, expected.zh],
      [ep, expected.en],
    ]) {
      await alarm(page, SITE.id).waitFor({ timeout: TIMEOUT_MS });
      assert.equal(await text(alarm(page, SITE.id)), words);
      assert.equal(await page.getByTestId('gap-alarms').getAttribute('data-count'), '1');
      assert.ok((await page.getByTestId('toast-error').allTextContents()).includes(words), 'the gap is announced with a toast');
      await waitForState(page, SITE.id, 'gap');
      assert.equal(await page.locator(`.gap-marker[data-site="${SITE.id}"]`).count(), 1, 'a pulsing ring marks the site');
      assert.equal(await page.locator('body').getAttribute('data-loads'), '1', 'it came over the stream, not by a reload');
    }

    // The card left open on the zh-CN console follows: it says gap now, not what it said when opened.
    await zp.locator(`[data-testid="circle-card"][data-site="${SITE.id}"][data-state="gap"]`).waitFor({ timeout: TIMEOUT_MS });

    // G puts the cursor on the alarm, which marks the move-up on the map.
    assert.equal(await panel(zp).getAttribute('data-highlight'), null);
    await zp.keyboard.press('Escape');
    await zp.keyboard.press('g');
    assert.equal(await zp.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'gap-alarm');
    await waitUntil(async () => (await panel(zp).getAttribute('data-highlight')) === `${FAR}>${POST.id}`, {
      timeout: TIMEOUT_MS,
      message: 'focusing the alarm did not mark the move-up',
    });
    // A click also opens the site's card with the move-up, written out.
    await alarm(ep, SITE.id).click();
    await waitUntil(async () => (await panel(ep).getAttribute('data-highlight')) === `${FAR}>${POST.id}`, {
      timeout: TIMEOUT_MS,
      message: 'clicking the alarm did not mark the move-up',
    });
    const gapCard = ep.locator(`[data-testid="circle-card"][data-site="${SITE.id}"][data-state="gap"]`);
    await gapCard.waitFor({ timeout: TIMEOUT_MS });
    const facts = Object.fromEntries(
      await gapCard.locator('dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
    );
    assert.equal(facts.State, 'Gap alarm');
    assert.equal(facts['Left by'], NEAR);
    assert.equal(facts['Move up'], `${FAR} to ${POST.name} (about ${seconds} s, restores ${moveUp.restores} site${moveUp.restores === 1 ? '' : 's'})`);
    assert.match(facts['Gap since'] ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    await screenshot(zp, 'circles-zh-CN-02-gap');
    await screenshot(ep, 'circles-en-02-gap');

    // A-01 is free again: the site is covered, the alarm goes, on both.
    await dispatcher.post(`/api/v1/orders/${order}/cancel`, { reason: '警情已由他人处置' });
    for (const [page, restored] of [
      [zp, `快反圈已恢复：${SITE.name}`],
      [ep, `Circle restored: ${SITE.name}`],
    ]) {
      await alarm(page, SITE.id).waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      assert.equal(await page.getByTestId('gap-alarms').isVisible(), false);
      await waitUntil(async () => (await page.getByTestId('toast-ok').allTextContents()).includes(restored), {
        timeout: TIMEOUT_MS,
        message: `no toast ${restored}`,
      });
      await waitForState(page, SITE.id, 'covered');
      assert.equal(await panel(page).getAttribute('data-highlight'), null, 'nothing left to move up');
      assert.equal(await page.locator('.gap-marker').count(), 0);
    }
    await screenshot(ep, 'circles-en-03-restored');
    assert.deepEqual(zh.errors, []);
    assert.deepEqual(en.errors, []);
  } finally {
    await Promise.all([zh.context.close(), en.context.close()]);
  }
});

test('the registry adds, edits and retires key sites and posts, with the server’s refusals beside the fields (zh-CN)', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: WIDE });
  const station = city.stations[0]?.code ?? '';
  const at = offsetPoint(nearPost, { east: -200, north: 100 });
  try {
    await openLive(page, server);
    await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: TIMEOUT_MS });
    await page.keyboard.press('o');
    await page.getByTestId('circles-registry').click();
    const registry = page.getByTestId('registry');
    await registry.waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await text(page.locator('#registry-title')), '重点部位与驻勤点登记');
    const listed = (kind) => page.getByTestId(`registry-${kind}-row`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(await listed('site'), [SITE.id]);
    assert.deepEqual(await listed('post'), [POST.id]);

    // A new site: what the form can tell (a coordinate that is no number) it says at once.
    await page.getByTestId('registry-add-site').click();
    const form = page.getByTestId('registry-site-form');
    await form.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'registry-id');
    assert.deepEqual(await unlabelledControls(page, '[data-testid="registry"]'), [], 'registry controls without a label');
    const field = (name) => form.locator(`[data-field="${name}"]`);
    const fieldError = (name) => field(name).getByTestId('registry-field-error');
    await page.getByTestId('registry-id').fill('S-0002');
    await page.getByTestId('registry-type').selectOption('hospital');
    await page.getByTestId('registry-tier').selectOption('60');
    await page.getByTestId('registry-station').selectOption(station);
    await page.getByTestId('registry-lat').fill('北纬');
    await page.getByTestId('registry-lon').fill(String(at.lon));
    await page.getByTestId('registry-hours').fill('25:00-26:00');
    await page.getByTestId('registry-submit').click();
    assert.equal(await text(fieldError('lat')), '请输入数字');
    assert.equal(await page.getByTestId('registry-lat').getAttribute('aria-invalid'), 'true');

    // The position picked on the map instead: the drawer steps aside, the click fills it in.
    await page.getByTestId('registry-pick').click();
    await page.getByTestId('map-pick-hint').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await registry.isVisible(), false, 'the drawer steps aside while the map is clicked');
    const box = await page.getByTestId('map').boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await registry.waitFor({ timeout: TIMEOUT_MS });
    await page.getByTestId('map-pick-hint').waitFor({ state: 'detached' });
    const picked = Number(await page.getByTestId('registry-lat').inputValue());
    assert.ok(Number.isFinite(picked) && Math.abs(picked - nearPost.lat) < 0.1, `picked latitude ${picked}`);
    assert.equal(await page.getByTestId('registry-id').inputValue(), 'S-0002', 'the form kept what was typed');
    await page.getByTestId('registry-lat').fill(String(at.lat));
    await page.getByTestId('registry-lon').fill(String(at.lon));

    // What only the server knows it refuses (a blank name, hours that are no time of day); the
    // console puts the server's own message beside the field it names, and the cursor there.
    const typed = { name: '', type: 'hospital', tier_s: 60, station, lat: at.lat, lon: at.lon, hours: '25:00-26:00' };
    const fixes = { name: '市第一人民医院', hours: '07:00-18:00' };
    const refusedFields = [];
    // Each round the profile still has one of its faults, so the server refuses it (and registers nothing).
    while (refusedFields.length < Object.keys(fixes).length) {
      const refused = await postRaw('/api/v1/sites', { site: 'S-0002', profile: typed });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      const name = refused.body.field.replace(/^profile\./, '');
      assert.ok(name in fixes && !refusedFields.includes(name), `refused for ${refused.body.field}: ${refused.body.message}`);
      refusedFields.push(name);
      await page.getByTestId('registry-submit').click();
      await waitUntil(async () => (await text(fieldError(name))) === refused.body.message, {
        timeout: TIMEOUT_MS,
        message: async () => `beside ${name}: ${JSON.stringify(await text(fieldError(name)))}, the server said ${refused.body.message}`,
      });
      assert.equal(await page.getByTestId(`registry-${name}`).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), `registry-${name}`, 'the cursor goes to the field');
      await screenshot(page, `circles-zh-CN-04-refused-${name}`);
      typed[name] = fixes[name];
      await page.getByTestId(`registry-${name}`).fill(fixes[name]);
      assert.equal(await fieldError(name).isVisible(), false, 'typing clears the message');
    }
    assert.deepEqual([...refusedFields].sort(), ['hours', 'name']);
    await page.getByTestId('registry-submit').click();
    await waitUntil(async () => (await listed('site')).includes('S-0002'), { timeout: TIMEOUT_MS, message: 'the new site is not listed' });
    assert.ok((await page.getByTestId('toast-ok').allTextContents()).includes('已登记 市第一人民医院（S-0002）'));
    await siteRow(page, 'S-0002').waitFor({ timeout: TIMEOUT_MS });
    const created = (await dispatcher.get('/api/v1/sites/S-0002')).site;
    assert.deepEqual(
      { ...created.profile, lat: undefined, lon: undefined },
      { name: '市第一人民医院', type: 'hospital', tier_s: 60, station, hours: '07:00-18:00', lat: undefined, lon: undefined },
    );
    assert.ok(Math.abs(created.profile.lat - at.lat) < 1e-6 && Math.abs(created.profile.lon - at.lon) < 1e-6);

    // Edit: the code stays, the tier becomes 5 minutes.
    await page.locator('[data-testid="registry-site-row"][data-key="S-0002"] [data-testid="registry-edit"]').click();
    await page.getByTestId('registry-site-form').waitFor();
    assert.equal(await page.getByTestId('registry-id').getAttribute('readonly'), '');
    assert.equal(await page.getByTestId('registry-name').inputValue(), '市第一人民医院');
    await page.getByTestId('registry-tier').selectOption('300');
    await page.getByTestId('registry-submit').click();
    await waitUntil(async () => (await dispatcher.get('/api/v1/sites/S-0002')).site.profile.tier_s === 300, { timeout: TIMEOUT_MS, message: 'the tier was not changed' });
    const row = page.locator('[data-testid="registry-site-row"][data-key="S-0002"]');
    await waitUntil(async () => (await row.textContent())?.includes('5分钟圈'), { timeout: TIMEOUT_MS, message: 'the row does not show the new tier' });

    // A checkpoint, typed in.
    await page.getByTestId('registry-add-post').click();
    await page.getByTestId('registry-post-form').waitFor();
    await page.getByTestId('registry-id').fill('P-02');
    await page.getByTestId('registry-name').fill('东门卡点');
    await page.getByTestId('registry-kind').selectOption('checkpoint');
    await page.getByTestId('registry-station').selectOption(station);
    await page.getByTestId('registry-lat').fill(String(at.lat));
    await page.getByTestId('registry-lon').fill(String(at.lon));
    await page.getByTestId('registry-submit').click();
    await waitUntil(async () => (await listed('post')).includes('P-02'), { timeout: TIMEOUT_MS, message: 'the new post is not listed' });
    assert.equal((await dispatcher.get('/api/v1/posts/P-02')).post.profile.kind, 'checkpoint');
    await screenshot(page, 'circles-zh-CN-05-registry');

    // Retiring asks why; the site leaves the list and the map.
    for (const [kind, id] of [
      ['site', 'S-0002'],
      ['post', 'P-02'],
    ]) {
      await page.locator(`[data-testid="registry-${kind}-row"][data-key="${id}"] [data-testid="registry-retire"]`).click();
      await page.getByTestId('registry-retire-dialog-input').fill('迁址');
      await page.getByTestId('registry-retire-dialog-confirm').click();
      await waitUntil(async () => !(await listed(kind)).includes(id), { timeout: TIMEOUT_MS, message: `${id} is still listed` });
      const answer = await dispatcher.get(`/api/v1/${kind}s/${id}`);
      assert.equal(answer[kind].retired, true);
    }
    await siteRow(page, 'S-0002').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await registry.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    // The browser logs the two refusals asked for above; nothing else may go wrong.
    const refusal = /the server responded with a status of 400/;
    assert.deepEqual(errors.filter((e) => !refusal.test(e)), []);
    assert.equal(errors.filter((e) => refusal.test(e)).length, 2);
  } finally {
    await context.close();
  }
});

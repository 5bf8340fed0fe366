// The map's hotspot and patrol plan layers in a real browser against the real server, on a
// generated city with four months of incident history (`shouwang gen-history`): both layers
// are off and fetch nothing until switched on from the layer bar; the hotspot cells arrive
// and are drawn, the legend follows the method, a click on a cell explains it; the patrol
// plan draws exactly the cells the API plans for the shift and links its printable list in
// the console's language; a refusal of the server is shown in the panel; labels in zh-CN
// and en; the day and the night map. On street segments instead of cells: the choice asks
// for on=segments, the segments of the answer are listed and drawn as lines, kernel density
// gives way to counts, the legend follows Gi* and local Moran's I, a clicked segment is
// explained, by day and by night.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api,
  checkPrerequisites,
  cleanup,
  launchBrowser,
  newConsole,
  openLive,
  prepareCity,
  run,
  screenshot,
  seedUnits,
  startServer,
  tempDir,
  waitUntil,
} from './harness.mjs';

const TIMEOUT_MS = 20_000;
/** Days of history written before the server starts: more than the hotspots' default 90. */
const HISTORY_DAYS = 120;

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** The units' home posts: clicks on the map keep away from their markers. */
let posts = /** @type {{ lat: number, lon: number }[]} */ ([]);
/** The city's bounding box [west, south, east, north]: the map opens framed on it. */
let bbox = /** @type {number[]} */ ([]);
/** @type {import('./harness.mjs').City} */
let city;

before(async () => {
  const bin = checkPrerequisites();
  city = await prepareCity(await tempDir('shouwang-forecast-'));
  // The history goes into the event log before the server reads it.
  await run(bin, ['gen-history', '--data', city.dir, '--days', String(HISTORY_DAYS)], { timeoutMs: 120_000 });
  server = await startServer(bin, { dataDir: city.dir });
  const units = await seedUnits(server, city);
  posts = units.map((unit) => unit.profile.home_post);
  bbox = (await (await fetch(new URL('/api/v1/city', server.url))).json()).bbox;
  const dispatcher = await api(server, 'dispatcher');
  const map = await dispatcher.get('/api/v1/stats/hotspots?method=gi_star');
  assert.ok(map.properties.incidents > 100, `the history gives the hotspots something to find: ${JSON.stringify(map.properties)}`);
  browser = await launchBrowser();
});

after(cleanup);

/** Requests of the page to the two layers' endpoints, as paths with their query. */
function watchRequests(page) {
  /** @type {string[]} */
  const asked = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/stats/hotspots' || url.pathname === '/api/v1/forecast/patrol-plan') asked.push(url.pathname + url.search);
  });
  return asked;
}

/** The data-* of a layer's panel (state, cells, drawn) and whether it is shown. */
function panelState(page, name) {
  return page.getByTestId(`${name}-panel`).evaluate((el) => ({ ...el.dataset, hidden: el.hidden }));
}

/** Waits until the layer's panel shows an answer that the map has drawn; resolves with its data-*. */
async function waitForDrawn(page, name) {
  let last = {};
  await waitUntil(
    async () => {
      last = await panelState(page, name);
      return last.state === 'ready' && last.drawn !== undefined;
    },
    { timeout: TIMEOUT_MS, message: () => `${name} never drawn: ${JSON.stringify(last)}` },
  );
  return /** @type {Record<string, string>} */ (last);
}

/** GET `path` from the page itself, with its session cookie. */
function fetchInPage(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, path);
}

/**
 * Opens the printable list from its link, runs `check` on its tab and closes it. The browser
 * asks the server for /favicon.ico for that page, which the server does not have: that 404
 * is the list's, not the console's, and is taken out of `errors` once the tab is closed.
 */
async function withList(context, link, errors, check) {
  const before = errors.length;
  const [list] = await Promise.all([context.waitForEvent('page', { timeout: TIMEOUT_MS }), link.click()]);
  try {
    await list.waitForLoadState('load');
    await check(list);
  } finally {
    await list.close();
  }
  const ofList = errors.splice(before);
  assert.ok(ofList.every((e) => e.includes('404')), `errors while the list was open: ${ofList}`);
}

/** The data-testid of the control whose label is `label`. */
const labelled = (page, label) => page.getByLabel(label, { exact: true }).getAttribute('data-testid');
/** The lowest WCAG contrast of the texts of a popup card on the popup's background, as rendered. */
function cardContrast(page, testId) {
  return page.getByTestId(testId).evaluate((card) => {
    const rgb = (text) => (text.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const c = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    const popup = card.closest('.maplibregl-popup-content');
    const background = lum(rgb(getComputedStyle(popup ?? card).backgroundColor));
    const ratios = [...card.querySelectorAll('strong, dt, dd')].map((el) => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), background].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    return Math.min(...ratios);
  });
}

const legendKeys = (page) => page.getByTestId('legend-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-key')));
const legendTexts = (page) => page.getByTestId('legend-item').evaluateAll((items) => items.map((li) => (li.textContent ?? '').trim()));

/**
 * Where [lon, lat] is drawn in the map's element, in CSS pixels: the map opens fitted to the
 * city's bounding box (no padding, north up) in Web Mercator and the test never moves it.
 */
async function pixelOf(page, [lon, lat]) {
  const box = await page.getByTestId('map').boundingBox();
  assert.ok(box, 'the map has a box');
  const x = (lng) => (lng + 180) / 360;
  const y = (la) => {
    const s = Math.sin((la * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  };
  const [west, south, east, north] = bbox;
  const scale = Math.min(box.width / (x(east) - x(west)), box.height / (y(south) - y(north)));
  const cx = (x(west) + x(east)) / 2;
  const cy = (y(north) + y(south)) / 2;
  return { x: box.x + box.width / 2 + (x(lon) - cx) * scale, y: box.y + box.height / 2 + (y(lat) - cy) * scale };
}

/** Whether a page point lies inside the element of `selector` (with a margin). */
async function covered(page, point, selector, margin = 12) {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.filter((el) => el.getClientRects().length > 0).map((el) => el.getBoundingClientRect().toJSON()),
  );
  return boxes.some((b) => point.x > b.left - margin && point.x < b.right + margin && point.y > b.top - margin && point.y < b.bottom + margin);
}

/** A cell of `map` (hotspots or plan) whose centre is on the map, clear of the panels, controls and unit markers. */
async function clickableCell(page, map, wanted) {
  const metresApart = (a, b) => Math.hypot((a.lon - b.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 111_320);
  const canvas = await page.getByTestId('map').boundingBox();
  for (const feature of map.features.filter(wanted)) {
    const ring = feature.geometry.coordinates[0];
    const lon = (Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2;
    const lat = (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2;
    if (posts.some((post) => metresApart(post, { lon, lat }) < 200)) continue;
    const point = await pixelOf(page, [lon, lat]);
    const inside = canvas && point.x > canvas.x + 20 && point.x < canvas.x + canvas.width - 60 && point.y > canvas.y + 50 && point.y < canvas.y + canvas.height - 40;
    if (!inside || (await covered(page, point, '.map-overlay, .map__layers, .maplibregl-ctrl, .maplibregl-popup'))) continue;
    return { feature, point };
  }
  return null;
}

/**
 * A street segment of `map` whose middle (half its length along the line) is on the map,
 * clear of the panels, controls and unit markers.
 */
async function clickableSegment(page, map, wanted) {
  const metres = (a, b) => Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 111_320);
  const canvas = await page.getByTestId('map').boundingBox();
  for (const feature of map.features.filter(wanted)) {
    const line = feature.geometry.coordinates;
    const pieces = line.slice(1).map((p, i) => metres(line[i], p));
    let left = pieces.reduce((a, b) => a + b, 0) / 2;
    let i = 0;
    while (i < pieces.length - 1 && left > pieces[i]) left -= pieces[i++];
    const t = pieces[i] > 0 ? left / pieces[i] : 0;
    const [lon, lat] = [0, 1].map((k) => line[i][k] + (line[i + 1][k] - line[i][k]) * t);
    if (posts.some((post) => metres([post.lon, post.lat], [lon, lat]) < 200)) continue;
    const point = await pixelOf(page, [lon, lat]);
    const inside = canvas && point.x > canvas.x + 20 && point.x < canvas.x + canvas.width - 60 && point.y > canvas.y + 50 && point.y < canvas.y + canvas.height - 40;
    if (!inside || (await covered(page, point, '.map-overlay, .map__layers, .maplibregl-ctrl, .maplibregl-popup'))) continue;
    return { feature, point };
  }
  return null;
}

/** The start of a segment's popup as the console words it in zh-CN: its number, count, length and incidents per km. */
function segmentCardStart(segment) {
  const perKm = String(Number(segment.per_km.toPrecision(2)));
  return `路段 ${segment.segment}警情数${Math.round(segment.count)}长度${Math.round(segment.length_m)} 米每公里${perKm} 起/公里`;
}

test('hotspots and the patrol plan on the map, in zh-CN, by day and by night', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const asked = watchRequests(page);
  try {
    await openLive(page, server);
    await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: TIMEOUT_MS });

    // Off by default: pressed off, no panel, nothing fetched.
    const hotspotsButton = page.getByTestId('layer-hotspots');
    const patrolButton = page.getByTestId('layer-patrol');
    assert.equal((await hotspotsButton.textContent())?.trim(), '热点');
    assert.equal((await patrolButton.textContent())?.trim(), '巡逻建议');
    assert.equal(await hotspotsButton.getAttribute('aria-pressed'), 'false');
    assert.equal(await patrolButton.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByTestId('hotspots-panel').isVisible(), false);
    await page.waitForTimeout(500);
    assert.deepEqual(asked, [], 'the layers fetch nothing while they are off');

    // Hotspots on from the keyboard: cell counts of the last 90 days arrive and are drawn.
    await hotspotsButton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await hotspotsButton.getAttribute('aria-pressed'), 'true');
    const counts = await waitForDrawn(page, 'hotspots');
    // The centre's today, as the console counts it.
    const today = /period=rolling%3A90%3A(\d{4}-\d{2}-\d{2})$/.exec(asked[0] ?? '')?.[1];
    assert.ok(today, `the default period is the last 90 days: ${asked[0]}`);
    assert.deepEqual(asked, [`/api/v1/stats/hotspots?method=counts&period=rolling%3A90%3A${today}`]);
    const countsAnswer = await fetchInPage(page, `/api/v1/stats/hotspots?method=counts&period=rolling:90:${today}`);
    assert.equal(countsAnswer.status, 200);
    assert.ok(countsAnswer.body.features.length > 0, 'the history has cells');
    assert.equal(Number(counts.cells), countsAnswer.body.features.length, 'every cell of the answer is on the map');
    assert.ok(Number(counts.drawn) > 0 && Number(counts.drawn) <= Number(counts.cells), `cells drawn: ${counts.drawn} of ${counts.cells}`);
    const legend = page.getByTestId('hotspot-legend');
    assert.equal(await legend.getAttribute('data-method'), 'counts');
    const ramp = await legendKeys(page);
    assert.ok(ramp.length >= 2 && ramp.every((k, i) => k === `r${i}`), `a ramp of count classes: ${ramp}`);
    assert.match((await legend.textContent()) ?? '', /^每格警情数（起）/);
    assert.match((await page.getByTestId('hotspots-summary').textContent()) ?? '', new RegExp(`${countsAnswer.body.properties.incidents} 起警情，${counts.cells} 个网格（边长 250 米）`));
    assert.equal(await labelled(page, '方法'), 'hotspot-method');
    assert.equal(await labelled(page, '时段'), 'hotspot-period');
    assert.equal(await labelled(page, '统计单元'), 'hotspot-on');
    // Tab leads from the layer bar into the panel's controls, the units first.
    await patrolButton.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'hotspot-on');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'hotspot-method');
    await screenshot(page, 'forecast-zh-CN-01-hotspots-counts');

    // Gi*: the legend turns to significance classes, the map to hot and cold spots.
    await page.getByTestId('hotspot-method').selectOption('gi_star');
    await page.locator('[data-testid="hotspot-legend"][data-method="gi_star"]').waitFor({ timeout: TIMEOUT_MS });
    const gi = await waitForDrawn(page, 'hotspots');
    assert.deepEqual(await legendKeys(page), ['hot', 'cold', 'none']);
    assert.deepEqual(await legendTexts(page), ['热点', '冷点', '不显著']);
    assert.match((await legend.textContent()) ?? '', /^显著性（α = 0.05）/);
    assert.equal(asked.at(-1), `/api/v1/stats/hotspots?method=gi_star&period=rolling%3A90%3A${today}`);
    const giAnswer = await fetchInPage(page, `/api/v1/stats/hotspots?method=gi_star&period=rolling:90:${today}`);
    assert.equal(Number(gi.cells), giAnswer.body.features.length);

    // A click on a hot spot explains it.
    const target = await clickableCell(page, giAnswer.body, (f) => f.properties.class === 'hot');
    assert.ok(target, 'a hot spot clear of the panels and markers');
    await page.mouse.click(target.point.x, target.point.y);
    const card = page.getByTestId('hotspot-card');
    await card.waitFor({ timeout: TIMEOUT_MS });
    const cardText = (await card.textContent()) ?? '';
    assert.ok(cardText.startsWith(`网格 ${target.feature.properties.cell}`), `the card of the clicked cell: ${cardText}`);
    assert.match(cardText, new RegExp(`警情数${Math.round(target.feature.properties.count)}z 得分`));
    assert.match(cardText, /z 得分[+-]?\d+\.\d\dp 值(< 0\.001|0\.\d{3})类别热点/);
    const nightContrast = await cardContrast(page, 'hotspot-card');
    assert.ok(nightContrast >= 4.5, `the card reads on the night map: contrast ${nightContrast.toFixed(2)}`);
    await screenshot(page, 'forecast-zh-CN-02-hotspots-gi-star');

    // Local Moran's I names its quadrants; another period is asked for when chosen.
    await page.getByTestId('hotspot-method').selectOption('local_moran');
    await page.locator('[data-testid="hotspot-legend"][data-method="local_moran"]').waitFor({ timeout: TIMEOUT_MS });
    assert.deepEqual(await legendTexts(page), ['高-高聚集', '低-低聚集', '高-低异常', '低-高异常', '不显著']);
    await page.getByTestId('hotspot-period').selectOption('rolling28');
    await waitUntil(() => asked.at(-1) === `/api/v1/stats/hotspots?method=local_moran&period=rolling%3A28%3A${today}`, {
      timeout: TIMEOUT_MS,
      message: () => `no request for the last 28 days: ${asked.at(-1)}`,
    });
    await waitForDrawn(page, 'hotspots');

    // The patrol plan of the next shift: exactly the cells the API plans, each drawn.
    const before = asked.length;
    await patrolButton.click();
    const plan = await waitForDrawn(page, 'patrol');
    assert.deepEqual(asked.slice(before), ['/api/v1/forecast/patrol-plan?format=geojson&shift=next']);
    const planAnswer = await fetchInPage(page, '/api/v1/forecast/patrol-plan?format=geojson&shift=next');
    assert.equal(planAnswer.status, 200);
    assert.ok(planAnswer.body.features.length > 0, 'the plan has cells');
    assert.equal(Number(plan.cells), planAnswer.body.features.length, 'the plan’s cells, as the API answers');
    assert.equal(Number(plan.drawn), planAnswer.body.features.length, 'every planned cell is drawn in the city’s view');
    const stations = new Set(planAnswer.body.features.map((f) => f.properties.station)).size;
    const kind = planAnswer.body.properties.shift.kind === 'day' ? '白班' : '夜班';
    assert.equal(
      (await page.getByTestId('patrol-summary').textContent())?.trim(),
      `${kind} ${planAnswer.body.properties.shift.local_begin} 至 ${planAnswer.body.properties.shift.local_end}：${stations} 个派出所，${plan.cells} 个网格`,
    );
    assert.equal(await labelled(page, '班次'), 'patrol-shift');

    // A click on a planned cell gives its station, rank and evidence (over the hotspots).
    const planned = await clickableCell(page, planAnswer.body, () => true);
    assert.ok(planned, 'a planned cell clear of the panels and markers');
    await page.mouse.click(planned.point.x, planned.point.y);
    const patrolCard = page.getByTestId('patrol-card');
    await patrolCard.waitFor({ timeout: TIMEOUT_MS });
    const station = city.stations.find((s) => s.code === planned.feature.properties.station);
    assert.equal(
      (await patrolCard.textContent())?.trim(),
      `第 ${planned.feature.properties.rank} 位派出所${station?.name}本班次预计警情${planned.feature.properties.expected.toFixed(2)}` +
        `近 28 天同时段警情${planned.feature.properties.recent}占全市预测${(planned.feature.properties.share * 100).toFixed(1)}%`,
    );

    // The printable list: the same shift, in Chinese, in a new tab.
    const print = page.getByTestId('patrol-print');
    assert.equal(await print.getAttribute('href'), '/api/v1/forecast/patrol-plan?format=html&lang=zh&shift=next');
    assert.equal(await print.getAttribute('target'), '_blank');
    assert.equal((await print.textContent())?.trim(), '打印清单');
    await withList(context, print, errors, async (list) => {
      assert.equal(await list.locator('h1').textContent(), '巡逻防控建议');
      assert.equal(await list.locator('section').count(), stations, 'one table per station');
    });
    await screenshot(page, 'forecast-zh-CN-03-patrol-plan');

    // Another shift is asked for, and the list follows it.
    await page.getByTestId('patrol-shift').selectOption('night');
    await waitUntil(() => asked.at(-1) === '/api/v1/forecast/patrol-plan?format=geojson&shift=night', { timeout: TIMEOUT_MS, message: 'no request for the night shift' });
    const night = await waitForDrawn(page, 'patrol');
    const nightAnswer = await fetchInPage(page, '/api/v1/forecast/patrol-plan?format=geojson&shift=night');
    assert.equal(Number(night.cells), nightAnswer.body.features.length);
    assert.equal(await print.getAttribute('href'), '/api/v1/forecast/patrol-plan?format=html&lang=zh&shift=night');

    // The day map: both layers drawn again with the day colours, nothing fetched anew.
    await page.locator('.maplibregl-popup-close-button').click();
    await patrolCard.waitFor({ state: 'detached' });
    const fetched = asked.length;
    await page.getByTestId('theme-toggle').click();
    await page.locator('body[data-theme="day"]').waitFor();
    // data-theme: the theme the layer was last drawn in (its data-drawn is of that drawing).
    for (const name of ['hotspots', 'patrol']) {
      await page.locator(`[data-testid="${name}-panel"][data-theme="day"]`).waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    }
    await waitForDrawn(page, 'hotspots');
    assert.equal(Number((await waitForDrawn(page, 'patrol')).drawn), nightAnswer.body.features.length);
    assert.equal(asked.length, fetched, 'a theme change redraws from the data held');
    await page.mouse.click(planned.point.x, planned.point.y);
    await patrolCard.waitFor({ timeout: TIMEOUT_MS });
    const dayContrast = await cardContrast(page, 'patrol-card');
    assert.ok(dayContrast >= 4.5, `the card reads on the day map: contrast ${dayContrast.toFixed(2)}`);
    await screenshot(page, 'forecast-zh-CN-04-day');

    // Off again: the panels go, the map keeps its other layers.
    await hotspotsButton.click();
    await patrolButton.click();
    assert.equal(await page.getByTestId('hotspots-panel').isVisible(), false);
    assert.equal(await page.getByTestId('patrol-panel').isVisible(), false);
    assert.equal(asked.length, fetched);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in en: the labels, the printable list in English, a refusal shown in the panel, and no layers on a unit terminal', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'dispatcher', locale: 'en', viewport: { width: 1440, height: 900 } });
  const terminal = await newConsole(browser, server, { user: 'term-a01', locale: 'en', viewport: { width: 400, height: 860 } });
  try {
    await openLive(page, server);
    await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: TIMEOUT_MS });
    assert.equal((await page.getByTestId('layer-hotspots').textContent())?.trim(), 'Hotspots');
    assert.equal((await page.getByTestId('layer-patrol').textContent())?.trim(), 'Patrol plan');

    // The server refuses: its message is in the panel, and no cells are left on the map.
    const refusal = { code: 'unavailable', message: 'this server keeps no statistics' };
    await page.route('**/api/v1/stats/hotspots**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(refusal) }));
    await page.getByTestId('layer-hotspots').click();
    const error = page.getByTestId('hotspots-error');
    await error.waitFor({ timeout: TIMEOUT_MS });
    assert.equal((await error.textContent())?.trim(), 'Could not load the hotspots: this server keeps no statistics');
    assert.equal(await error.getAttribute('role'), 'alert');
    const refused = await panelState(page, 'hotspots');
    assert.equal(refused.state, 'error');
    assert.equal(refused.cells, '0');
    assert.equal(await page.getByTestId('hotspot-legend').isVisible(), false);
    await screenshot(page, 'forecast-en-01-refused');

    // The server answers again: a new choice asks again, the alert goes, kernel density arrives.
    await page.unroute('**/api/v1/stats/hotspots**');
    assert.equal(await labelled(page, 'Method'), 'hotspot-method');
    assert.equal(await labelled(page, 'Period'), 'hotspot-period');
    assert.equal(await labelled(page, 'Units'), 'hotspot-on');
    assert.deepEqual(await page.getByTestId('hotspot-on').locator('option').allTextContents(), ['Cells', 'Street segments']);
    assert.deepEqual(
      await page.getByTestId('hotspot-method').locator('option').allTextContents(),
      ['Cell counts', 'Kernel density', 'Getis–Ord Gi*', 'Local Moran’s I'],
    );
    assert.deepEqual(
      await page.getByTestId('hotspot-period').locator('option').allTextContents(),
      ['Last 90 days', 'Last 28 days', 'Yesterday', 'Last week', 'Last month'],
    );
    await page.getByTestId('hotspot-method').selectOption('kde');
    const kde = await waitForDrawn(page, 'hotspots');
    assert.ok(Number(kde.cells) > 0);
    assert.equal(await error.isVisible(), false);
    assert.equal(await page.getByTestId('hotspot-legend').getAttribute('data-method'), 'kde');
    assert.match((await page.getByTestId('hotspot-legend').textContent()) ?? '', /^Density \(incidents per km²\)/);
    assert.match((await page.getByTestId('hotspots-summary').textContent()) ?? '', /^\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d: \d+ incidents, \d+ cells \(250 m side\)$/);

    // The patrol plan in English, its list in English; the language switch re-labels both.
    await page.getByTestId('layer-patrol').click();
    await waitForDrawn(page, 'patrol');
    assert.equal(await page.locator('#patrol-title').textContent(), 'Patrol plan');
    assert.deepEqual(await page.getByTestId('patrol-shift').locator('option').allTextContents(), ['Next shift', 'Day 08:00–20:00', 'Night 20:00–08:00']);
    const print = page.getByTestId('patrol-print');
    assert.equal((await print.textContent())?.trim(), 'Printable list');
    assert.equal(await print.getAttribute('href'), '/api/v1/forecast/patrol-plan?format=html&lang=en&shift=next');
    await withList(context, print, errors, async (list) => {
      assert.equal(await list.locator('h1').textContent(), 'Patrol plan');
    });
    assert.match((await page.getByTestId('patrol-summary').textContent()) ?? '', /^(Day|Night) shift .+: \d+ stations, \d+ cells$/);
    await screenshot(page, 'forecast-en-02-kde-and-patrol-plan');

    await page.getByTestId('lang-zh-CN').click();
    await page.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(await print.getAttribute('href'), '/api/v1/forecast/patrol-plan?format=html&lang=zh&shift=next');
    assert.equal(await page.locator('#patrol-title').textContent(), '巡逻防控建议');
    assert.equal(await page.locator('#hotspots-title').textContent(), '警情热点');
    assert.match((await page.getByTestId('hotspot-legend').textContent()) ?? '', /^密度（起\/平方公里）/);
    // Only the refused request was an error on the console; nothing else went wrong.
    assert.deepEqual(
      errors.filter((e) => !e.includes('503')),
      [],
    );

    // A unit terminal's role may not read statistics: its map offers no such layers.
    await openLive(terminal.page, server);
    await terminal.page.getByTestId('layer-units').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await terminal.page.getByTestId('layer-hotspots').count(), 0);
    assert.equal(await terminal.page.getByTestId('layer-patrol').count(), 0);
  } finally {
    await Promise.all([context.close(), terminal.context.close()]);
  }
});

test('hotspots on street segments: asked for, listed and drawn as the API answers, Gi* explained, by night and by day', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const asked = watchRequests(page);
  try {
    await openLive(page, server);
    await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: TIMEOUT_MS });
    await page.getByTestId('layer-hotspots').click();
    await waitForDrawn(page, 'hotspots');
    const today = /period=rolling%3A90%3A(\d{4}-\d{2}-\d{2})$/.exec(asked[0] ?? '')?.[1];
    assert.ok(today, `the default period is the last 90 days: ${asked[0]}`);

    // The choice of units: labelled, cells first; kernel density is offered on cells.
    const units = page.getByTestId('hotspot-on');
    const method = page.getByTestId('hotspot-method');
    assert.equal(await labelled(page, '统计单元'), 'hotspot-on');
    assert.deepEqual(await units.locator('option').allTextContents(), ['网格', '路段']);
    assert.equal(await units.inputValue(), 'cells');
    await method.selectOption('kde');
    await page.locator('[data-testid="hotspot-legend"][data-method="kde"]').waitFor({ timeout: TIMEOUT_MS });
    await waitForDrawn(page, 'hotspots');

    // Street segments from the keyboard: kernel density has no segment form, so counts are asked for.
    await units.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await units.inputValue(), 'segments');
    const countsQuery = `/api/v1/stats/hotspots?on=segments&method=counts&period=rolling%3A90%3A${today}`;
    await waitUntil(() => asked.at(-1) === countsQuery, { timeout: TIMEOUT_MS, message: () => `no request for segments: ${asked.at(-1)}` });
    assert.deepEqual(await method.locator('option').allTextContents(), ['路段计数', '热点分析 Gi*', '局部莫兰指数']);
    assert.equal(await method.inputValue(), 'counts');
    const legend = page.getByTestId('hotspot-legend');
    await page.locator('[data-testid="hotspot-legend"][data-on="segments"][data-method="counts"]').waitFor({ timeout: TIMEOUT_MS });
    const counts = await waitForDrawn(page, 'hotspots');
    const countsAnswer = await fetchInPage(page, countsQuery);
    assert.equal(countsAnswer.status, 200);
    const info = countsAnswer.body.properties;
    assert.equal(info.on, 'segments');
    assert.ok(countsAnswer.body.features.length > 0 && countsAnswer.body.features.every((f) => f.geometry.type === 'LineString'), 'segments are lines');
    assert.equal(Number(counts.cells), countsAnswer.body.features.length, 'every segment of the answer is listed');
    // The map opens on the whole city: every segment is drawn, the shortest as a dot.
    assert.equal(Number(counts.drawn), countsAnswer.body.features.length, 'every segment of the answer is drawn');
    assert.equal(
      (await page.getByTestId('hotspots-summary').textContent())?.trim(),
      `${info.period.begin} 至 ${info.period.last}：${info.incidents} 起警情落在道路上，${info.off_road} 起离路（超过 ${info.snap_m} 米），` +
        `${countsAnswer.body.features.length} 条路段（路网共 ${info.segments} 条）`,
    );
    assert.match((await legend.textContent()) ?? '', /^每路段警情数（起）/);
    const ramp = await legendKeys(page);
    assert.ok(ramp.length >= 2 && ramp.every((k, i) => k === `r${i}`), `a ramp of count classes: ${ramp}`);
    await screenshot(page, 'forecast-zh-CN-05-segments-counts');

    // Gi* on segments: the hot and cold legend, exactly the API's segments.
    await method.selectOption('gi_star');
    const giQuery = `/api/v1/stats/hotspots?on=segments&method=gi_star&period=rolling%3A90%3A${today}`;
    await page.locator('[data-testid="hotspot-legend"][data-on="segments"][data-method="gi_star"]').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(asked.at(-1), giQuery);
    const gi = await waitForDrawn(page, 'hotspots');
    assert.deepEqual(await legendKeys(page), ['hot', 'cold', 'none']);
    assert.deepEqual(await legendTexts(page), ['热点', '冷点', '不显著']);
    assert.match((await legend.textContent()) ?? '', /^显著性（α = 0.05）/);
    const giAnswer = await fetchInPage(page, giQuery);
    assert.equal(Number(gi.cells), giAnswer.body.features.length, 'the Gi* segments, as the API answers');
    assert.equal(Number(gi.drawn), giAnswer.body.features.length, 'every Gi* segment is drawn');

    // A click on a hot segment explains it: count, length, per km, z, p, class.
    const target = await clickableSegment(page, giAnswer.body, (f) => f.properties.class === 'hot' && f.properties.length_m > 150);
    assert.ok(target, 'a hot segment clear of the panels and markers');
    await page.mouse.click(target.point.x, target.point.y);
    const card = page.getByTestId('hotspot-card');
    await card.waitFor({ timeout: TIMEOUT_MS });
    const cardText = (await card.textContent()) ?? '';
    assert.ok(cardText.startsWith(segmentCardStart(target.feature.properties)), `the card of the clicked segment: ${cardText}`);
    assert.match(cardText, /z 得分[+-]?\d+\.\d\dp 值(< 0\.001|0\.\d{3})类别热点$/);
    const nightContrast = await cardContrast(page, 'hotspot-card');
    assert.ok(nightContrast >= 4.5, `the card reads on the night map: contrast ${nightContrast.toFixed(2)}`);
    await screenshot(page, 'forecast-zh-CN-06-segments-gi-star');
    await page.locator('.maplibregl-popup-close-button').click();
    await card.waitFor({ state: 'detached' });

    // Local Moran's I on segments names its quadrants.
    await method.selectOption('local_moran');
    await page.locator('[data-testid="hotspot-legend"][data-on="segments"][data-method="local_moran"]').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(asked.at(-1), `/api/v1/stats/hotspots?on=segments&method=local_moran&period=rolling%3A90%3A${today}`);
    assert.deepEqual(await legendTexts(page), ['高-高聚集', '低-低聚集', '高-低异常', '低-高异常', '不显著']);
    await waitForDrawn(page, 'hotspots');

    // Back to Gi*, then the day map: the segments drawn again from the data held, the popup readable.
    await method.selectOption('gi_star');
    await page.locator('[data-testid="hotspot-legend"][data-on="segments"][data-method="gi_star"]').waitFor({ timeout: TIMEOUT_MS });
    await waitForDrawn(page, 'hotspots');
    const fetched = asked.length;
    await page.getByTestId('theme-toggle').click();
    await page.locator('body[data-theme="day"]').waitFor();
    await page.locator('[data-testid="hotspots-panel"][data-theme="day"]').waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    const day = await waitForDrawn(page, 'hotspots');
    assert.equal(Number(day.cells), giAnswer.body.features.length);
    assert.equal(Number(day.drawn), giAnswer.body.features.length, 'every segment drawn on the day map too');
    assert.equal(asked.length, fetched, 'a theme change redraws from the data held');
    await page.mouse.click(target.point.x, target.point.y);
    await card.waitFor({ timeout: TIMEOUT_MS });
    assert.ok(((await card.textContent()) ?? '').startsWith(`路段 ${target.feature.properties.segment}`));
    const dayContrast = await cardContrast(page, 'hotspot-card');
    assert.ok(dayContrast >= 4.5, `the card reads on the day map: contrast ${dayContrast.toFixed(2)}`);
    await screenshot(page, 'forecast-zh-CN-07-segments-day');

    // A server without a road network refuses segments (503): its message is in the panel, no segment stays drawn.
    const noRoads = { code: 'unavailable', message: 'no road network is loaded' };
    await page.route('**/api/v1/stats/hotspots?on=segments**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(noRoads) }),
    );
    await page.getByTestId('hotspot-period').selectOption('rolling28');
    const error = page.getByTestId('hotspots-error');
    await error.waitFor({ timeout: TIMEOUT_MS });
    assert.equal((await error.textContent())?.trim(), '热点数据加载失败：no road network is loaded');
    assert.equal((await panelState(page, 'hotspots')).cells, '0');
    assert.equal(await legend.isVisible(), false);
    await page.unroute('**/api/v1/stats/hotspots?on=segments**');
    await page.getByTestId('hotspot-period').selectOption('rolling90');
    await page.locator('[data-testid="hotspot-legend"][data-on="segments"][data-method="gi_star"]').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await error.isVisible(), false);

    // Back to cells: the method is kept, the cell map asked for without `on`.
    await units.selectOption('cells');
    await page.locator('[data-testid="hotspot-legend"][data-on="cells"][data-method="gi_star"]').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(asked.at(-1), `/api/v1/stats/hotspots?method=gi_star&period=rolling%3A90%3A${today}`);
    assert.deepEqual(await method.locator('option').allTextContents(), ['网格计数', '核密度', '热点分析 Gi*', '局部莫兰指数']);
    await waitForDrawn(page, 'hotspots');
    // Only the refused request was an error on the console.
    assert.deepEqual(
      errors.filter((e) => !e.includes('503')),
      [],
    );
  } finally {
    await context.close();
  }
});

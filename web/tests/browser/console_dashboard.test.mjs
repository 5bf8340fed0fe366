// The statistics dashboard in a real browser against the real server: today's daily
// briefing of a city where the test itself took the calls (the generated city has no
// history), shown as tiles, ECharts charts and tables in zh-CN and en; the language
// switch re-labels it, the big screen opens and closes, the downloads carry the query
// and come down as files; a station's officer sees their own station only.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, cleanup, newConsole, openCityForConsoles, openLive, screenshot, waitUntil } from './harness.mjs';

const TIMEOUT_MS = 20_000;
/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').City} */
let city;
/** The centre's today, YYYY-MM-DD. */
let today = '';
/** What the test created, as the briefing must count it. */
const created = { total: 0, criminal: 0, arrived: 0, byStation: /** @type {Record<string, number>} */ ({}) };

// Types of the default taxonomy: 0201 fight (public order), 0105 theft (criminal, and
// robbery/snatching/theft), 0102 assault (criminal), 0301 traffic collision (traffic).
const CALLS = [
  { type: '0201', east: 200, north: 150 },
  { type: '0201', east: 220, north: 170 },
  { type: '0105', east: -400, north: 300 },
  { type: '0102', east: 600, north: -500 },
  { type: '0301', east: -900, north: -700 },
];
const CRIMINAL = new Set(['0105', '0102']);

before(async () => {
  ({ server, browser, city } = await openCityForConsoles('shouwang-dashboard-'));
  const dispatcher = await api(server, 'dispatcher');
  const cityInfo = await (await fetch(new URL('/api/v1/city', server.url))).json();
  today = new Date(Date.now() + (cityInfo.utc_offset_minutes ?? 480) * 60_000).toISOString().slice(0, 10);
  const [lon, lat] = cityInfo.centre;
  const before = await dispatcher.get(`/api/v1/stats/briefing?kind=daily&date=${today}`);
  assert.equal(before.totals.current, 0, 'the generated city starts without incidents today');

  const incidents = [];
  for (const [i, spec] of CALLS.entries()) {
    const { call } = await dispatcher.post('/api/v1/calls', { channel: 'voice', caller_number: `1380000000${i}`, summary: `统计测试 ${i}` });
    const { incident } = await dispatcher.post('/api/v1/incidents', { call: call.id, summary: `统计测试 ${i}`, type_code: spec.type });
    await dispatcher.post(`/api/v1/incidents/${incident.id}/locations`, {
      source: 'map_pin',
      lat: lat + spec.north / 111_320,
      lon: lon + spec.east / (111_320 * Math.cos((lat * Math.PI) / 180)),
      uncertainty_m: 20,
    });
    incidents.push(incident.id);
    created.total += 1;
    if (CRIMINAL.has(spec.type)) created.criminal += 1;
  }
  // The first incident runs to arrival, so the response times have one row.
  const first = incidents[0];
  await dispatcher.post(`/api/v1/incidents/${first}/accept`);
  const { order } = await dispatcher.post(`/api/v1/incidents/${first}/dispatch`, {});
  for (const step of ['sign-for', 'en-route']) await dispatcher.post(`/api/v1/orders/${order.id}/${step}`);
  await dispatcher.post(`/api/v1/orders/${order.id}/arrive`, { source: 'dispatcher' });
  created.arrived = 1;
  for (const id of incidents) {
    const { incident } = await dispatcher.get(`/api/v1/incidents/${id}`);
    created.byStation[incident.station] = (created.byStation[incident.station] ?? 0) + 1;
  }

  // The server counts them (the console must then show these figures).
  const briefing = await dispatcher.get(`/api/v1/stats/briefing?kind=daily&date=${today}`);
  assert.equal(briefing.totals.current, created.total);
  assert.equal(briefing.groups.find((g) => g.key[0] === 'criminal').current, created.criminal);
  assert.equal(briefing.response.total.n, created.arrived);
});

after(cleanup);

/** Waits for the dashboard to show the briefing of `query` (a part of its query string). */
async function waitForBriefing(page, query) {
  await waitUntil(
    async () =>
      page.evaluate((q) => {
        const el = document.querySelector('[data-testid="dashboard"]');
        return el?.getAttribute('data-state') === 'ready' && (el.getAttribute('data-query') ?? '').includes(q);
      }, query),
    { timeout: TIMEOUT_MS, message: `the dashboard never showed the briefing of ${query}` },
  );
}

/** The state of an ECharts chart box: an instance, its SVG and their sizes, its text. */
function chartState(page, testId) {
  return page.evaluate((id) => {
    const box = document.querySelector(`[data-testid="${id}"]`);
    const svg = box?.querySelector('svg');
    const rect = svg?.getBoundingClientRect();
    return {
      instance: box?.getAttribute('_echarts_instance_') ?? '',
      rendered: box?.getAttribute('data-rendered') === 'true',
      width: rect?.width ?? 0,
      height: rect?.height ?? 0,
      text: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent).join('|') : '',
    };
  }, testId);
}

async function waitForChart(page, testId, hasText) {
  let last = null;
  await waitUntil(
    async () => {
      last = await chartState(page, testId);
      return last.instance !== '' && last.rendered && last.width > 0 && last.height > 0 && (hasText === undefined || last.text.includes(hasText));
    },
    { timeout: TIMEOUT_MS, message: () => `${testId} not drawn: ${JSON.stringify(last)}` },
  );
  return /** @type {NonNullable<typeof last>} */ (last);
}

const tileValue = (page, id) => page.locator(`[data-testid="kpi-${id}"] [data-testid="kpi-value"]`).textContent();
const tileLabel = (page, id) => page.locator(`[data-testid="kpi-${id}"] [data-testid="kpi-label"]`).textContent();

test('the dashboard shows today’s briefing in zh-CN and en, opens the big screen and downloads the bulletin', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  // A clock the test can move on: the big screen's minute between reloads is not waited out.
  await page.clock.install();
  /** @type {string[]} */
  const asked = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/stats/briefing')) asked.push(request.url());
  });
  try {
    await openLive(page, server);
    assert.equal(await page.locator('script[src*="dashboard"], link[href*="dashboard"]').count(), 0, 'the dashboard is not loaded with the workspace');
    const toggle = page.getByTestId('dashboard-toggle');
    assert.equal((await toggle.textContent())?.trim(), '统计');
    await toggle.click();
    await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await page.getByTestId('workspace').isVisible(), false, 'the dashboard takes the workspace’s place');
    assert.equal((await page.getByTestId('dashboard-toggle').textContent())?.trim(), '返回调度');

    // Today's daily briefing of the whole city.
    await page.getByTestId('dash-kind').selectOption('daily');
    await page.getByTestId('dash-date').fill(today);
    await waitForBriefing(page, `kind=daily&date=${today}`);
    assert.equal(await page.getByTestId('dash-scope').inputValue(), 'centre');
    assert.equal(await tileValue(page, 'total'), String(created.total));
    assert.equal(await page.getByTestId('kpi-total').getAttribute('data-value'), String(created.total));
    assert.equal(await tileLabel(page, 'total'), '警情总数');
    assert.equal(await tileValue(page, 'criminal'), String(created.criminal));
    assert.match((await page.getByTestId('kpi-total').textContent()) ?? '', /同比新增（去年同期 0 起）/);
    assert.match((await tileValue(page, 'median-arrival')) ?? '', /^\d+:\d\d$/, 'the median call to arrival as m:ss');
    assert.equal(await tileValue(page, 'alarms'), String(await page.locator('[data-testid="table-alarms"] tbody tr:not(:has(.empty))').count()));
    const [y, m, d] = today.split('-').map(Number);
    assert.equal((await page.getByTestId('dashboard-period').textContent())?.trim(), `日报 · ${y}年${m}月${d}日 · 全市`);

    const groups = await waitForChart(page, 'chart-groups', '刑事');
    assert.ok(groups.text.includes('两抢一盗'), `group names on the axis: ${groups.text}`);
    await waitForChart(page, 'chart-trend');
    await waitForChart(page, 'chart-league');
    await waitForChart(page, 'chart-hotspots');

    const response = page.getByTestId('table-response');
    await response.waitFor();
    assert.equal((await response.locator('caption').textContent())?.trim(), '出警时效（接警至到场）');
    assert.equal((await response.locator('tfoot td').nth(1).textContent())?.trim(), String(created.arrived), 'one incident with an arrival');
    for (const id of ['table-types', 'table-safety', 'table-streaks', 'table-alarms']) assert.ok(await page.getByTestId(id).isVisible(), id);

    // The downloads ask for this briefing in the interface language.
    for (const format of ['html', 'xlsx', 'pdf']) {
      assert.equal(
        await page.getByTestId(`download-${format}`).getAttribute('href'),
        `/api/v1/reports/briefing?format=${format}&lang=zh&kind=daily&date=${today}`,
      );
    }
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT_MS }), page.getByTestId('download-html').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^briefing-daily-${today}-zh\\.html$`));
    assert.match(await readFile(await download.path(), 'utf8'), new RegExp(`共接报警情${created.total}起`), 'the bulletin of this briefing');
    await screenshot(page, 'dashboard-zh-CN');

    // English re-labels tiles, charts, tables and links without asking again.
    await page.getByTestId('lang-en').click();
    await waitUntil(async () => (await tileLabel(page, 'total')) === 'Incidents', { timeout: TIMEOUT_MS, message: 'the total tile was not re-labelled' });
    assert.equal(await tileLabel(page, 'criminal'), 'Criminal incidents');
    assert.equal(await tileValue(page, 'total'), String(created.total));
    assert.match((await page.getByTestId('kpi-total').textContent()) ?? '', /Year on year new \(last year 0\)/);
    assert.equal((await page.getByTestId('dashboard-period').textContent())?.trim(), `Daily · ${d} ${new Date(Date.UTC(y, m - 1, d)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${y} · Whole city`);
    const english = await waitForChart(page, 'chart-groups', 'Criminal');
    assert.ok(!english.text.includes('刑事'), 'no Chinese group names left on the chart');
    assert.equal((await page.getByTestId('table-response').locator('caption').textContent())?.trim(), 'Response times (call to arrival)');
    assert.equal(await page.getByTestId('download-pdf').getAttribute('href'), `/api/v1/reports/briefing?format=pdf&lang=en&kind=daily&date=${today}`);
    const [workbook] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT_MS }), page.getByTestId('download-xlsx').click()]);
    assert.match(workbook.suggestedFilename(), new RegExp(`^briefing-daily-${today}-en\\.xlsx$`));
    const zip = await readFile(await workbook.path());
    assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'the workbook is a zip archive');
    assert.equal((await page.getByTestId('dashboard-toggle').textContent())?.trim(), 'Back to dispatch');
    await screenshot(page, 'dashboard-en');

    // The big screen: dark, no shell and no controls, the tiles and charts filling it.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('dash-bigscreen').click();
    await page.locator('body.dashboard-big').waitFor({ timeout: TIMEOUT_MS });
    await page.getByTestId('dash-big-exit').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.shell').isVisible(), false, 'no shell on the big screen');
    assert.equal(await page.getByTestId('dash-kind').isVisible(), false, 'no controls on the big screen');
    assert.ok(await page.getByTestId('big-alarms').isVisible(), 'the alarms beside the charts');
    const fill = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="dashboard"]')?.getBoundingClientRect();
      return { width: r?.width ?? 0, height: r?.height ?? 0, background: getComputedStyle(document.body).getPropertyValue('--bg').trim() };
    });
    assert.deepEqual([fill.width, fill.height], [1920, 1080], 'the big screen fills the screen');
    assert.equal(fill.background, '#050b14', 'dark whatever the theme');
    await waitUntil(async () => (await chartState(page, 'chart-groups')).height > groups.height * 1.2, {
      timeout: TIMEOUT_MS,
      message: 'the charts did not grow on the big screen',
    });
    await waitForChart(page, 'chart-hotspots');
    assert.equal(await tileValue(page, 'total'), String(created.total));
    await screenshot(page, 'dashboard-big-screen');
    // The big screen asks for the same briefing again every minute while it is open...
    asked.length = 0;
    await page.clock.fastForward(61_000);
    await waitUntil(() => asked.length > 0, { timeout: TIMEOUT_MS, message: 'the big screen did not reload after a minute' });
    assert.match(asked[0] ?? '', new RegExp(`kind=daily&date=${today}$`));
    await waitForBriefing(page, `kind=daily&date=${today}`);
    await page.keyboard.press('Escape');
    await page.locator('body.dashboard-big').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    // ...and not once it is closed.
    asked.length = 0;
    await page.clock.fastForward(61_000);
    await page.waitForTimeout(500);
    assert.deepEqual(asked, [], 'no reloads once the big screen is closed');
    assert.ok(await page.getByTestId('dash-kind').isVisible(), 'the controls are back');
    assert.ok(await page.locator('.shell').isVisible(), 'the shell is back');
    // B opens it again, the exit button closes it.
    await page.keyboard.press('b');
    await page.getByTestId('dash-big-exit').click();
    await page.locator('body.dashboard-big').waitFor({ state: 'detached', timeout: TIMEOUT_MS });

    // S leads back to the workspace.
    await page.keyboard.press('s');
    await page.getByTestId('workspace').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.equal(await page.getByTestId('dashboard').isVisible(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a station officer sees their own station’s figures only, and a unit terminal has no dashboard', async () => {
  const [station, count] = Object.entries(created.byStation).filter(([code]) => code !== '').sort((a, b) => b[1] - a[1])[0] ?? [];
  assert.ok(station, `the incidents have a station: ${JSON.stringify(created.byStation)}`);
  const admin = await api(server, 'admin');
  await admin.post('/api/v1/users', { username: 'officer-s1', password: city.password, display_name: '值班民警', role: 'station_officer', scope: station });
  const officer = await newConsole(browser, server, { user: 'officer-s1', locale: 'en', viewport: { width: 1440, height: 900 } });
  const terminal = await newConsole(browser, server, { user: 'term-a01', locale: 'en', viewport: { width: 400, height: 860 } });
  try {
    const page = officer.page;
    await openLive(page, server);
    await page.keyboard.press('s');
    await page.getByTestId('dashboard').waitFor({ timeout: TIMEOUT_MS });
    const scope = page.getByTestId('dash-scope');
    assert.equal(await scope.inputValue(), `station:${station}`);
    assert.equal(await scope.locator('option').count(), 1, 'only their own station');
    assert.equal(await scope.isDisabled(), true);
    await page.getByTestId('dash-date').fill(today);
    await waitForBriefing(page, `kind=daily&date=${today}&station=${station}`);
    assert.equal(await tileValue(page, 'total'), String(count));
    assert.match(
      (await page.getByTestId('download-xlsx').getAttribute('href')) ?? '',
      new RegExp(`^/api/v1/reports/briefing\\?format=xlsx&lang=en&kind=daily&date=${today}&station=${station}$`),
    );
    assert.deepEqual(officer.errors, []);

    await openLive(terminal.page, server);
    assert.equal(await terminal.page.getByTestId('dashboard-toggle').count(), 0);
  } finally {
    await Promise.all([officer.context.close(), terminal.context.close()]);
  }
});

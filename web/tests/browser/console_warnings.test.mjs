// Early-warning directives (预警指令) in real browsers against the real server. The city gets
// four months of incident history (`shouwang gen-history`) whose last whole day, yesterday,
// has alarms. A server whose watch first looks 15 s after its start raises yesterday's
// directives while a dispatcher's console is open: they arrive over the stream, with a toast
// and a flashing count. A server whose watch looks every second raises them at once; on it a
// station officer (zh-CN) finds the count of their open
// directives in the shell, opens the panel with W, reads the evidence, sends an empty
// response and sees the server's refusal under the field, then acknowledges with a response:
// the directive leaves the open list there and, live over the stream without a reload, in a
// dispatcher's console (en) open beside it; both list it as acknowledged with who, when and
// what. A call-taker's console has no directives. Screenshots land in
// web/test-artifacts/warnings-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import {
  PASSWORD,
  api,
  checkPrerequisites,
  cleanup,
  launchBrowser,
  newConsole,
  openLive,
  prepareCity,
  run,
  screenshot,
  startServer,
  tempDir,
  waitUntil,
} from './harness.mjs';

const TIMEOUT_MS = 20_000;
const HISTORY_DAYS = 120;
/**
 * Seeds of the call model tried in turn until yesterday has alarms. Whether a given day has
 * one is a matter of chance (about three days in five at the generator's default volume),
 * and yesterday moves with the clock, so a fixed seed cannot promise one; twelve seeds all
 * without is about a one-in-50,000 event, and then the test fails, saying so. A history
 * with alarms in two series or more is preferred, so that acknowledging one leaves others.
 */
const SEEDS = 12;
const PREFERRED_SERIES = 2;
/** The live-raise server's watch looks this long after its start: time to open a console first. */
const LATE_WATCH_S = 15;
const WIDE = { width: 1440, height: 900 };
/** The centre's offset from UTC (the server's default), for the times the console shows. */
const CENTRE_OFFSET_MINUTES = 480;

/** The names the console must give, written out here rather than taken from its dictionaries. */
const GROUPS = {
  criminal: ['刑事', 'Criminal'],
  public_order: ['治安', 'Public order'],
  traffic: ['交通', 'Traffic'],
  fire: ['火灾', 'Fire'],
  assistance: ['求助', 'Assistance'],
  dispute: ['纠纷', 'Disputes'],
  robbery_snatching_theft: ['两抢一盗', 'Robbery, snatching, theft'],
  telecom_fraud: ['电信诈骗', 'Telecom fraud'],
};
const METHODS_ZH = { ears_c1: 'EARS C1', ears_c2: 'EARS C2', ears_c3: 'EARS C3', historical_limits: '历史限值法' };

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('./harness.mjs').City} */
let city;
/** The station whose officer acknowledges, and the day scanned. */
let station = /** @type {import('./harness.mjs').Station} */ ({ code: '', name: '', name_en: '' });
let scannedDay = '';
/** The directives the scan predicts, as `area|group`. */
let expected = new Set();
/** A copy of the city before any server saw it: nothing raised yet. */
let untouchedDir = '';
const OFFICER = 'officer';

/** The station × reporting group series of a scan's alarms: one directive each. */
const seriesOf = (scan) => new Set(scan.alarms.map((a) => `${a.area}|${a.subject}`));

/**
 * A copy of the prepared city with `HISTORY_DAYS` of history by the first seed whose last
 * whole day has alarms in `PREFERRED_SERIES` series by the server's default methods
 * (`shouwang stats warnings`, as of yesterday by default, the day the warning watch scans),
 * else by the first seed with any.
 */
async function historyWithAlarms(bin, prepared) {
  const tried = [];
  let some = null;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const dir = await tempDir('shouwang-warnings-');
    await cp(prepared.dir, dir, { recursive: true });
    await run(bin, ['gen-history', '--data', dir, '--days', String(HISTORY_DAYS), '--seed', String(seed)], { timeoutMs: 120_000 });
    const scan = JSON.parse(await run(bin, ['stats', 'warnings', '--data', dir, '--format', 'json']));
    const series = seriesOf(scan).size;
    tried.push(`seed ${seed}: ${scan.alarms.length} alarms in ${series} series on ${scan.as_of}`);
    if (series >= PREFERRED_SERIES) return { dir, scan, tried };
    if (series > 0 && !some) some = { dir, scan, tried };
  }
  if (some) return some;
  throw new Error(`no seed gave yesterday an alarm, so the watch has nothing to raise:\n${tried.join('\n')}`);
}

before(async () => {
  const bin = checkPrerequisites();
  const prepared = await prepareCity(await tempDir('shouwang-warnings-city-'));
  const { dir, scan, tried } = await historyWithAlarms(bin, prepared);
  city = { ...prepared, dir };
  scannedDay = scan.as_of;
  expected = seriesOf(scan);
  console.log(`history: ${tried.join('; ')}`);
  untouchedDir = await tempDir('shouwang-warnings-late-');
  await cp(dir, untouchedDir, { recursive: true });
  server = await startServer(bin, { dataDir: dir, extraArgs: ['--warning-period', '1'] });

  // One directive per station and reporting group with an alarm, raised a second after the start.
  const dispatcher = await api(server, 'dispatcher');
  let open = { total: 0, warnings: [] };
  await waitUntil(
    async () => {
      open = await dispatcher.get('/api/v1/warnings?status=open');
      return open.total === expected.size;
    },
    { timeout: TIMEOUT_MS, message: () => `the watch raised ${open.total} directives, the scan of ${scannedDay} has ${expected.size} (${[...expected]})` },
  );
  for (const w of open.warnings) {
    assert.equal(w.subject.day, scannedDay);
    assert.ok(expected.has(`${w.subject.area}|${w.subject.code}`), `a directive the scan has no alarm for: ${JSON.stringify(w.subject)}`);
  }

  // The officer works at the station with the most directives.
  const perStation = new Map();
  for (const w of open.warnings) perStation.set(w.subject.area, (perStation.get(w.subject.area) ?? 0) + 1);
  const [code] = [...perStation.entries()].sort((a, b) => b[1] - a[1])[0];
  const found = city.stations.find((s) => s.code === code);
  assert.ok(found, `directives about ${code}, which is not a station of the city`);
  station = found;
  const admin = await api(server, 'admin');
  await admin.post('/api/v1/users', { username: OFFICER, password: PASSWORD, display_name: '值班所长', role: 'station_officer', scope: station.code });
  browser = await launchBrowser();
});

after(cleanup);

/** GET `path` from the page itself, with its session cookie. */
function fetchInPage(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, path);
}

/** The server's answer to `body` posted as `user` with a bearer token (no throwing on 4xx). */
async function postAs(user, path, body) {
  const client = await api(server, user);
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const badge = async (page) => Number(await page.getByTestId('warnings-count').getAttribute('data-count'));
const openIds = (page) => page.getByTestId('warnings-open').getByTestId('warning-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-warning')));
const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

/** "2026-11-24 09:15" in the centre's zone, as the console writes times. */
function centreTime(iso) {
  const d = new Date(Date.parse(iso) + CENTRE_OFFSET_MINUTES * 60_000);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The evidence of one method as the zh-CN console must word it. */
function zhEvidence(e, day) {
  const short = (d) => (d.slice(0, 4) === day.slice(0, 4) ? d.slice(5) : d);
  const seasonal = e.method === 'historical_limits';
  const span = Math.round((Date.parse(e.baseline_last) - Date.parse(e.baseline_first)) / 86_400_000) + 1;
  const threshold = Number.isInteger(e.threshold) ? String(e.threshold) : e.threshold.toFixed(2);
  return [
    METHODS_ZH[e.method],
    seasonal ? `截至当日 28 天 ${e.count} 起` : `当日 ${e.count} 起`,
    seasonal
      ? `往年同期基线（${short(e.baseline_first)} 至 ${short(e.baseline_last)}）均值 ${e.baseline_mean.toFixed(2)} ± ${e.baseline_sd.toFixed(2)}`
      : `基线 ${short(e.baseline_first)} 至 ${short(e.baseline_last)}（${span} 天）均值 ${e.baseline_mean.toFixed(2)} ± ${e.baseline_sd.toFixed(2)}`,
    `统计量 ${e.statistic.toFixed(2)} 超过阈值 ${threshold}`,
  ].join(' ');
}

test('directives raised while a console is open arrive live, announced', async (t) => {
  const started = Date.now();
  const late = await startServer(checkPrerequisites(), { dataDir: untouchedDir, extraArgs: ['--warning-period', String(LATE_WATCH_S)] });
  const { context, page, errors } = await newConsole(browser, late, { user: 'dispatcher', locale: 'en', viewport: WIDE });
  try {
    await openLive(page, late);
    t.diagnostic(`console live ${Date.now() - started} ms after the server's start`);
    const before = await fetchInPage(page, '/api/v1/warnings');
    assert.equal(before.body.total, 0, `the console was not live within ${LATE_WATCH_S} s of the server's start: nothing left to arrive live`);
    assert.equal(await badge(page), 0);
    assert.doesNotMatch((await page.getByTestId('warnings-toggle').getAttribute('class')) ?? '', /pending/);

    await waitUntil(async () => (await badge(page)) === expected.size, {
      timeout: (LATE_WATCH_S + 15) * 1000,
      message: () => `the badge never counted the ${expected.size} directives of the watch`,
    });
    t.diagnostic(`directives on the badge ${Date.now() - started} ms after the server's start`);
    const toggleClass = (await page.getByTestId('warnings-toggle').getAttribute('class')) ?? '';
    assert.match(toggleClass, /warnings-toggle--pending/);
    assert.match(toggleClass, /warnings-toggle--fresh/, 'the button flashes for a new directive');
    const raised = await fetchInPage(page, '/api/v1/warnings');
    assert.equal(raised.body.total, expected.size);
    const toasts = await page.getByTestId('toast-warn').allTextContents();
    const announced = toasts.filter((text) => text.startsWith('New directive: '));
    assert.equal(announced.length, Math.min(expected.size, 5), `one toast per directive (at most five stay): ${toasts}`);
    // Beyond five the oldest toasts make room; then the count above is the check.
    for (const w of expected.size <= 5 ? raised.body.warnings : []) {
      const where = city.stations.find((s) => s.code === w.subject.area)?.name_en;
      const text = `New directive: ${where}, ${GROUPS[w.subject.code][1]} (${scannedDay})`;
      assert.ok(announced.includes(text), `no toast ${text} in ${announced}`);
    }
    assert.equal(await page.locator('body').getAttribute('data-loads'), '1', 'they came over the stream, not by a reload');
    await screenshot(page, 'warnings-en-00-raised-live');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await late.stop();
  }
});

test('a station acknowledges a directive, and a dispatcher’s console follows it live (zh-CN and en)', async (t) => {
  const officer = await newConsole(browser, server, { user: OFFICER, locale: 'zh-CN', viewport: WIDE });
  const dispatcher = await newConsole(browser, server, { user: 'dispatcher', locale: 'en', viewport: WIDE });
  const op = officer.page;
  const dp = dispatcher.page;
  try {
    await Promise.all([openLive(op, server), openLive(dp, server)]);

    // The shell counts the seat's open directives: exactly what the API lists for it.
    const mine = await fetchInPage(op, '/api/v1/warnings');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.total > 0, `the officer of ${station.code} has directives`);
    assert.ok(mine.body.warnings.every((w) => w.subject.area === station.code), 'only the station’s own');
    await waitUntil(async () => (await badge(op)) === mine.body.total, { timeout: TIMEOUT_MS, message: 'the officer’s badge never showed the API’s total' });
    const all = await fetchInPage(dp, '/api/v1/warnings');
    await waitUntil(async () => (await badge(dp)) === all.body.total, { timeout: TIMEOUT_MS, message: 'the dispatcher’s badge never showed the API’s total' });
    assert.ok(all.body.total >= mine.body.total);
    const toggle = op.getByTestId('warnings-toggle');
    assert.match((await toggle.textContent()) ?? '', new RegExp(`^预警指令\\s*${mine.body.total}$`));
    assert.match((await toggle.getAttribute('class')) ?? '', /warnings-toggle--pending/, 'waiting directives turn the button amber');
    assert.equal(await toggle.getAttribute('aria-keyshortcuts'), 'W');
    assert.match((await dp.getByTestId('warnings-toggle').textContent()) ?? '', /^Warnings\s*\d+$/);
    await screenshot(op, 'warnings-zh-CN-01-badge');

    // W opens the panel with the cursor in the first directive's response.
    await op.keyboard.press('w');
    const panel = op.getByTestId('warnings-panel');
    await panel.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.equal((await op.locator('#warnings-title').textContent())?.trim(), '预警指令');
    assert.deepEqual(await openIds(op), mine.body.warnings.map((w) => w.id), 'the open list is the API’s, newest first');
    assert.equal(await focusedTestId(op), 'warning-response');
    const target = mine.body.warnings[0];
    const card = op.locator(`[data-testid="warning-row"][data-warning="${target.id}"]`);
    assert.equal(await card.getByTestId('warning-subject').textContent(), `${station.name} · ${GROUPS[target.subject.code][0]}`);
    assert.equal(await card.getByTestId('warning-day').textContent(), `统计日 ${scannedDay}`);
    assert.equal(await card.getByTestId('warning-raised').textContent(), `下发于 ${centreTime(target.raised_at)}`);
    const evidence = await card.getByTestId('warning-evidence').allTextContents();
    assert.deepEqual(evidence, target.evidence.map((e) => zhEvidence(e, scannedDay)));
    assert.equal(await op.getByLabel('处置措施（必填）').first().getAttribute('data-testid'), 'warning-response');
    await screenshot(op, 'warnings-zh-CN-02-panel');

    // The dispatcher's panel, in English, lists every open directive of the city.
    await dp.keyboard.press('w');
    await dp.getByTestId('warnings-panel').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.equal((await dp.locator('#warnings-title').textContent())?.trim(), 'Early-warning directives');
    assert.deepEqual(new Set(await openIds(dp)), new Set(all.body.warnings.map((w) => w.id)));
    const dcard = dp.locator(`[data-testid="warning-row"][data-warning="${target.id}"]`);
    assert.equal(await dcard.getByTestId('warning-subject').textContent(), `${station.name_en} · ${GROUPS[target.subject.code][1]}`);
    assert.match((await dcard.getByTestId('warning-evidence').first().textContent()) ?? '', /^EARS C[123]|^Historical limits/);
    assert.equal(await dcard.locator('label').first().textContent(), 'What the station will do (required)');
    await screenshot(dp, 'warnings-en-01-dispatcher-panel');

    // An empty response: the server refuses it, and its message is shown under the field.
    const refusal = await postAs(OFFICER, `/api/v1/warnings/${target.id}/acknowledge`, { response: '' });
    assert.equal(refusal.status, 400);
    assert.equal(refusal.body.field, 'response');
    await op.keyboard.press('Tab');
    assert.equal(await focusedTestId(op), 'warning-acknowledge', 'Tab leads from the response to its button');
    await op.keyboard.press('Enter');
    const error = card.getByTestId('warning-error');
    await error.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.equal(await error.textContent(), refusal.body.message);
    assert.equal(await card.getByTestId('warning-response').getAttribute('aria-invalid'), 'true');
    assert.equal(await focusedTestId(op), 'warning-response', 'the cursor goes back to the field');
    assert.equal(await badge(op), mine.body.total, 'nothing acknowledged');
    await screenshot(op, 'warnings-zh-CN-03-refused');

    // A response: the directive leaves the officer's open list and, live, the dispatcher's.
    const loadsBefore = await dp.locator('body').getAttribute('data-loads');
    const response = '今晚在辖区商圈加派两组巡逻，明早反馈';
    await op.keyboard.insertText(response);
    await op.keyboard.press('Control+Enter');
    await waitUntil(async () => !(await openIds(op)).includes(target.id), { timeout: TIMEOUT_MS, message: 'the directive stayed in the officer’s open list' });
    await waitUntil(async () => (await badge(op)) === mine.body.total - 1, { timeout: TIMEOUT_MS, message: 'the officer’s badge did not go down' });
    const after = await fetchInPage(op, '/api/v1/warnings');
    assert.equal(after.body.total, mine.body.total - 1);
    assert.equal(await badge(op), after.body.total);
    t.diagnostic(`officer ${OFFICER} of ${station.code}: ${mine.body.total} → ${after.body.total} open`);
    await waitUntil(async () => !(await openIds(dp)).includes(target.id), { timeout: TIMEOUT_MS, message: 'the dispatcher’s list never lost the directive' });
    await waitUntil(async () => (await badge(dp)) === all.body.total - 1, { timeout: TIMEOUT_MS, message: 'the dispatcher’s badge did not go down' });
    assert.equal(await dp.locator('body').getAttribute('data-loads'), loadsBefore, 'the dispatcher’s console followed the stream, no reload');
    assert.deepEqual(
      new Set(await openIds(dp)),
      new Set(all.body.warnings.map((w) => w.id).filter((id) => id !== target.id)),
      'the others stay open',
    );
    if (after.body.total > 0) assert.equal(await focusedTestId(op), 'warning-response', 'the cursor moves on to the next directive');
    await screenshot(op, 'warnings-zh-CN-04-acknowledged');

    // Shown acknowledged, with who, when and what, in both consoles.
    const done = await fetchInPage(op, '/api/v1/warnings?status=acknowledged');
    const record = done.body.warnings.find((w) => w.id === target.id);
    assert.ok(record, 'the API lists it as acknowledged');
    assert.equal(record.response, response);
    assert.equal(record.acknowledged_by, OFFICER);
    const showAcknowledged = op.getByTestId('warnings-show-acknowledged');
    assert.equal(await showAcknowledged.getAttribute('id'), await op.locator('label.warnings__toggle').getAttribute('for'));
    await showAcknowledged.focus();
    await op.keyboard.press('Space');
    const ackRow = op.locator(`[data-testid="warning-ack-row"][data-warning="${target.id}"]`);
    await ackRow.waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await ackRow.getByTestId('warning-ack-response').textContent(), `处置措施：${response}`);
    assert.equal(await ackRow.getByTestId('warning-ack-by').textContent(), `${OFFICER} 于 ${centreTime(record.acknowledged_at)} 签收`);
    assert.equal(await ackRow.getByTestId('warning-response').count(), 0, 'no form on an acknowledged directive');
    await screenshot(op, 'warnings-zh-CN-05-acknowledged-list');

    await dp.getByTestId('warnings-show-acknowledged').check();
    const dAckRow = dp.locator(`[data-testid="warning-ack-row"][data-warning="${target.id}"]`);
    await dAckRow.waitFor({ timeout: TIMEOUT_MS });
    assert.equal(await dAckRow.getByTestId('warning-ack-response').textContent(), `Response: ${response}`);
    assert.equal(await dAckRow.getByTestId('warning-ack-by').textContent(), `Acknowledged by ${OFFICER} at ${centreTime(record.acknowledged_at)}`);
    await screenshot(dp, 'warnings-en-02-acknowledged-list');

    // Acknowledging twice is refused by the server; the console has no form left to try.
    assert.equal((await postAs(OFFICER, `/api/v1/warnings/${target.id}/acknowledge`, { response: 'again' })).status, 409);

    // Esc closes the panel; the sheet lists W.
    await op.keyboard.press('Escape');
    await op.getByTestId('warnings-panel').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await op.keyboard.press('?');
    const sheet = op.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    assert.ok((await sheet.locator('tr').allTextContents()).includes('W预警指令（签收与处置）'), 'the sheet lists W');
    await op.keyboard.press('Escape');

    // The page's only error is the refusal of the empty response.
    for (const { errors } of [officer, dispatcher]) {
      assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
    }
    assert.equal(officer.errors.length, 1, `the officer's console logged: ${officer.errors}`);
  } finally {
    await officer.context.close();
    await dispatcher.context.close();
  }
});

test('a call-taker’s console has no directives', async () => {
  const { context, page, errors } = await newConsole(browser, server, { user: 'calltaker', locale: 'zh-CN', viewport: WIDE });
  try {
    await openLive(page, server);
    await page.getByTestId('shell-user').waitFor();
    assert.equal(await page.getByTestId('warnings-toggle').count(), 0);
    await page.keyboard.press('w');
    assert.equal(await page.getByTestId('warnings-panel').count(), 0);
    await page.keyboard.press('?');
    const rows = await page.getByTestId('shortcut-sheet').locator('tr').allTextContents();
    assert.ok(!rows.some((r) => r.startsWith('W')), `the sheet offers W to a seat without directives: ${rows}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Measures the console in Debian's Chromium against a running server (bench/console_load.sh
// starts one with the simulator): the initial load, the input-to-paint latency of keyboard
// work in the queue, and the frame times while units move. Prints a table (or JSON with
// --json). Usage: node bench/console_perf.mjs URL USER PASSWORD [--json] [--seconds N]
//
// - load: from navigation start to the console being usable: the state loaded, the stream
//   live and the first paint after it (performance.now() at that frame), and to the map's
//   first complete picture (MapLibre's load: style, tiles and first render). Measured over LOADS fresh page loads, cold cache each.
// - input to paint: a key press (j / k in the queue) from the event's timestamp to the end
//   of the frame that shows the new selection (the first animation frame after the DOM
//   changed, plus the task after it, i.e. after the paint), PRESSES times.
// - frames: every animation frame's interval for --seconds while the map shows the units.

import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const [url, user, password] = args;
const json = args.includes('--json');
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 0) || 20;
const LOADS = 5;
const PRESSES = 200;
if (!url || !user || !password) {
  console.error('usage: node bench/console_perf.mjs URL USER PASSWORD [--json] [--seconds N]');
  process.exit(2);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'];

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

async function loggedInPage(browser, viewport = { width: 1600, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const response = await context.request.post(new URL('/api/v1/auth/login', url).href, { data: { username: user, password, kind: 'cookie' } });
  if (!response.ok()) throw new Error(`login as ${user}: HTTP ${response.status()}`);
  return { context, page: await context.newPage() };
}

async function measureLoad(browser) {
  const { context, page } = await loggedInPage(browser);
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.body?.dataset.link === 'live' && document.querySelector('[data-testid="queue"]') && window.__usable === undefined) {
        window.__usable = 0;
        requestAnimationFrame(() => setTimeout(() => (window.__usable = performance.now()), 0));
      }
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { attributes: true, childList: true, subtree: true }));
  });
  await page.goto(new URL('/', url).href);
  await page.waitForFunction(() => window.__usable > 0, null, { timeout: 30_000 });
  await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  const mapDrawn = await page.evaluate(() => performance.now());
  const usable = await page.evaluate(() => window.__usable);
  const units = await page.locator('[data-testid="unit-row"]').count();
  await context.close();
  return { usable, mapDrawn, units };
}

async function measureInput(browser) {
  const { context, page } = await loggedInPage(browser);
  await page.goto(new URL('/', url).href);
  await page.locator('[data-testid="link-status"][data-state="live"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="map"][data-loaded="true"]').waitFor({ timeout: 30_000 });
  const rows = await page.locator('[data-testid="queue-row"]').count();
  if (rows < 2) throw new Error(`the queue has ${rows} incidents: the input bench needs the simulator's calls`);
  await page.evaluate(() => {
    window.__latencies = [];
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
      },
      { capture: true },
    );
  });
  await page.keyboard.press('q');
  for (let i = 0; i < PRESSES; i++) {
    await page.keyboard.press(i % 20 < 10 ? 'j' : 'k');
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  const latencies = await page.evaluate(() => window.__latencies.slice(1));
  // Frame times while the map shows every unit gliding.
  const frames = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const out = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (now) => {
          out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(out);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const moving = await page.evaluate(() => Number(document.body.dataset.seq ?? 0));
  await context.close();
  return { latencies, frames, rows, moving };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(browser));
  const input = await measureInput(browser);
  const result = {
    load_usable_ms: stats(loads.map((l) => l.usable)),
    load_map_drawn_ms: stats(loads.map((l) => l.mapDrawn)),
    units_on_board: loads[0]?.units ?? 0,
    queue_rows: input.rows,
    input_to_paint_ms: stats(input.latencies),
    frame_ms: stats(input.frames),
    frames_over_50ms: input.frames.filter((f) => f > 50).length,
    frames_per_second: input.frames.length / seconds,
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const row = (name, s) => console.log(`${name.padEnd(26)} ${String(s.n).padStart(5)} ${[s.p50, s.p90, s.p99, s.max].map((v) => v.toFixed(1).padStart(8)).join(' ')}`);
    console.log(`${'measure (ms)'.padEnd(26)} ${'n'.padStart(5)} ${['p50', 'p90', 'p99', 'max'].map((h) => h.padStart(8)).join(' ')}`);
    row('load: usable', result.load_usable_ms);
    row('load: map drawn', result.load_map_drawn_ms);
    row('input to paint (j/k)', result.input_to_paint_ms);
    row('frame interval', result.frame_ms);
    console.log(`units on the board: ${result.units_on_board}; queue: ${result.queue_rows} incidents; ${result.frames_per_second.toFixed(1)} frames/s, ${result.frames_over_50ms} frames over 50 ms`);
  }
} finally {
  await browser.close();
}

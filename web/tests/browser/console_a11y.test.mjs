// Accessibility basics of the command workspace and the unit terminal, in a real browser:
// every form control has a label, Tab walks the screen in reading order (shell, queue,
// map, side panel, unit board) without positive tabindex, every status colour keeps its
// text readable (WCAG contrast ≥ 4.5:1, measured on the rendered page), and the shortcut
// sheet opens and closes from the keyboard.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, newConsole, openCityForConsoles, openLive, screenshot } from './harness.mjs';

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  ({ server, browser } = await openCityForConsoles('shouwang-a11y-'));
});

after(cleanup);

/** Controls without an accessible name: no <label>, aria-label or aria-labelledby. */
function unlabelledControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** The contrast of every status chip, priority badge and link badge as rendered. */
function renderedContrasts(page) {
  return page.evaluate(() => {
    const rgb = (text) => (text.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const c = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
    };
    return [...document.querySelectorAll('.chip, .prio, .link')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const style = getComputedStyle(el);
        const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
        return { text: el.textContent, ratio: (a + 0.05) / (b + 0.05) };
      });
  });
}

for (const locale of ['zh-CN', 'en']) {
  test(`the workspace has labels, a reading-order Tab sequence and readable status colours (${locale})`, async () => {
    const { context, page } = await newConsole(browser, server, { user: 'dispatcher', locale, viewport: { width: 1440, height: 900 } });
    try {
      await openLive(page, server);
      await page.getByTestId('unit-row').first().waitFor();

      // Tab from the top: each region is reached, in reading order.
      const regions = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const region = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el) return 'none';
          if (el.closest('.shell')) return 'shell';
          if (el.closest('.panel--queue')) return 'queue';
          if (el.closest('.workspace__map')) return 'map';
          if (el.closest('.workspace__side')) return 'side';
          if (el.closest('.panel--units')) return 'units';
          // Anything else is named, so that a failure says what took the focus.
          return `other:${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`;
        });
        if (regions.at(-1) !== region) regions.push(region);
        if (region === 'units') break;
      }
      assert.deepEqual(regions, ['shell', 'queue', 'map', 'side', 'units']);

      const positive = await page.evaluate(() => [...document.querySelectorAll('[tabindex]')].filter((el) => Number(el.getAttribute('tabindex')) > 0).length);
      assert.equal(positive, 0, 'no positive tabindex');

      assert.deepEqual(await unlabelledControls(page), [], 'workspace controls without a label');
      // Tab ended in the unit board's filter: Esc leaves it for the queue, N opens the intake.
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'queue');
      await page.keyboard.press('n');
      await page.getByTestId('intake-caller').waitFor();
      assert.deepEqual(await unlabelledControls(page), [], 'intake controls without a label');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'intake-caller', 'N puts the cursor in the caller number');
      await page.keyboard.press('Escape');

      const contrasts = await renderedContrasts(page);
      assert.ok(contrasts.length >= 3, 'status badges are on screen');
      for (const { text, ratio } of contrasts) assert.ok(ratio >= 4.5, `${text}: contrast ${ratio.toFixed(2)} < 4.5`);

      await page.keyboard.press('?');
      const sheet = page.getByTestId('shortcut-sheet');
      await sheet.waitFor();
      assert.ok((await sheet.locator('tr').count()) >= 10, 'the sheet lists the shortcuts');
      await screenshot(page, `a11y-${locale}-shortcut-sheet`);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
}

test('the unit terminal labels its controls and keeps its status readable in the day theme', async () => {
  const { context, page } = await newConsole(browser, server, { user: 'term-a01', locale: 'zh-CN', viewport: { width: 400, height: 860 } });
  try {
    await openLive(page, server);
    await page.getByTestId('terminal-unit-status').waitFor();
    await page.getByTestId('theme-toggle').click();
    await page.locator('body[data-theme="day"]').waitFor();
    assert.deepEqual(await unlabelledControls(page), []);
    for (const { text, ratio } of await renderedContrasts(page)) assert.ok(ratio >= 4.5, `${text}: contrast ${ratio.toFixed(2)} < 4.5`);
    const buttons = await page.locator('button').evaluateAll((all) => all.filter((b) => b.getClientRects().length > 0 && (b.textContent ?? '').trim() === '' && !b.getAttribute('aria-label') && !b.title).length);
    assert.equal(buttons, 0, 'every visible button says what it does');
    await screenshot(page, 'a11y-terminal-day');
  } finally {
    await context.close();
  }
});

test('the language switches at runtime without a reload, and B gives the big screen', async () => {
  const { context, page } = await newConsole(browser, server, { user: 'dispatcher', locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  try {
    await openLive(page, server);
    await page.getByTestId('unit-row').first().waitFor();
    const title = page.locator('#queue-title');
    assert.equal(await title.textContent(), '警情队列');
    assert.equal(await page.getByTestId('link-status').textContent(), '实时');
    await page.getByTestId('lang-en').click();
    await page.locator('html[lang="en"]').waitFor();
    assert.equal(await title.textContent(), 'Incident queue');
    assert.equal(await page.getByTestId('link-status').textContent(), 'Live');
    assert.match((await page.getByTestId('unit-status').first().textContent()) ?? '', /Available/);
    assert.equal(Number(await page.locator('body').getAttribute('data-loads')), 1, 'no reload for a language switch');

    // The page never grows past the screen: the panels scroll inside it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height <= 900, `the workspace is ${height} px high in a 900 px window`);

    await page.keyboard.press('b');
    await page.locator('body.big-screen').waitFor();
    assert.equal(await page.getByTestId('queue-panel').isVisible(), false, 'the big screen shows the map alone');
    assert.ok(await page.getByTestId('big-counters').isVisible(), 'with the counts');
    await screenshot(page, 'a11y-en-big-screen');
    await page.keyboard.press('Escape');
    await page.locator('body.big-screen').waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
});

// End-to-end flow in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against a
// running app: the local runtime (module `local/`) or the Heroku web process in front of a backend.
//
//   APP_URL=http://127.0.0.1:8080 node --test e2e/         (from static-site/web)
//
// Env: APP_URL (required), CHROMIUM (default /usr/bin/chromium), SHARED_DIR (default ../shared beside the
// repository), CLI_JAR (default shared-dsp/target/shared-dsp-cli.jar; compared when present),
// E2E_OUT (default static-site/target/e2e: screenshots and the downloaded workbook).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const APP_URL = process.env.APP_URL;
const SHARED = resolve(process.env.SHARED_DIR || join(repo, '..', 'shared'));
const ATF = join(SHARED, 'data', 'desktop', '202304_0521.atf');
const EXPECTED = join(SHARED, 'data', 'desktop', 'expected-desktop.json');
const UPLOAD_NAME = '20230405_0521_1_-20mV.atf';
const CLI_JAR = resolve(process.env.CLI_JAR || join(repo, 'shared-dsp', 'target', 'shared-dsp-cli.jar'));
const OUT = resolve(process.env.E2E_OUT || join(repo, 'static-site', 'target', 'e2e'));
// Only for looking at the UI against a stand-in backend while the real one is being built: its numbers are made up.
const FAKE_BACKEND = process.env.E2E_FAKE_BACKEND === '1';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Relative agreement; the page shows the API's doubles, which came from the same code as the references. */
function close(actual, expected, rel, what) {
  const tol = rel * Math.max(Math.abs(expected), 1e-12);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: page ${actual}, expected ${expected} (rel ${rel})`);
}

/** The desktop's numbers for batch filters + automatic starting point (data/desktop/expected-desktop.json). */
function desktopBatchAuto() {
  const c = JSON.parse(readFileSync(EXPECTED, 'utf8')).cases.find((x) => x.case === 'batch_auto');
  return { q_h: c.Q_hyperpol_pC, q_d: c.Q_depol_pC, c: c.C_linear_nF, n: c.starting_point_n };
}

/** What the CLI prints for the same file and options, when its jar has been built. */
function cliBatchAuto() {
  if (!existsSync(CLI_JAR)) return null;
  const json = execFileSync(
    'java',
    ['-jar', CLI_JAR, 'analyze', ATF, '--json', '--preset', 'batch', '--start-point', 'auto', '--mode', 'desktop'],
    { encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  const r = JSON.parse(json);
  return { q_h: r.qHyperpolPc, q_d: r.qDepolPc, c: r.capacitanceNf, n: r.startingPoint };
}

async function value(page, testId) {
  const v = await page.getByTestId(testId).getAttribute('data-value');
  return Number(v);
}

async function results(page) {
  return {
    q_h: await value(page, 'q-hyperpol'),
    q_d: await value(page, 'q-depol'),
    c: await value(page, 'capacitance'),
  };
}

/** Asks the integrals endpoint directly, with the page's own session, for the ranges the page shows. */
async function integralsFromApi(page) {
  return page.evaluate(async () => {
    const { sessionId, token } = JSON.parse(localStorage.getItem('signal-analyzer.session'));
    const id = document.querySelector('[data-testid=results]').getAttribute('data-analysis-id');
    const range = (name) => [
      Number(document.querySelector(`[data-testid=range-${name}-start]`).value),
      Number(document.querySelector(`[data-testid=range-${name}-end]`).value),
    ];
    const res = await fetch(`/api/sessions/${sessionId}/analyses/${id}/integrals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ hyperpol: range('hyperpol'), depol: range('depol') }),
    });
    return res.json();
  });
}

async function flow(browser, name, contextOptions, dragRange) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const shot = (step) => page.screenshot({ path: join(OUT, `${name}-${step}.png`), fullPage: true });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(APP_URL);
    await page.getByTestId('session-expiry').waitFor();

    const uploadStart = Date.now();
    // Uploaded under a lab set name (date_cell_set_V2), because the lab-sets workbook groups files by set.
    await page
      .getByTestId('upload-input')
      .setInputFiles({ name: UPLOAD_NAME, mimeType: 'text/plain', buffer: readFileSync(ATF) });
    await page.locator('[data-testid=upload-status][data-state=done]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid=recording-plot]');
        return el && el.data && el.data.length > 0 && el.data[0].x.length > 0;
      },
      null,
      { timeout: 60_000 },
    );
    const firstPlotMs = Date.now() - uploadStart;
    assert.equal(await page.getByTestId('file-title').textContent(), UPLOAD_NAME);
    assert.equal(await page.getByTestId('param-v2Mv').inputValue(), '-20', 'V2 filled from the file name');
    const yTitle = await page.locator('[data-testid=recording-plot] .ytitle').textContent();
    assert.match(yTitle, /\(pA\)/, 'the current axis names its unit');
    await shot('1-recording');

    await page.getByTestId('preset-batch').click();
    await page.getByTestId('filters-apply').click();
    await page.getByTestId('filter-metrics').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=recording-plot]').data.some((t) => t.name === 'filtered'),
    );
    await shot('2-batch-filter');

    await page.getByTestId('analyze').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=q-hyperpol]')?.getAttribute('data-value'),
      null,
      { timeout: 120_000 },
    );
    const analyzed = await results(page);
    const startingPoint = await value(page, 'starting-point');
    if (!FAKE_BACKEND) {
      const ref = desktopBatchAuto();
      close(analyzed.q_h, ref.q_h, 1e-9, 'Q hyperpol vs desktop');
      close(analyzed.q_d, ref.q_d, 1e-9, 'Q depol vs desktop');
      close(analyzed.c, ref.c, 1e-9, 'C vs desktop');
      assert.equal(startingPoint, ref.n, 'starting point vs desktop');
      const cli = cliBatchAuto();
      if (cli) {
        close(analyzed.q_h, cli.q_h, 1e-12, 'Q hyperpol vs CLI');
        close(analyzed.q_d, cli.q_d, 1e-12, 'Q depol vs CLI');
        close(analyzed.c, cli.c, 1e-12, 'C vs CLI');
      }
    }
    await shot('3-analyzed');

    await dragRange(page);
    await page.waitForFunction(
      (before) => {
        const v = Number(document.querySelector('[data-testid=q-hyperpol]').getAttribute('data-value'));
        return v !== before && !document.querySelector('.metric.busy');
      },
      analyzed.q_h,
      { timeout: 30_000 },
    );
    const dragged = await results(page);
    const end = Number(await page.getByTestId('range-hyperpol-end').inputValue());
    assert.ok(end < 200 && end % 5 === 0, `the dragged end snapped to a step of 5: ${end}`);
    const direct = await integralsFromApi(page);
    close(dragged.q_h, direct.qHyperpolPc, 1e-12, 'Q hyperpol after the drag vs the integrals endpoint');
    close(dragged.q_d, direct.qDepolPc, 1e-12, 'Q depol after the drag vs the integrals endpoint');
    close(dragged.c, direct.capacitanceNf, 1e-12, 'C after the drag vs the integrals endpoint');
    await shot('4-range-dragged');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-lab-sets').click(),
    ]);
    const saved = join(OUT, `${name}-lab-sets.xlsx`);
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the lab workbook is an xlsx (zip) file');
    if (!FAKE_BACKEND) assert.ok(bytes.includes('xl/workbook.xml'), 'the zip holds a workbook');
    await shot('5-exported');
    assert.deepEqual(consoleErrors, [], 'no uncaught errors in the page');
    console.log(
      `${name}: upload → first plot ${firstPlotMs} ms; page Q_h ${analyzed.q_h} pC, Q_d ${analyzed.q_d} pC,` +
        ` C ${analyzed.c} nF, start ${startingPoint}; after the drag Q_h ${dragged.q_h} pC (end ${end}); ${saved}`,
    );
  } catch (e) {
    await shot('failure').catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

/** Desktop: a real mouse drag of the hyperpol span's right edge to about the middle of the curve. */
async function dragWithMouse(page) {
  const plot = page.getByTestId('plot-hyperpol');
  await plot.scrollIntoViewIfNeeded();
  const rect = await plot.locator('.shapelayer path').first().boundingBox();
  const y = rect.y + rect.height / 2;
  const x = rect.x + rect.width - 4;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(x - (rect.width * 0.45 * k) / 10, y);
  await page.mouse.up();
}

/** Phone: a touch drag (Chrome DevTools Protocol touch events) of the same edge. */
async function dragWithTouch(page) {
  const plot = page.getByTestId('plot-hyperpol');
  await plot.scrollIntoViewIfNeeded();
  const rect = await plot.locator('.shapelayer path').first().boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const y = rect.y + rect.height / 2;
  const x = rect.x + rect.width - 4;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= 10; k++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x - (rect.width * 0.45 * k) / 10, y }],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('browser flow: upload, batch filter, analyze, drag a range, export', { timeout: 600_000 }, async (t) => {
  assert.ok(APP_URL, 'set APP_URL to the running app, e.g. APP_URL=http://127.0.0.1:8080');
  assert.ok(existsSync(ATF), `the sample recording is missing: ${ATF}`);
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
  try {
    await t.test('desktop viewport', () =>
      flow(browser, 'desktop', { viewport: { width: 1440, height: 900 } }, dragWithMouse),
    );
    await t.test('phone viewport', () =>
      flow(
        browser,
        'phone',
        {
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
        },
        dragWithTouch,
      ),
    );
  } finally {
    await browser.close();
  }
});

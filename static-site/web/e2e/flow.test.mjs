// End-to-end flow in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against a
// running app: the local runtime (module `local/`) or the Heroku web process in front of a backend.
//
//   APP_URL=http://127.0.0.1:8080 node --test e2e/         (from static-site/web)
//
// Env: APP_URL (required), CHROMIUM (default /usr/bin/chromium), SHARED_DIR (default ../shared beside the
// repository), CLI_JAR (default shared-dsp/target/shared-dsp-cli.jar; compared when present),
// E2E_OUT (default static-site/target/e2e: screenshots and the downloaded workbook), CV_SET_DIR and CV_PARAMS
// (a charge-voltage set written by BrowserEndToEndTest and its protocol timing; the set flow is skipped without).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';

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

/** Uploads a recording under `name` and waits until its plot is drawn. */
async function upload(page, name) {
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/plain', buffer: readFileSync(ATF) });
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid=recording-plot]');
      const title = document.querySelector('[data-testid=file-title]')?.textContent;
      return title === n && el && el.data && el.data.length > 0 && el.data[0].x.length > 0;
    },
    name,
    { timeout: 60_000 },
  );
}

/** Nothing of an analysis is on screen: no numbers, no purple curves, no export buttons. */
async function assertNoAnalysisShown(page, why) {
  assert.equal(await page.getByTestId('q-hyperpol').count(), 0, `no Q on screen ${why}`);
  assert.equal(await page.getByTestId('purple-card').count(), 0, `no purple curves ${why}`);
  assert.equal(await page.getByTestId('export-lab-sets').count(), 0, `no export buttons ${why}`);
  const traces = await page.evaluate(() =>
    document.querySelector('[data-testid=recording-plot]').data.map((t) => t.name),
  );
  assert.ok(!traces.some((n) => /orange|purple/.test(n)), `no analysis curves on the plot ${why}: ${traces}`);
}

async function flow(browser, name, contextOptions, dragRange, phone) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const shot = (step) => page.screenshot({ path: join(OUT, `${name}-${step}.png`), fullPage: !phone });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    await page.goto(APP_URL);
    await page.getByTestId('session-expiry').waitFor();

    const uploadStart = Date.now();
    // Uploaded under a lab set name (date_cell_set_V2), because the lab-sets workbook groups files by set.
    await upload(page, UPLOAD_NAME);
    const firstPlotMs = Date.now() - uploadStart;
    assert.equal(await page.getByTestId('param-v2Mv').inputValue(), '-20', 'V2 filled from the file name');
    const yTitle = await page.locator('[data-testid=recording-plot] .ytitle').textContent();
    assert.match(yTitle, /\(pA\)/, 'the current axis names its unit');
    const xTitle = await page.locator('[data-testid=recording-plot] .xtitle').textContent();
    assert.equal(xTitle, 'Time (ms)', 'the lab thinks in ms');
    await shot('1-recording');

    if (phone) await swipeScrollsThePage(page);

    // Preview the batch preset and Analyze: no "Apply" step; the analysis runs the chain the panel shows.
    await page.getByTestId('preset-batch').click();
    await page.getByTestId('filter-metrics').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=recording-plot]').data.some((t) => t.name === 'filtered'),
    );
    assert.match(await page.getByTestId('analyze').textContent(), /Batch/, 'the button says what it runs');
    await shot('2-batch-filter');

    await page.getByTestId('analyze').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=q-hyperpol]')?.getAttribute('data-value'),
      null,
      {
        timeout: 120_000,
      },
    );
    const analyzed = await results(page);
    const startingPoint = await value(page, 'starting-point');
    if (!FAKE_BACKEND) {
      const ref = desktopBatchAuto();
      close(analyzed.q_h, ref.q_h, 1e-9, 'Q hyperpol vs desktop (batch filter, previewed, not applied)');
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
    assert.equal(await page.getByTestId('results-file').textContent(), UPLOAD_NAME, 'the results name their recording');
    const how = await page.getByTestId('starting-point-how').textContent();
    assert.ok(!/Starting point (\d+): \1\./.test(how), `the starting point is said once: ${how}`);
    if (phone) {
      // The results were scrolled into view after Analyze.
      await page.waitForFunction(() => {
        const r = document.querySelector('[data-testid=results]').getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0;
      });
    }
    await shot('3-analyzed');

    if (phone) await twoTapFit(page);

    await dragRange(page);
    await page.waitForFunction(
      (before) => {
        const v = Number(document.querySelector('[data-testid=q-hyperpol]').getAttribute('data-value'));
        return v !== before && !document.querySelector('[data-testid=saving]');
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
    // The numbers on screen, for BrowserEndToEndTest to find in the workbook (POI).
    writeFileSync(join(OUT, `${name}-screen.json`), JSON.stringify({ ...dragged, end, fileName: UPLOAD_NAME }));
    await shot('5-exported');

    if (!phone) await switchFilesAndReopen(page, dragged);
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

/** Another recording: nothing of the first one's analysis stays; History reopens it with its panels. */
async function switchFilesAndReopen(page, dragged) {
  const other = '202304_0521.atf';
  await upload(page, other);
  await assertNoAnalysisShown(page, 'after another recording was chosen');
  await page.getByTestId('preset-raw').click();
  await page.getByTestId('file-item').filter({ hasText: UPLOAD_NAME }).click();
  await assertNoAnalysisShown(page, 'after switching back');
  const history = page.getByTestId('panel-history');
  await history.locator('summary').click();
  const row = history.locator('tr').filter({ hasText: UPLOAD_NAME }).first();
  assert.match(await row.getByTestId('history-how').textContent(), /desktop · Batch \(multi-file\) · start auto → \d+/);
  await row.getByTestId('history-open').click();
  await page.getByTestId('q-hyperpol').waitFor();
  const reopened = await results(page);
  close(reopened.q_h, dragged.q_h, 1e-12, 'the reopened analysis keeps the dragged range');
  assert.equal(await page.getByTestId('preset-batch').getAttribute('aria-pressed'), 'true', 'its filter is restored');
  assert.equal(await page.getByTestId('sp-auto').isChecked(), true, 'its starting point is restored');

  // A reload reopens the newest analysis with its panels.
  await page.reload();
  await page.getByTestId('q-hyperpol').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('results-file').textContent(), UPLOAD_NAME);
  assert.equal(
    await page.getByTestId('preset-batch').getAttribute('aria-pressed'),
    'true',
    'reload restores the filter',
  );

  // Deleting the shown recording, then forgetting the session, leaves no plot behind and throws nothing.
  page.on('dialog', (d) => d.accept());
  await page.getByRole('button', { name: `Delete ${UPLOAD_NAME}` }).click();
  await page.getByTestId('empty').waitFor();
  assert.equal(await page.getByTestId('results').count(), 0, 'no results of a deleted recording');
  await page.getByTestId('forget').click();
  await page.getByText('Your data was deleted').waitFor({ timeout: 30_000 });
  await page.getByTestId('session-expiry').waitFor();
  assert.equal(await page.getByTestId('file-item').count(), 0, 'a forgotten session shows no recordings');
  assert.equal(await page.getByTestId('history-open').count(), 0, 'a forgotten session has no history');
}

/** Phone: a vertical swipe over the main plot scrolls the page and leaves the plot's range alone. */
async function swipeScrollsThePage(page) {
  const plot = page.getByTestId('recording-plot');
  await plot.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => ({
    y: window.scrollY,
    range: [...document.querySelector('[data-testid=recording-plot]')._fullLayout.xaxis.range],
  }));
  const box = await plot.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + box.width / 2;
  const y0 = box.y + box.height * 0.7;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let k = 1; k <= 10; k++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 - 25 * k }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForTimeout(400);
  const after = await page.evaluate(() => ({
    y: window.scrollY,
    range: [...document.querySelector('[data-testid=recording-plot]')._fullLayout.xaxis.range],
  }));
  assert.ok(after.y > before.y + 50, `the swipe scrolled the page: scrollY ${before.y} → ${after.y}`);
  assert.deepEqual(after.range, before.range, 'the swipe did not zoom or pan the plot');
}

/** Phone: Linear fit, then two taps (touch events) on two points of the hyperpol curve: one fit is kept. */
async function twoTapFit(page) {
  const card = page.getByTestId('purple-hyperpol');
  await card.scrollIntoViewIfNeeded();
  await page.getByTestId('fit-linear-hyperpol').tap();
  const at = (i) =>
    page.evaluate((index) => {
      const el = document.querySelector('[data-testid=plot-hyperpol]');
      const t = el.data.findIndex((d) => d.name === 'purple');
      const xa = el._fullLayout.xaxis;
      const ya = el._fullLayout.yaxis;
      const r = el.getBoundingClientRect();
      return {
        x: r.left + xa._offset + xa.d2p(el.data[t].x[index]),
        y: r.top + ya._offset + ya.d2p(el.data[t].y[index]),
      };
    }, i);
  const cdp = await page.context().newCDPSession(page);
  const tap = async ({ x, y }) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await tap(await at(150));
  await page.getByTestId('fit-hint-hyperpol').filter({ hasText: /From/ }).waitFor({ timeout: 5_000 });
  await page.waitForTimeout(500);
  await tap(await at(190));
  await cdp.detach();
  await page.getByTestId('fits-hyperpol').waitFor({ timeout: 30_000 });
  const text = await page.getByTestId('fits-hyperpol').textContent();
  assert.match(text, /linear points 1[45]\d–19\d/, `one linear fit over the tapped points: ${text}`);
  assert.match(text, /slope = .* pA\/s/, 'fit parameters carry units');
  await page.waitForFunction(() => !document.querySelector('[data-testid=saving]'));
}

/** The session's own API call, from the page (its token), answered as JSON. */
function apiCall(page, method, path, body) {
  return page.evaluate(
    async ([m, p, b]) => {
      const { sessionId, token } = JSON.parse(localStorage.getItem('signal-analyzer.session'));
      const res = await fetch(`/api/sessions/${sessionId}${p}`, {
        method: m,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: b === null ? undefined : JSON.stringify(b),
      });
      return { status: res.status, json: await res.json() };
    },
    [method, path, body ?? null],
  );
}

const CV_SET = '3';
const CV_UNNAMED = 'cell3 extra.atf';
const CV_UNNAMED_V2 = -45;

async function fitOnPage(page) {
  const out = {};
  for (const key of ['qMaxPc', 'vHalfMv', 'slopeMv']) out[key] = await value(page, `cv-${key}-${CV_SET}`);
  return out;
}

/** The same refit asked of the API directly: what the page shows must be exactly what the API answers. */
async function fitFromApi(page, assignments, excluded) {
  const ids = JSON.parse(await page.getByTestId('cv-sets').getAttribute('data-analysis-ids'));
  const body = { analysisIds: Object.values(ids), assignments };
  if (excluded.length) body.excluded = excluded;
  const r = await apiCall(page, 'POST', '/charge-voltage', body);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.sets.find((x) => x.set === CV_SET);
}

function sameFit(page, api, what) {
  for (const key of ['qMaxPc', 'vHalfMv', 'slopeMv']) close(page[key], api.boltzmann[key], 1e-12, `${key} ${what}`);
}

/**
 * A charge-voltage set: six synthetic files (five named set 3, one whose name tells nothing and is given its set
 * and V2 on the page), run as one set; the page's Boltzmann fit is the API's; a click (or tap) on a point leaves it
 * out and the set is refitted (again the API's numbers); undo takes it back.
 */
async function chargeVoltageFlow(browser, name, contextOptions, phone) {
  const dir = process.env.CV_SET_DIR;
  const params = JSON.parse(process.env.CV_PARAMS);
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const shot = (step) => page.screenshot({ path: join(OUT, `${name}-cv-${step}.png`), fullPage: !phone });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  try {
    const started = Date.now();
    await page.goto(APP_URL);
    await page.getByTestId('session-expiry').waitFor();
    for (const [key, v] of Object.entries(params)) await page.getByTestId(`param-${key}`).fill(String(v));
    const files = readdirSync(dir).filter((f) => f.endsWith('.atf'));
    await page.getByTestId('upload-input').setInputFiles(files.map((f) => join(dir, f)));
    await page.getByTestId('cv-panel').locator('summary').click();
    const boxes = page.getByTestId('cv-files').locator('input[type=checkbox]');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=cv-files] li').length === n,
      files.length,
      {
        timeout: 60_000,
      },
    );
    assert.equal(await boxes.count(), files.length);

    await page.getByTestId(`cv-set-${CV_SET}`).click();
    await page.getByTestId('cv-files').getByLabel(CV_UNNAMED).check();
    assert.equal(await page.getByTestId('cv-run').isDisabled(), true, 'a file that tells no set or V2 stops Run');
    await page.getByLabel(`Set of ${CV_UNNAMED}`, { exact: true }).fill(CV_SET);
    await page.getByLabel(`V2 of ${CV_UNNAMED} in mV`, { exact: true }).fill(String(CV_UNNAMED_V2));
    await page.getByTestId('cv-run').click();
    await page.getByTestId(`cv-vHalfMv-${CV_SET}`).waitFor({ timeout: 120_000 });
    const fitted = await fitOnPage(page);
    const unnamedId = (await apiCall(page, 'GET', '/files')).json.files.find((f) => f.fileName === CV_UNNAMED).fileId;
    const assignments = { [unnamedId]: { set: CV_SET, voltageMv: CV_UNNAMED_V2 } };
    const api = await fitFromApi(page, assignments, []);
    assert.equal(api.points.length, files.length, 'every file is a point of the set');
    sameFit(fitted, api, 'on the page vs the API');
    // The synthetic cell's V½ is -25 mV; a gross error (wrong sign, wrong charge) would land far from it.
    assert.ok(Math.abs(fitted.vHalfMv + 25) < 5, `V½ ${fitted.vHalfMv} mV near the cell's -25 mV`);
    await page.getByTestId(`cv-result-${CV_SET}`).scrollIntoViewIfNeeded();
    await shot('1-fitted');

    // Leave out the point at -5 mV by clicking (tapping) it.
    const plotId = `cv-qv-${CV_SET}`;
    const target = await page.evaluate((id) => {
      const el = document.querySelector(`[data-testid=${id}]`);
      const t = el.data[0];
      // v2Mv is the voltage measured on the command channel: the point nearest -5 mV.
      const i = t.x.reduce((best, x, k) => (Math.abs(x + 5) < Math.abs(t.x[best] + 5) ? k : best), 0);
      const xa = el._fullLayout.xaxis;
      const ya = el._fullLayout.yaxis;
      const r = el.getBoundingClientRect();
      return { id: t.customdata[i], x: r.left + xa._offset + xa.d2p(t.x[i]), y: r.top + ya._offset + ya.d2p(t.y[i]) };
    }, plotId);
    assert.ok(target.id, 'the -5 mV point is on the plot');
    if (phone) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: target.x, y: target.y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    } else {
      await page.mouse.click(target.x, target.y);
    }
    await page.waitForFunction(
      (before) => {
        const v = document.querySelector('[data-testid=cv-vHalfMv-3]')?.getAttribute('data-value');
        return v && Number(v) !== before && !document.querySelector('[data-testid=cv-sets] [role=status]');
      },
      fitted.vHalfMv,
      { timeout: 30_000 },
    );
    const refitted = await fitOnPage(page);
    const apiRefit = await fitFromApi(page, assignments, [target.id]);
    assert.equal(apiRefit.boltzmann.points, files.length - 1, 'the API fitted without the point');
    sameFit(refitted, apiRefit, 'after excluding a point, page vs API');
    const title = await page.getByTestId(`cv-result-${CV_SET}`).locator('h2').textContent();
    assert.match(title, /1 excluded/, `one point (a single ${phone ? 'tap' : 'click'}) is out: ${title}`);
    await shot('2-excluded');

    await page.getByTestId('cv-undo').click();
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-testid=cv-vHalfMv-3]')?.getAttribute('data-value')) === before,
      fitted.vHalfMv,
      { timeout: 30_000 },
    );
    assert.equal(await page.getByTestId('cv-redo').isDisabled(), false, 'the exclusion can be redone');
    if (!phone) {
      // The set's lab workbook, with every point back in: BrowserEndToEndTest reads its Q-V summary (POI).
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId(`cv-export-lab-sets-${CV_SET}`).click(),
      ]);
      await download.saveAs(join(OUT, `${name}-cv-lab-sets.xlsx`));
      writeFileSync(join(OUT, `${name}-cv-screen.json`), JSON.stringify(fitted));
    }
    assert.deepEqual(consoleErrors, [], 'no uncaught errors in the page');
    console.log(
      `${name} set: ${files.length} files, V½ ${fitted.vHalfMv} mV, k ${fitted.slopeMv} mV, Qmax ${fitted.qMaxPc} pC;` +
        ` without -5 mV V½ ${refitted.vHalfMv} mV; ${Date.now() - started} ms`,
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
  const browser = await launchChromium();
  try {
    await t.test('desktop viewport', () =>
      flow(browser, 'desktop', { viewport: { width: 1440, height: 900 } }, dragWithMouse, false),
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
        true,
      ),
    );
    const cv = process.env.CV_SET_DIR && process.env.CV_PARAMS;
    await t.test('charge-voltage set, desktop', { skip: !cv && 'no CV_SET_DIR' }, () =>
      chargeVoltageFlow(browser, 'desktop', { viewport: { width: 1440, height: 900 } }, false),
    );
    await t.test('charge-voltage set, phone', { skip: !cv && 'no CV_SET_DIR' }, () =>
      chargeVoltageFlow(
        browser,
        'phone',
        { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
        true,
      ),
    );
  } finally {
    await browser.close();
  }
});

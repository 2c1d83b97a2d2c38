// Measures, in headless Chromium against a running app: upload of a recording → first plot (ms), and the frame
// rate while panning its plot (requestAnimationFrame count during a 60-step mouse drag), plus how long the
// refetch of the decimated trace for the new window takes after release.
//
//   APP_URL=http://127.0.0.1:8080 FILE=/path/to/big.abf node e2e/measure.mjs
import { launchChromium } from './browser.mjs';

const { APP_URL, FILE } = process.env;
if (!APP_URL || !FILE) {
  console.error('usage: APP_URL=http://host:port FILE=recording node e2e/measure.mjs');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(APP_URL);
  await page.getByTestId('session-expiry').waitFor();
  const t0 = Date.now();
  await page.getByTestId('upload-input').setInputFiles(FILE);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=recording-plot]')?.data?.[0]?.x?.length > 0,
    null,
    { timeout: 120_000 },
  );
  console.log(`upload → first plot: ${Date.now() - t0} ms (${await page.locator('.statusline').textContent()})`);
  const plot = page.getByTestId('recording-plot');
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=recording-plot]');
    const [a, b] = el._fullLayout.xaxis.range;
    window.Plotly.relayout(el, { 'xaxis.range': [a + (b - a) * 0.4, a + (b - a) * 0.5], dragmode: 'pan' });
  });
  await page.waitForTimeout(1500);
  const box = await plot.boundingBox();
  for (let run = 1; run <= 3; run++) {
    await page.evaluate(() => {
      window.__frames = 0;
      window.__run = true;
      const tick = () => {
        if (window.__run) {
          window.__frames++;
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
      window.__t0 = performance.now();
    });
    const y = box.y + box.height / 2;
    let x = box.x + box.width * 0.7;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 0; k < 60; k++) {
      x -= 6;
      await page.mouse.move(x, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const r = await page.evaluate(() => {
      window.__run = false;
      return { frames: window.__frames, ms: performance.now() - window.__t0 };
    });
    const released = Date.now();
    await page.waitForTimeout(50);
    await page.waitForFunction(() => !document.querySelector('.loading-line'), null, { timeout: 60_000 });
    console.log(
      `pan ${run}: ${((r.frames / r.ms) * 1000).toFixed(1)} fps over ${r.ms.toFixed(0)} ms; ` +
        `new window drawn ${Date.now() - released} ms after release`,
    );
  }
} finally {
  await browser.close();
}

// node check-page.cjs <chromium> <expectations.json> <page.html>[=<screenshot.png>] ...
// Opens each page in headless Chromium (Debian's chromium-headless-shell, driven by puppeteer-core)
// and prints, as JSON, what of the expectations (operations, field names, code samples, texts) is
// not visible on load, which requests tried to leave the page (all refused), and the console's
// errors. Judging is left to ReferencePageInBrowserTest.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');

async function check(browser, expected, file, screenshot) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const pageUrl = 'file://' + path.resolve(file);
  const requests = [];
  const consoleErrors = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === pageUrl || /^(data|blob|about):/.test(url)) return void request.continue();
    requests.push(url);
    void request.abort();
  });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForSelector('.opblock', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll('tr.property-row').length > 0);
  const rendered = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0;
    const clean = (s) => s.replace(/[\u200b*]/g, '').trim();
    const all = (selector) => [...document.querySelectorAll(selector)].filter(visible);
    return {
      operations: all('.opblock-summary').map((s) => {
        const method = s.querySelector('.opblock-summary-method');
        const p = s.querySelector('.opblock-summary-path');
        return `${clean(method ? method.innerText : '')} ${clean(p ? p.getAttribute('data-path') || p.innerText : '')}`;
      }),
      fields: all('tr.property-row > td:first-child').map((td) => clean(td.innerText)),
      samples: all('pre.reference-code-sample').map((pre) => pre.innerText),
      text: document.body.innerText,
    };
  });
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const samples = new Set(rendered.samples.map(squash));
  const fields = new Set(rendered.fields);
  const operations = new Set(rendered.operations);
  const result = {
    page: file,
    missingOperations: expected.operations.filter((o) => !operations.has(o)),
    missingFields: expected.fields.filter((f) => !fields.has(f)),
    missingSamples: expected.samples.filter((s) => !samples.has(squash(s))).map((s) => s.split('\n')[0]),
    missingTexts: expected.texts.filter((t) => !rendered.text.includes(t)),
    requests,
    consoleErrors,
  };
  // the top 4,000 px at the page's full width (the header, the first operation and its schema):
  // the whole expanded page is some 64,000 px tall, an image no viewer shows usefully, and took 5 s
  // of the build to encode
  if (screenshot) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({
      path: screenshot,
      clip: { x: 0, y: 0, width, height: 4000 },
      captureBeyondViewport: true,
    });
  }
  await page.close();
  return result;
}

(async () => {
  const [chromium, expectationsFile, ...pages] = process.argv.slice(2);
  const expected = JSON.parse(fs.readFileSync(expectationsFile, 'utf8'));
  // the browser's profile, removed when it has closed: each run leaves nothing in the temp dir
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-chromium-'));
  try {
    await checkPages(chromium, profile, expected, pages);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

async function checkPages(chromium, profile, expected, pages) {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    const results = [];
    for (const arg of pages) {
      const [file, screenshot] = arg.split('=');
      results.push(await check(browser, expected, file, screenshot));
    }
    process.stdout.write(JSON.stringify(results));
  } finally {
    await browser.close();
  }
}

import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3115';
const [who, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
await page.goto(`${base}/login`);
await page.getByRole('button', { name: who, exact: true }).click();
await page.getByTestId('current-user').waitFor();
let i = 0;
for (const p of paths) {
  if (p.startsWith('click:')) {
    await page.getByRole('link', { name: p.slice(6) }).first().click();
  } else if (p.startsWith('button:')) {
    await page.getByRole('button', { name: p.slice(7) }).first().click();
  } else await page.goto(`${base}${p}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/agr-shots/${who.split(' ')[0]}-${i++}.png`, fullPage: true });
  console.log(i - 1, page.url());
}
await browser.close();

/**
 * The common journey, request → order, as a caseworker does it in the browser on the demo data, counted.
 *
 * Method: Chromium (headless, /usr/bin/chromium) against the e2e server (fresh embedded database with the demo
 * data); Maria Vestergaard is logged in and on her start page. The journey: find Mette Kjærsgaard by CPR, register a
 * request, send the receipt, assess (six activity themes and the overall support need: the least that makes the
 * assessment complete), use the proposal, decide (date, start, reasons, party hearing), order (offer, first follow-up
 * and one SMART goal). Every click (buttons, links, check boxes, radio buttons), every field typed into and every
 * drop-down chosen goes through the counters below; nothing is done through the API. The time is the machine's:
 * from the first action to the order shown as placed, waiting for each page as a user would, with no reading or
 * typing time (a person adds that; the counts are what the product decides). Also the tallest page seen before a
 * click (scrollHeight at 1280 × 720): how far the user scrolls. Printed as one JSON line.
 * Run: `E2E_PORT=31xx npx playwright test --config bench/playwright.journey.config.ts`.
 */
import { expect, type Locator, test } from '@playwright/test';
import { daysFromToday } from '../tests/e2e/pages/api-setup.ts';
import { LoginPage } from '../tests/e2e/pages/app.page.ts';

test('request → order, clicks, typed fields and seconds', async ({ page }) => {
  const count = { clicks: 0, typed: 0, chosen: 0 };
  // The tallest page the journey showed, in CSS pixels at the default 1280 × 720 viewport: how far a user scrolls.
  let tallestPage = 0;
  const measure = async () => {
    tallestPage = Math.max(tallestPage, await page.evaluate(() => document.documentElement.scrollHeight));
  };
  const click = async (l: Locator) => {
    count.clicks++;
    await measure();
    await l.click();
  };
  const check = async (l: Locator) => {
    count.clicks++;
    await l.check();
  };
  const type = async (l: Locator, value: string) => {
    count.typed++;
    await l.fill(value);
  };
  const choose = async (l: Locator, label: string) => {
    count.chosen++;
    await l.selectOption({ label });
  };

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  const started = performance.now();

  await type(page.getByLabel('CPR-nummer eller navn'), '740385-1234');
  await click(page.getByRole('button', { name: 'Søg' }));
  await click(page.getByTestId('citizen-results').getByRole('link', { name: 'Mette Kjærsgaard' }));
  await click(page.getByRole('button', { name: 'Ny henvendelse' }));
  const title = page.getByLabel('Sagens titel');
  if (await title.count()) await type(title, 'Bostøtte i eget hjem');
  await type(page.getByLabel('Hvad henvendelsen drejer sig om'), 'Ønsker socialpædagogisk støtte i eget hjem (§ 85).');
  await type(page.getByLabel('Modtaget'), daysFromToday(-2));
  await click(page.getByRole('button', { name: 'Opret sag' }));
  await expect(page.getByTestId('case-status')).toContainText('Henvendelse modtaget');

  await click(page.getByRole('button', { name: 'Send kvittering' }));
  await click(page.getByRole('button', { name: 'Send kvitteringen' }));
  await expect(page.getByTestId('case-status')).toContainText('Kvittering sendt');
  await click(page.getByRole('button', { name: 'Start udredning' }));
  for (const theme of ['Praktiske opgaver', 'Egenomsorg', 'Mobilitet', 'Kommunikation', 'Samfundsliv', 'Relationer']) {
    await choose(page.getByLabel(`Funktionsevneniveau: ${theme}`), 'Moderat nedsat funktionsevne');
  }
  await choose(page.getByLabel('Samlet støttebehov'), 'Moderat støttebehov');
  await click(page.getByRole('button', { name: 'Gem udredning' }));
  await expect(page.getByTestId('assessment-completeness')).toContainText('Udredningen er fuldstændig');
  // With the case page in sections (issue 16), the decision is a section of its own, one link away.
  const toDecision = page.getByTestId('next-step').getByRole('link', { name: 'Gå til afgørelsen' });
  if (await toDecision.count()) await click(toDecision);

  await click(page.getByRole('button', { name: 'Brug forslaget i afgørelsen' }));
  await expect(page.getByLabel('Timer pr. uge (ATA)')).toHaveValue(/.+/);
  await type(page.getByLabel('Afgørelsesdato'), daysFromToday(0));
  await type(page.getByLabel('Startdato'), daysFromToday(14));
  await type(page.getByLabel('Begrundelse'), 'Borgeren har behov for støtte til struktur og økonomi, jf. udredningen.');
  await check(page.getByLabel('Borgeren er partshørt'));
  await click(page.getByRole('button', { name: 'Træf afgørelse' }));
  await expect(page.getByTestId('case-status')).toContainText('Afgørelse truffet');

  await choose(page.getByLabel('Tilbud', { exact: true }), 'Bostøtten i Socialpsykiatrien (SEL § 85)');
  await type(page.getByLabel('Første opfølgning'), daysFromToday(90));
  await type(page.getByLabel('Mål (specifikt)'), 'Mette handler selv ind én gang om ugen');
  await type(page.getByLabel('Indikator (målbart)'), 'Antal indkøb pr. uge uden støtte');
  await type(page.getByLabel('Måldato'), daysFromToday(180));
  await choose(page.getByLabel('Primær FFB-tilstand'), 'Praktiske opgaver');
  await choose(page.getByLabel('Måltype'), 'Udvikle funktionsevne');
  await choose(page.getByLabel('Aktuelt støttebehov (FKO)'), 'Højt støttebehov');
  await choose(page.getByLabel('Mål for støttebehov (FKO)'), 'Moderat støttebehov');
  await click(page.getByRole('button', { name: 'Bestil', exact: true }));
  await expect(page.getByTestId('case-status')).toContainText('Bestilt');

  const seconds = (performance.now() - started) / 1000;
  await measure();
  const result = {
    journey: 'request→order',
    ...count,
    actions: count.clicks + count.typed + count.chosen,
    seconds: +seconds.toFixed(1),
    tallestPage,
  };
  console.log(JSON.stringify(result));
  test.info().annotations.push({ type: 'result', description: JSON.stringify(result) });
});

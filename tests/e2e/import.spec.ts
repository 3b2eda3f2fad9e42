import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

/**
 * Issue 15: an administrator imports a file with errors, reads them (line, column, reason), fixes the file and imports
 * it, and then sees the day's FFB deliveries — with zero axe violations on the way.
 */
const HEADER =
  'kommunekode;cpr;fornavn;efternavn;sagsnummer;modtaget;henvendelse;vurderet;stoettebehov;tilstande;primaer_maalgruppe;maal1_tilstand;maal1_niveau;maal1_maaltype;afgoerelsesdato;paragraf;udfald;timer_pr_uge;startdato;begrundelse;partshoering;tilbud;bestilt;foerste_opfoelgning;ydelser';
const BORGE = [
  '760',
  '010181-4321',
  'Børge',
  'Mogensen',
  'E2E-IMP-1',
  '26-05-2021',
  'Ønsker støtte i hverdagen',
  '29-05-2021',
  'Let støttebehov',
  'Indgå i samspil og kontakt:2|Købe ind:2|Spise:3|Bevidsthedstilstand',
  'Anden udviklingsforstyrrelse',
  'Indgå i samspil og kontakt',
  '1',
  'Fastholde funktionsevne',
  '29-05-2021',
  'SEL § 85',
  'bevilget',
  '3',
  '01-06-2021',
  'Udredningen viser behov for støtte.',
  'udført',
  'bostoetten',
  '29-05-2021',
  '29-08-2021',
  'Støtte til daglige opgaver i hjemmet|Støtte til sund levevis',
];
/**
 * Line 2: a CPR date that does not exist; line 3: a decision date that does not exist (so its order has no grant).
 * Danish Excel saves Windows-1252.
 */
const broken = [
  HEADER,
  BORGE.map((v, i) => (i === 1 ? '320181-4321' : v)).join(';'),
  BORGE.map((v, i) => (i === 4 ? 'E2E-IMP-2' : i === 14 ? '30-02-2021' : i === 1 ? '020181-4322' : v)).join(';'),
].join('\r\n');
const fixed = [HEADER, BORGE.join(';')].join('\r\n');
const windows1252 = (text: string) => Buffer.from(text, 'latin1');

async function chooseFile(page: Page, name: string, content: Buffer) {
  await page.getByLabel('Fil', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: 'Kontrollér fil' }).click();
}

test('an administrator imports a file with errors, fixes it, imports it and sees the day’s FFB deliveries', async ({ page }) => {
  // The FFB run at the end reports a whole demo municipality; the rest of the journey is quick.
  test.setTimeout(600_000);
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Camilla Brandt');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import fra tidligere system' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hent skabelon: Borgere og sager (CSV)' })).toBeVisible();

  // The file with errors: every bad row named by line, column and reason; nothing imported.
  await chooseFile(page, 'sager-fra-gammelt-system.csv', windows1252(broken));
  await expect(page.getByText('Filen har 3 fejl. Intet er importeret.')).toBeVisible();
  await expect(page.getByText(/tegnsæt windows-1252/)).toBeVisible();
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row', { name: /^2 cpr .*320181-4321/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /^3 afgoerelsesdato Datoen findes ikke\. 30-02-2021/ })).toBeVisible();
  await expect(errors.getByRole('row', { name: /^3 udfald En bestilling kræver en bevillingsafgørelse/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Importér/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The fixed file: checked, then imported with progress, in one go.
  await chooseFile(page, 'sager-rettet.csv', windows1252(fixed));
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('Nye sager');
  await expect(counts).toContainText('Bestillinger');
  await page.getByRole('button', { name: 'Importér filen (1 rækker)' }).click();
  await expect(page.getByText('Filen er importeret')).toBeVisible();
  await expect(counts.getByRole('definition').nth(1)).toHaveText('1'); // Sager oprettet
  const history = page.getByTestId('import-history');
  await expect(history.getByRole('row', { name: /sager-rettet\.csv.*Importeret/ })).toBeVisible();
  await expect(history.getByRole('row', { name: /sager-fra-gammelt-system\.csv.*Fejl \(3 fejl\)/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The same file again adds nothing.
  await chooseFile(page, 'sager-rettet.csv', windows1252(fixed));
  await expect(page.getByText(/Den samme fil blev importeret/)).toBeVisible();
  await expect(counts.getByText('Sager, der allerede er importeret')).toBeVisible();

  // The day's FFB deliveries: run now, and the imported citizen's report is there.
  await page.getByRole('link', { name: 'Indberetning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indberetning' })).toBeVisible();
  await page.getByRole('button', { name: 'Indberet nu' }).click();
  // The first run reports every demo citizen of the municipality (two years of generated history): a job's work.
  await expect(page.getByText('Indberetningen er kørt')).toBeVisible({ timeout: 300_000 });
  await expect(page.getByTestId('ffb-day-summary')).toContainText(/Modtaget af KL: \d+/);
  // The demo citizens' reports are received too (the generator's data validates): the imported citizen's report is
  // among the received ones, on whichever page of the list the order puts it.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Modtaget af KL' });
  const deliveries = page.getByTestId('ffb-deliveries');
  const borge = deliveries.getByRole('row', { name: /Børge Mogensen 010181-4321 .* Modtaget af KL/ });
  const next = page.getByRole('navigation', { name: 'Sider' }).first().getByRole('button', { name: 'Næste' });
  await expect(async () => {
    if (!(await borge.isVisible()) && (await next.isEnabled())) await next.click();
    await expect(borge).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expectNoAxeViolations(page);
});

import { expect, test } from '@playwright/test';
import { CitizenSearchPage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('a caseworker registers a request from the citizen overview, sends the receipt and sees the deadlines', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const search = new CitizenSearchPage(page);
  await search.searchFromHome('740385-1234');
  await search.openResult('Mette Kjærsgaard');

  await page.getByRole('button', { name: 'Ny henvendelse' }).click();
  await page.getByLabel('Hvad henvendelsen drejer sig om').fill('Ønsker socialpædagogisk støtte i eget hjem (§ 85).');
  await page.getByLabel('Modtaget').fill('2026-11-16');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Opret sag' }).click();

  await expect(page.getByTestId('case-status')).toContainText('Henvendelse modtaget');
  const deadlines = page.getByTestId('case-deadlines');
  // Receipt: 14 days from Monday 16 November 2026 is Monday 30 November; decision 3 months: 16 February 2027.
  await expect(deadlines.getByRole('row', { name: /Kvittering/ })).toContainText('30.11.2026');
  await expect(deadlines.getByRole('row', { name: /Afgørelse/ })).toContainText('16.02.2027');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Send kvittering' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Kvittering sendt');
  await expect(deadlines.getByRole('row', { name: /Kvittering/ })).toContainText('Overholdt');
  await expect(page.getByTestId('case-documents').getByRole('link', { name: /Kvittering for henvendelse/ })).toBeVisible();
  await expect(page.getByTestId('case-timeline')).toContainText('Kvittering sendt');
  const pdf = await page.request.get(
    (await page.getByTestId('case-documents').getByRole('link').first().getAttribute('href')) ?? '',
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await page.getByLabel('Emne').fill('Telefonsamtale');
  await page.getByLabel('Notat', { exact: true }).fill('Aftalt hjemmebesøg den 24. november.');
  await page.getByRole('button', { name: 'Tilføj notat' }).click();
  await expect(page.getByTestId('case-timeline')).toContainText('Aftalt hjemmebesøg den 24. november.');
  await expectNoAxeViolations(page);

  // Assessment on one screen: the six activity themes and the support need make it complete.
  await page.getByRole('button', { name: 'Start udredning' }).click();
  const completeness = page.getByTestId('assessment-completeness');
  await expect(completeness).toContainText('Praktiske opgaver');
  await expectNoAxeViolations(page);
  for (const theme of ['Praktiske opgaver', 'Egenomsorg', 'Mobilitet', 'Kommunikation', 'Samfundsliv', 'Relationer']) {
    await page.getByLabel(`Funktionsevneniveau: ${theme}`).selectOption({ label: 'Moderat nedsat funktionsevne' });
    await page.getByLabel(`Kilde: ${theme}`).selectOption({ label: 'Borger' });
  }
  await page.getByLabel('Borgerens ønsker og mål: Praktiske opgaver').fill('Vil selv kunne handle ind');
  await page.getByLabel('Samlet støttebehov').selectOption({ label: 'Moderat støttebehov' });
  await page.getByRole('button', { name: 'Gem udredning' }).click();
  await expect(completeness).toContainText('Udredningen er fuldstændig');
  await expectNoAxeViolations(page);

  // The decision: a person decides, against the service level in force, with reasons.
  await page
    .getByLabel('Serviceniveau (gældende version)')
    .selectOption({ label: 'Socialpædagogisk støtte (SEL § 85), version 1' });
  await page.getByLabel('Afgørelsesdato').fill('2026-11-20');
  await page.getByLabel('Timer pr. uge (ATA)').fill('120');
  await page.getByLabel('Startdato').fill('2026-12-01');
  await page.getByLabel('Begrundelse').fill('Borgeren har behov for støtte til struktur og økonomi, jf. udredningen.');
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(page.locator('#d-weeklyHours-error')).toContainText('uden for alle borgerprofiler');
  await page.getByLabel('Timer pr. uge (ATA)').fill('3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afgørelse truffet');
  await expect(page.getByTestId('case-documents')).toContainText('Afgørelse');
  await expect(deadlines.getByRole('row', { name: /Iværksættelse/ })).toContainText('18.12.2026');

  // The order: the offer, one SMART goal with its FFB condition, goal type and FKO baseline and target.
  await page.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Drosselvej (SEL § 103, SEL § 104)' });
  await page.getByLabel('Første opfølgning').fill('2027-03-01');
  await page.getByLabel('Mål (specifikt)').fill('Mette handler selv ind én gang om ugen');
  await page.getByLabel('Indikator (målbart)').fill('Antal indkøb pr. uge uden støtte');
  await page.getByLabel('Måldato').fill('2027-05-31');
  await page.getByLabel('Primær FFB-tilstand').selectOption({ label: 'Praktiske opgaver' });
  await page.getByLabel('Måltype').selectOption({ label: 'Udvikle funktionsevne' });
  await page.getByLabel('Aktuelt støttebehov (FKO)').selectOption({ label: 'Højt støttebehov' });
  await page.getByLabel('Mål for støttebehov (FKO)').selectOption({ label: 'Moderat støttebehov' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Bestil', exact: true }).click();
  await expect(page.getByTestId('case-status')).toContainText('Bestilt');
  await expect(page.getByTestId('case-timeline')).toContainText('Bestilt hos Drosselvej');

  await page.getByRole('link', { name: 'Mine sager', exact: true }).click();
  await expect(page.getByTestId('my-cases')).toContainText('Mette Kjærsgaard');
  await expectNoAxeViolations(page);
});

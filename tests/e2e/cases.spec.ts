import { expect, test } from '@playwright/test';
import { onOrNextDeadlineDay } from '../../src/rules/calendar/closed-days.ts';
import { addDays, addWeeks } from '../../src/rules/calendar/date-arithmetic.ts';
import { plainDate } from '../../src/shared/plain-date.ts';
import { danish, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, CitizenSearchPage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('a caseworker registers a request from the citizen overview, sends the receipt and sees the deadlines', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const search = new CitizenSearchPage(page);
  await search.searchFromHome('740385-1234');
  await search.openResult('Mette Kjærsgaard');

  await page.getByRole('button', { name: 'Ny henvendelse' }).click();
  await page.getByLabel('Sagens titel').fill('Bostøtte: struktur og økonomi');
  await page.getByLabel('Hvad henvendelsen drejer sig om').fill('Ønsker socialpædagogisk støtte i eget hjem (§ 85).');
  await page.getByLabel('Modtaget').fill('2026-11-16');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Opret sag' }).click();

  // The header stays in view on every section: the case's own title, status, next deadline and caseworker.
  const casePage = new CaseFilePage(page);
  const header = page.getByTestId('case-header');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Bostøtte: struktur og økonomi');
  await expect(page.getByTestId('case-status')).toContainText('Henvendelse modtaget');
  await expect(page.getByTestId('case-legal-basis')).toHaveText('Ingen afgørelse endnu');
  await expect(page.getByTestId('case-caseworker')).toHaveText('Maria Vestergaard');
  await expect(page.getByTestId('case-next-deadline')).toContainText('Kvittering 30.11.2026');
  const deadlines = page.getByTestId('case-deadlines');
  // Receipt: 14 days from Monday 16 November 2026 is Monday 30 November; decision 3 months: 16 February 2027.
  await expect(deadlines.getByRole('row', { name: /Kvittering/ })).toContainText('30.11.2026');
  await expect(deadlines.getByRole('row', { name: /Afgørelse/ })).toContainText('16.02.2027');
  await expectNoAxeViolations(page);

  // The receipt is shown as the citizen will get it before it is sent; its free text can be edited first.
  await page.getByRole('button', { name: 'Send kvittering' }).click();
  const draft = page.getByTestId('draft-letter');
  await expect(draft.getByRole('article', { name: /Kvittering/ })).toContainText('Ønsker socialpædagogisk støtte i eget hjem');
  await page.getByLabel('Personlig besked (valgfri)').fill('Ring endelig, hvis du har spørgsmål.');
  await expect(draft).toContainText('Du har ændret formularen');
  await page.getByRole('button', { name: 'Vis brevet (Kvittering til borgeren)' }).click();
  await expect(draft.getByRole('article')).toContainText('Ring endelig, hvis du har spørgsmål.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send kvitteringen' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Kvittering sendt');
  // Due 30 November: met if sent by then; sent later, it was overdue and is met today (never "Overholdt for sent").
  const sentOn = daysFromToday(0);
  await expect(deadlines.getByRole('row', { name: /Kvittering/ })).toContainText(
    sentOn <= '2026-11-30' ? 'Overholdt' : `Overskredet, opfyldt ${danish(sentOn)}`,
  );
  await casePage.section('Breve');
  await expect(page.getByTestId('case-documents').getByRole('link', { name: /Kvittering for henvendelse/ })).toBeVisible();
  await casePage.section('Journal');
  await expect(page.getByTestId('case-timeline')).toContainText('Kvittering sendt');
  await casePage.section('Breve');
  const pdf = await page.request.get(
    (await page.getByTestId('case-documents').getByRole('link').first().getAttribute('href')) ?? '',
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await casePage.section('Journal');
  await page.getByLabel('Emne').fill('Telefonsamtale');
  await page.getByLabel('Notat', { exact: true }).fill('Aftalt hjemmebesøg den 24. november.');
  await page.getByRole('button', { name: 'Tilføj notat' }).click();
  // The journal reads newest first: the note just written is the first entry, the request the last.
  const entries = page.getByTestId('case-timeline').getByRole('listitem');
  await expect(entries.first()).toContainText('Aftalt hjemmebesøg den 24. november.');
  await expect(entries.last()).toContainText('Henvendelse modtaget');
  await expectNoAxeViolations(page);

  // Assessment on one screen: the six activity themes and the support need make it complete. The next step is in
  // the same place on every section; starting the assessment takes the page to it.
  await casePage.nextStep().getByRole('button', { name: 'Start udredning' }).click();
  await casePage.expectSection('Udredning');
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
  await casePage.nextStep().getByRole('link', { name: 'Gå til afgørelsen' }).click();
  await casePage.expectSection('Afgørelse');

  // The proposal explains a profile and the least intrusive service; using it fills in the service level and hours.
  const proposal = page.getByTestId('proposal');
  await expect(proposal).toContainText('Støtte i eget hjem');
  await expect(proposal).toContainText('VUM-kategori C');
  await expect(page.getByTestId('proposal-profile')).toContainText('Profil 2');
  await expect(proposal).toContainText('Sagsbehandleren træffer afgørelsen');
  await page.getByRole('button', { name: 'Brug forslaget i afgørelsen' }).click();
  await expect(page.getByLabel('Serviceniveau (gældende version)')).toHaveValue(/.+/);
  await expect(page.getByLabel('Timer pr. uge (ATA)')).toHaveValue('2,5');
  // The decision: a person decides, against the service level in force, with reasons.
  await page.getByLabel('Afgørelsesdato').fill('2026-11-20');
  await page.getByLabel('Timer pr. uge (ATA)').fill('120');
  await page.getByLabel('Startdato').fill('2026-12-01');
  await page.getByLabel('Begrundelse').fill('Borgeren har behov for støtte til struktur og økonomi, jf. udredningen.');
  await page.getByLabel('Borgeren er partshørt').check();
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  // Above the highest profile the decision needs a justification (and then the team leader's approval).
  await expect(page.locator('#d-hoursJustification-error')).toContainText('konkrete, individuelle begrundelse');
  await page.getByLabel('Timer pr. uge (ATA)').fill('3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afgørelse truffet');
  await expect(page.getByTestId('case-legal-basis')).toHaveText('SEL § 85');
  // The next step is the order: the page follows the case to its plan.
  await casePage.expectSection('Plan og mål');

  // The order: the offer, one SMART goal with its FFB condition, goal type and FKO baseline and target.
  await page.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Bostøtten i Socialpsykiatrien (SEL § 85)' });
  await page.getByLabel('Første opfølgning').fill(daysFromToday(90));
  await page.getByLabel('Mål (specifikt)').fill('Mette handler selv ind én gang om ugen');
  await page.getByLabel('Indikator (målbart)').fill('Antal indkøb pr. uge uden støtte');
  await page.getByLabel('Måldato').fill(daysFromToday(180));
  await page.getByLabel('Primær FFB-tilstand').selectOption({ label: 'Praktiske opgaver' });
  await page.getByLabel('Måltype').selectOption({ label: 'Udvikle funktionsevne' });
  await page.getByLabel('Aktuelt støttebehov (FKO)').selectOption({ label: 'Højt støttebehov' });
  await page.getByLabel('Mål for støttebehov (FKO)').selectOption({ label: 'Moderat støttebehov' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Bestil', exact: true }).click();
  await expect(page.getByTestId('case-status')).toContainText('Bestilt');
  await expect(page.getByTestId('case-order')).toContainText('Mette handler selv ind én gang om ugen');
  await casePage.section('Journal');
  await expect(page.getByTestId('case-timeline')).toContainText('Bestilt hos Bostøtten i Socialpsykiatrien');
  await casePage.section('Afgørelse');
  await expect(page.getByTestId('case-record')).toContainText('3 timer pr. uge (borgerprofil 3)');
  await casePage.section('Overblik');
  await expect(deadlines.getByRole('row', { name: /Iværksættelse/ })).toContainText('18.12.2026');

  // The decision letter, previewed in the page from the same text as the PDF.
  await casePage.section('Breve');
  await expect(page.getByTestId('case-documents')).toContainText('Afgørelse');
  await page.getByRole('button', { name: 'Vis brevet Afgørelse' }).click();
  await expect(page.getByRole('article', { name: /Afgørelse om socialpædagogisk støtte/ })).toContainText('Begrundelse');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Mine sager', exact: true }).click();
  await expect(page.getByTestId('my-cases')).toContainText('Mette Kjærsgaard');
  // The work list shows the case by its own title.
  await expect(page.getByTestId('my-cases').getByRole('link', { name: 'Bostøtte: struktur og økonomi' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a refused § 107 application: complaint registered, decision maintained and forwarded to Ankestyrelsen', async ({
  page,
}) => {
  // Dates relative to the day the suite runs: decided 11 days ago, the request 18 days before that, the complaint
  // phoned in today, inside the 4 weeks.
  const today = plainDate(daysFromToday(0));
  const decidedOn = plainDate(daysFromToday(-11));
  const receivedOn = addDays(decidedOn, -18);
  const complaintDeadline = onOrNextDeadlineDay(addWeeks(decidedOn, 4), 'citizen_deadline');
  const forwardBy = onOrNextDeadlineDay(addWeeks(today, 4), 'public_holidays');
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const search = new CitizenSearchPage(page);
  await search.searchFromHome('620792-1418');
  await search.openResult('Søren Østergård');

  await page.getByRole('button', { name: 'Ny henvendelse' }).click();
  await page.getByLabel('Sagens titel').fill('Midlertidigt botilbud');
  await page.getByLabel('Hvad henvendelsen drejer sig om').fill('Ansøger om midlertidigt botilbud (§ 107).');
  await page.getByLabel('Modtaget').fill(receivedOn);
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const casePage = new CaseFilePage(page);
  await page.getByRole('button', { name: 'Send kvittering' }).click();
  await page.getByRole('button', { name: 'Send kvitteringen' }).click();
  await page.getByRole('button', { name: 'Start udredning' }).click();
  for (const theme of ['Praktiske opgaver', 'Egenomsorg', 'Mobilitet', 'Kommunikation', 'Samfundsliv', 'Relationer']) {
    await page.getByLabel(`Funktionsevneniveau: ${theme}`).selectOption({ label: 'Let nedsat funktionsevne' });
  }
  await page.getByLabel('Samlet støttebehov').selectOption({ label: 'Let støttebehov' });
  await page.getByRole('button', { name: 'Gem udredning' }).click();
  await expect(page.getByTestId('assessment-completeness')).toContainText('Udredningen er fuldstændig');
  await casePage.nextStep().getByRole('link', { name: 'Gå til afgørelsen' }).click();
  // The proposal points to the own home, not to the § 107 housing asked for.
  await expect(page.getByTestId('proposal')).toContainText('Støtte i eget hjem');

  await page.getByLabel('Afslag').check();
  await page
    .getByLabel('Serviceniveau (gældende version)')
    .selectOption({ label: 'Midlertidigt botilbud (SEL § 107), version 1' });
  await page.getByLabel('Afgørelsesdato').fill(decidedOn);
  await page
    .getByLabel('Begrundelse')
    .fill('Udredningen viser et let støttebehov, som kan dækkes af støtte i eget hjem (indsatstrappen).');
  await page.getByLabel('Partshøring er ikke nødvendig').check();
  await page.getByLabel('Hvorfor var partshøring ikke nødvendig?').fill('Afgørelsen bygger kun på borgerens egne oplysninger.');
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afslag');
  // The complaint deadline is the citizen's: the header's next deadline is the municipality's only.
  await expect(page.getByTestId('case-next-deadline')).not.toContainText('Klagefrist');
  await casePage.section('Overblik');
  const deadlines = page.getByTestId('case-deadlines');
  // 4 weeks from the decision, to the next day the offices are open. A written or digital complaint is in time until
  // midnight; only an oral one ends at the close of office hours in Ringkøbing-Skjern (seed 001; rsl. § 67).
  await expect(deadlines.getByRole('row', { name: /Klagefrist/ })).toContainText(
    `${danish(complaintDeadline)} (mundtligt inden kl. 15:00)`,
  );
  await expectNoAxeViolations(page);

  // The citizen phones in a complaint.
  await casePage.section('Afgørelse');
  await page.getByRole('button', { name: 'Registrér klage' }).click();
  await page.getByLabel('Mundtlig').check();
  await page.getByLabel('Modtaget den').fill(today);
  await page.getByLabel('Klokkeslæt (mundtlig klage)').fill('10:15');
  await page.getByLabel('Hvad klager borgeren over?').fill('Søren mener ikke, han kan bo alene og ønsker botilbud.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Registrér klagen' }).click();
  const complaints = page.getByTestId('case-complaints');
  await expect(complaints.getByTestId('complaint-status')).toHaveText('Til genvurdering');
  await expect(complaints).toContainText('Inden for klagefristen');
  // Forwarding is the municipality's deadline: the header shows it.
  await expect(page.getByTestId('case-next-deadline')).toContainText(`Oversendelse til Ankestyrelsen ${danish(forwardBy)}`);
  await expectNoAxeViolations(page);

  // Reconsideration: nothing is chosen for the caseworker; the decision is maintained and goes to Ankestyrelsen.
  await expect(page.getByLabel('Afgørelsen fastholdes (sendes til Ankestyrelsen)')).not.toBeChecked();
  await expect(page.getByLabel('Borgeren får medhold (ny afgørelse)')).not.toBeChecked();
  await page.getByLabel('Afgørelsen fastholdes (sendes til Ankestyrelsen)').check();
  await page.getByLabel('Dato for genvurdering').fill(daysFromToday(0));
  await page.getByLabel('Begrundelse for genvurderingen').fill('Klagen giver ingen nye oplysninger. Afgørelsen fastholdes.');
  // The forwarding letter, shown before the complaint goes to Ankestyrelsen.
  await page.getByRole('button', { name: 'Vis brevet (Oversendelse til Ankestyrelsen)' }).click();
  await expect(complaints.getByTestId('draft-letter').getByRole('article', { name: /Oversendelse af klage/ })).toContainText(
    'Søren mener ikke, han kan bo alene',
  );
  await page.getByRole('button', { name: 'Fasthold og send til Ankestyrelsen' }).click();
  await expect(complaints.getByTestId('complaint-status')).toHaveText('Sendt til Ankestyrelsen');
  await casePage.section('Overblik');
  await expect(deadlines.getByRole('row', { name: /Oversendelse til Ankestyrelsen/ })).toContainText('Overholdt');
  await casePage.section('Breve');
  await page.getByRole('button', { name: 'Vis brevet Oversendelse til Ankestyrelsen' }).click();
  const letter = page.getByRole('article', { name: /Oversendelse af klage/ });
  await expect(letter).toContainText('Ankestyrelsen');
  await expect(letter).toContainText('Søren mener ikke, han kan bo alene');
  await expect(letter).toContainText('Udredningen viser et let støttebehov');
  const pdf = await page.request.get(
    (await page
      .getByTestId('case-documents')
      .getByRole('link', { name: /Oversendelse til Ankestyrelsen/ })
      .getAttribute('href')) ?? '',
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await expectNoAxeViolations(page);

  // Ankestyrelsen confirms.
  await casePage.section('Afgørelse');
  await page.getByLabel('Afgørelse', { exact: true }).selectOption({ label: 'Stadfæstet' });
  await page.getByLabel('Dato', { exact: true }).fill(daysFromToday(0));
  await page.getByRole('button', { name: 'Registrér Ankestyrelsens afgørelse' }).click();
  await expect(complaints.getByTestId('complaint-status')).toHaveText('Afgjort af Ankestyrelsen');
  await casePage.section('Journal');
  await expect(page.getByTestId('case-timeline')).toContainText('Ankestyrelsens afgørelse: stadfæstet');
  await expectNoAxeViolations(page);

  // The refusal stands; the case is closed with a reason for the journal.
  await page.getByRole('button', { name: 'Luk sagen' }).click();
  await page.getByLabel('Hvorfor lukkes sagen?').fill('Afslaget er stadfæstet af Ankestyrelsen.');
  await page.getByRole('button', { name: 'Luk sagen' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afsluttet');
  await expectNoAxeViolations(page);
});

test('an overdue decision deadline gets the drafted notice to the citizen', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const search = new CitizenSearchPage(page);
  await search.searchFromHome('740385-1234');
  await search.openResult('Mette Kjærsgaard');
  await page.getByRole('button', { name: 'Ny henvendelse' }).click();
  await page.getByLabel('Sagens titel').fill('Bostøtte');
  await page.getByLabel('Hvad henvendelsen drejer sig om').fill('Ansøger om bostøtte.');
  await page.getByLabel('Modtaget').fill('2026-06-01');
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const deadlines = page.getByTestId('case-deadlines');
  await expect(deadlines.getByRole('row', { name: /Afgørelse/ })).toContainText('Overskredet');
  await page.getByRole('button', { name: 'Skriv varsel (Afgørelse)' }).click();
  await expect(page.getByLabel('Årsag')).toHaveValue(/Vi mangler oplysninger/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send varslet' }).click();
  await expect(deadlines.getByRole('row', { name: /Afgørelse/ })).toContainText('varsel sendt');
  await new CaseFilePage(page).section('Breve');
  await expect(page.getByTestId('case-documents')).toContainText('Varsel om overskredet frist');
  await expectNoAxeViolations(page);

  // Printed as one PDF for an access request: the purpose is the user's to name, and nothing is chosen for them.
  await page.getByRole('button', { name: 'Udskriv / PDF' }).click();
  const exportForm = page.getByTestId('case-export');
  await exportForm.getByRole('button', { name: 'Hent PDF' }).click();
  await expect(page.locator('#export-purpose-error')).toContainText('Vælg, hvad udskriften skal bruges til');
  await expectNoAxeViolations(page);
  await exportForm.getByLabel('Aktindsigt').check();
  const request = page.context().waitForEvent('request', (r) => r.url().includes('/export?'));
  await exportForm.getByRole('button', { name: 'Hent PDF' }).click();
  const exported = await (await request).response();
  expect((await request).url()).toContain('purpose=access_request');
  expect(exported?.headers()['content-type']).toBe('application/pdf');

  // The header works on a phone: nothing scrolls sideways at 375 px.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByTestId('case-header')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

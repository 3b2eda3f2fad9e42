import { expect, type Page, test } from '@playwright/test';
import { addDays, addYears } from '../../src/rules/calendar/date-arithmetic.ts';
import type { PlainDate } from '../../src/shared/plain-date.ts';
import { ApiActor, CODES, caseInAssessment, caseToOrder, danish, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, expectNoAxeViolations, LoginPage, logOut } from './pages/app.page.ts';

/**
 * Issue 12: a caseworker writes each impossible legal record and sees it refused at the field, with the error summary
 * at the top taking focus and linking to the field; zero axe violations with the errors showing.
 */
const SOREN = '6207921418';

async function refusedAt(page: Page, fieldId: string, message: string | RegExp) {
  const summary = page.getByTestId('error-summary').first();
  await expect(summary).toBeFocused();
  await expect(page.locator(`#${fieldId}-error`)).toContainText(message);
  await expect(page.locator(`#${fieldId}`)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${fieldId}`)).toHaveAttribute('aria-describedby', new RegExp(`${fieldId}-error`));
  await expect(summary.getByRole('link', { name: message })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
});

test('a request received in the future is refused at the field; the summary takes focus and links to it', async ({ page }) => {
  await page.getByLabel('CPR-nummer eller navn').fill('620792-1418');
  await page.getByRole('button', { name: 'Søg' }).click();
  await page.getByTestId('citizen-results').getByRole('link', { name: 'Søren Østergård' }).click();
  await page.getByRole('button', { name: 'Ny henvendelse' }).click();
  await page.getByLabel('Modtaget').fill(daysFromToday(1));
  await page.getByRole('button', { name: 'Opret sag' }).click();
  await refusedAt(page, 'r-date', 'Modtagelsesdatoen kan ikke ligge i fremtiden');
  // Each problem names its field, and the link takes the keyboard there.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Hvad henvendelsen drejer sig om: Feltet skal udfyldes.');
  await summary.getByRole('link', { name: /Modtaget: Modtagelsesdatoen/ }).click();
  await expect(page.getByLabel('Modtaget')).toBeFocused();
  await expectNoAxeViolations(page);
});

test('impossible decisions are refused at the field: dates out of order, in the future, a § 107 grant without its end', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const receivedOn = daysFromToday(-20);
  const caseId = await caseInAssessment(cw, {
    cpr: SOREN,
    receivedOn,
    what: 'Ansøger om midlertidigt botilbud (§ 107).',
    complete: true,
    codes: CODES,
  });
  await cw.dispose();
  await page.goto(`/sager/${caseId}/afgoerelse`);
  const submit = page.getByRole('button', { name: 'Træf afgørelse' });

  // Nothing is said about the party hearing until the caseworker says it; the form says why it asks.
  await expect(page.getByLabel('Borgeren er partshørt')).not.toBeChecked();
  await expect(page.getByLabel('Partshøring er ikke nødvendig')).not.toBeChecked();
  await expect(page.getByText('forvaltningsloven § 19')).toBeVisible();

  await page
    .getByLabel('Serviceniveau (gældende version)')
    .selectOption({ label: 'Midlertidigt botilbud (SEL § 107), version 1' });
  await page.getByLabel('Afgørelsesdato').fill(daysFromToday(-21));
  await page.getByLabel('Timer pr. uge (ATA)').fill('20');
  await page.getByLabel('Startdato').fill(daysFromToday(-21));
  await page.getByLabel('Begrundelse').fill('Søren har brug for en afklaringsperiode med døgndækning.');
  // The law's maximum is the default end date for § 107, and the form says so.
  const maximum = addYears(daysFromToday(-21) as PlainDate, 3);
  await expect(page.getByLabel('Tidsbegrænset til', { exact: true })).toHaveValue(maximum);
  await expect(page.locator('#d-timeLimitUntil-hint')).toContainText(`Lovens grænse er den ${danish(maximum)}`);
  await submit.click();
  await refusedAt(page, 'd-decidedOn', 'Afgørelsen kan ikke være truffet, før henvendelsen blev modtaget');
  await expect(page.locator('#d-partyHearing-error')).toContainText('Vælg, om borgeren er partshørt');
  await expectNoAxeViolations(page);

  await page.getByLabel('Afgørelsesdato').fill(daysFromToday(1));
  await submit.click();
  await refusedAt(page, 'd-decidedOn', 'Afgørelsesdatoen kan ikke ligge i fremtiden');

  await page.getByLabel('Afgørelsesdato').fill(daysFromToday(-2));
  await page.getByLabel('Startdato').fill(daysFromToday(-3));
  await submit.click();
  await refusedAt(page, 'd-startDate', 'Startdatoen kan ikke ligge før afgørelsesdatoen');

  await page.getByLabel('Startdato').fill(daysFromToday(5));
  await page.getByLabel('Tidsbegrænset til', { exact: true }).fill(daysFromToday(4));
  await submit.click();
  await refusedAt(page, 'd-timeLimitUntil', 'Slutdatoen skal ligge efter startdatoen');

  const beyond = addDays(addYears(daysFromToday(5) as PlainDate, 3), 1);
  await page.getByLabel('Tidsbegrænset til', { exact: true }).fill(beyond);
  await submit.click();
  await refusedAt(page, 'd-timeLimitUntil', 'Slutdatoen ligger efter lovens længste varighed');

  await page.getByLabel('Tidsbegrænset til', { exact: true }).fill('');
  await submit.click();
  await refusedAt(page, 'd-timeLimitUntil', 'Støtten efter denne paragraf er tidsbegrænset efter loven');
  await expectNoAxeViolations(page);

  // Put right, the letter is shown before the decision is made: the service level applied, the journal number.
  await page.getByLabel('Tidsbegrænset til', { exact: true }).fill(addYears(daysFromToday(5) as PlainDate, 1));
  await page.getByLabel('Borgeren er partshørt').check();
  await page.getByRole('button', { name: 'Vis brevet (Afgørelse)' }).click();
  const letter = page.getByTestId('draft-letter').getByRole('article', { name: /Afgørelse om/ });
  await expect(letter).toContainText('serviceniveau for SEL § 107, version 1');
  await expect(letter).toContainText(/Journalnummer: 27\.24\.00-P19-\d+-\d\d/);
  await expect(page.getByTestId('case-status')).not.toContainText('Afgørelse truffet');
  await expectNoAxeViolations(page);
});

test('the server’s answer reaches the form: an incomplete assessment lists the themes and links to them', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const caseId = await caseInAssessment(cw, {
    cpr: SOREN,
    receivedOn: daysFromToday(-10),
    what: 'Ansøger om bostøtte.',
    complete: false,
    codes: CODES,
  });
  await cw.dispose();
  await page.goto(`/sager/${caseId}/udredning`);
  // Saving an empty assessment is refused, and says so at a field (issue 16: it gave no feedback there).
  await page.getByRole('button', { name: 'Gem udredning' }).click();
  await refusedAt(page, 'a-supportNeed', 'Udfyld mindst ét tema eller det samlede støttebehov');
  await expectNoAxeViolations(page);

  // The decision is its own section; what it misses in the assessment links back to the assessment's fields.
  await new CaseFilePage(page).nextStep().getByRole('link', { name: 'Gå til afgørelsen' }).click();

  await page.getByLabel('Serviceniveau (gældende version)').selectOption({ index: 1 });
  await page.getByLabel('Timer pr. uge (ATA)').fill('3');
  await page.getByLabel('Begrundelse').fill('Behov for støtte til struktur.');
  await page.getByLabel('Borgeren er partshørt').check();
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  const summary = page.locator('section[aria-labelledby="decision-heading"]').getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Handlingen er ikke tilladt');
  await expect(summary).toContainText('Mobilitet: Vælg et funktionsevneniveau for temaet i udredningen');
  await expect(summary).toContainText('Samlet støttebehov: Vælg det samlede støttebehov i udredningen');
  await summary.getByRole('link', { name: /^Mobilitet:/ }).click();
  await new CaseFilePage(page).expectSection('Udredning');
  await expect(page.getByLabel('Funktionsevneniveau: Mobilitet')).toBeFocused();
  // The focused field shows below the case header that stays in view, not under it.
  const header = await page.getByTestId('case-header').boundingBox();
  const field = await page.getByLabel('Funktionsevneniveau: Mobilitet').boundingBox();
  expect(field?.y ?? 0).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
  await expectNoAxeViolations(page);
});

test('impossible orders are refused at the field: before the decision, follow-up and goal already past, an FKO target against its goal type', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const decidedOn = daysFromToday(-10);
  const { caseId } = await caseToOrder(cw, {
    cpr: SOREN,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn,
    order: false,
    codes: CODES,
  });
  await cw.dispose();
  await page.goto(`/sager/${caseId}/plan`);
  const submit = page.getByRole('button', { name: 'Bestil', exact: true });
  await page.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Bostøtten i Socialpsykiatrien (SEL § 85)' });
  await page.getByLabel('Bestillingsdato').fill(daysFromToday(-30));
  await page.getByLabel('Første opfølgning').fill(daysFromToday(-1));
  await page.getByLabel('Mål (specifikt)').fill('Søren laver selv mad tre dage om ugen');
  await page.getByLabel('Indikator (målbart)').fill('Antal dage om ugen');
  await page.getByLabel('Måldato').fill(daysFromToday(-1));
  await page.getByLabel('Primær FFB-tilstand').selectOption({ label: 'Praktiske opgaver' });
  await page.getByLabel('Måltype').selectOption({ label: 'Udvikle funktionsevne' });
  await page.getByLabel('Aktuelt støttebehov (FKO)').selectOption({ label: 'Moderat støttebehov' });
  await page.getByLabel('Mål for støttebehov (FKO)').selectOption({ label: 'Højt støttebehov' });
  await submit.click();
  await refusedAt(page, 'o-orderedOn', 'Bestillingen kan ikke være dateret før afgørelsen');
  await expect(page.locator('#o-firstFollowUp-error')).toContainText('Første opfølgning er allerede passeret');
  await expect(page.locator('#o-g0-targetDate-error')).toContainText('Datoen er allerede passeret');
  await expect(page.locator('#o-g0-targetSupportNeedCode-error')).toContainText(
    'Et mål om at udvikle funktionsevnen skal have et lavere støttebehov',
  );
  await expectNoAxeViolations(page);

  // Fixed one by one, the order goes through.
  await page.getByLabel('Bestillingsdato').fill(daysFromToday(0));
  await page.getByLabel('Første opfølgning').fill(daysFromToday(90));
  await page.getByLabel('Måldato').fill(daysFromToday(180));
  await page.getByLabel('Mål for støttebehov (FKO)').selectOption({ label: 'Let støttebehov' });
  await submit.click();
  await expect(page.getByTestId('case-status')).toContainText('Bestilt');
});

test('a deadline notice whose expected date is already past is refused at the field', async ({ page, baseURL }) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const caseId = await caseInAssessment(cw, {
    cpr: SOREN,
    receivedOn: daysFromToday(-120),
    what: 'Ansøger om bostøtte.',
    complete: false,
    codes: CODES,
  });
  await cw.dispose();
  await page.goto(`/sager/${caseId}`);
  await page.getByRole('button', { name: 'Skriv varsel (Afgørelse)' }).click();
  // The drafted date is still to come.
  const drafted = await page.getByLabel('Forventet senest').inputValue();
  expect(drafted > daysFromToday(0)).toBe(true);
  await page.getByLabel('Forventet senest').fill(daysFromToday(-1));
  await page.getByRole('button', { name: 'Send varslet' }).click();
  await refusedAt(page, 'n-expectedBy', 'Den forventede dato skal ligge i fremtiden');
  await expectNoAxeViolations(page);

  // Put right and previewed: the municipality is the one that decides, by a date still to come.
  await page.getByLabel('Forventet senest').fill(daysFromToday(30));
  await page.getByRole('button', { name: 'Vis brevet (Varsel om overskredet frist)' }).click();
  const draft = page.getByTestId('notice-form').getByTestId('draft-letter');
  await expect(draft.getByRole('article')).toContainText('Vi forventer nu at træffe afgørelse i din sag senest den');
  await page.getByLabel('Årsag').fill('Vi venter på en udtalelse fra din læge.');
  await expect(draft).toContainText('Du har ændret formularen');
  await page.getByRole('button', { name: 'Vis brevet (Varsel om overskredet frist)' }).click();
  await expect(draft.getByRole('article')).toContainText('Vi venter på en udtalelse fra din læge.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Send varslet' }).click();
  await expect(page.getByTestId('notice-form')).toHaveCount(0);
  await new CaseFilePage(page).section('Breve');
  await expect(page.getByTestId('case-documents')).toContainText('Varsel om overskredet frist');
});

test('a grant above the highest profile waits for the team leader: justified, approved from the queue, then the letter', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const caseId = await caseInAssessment(cw, {
    cpr: SOREN,
    receivedOn: daysFromToday(-20),
    what: 'Ansøger om støtte i alle vågne timer (§ 85).',
    complete: true,
    codes: CODES,
  });
  await cw.dispose();
  const caseFile = new CaseFilePage(page);
  await page.goto(`/sager/${caseId}/afgoerelse`);
  const level = await page.locator('#d-version option', { hasText: 'SEL § 85' }).first().getAttribute('value');
  await page.getByLabel('Serviceniveau (gældende version)').selectOption(level ?? '');
  await page.getByLabel('Timer pr. uge (ATA)').fill('112');
  // Above the highest profile the form asks for the concrete, individual justification and says what happens next.
  const justification = page.getByLabel('Konkret, individuel vurdering af timetallet over den højeste borgerprofil');
  await expect(justification).toBeVisible();
  await expect(page.locator('#d-hoursJustification-hint')).toContainText(
    'Over 95 timer om ugen går afgørelsen til teamlederens godkendelse',
  );
  await page.getByLabel('Startdato').fill(daysFromToday(14));
  await page.getByLabel('Begrundelse', { exact: true }).fill('Søren har brug for støtte i alle vågne timer, jf. udredningen.');
  await page.getByLabel('Borgeren er partshørt').check();
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await refusedAt(page, 'd-hoursJustification', 'skriv den konkrete, individuelle begrundelse');
  await expectNoAxeViolations(page);
  await justification.fill('1:1-støtte i alle vågne timer efter hjerneskaden; ingen nattevagt.');
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();

  // The caseworker sees the decision waiting at the decision; no letter has gone out.
  await expect(page.getByTestId('case-status')).toContainText('Afventer teamleders godkendelse');
  await caseFile.expectSection('Afgørelse');
  const approval = page.getByTestId('approval');
  await expect(approval).toContainText('Venter på godkendelse hos teamlederen, foreslået af Maria Vestergaard');
  await expect(approval).toContainText('112 timer om ugen (over den højeste borgerprofil: 95 timer)');
  await expect(approval.getByRole('button', { name: 'Godkend afgørelsen' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await caseFile.section('Breve');
  await expect(page.getByTestId('case-documents')).not.toContainText('Afgørelse');

  // The team leader finds it in her queue and approves it.
  await logOut(page);
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Birgitte Lund');
  await page.getByRole('link', { name: 'Godkendelser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Afgørelser til godkendelse' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId('approvals').getByRole('link', { name: 'Søren Østergård' }).first().click();
  await expect(page.getByTestId('case-status')).toContainText('Afventer teamleders godkendelse');
  await expect(page.getByTestId('approval')).toContainText('1:1-støtte i alle vågne timer efter hjerneskaden');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Godkend afgørelsen' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afgørelse truffet');
  // The page follows the case to its next step (the order, under Plan og mål); the approval is in the journal.
  await caseFile.expectSection('Plan og mål');
  await caseFile.section('Journal');
  await expect(page.getByTestId('case-timeline')).toContainText('Afgørelsen er godkendt af teamleder Birgitte Lund');
  await caseFile.section('Breve');
  await page
    .getByTestId('case-documents')
    .getByRole('button', { name: /Vis brevet.*Afgørelse/ })
    .click();
  await expect(page.getByTestId('case-documents')).toContainText('Afgørelsen er godkendt af teamleder Birgitte Lund.');
  await expectNoAxeViolations(page);
});

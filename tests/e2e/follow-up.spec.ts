import { expect, test } from '@playwright/test';
import { ApiActor, CODES, caseToOrder, danish, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

const METTE = '7403851234';

test('the provider accepts an order, documents, registers hours, and scores two quarterly statuses and a final status', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const start = daysFromToday(-200);
  const { orderId } = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn: start,
    codes: CODES,
  });
  await cw.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Rasmus Kjær');
  await expect(page.getByRole('heading', { level: 1, name: 'Vores borgere' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Nye bestillinger').check();
  // Other journeys order for Mette too: open this order's row.
  await page.getByTestId('provider-orders').locator(`a[href="/udfoerer/${orderId}"]`).click();
  await expect(page.getByTestId('order-state')).toContainText('Ny bestilling');
  await expect(page.getByText('Fortroligt')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('Faktisk startdato').fill(start);
  await page.getByRole('button', { name: 'Acceptér bestillingen' }).click();
  await expect(page.getByTestId('order-state')).toContainText('Aktiv');

  // Daily documentation, keyboard only: type and Ctrl+Enter.
  await page.getByLabel('Notat', { exact: true }).fill('Handlede ind sammen; Mette skrev selv indkøbssedlen.');
  await page.getByLabel('Notat', { exact: true }).press('Control+Enter');
  await expect(page.getByTestId('journal')).toContainText('Mette skrev selv indkøbssedlen');

  await page.getByLabel('En dag i ugen').fill(daysFromToday(-7));
  await page.getByLabel('Leverede timer (ATA)').fill('3');
  await page.getByRole('button', { name: 'Registrér timer' }).click();
  await expect(page.getByTestId('hours')).toContainText('3');
  await expectNoAxeViolations(page);

  // Two quarterly statuses and a final status on goal 1; the quarterly status is timed from the first field.
  const goal = page.getByTestId('goal-1');
  const scores: [string, string, string][] = [
    [daysFromToday(-110), 'Højt støttebehov', 'Har brug for hjælp til alle indkøb.'],
    [daysFromToday(-20), 'Moderat støttebehov', 'Handler selv ind med en liste.'],
  ];
  let quarterlyMs = 0;
  for (const [date, level, why] of scores) {
    const t0 = Date.now();
    await page.getByLabel('Aktuelt støttebehov, mål 1').selectOption({ label: level });
    await page.getByLabel('Kort begrundelse, mål 1').fill(why);
    await goal.getByLabel('Dato for status').fill(date);
    await page.getByRole('button', { name: 'Gem status for mål 1' }).click();
    await expect(goal).toContainText(`${danish(date)}: ${level}`);
    quarterlyMs = Date.now() - t0;
  }
  test.info().annotations.push({ type: 'quarterly-status-ms', description: String(quarterlyMs) });
  await goal.getByLabel('Slutstatus').check();
  await page.getByLabel('Aktuelt støttebehov, mål 1').selectOption({ label: 'Let støttebehov' });
  await page.getByLabel('Kort begrundelse, mål 1').fill('Handler selv ind hver uge.');
  await page.getByRole('button', { name: 'Gem status for mål 1' }).click();
  await expect(goal).toContainText('(Slutstatus): Let støttebehov');
  await expect(goal).toContainText('Har opnået mere mestring');
  await expect(page.getByRole('button', { name: 'Gem status for mål 1' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the caseworker holds the follow-up and ends the support with 4 weeks’ continuation', async ({ page, baseURL }) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const start = daysFromToday(-120);
  const { caseId, orderId } = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn: start,
    codes: CODES,
  });
  await cw.dispose();
  const provider = await ApiActor.as(baseURL ?? '', 'Rasmus Kjær');
  const order = await provider.get<{ version: number; goals: { id: string; version: number }[] }>(
    `/api/provider/orders/${orderId}`,
  );
  await provider.send('POST', `/api/provider/orders/${orderId}/accept`, { version: order.version, startDate: start });
  await provider.send('POST', `/api/provider/orders/${orderId}/goals/${order.goals[0]?.id}/statuses`, {
    version: order.goals[0]?.version,
    kind: 'quarterly',
    scoredOn: daysFromToday(-25),
    supportNeedCode: CODES.supportNeed.moderate,
    justification: 'Fremgang med indkøb.',
  });
  await provider.send('POST', `/api/provider/orders/${orderId}/journal`, {
    goalId: order.goals[0]?.id,
    writtenOn: daysFromToday(-2),
    body: 'Mette handler nu selv.',
  });
  await provider.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  await page.goto(`/sager/${caseId}/opfoelgning`);
  const followUp = page.getByTestId('follow-up');
  await expect(followUp).toContainText('Har opnået mere mestring');
  await expect(followUp).toContainText('Mette handler nu selv.');
  await expectNoAxeViolations(page);

  await followUp.getByLabel('Indsatsen afsluttes', { exact: true }).check();
  await followUp.getByLabel('Notat fra opfølgningen').fill('Målene er nået; Mette klarer selv indkøb og regninger.');
  await followUp.getByLabel('Begrundelse for afgørelsen').fill('Du har nået dine mål og har ikke længere brug for bostøtte.');
  // Ending is a decision: nothing says the citizen was heard until the caseworker says so.
  await page.getByRole('button', { name: 'Afslut indsatsen (afgørelse)' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(followUp.locator('#fu-partyHearing-error')).toContainText('Vælg, om borgeren er partshørt');
  await followUp.getByLabel('Borgeren er partshørt').check();
  // The stop letter, shown before the decision is sent.
  await followUp.getByRole('button', { name: 'Vis brevet (Indsatsen afsluttes)' }).click();
  await expect(followUp.getByTestId('draft-letter').getByRole('article', { name: /Afgørelse om ophør/ })).toContainText(
    'Du har nået dine mål',
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Afslut indsatsen (afgørelse)' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afsluttet');
  // Closed, the page shows the case's overview; the support continues 4 weeks, a period's end, not a duty.
  const casePage = new CaseFilePage(page);
  await casePage.expectSection('Overblik');
  const continuation = danish(daysFromToday(28));
  await expect(page.getByTestId('case-deadlines').getByRole('row', { name: /Bostøtte fortsætter/ })).toContainText(continuation);
  await casePage.section('Opfølgning');
  await expect(followUp).toContainText(`slutter ${continuation}`);
  await casePage.section('Breve');
  await page.getByRole('button', { name: 'Vis brevet Afgørelse om ophør af støtte' }).click();
  const letter = page.getByRole('article', { name: /Afgørelse om ophør/ });
  await expect(letter).toContainText('Du beholder støtten i 4 uger fra afgørelsens dato');
  await expect(letter).toContainText('Klagevejledning');
  await expectNoAxeViolations(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the citizen sees their plan and who accessed their data, and files a complaint', async ({ page, baseURL }) => {
    const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
    const { caseId } = await caseToOrder(cw, {
      cpr: METTE,
      basis: 'SEL § 107',
      outcome: 'refused',
      decidedOn: daysFromToday(0),
      codes: CODES,
    });
    const granted = await caseToOrder(cw, {
      cpr: METTE,
      basis: 'SEL § 85',
      outcome: 'granted',
      decidedOn: daysFromToday(-30),
      codes: CODES,
    });
    await cw.dispose();

    await new LoginPage(page).open();
    await new LoginPage(page).loginAs('Mette Kjærsgaard');
    await expect(page.getByRole('heading', { level: 1, name: 'Hej Mette Kjærsgaard' })).toBeVisible();
    const support = page
      .getByTestId('my-case')
      .filter({ has: page.locator(`#case-${granted.caseId}`) })
      .getByTestId('my-support');
    await expect(support).toContainText('Bostøtten i Socialpsykiatrien');
    await expect(support).toContainText('Handler selv ind én gang om ugen');
    const log = page.getByTestId('my-access-log');
    await expect(log).toContainText('Sagsbehandling');
    await expect(log).not.toContainText('Maria Vestergaard');
    // No horizontal scrolling at 375 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);

    const refused = page.getByTestId('my-case').filter({ has: page.locator(`#case-${caseId}`) });
    await refused.getByRole('button', { name: 'Klag over afgørelsen' }).click();
    await refused.getByLabel('Hvad er du uenig i?').fill('Jeg kan ikke bo alene og har brug for et botilbud.');
    await expectNoAxeViolations(page);
    await refused.getByRole('button', { name: 'Send klagen' }).click();
    await expect(page.getByText('Tak. Vi har modtaget din klage')).toBeVisible();
    await expect(refused).toContainText('Til genvurdering');
    await expectNoAxeViolations(page);
  });
});

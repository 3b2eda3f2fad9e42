import { expect, type Page, test } from '@playwright/test';
import { ApiActor, CODES, caseToOrder, danish, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, expectNoAxeViolations, LoginPage, logOut } from './pages/app.page.ts';

const METTE = '7403851234';

/** The open tasks in the header, as the badge shows them. */
async function headerCount(page: Page): Promise<number> {
  const badge = page.getByTestId('task-count');
  if (!(await badge.count())) return 0;
  return Number(await badge.locator('[aria-hidden="true"]').textContent());
}

test('a caseworker clears a digital complaint, a citizen’s message and a provider’s question from the inbox', async ({
  page,
  baseURL,
}) => {
  const tag = `e2e-${Date.now()}`;
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const refused = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 107',
    outcome: 'refused',
    decidedOn: daysFromToday(-2),
    codes: CODES,
  });
  const ordered = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn: daysFromToday(-2),
    codes: CODES,
  });
  await cw.dispose();
  const citizen = await ApiActor.as(baseURL ?? '', 'Mette Kjærsgaard');
  await citizen.send('POST', `/api/me/cases/${refused.caseId}/messages`, { body: `Hvornår ringer I? (${tag})` });
  await citizen.send('POST', `/api/me/cases/${refused.caseId}/complaints`, { text: `Jeg klager over afslaget (${tag}).` });
  await citizen.dispose();
  const provider = await ApiActor.as(baseURL ?? '', 'Rasmus Kjær');
  const order = await provider.get<{ version: number }>(`/api/provider/orders/${ordered.orderId}`);
  await provider.send('POST', `/api/provider/orders/${ordered.orderId}/question`, {
    version: order.version,
    question: `Må vi starte med to korte besøg om ugen? (${tag})`,
  });
  await provider.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: /Opgaver/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opgaver' })).toBeVisible();
  const mine = page.getByTestId('task').filter({ hasText: tag });
  await expect(mine).toHaveCount(3);
  const before = await headerCount(page);
  expect(before).toBeGreaterThanOrEqual(3);
  await expectNoAxeViolations(page);

  const complaint = mine.filter({ hasText: 'Klage fra borgeren' });
  await expect(complaint).toContainText(`Jeg klager over afslaget (${tag}).`);
  await complaint.getByRole('button', { name: 'Markér som løst' }).click();
  await expect(page.getByText('Opgaven er løst.')).toBeVisible();
  await expect(mine).toHaveCount(2);

  await mine.filter({ hasText: 'Besked fra borgeren' }).getByRole('button', { name: 'Markér som løst' }).click();
  await expect(mine).toHaveCount(1);

  // The question is answered where it is read; an empty answer is refused at the field.
  const question = mine.filter({ hasText: 'Spørgsmål fra udføreren' });
  await expect(question.getByRole('button', { name: 'Markér som løst' })).toHaveCount(0);
  await question.getByRole('button', { name: 'Send svar' }).click();
  await expect(question.getByText('Skriv dit svar til udføreren.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await question.getByLabel('Dit svar til udføreren').fill('Ja, to korte besøg om ugen de første fire uger.');
  await question.getByRole('button', { name: 'Send svar' }).click();
  await expect(page.getByText('Svaret er sendt, og bestillingen kan nu accepteres.')).toBeVisible();
  await expect(mine).toHaveCount(0);
  await expect.poll(() => headerCount(page)).toBe(before - 3);
  await expectNoAxeViolations(page);
});

test('a provider declines a new order with a reason; the caseworker gets it as a task', async ({ page, baseURL }) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const { caseId, orderId } = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn: daysFromToday(-3),
    codes: CODES,
  });

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Rasmus Kjær');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: /Opgaver/ })
    .click();
  const task = page.getByTestId('task').filter({ has: page.locator(`a[href="/udfoerer/${orderId}"]`) });
  await expect(task).toContainText('Ny bestilling');
  await expectNoAxeViolations(page);
  await task.getByRole('link', { name: 'Åbn bestillingen' }).click();

  // The decision and the plan's parts the provider may see (provider-disclosure.ts).
  await expect(page.getByTestId('provider-decision')).toContainText('Begrundelse: Udredningen viser et behov');
  await expect(page.getByTestId('provider-plan')).toContainText('At klare hverdagen i egen bolig');
  await expect(page.getByTestId('order-state')).toContainText('Ny bestilling');
  await page.getByLabel('Afvise bestillingen').check();
  await page.getByRole('button', { name: 'Afvis bestillingen' }).click();
  await expect(page.getByText('Skriv, hvorfor bestillingen afvises.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Hvorfor afviser I bestillingen?').fill('Ingen ledig plads før om tre måneder.');
  await page.getByRole('button', { name: 'Afvis bestillingen' }).click();
  await expect(page.getByTestId('order-state')).toContainText('Afvist');
  await expect(page.getByTestId('decline-reason')).toHaveText('Ingen ledig plads før om tre måneder.');
  await expectNoAxeViolations(page);

  const inbox = await cw.get<{ items: { kind: string; orderId: string | null; summary: string | null }[] }>(
    '/api/tasks?pageSize=100',
  );
  expect(inbox.items.find((i) => i.orderId === orderId)).toMatchObject({
    kind: 'order_declined',
    summary: 'Ingen ledig plads før om tre måneder.',
  });
  await cw.dispose();

  // The caseworker's case page: the decline, its day and reason where the next step is, and the way to order again.
  await logOut(page);
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  await page.goto(`/sager/${caseId}`);
  const caseFile = new CaseFilePage(page);
  const next = caseFile.nextStep();
  await expect(next.getByTestId('order-declined')).toContainText(
    `Bostøtten i Socialpsykiatrien afviste bestillingen ${danish(daysFromToday(0))}:`,
  );
  await expect(next.getByTestId('order-declined-reason')).toHaveText('Ingen ledig plads før om tre måneder.');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '.tmp/order-states/declined-next-step.png' });
  await next.getByRole('link', { name: 'Bestil et andet sted' }).click();
  await caseFile.expectSection('Plan og mål');
  await expect(page.getByTestId('case-order-state')).toHaveText(`Afvist af udføreren ${danish(daysFromToday(0))}`);
  await expect(page.getByTestId('case-order')).toContainText('Ingen ledig plads før om tre måneder.');
  await expect(page.getByRole('button', { name: 'Bestil' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The header says why the case waits; the follow-up says there is nothing to follow up (no form, no hours).
  await expect(page.getByTestId('case-status')).toHaveText('Afgørelse truffet · udføreren har afvist bestillingen');
  await caseFile.section('Opfølgning');
  await expect(page.getByTestId('follow-up')).toContainText(`Udføreren afviste bestillingen ${danish(daysFromToday(0))}.`);
  await expect(page.getByRole('form', { name: 'Hold opfølgning' })).toHaveCount(0);
});

test('a provider holds an order with a question; the caseworker reads and answers it on the case page', async ({
  page,
  baseURL,
}) => {
  const tag = `e2e-${Date.now()}`;
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const { caseId, orderId } = await caseToOrder(cw, {
    cpr: METTE,
    basis: 'SEL § 85',
    outcome: 'granted',
    decidedOn: daysFromToday(-2),
    codes: CODES,
  });
  await cw.dispose();
  const provider = await ApiActor.as(baseURL ?? '', 'Rasmus Kjær');
  const order = await provider.get<{ version: number }>(`/api/provider/orders/${orderId}`);
  const question = `Skal vi hente borgeren hjemme den første gang? (${tag})`;
  await provider.send('POST', `/api/provider/orders/${orderId}/question`, { version: order.version, question });

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  await page.goto(`/sager/${caseId}/plan`);
  const caseFile = new CaseFilePage(page);
  const next = caseFile.nextStep();
  await expect(next.getByTestId('order-on-hold')).toContainText(
    'Bostøtten i Socialpsykiatrien har et spørgsmål og venter med at acceptere bestillingen, til du svarer:',
  );
  await expect(next.getByTestId('order-question')).toHaveText(question);
  await expect(next).toContainText('Spurgt af Rasmus Kjær, Bostøtten i Socialpsykiatrien');
  await expect(page.getByTestId('case-order-state')).toHaveText('Venter på dit svar på udførerens spørgsmål');
  await expect(page.getByTestId('case-status')).toHaveText('Bestilt · udføreren venter på dit svar');
  await next.getByRole('button', { name: 'Send svar' }).click();
  await expect(next.getByText('Skriv dit svar til udføreren.').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '.tmp/order-states/on-hold-next-step.png' });
  await next.getByLabel('Dit svar til udføreren').fill('Ja, hent hende hjemme den første gang.');
  await next.getByRole('button', { name: 'Send svar' }).click();
  await expect(next.getByText('Svaret er sendt, og bestillingen kan nu accepteres.')).toBeVisible();
  await expect(next.getByTestId('order-on-hold')).toHaveCount(0);
  await expect(page.getByTestId('case-order-state')).toHaveText('Bestilt – venter på, at udføreren accepterer');
  await expectNoAxeViolations(page);

  // The question's task is done by the answer.
  await page.goto('/opgaver');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opgaver' })).toBeVisible();
  await expect(page.getByTestId('task').filter({ hasText: tag })).toHaveCount(0);
  await provider.dispose();
});

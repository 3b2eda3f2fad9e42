import { expect, test } from '@playwright/test';
import { ApiActor, CODES, caseInAssessment, danish, daysFromToday } from './pages/api-setup.ts';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';
import { WorklistPage } from './pages/worklist.page.ts';

const TITLE = 'Ønsker hjælp til at komme i gang med frivilligt arbejde';

test('a team leader filters the team’s work list and reassigns a case', async ({ page, baseURL }) => {
  // Maria Vestergaard has a case in assessment for Mette Kjærsgaard.
  const maria = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  await caseInAssessment(maria, {
    cpr: '7403851234',
    receivedOn: daysFromToday(-3),
    what: TITLE,
    complete: false,
    codes: CODES,
  });
  await maria.dispose();

  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Birgitte Lund');
  const list = new WorklistPage(page);
  await list.open();
  await list.showTeam();
  // The caseload per caseworker, and the caseworker column on the team's list.
  await expect(list.caseload().getByRole('rowheader', { name: 'Maria Vestergaard' })).toBeVisible();
  await expect(list.caseload().getByRole('rowheader', { name: 'Peter Holm' })).toBeVisible();
  await expect(list.table().getByRole('columnheader', { name: 'Sagsbehandler' })).toBeVisible();
  await expectNoAxeViolations(page);

  await list.search('740385-1234');
  await list.filter('Sagsbehandler', 'Maria Vestergaard');
  await list.filter('Status', 'Udredning');
  await expect(list.row(TITLE)).toContainText('Mette Kjærsgaard');
  await expect(list.row(TITLE)).toContainText('Maria Vestergaard');
  // Every row matches both filters: retried until the filtered page has replaced the previous one (a snapshot of the
  // rows taken while the status filter's answer was on its way failed in CI).
  const rows = list.table().locator('tbody tr');
  await expect(rows.filter({ hasNotText: 'Maria Vestergaard' })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: 'Udredning' })).toHaveCount(0);

  await list.reassign(TITLE, 'Mette Kjærsgaard', 'Peter Holm');
  await expectNoAxeViolations(page);
  await list.confirmReassign();
  await expect(page.getByRole('status').filter({ hasText: `Sagen ${TITLE} er flyttet til Peter Holm.` })).toBeVisible();
  // Filtered on Maria, the case has left the list; on Peter, it is there.
  await expect(list.row(TITLE)).toHaveCount(0);
  await list.filter('Sagsbehandler', 'Peter Holm');
  await expect(list.row(TITLE)).toContainText('Peter Holm');

  // A filter that finds nothing says so, and what it is empty of.
  await list.search('zzzz');
  await expect(page.getByTestId('worklist-empty')).toHaveText('Ingen sager passer til søgningen og filtrene.');
  await expectNoAxeViolations(page);
});

test('a deadline met after its day reads "Overskredet, opfyldt" with the day it was met', async ({ page, baseURL }) => {
  // Received 20 days ago, the receipt sent today: 6 days after its 14-day deadline.
  const maria = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const id = await caseInAssessment(maria, {
    cpr: '7403851234',
    receivedOn: daysFromToday(-20),
    what: 'Ønsker støtte til at holde styr på sin økonomi',
    complete: false,
    codes: CODES,
  });
  await maria.dispose();
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  await page.goto(`/sager/${id}`);
  await expect(page.getByTestId('case-deadlines').getByRole('row', { name: /Kvittering/ })).toContainText(
    `Overskredet, opfyldt ${danish(daysFromToday(0))}`,
  );
  await expect(page.getByTestId('case-deadlines')).not.toContainText('for sent');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('case-deadlines').getByRole('row', { name: /Receipt/ })).toContainText(
    `Overdue, met ${danish(daysFromToday(0))}`,
  );
  await expectNoAxeViolations(page);
});

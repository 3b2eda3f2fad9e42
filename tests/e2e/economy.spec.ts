import { expect, test } from '@playwright/test';
import { ApiActor, CODES, caseInAssessment, caseToOrder, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

const SOEREN = '6207921418';
const METTE = '7403851234';
const JENS = '7511721113';

test('the caseworker sees the annual cost of the proposal and of the next rung at the decision, never in the letter', async ({
  page,
  baseURL,
}) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  const caseId = await caseInAssessment(cw, {
    cpr: SOEREN,
    receivedOn: daysFromToday(-20),
    what: 'Ønsker bostøtte i eget hjem',
    complete: true,
    codes: CODES,
  });
  await cw.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Maria Vestergaard');
  await page.goto(`/sager/${caseId}/afgoerelse`);
  const atProposal = page.getByTestId('proposal-price');
  await expect(atProposal).toContainText('Årlig udgift – til orientering');
  await expect(atProposal).toContainText('Det foreslåede: Støtte i eget hjem (profil 2)');
  await expect(atProposal).toContainText('Bostøtten i Socialpsykiatrien');
  await expect(atProposal).toContainText('Næste trin på indsatstrappen: Midlertidigt botilbud');
  await expect(atProposal).toContainText('3 på spring');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Brug forslaget i afgørelsen' }).click();
  await page.getByLabel('Timer pr. uge (ATA)').fill('3');
  const atDecision = page.getByTestId('price-panel');
  await expect(atDecision).toContainText('Det foreslåede: Støtte i eget hjem (profil 3)');
  await expect(atDecision).toContainText(/Bostøtten i Socialpsykiatrien: [\d.]+ kr\./);
  await expect(atDecision).toContainText('udgiften indgår ikke i begrundelsen til borgeren');
  await expectNoAxeViolations(page);

  await page.getByLabel('Begrundelse').fill('Borgeren har behov for støtte til struktur i hverdagen, jf. udredningen.');
  await page.getByLabel('Borgeren er partshørt').check();
  await page.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(page.getByTestId('case-status')).toContainText('Afgørelse truffet');
  await new CaseFilePage(page).section('Breve');
  await page.getByRole('button', { name: 'Vis brevet Afgørelse' }).click();
  const letter = page.getByRole('article', { name: /Afgørelse om/ });
  await expect(letter).toContainText('Begrundelse');
  // The price informed the caseworker; it is no reason given to the citizen.
  await expect(letter).not.toContainText('kr.');
  await expect(letter).not.toContainText('Årlig udgift');
});

test('the team leader places a citizen from the waiting list, on the page with capacity', async ({ page, baseURL }) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Sofie Kragh');
  const citizen = (await cw.get<{ items: { id: string }[] }>(`/api/citizens?q=${JENS}`)).items[0];
  const offers = await cw.get<{ items: { id: string; key: string }[] }>(
    '/api/public/catalogue/offers?municipality=730&pageSize=100',
  );
  await cw.send('POST', '/api/waiting-list', {
    citizenId: citizen?.id,
    legalBasis: 'SEL § 85',
    offerId: offers.items.find((o) => o.key === 'blommevej')?.id,
    decidedOn: daysFromToday(-30),
    neededFrom: daysFromToday(-21),
    priority: 1,
    note: 'Udskrives fra psykiatrien',
  });
  await cw.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Hanne Dalgaard');
  await page.getByRole('link', { name: 'Kapacitet og venteliste' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kapacitet og venteliste' })).toBeVisible();
  const capacity = page.getByTestId('capacity-table');
  const blommevej = capacity.getByRole('row', { name: /^Blommevej/ });
  await expect(blommevej).toContainText('10');
  await expect(page.getByRole('figure', { name: /Belægning pr\. måned/ })).toBeVisible();
  const waiting = page.getByTestId('waiting-list');
  const row = waiting.getByRole('row', { name: /Jens Åberg/ });
  await expect(row).toContainText('Akut');
  await expect(row).toContainText('21 dage');
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: 'Behandl Jens Åberg' }).click();
  const actions = page.getByTestId('waiting-actions');
  await expect(actions.getByLabel('Tilbyd plads på')).toContainText('Blommevej');
  await actions.getByLabel('Svarfrist').fill(daysFromToday(7));
  await expectNoAxeViolations(page);
  await actions.getByRole('button', { name: 'Tilbyd pladsen' }).click();
  await expect(row).toContainText('Tilbudt plads på Blommevej');

  await row.getByRole('button', { name: 'Behandl Jens Åberg' }).click();
  await page.getByTestId('waiting-actions').getByLabel('Indflytning/start').fill(daysFromToday(14));
  await page.getByTestId('waiting-actions').getByRole('button', { name: 'Borgeren har sagt ja' }).click();
  await expect(waiting.getByRole('row', { name: /Jens Åberg/ })).toHaveCount(0);
  // The accepted place is reserved until the citizen moves in.
  await expect(blommevej.getByRole('cell').nth(2)).toHaveText('1');
  await page.getByLabel('Placeret eller udgået').check();
  await expect(waiting.getByRole('row', { name: /Jens Åberg/ })).toContainText('Har sagt ja til Blommevej');
  await expectNoAxeViolations(page);
});

test('the center’s economist reads budget against forecast with its chart, and exports it', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Louise Kjeldsen');
  await page.getByRole('link', { name: 'Økonomi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Økonomi og styring' })).toBeVisible();
  await page.getByLabel('År').selectOption('2019');
  await page.getByLabel('Opgjort pr.').fill('2019-09-30');
  const kpis = page.getByTestId('forecast-kpis');
  await expect(kpis).toContainText('50.951.774 kr.');
  await expect(kpis).toContainText('Forbrug til 30.09.2019');
  const chart = page.getByRole('figure', { name: 'Budget, forbrug og prognose 2019, akkumuleret' });
  await expect(chart.locator('svg').first()).toBeVisible();
  await chart.getByText('Vis tallene som tabel').click();
  await expect(chart.getByRole('table').getByRole('row')).toHaveCount(13);
  await expect(chart.getByRole('table')).toContainText('50.951.774 kr.');
  const table = page.getByTestId('forecast-table');
  await expect(table.getByRole('row', { name: /Botilbuddet Blommevej – Driftsudgifter/ })).toContainText('2.630.491 kr.');
  await expectNoAxeViolations(page);

  for (const format of ['xlsx', 'csv']) {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: format === 'xlsx' ? 'Eksportér til Excel (XLSX)' : 'Eksportér til CSV' }).click();
    expect((await download).suggestedFilename()).toBe(`prognose-2019-2019-09-30-line.${format}`);
  }

  await page.getByRole('link', { name: 'Budget', exact: true }).click();
  await page.getByLabel('År').selectOption('2019');
  await expect(page.getByText('Budgettet går ikke op 4 steder')).toBeVisible();
  const groups = page.getByTestId('budget-groups');
  await expect(groups.getByRole('row', { name: /samlet/ })).toContainText('50.951.776 kr.');
  await expect(groups.getByRole('row', { name: /samlet/ })).toContainText('-1 kr.');
  await expectNoAxeViolations(page);
});

test('an administrator reads what a draft service level would cost before approving it', async ({ page, baseURL }) => {
  const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
  await caseToOrder(cw, { cpr: METTE, basis: 'SEL § 85', outcome: 'granted', decidedOn: daysFromToday(-30), codes: CODES });
  await cw.dispose();
  // The draft: profile 2 widened to 3 hours, so a grant of 3 hours moves from profile 3 to 2.
  const admin = await ApiActor.as(baseURL ?? '', 'Camilla Brandt');
  const list = await admin.get<{ items: { id: string }[] }>(
    `/api/public/catalogue/service-descriptions?municipality=760&legalBasis=${encodeURIComponent('SEL § 85')}`,
  );
  const id = list.items[0]?.id ?? '';
  // The catalogue journey may have left an open draft on this description (one draft at a time, else 409):
  // reuse it, and base the change on the version in force so the result does not depend on the order of journeys.
  type Detail = {
    versions: { id: string; phase: string; lockVersion: number }[];
    shownVersion: { content: { profileBands: { code: string; above: number; upTo: number }[] } };
  };
  const inForce = await admin.get<Detail>(`/api/public/catalogue/service-descriptions/${id}`);
  const before = await admin.get<Detail>(`/api/catalogue/service-descriptions/${id}`);
  const openDraft = before.versions.find((v) => v.phase === 'draft');
  const versionId =
    openDraft?.id ??
    (await admin.send<{ versionId: string }>('POST', `/api/catalogue/service-descriptions/${id}/drafts`, {})).versionId;
  const detail = await admin.get<Detail>(`/api/catalogue/service-descriptions/${id}`);
  const content = inForce.shownVersion.content;
  await admin.send('PUT', `/api/catalogue/versions/${versionId}`, {
    lockVersion: detail.versions.find((v) => v.id === versionId)?.lockVersion,
    content: {
      ...content,
      profileBands: content.profileBands.map((b) =>
        b.code === '2' ? { ...b, upTo: 3 } : b.code === '3' ? { ...b, above: 3 } : b,
      ),
    },
    changeNote: 'Profil 2 udvides til 3 timer',
  });
  await admin.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Camilla Brandt');
  await page.goto(`/admin/katalog/${id}`);
  await page.getByRole('link', { name: /Hvad koster kladden/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Hvad koster et nyt serviceniveau?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Beregn konsekvenser' }).click();
  const result = page.getByTestId('what-if-result');
  await expect(result).toContainText('Socialpædagogisk støtte, udkast til version 2');
  await expect(page.getByTestId('what-if-delta')).toContainText(/^-[\d.]+ kr\.$/);
  const moves = page.getByTestId('what-if-moves');
  await expect(moves.getByRole('row', { name: /3 → 2/ }).first()).toBeVisible();
  // An administrator sees how many and how much, not who.
  await expect(moves.getByRole('columnheader', { name: 'Borger' })).toHaveCount(0);
  await expect(page.getByTestId('what-if-bands').getByRole('row', { name: /^2/ })).toContainText('ændret');
  await expect(result.getByRole('figure')).toBeVisible();
  await expectNoAxeViolations(page);
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage, logOut } from './pages/app.page.ts';

test('the public catalogue: browse without logging in, filter, open a description and an offer', async ({ page }) => {
  await page.goto('/katalog');
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbudskatalog og serviceniveauer' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Kommune').selectOption('760');
  await page.getByLabel('Lovgrundlag').selectOption('SEL § 85');
  const descriptions = page.getByTestId('catalogue-descriptions');
  await expect(descriptions.getByRole('row')).toHaveCount(2);
  await descriptions.getByRole('link', { name: 'Socialpædagogisk støtte' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Socialpædagogisk støtte');
  await expect(page.getByTestId('not-covered').getByRole('listitem')).toHaveCount(16);
  await expect(page.getByTestId('profile-bands')).toContainText('over 8,5 til og med 14');
  await expectNoAxeViolations(page);

  // By target group words and by FFB ydelse (with everything below it in the FFB tree).
  await page.goto('/katalog');
  await page.getByLabel('Målgruppe indeholder').fill('døgndækket personale');
  await page.getByLabel('Målgruppe indeholder').press('Enter');
  await expect(descriptions.getByRole('row')).toHaveCount(3);
  await page.goto('/katalog');
  await page.getByLabel('FFB-ydelse').selectOption({ label: 'Socialpædagogisk støtte' });
  await expect(descriptions.getByRole('link', { name: 'Støtte til administration' })).toBeVisible();
  await expect(descriptions.getByRole('link', { name: 'Midlertidigt botilbud' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/katalog?kommune=730');
  await page.getByTestId('catalogue-offers').getByRole('link', { name: 'Blommevej' }).click();
  const facts = page.getByTestId('offer-facts');
  await expect(facts).toContainText('993 kr. pr. døgn');
  await expect(facts).toContainText('2:10');
  await expect(page.getByTestId('offer-exclusions').getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page);
});

test('two municipalities side by side for the same paragraph', async ({ page }) => {
  await page.goto('/katalog/sammenlign');
  await expect(page.getByRole('heading', { level: 1, name: 'Sammenlign serviceniveauer' })).toBeVisible();
  const table = page.getByTestId('comparison');
  await expect(table.getByRole('link', { name: 'Socialpædagogisk støtte' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Støtte til administration' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Vejledende tidsforbrug/ })).toContainText('hver 14. dag og i grupper');
  await expectNoAxeViolations(page);
  // Randers describes § 85 in its quality standard for Blommevej's kind of housing (seed 000), not in a service level.
  await page.getByLabel('Anden kommune').selectOption('730');
  await expect(table.getByRole('link', { name: 'Længerevarende botilbud uden døgndækning' })).toBeVisible();
  // § 107 only Ringkøbing-Skjern has described: Randers' column says so (and says it only once the answer is in).
  await page.getByLabel('Paragraf').selectOption('107');
  await expect(table.getByRole('link', { name: 'Midlertidigt botilbud' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Dokumenter/ })).toContainText(
    'Kommunen har ikke beskrevet et serviceniveau for paragraffen.',
  );
  await expectNoAxeViolations(page);
});

test('an administrator edits a draft and previews it; a second administrator approves it into force (four eyes)', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Camilla Brandt');
  await page.goto('/katalog?kommune=760&paragraf=SEL+%C2%A7+104');
  await page.getByTestId('catalogue-descriptions').getByRole('link', { name: 'Aktivitets- og samværstilbud' }).click();
  const publicUrl = page.url();
  await page.getByRole('link', { name: 'Redigér (administrator)' }).click();
  const adminUrl = page.url();
  await page.getByRole('button', { name: 'Ret: opret en ny kladde' }).click();
  await expect(page.getByRole('heading', { name: 'Kladde til version 2' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Formål', { exact: true }).fill('Nyt formål: at øge livskvaliteten gennem fællesskab.');
  await page
    .getByLabel('Moduler', { exact: true })
    .fill('Modul 1–4 dage om ugen; modul 5 ved særligt behov. Åbent 46 uger om året.');
  await page.getByLabel('Hvad er ændret (kort)').fill('Formålet og modulerne er skrevet om');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByTestId('preview')).toContainText('Nyt formål: at øge livskvaliteten gennem fællesskab.');
  await expect(page.getByTestId('preview')).toContainText('Åbent 46 uger om året.');
  await expectNoAxeViolations(page);

  // The preparer cannot approve their own draft: the form says so, and the server refuses it.
  await expect(page.getByTestId('four-eyes')).toContainText('Kladden er udarbejdet af Camilla Brandt.');
  await page.getByLabel('Gældende fra').fill('2025-01-01');
  await page.getByLabel('Godkendt af (udvalg eller byråd)').fill('Social- og Sundhedsudvalget');
  await page.getByRole('button', { name: 'Godkend' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('En anden administrator skal godkende den (fire øjne).');
  await expectNoAxeViolations(page);

  await logOut(page);
  await login.open();
  await login.loginAs('Jens Holm');
  await page.goto(adminUrl);
  await expect(page.getByTestId('four-eyes')).toContainText('Kladden er udarbejdet af Camilla Brandt.');
  // Before its predecessor: refused, with the field named.
  await page.getByLabel('Gældende fra').fill('2020-01-01');
  await page.getByLabel('Godkendt af (udvalg eller byråd)').fill('Social- og Sundhedsudvalget');
  await page.getByRole('button', { name: 'Godkend' }).click();
  await expect(page.locator('#a-inForceFrom-error')).toContainText('kan ikke træde i kraft før');
  await page.getByLabel('Gældende fra').fill('2025-01-01');
  await page.getByRole('button', { name: 'Godkend' }).click();
  await expect(page.getByRole('button', { name: 'Ret: opret en ny kladde' })).toBeVisible();
  await expect(page.getByTestId('admin-versions').getByRole('row', { name: /^2 / })).toContainText(
    'Camilla BrandtJens Holm, Social- og Sundhedsudvalget',
  );

  await page.goto(publicUrl);
  await expect(page.getByTestId('version-line')).toContainText('Version 2 (gældende)');
  await expect(page.getByText('Nyt formål: at øge livskvaliteten gennem fællesskab.')).toBeVisible();
  await expect(page.getByTestId('version-history')).toContainText(
    'Social- og Sundhedsudvalget – Jens Holm (udarbejdet af Camilla Brandt)',
  );
  await page.getByLabel('Sammenlign version').selectOption('1');
  await page.getByLabel('med version').selectOption('2');
  await expect(page.getByTestId('version-diff').getByRole('row', { name: /purpose/ })).toContainText('Nyt formål');
  await expect(page.getByTestId('version-history').getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(page);
});

test('an administrator edits the citizen profiles’ hour bands and typical tasks in the form, checked by the band rules', async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Camilla Brandt');
  await page.goto('/katalog?kommune=760&paragraf=SEL+%C2%A7+85');
  await page.getByTestId('catalogue-descriptions').getByRole('link', { name: 'Socialpædagogisk støtte' }).first().click();
  await page.getByRole('link', { name: 'Redigér (administrator)' }).click();
  await page.getByRole('button', { name: 'Ret: opret en ny kladde' }).click();
  const bands = page.getByTestId('band-editor');
  await expect(bands.getByRole('group', { name: 'Profil 3' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A gap between profile 2 and 3, and "abc" as hours: refused at the fields before anything is sent.
  const profile3 = bands.getByRole('group', { name: 'Profil 3' });
  await profile3.getByLabel('Over (timer)').fill('2,55');
  const profile4 = bands.getByRole('group', { name: 'Profil 4' });
  await profile4.getByLabel('Op til og med (timer)').fill('abc');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(profile3.locator('.form-error-message')).toContainText('Der er et hul til profilen før');
  await expect(profile4.locator('.form-error-message')).toContainText('Skriv et tal, fx 2,5.');
  await expectNoAxeViolations(page);

  await profile3.getByLabel('Over (timer)').fill('2,5');
  await profile4.getByLabel('Op til og med (timer)').fill('9');
  await bands.getByRole('group', { name: 'Profil 5' }).getByLabel('Over (timer)').fill('9');
  const tasks = page.getByTestId('task-editor');
  await tasks.getByRole('button', { name: 'Tilføj et område' }).click();
  await tasks.getByLabel('Område (VUM)').last().fill('Socialt liv');
  await tasks
    .getByLabel('Typiske opgaver: Socialt liv')
    .fill('Støtte til at følge op på lægeaftaler\nStøtte til kost og motion (KRAM)');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByTestId('preview')).toContainText('Støtte til at følge op på lægeaftaler');
  await expect(page.getByTestId('preview')).toContainText('over 4,5 til og med 9');
});

test('interventions that have worked elsewhere, by category', async ({ page }) => {
  await page.goto('/katalog/indsatser');
  await expect(page.getByTestId('interventions').locator('details')).toHaveCount(10);
  await page.getByLabel('Kategori').selectOption('Fokuserede hjemmeplejeteams');
  await expect(page.getByTestId('interventions').locator('details')).toHaveCount(2);
  await page.locator('summary', { hasText: 'Gruppe 17 – en social hjemmepleje' }).click();
  await expect(page.getByTestId('interventions')).toContainText('Servicelovsydelser som anden hjemmepleje.');
  await expectNoAxeViolations(page);
});

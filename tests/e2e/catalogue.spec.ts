import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

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
  await page.getByLabel('Anden kommune').selectOption('730');
  await expect(table).toContainText('Kommunen har ikke beskrevet et serviceniveau for paragraffen.');
});

test('an administrator edits a draft, previews it, approves it and it comes into force', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Camilla Brandt');
  await page.goto('/katalog?kommune=760&paragraf=SEL+%C2%A7+104');
  await page.getByTestId('catalogue-descriptions').getByRole('link', { name: 'Aktivitets- og samværstilbud' }).click();
  const publicUrl = page.url();
  await page.getByRole('link', { name: 'Redigér (administrator)' }).click();
  await page.getByRole('button', { name: 'Ret: opret en ny kladde' }).click();
  await expect(page.getByRole('heading', { name: 'Kladde til version 2' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Formål', { exact: true }).fill('Nyt formål: at øge livskvaliteten gennem fællesskab.');
  await page.getByLabel('Hvad er ændret (kort)').fill('Formålet er skrevet om');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByTestId('preview')).toContainText('Nyt formål: at øge livskvaliteten gennem fællesskab.');
  await expectNoAxeViolations(page);

  // Before its predecessor: refused, with the field named.
  await page.getByLabel('Gældende fra').fill('2020-01-01');
  await page.getByLabel('Godkendt af (udvalg eller byråd)').fill('Social- og Sundhedsudvalget');
  await page.getByRole('button', { name: 'Godkend' }).click();
  await expect(page.locator('#inForceFrom-error')).toContainText('kan ikke træde i kraft før');
  await page.getByLabel('Gældende fra').fill('2025-01-01');
  await page.getByRole('button', { name: 'Godkend' }).click();
  await expect(page.getByRole('button', { name: 'Ret: opret en ny kladde' })).toBeVisible();

  await page.goto(publicUrl);
  await expect(page.getByTestId('version-line')).toContainText('Version 2 (gældende)');
  await expect(page.getByText('Nyt formål: at øge livskvaliteten gennem fællesskab.')).toBeVisible();
  await page.getByLabel('Sammenlign version').selectOption('1');
  await page.getByLabel('med version').selectOption('2');
  await expect(page.getByTestId('version-diff').getByRole('row', { name: /purpose/ })).toContainText('Nyt formål');
  await expect(page.getByTestId('version-history').getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(page);
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

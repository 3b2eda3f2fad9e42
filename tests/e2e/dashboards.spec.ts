import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('a team leader reads the deadline dashboard and exports it', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Hanne Dalgaard');
  await page.getByRole('link', { name: 'Frister og sagsmængde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frister, sagsmængde og klager' })).toBeVisible();
  await expect(page.getByTestId('deadlines-table')).toContainText('Kvittering');
  await expect(page.getByTestId('deadlines-chart')).toBeVisible();
  await expect(page.getByTestId('caseload-chart')).toBeVisible();
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent tabellen: CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^frister-.*\.csv$/);
});

test('a council member opens the strategy indicators, read-only and without identities', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs('Birgitte Holm');
  await page.getByRole('link', { name: 'Strategiindikatorer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiindikatorer' })).toBeVisible();
  await expect(page.getByTestId('strategy-table')).toContainText('K1');
  await expect(page.getByTestId('strategy-housing-chart')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Center').selectOption({ label: 'Center for Særlig Social Indsats' });
  await expect(page.getByTestId('strategy-offers')).toContainText('Blommevej');
  await expect(page.getByRole('link', { name: 'Borgere' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

const ANALYST = 'Kasper Friis';
const COUNCIL = 'Birgitte Holm';
const DEMO_AGREEMENT = 'Aftale mellem byrådet og Center for Særlig Social Indsats 2025-2026 (demo)';

test('an analyst issues the midway status of the CSI agreement and takes it as PDF', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs(ANALYST);
  await page.getByRole('link', { name: 'Aftaler og mål' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aftaler med centrene' })).toBeVisible();
  await expect(page.getByTestId('agreements-table')).toContainText('Center for Særlig Social Indsats 2019-2020');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: DEMO_AGREEMENT }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Mestring af eget liv' })).toBeVisible();
  await expect(page.getByTestId('goals-mastery')).toContainText('Færre borgere skal være hjemløse.');
  await expect(page.getByTestId('chart-mastery')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lav midtvejsstatus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Midtvejsstatus, Version 1 – Udkast');
  await expect(page.getByTestId('report-chart')).toBeVisible();
  const firstComment = page.getByLabel('Centerets kommentar').first();
  await firstComment.fill('Hjemløsetællingen viser et fald; vi følger op med ACT-teamet.');
  await page.getByRole('button', { name: 'Gem kommentar' }).first().click();
  await expect(page.getByText('Kommentaren er gemt.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Udsted til socialudvalget' }).click();
  await page.getByRole('button', { name: 'Udsted til socialudvalget' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Udstedt');
  await expect(page.getByText('Hjemløsetællingen viser et fald; vi følger op med ACT-teamet.')).toBeVisible();
  await expect(page.getByLabel('Centerets kommentar')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const href = await page.getByTestId('report-pdf').getAttribute('href');
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a council member reads an agreement and its issued status, read-only', async ({ page }) => {
  await new LoginPage(page).open();
  await new LoginPage(page).loginAs(COUNCIL);
  await page.getByRole('link', { name: 'Aftaler og mål' }).click();
  await page.getByRole('link', { name: 'Aftale mellem byrådet og Center for Særlig Social Indsats 2019-2020' }).click();
  await expect(page.getByTestId('goals-mastery')).toContainText('43 % (2017, N=37 unge)');
  await expect(page.getByTestId('goals-social_life')).toContainText('50 % (2017, N=8 mål)');
  await expect(page.getByRole('button', { name: 'Lav midtvejsstatus' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('a citizen logs in through the OpenID provider (as with MitID) and lands on her own page, /mig', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await page.getByRole('link', { name: 'Log ind med organisationens login' }).click();
  // The local provider's development log-in form: the subject is the login, any password.
  await page.locator('input[name="login"]').fill('demo-citizen-7403851234');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  // Consent, then the provider sends the browser back to Visitator's callback, which sends it on.
  await page.locator('button[type="submit"]').click();
  await page.waitForURL('**/mig');
  await expect(page.getByTestId('current-user')).toContainText('Mette Kjærsgaard');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mette Kjærsgaard');
  await expectNoAxeViolations(page);

  // Log-out ends the session: the page and the API are closed to the browser afterwards.
  await page.getByRole('button', { name: 'Log af' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  const overview = await page.request.get('/api/me/overview');
  expect(overview.status()).toBe(401);
  await page.goto('/mig');
  await expect(page).toHaveURL(/\/login$/);
});

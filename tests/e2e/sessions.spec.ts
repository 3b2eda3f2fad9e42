import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('an administrator ends a team leader’s sessions; the team leader’s next click lands on the log-in page', async ({
  page,
  browser,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Birgitte Lund');
  await page.goto('/sager');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminLogin = new LoginPage(admin);
  await adminLogin.open();
  await adminLogin.loginAs('Camilla Brandt');
  await admin.getByRole('link', { name: 'Brugere' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Brugere og sessioner' })).toBeVisible();
  await admin.getByLabel('Navn begynder med').fill('birg');
  const row = admin.getByTestId('users').getByRole('row', { name: /Birgitte Lund/ });
  await expect(row).toContainText('session(er), senest');
  await expectNoAxeViolations(admin);
  await row.getByRole('button', { name: 'Afslut sessioner for Birgitte Lund' }).click();
  await expect(admin.getByRole('status')).toContainText('Birgitte Lund er logget ud');
  await expect(row).toContainText('Nej');
  await expectNoAxeViolations(admin);
  await admin.screenshot({ path: '.tmp/screenshots/admin-users.png', fullPage: true });
  await adminContext.close();

  // The team leader's browser still has its cookie, but the session behind it is gone.
  await page.getByRole('link', { name: 'Borgere' }).click();
  await page.getByLabel('CPR-nummer eller navn').fill('Kjærsgaard');
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/login\?session=ended$/);
  await expect(
    page.getByRole('status').filter({ hasText: 'Du er logget ud, fordi din session er udløbet eller afsluttet.' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

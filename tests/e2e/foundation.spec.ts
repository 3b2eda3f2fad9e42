import { expect, test } from '@playwright/test';
import { CitizenSearchPage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';

test('a caseworker logs in, finds a citizen by CPR and opens the overview; the read is in the audit log', async ({
  page,
  browser,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await expectNoAxeViolations(page);
  await login.loginAs('Maria Vestergaard');
  await expect(page.getByTestId('municipality')).toHaveText('Ringkøbing-Skjern Kommune');
  await expectNoAxeViolations(page);

  const search = new CitizenSearchPage(page);
  await search.searchFromHome('740385-1234');
  await expect(page.getByTestId('citizen-results').getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await search.openResult('Mette Kjærsgaard');
  await expect(page.getByTestId('citizen-facts')).toContainText('740385-1234');
  await expectNoAxeViolations(page);

  // An administrator of the same municipality sees the caseworker's read in the citizen's access log.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminLogin = new LoginPage(admin);
  await adminLogin.open();
  await adminLogin.loginAs('Camilla Brandt');
  await admin.goto(page.url());
  const log = admin.getByTestId('access-log');
  // Other journeys in the same run may have read her too: the newest row is this read.
  const reads = log.getByRole('row').filter({ hasText: 'Maria Vestergaard' }).filter({ hasText: 'Læst' });
  await expect(reads.first()).toBeVisible();
  await expect(reads.first()).toContainText('Sagsbehandling');
  await expectNoAxeViolations(admin);
  await adminContext.close();
});

test('the pages switch to English, are keyboard-navigable and work at 200% zoom', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Maria Vestergaard', exact: true }).click();
  await expect(page.getByTestId('current-user')).toContainText('Maria Vestergaard');
  await page.goto('/borgere');
  // Wait for the page itself: before the session is known only "Loading …" is shown, with nothing to tab to.
  await expect(page.getByRole('heading', { level: 1, name: 'Find citizen' })).toBeVisible();
  // Keyboard only: the skip link first, then straight into the search.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('CPR number or name')).toBeFocused();
  // Her full name: the citizens journey creates another Kjærsgaard in the same run.
  await page.keyboard.type('Mette Kjærsgaard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '1 citizen found' })).toBeVisible();
  await expectNoAxeViolations(page);
  // 200% zoom on a 1280 px screen leaves 640 CSS pixels: everything must fit without sideways scrolling.
  await page.setViewportSize({ width: 640, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(page);
});

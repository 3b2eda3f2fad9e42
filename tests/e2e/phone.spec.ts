import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, LoginPage, logOut } from './pages/app.page.ts';

/**
 * Issue 16, "Phone and screen": every main page of each role works at 375 px without horizontal scrolling
 * (document.documentElement.scrollWidth <= clientWidth), and the citizen's page puts what she came for first.
 * Each page is screenshotted to .tmp/phone/ to be looked at.
 */
test.use({ viewport: { width: 375, height: 812 } });

async function fitsThePhone(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main h1').first()).toBeVisible();
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
    const root = document.documentElement;
    // The elements reaching past the right edge, to name in a failure.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  await page.screenshot({ path: `.tmp/phone/${name}.png`, fullPage: true });
  expect(scrollWidth, `${name} scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth);
}

async function loginAs(page: Page, name: string) {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs(name);
}

test('the public pages and the log-in fit a 375 px phone', async ({ page }) => {
  await page.goto('/login');
  await fitsThePhone(page, 'login');
  await page.goto('/katalog');
  await fitsThePhone(page, 'catalogue');
  await page.locator('main a[href^="/katalog/beskrivelser/"]').first().click();
  await fitsThePhone(page, 'catalogue-description');
});

test('a caseworker’s and a team leader’s pages fit a 375 px phone', async ({ page }) => {
  await loginAs(page, 'Maria Vestergaard');
  await fitsThePhone(page, 'caseworker-home');
  await page.goto('/sager');
  await fitsThePhone(page, 'caseworker-cases');
  await page.getByTestId('my-cases').getByRole('link').first().click();
  await fitsThePhone(page, 'caseworker-case');
  await page.goto('/borgere?q=Kj%C3%A6rsgaard');
  await fitsThePhone(page, 'caseworker-citizens');
  await page.getByTestId('citizen-results').getByRole('link').first().click();
  await fitsThePhone(page, 'caseworker-citizen');
  await page.goto('/organisation');
  await fitsThePhone(page, 'organisation');

  await logOut(page);
  await loginAs(page, 'Birgitte Lund');
  await page.goto('/sager?scope=team');
  await fitsThePhone(page, 'team-leader-cases');
  await page.goto('/godkendelser');
  await fitsThePhone(page, 'team-leader-approvals');
});

test('the provider’s, the administrator’s and the analyst’s pages fit a 375 px phone', async ({ page }) => {
  await loginAs(page, 'Rasmus Kjær');
  await page.goto('/udfoerer');
  await fitsThePhone(page, 'provider-orders');
  await page
    .getByRole('link', { name: /./ })
    .filter({ has: page.locator('xpath=ancestor::table') })
    .first()
    .click();
  await fitsThePhone(page, 'provider-order');
  await logOut(page);
  await loginAs(page, 'Camilla Brandt');
  await page.goto('/admin/brugere');
  await fitsThePhone(page, 'admin-users');
  await logOut(page);
  await loginAs(page, 'Thomas Ravn');
  await fitsThePhone(page, 'analyst-home');
});

test('the citizen’s page at 375 px: what happens now and the newest letters first, the rest folded', async ({ page }) => {
  await loginAs(page, 'Mette Kjærsgaard');
  await expect(page.getByRole('heading', { level: 1, name: 'Hej Mette Kjærsgaard' })).toBeVisible();
  await fitsThePhone(page, 'citizen');
  // What she came for is at the top: the first thing below the heading and the introduction.
  const now = page.getByTestId('my-now');
  await expect(now).toBeVisible();
  const top = await now.boundingBox();
  expect(top?.y ?? 9999).toBeLessThan(812);
  await expect(page.getByTestId('my-new-letters').getByRole('link').first()).toBeVisible();
  // The rest is folded: decisions and letters, support and goals, and the access log open on request.
  const log = page.getByTestId('my-access-log');
  await expect(log).toBeHidden();
  await page.locator('summary', { hasText: 'Hvem har set dine oplysninger' }).click();
  await expect(log).toBeVisible();
  // One line per visit, naming what was read, never the staff member.
  await expect(log.getByRole('listitem').first()).toContainText(/–/);
  await expect(log).not.toContainText('Maria Vestergaard');
  await fitsThePhone(page, 'citizen-access-log');
  await expectNoAxeViolations(page);
});

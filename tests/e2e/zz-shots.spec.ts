import { test } from '@playwright/test';
import { LoginPage } from './pages/app.page.ts';
import { CitizenPages } from './pages/citizen.page.ts';

test('shots', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const c = new CitizenPages(page);
  await c.search('890390-1231');
  await page.screenshot({ path: '/tmp/citizens-shots/1-empty-search.png', fullPage: true });
  await c.createFromEmptySearch();
  await page.getByRole('button', { name: 'Opret borger', exact: true }).click();
  await page.screenshot({ path: '/tmp/citizens-shots/2-create-errors.png', fullPage: true });
  await c.lookUpInCpr();
  await page.screenshot({ path: '/tmp/citizens-shots/3-create-lookup.png', fullPage: true });
  await c.submitCitizen('Jonas Kjærsgaard');
  await c.addRelative('Hanne Kjærsgaard', 'Forælder', '22 33 44 55');
  await c
    .relative('Hanne Kjærsgaard')
    .getByRole('button', { name: /Registrér samtykke/ })
    .click();
  await c.relative('Hanne Kjærsgaard').getByRole('button', { name: 'Gem samtykke' }).click();
  await page.screenshot({ path: '/tmp/citizens-shots/4-consent-errors.png', fullPage: true });
  await c.relative('Hanne Kjærsgaard').getByRole('button', { name: 'Annullér' }).click();
  await c.recordConsent('Hanne Kjærsgaard', ['kopi af breve', 'deltage i møder'], 'Skriftligt');
  await page.getByRole('button', { name: 'Ret kontaktoplysninger' }).click();
  await page.screenshot({ path: '/tmp/citizens-shots/5-citizen.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: '/tmp/citizens-shots/6-citizen-375.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await c.openNewCase('Ønsker støtte i eget hjem efter indlæggelse');
  await c.uploadDocument('Udskrivningsbrev fra hospitalet', {
    name: 'u.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await page.getByRole('status').filter({ hasText: 'Dokumentet er journaliseret.' }).waitFor();
  await c.uploadDocument('', { name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>') });
  await c.documents().scrollIntoViewIfNeeded();
  await c.documents().screenshot({ path: '/tmp/citizens-shots/7-documents.png' });
  await page.setViewportSize({ width: 375, height: 800 });
  await c.documents().screenshot({ path: '/tmp/citizens-shots/8-documents-375.png' });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log('scrollWidth at 375:', sw);
});

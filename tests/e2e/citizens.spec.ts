import { expect, test } from '@playwright/test';
import { CaseFilePage, expectNoAxeViolations, LoginPage } from './pages/app.page.ts';
import { CitizenPages } from './pages/citizen.page.ts';

// A person of the demo CPR register who is not yet a citizen (src/server/modules/citizens/cpr-register).
const CPR = '890390-1231';

test('a caseworker creates a citizen, records a relative with consent, and uploads a document', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.loginAs('Maria Vestergaard');
  const citizen = new CitizenPages(page);

  // The search finds no one and offers to create the citizen; the CPR register fills in name and address.
  await citizen.search(CPR);
  await citizen.createFromEmptySearch();
  await expect(citizen.field('CPR-nummer')).toHaveValue('8903901231');
  await citizen.lookUpInCpr();
  await expect(citizen.field('Efternavn')).toHaveValue('Kjærsgaard');
  await expect(citizen.field('Postnummer')).toHaveValue('6950');
  await citizen.field('Telefon').fill('20 30 40 50');
  await expectNoAxeViolations(page);
  await citizen.submitCitizen('Jonas Kjærsgaard');

  // The new citizen is found by name written without æ, and by birth date as typed.
  // (Checked after the relative, so the page under test is the citizen's.)

  // A relative with the citizen's written consent to copies of letters: that, and only that, may be shared.
  await citizen.addRelative('Hanne Kjærsgaard', 'Forælder', '22 33 44 55');
  await expect(citizen.relative('Hanne Kjærsgaard').getByTestId('relative-sharing')).toContainText(
    'Intet – der er intet gældende samtykke.',
  );
  await citizen.recordConsent('Hanne Kjærsgaard', ['kopi af breve'], 'Skriftligt');
  await expect(citizen.relative('Hanne Kjærsgaard').getByTestId('relative-sharing')).toHaveText(
    'Må deles nu: Den pårørende må få kopi af breve og afgørelser',
  );
  await expectNoAxeViolations(page);

  // A case for the citizen, and a document uploaded to it: journalised with its subject, checked by its content.
  await citizen.openNewCase('Støtte efter indlæggelse', 'Ønsker støtte i eget hjem efter indlæggelse');
  const casePage = new CaseFilePage(page);
  await casePage.section('Dokumenter');
  await citizen.uploadDocument('Udskrivningsbrev fra hospitalet', {
    name: 'udskrivning.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Dokumentet er journaliseret.' })).toBeVisible();
  const uploaded = citizen.documents().getByTestId('uploaded-documents');
  await expect(uploaded.getByRole('link', { name: 'Udskrivningsbrev fra hospitalet' })).toBeVisible();
  await expect(uploaded).toContainText('PDF');
  await expect(uploaded).toContainText('Sagsbehandler');
  // A renamed file that is not a PDF is refused at the field before it is sent.
  await citizen.uploadDocument('Noget andet', { name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>') });
  await expect(citizen.documents().getByText('Filen er hverken PDF, PNG eller JPEG')).toHaveCount(2);
  await expectNoAxeViolations(page);
  // The tab counts the upload; the letters are the municipality's letters only.
  await expect(
    page.getByRole('navigation', { name: 'Sagens afsnit' }).getByRole('link', { name: 'Dokumenter (1)' }),
  ).toBeVisible();
  await casePage.section('Breve');
  await expect(page.getByTestId('case-section-letters')).not.toContainText('Udskrivningsbrev fra hospitalet');

  // Found again by the name typed without æ, and by the birth date as people type it.
  await citizen.search('Jonas Kjaersgaard');
  await expect(page.getByTestId('citizen-results').getByRole('link', { name: 'Jonas Kjærsgaard' })).toBeVisible();
  await citizen.search('29.03.1990');
  await expect(page.getByTestId('citizen-results').getByRole('link', { name: 'Jonas Kjærsgaard' })).toBeVisible();
});

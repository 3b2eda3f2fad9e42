import { expect, test } from '@playwright/test';
import { ApiActor, CODES, caseInAssessment, daysFromToday } from './pages/api-setup.ts';
import { CaseFilePage, expectNoAxeViolations, LoginPage, logOut } from './pages/app.page.ts';
import { MyPage, type UploadFile } from './pages/my-page.page.ts';

/**
 * Issue 16, "Documents": the citizen sends a document to one of their own cases from their page (/mig), on a phone
 * and on a desktop; a wrong file is refused at the field before anything is sent; the caseworker finds it as a task
 * in the inbox and on the case. Screenshots go to .tmp/my-documents/ to be looked at.
 */
const METTE = '7403851234';
const PDF: UploadFile = {
  name: 'laegeerklaering.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
};
const PHOTO: UploadFile = {
  name: 'IMG_0412.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
};
const WORD: UploadFile = {
  name: 'ansøgning.docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
};

const SCREENS = [
  { label: 'a 375 px phone', name: 'phone', viewport: { width: 375, height: 812 }, file: PHOTO, type: 'JPEG' },
  { label: 'a desktop', name: 'desktop', viewport: { width: 1280, height: 900 }, file: PDF, type: 'PDF' },
] as const;

for (const screen of SCREENS) {
  test.describe(`on ${screen.label}`, () => {
    test.use({ viewport: screen.viewport });

    test('a citizen sends a document to their own case; the caseworker gets it as a task', async ({ page, baseURL }) => {
      const tag = `${screen.name}-${Date.now()}`;
      const title = `Bostøtte ${tag}`;
      const subject = `Lægeerklæring ${tag}`;
      const cw = await ApiActor.as(baseURL ?? '', 'Maria Vestergaard');
      const caseId = await caseInAssessment(cw, {
        cpr: METTE,
        receivedOn: daysFromToday(-3),
        title,
        what: 'Ansøger om støtte i hjemmet efter indlæggelse',
        complete: false,
        codes: CODES,
      });
      await cw.dispose();

      await new LoginPage(page).open();
      await new LoginPage(page).loginAs('Mette Kjærsgaard');
      const me = new MyPage(page);
      await me.open();
      await expect(me.sentDocuments(title)).toHaveCount(0);
      const form = await me.startSending(title);

      // Nothing filled in, then a Word file: each problem at its field, checked before anything is sent.
      await form.getByLabel('Emne').fill('');
      await form.getByRole('button', { name: 'Send dokumentet' }).click();
      await expect(form.getByText('Vælg en fil.').first()).toBeVisible();
      await expect(form.getByText('Feltet skal udfyldes.').first()).toBeVisible();
      await expectNoAxeViolations(page);
      await me.send(form, subject, WORD);
      await expect(form.getByText('Filen er hverken PDF, PNG eller JPEG').first()).toBeVisible();
      await me.case(title).screenshot({ path: `.tmp/my-documents/${screen.name}-refused.png` });

      await me.send(form, subject, screen.file);
      await expect(form.getByText('Dokumentet er sendt til din rådgiver.')).toBeVisible();
      const sent = me.sentDocuments(title);
      await expect(sent.getByRole('link', { name: subject })).toBeVisible();
      await expect(sent).toContainText(screen.type);
      expect(await me.scrollsSideways()).toBe(false);
      await expectNoAxeViolations(page);
      await me.case(title).screenshot({ path: `.tmp/my-documents/${screen.name}-sent.png` });

      // The caseworker: a task in the inbox, the document on the case.
      await logOut(page);
      await new LoginPage(page).open();
      await new LoginPage(page).loginAs('Maria Vestergaard');
      await page.goto('/opgaver');
      const task = page.getByTestId('task').filter({ hasText: subject });
      await expect(task).toHaveCount(1);
      await expect(task).toContainText('Dokument fra borgeren');
      await expect(task).toContainText(title);
      expect(await me.scrollsSideways()).toBe(false);
      await expectNoAxeViolations(page);
      await task.screenshot({ path: `.tmp/my-documents/${screen.name}-task.png` });
      await task.getByRole('link', { name: 'Åbn sagen' }).click();
      await expect(page).toHaveURL(new RegExp(`/sager/${caseId}`));
      await new CaseFilePage(page).section('Dokumenter');
      const row = page.getByTestId('uploaded-documents').getByRole('row').filter({ hasText: subject });
      await expect(row).toContainText('Borgeren');
      await expect(row).toContainText(screen.type);

      await page.goto('/opgaver');
      await task.getByRole('button', { name: 'Markér som løst' }).click();
      await expect(page.getByText('Opgaven er løst.')).toBeVisible();
      await expect(task).toHaveCount(0);
    });
  });
}

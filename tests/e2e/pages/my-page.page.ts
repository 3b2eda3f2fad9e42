import { expect, type Locator, type Page } from '@playwright/test';

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** The citizen's own page (/mig): one section per case, found by its title, as the citizen reads it. */
export class MyPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/mig');
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Hej');
  }

  /** The section of the case with this title. */
  case(title: string): Locator {
    return this.page.getByTestId('my-case').filter({ has: this.page.getByRole('heading', { level: 2, name: title }) });
  }

  documents(title: string): Locator {
    return this.case(title).getByTestId('my-documents');
  }

  sentDocuments(title: string): Locator {
    return this.documents(title).getByTestId('my-sent-documents');
  }

  /** Opens the form to send a document on the case, and returns it. */
  async startSending(title: string): Promise<Locator> {
    await this.documents(title).getByRole('button', { name: 'Send et dokument' }).click();
    const form = this.documents(title).getByRole('form', { name: 'Send et dokument til din rådgiver' });
    await expect(form).toBeVisible();
    return form;
  }

  async send(form: Locator, subject: string, file: UploadFile) {
    await form.getByLabel('Emne').fill(subject);
    await form.getByLabel('Fil', { exact: true }).setInputFiles(file);
    await form.getByRole('button', { name: 'Send dokumentet' }).click();
  }

  /** Whether the page scrolls sideways (at 375 px it must not). */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The work list ("Mine sager" / "Teamets sager"), found by roles and labels as a user finds them. */
export class WorklistPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Mine sager' }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();
  }

  async showTeam() {
    await this.page.getByRole('radio', { name: 'Teamets sager' }).check();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Teamets sager' })).toBeVisible();
    await expect(this.caseload()).toBeVisible();
  }

  caseload(): Locator {
    return this.page.getByTestId('caseload');
  }

  table(): Locator {
    return this.page.getByTestId('my-cases');
  }

  async search(text: string) {
    await this.page.getByLabel('Søg på navn, CPR- eller journalnummer').fill(text);
    await this.page.getByRole('button', { name: 'Søg', exact: true }).click();
  }

  async filter(label: 'Frister' | 'Status' | 'Paragraf' | 'Sagsbehandler', option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  row(title: string): Locator {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title }) });
  }

  async reassign(title: string, citizen: string, to: string) {
    await this.page.getByRole('button', { name: `Flyt sagen ${title} (${citizen})` }).click();
    await this.page.getByLabel(`Ny sagsbehandler for ${title}`).selectOption({ label: to });
  }

  async confirmReassign() {
    await this.page.getByRole('button', { name: 'Flyt sagen', exact: true }).click();
  }
}

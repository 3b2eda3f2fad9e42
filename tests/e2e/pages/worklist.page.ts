import { expect, type Locator, type Page } from '@playwright/test';

/** The work list ("Mine sager" / "Teamets sager"), found by roles and labels as a user finds them. */
export class WorklistPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Mine sager' }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();
  }

  async showTeam() {
    // click, not check(): the radio follows the address, which React Router updates in a transition, so right after
    // the click React shows the old value for a moment and check() (which reads the state at once) failed under load.
    const team = this.page.getByRole('radio', { name: 'Teamets sager' });
    await team.click();
    await expect(team).toBeChecked();
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

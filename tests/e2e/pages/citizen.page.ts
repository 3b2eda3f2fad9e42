import { expect, type Locator, type Page } from '@playwright/test';

/** Creating a citizen, their relatives and consents, and a case's documents, found by roles and labels. */
export class CitizenPages {
  constructor(private readonly page: Page) {}

  async search(query: string) {
    await this.page.getByRole('link', { name: 'Borgere' }).first().click();
    await this.page.getByLabel('CPR-nummer eller navn').fill(query);
    await this.page.getByRole('button', { name: 'Søg', exact: true }).click();
  }

  /** The search found no one and offers to create the citizen, carrying the CPR number over. */
  async createFromEmptySearch() {
    await expect(this.page.getByRole('heading', { name: 'Ingen borgere matcher søgningen.' })).toBeVisible();
    await this.page.getByTestId('citizen-create-offer').getByRole('link', { name: 'Opret borgeren' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Opret borger' })).toBeVisible();
  }

  async lookUpInCpr() {
    await this.page.getByRole('button', { name: 'Slå op i CPR' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Fundet i CPR-registret' })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async submitCitizen(name: string) {
    await this.page.getByRole('button', { name: 'Opret borger', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  relatives(): Locator {
    return this.page.getByTestId('relatives');
  }

  async addRelative(name: string, relation: string, phone: string) {
    await this.relatives().getByRole('button', { name: 'Tilføj pårørende' }).click();
    const form = this.relatives().getByRole('form', { name: 'Tilføj pårørende' });
    await form.getByLabel('Navn', { exact: true }).fill(name);
    await form.getByLabel('Relation').selectOption({ label: relation });
    await form.getByLabel('Telefon').fill(phone);
    await form.getByRole('button', { name: 'Gem pårørende' }).click();
    await expect(this.relative(name)).toBeVisible();
  }

  relative(name: string): Locator {
    return this.relatives().getByRole('article', { name: new RegExp(name) });
  }

  async recordConsent(relative: string, scopes: string[], form: string) {
    const card = this.relative(relative);
    await card.getByRole('button', { name: /Registrér samtykke/ }).click();
    const consent = card.getByRole('form', { name: 'Registrér samtykke' });
    for (const scope of scopes) await consent.getByRole('checkbox', { name: new RegExp(scope) }).check();
    await consent.getByRole('radio', { name: form }).check();
    await consent.getByRole('button', { name: 'Gem samtykke' }).click();
    await expect(card.getByTestId('consents')).toBeVisible();
  }

  async openNewCase(title: string, what: string) {
    await this.page.getByRole('button', { name: 'Ny henvendelse' }).click();
    await this.page.getByLabel('Sagens titel').fill(title);
    await this.page.getByLabel('Hvad henvendelsen drejer sig om').fill(what);
    await this.page.getByRole('button', { name: 'Opret sag' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  documents(): Locator {
    return this.page.getByTestId('documents');
  }

  async uploadDocument(subject: string, file: { name: string; mimeType: string; buffer: Buffer }) {
    const form = this.documents().getByRole('form', { name: 'Læg dokument på sagen' });
    await form.getByLabel('Emne').fill(subject);
    await form.getByLabel('Fil', { exact: true }).setInputFiles(file);
    await form.getByRole('button', { name: 'Journalisér dokumentet' }).click();
  }
}

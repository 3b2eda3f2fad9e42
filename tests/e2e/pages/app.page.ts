import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Page objects for the journeys; selectors are roles and labels, as a user (or screen reader) finds them. */
export class LoginPage {
  constructor(private readonly page: Page) {}
  async open() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  }
  async loginAs(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByTestId('current-user')).toContainText(name);
  }
}

export class CitizenSearchPage {
  constructor(private readonly page: Page) {}
  async searchFromHome(query: string) {
    await this.page.getByLabel('CPR-nummer eller navn').fill(query);
    await this.page.getByRole('button', { name: 'Søg' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Find borger' })).toBeVisible();
  }
  async openResult(name: string) {
    await this.page.getByTestId('citizen-results').getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }
}

/** Zero axe violations against WCAG 2.1 A and AA. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

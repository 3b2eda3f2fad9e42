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

/** The case's sections, as their tabs name them (src/web/routes/cases/case-sections.tsx). */
export type CaseSectionName =
  | 'Overblik'
  | 'Udredning'
  | 'Afgørelse'
  | 'Plan og mål'
  | 'Opfølgning'
  | 'Breve'
  | 'Dokumenter'
  | 'Journal'
  | 'Beskeder';

/** The case page: a header that stays in view, sections as tabs with their own URLs, the next step in one place. */
export class CaseFilePage {
  constructor(private readonly page: Page) {}
  /** Opens a section by its tab, as a user does (the tab may carry a count: "Breve (2)"). */
  async section(name: CaseSectionName) {
    const tab = this.page
      .getByRole('navigation', { name: 'Sagens afsnit' })
      .getByRole('link', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-current', 'page');
  }
  /** The section the page shows now (it follows the case to the next step's section). */
  async expectSection(name: CaseSectionName) {
    await expect(
      this.page
        .getByRole('navigation', { name: 'Sagens afsnit' })
        .getByRole('link', { name: new RegExp(`^${name}( \\(\\d+\\))?$`) }),
    ).toHaveAttribute('aria-current', 'page');
  }
  /** The next step's box, the same place on every section. */
  nextStep() {
    return this.page.getByTestId('next-step');
  }
}

/** Zero axe violations against WCAG 2.1 A and AA. */
/**
 * Logs out from the header, as a user does, and waits for the log-in page the app goes to on its own: a navigation
 * started before it arrives can be aborted by it (net::ERR_ABORTED, seen in CI).
 */
export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log af' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

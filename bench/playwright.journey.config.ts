// `npx playwright test --config bench/playwright.journey.config.ts`: the user journeys measured for clicks, typed
// fields and seconds (bench/*.journey.ts). The app and browser as the e2e suite has them (playwright.config.ts), but
// a test directory of its own, so the measurement never runs as part of `npm test`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.journey.ts',
  outputDir: '../.tmp/playwright-bench',
  webServer: { ...(base.webServer as object), cwd: root } as typeof base.webServer,
});

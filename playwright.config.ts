import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Timeouts tolerate a loaded machine (several engineers' suites share two cores in the dev sandbox); CI runs alone.
// They bound a hang, they assert nothing: E2E_TIMEOUT_SCALE stretches them further when needed.
const ci = ['1', 'true'].includes(String(process.env.CI).toLowerCase());
const scale = Number(process.env.E2E_TIMEOUT_SCALE ?? (ci ? 1.5 : 4));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000 * scale,
  expect: { timeout: 5_000 * scale },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: '.tmp/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    // A trace records every action's DOM for every test; CI keeps no artifacts, so there it only costs time (the
    // failure's message and error-context.md remain). E2E_TRACE=retain-on-failure turns it on.
    trace: (process.env.E2E_TRACE ?? (ci ? 'off' : 'retain-on-failure')) as 'off' | 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium reaches for the network, which is closed here.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000 * scale,
    env: { E2E_PORT: String(port) },
  },
});

// The server Playwright starts: a fresh embedded database in .tmp, on the port playwright.config.ts names.
import { rmSync } from 'node:fs';

process.env.DATA_DIR = '.tmp/e2e-data';
process.env.PORT = process.env.E2E_PORT ?? '3100';
process.env.HOST = '127.0.0.1';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
rmSync(process.env.DATA_DIR, { recursive: true, force: true });
await import('./start.mjs');

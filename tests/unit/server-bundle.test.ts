import { describe, expect, it } from 'vitest';
import { withFileUrls } from '../../scripts/build.mjs';

// The bundle (dist/server/server.cjs) as esbuild writes it: the banner, then each module headed by its source.
const bundle = [
  "'use strict'; const __bundleFile = (path) => require('node:path').join(__dirname, path); const __bundleUrl = 1;",
  'var __helper = 1;',
  '// src/server/db/schema.ts',
  'var MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", __bundleUrl));',
  '// node_modules/pino/lib/transport.js',
  'var require_transport = __commonJS({',
  '  "node_modules/pino/lib/transport.js"(exports, module) {',
  '    const worker = join(__dirname, "worker.js"), self = __filename, other = options.__dirname;',
  '  }',
  '});',
].join('\n');

const inputs = new Set(['src/server/db/schema.ts', 'node_modules/pino/lib/transport.js']);

describe('the server bundle: each module keeps its own file', () => {
  const out = withFileUrls(bundle, inputs).split('\n');

  it('leaves the banner, which defines them, as it is', () => {
    expect(out[0]).toBe(bundle.split('\n')[0]);
  });

  it("gives our module its source's URL, reckoned from the bundle's (dist/server/server.cjs)", () => {
    expect(out[3]).toBe(
      'var MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", new URL("../../src/server/db/schema.ts", __bundleUrl).href));',
    );
  });

  it("gives a package's module its own directory and file in node_modules, and leaves a property of that name", () => {
    expect(out[7]).toBe(
      '    const worker = join(__bundleFile("../../node_modules/pino/lib/"), "worker.js"), ' +
        'self = __bundleFile("../../node_modules/pino/lib/transport.js"), other = options.__dirname;',
    );
  });

  it('refuses a use outside any module rather than build a wrong path', () => {
    expect(() => withFileUrls(`${bundle.split('\n')[0]}\nvar x = __dirname;`, inputs)).toThrow(/outside any module/);
  });

  it('takes only a comment naming one of the inputs for a heading', () => {
    const commented = bundle.replace('var require_transport', '// lib/worker.js\nvar require_transport');
    expect(withFileUrls(commented, inputs)).toContain('__bundleFile("../../node_modules/pino/lib/transport.js")');
  });
});

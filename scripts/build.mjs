// Builds what `npm start` serves, each only if it is missing or older than its sources:
// - the UI: Vite, src/web (+ src/shared) → dist/web;
// - the server: esbuild, src/server/start-server.ts with src/rules, src/shared and the packages it loads → one file,
//   dist/server/server.cjs (ADR 0008: one file to read and compile instead of about 1,500, and one V8 compiles from
//   its code cache, scripts/server-bundle.mjs). Each module still finds the files beside its source (policy/, the
//   migrations) where they are in the checkout.
// `node scripts/build.mjs` builds what is stale; `--force` builds both. start.mjs and test.mjs call buildIfStale().
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER_SOURCES = ['src/server', 'src/rules', 'src/shared'];
/** What `npm start` runs: src/server/start-server.ts bundled with its packages (scripts/start.mjs loads it). */
export const SERVER_BUNDLE = 'dist/server/server.cjs';
const WEB_ENTRY = 'dist/web/index.html';

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const stale = (built, sources) =>
  !existsSync(built) || Math.max(...sources.map(newest), statSync(import.meta.filename).mtimeMs) > statSync(built).mtimeMs;

export const webIsStale = () => stale(WEB_ENTRY, ['src/web', 'src/shared']);
// The bundle holds the packages too: an install that changed them (npm writes its lock file) builds it again.
const INSTALLED = ['package-lock.json', 'node_modules/.package-lock.json'];
export const serverIsStale = () => stale(SERVER_BUNDLE, [...SERVER_SOURCES, ...INSTALLED.filter((f) => existsSync(f))]);

/** Packages main.js loads from node_modules rather than from its bundle (PGlite: start.mjs has loaded it already;
 * pdfkit and fontkit: loaded on first use). */
const BUNDLE_EXTERNAL = ['@electric-sql/pglite', 'fontkit', 'pdfkit'];
// A module's own file (below): the bundle's directory and URL, from which each module's is reckoned.
const BUNDLE_BANNER = [
  // As esbuild heads a CommonJS bundle of ES modules (strict, as ES modules are); a banner goes before its own.
  "'use strict';",
  'const __bundleFile = (path) => require("node:path").join(__dirname, path);',
  'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
].join(' ');

/**
 * In a bundle a module's `import.meta.url`, `__dirname` and `__filename` are the bundle's own; a module that finds a
 * file relative to itself (our policy/ and migrations; swagger-ui's static files, pino's worker) must get its own
 * file's. esbuild heads each module's code with a comment naming its source (`// src/server/db/schema.ts`,
 * `// node_modules/pino/lib/transport.js`; `inputs`: the build's); within it they become that file's, reckoned from the bundle's URL at run
 * time: its source file in the checkout (src/…/x.ts, node_modules/…).
 */
export function withFileUrls(text, inputs) {
  const fromBundle = relative(dirname(SERVER_BUNDLE), '.');
  // A heading names one of the build's inputs (as esbuild names them: relative to here, symbolic links resolved).
  const headings = [...text.matchAll(/^[ \t]*\/\/ (\S+)$/gm)].filter((heading) => inputs.has(heading[1]));
  // The first line is the banner, which defines them.
  const bannerEnd = text.indexOf('\n');
  const own = /__bundleUrl|(?<![.\w$])__dirname(?![\w$])|(?<![.\w$])__filename(?![\w$])/g;
  return text.replace(own, (name, offset) => {
    if (offset < bannerEnd) return name;
    // The last heading before it (binary search: there are about 1,500).
    let [low, high] = [0, headings.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (headings[middle].index < offset) low = middle;
      else high = middle - 1;
    }
    const source = headings[low]?.index < offset ? headings[low][1] : null;
    if (!source) throw new Error(`build: a module's own path outside any module, at ${offset}`);
    const built = join(fromBundle, source);
    if (name === '__bundleUrl') return `new URL(${JSON.stringify(built)}, __bundleUrl).href`;
    if (name === '__dirname') return `__bundleFile(${JSON.stringify(`${dirname(built)}/`)})`;
    return `__bundleFile(${JSON.stringify(built)})`;
  });
}

const cpuMsNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The CPU milliseconds so far of this process's running children named `name` (Linux: utime + stime, fields 14 and
 * 15 of /proc/PID/stat, in clock ticks of 1/100 s); null where /proc does not tell.
 */
function liveChildCpuMs(name) {
  try {
    const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/);
    let ms = 0;
    for (const pid of pids.filter(Boolean)) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes(`(${name})`)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * 10;
    }
    return ms;
  } catch {
    return null;
  }
}

/**
 * Vite in a child process: the caller may do other work (start.mjs opens the database) until it is done. Resolves to
 * the stage's timing for the start-up log (src/server/platform/startup-timer.ts): wall time, and the child's CPU as
 * it reports it.
 */
export function buildWeb() {
  const wall = performance.now();
  return new Promise((resolve, reject) => {
    let childCpuMs;
    const child = spawn(process.execPath, ['scripts/vite-build.mjs'], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      childCpuMs = m.cpuMs;
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error('vite build failed'));
      resolve({
        stage: 'UI build (Vite)',
        wallMs: Math.round(performance.now() - wall),
        // This process only spawns and waits; the work is the child's, beside the server's own stages.
        cpuMs: 0,
        ...(childCpuMs === undefined ? {} : { childCpuMs }),
        parallel: true,
      });
    });
  });
}

/**
 * The server's start, bundled with the libraries it loads (one file instead of about 1,500: Node loaded each module
 * file on its own, a third of a warm start). CommonJS, so that scripts/start.mjs can compile it with V8's code cache.
 * No plugin calls back into this process, so esbuild's own process does the work while this one does another
 * (start.mjs opens the database meanwhile).
 */
export async function buildServer({ onStarted = () => {} } = {}) {
  const wall = performance.now();
  const cpu = cpuMsNow();
  const esbuild = await import('esbuild');
  // dist/rules and dist/shared: what the file-by-file build of ADR 0003 left.
  for (const dir of ['dist/server', 'dist/rules', 'dist/shared']) rmSync(dir, { recursive: true, force: true });
  const bundling = esbuild.build({
    entryPoints: ['src/server/start-server.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    external: BUNDLE_EXTERNAL,
    format: 'cjs',
    // Each module's own URL, set per module below (withFileUrls).
    define: { 'import.meta.url': '__bundleUrl' },
    platform: 'node',
    target: 'node20',
    // Stack traces name the source file and line; the sources themselves are in src/ and node_modules/ (a map that
    // carried them would be read at every start).
    sourcemap: true,
    sourcesContent: false,
    write: false,
    logLevel: 'warning',
    banner: { js: BUNDLE_BANNER },
    metafile: true,
  });
  onStarted();
  const bundled = await bundling;
  const bundle = bundled.outputFiles.find((f) => f.path.endsWith('.cjs'));
  const bundleMap = bundled.outputFiles.find((f) => f.path.endsWith('.cjs.map'));
  mkdirSync(dirname(bundle.path), { recursive: true });
  writeFileSync(bundle.path, withFileUrls(bundle.text, new Set(Object.keys(bundled.metafile.inputs))));
  writeFileSync(bundleMap.path, bundleMap.contents);
  // esbuild's service process (started by this build) ends here rather than idle beside the server.
  const childCpuMs = liveChildCpuMs('esbuild');
  await esbuild.stop();
  return {
    stage: 'server build (esbuild)',
    wallMs: Math.round(performance.now() - wall),
    cpuMs: Math.round(cpuMsNow() - cpu),
    ...(childCpuMs === null ? {} : { childCpuMs }),
  };
}

/** Builds the UI and the server if stale; returns what it built. */
export async function buildIfStale({ force = false } = {}) {
  const built = [];
  if (force || webIsStale()) {
    console.log('Building the UI (vite build) …');
    await buildWeb();
    built.push('web');
  }
  if (force || serverIsStale()) {
    console.log('Building the server (esbuild) …');
    await buildServer();
    built.push('server');
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildIfStale({ force: process.argv.includes('--force') });
}

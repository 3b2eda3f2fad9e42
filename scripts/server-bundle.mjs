// Loads the built server (dist/server/server.cjs, scripts/build.mjs) the way Node loads a CommonJS module, but
// compiled from V8's code cache when there is one: the bundle is 8 MB of JavaScript, and parsing and compiling it
// was most of what loading the server's modules cost on a warm start. The cache (server.cjs.cache beside it) is
// written after a start that had none or whose cache V8 refused (another Node, other flags); a new build removes it
// with the rest of dist/server.
//
// Node maps stack traces through source maps only for modules it compiles itself, so the bundle's are mapped here,
// when a stack is formatted: the map is read on the first error that passes through the bundle, not at every start.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire, SourceMap } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** Runs the bundle at `path`; returns its exports and a function that stores its code cache if it had none. */
export function loadServerBundle(path) {
  const file = resolve(path);
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const wrapper = Module.wrap(readFileSync(file, 'utf8'));
  const script = new vm.Script(wrapper, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // The CommonJS wrapper's head shares the bundle's first line.
  mapStackTraces(file, Module.wrap('').indexOf('{') + 2);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    codeCache: cachedData && !script.cachedDataRejected ? 'used' : 'none',
    /** After the start, so the functions it compiled are in the cache too. */
    storeCodeCache() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only checkout starts as fast as before; nothing else depends on the cache.
      }
    },
  };
}

/** Positions in the bundle become positions in its sources (src/…/x.ts, node_modules/…) in every stack trace. */
function mapStackTraces(file, wrapperHeadLength) {
  let map;
  const sourceOf = (source) => {
    if (source.startsWith('file:')) return fileURLToPath(source);
    return isAbsolute(source) ? source : resolve(dirname(file), source);
  };
  const mapped = (frame) => {
    const text = `    at ${frame}`;
    if (frame.getFileName() !== file) return text;
    try {
      map ??= new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      return text;
    }
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    const entry = map.findEntry(line - 1, column - 1 - (line === 1 ? wrapperHeadLength : 0));
    if (!entry?.originalSource) return text;
    return text.replace(
      `${file}:${line}:${column}`,
      `${sourceOf(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`,
    );
  };
  Error.prepareStackTrace = (error, frames) => {
    let head;
    try {
      head = String(error);
    } catch {
      head = Object.prototype.toString.call(error);
    }
    return [head, ...frames.map(mapped)].join('\n');
  };
}

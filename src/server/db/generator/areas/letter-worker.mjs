// Entry of the letter-rendering worker thread: the TypeScript module through tsx when running from source, the
// compiled module otherwise (a worker does not inherit the parent's module loader).
import { existsSync } from 'node:fs';

const source = new URL('./letter-worker.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('./letter-worker.js', import.meta.url).href);
}

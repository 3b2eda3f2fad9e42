// Vite's production build (vite.config.ts) in a child process of scripts/build.mjs, which reports to its parent
// the CPU time it took (its own threads: Vite's bundler works on several), for the start-up log's stages.
import { build } from 'vite';

await build({ logLevel: 'warn' });
const cpu = process.cpuUsage();
process.send?.({ cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
process.disconnect?.();

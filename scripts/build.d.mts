// Types for TypeScript that imports build.mjs (plain JavaScript: it runs before anything is built).
type StageTiming = { stage: string; wallMs: number; cpuMs: number; childCpuMs?: number; parallel?: true };
export declare const SERVER_BUNDLE: string;
export declare function webIsStale(): boolean;
export declare function serverIsStale(): boolean;
export declare function withFileUrls(text: string, inputs: ReadonlySet<string>): string;
export declare function buildWeb(): Promise<StageTiming>;
export declare function buildServer(options?: { onStarted?: () => void }): Promise<StageTiming>;
export declare function buildIfStale(options?: { force?: boolean }): Promise<('web' | 'server')[]>;

import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { type Clock, systemClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { inSystem } from '../tx.ts';
import { auditRepository, type ChainHead } from './audit.repository.ts';

/**
 * A chain's head, written outside the database it guards: which chain (the municipality's id; SYSTEM_CHAIN_ID for the system chain), the
 * head's position and hash, its id, when it was written to the log and when it was anchored. The hash covers the
 * whole chain up to it, so a database whose chain no longer reaches this position with this hash has lost or
 * changed entries that existed when the anchor was written (audit-verify.ts).
 */
export type AuditAnchor = { chain: string; seq: number; hash: string; id: number; headAt: string; anchoredAt: string };

/** Where anchors go: append-only, outside the database. */
export type AnchorSink = { describe: string; append(anchors: AuditAnchor[]): Promise<void> };

/** One JSON line per anchor, appended to a file (default: `DATA_DIR/audit-anchors.jsonl`). */
export function fileSink(path: string): AnchorSink {
  return {
    describe: `file ${path}`,
    async append(anchors) {
      await mkdir(dirname(path), { recursive: true });
      // O_APPEND: each write lands at the end; the file is never rewritten by Visitator.
      await appendFile(path, anchors.map((a) => `${JSON.stringify(a)}\n`).join(''), { flag: 'a', mode: 0o640 });
    },
  };
}

/**
 * RFC 5424 syslog (facility 13, "log audit"; severity 6) over UDP or TCP (octet-counted, RFC 6587), one message per
 * anchor with the anchor's JSON as the message. A collector that stores to write-once media keeps them out of the
 * reach of anyone who can change the database; verify against its export (`npm run audit:verify -- --anchors FILE`).
 */
export function syslogSink(url: URL, host = hostname()): AnchorSink {
  const port = Number(url.port || 514);
  const message = (a: AuditAnchor) => `<110>1 ${a.anchoredAt} ${host} visitator - audit-anchor - ${JSON.stringify(a)}`;
  return {
    describe: `syslog ${url.protocol}//${url.hostname}:${port}`,
    async append(anchors) {
      if (url.protocol === 'udp:') {
        const { createSocket } = await import('node:dgram');
        const socket = createSocket(url.hostname.includes(':') ? 'udp6' : 'udp4');
        try {
          for (const a of anchors) {
            await new Promise<void>((resolve, reject) =>
              socket.send(Buffer.from(message(a)), port, url.hostname, (e) => (e ? reject(e) : resolve())),
            );
          }
        } finally {
          socket.close();
        }
        return;
      }
      const { connect } = await import('node:net');
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, url.hostname, () => {
          const frames = anchors.map((a) => {
            const m = Buffer.from(message(a));
            return `${m.length} ${m.toString()}`;
          });
          socket.end(frames.join(''), () => resolve());
        });
        socket.on('error', reject);
      });
    },
  };
}

/** AUDIT_ANCHOR_SINK: `file:/path`, `syslog+udp://host:514` or `syslog+tcp://host:601`. */
export function sinkOf(setting: string): AnchorSink {
  if (setting.startsWith('file:')) return fileSink(setting.slice('file:'.length));
  const m = /^syslog\+(udp|tcp):\/\/(.+)$/.exec(setting);
  if (m) return syslogSink(new URL(`${m[1]}://${m[2]}`));
  throw new Error(`Unknown audit anchor sink: ${setting}`);
}

/**
 * Writes the head of every chain that moved since this process last anchored it (all of them the first time), and
 * returns how many. Runs as the owner: it reads every municipality's newest entry, one index probe each.
 */
export function anchorer(database: Database, sink: AnchorSink, clock: Clock = systemClock) {
  const anchored = new Map<string, string>();
  return async function anchorNow(): Promise<number> {
    const heads: ChainHead[] = await inSystem(database, (tx) => auditRepository.heads(tx));
    const anchoredAt = clock.now().toISOString();
    const moved = heads
      .filter((h) => anchored.get(h.municipality_id) !== h.hash)
      .map((h) => ({
        chain: h.municipality_id,
        seq: Number(h.chain_seq),
        hash: h.hash,
        id: Number(h.id),
        headAt: new Date(h.occurred_at).toISOString(),
        anchoredAt,
      }));
    if (!moved.length) return 0;
    await sink.append(moved);
    for (const a of moved) anchored.set(a.chain, a.hash);
    return moved.length;
  };
}

/**
 * The newest anchor of each chain in an anchor file (JSON lines; a syslog prefix before the JSON is skipped), and
 * how many anchors it held. A line that is not an anchor is counted, not trusted.
 */
export async function readAnchors(path: string): Promise<{ latest: Map<string, AuditAnchor>; read: number; unreadable: number }> {
  const latest = new Map<string, AuditAnchor>();
  let read = 0;
  let unreadable = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const a = parseAnchor(line.slice(Math.max(0, line.indexOf('{'))));
    if (!a) {
      unreadable++;
      continue;
    }
    read++;
    const known = latest.get(a.chain);
    if (!known || a.seq >= known.seq) latest.set(a.chain, a);
  }
  return { latest, read, unreadable };
}

function parseAnchor(json: string): AuditAnchor | undefined {
  try {
    const a = JSON.parse(json) as Partial<AuditAnchor>;
    const ok =
      typeof a.chain === 'string' &&
      Number.isInteger(a.seq) &&
      typeof a.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(a.hash) &&
      typeof a.anchoredAt === 'string';
    return ok ? (a as AuditAnchor) : undefined;
  } catch {
    return undefined;
  }
}

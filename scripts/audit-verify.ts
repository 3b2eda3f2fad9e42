// `npm run audit:verify [-- --anchors FILE | --no-anchors]`: walks the audit log's hash chains and checks each chain
// against its newest anchor (written outside the database; by default the AUDIT_ANCHOR_SINK file). Exit code 1 on
// any finding, or when there are no anchors to check the chains' ends against (unless --no-anchors).
import { existsSync } from 'node:fs';
import { readAnchors } from '../src/server/platform/audit/audit-anchor.ts';
import { SYSTEM_CHAIN_ID } from '../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../src/server/platform/audit/audit-verify.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';

const args = process.argv.slice(2);
const noAnchors = args.includes('--no-anchors');
const anchorsArg = args.indexOf('--anchors');
const config = loadConfig();
const anchorFile =
  anchorsArg >= 0
    ? args[anchorsArg + 1]
    : config.auditAnchorSink.startsWith('file:')
      ? config.auditAnchorSink.slice('file:'.length)
      : undefined;

const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  let anchors: Awaited<ReturnType<typeof readAnchors>> | undefined;
  if (!noAnchors) {
    if (!anchorFile || !existsSync(anchorFile)) {
      console.error(
        `No anchors at ${anchorFile ?? '(AUDIT_ANCHOR_SINK is not a file: pass --anchors FILE with the collector’s export)'}: ` +
          'the end of each chain cannot be checked. Pass --no-anchors to check the chains alone.',
      );
      process.exitCode = 1;
    } else {
      anchors = await readAnchors(anchorFile);
    }
  }
  const result = await verifyAuditChain(database, 1000, anchors?.latest);
  const scope = anchors
    ? `against ${anchors.read} anchors of ${anchors.latest.size} chains in ${anchorFile}`
    : 'without anchors (the chains alone; their newest entries are not covered)';
  if (anchors?.unreadable) console.error(`${anchors.unreadable} lines of ${anchorFile} are not anchors and were ignored.`);
  if (result.ok) {
    console.log(`Audit log intact: ${result.entries} entries in ${result.chains} chains, checked ${scope}.`);
    if (result.anchors?.unanchoredEntries) {
      console.log(
        `${result.anchors.unanchoredEntries} entries are newer than their chain's last anchor (covered by the chain only).`,
      );
    }
  } else {
    console.error(`Audit log BROKEN (${result.findings.length} chains), checked ${scope}:`);
    for (const f of result.findings) {
      const at = f.id === null ? '' : ` at entry ${f.id} (position ${f.seq})`;
      console.error(`- ${f.chain === SYSTEM_CHAIN_ID ? 'the system chain' : `chain ${f.chain}`}${at}: ${f.reason}.`);
    }
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

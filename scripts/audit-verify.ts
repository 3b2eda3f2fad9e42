// `npm run audit:verify`: walks the audit log's hash chains and reports the first broken link.
import { SYSTEM_CHAIN_ID } from '../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../src/server/platform/audit/audit-verify.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';

const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  const result = await verifyAuditChain(database);
  if (result.ok) {
    console.log(`Audit log intact: ${result.entries} entries in ${result.chains} chains.`);
  } else {
    const { id, municipalityId, reason } = result.brokenAt;
    console.error(
      `Audit log BROKEN at entry ${id} (${municipalityId === SYSTEM_CHAIN_ID ? 'the system chain' : `municipality ${municipalityId}`}): ${reason}.`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

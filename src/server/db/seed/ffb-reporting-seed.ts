import type { Database } from '../../platform/db/database.ts';

/**
 * FFB reporting settings of the demo municipalities. The KOMBIT STS organisation codes are INVENTED (the real ones are
 * issued by KOMBIT and not public); the gateway is the local stand-in (/api/ffb-standin/reports), so the demo sends
 * and shows the answers. Set once; an administrator may change them.
 */
export const DEMO_ORGANISATION_CODES: Record<string, string> = {
  '730': '9d3c1f0e-5b7a-4c2e-8f41-7306a0000730', // Randers (invented)
  '760': '2a6e4b91-0c3d-4f58-a7e2-7606a0000760', // Ringkøbing-Skjern (invented)
  '707': '5f8b2d47-6e1a-4c93-b0d5-7076a0000707', // Norddjurs (invented)
};

export async function seedFfbReportingSettings(database: Database, gatewayUrl: string | null): Promise<number> {
  return database.adminTransaction(async (tx) => {
    let n = 0;
    const municipalities = await tx.query<{ id: string; code: string }>('select id, code from municipality order by code');
    for (const m of municipalities) {
      const org = DEMO_ORGANISATION_CODES[m.code];
      if (!org) continue;
      const rows = await tx.query(
        `insert into ffb_reporting_setting (municipality_id, organisation_code, gateway_url, enabled, case_number_system)
         values ($1, $2, $3, true, $4) on conflict (municipality_id) do nothing returning municipality_id`,
        [m.id, org, gatewayUrl, `urn:visitator:sagsnummer:${m.code}`],
      );
      n += rows.length;
    }
    return n;
  });
}

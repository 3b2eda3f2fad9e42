import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { inSystem } from '../../platform/tx.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { validateReport } from './ffb-report.ts';

/**
 * A local stand-in for KL's FFB gateway, for the demo and tests (never in production): it validates a posted delivery
 * report as the guide says the gateway does (structure, cardinality, codes, references) and answers like one — 201
 * with an informational OperationOutcome, or 422 with one issue per broken rule, its machine-readable code the rule
 * id. It keeps nothing.
 */
export const standInGatewayRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.post(
    '/api/ffb-standin/reports',
    { config: { access: 'public', csrfExempt: true }, schema: { hide: true } },
    async (request, reply) => {
      const bundle = request.body as Bundle;
      const { codes } = await inSystem(database, (tx) => ffbCodeIndex(tx));
      const violations = bundle?.resourceType === 'Bundle' ? validateReport(bundle, codes) : [];
      const outcome: OperationOutcome = {
        resourceType: 'OperationOutcome',
        issue:
          bundle?.resourceType !== 'Bundle'
            ? [{ severity: 'error', code: 'structure', details: { coding: [{ code: 'not-a-bundle' }] } }]
            : violations.length
              ? violations.map((v) => ({
                  severity: 'error' as const,
                  code: 'invariant' as const,
                  details: { coding: [{ code: v.rule }], text: `${v.resource}: ${v.message.en}` },
                }))
              : [
                  {
                    severity: 'information',
                    code: 'informational',
                    details: { text: 'Accepted by the Visitator stand-in gateway' },
                  },
                ],
      };
      const ok = bundle?.resourceType === 'Bundle' && violations.length === 0;
      return reply
        .status(ok ? 201 : 422)
        .type('application/fhir+json')
        .send(outcome);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type OrgUnitNode, orgUnitSchema } from '../../../shared/organisation/organisation.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { organisationService } from './organisation.service.ts';

const nodeSchema: z.ZodType<OrgUnitNode> = orgUnitSchema.extend({
  get children() {
    return z.array(nodeSchema);
  },
});

export const organisationRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/organisation/units',
    {
      config: { access: 'organisation.read' },
      schema: { tags: ['organisation'], summary: 'The municipality’s units as a tree', response: { 200: z.array(nodeSchema) } },
    },
    async (request) => organisationService.tree(contextOf(request, database)),
  );
};

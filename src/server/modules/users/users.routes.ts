import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageSchema } from '../../../shared/api/page.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import {
  sessionsEndedSchema,
  userActiveBodySchema,
  userActiveResultSchema,
  userAdminQuerySchema,
  userAdminRowSchema,
} from '../../../shared/users/user-admin.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { SessionSettings } from '../../platform/auth/sessions.ts';
import type { Database } from '../../platform/db/database.ts';
import { usersService } from './users.service.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ database: Database; sessionSettings: SessionSettings }> = async (
  app,
  { database, sessionSettings },
) => {
  app.get(
    '/api/admin/users',
    {
      config: { access: 'user.admin' },
      schema: {
        tags: ['users'],
        summary: 'The municipality’s users with their live sessions; staff unless a role is given; paged',
        querystring: userAdminQuerySchema,
        response: { 200: pageSchema(userAdminRowSchema) },
      },
    },
    async (request) => usersService.list(contextOf(request, database), sessionSettings, request.query),
  );

  app.post(
    '/api/admin/users/:id/end-sessions',
    {
      config: { access: 'user.admin' },
      schema: {
        tags: ['users'],
        summary: 'End every session of the user at once',
        params: idParamsSchema,
        response: { 200: sessionsEndedSchema },
      },
    },
    async (request) => usersService.endSessions(contextOf(request, database), request.params.id),
  );

  app.put(
    '/api/admin/users/:id/active',
    {
      config: { access: 'user.admin' },
      schema: {
        tags: ['users'],
        summary: 'Deactivate (ending every session) or reactivate the user',
        params: idParamsSchema,
        body: userActiveBodySchema,
        response: { 200: userActiveResultSchema },
      },
    },
    async (request) => usersService.setActive(contextOf(request, database), request.params.id, request.body.active),
  );
};

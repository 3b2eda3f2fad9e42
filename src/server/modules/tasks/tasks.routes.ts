import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import {
  completeTaskSchema,
  taskCountSchema,
  taskIdParamsSchema,
  taskItemSchema,
  taskQuerySchema,
} from '../../../shared/tasks/task.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { completeTask } from './complete-task.use-case.ts';
import { countTasks, listTasks } from './list-tasks.use-case.ts';

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/tasks',
    {
      config: { access: 'task.work' },
      schema: {
        tags,
        summary: 'My inbox: open tasks from events and my deadlines within 7 days or overdue; paged',
        querystring: taskQuerySchema,
        response: { 200: pageSchema(taskItemSchema) },
      },
    },
    async (request) => listTasks(contextOf(request, database), request.query),
  );

  app.get(
    '/api/tasks/count',
    {
      config: { access: 'task.work' },
      schema: { tags, summary: 'How many items my inbox holds (the header)', response: { 200: taskCountSchema } },
    },
    async (request) => countTasks(contextOf(request, database)),
  );

  app.post(
    '/api/tasks/:id/done',
    {
      config: { access: 'task.work' },
      schema: {
        tags,
        summary: 'Mark a task done (audited); 409 if someone else did first or it is a question to answer',
        params: taskIdParamsSchema,
        body: completeTaskSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await completeTask(contextOf(request, database), request.params.id, request.body.version);
      return reply.status(204).send(null);
    },
  );
};

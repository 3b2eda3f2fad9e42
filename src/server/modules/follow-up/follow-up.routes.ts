import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import { caseListQuerySchema } from '../../../shared/cases/case.schema.ts';
import {
  acceptOrderSchema,
  fkoStatusSchema,
  followUpAlertSchema,
  followUpSchema,
  hoursSchema,
  journalEntrySchema,
  messageSchema,
  providerOrderItemSchema,
  providerOrderQuerySchema,
  providerOrderSchema,
  subgoalSchema,
} from '../../../shared/follow-up/follow-up.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { authorityFollowUpService } from './authority.service.ts';
import { providerService } from './provider.service.ts';

const tags = ['follow-up'];
const goalParams = z.object({ id: uuidSchema, goalId: uuidSchema });
const followUpViewSchema = z.object({
  order: providerOrderSchema,
  followUps: z.array(
    z.object({
      id: uuidSchema,
      heldOn: z.string(),
      outcome: z.string(),
      note: z.string(),
      nextFollowUp: z.string().nullable(),
      heldByName: z.string(),
    }),
  ),
  timeLimit: z.enum(['expired', 'expiring']).nullable(),
});

export const followUpRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/provider/orders',
    {
      config: { access: 'order.read' },
      schema: {
        tags,
        summary: 'Orders at the actor’s offers: incoming, active ("our citizens") or ended; paged',
        querystring: providerOrderQuerySchema,
        response: { 200: pageSchema(providerOrderItemSchema) },
      },
    },
    async (request) => providerService.list(contextOf(request, database), request.query),
  );

  app.get(
    '/api/provider/orders/:id',
    {
      config: { access: 'order.read' },
      schema: {
        tags,
        summary: 'One order: frame, the § 141 plan’s relevant parts, goals, hours, journal, messages (404 if not ours)',
        params: idParamsSchema,
        response: { 200: providerOrderSchema },
      },
    },
    async (request) => providerService.read(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/provider/orders/:id/accept',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Accept the order and set the actual start',
        params: idParamsSchema,
        body: acceptOrderSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await providerService.accept(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/messages',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'A message to the authority about the order',
        params: idParamsSchema,
        body: messageSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await providerService.message(contextOf(request, database), request.params.id, request.body.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/goals/:goalId/subgoals',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Add a sub-goal (delmål) with a date',
        params: goalParams,
        body: subgoalSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await providerService.subgoal(contextOf(request, database), request.params.id, request.params.goalId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/journal',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Daily documentation against a goal',
        params: idParamsSchema,
        body: journalEntrySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await providerService.journal(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/provider/orders/:id/hours',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Delivered ATA hours for one week (re-registering corrects it)',
        params: idParamsSchema,
        body: hoursSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await providerService.hours(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/goals/:goalId/statuses',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Score the goal’s current support need (FKO), quarterly or final; 409 on a stale goal version',
        params: goalParams,
        body: fkoStatusSchema,
        response: { 201: z.object({ statusId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await providerService.status(contextOf(request, database), request.params.id, request.params.goalId, request.body)),
  );

  app.get(
    '/api/follow-up/alerts',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'Running orders needing attention: overdue FKO status, hours off the frame, time limits, follow-up due',
        querystring: caseListQuerySchema,
        response: { 200: pageSchema(followUpAlertSchema) },
      },
    },
    async (request) => authorityFollowUpService.alerts(contextOf(request, database), request.query),
  );

  app.get(
    '/api/cases/:id/follow-up',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The follow-up view: goal history, hours against the frame, the provider’s notes and messages',
        params: idParamsSchema,
        response: { 200: followUpViewSchema },
      },
    },
    async (request) => authorityFollowUpService.view(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/cases/:id/follow-up',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Hold the follow-up: continue, end and refer, or end (a stop decision; § 85 continues 4 weeks)',
        params: idParamsSchema,
        body: followUpSchema,
        response: { 201: z.object({ followUpId: z.string(), documentId: z.string().nullable() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await authorityFollowUpService.hold(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/follow-up/messages',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'A message to the provider about the order',
        params: idParamsSchema,
        body: messageSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await authorityFollowUpService.message(contextOf(request, database), request.params.id, request.body.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/revisitation',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Start a revisitation: a new decision on the frame or the offer',
        params: idParamsSchema,
        body: z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(4000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await authorityFollowUpService.revisit(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { caseListQuerySchema } from '../../../shared/cases/case.schema.ts';
import { letterPreviewSchema } from '../../../shared/cases/complaint.schema.ts';
import {
  acceptOrderSchema,
  fkoStatusSchema,
  followUpAlertSchema,
  followUpEntrySchema,
  followUpSchema,
  hoursSchema,
  journalEntrySchema,
  messageSchema,
  orderJournalEntrySchema,
  providerOrderItemSchema,
  providerOrderQuerySchema,
  providerOrderSchema,
  subgoalSchema,
} from '../../../shared/follow-up/follow-up.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { answerQuestionSchema, askQuestionSchema, declineOrderSchema } from '../../../shared/tasks/task.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { previewLetter } from '../case-file/index.ts';
import { acceptOrder } from './accept-order.use-case.ts';
import { addSubgoal } from './add-subgoal.use-case.ts';
import { answerQuestion } from './answer-question.use-case.ts';
import { askQuestion } from './ask-question.use-case.ts';
import { declineOrder } from './decline-order.use-case.ts';
import { holdFollowUp } from './hold-follow-up.use-case.ts';
import { listFollowUpAlerts } from './list-follow-up-alerts.use-case.ts';
import { listProviderOrders } from './list-provider-orders.use-case.ts';
import { messageAuthority } from './message-authority.use-case.ts';
import { messageProvider } from './message-provider.use-case.ts';
import { readFollowUp, readFollowUps } from './read-follow-up.use-case.ts';
import { readOrderJournal } from './read-order-journal.use-case.ts';
import { readProviderOrder } from './read-provider-order.use-case.ts';
import { registerHours } from './register-hours.use-case.ts';
import { scoreGoal } from './score-goal.use-case.ts';
import { writeJournal } from './write-journal.use-case.ts';

const tags = ['follow-up'];
const goalParams = z.object({ id: uuidSchema, goalId: uuidSchema });
const followUpViewSchema = z.object({
  order: providerOrderSchema,
  followUps: z.array(followUpEntrySchema),
  followUpsTotal: z.number().int(),
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
    async (request) => listProviderOrders(contextOf(request, database), request.query),
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
    async (request) => readProviderOrder(contextOf(request, database), request.params.id),
  );

  // The provider's journal a page at a time, for the provider's staff and for the authority's follow-up.
  const journalPage = {
    tags,
    summary: 'The provider’s journal on an order, newest first, a page at a time (the order carries the newest 50)',
    params: idParamsSchema,
    querystring: pageQuerySchema,
    response: { 200: pageSchema(orderJournalEntrySchema) },
  };
  app.get('/api/provider/orders/:id/journal', { config: { access: 'order.read' }, schema: journalPage }, async (request) =>
    readOrderJournal(contextOf(request, database), request.params.id, request.query),
  );
  app.get('/api/orders/:id/journal', { config: { access: 'case.read' }, schema: journalPage }, async (request) =>
    readOrderJournal(contextOf(request, database), request.params.id, request.query),
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
      await acceptOrder(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/decline',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Decline the order with a reason (the caseworker gets it as a task); 409 if it moved or was answered',
        params: idParamsSchema,
        body: declineOrderSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await declineOrder(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/provider/orders/:id/question',
    {
      config: { access: 'order.write' },
      schema: {
        tags,
        summary: 'Ask the caseworker about the order and hold it until answered (a task for the caseworker)',
        params: idParamsSchema,
        body: askQuestionSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await askQuestion(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orders/:id/answer',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Answer the provider’s question: the order is released and the question task is done',
        params: idParamsSchema,
        body: answerQuestionSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await answerQuestion(contextOf(request, database), request.params.id, request.body);
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
      await messageAuthority(contextOf(request, database), request.params.id, request.body.body);
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
      await addSubgoal(contextOf(request, database), request.params.id, request.params.goalId, request.body);
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
      await writeJournal(contextOf(request, database), request.params.id, request.body);
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
      await registerHours(contextOf(request, database), request.params.id, request.body);
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
        .send(await scoreGoal(contextOf(request, database), request.params.id, request.params.goalId, request.body)),
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
    async (request) => listFollowUpAlerts(contextOf(request, database), request.query),
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
    async (request) => readFollowUp(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/cases/:id/follow-ups',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The case’s follow-ups, newest first, a page at a time (the follow-up view carries the newest 50)',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(followUpEntrySchema) },
      },
    },
    async (request) => readFollowUps(contextOf(request, database), request.params.id, request.query),
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
      reply.status(201).send(await holdFollowUp(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/follow-up/preview',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'The stop decision letter exactly as ending support would send it (none to continue); nothing is saved',
        params: idParamsSchema,
        body: followUpSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => {
      // Continuing sends no letter; only ending support is a decision with one.
      if (request.body.outcome === 'continue') return { letter: null };
      const ctx = contextOf(request, database);
      return { letter: await previewLetter(ctx, () => holdFollowUp(ctx, request.params.id, request.body)) };
    },
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
      await messageProvider(contextOf(request, database), request.params.id, request.body.body);
      return reply.status(204).send(null);
    },
  );
};

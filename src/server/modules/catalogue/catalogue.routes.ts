import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import {
  approveVersionSchema,
  catalogueListQuerySchema,
  catalogueOnQuerySchema,
  contentDiffSchema,
  createServiceDescriptionSchema,
  ffbCodeSchema,
  ffbQuerySchema,
  serviceDescriptionDetailSchema,
  serviceDescriptionSummarySchema,
  updateDraftSchema,
} from '../../../shared/catalogue/catalogue.schema.ts';
import { interventionQuerySchema, interventionSchema } from '../../../shared/catalogue/intervention.schema.ts';
import { LEGAL_BASES } from '../../../shared/catalogue/legal-bases.ts';
import { offerDetailSchema, offerListQuerySchema, offerSummarySchema } from '../../../shared/catalogue/offer.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { catalogueService } from './catalogue.service.ts';
import { listInterventions } from './interventions.ts';

const tags = ['catalogue'];

export const catalogueRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  // Public: no log-in. Citizens, relatives and partners are entitled to know the service level.
  app.get(
    '/api/public/catalogue/service-descriptions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Service descriptions and quality standards with the version in force (on a date, today by default)',
        querystring: catalogueListQuerySchema,
        response: { 200: pageSchema(serviceDescriptionSummarySchema) },
      },
    },
    async (request) => {
      const { municipality, ...rest } = request.query;
      return catalogueService.publicList(
        database,
        { ...rest, ...(municipality ? { municipalityCode: municipality } : {}) },
        app.clock.today(),
      );
    },
  );

  app.get(
    '/api/public/catalogue/service-descriptions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One description: the version in force on a date, or a given approved version, and its history',
        params: idParamsSchema,
        querystring: catalogueOnQuerySchema,
        response: { 200: serviceDescriptionDetailSchema },
      },
    },
    async (request) =>
      catalogueService.publicDetail(
        database,
        request.params.id,
        {
          ...(request.query.on ? { on: request.query.on } : {}),
          ...(request.query.version ? { version: request.query.version } : {}),
        },
        app.clock.today(),
      ),
  );

  app.get(
    '/api/public/catalogue/service-descriptions/:id/diff',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What changed between two approved versions',
        params: idParamsSchema,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: contentDiffSchema },
      },
    },
    async (request) => catalogueService.publicDiff(database, request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/public/catalogue/compare',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Two municipalities’ documents for the same paragraph, with the version in force today',
        querystring: z.object({
          paragraph: z
            .string()
            .trim()
            .regex(/^\d{1,3}( [a-z])?$/),
          a: z.string().regex(/^\d{3}$/),
          b: z.string().regex(/^\d{3}$/),
        }),
        response: { 200: z.array(serviceDescriptionDetailSchema) },
      },
    },
    async (request) =>
      catalogueService.publicCompare(database, request.query.paragraph, [request.query.a, request.query.b], app.clock.today()),
  );

  app.get(
    '/api/public/catalogue/ffb-codes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'FFB codes (KL, version recorded per code) and local codes',
        querystring: ffbQuerySchema,
        response: { 200: pageSchema(ffbCodeSchema) },
      },
    },
    async (request) => catalogueService.ffbCodes(database, request.query),
  );

  app.get(
    '/api/public/catalogue/offers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Offers (tilbud): legal bases, places, rate',
        querystring: offerListQuerySchema,
        response: { 200: pageSchema(offerSummarySchema) },
      },
    },
    async (request) => {
      const { municipality, ...rest } = request.query;
      return catalogueService.publicOffers(database, { ...rest, ...(municipality ? { municipalityCode: municipality } : {}) });
    },
  );

  app.get(
    '/api/public/catalogue/offers/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One offer, complete', params: idParamsSchema, response: { 200: offerDetailSchema } },
    },
    async (request) => catalogueService.publicOffer(database, request.params.id),
  );

  app.get(
    '/api/public/catalogue/legal-bases',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The legal bases with Danish title and short text',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              law: z.string(),
              paragraph: z.string(),
              title: z.string(),
              text: z.string(),
              source: z.string(),
            }),
          ),
        },
      },
    },
    async () => [...LEGAL_BASES],
  );

  app.get(
    '/api/public/catalogue/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The whole public catalogue as JSON (legal bases, FFB version, descriptions with all approved versions, offers)',
      },
    },
    async (_request, reply) => {
      reply.header('content-disposition', 'attachment; filename="visitator-katalog.json"');
      return catalogueService.exportAll(database, app.clock);
    },
  );

  app.get(
    '/api/public/catalogue/interventions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Interventions that have worked elsewhere (case descriptions), by category and legal basis',
        querystring: interventionQuerySchema,
        response: { 200: pageSchema(interventionSchema) },
      },
    },
    async (request) => listInterventions(request.query),
  );

  // Administration: only administrators change the catalogue; every change is audited.
  app.get(
    '/api/catalogue/service-descriptions/:id',
    {
      config: { access: 'catalogue.edit' },
      schema: {
        tags,
        summary: 'A description with all versions, drafts included',
        params: idParamsSchema,
        response: { 200: serviceDescriptionDetailSchema },
      },
    },
    async (request) => catalogueService.adminDetail(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/catalogue/service-descriptions',
    {
      config: { access: 'catalogue.edit' },
      schema: {
        tags,
        summary: 'Create a service description or quality standard (as draft version 1)',
        body: createServiceDescriptionSchema,
        response: { 201: z.object({ id: z.string(), versionId: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogueService.create(contextOf(request, database), request.body)),
  );

  app.post(
    '/api/catalogue/service-descriptions/:id/drafts',
    {
      config: { access: 'catalogue.edit' },
      schema: {
        tags,
        summary: 'Start a new draft from the newest approved version',
        params: idParamsSchema,
        response: { 201: z.object({ versionId: z.string(), number: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogueService.newDraft(contextOf(request, database), request.params.id)),
  );

  app.put(
    '/api/catalogue/versions/:id',
    {
      config: { access: 'catalogue.edit' },
      schema: {
        tags,
        summary: 'Edit a draft (optimistic locking on lockVersion)',
        params: idParamsSchema,
        body: updateDraftSchema,
        response: { 200: z.object({ lockVersion: z.number().int() }) },
      },
    },
    async (request) => catalogueService.updateDraft(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/catalogue/versions/:id/approve',
    {
      config: { access: 'catalogue.edit' },
      schema: {
        tags,
        summary: 'Approve a draft and set the date it comes into force',
        params: idParamsSchema,
        body: approveVersionSchema,
        response: { 200: z.object({ number: z.number().int(), inForceFrom: z.string() }) },
      },
    },
    async (request) => catalogueService.approve(contextOf(request, database), request.params.id, request.body),
  );
};

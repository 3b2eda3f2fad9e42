import type { FfbCitizenSnapshot } from '../../src/server/modules/ffb-reporting/ffb-snapshot.ts';

/** Børge Mogensen of the guide's example (input/fsh/KLReportingFFBExample.fsh) after the 5th encounter. */
export function borgeAfterAppropriation(citizenId = 'citizen-1', cpr = '0101814321'): FfbCitizenSnapshot {
  const cond = (code: string, severityCode: string | null) => ({
    key: `condition:case-1:${code}`,
    code,
    severityCode,
    recordedOn: '2021-05-28',
    lastAssertedOn: null,
    clinicalStatus: 'active' as const,
  });
  const MODERAT = '5bdde847-2837-416b-ab63-bbff8b7aa531';
  const LET = '8328ce4a-6238-4f73-bf1a-74aadb68eff8';
  const SVAERT = 'cae545f5-2813-4d79-98fc-0a7d770af3cd';
  const conditions = [
    cond('4934e45a-0f93-4c23-a767-2b681378700b', null),
    cond('83342ff3-5f2e-4914-b045-e98357685866', null),
    cond('3f9da5ac-9686-4eeb-b517-b46e17fcb1d7', MODERAT),
    cond('685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d', LET),
    cond('464a2ab6-a7df-4b3a-b74d-7873f4cfe668', SVAERT),
    cond('01770afa-cd17-41fe-a966-b8895e4d55d8', MODERAT),
    cond('eff3385d-01fa-4c9c-9850-52e179243f21', SVAERT),
  ];
  const evaluation = {
    key: 'evaluation:case-1:2021-05-29',
    code: 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae',
    effectiveOn: '2021-05-29',
  };
  const targetGroups = [
    {
      key: 'tg:1',
      code: '5cfc9530-a193-4f66-9981-3b980ee9ea7b',
      rank: 1 as const,
      recordedOn: '2021-05-29',
      clinicalStatus: 'active' as const,
    },
    {
      key: 'tg:2',
      code: 'da298aec-cd7d-436c-9927-d88d00066881',
      rank: 2 as const,
      recordedOn: '2021-05-29',
      clinicalStatus: 'active' as const,
    },
    {
      key: 'tg:3',
      code: '5e95db73-4d16-4084-93a3-595c0650b160',
      rank: 2 as const,
      recordedOn: '2021-05-29',
      clinicalStatus: 'active' as const,
    },
  ];
  const intervention = (key: string, code: string) => ({
    key,
    code,
    createdAt: '2021-05-29T16:10:23Z',
    start: '2021-05-29',
    end: null,
    status: 'active' as const,
    activityStatus: 'in-progress' as const,
  });
  return {
    citizenId,
    cpr,
    organisationCode: 'd4e3f4fb-6761-4d6c-9086-74c49231f11e',
    caseNumberSystem: 'http://example.dk/identifier/case',
    requests: [
      {
        caseId: 'case-1',
        caseNumber: 'Sag154689',
        status: 'active',
        targetGroups,
        gatherings: [
          {
            key: 'ig:case-1:1',
            status: 'completed',
            effectiveAt: '2021-05-29',
            conditions,
            evaluation,
            goals: [
              {
                key: 'goal:1',
                primaryConditionKey: conditions[2]?.key ?? '',
                secondaryConditionKeys: [conditions[3]?.key ?? '', conditions[6]?.key ?? ''],
                targetLevelCode: LET,
                goalTypeCode: '10752a63-00b4-4958-b7f4-9f3a18f74266',
                lifecycleStatus: 'active',
              },
            ],
          },
        ],
        carePlans: [
          {
            key: 'care-plan:1',
            start: '2021-05-29',
            end: null,
            status: 'active',
            intent: 'order',
            offerTypeCode: '498fe92c-d7f7-41cd-9404-5b38fe113be0',
            followUpOn: '2021-08-29',
            targetGroups,
            goalKeys: ['goal:1'],
            evaluation,
            interventions: [
              intervention('i:1', '638f44df-6bf2-47f8-9935-b8fdc83e5bf5'),
              intervention('i:2', '3c1639d0-e486-43c6-8add-448b8aff4b8f'),
            ],
            followUps: [],
          },
        ],
      },
    ],
  };
}

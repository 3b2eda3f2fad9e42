/**
 * The worked example of KL's FFB reporting guide (hl7dk/kl-ffb-reporting 1.0.0, input/pagecontent/example.md and
 * input/fsh/KLReportingFFBExample.fsh): Børge Mogensen followed through seven encounters, five of which give a
 * delivery report. Transcribed as data: for each report, the resources it holds, as signatures of what they say
 * (codes, ranks, statuses, dates), and the example's id of each, so that "same id = update" can be checked too.
 *
 * Where the example contradicts its own story or the guide's rules, the story wins, and the deviation is listed in
 * DEVIATIONS (each is asserted by the golden test).
 */

export const CODE = {
  // Conditions (FFB tilstande)
  bevidsthed: '4934e45a-0f93-4c23-a767-2b681378700b',
  intellektuelle: 'ef4271c4-f942-4194-a2b0-e9a7045eab22',
  problemloesning: 'b93216fa-3843-4a7e-85bc-e3ef35a1967f',
  syn: '9959e779-e8ee-47e8-989b-bbff4aae2883',
  doegnrytme: 'e6f82424-da5a-41d1-bd1a-5796aa79d5f2',
  tobak: 'f5b8e809-7689-4952-838c-a069c99408b3',
  interesser: '52efa2e9-e0dc-41eb-8c01-9865e2fdebae',
  familie: '7a8f247b-baf8-4552-95bb-acf8ef004b74',
  boligomraade: '83342ff3-5f2e-4914-b045-e98357685866',
  netvaerk: 'df194a84-6e4b-4f14-a194-d8d9d9a1fcad',
  samspil: '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7',
  beskaeftigelse: '685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d',
  spise: '464a2ab6-a7df-4b3a-b74d-7873f4cfe668',
  koebeInd: '01770afa-cd17-41fe-a966-b8895e4d55d8',
  transport: 'eff3385d-01fa-4c9c-9850-52e179243f21',
  // Funktionsevneniveau
  ingen: 'b508ff66-6326-4862-a6d7-7bbf184c9823',
  let: '8328ce4a-6238-4f73-bf1a-74aadb68eff8',
  moderat: '5bdde847-2837-416b-ab63-bbff8b7aa531',
  svaert: 'cae545f5-2813-4d79-98fc-0a7d770af3cd',
  // Måltype
  udvikle: 'd41c8072-52f8-42b5-9375-ddbea454d27f',
  fastholde: '10752a63-00b4-4958-b7f4-9f3a18f74266',
  begraense: 'e47c22bd-d88d-48ab-882b-419923e1f44e',
  // Støttebehov
  letStoette: 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae',
  intetStoette: 'ae9f388a-91c3-46cf-af55-f81952f2977c',
  // Målgrupper
  udviklingsforstyrrelse: '5cfc9530-a193-4f66-9981-3b980ee9ea7b',
  andenFysisk: 'da298aec-cd7d-436c-9927-d88d00066881',
  selvmord: '5e95db73-4d16-4084-93a3-595c0650b160',
  // Tilbudstyper
  botilbud: '498fe92c-d7f7-41cd-9404-5b38fe113be0',
  aktivitet: '9401777d-bdc5-4f52-9804-63c8cae9a792',
  // Ydelser
  dagligeOpgaver: '638f44df-6bf2-47f8-9935-b8fdc83e5bf5',
  sundLevevis: '3c1639d0-e486-43c6-8add-448b8aff4b8f',
  socialAktivitet: '7e419926-bb04-4829-99c9-95ea20403c2c',
  kompetence: 'f25674bf-3162-45c3-bde4-6d542bf9629b',
  // Status på indsats
  fortsaettelse: '1e971d84-10a4-4ef8-a8b3-0daa4c7d088a',
  afslutningNy: 'b4c01aa8-82fd-44e4-83ff-ca19ec02c779',
} as const;

/** The example's dates, which the test moves by a fixed number of days into the municipality's service levels. */
export const DAY = {
  requested: '2021-05-26',
  gathered: '2021-05-28',
  assessed: '2021-05-29',
  followUp: '2021-08-29',
  changed: '2021-06-18',
  closed: '2021-08-30',
} as const;

export const FF_AND_O = [
  CODE.bevidsthed,
  CODE.intellektuelle,
  CODE.problemloesning,
  CODE.syn,
  CODE.doegnrytme,
  CODE.tobak,
  CODE.interesser,
  CODE.familie,
  CODE.boligomraade,
  CODE.netvaerk,
] as const;

export const AD_LEVELS = {
  [CODE.samspil]: CODE.moderat,
  [CODE.beskaeftigelse]: CODE.let,
  [CODE.spise]: CODE.svaert,
  [CODE.koebeInd]: CODE.moderat,
  [CODE.transport]: CODE.svaert,
} as const;

/** A resource as the golden test compares it: its example id and a signature of what it says. */
export type Expected = { id: string; sig: string };

type D = (d: keyof typeof DAY) => string;

const condition = (id: string, code: string, severity: string | null, d: D, lastAsserted: string | null = null): Expected => ({
  id,
  sig: `Condition code=${code} severity=${severity ?? '-'} recorded=${d('gathered')} lastAsserted=${lastAsserted ?? '-'}`,
});

const CONDITION_IDS: Record<string, string> = {
  [CODE.bevidsthed]: '57dc36db-56ce-4a4a-95e8-2d2c8a85871a',
  [CODE.intellektuelle]: '00b972ba-0b06-4000-83f9-b733700c96e0',
  [CODE.problemloesning]: '45b460b2-843e-48ec-8366-a3d184bf591f',
  [CODE.syn]: '5089bbd1-6ec1-4f4d-a83e-4a89f44c482e',
  [CODE.doegnrytme]: '5b74d267-952d-487f-969a-68ea6a9aae39',
  [CODE.tobak]: '6f77529a-d449-4e86-aaed-28b524090a32',
  [CODE.interesser]: '6468d4a7-012e-4639-8dcf-dcec775385a0',
  [CODE.familie]: 'b68548a8-b792-4aba-8358-b83a4e691b7c',
  [CODE.boligomraade]: 'ec5efa29-6355-40c7-ada4-b534901242ab',
  [CODE.netvaerk]: '47d82311-ba67-49c4-aacc-ab3b171b4524',
  [CODE.samspil]: '3a0e2994-9f3f-44ab-a684-06bb85c7bf9d',
  [CODE.beskaeftigelse]: '101f2519-adf9-43ba-b4f5-90f3917129c1',
  [CODE.spise]: 'e162f02a-6f82-4aed-97cd-a47a43c58413',
  [CODE.koebeInd]: 'a2c6378d-66da-4aa8-b973-729687224ab0',
  [CODE.transport]: '4908c9b2-fadc-4228-adbe-69ed9ef70ff3',
};

function conditions(
  d: D,
  samspil: { severity: string; lastAsserted: string | null } = { severity: CODE.moderat, lastAsserted: null },
) {
  return [
    ...FF_AND_O.map((c) => condition(CONDITION_IDS[c] ?? '', c, null, d)),
    ...Object.entries(AD_LEVELS).map(([c, level]) =>
      c === CODE.samspil
        ? condition(CONDITION_IDS[c] ?? '', c, samspil.severity, d, samspil.lastAsserted)
        : condition(CONDITION_IDS[c] ?? '', c, level, d),
    ),
  ];
}

const citizen: Expected = {
  id: 'da16c0a1-840a-46b0-98b3-761e4501b343',
  sig: 'Patient cpr=0101814321 org=d4e3f4fb-6761-4d6c-9086-74c49231f11e',
};
const serviceRequest: Expected = {
  id: '9947191b-270a-4f64-9b05-8be29e7f5c58',
  sig: 'ServiceRequest case=Sag154689 intent=proposal',
};
const goals = {
  g1: (): Expected => ({
    id: '83fdfed2-f182-4a11-8ea1-de8181e6eab9',
    sig: `Goal primary=${CODE.samspil} secondary=${[CODE.beskaeftigelse, CODE.transport].sort().join(',')} level=${CODE.let} type=${CODE.fastholde}`,
  }),
  g1changed: (): Expected => ({
    id: '76b9d91b-4b28-4c4a-944c-aa16b8cca82c',
    sig: `Goal primary=${CODE.samspil} secondary=${[CODE.beskaeftigelse, CODE.transport].sort().join(',')} level=${CODE.ingen} type=${CODE.udvikle}`,
  }),
  g2: (): Expected => ({
    id: 'fcbf670a-f310-485b-b717-07c027c3c808',
    sig: `Goal primary=${CODE.koebeInd} secondary= level=${CODE.ingen} type=${CODE.udvikle}`,
  }),
  g3: (): Expected => ({
    id: '90fa089a-1f80-40d0-96db-8e875e241b06',
    sig: `Goal primary=${CODE.spise} secondary= level=${CODE.svaert} type=${CODE.begraense}`,
  }),
};
const evaluation = {
  let: (d: D): Expected => ({
    id: '213d0504-1a41-4330-b9a0-347d3ba4bb2a',
    sig: `CareEvaluation value=${CODE.letStoette} effective=${d('assessed')}`,
  }),
  intet: (d: D): Expected => ({
    id: 'e548c437-05e2-43d9-836f-5d3b4f8e331f',
    sig: `CareEvaluation value=${CODE.intetStoette} effective=${d('closed')}`,
  }),
};
// The example gives "Anden fysisk funktionsnedsættelse" the code of "Anden udviklingsforstyrrelse" (a copy error):
// the story's target group is expected here (DEVIATIONS).
const targetGroups: Expected[] = [
  { id: '76cecdcc-321c-479f-ae95-a8f020541650', sig: `TargetGroup code=${CODE.udviklingsforstyrrelse}` },
  { id: '18045390-e599-4b7a-95f2-287f41146975', sig: `TargetGroup code=${CODE.andenFysisk}` },
  { id: '787bb5e8-cb82-4e21-9459-285e5e14b814', sig: `TargetGroup code=${CODE.selvmord}` },
];
const performers: Expected[] = [
  { id: '31a46e2d-0d54-4600-8ecb-1b239749cfd1', sig: `ServicePerformer category=${CODE.botilbud}` },
  { id: '9f4982de-34fd-440b-9980-fa72b51673eb', sig: `ServicePerformer category=${CODE.aktivitet}` },
];
const encounter = (d: D): Expected => ({
  id: 'ef6a3536-ecaa-49c5-ace1-53e19acb4cd1',
  sig: `FollowUpEncounter start=${d('followUp')}`,
});
const groupsSig = `groups=${[`1:${CODE.udviklingsforstyrrelse}`, `2:${CODE.andenFysisk}`, `2:${CODE.selvmord}`].sort().join(',')}`;
const plan = {
  botilbud: (d: D, s: { status: string; end: string | null; evaluation: string; followUp: string | null }): Expected => ({
    id: '944c7c24-37b4-455e-9319-cd9f35a7aec9',
    sig: `CarePlan performer=${CODE.botilbud} status=${s.status} start=${d('assessed')} end=${s.end ?? '-'} followUp=${s.followUp ?? '-'} ${groupsSig} evaluation=${s.evaluation}`,
  }),
  dagtilbud: (d: D, s: { status: string; end: string | null }): Expected => ({
    id: '8ea1d7f3-3c40-4826-bf35-d16b313610d4',
    sig: `CarePlan performer=${CODE.aktivitet} status=${s.status} start=${d('assessed')} end=${s.end ?? '-'} followUp=${s.status === 'active' ? d('followUp') : '-'} ${groupsSig} evaluation=${CODE.letStoette}`,
  }),
  nyDagtilbud: (d: D, s: { status: string; end: string | null; evaluation: string }): Expected => ({
    id: 'd54a2bb0-4fdc-4ea8-adaf-1241836a94f5',
    sig: `CarePlan performer=${CODE.aktivitet} status=${s.status} start=${d('changed')} end=${s.end ?? '-'} followUp=${s.status === 'active' ? d('followUp') : '-'} ${groupsSig} evaluation=${s.evaluation}`,
  }),
};
const intervention = (id: string, code: string, planCode: string, start: string, end: string | null): Expected => ({
  id,
  sig: `Intervention code=${code} plan=${planCode} start=${start} end=${end ?? '-'}`,
});
const followUp = (id: string, value: string, planCode: string, d: D): Expected => ({
  id,
  sig: `FollowUp value=${value} plan=${planCode} effective=${d('changed')}`,
});

/** The five delivery reports of the example, as the story tells them. `ends` moves the § 85 end (DEVIATIONS). */
export function deliveries(d: D, housingSupportEnds: string) {
  const ig = (id: string, findings: number, evaluationCode: string | null): Expected => ({
    id,
    sig: `InformationGathering findings=${findings} evaluation=${evaluationCode ?? '-'}`,
  });
  return {
    second: [citizen, serviceRequest, ...conditions(d), ig('26d1a3de-0bd0-43d6-b52c-9c5687f01e45', 15, null)],
    third: [
      citizen,
      serviceRequest,
      ...conditions(d),
      goals.g1(),
      goals.g2(),
      goals.g3(),
      ig('26d1a3de-0bd0-43d6-b52c-9c5687f01e45', 15, CODE.letStoette),
      evaluation.let(d),
    ],
    fifth: [
      citizen,
      ...targetGroups,
      evaluation.let(d),
      intervention('6ef8bead-fb42-4dbe-919f-e4a1f94135e2', CODE.dagligeOpgaver, CODE.botilbud, d('assessed'), null),
      intervention('b4ec722a-3cb4-4e9d-8a3b-58ebdb329361', CODE.sundLevevis, CODE.botilbud, d('assessed'), null),
      intervention('e9374e0c-fea8-48d5-a545-6f893d527e98', CODE.socialAktivitet, CODE.aktivitet, d('assessed'), null),
      ...performers,
      encounter(d),
      plan.botilbud(d, { status: 'active', end: null, evaluation: CODE.letStoette, followUp: d('followUp') }),
      plan.dagtilbud(d, { status: 'active', end: null }),
    ],
    sixth: [
      citizen,
      serviceRequest,
      ...conditions(d, { severity: CODE.let, lastAsserted: d('changed') }),
      ...targetGroups,
      evaluation.let(d),
      goals.g1changed(),
      intervention('e9374e0c-fea8-48d5-a545-6f893d527e98', CODE.socialAktivitet, CODE.aktivitet, d('assessed'), d('changed')),
      intervention('629c659a-8be2-44e9-a852-3efa2d95f856', CODE.kompetence, CODE.aktivitet, d('changed'), null),
      ...performers,
      encounter(d),
      followUp('a03a8641-e845-45c3-a7a9-16bf077af069', CODE.fortsaettelse, CODE.botilbud, d),
      followUp('e20ebaba-0622-43f5-ad55-7d56eb750ff3', CODE.afslutningNy, CODE.aktivitet, d),
      plan.botilbud(d, { status: 'active', end: null, evaluation: CODE.letStoette, followUp: d('followUp') }),
      plan.dagtilbud(d, { status: 'completed', end: d('changed') }),
      plan.nyDagtilbud(d, { status: 'active', end: null, evaluation: CODE.letStoette }),
    ],
    seventh: [
      citizen,
      serviceRequest,
      intervention('6ef8bead-fb42-4dbe-919f-e4a1f94135e2', CODE.dagligeOpgaver, CODE.botilbud, d('assessed'), housingSupportEnds),
      intervention('b4ec722a-3cb4-4e9d-8a3b-58ebdb329361', CODE.sundLevevis, CODE.botilbud, d('assessed'), housingSupportEnds),
      intervention('629c659a-8be2-44e9-a852-3efa2d95f856', CODE.kompetence, CODE.aktivitet, d('changed'), d('closed')),
      evaluation.intet(d),
      ...targetGroups,
      ...performers,
      plan.botilbud(d, { status: 'completed', end: housingSupportEnds, evaluation: CODE.intetStoette, followUp: null }),
      plan.nyDagtilbud(d, { status: 'completed', end: d('closed'), evaluation: CODE.intetStoette }),
    ],
  };
}

/**
 * Where Visitator's report differs from the example, and why. Each is asserted by the golden test, so a change in
 * either shows.
 */
export const DEVIATIONS = [
  'The example gives the target group "Anden fysisk funktionsnedsættelse" the code of "Anden udviklingsforstyrrelse"; Visitator reports da298aec (the story).',
  'In the 6th report the example keeps "Indgå i samspil og kontakt" at Moderat although the story reassesses it to Let; Visitator reports Let with the date it was asserted.',
  'The guide wants a new information gathering when services or target groups change; the example leaves it out of the 5th report. Visitator includes it (with the service request and the conditions it refers to), and its care plans name their goals (goal is must-support), so the goals come too.',
  'The 6th report: the example makes a new goal id for the changed goal; Visitator updates the goal in place (same id), which the guide also allows ("the same id is an update").',
  "The 7th report: the example ends § 85 support on the day of the reassessment; Visitator ends it four weeks later (Ringkøbing-Skjern's service level, seed 001: support continues four weeks after the decision), and also reports the day-offer care plan that ended (the example references the wrong care plan there). Its information gathering refers to the assessed conditions as well.",
  "Every report: Visitator reports each condition and target group as the citizen's (one resource per FFB code), each evaluation with its date, and the request's status; ids are Visitator's own stable UUIDs, checked for \"same record, same id\" against the example's.",
] as const;

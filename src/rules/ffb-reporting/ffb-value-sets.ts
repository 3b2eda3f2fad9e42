/**
 * The KL value sets the FFB delivery report binds to, as data. Transcribed from KL Terminologi
 * (`hl7dk/kl-term`, input/fsh/KLCommonValuesets.fsh); the FFB definitions are the same in kl.dk.fhir.term 1.0.0
 * (which kl.dk.fhir.ffbreporting 1.0.0 depends on) and in 2.3.0 (whose FFB code system, version 20240530, Visitator
 * loads). "descendent-of" follows FHIR: every concept below the root, never the root itself.
 */

/** FFB (Fælles Faglige Begreber), `urn:oid:1.2.208.176.2.22`. */
export const FFB_SYSTEM = 'urn:oid:1.2.208.176.2.22';
/** KL's supporting codes (kl-term CodeSystem-CareSocialCodes). */
export const KL_CARE_SOCIAL_SYSTEM = 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes';

/** A concept's parent in the code system (null for a root); absent means the code is not in the code system. */
export type CodeIndex = ReadonlyMap<string, string | null>;

export type ValueSetDefinition = {
  title: string;
  /** Concepts listed one by one. */
  codes?: readonly string[];
  /** Every descendant of these concepts (not the concepts themselves). */
  descendantsOf?: readonly string[];
  /** Concepts taken out again (only the concept itself, as in the source). */
  exclude?: readonly string[];
  /** Other value sets included whole. */
  include?: readonly FfbValueSetName[];
};

export type FfbValueSetName =
  | 'KLConditionCodesFFB'
  | 'KLConditionFFCodesFFB'
  | 'KLConditionADCodesFFB'
  | 'KLConditionOCodesFFB'
  | 'KLTargetGroupsFFB'
  | 'KLConditionsAndTargetGroupsFFB'
  | 'KLSeveritiesFFB'
  | 'KLChangeValueCodesFFB'
  | 'KLNeedsAssessmentCodesFFB'
  | 'KLFollowUpCodesFFB'
  | 'KLInterventionsFFB'
  | 'KLServiceCodesFFB';

export const FFB_VALUE_SETS: Record<FfbValueSetName, ValueSetDefinition> = {
  KLConditionCodesFFB: {
    title: 'KLTilstandKoderFFB',
    include: ['KLConditionFFCodesFFB', 'KLConditionADCodesFFB', 'KLConditionOCodesFFB'],
  },
  KLConditionFFCodesFFB: {
    title: 'KLTilstandFFKoderFFB (Funktioner og forhold)',
    descendantsOf: [
      'a134c31d-d316-46d4-935e-e500874dbbe1', // Fysiske funktioner
      '25c5c614-305f-46cd-9891-55d564fc30cf', // Mentale funktioner
      'e1836145-0c20-4e20-971e-d62dfe4ea1a0', // Sociale forhold
      '4fb78b88-d3af-4cfb-84d7-f06daf423317', // Sundhedsforhold
    ],
  },
  KLConditionADCodesFFB: {
    title: 'KLTilstandADKoderFFB (Aktivitet og deltagelse)',
    descendantsOf: [
      '3856b434-f72e-42a5-b9d1-0cc93f48434b', // Relationer
      'dfbe6ff6-223b-436a-b864-8ba29bda41e2', // Samfundsliv
      'c2b186f9-9c10-478e-8345-2d2c37ab4c46', // Kommunikation
      'eef71492-65f5-4297-aa95-3c3a6866ddef', // Praktiske opgaver
      'da3f488f-1742-4d00-b247-a7d47500b36b', // Egenomsorg
      'd1495b2c-1452-4e49-8dbe-8193af5d8823', // Mobilitet
    ],
  },
  KLConditionOCodesFFB: {
    title: 'KLTilstandOKoderFFB (Omgivelsesfaktorer)',
    descendantsOf: ['7445fb2b-0009-43d9-b49b-1b9782f2fcd9'], // Omgivelser
  },
  KLTargetGroupsFFB: {
    title: 'KLMålgrupperFFB (only the most detailed level)',
    codes: [
      '1f23325e-c9c9-455b-bfe7-b4dcd1bb63e5', // Sjældent forekommende funktionsnedsættelse
      'f1c7ee41-21b4-4dba-9424-c874bf72b5e7', // Multipel funktionsnedsættelse
      'ab7b7d7b-b7bb-4b8c-99d9-5c98a302b771', // Medfødt døvblindhed
      '0d66b364-958e-48cf-a18b-744fab284194', // Erhvervet døvblindhed
      '7ef8be83-90d1-4375-b1cb-24710bea21c7', // Hørenedsættelse
      '5cb8997c-eb10-477f-b653-b2a5ff11ce7d', // Kommunikationsnedsættelse
      '6e155207-db12-419a-8d9c-d67756533056', // Mobilitetsnedsættelse
      '615310e8-f702-4455-910b-9d6d8aa684fb', // Synsnedsættelse
      'da298aec-cd7d-436c-9927-d88d00066881', // Anden fysisk funktionsnedsættelse
      '7b48f1a0-579b-4976-ae7c-4074b5981449', // Demens
      'd26f97e8-99ed-46a9-94db-93340f77a950', // Erhvervet hjerneskade
      '1097d07f-1dba-4cc2-ae3a-399a501c2eb6', // Medfødt hjerneskade
      '9b3fd322-a75a-4ed8-9b74-425fa1e01c95', // Autismespektrum
      'cc6a58cf-d3d2-4e5f-b7fe-98b009647eac', // Opmærksomhedsforstyrrelse
      'e6a269f5-944a-4ff8-b4d8-6dc2134d9167', // Udviklingsforstyrrelse af sansemotoriske færdigheder
      '93d52b11-faa7-4ff7-b552-11a84cce8bf1', // Udviklingsforstyrrelse af skolefærdigheder
      '71dfe6d1-ebc1-4414-8527-edf8e605c356', // Udviklingsforstyrrelse af tale og sprog
      '5cfc9530-a193-4f66-9981-3b980ee9ea7b', // Anden udviklingsforstyrrelse
      '97c355cc-84e3-46d0-ac1b-00bc627d089f', // Udviklingshæmning
      '17ce646b-4469-4a73-82a9-9628436f6c70', // Anden intellektuel/kognitiv forstyrrelse
      '303deb9b-84f0-49d2-ab7a-f8b98eed40a2', // Angst
      'ee5b52bd-b839-4e69-ad04-c8b33eabfbde', // Depression
      'f2ccc0c0-2a0a-49c9-9d6a-741a7cd220a3', // Forandret virkelighedsopfattelse
      '6aac5ae6-ef06-4866-9c66-16d51ebbc83b', // Personlighedsforstyrrelse
      '192b7d79-415c-4f4f-9223-607938ecbe97', // Spiseforstyrrelse
      'afaa7e31-2b5d-4a49-9008-56aa8df8dc13', // Stressbelastning
      'd42d8f41-2d07-4391-a687-bad51172d0c9', // Tilknytningsforstyrrelse
      '851b2a9d-cde2-4d5d-8f33-d03789022cbb', // Anden psykisk vanskelighed
      '293bf940-c075-4e3d-b5ef-6e331202e556', // Hjemløshed
      '3e3f5ebf-82c1-401b-ab5e-e6138a31da3a', // Selvskadende adfærd
      '16075f99-3694-4878-a48d-b2f4b515cb76', // Social isolation
      'e1b59a4a-9cc2-4113-a5f1-84af588b02a2', // Udadreagerende adfærd
      '66fac925-3488-43b3-8e50-4510d3821b37', // Andet socialt problem
      '3b166cb0-df17-4002-a4c4-69e9a943645c', // Indadreagerende adfærd
      'df42d472-06f6-4c5f-9dcf-64aa6cc20925', // Personfarlig kriminalitet
      '6a038911-d866-4910-90ae-72ca55c641ea', // Ikke-personfarlig kriminalitet
      'f1f4d709-19d2-48cc-8942-231bf912323d', // Omsorgssvigt
      'ab4413f0-fa81-41c0-ad8c-21782c12a0fa', // Alkoholmisbrug
      '0e25a2ec-4f04-4d14-a5ad-a6519a7d1d5f', // Stofmisbrug
      '122f3f8e-84a0-476f-b9c5-0e40b1dcf113', // Prostitution
      '6fd0f315-2297-4d66-b638-3f867a0900e0', // Seksuelt krænkende adfærd
      '5e95db73-4d16-4084-93a3-595c0650b160', // Selvmordstanker eller -forsøg
      'c47fd846-f1e0-4786-89a4-88d00e7a86c0', // Seksuelt overgreb
      '3412d671-22bf-456c-b963-c4e05c2725a0', // Voldeligt overgreb
      '905caa77-2b98-48ce-b0e1-35dc4c1cc4bd', // Andet overgreb
    ],
  },
  KLConditionsAndTargetGroupsFFB: {
    title: 'KLTilstandeOgMålgrupperFFB (the TargetGroup profile binds to this)',
    include: ['KLConditionCodesFFB', 'KLTargetGroupsFFB'],
  },
  KLSeveritiesFFB: {
    title: 'KLFunktionsevneniveauFFB',
    descendantsOf: ['e89d317c-4657-4970-b614-ada2ed220595'], // Funktionsevneniveau
  },
  KLChangeValueCodesFFB: {
    title: 'KLMåltypekoderFFB',
    descendantsOf: ['b5257b2d-0fbf-4d00-bf38-d298c8568116'], // Måltype
  },
  KLNeedsAssessmentCodesFFB: {
    title: 'KLStøttebehovsvurderingskoderFFB',
    descendantsOf: ['7ac451dc-773b-4877-baaf-1e6b1d5c8e28'], // Støttebehovsniveau
  },
  KLFollowUpCodesFFB: {
    title: 'KLOpfølgningKoderFFB',
    descendantsOf: ['90479ffa-bf46-4b3a-a172-91f2798e2a43'], // Status på indsats
  },
  KLInterventionsFFB: {
    title: 'KLYdelserFFB',
    descendantsOf: [
      '72a2a2d4-5a83-4093-ba1c-7f759c132801', // Afklaring
      'a2256d86-1cf8-4da5-be49-1f49f4335ecb', // Aktivitet og samvær
      'a1eaa022-9e5c-493c-83d3-7cc40b9df9e9', // Ophold
      'd8505298-6ea5-4ca8-923d-6e4451cc9a48', // Beskyttet beskæftigelse
      'a63f7092-63d9-4cb5-ace5-655b552fdacc', // Støtte til praktiske opgaver
      '309b778e-52ed-448a-91ae-0650a6cd8b1b', // Støtte til samfundsdeltagelse
      '4ff4a2d4-4cde-4a22-bb37-ecfbd3fd9650', // Støtte til relationer og fællesskaber
      '329782cf-a740-4eb7-aa7e-aaaa9a53c99e', // Støtte til sundhed
      '21dca9cf-c238-465b-9f12-15351f51b038', // Forebyggende hjælp og støtte
    ],
    exclude: ['794ebc42-0639-46eb-aca2-40e996568578'], // Hjælp og støtte etableret i samarbejde med frivillige
  },
  KLServiceCodesFFB: {
    title: 'KLTilbudsKoderFFB (tilbudstype)',
    codes: [
      '9401777d-bdc5-4f52-9804-63c8cae9a792', // Aktivitets- og samværstilbud
      'a0fb02a2-367c-48bc-bacd-92e49a861a4c', // Beskyttet beskæftigelsestilbud
      '25de7444-3919-4dab-b844-8cec6c15f30e', // Midlertidigt botilbud til voksne
      '498fe92c-d7f7-41cd-9404-5b38fe113be0', // Almindeligt længerevarende botilbud til voksne
      '070016aa-e164-4813-aca5-b75acab89d63', // Sikret længerevarende botilbud til voksne
      'd90f4da6-f87a-43b5-833f-646b4baf16d6', // Mobilt tilbud
      'a7cbf55b-6906-4b2a-872e-c48b4d728837', // Almen ældre- og handicapvenlig bolig
      '5ea75f09-8eec-4edc-aafd-a330a523c33e', // Socialt akuttilbud
    ],
  },
};

function isDescendant(code: string, root: string, index: CodeIndex): boolean {
  let parent = index.get(code) ?? null;
  // The FFB tree is a few levels deep; the bound stops a corrupt index from looping.
  for (let depth = 0; parent !== null && depth < 32; depth++) {
    if (parent === root) return true;
    parent = index.get(parent) ?? null;
  }
  return false;
}

/** Answers per code system index (an index is not changed once loaded): an import asks the same few hundred codes again and again. */
const memo = new WeakMap<CodeIndex, Map<string, boolean>>();

/** Whether an FFB code is in a KL value set, given the loaded FFB code system. */
export function inValueSet(name: FfbValueSetName, code: string, index: CodeIndex): boolean {
  let answers = memo.get(index);
  if (!answers) {
    answers = new Map();
    memo.set(index, answers);
  }
  const key = `${name} ${code}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = computeInValueSet(name, code, index);
    if (answers.size > 100_000) answers.clear();
    answers.set(key, answer);
  }
  return answer;
}

function computeInValueSet(name: FfbValueSetName, code: string, index: CodeIndex): boolean {
  const vs = FFB_VALUE_SETS[name];
  if (!index.has(code)) return false;
  if (vs.exclude?.includes(code)) return false;
  if (vs.codes?.includes(code)) return true;
  if (vs.descendantsOf?.some((root) => isDescendant(code, root, index))) return true;
  return (vs.include ?? []).some((other) => inValueSet(other, code, index));
}

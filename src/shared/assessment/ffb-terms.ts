/**
 * FFB terms used natively, with their KL codes: FFB `urn:oid:1.2.208.176.2.22` version 20240530, and KL's
 * CareSocialCodes (`http://fhir.kl.dk/term/CodeSystem/CareSocialCodes`) version 20250530 for the informant
 * ("Kilde"). Displays are KL's Danish texts.
 */
export const FFB_VERSION = '20240530';
export const CARE_SOCIAL_CODES_VERSION = '20250530';

export type ThemeGroup = 'functions' | 'activity' | 'environment';

/** The VUM 2.0 themes (FFB tilstande, second level), by group. */
export const ASSESSMENT_THEMES: readonly { code: string; display: string; group: ThemeGroup }[] = [
  { code: '25c5c614-305f-46cd-9891-55d564fc30cf', display: 'Mentale funktioner', group: 'functions' },
  { code: '4fb78b88-d3af-4cfb-84d7-f06daf423317', display: 'Sundhedsforhold', group: 'functions' },
  { code: 'a134c31d-d316-46d4-935e-e500874dbbe1', display: 'Fysiske funktioner', group: 'functions' },
  { code: 'e1836145-0c20-4e20-971e-d62dfe4ea1a0', display: 'Sociale forhold', group: 'functions' },
  { code: 'eef71492-65f5-4297-aa95-3c3a6866ddef', display: 'Praktiske opgaver', group: 'activity' },
  { code: 'da3f488f-1742-4d00-b247-a7d47500b36b', display: 'Egenomsorg', group: 'activity' },
  { code: 'd1495b2c-1452-4e49-8dbe-8193af5d8823', display: 'Mobilitet', group: 'activity' },
  { code: 'c2b186f9-9c10-478e-8345-2d2c37ab4c46', display: 'Kommunikation', group: 'activity' },
  { code: 'dfbe6ff6-223b-436a-b864-8ba29bda41e2', display: 'Samfundsliv', group: 'activity' },
  { code: '3856b434-f72e-42a5-b9d1-0cc93f48434b', display: 'Relationer', group: 'activity' },
  { code: '7445fb2b-0009-43d9-b49b-1b9782f2fcd9', display: 'Omgivelser', group: 'environment' },
];

export const THEME_GROUP_LABELS: Record<ThemeGroup, string> = {
  functions: 'Funktioner og forhold',
  activity: 'Aktivitet og deltagelse',
  environment: 'Omgivelsesfaktorer',
};

export const NOT_ASSESSED_LEVEL = '1c327095-107f-4b96-88d0-ec562cb980be';

/** Funktionsevneniveau, mildest first; "Ikke vurderet" last. */
export const FUNCTION_LEVELS: readonly { code: string; display: string }[] = [
  { code: 'b508ff66-6326-4862-a6d7-7bbf184c9823', display: 'Ingen nedsat funktionsevne' },
  { code: '8328ce4a-6238-4f73-bf1a-74aadb68eff8', display: 'Let nedsat funktionsevne' },
  { code: '5bdde847-2837-416b-ab63-bbff8b7aa531', display: 'Moderat nedsat funktionsevne' },
  { code: 'cae545f5-2813-4d79-98fc-0a7d770af3cd', display: 'Svært nedsat funktionsevne' },
  { code: '832ae90b-23b5-4063-80aa-0b81bdce680e', display: 'Fuldstændig nedsat funktionsevne' },
  { code: NOT_ASSESSED_LEVEL, display: 'Ikke vurderet' },
];

export const SUPPORT_NOT_ASSESSED = '2254dac8-8aa3-4334-8502-9720194f49ad';

/** Støttebehovsniveau, least first; "Ikke vurderet" last. */
export const SUPPORT_NEED_LEVELS: readonly { code: string; display: string }[] = [
  { code: 'ae9f388a-91c3-46cf-af55-f81952f2977c', display: 'Intet støttebehov' },
  { code: 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae', display: 'Let støttebehov' },
  { code: '401a397b-b3aa-4ca3-8b23-bd8f99dd3f76', display: 'Moderat støttebehov' },
  { code: 'b99a0790-4d70-4152-b149-3fe58b745583', display: 'Højt støttebehov' },
  { code: 'e99763d6-6c43-4969-ad52-2b1a7055f9dc', display: 'Fuldstændigt støttebehov' },
  { code: SUPPORT_NOT_ASSESSED, display: 'Ikke vurderet' },
];

/** Who gave the information (KL "Kilde"). */
export const INFORMANTS: readonly { code: string; display: string }[] = [
  { code: '25b4e705-2e9a-47a2-b11a-c829316b9d3a', display: 'Borger' },
  { code: '12428e48-7df8-441f-9a89-d92bb7874066', display: 'Borger støttet af medarbejder' },
  { code: 'b66dc78a-a673-43fc-8ac0-1e859ba626e0', display: 'Borger støttet af pårørende' },
  { code: '166d2437-4e47-4a52-bd94-cdbe91086ca6', display: 'Pårørende alene' },
  { code: 'f6ea2920-7dde-491e-a489-6b99a3904069', display: 'Sagsbehandler' },
  { code: 'f00a6844-1005-401d-965d-1c5859df7beb', display: 'Udfører' },
  { code: '8fe80acb-2c2a-4f10-b2b8-ddb77d2f69dc', display: 'Medarbejder alene' },
  { code: '329774f9-7700-47cf-9c00-63765d9e8078', display: 'Medarbejder og pårørende alene' },
];

export const isCode = (list: readonly { code: string }[], code: string) => list.some((c) => c.code === code);

/** Måltype: the goal type, which decides what counts as success in follow-up. */
export const GOAL_TYPES: readonly { code: string; display: string; key: 'develop' | 'maintain' | 'limit_loss' }[] = [
  { code: 'd41c8072-52f8-42b5-9375-ddbea454d27f', display: 'Udvikle funktionsevne', key: 'develop' },
  { code: '10752a63-00b4-4958-b7f4-9f3a18f74266', display: 'Fastholde funktionsevne', key: 'maintain' },
  { code: 'e47c22bd-d88d-48ab-882b-419923e1f44e', display: 'Begrænse tab af funktionsevne', key: 'limit_loss' },
];

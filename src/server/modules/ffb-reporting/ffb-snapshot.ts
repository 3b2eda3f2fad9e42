/**
 * What Visitator knows of one citizen that the FFB delivery report carries, in the guide's terms but keyed by
 * Visitator's records. `key`s name the record a resource comes from; the mapping turns each into a stable UUID.
 * Dates are `YYYY-MM-DD` (a valid FHIR dateTime), instants ISO 8601 with zone.
 */
export type FfbCitizenSnapshot = {
  citizenId: string;
  cpr: string;
  /** The municipality's organisation code in KOMBIT STS Organisation (a UUID), from the reporting settings. */
  organisationCode: string;
  /** The identifier system of the municipality's case numbers. */
  caseNumberSystem: string;
  requests: FfbRequest[];
};

/** A case (sag): the request that started the information gathering (ServiceRequest). */
export type FfbRequest = {
  caseId: string;
  caseNumber: string;
  status: 'active' | 'completed' | 'revoked';
  gatherings: FfbGathering[];
  targetGroups: FfbTargetGroup[];
  carePlans: FfbCarePlan[];
};

export type FfbTargetGroup = {
  key: string;
  code: string;
  rank: 1 | 2;
  recordedOn: string;
  clinicalStatus: 'active' | 'inactive';
};

export type FfbCondition = {
  key: string;
  code: string;
  /** Funktionsevneniveau: required for "Aktivitet og deltagelse", absent for the rest. */
  severityCode: string | null;
  recordedOn: string;
  lastAssertedOn: string | null;
  clinicalStatus: 'active' | 'inactive' | 'resolved';
};

export type FfbEvaluation = { key: string; code: string; effectiveOn: string };

export type FfbGoal = {
  key: string;
  primaryConditionKey: string;
  secondaryConditionKeys: string[];
  targetLevelCode: string;
  goalTypeCode: string;
  lifecycleStatus: 'active' | 'completed' | 'cancelled';
};

/** An information gathering (udredning, ClinicalImpression) with its findings, conclusion and goals. */
export type FfbGathering = {
  key: string;
  status: 'in-progress' | 'completed';
  effectiveAt: string;
  conditions: FfbCondition[];
  evaluation: FfbEvaluation | null;
  goals: FfbGoal[];
};

export type FfbIntervention = {
  key: string;
  code: string;
  createdAt: string;
  start: string;
  end: string | null;
  status: 'active' | 'completed';
  activityStatus: 'in-progress' | 'completed';
};

export type FfbFollowUp = { key: string; outcomeCode: string; effectiveOn: string; status: 'final' | 'entered-in-error' };

/** A care plan (indsatsforløb): the services granted at one offer type. */
export type FfbCarePlan = {
  key: string;
  start: string;
  end: string | null;
  status: 'active' | 'completed';
  intent: 'order' | 'plan';
  offerTypeCode: string | null;
  followUpOn: string | null;
  targetGroups: FfbTargetGroup[];
  goalKeys: string[];
  evaluation: FfbEvaluation | null;
  interventions: FfbIntervention[];
  followUps: FfbFollowUp[];
};

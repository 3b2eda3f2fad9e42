/**
 * The versions a delivery report follows, recorded on every report Visitator builds and sends.
 * The guide: kl.dk.fhir.ffbreporting 1.0.0 (`hl7dk/kl-ffb-reporting`, publication-request.json), FHIR 4.0.1;
 * FFB: the code system KL Terminologi publishes (policy/standards/kl-term/CodeSystem-FFB.json).
 */
export const FFB_REPORTING_GUIDE = { packageId: 'kl.dk.fhir.ffbreporting', version: '1.0.0', fhirVersion: '4.0.1' } as const;

export type ReportVersions = { guide: string; fhir: string; ffb: string };

export const reportVersions = (ffbVersion: string): ReportVersions => ({
  guide: `${FFB_REPORTING_GUIDE.packageId}#${FFB_REPORTING_GUIDE.version}`,
  fhir: FFB_REPORTING_GUIDE.fhirVersion,
  ffb: ffbVersion,
});

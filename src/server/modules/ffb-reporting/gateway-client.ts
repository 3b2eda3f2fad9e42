import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';

/**
 * Posting a delivery report to KL's gateway. The guide leaves transport and authentication out; Visitator posts the
 * Bundle as `application/fhir+json` to the configured URL and reads the answer: 2xx accepted; 400/422 rejected with
 * the gateway's machine-readable codes (an OperationOutcome); anything else (no answer, timeout, 5xx, 401/403/429)
 * failed and retried later.
 */
export type GatewayAnswer = {
  outcome: 'accepted' | 'rejected' | 'failed';
  httpStatus: number | null;
  codes: string[];
  response: unknown | null;
  error: string | null;
};

function codesOf(body: unknown): string[] {
  const outcome = body as OperationOutcome | null;
  if (outcome?.resourceType !== 'OperationOutcome') return [];
  return (outcome.issue ?? []).flatMap((i) => {
    const coded = (i.details?.coding ?? []).map((c) => c.code ?? '').filter(Boolean);
    return coded.length ? coded : [i.code];
  });
}

export async function postReport(url: string, bundle: Bundle, timeoutMs = 30_000): Promise<GatewayAnswer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json; charset=utf-8', accept: 'application/fhir+json' },
      body: JSON.stringify(bundle),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { text: text.slice(0, 2000) };
    }
    const outcome = res.ok ? 'accepted' : res.status === 400 || res.status === 422 ? 'rejected' : 'failed';
    return {
      outcome,
      httpStatus: res.status,
      codes: codesOf(body),
      response: body,
      error: res.ok ? null : `HTTP ${res.status}`,
    };
  } catch (error) {
    return { outcome: 'failed', httpStatus: null, codes: [], response: null, error: (error as Error).message };
  }
}

/** Minutes to wait before the next attempt after a failure, by the number of attempts made. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240, 720, 1440] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export function nextAttemptAfter(attemptsMade: number, at: Date): Date | null {
  const minutes = RETRY_MINUTES[attemptsMade - 1];
  return minutes === undefined ? null : new Date(at.getTime() + minutes * 60_000);
}

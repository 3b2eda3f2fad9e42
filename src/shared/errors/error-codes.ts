import { z } from 'zod';
import type { Language, Localised } from '../i18n/language.ts';

/** The error codes the API answers with; the HTTP status follows from the code. */
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;
export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_MESSAGES: Record<ErrorCode, Localised> = {
  validation_failed: { da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not filled in correctly.' },
  bad_request: { da: 'Forespørgslen kunne ikke forstås.', en: 'The request could not be understood.' },
  unauthenticated: { da: 'Du skal logge ind.', en: 'You must log in.' },
  forbidden: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  csrf_failed: {
    da: 'Sikkerhedstjekket fejlede. Genindlæs siden og prøv igen.',
    en: 'The security check failed. Reload the page and try again.',
  },
  not_found: { da: 'Det findes ikke.', en: 'Not found.' },
  conflict: {
    da: 'En anden har ændret dette imens. Genindlæs og prøv igen.',
    en: 'Someone else changed this meanwhile. Reload and try again.',
  },
  invalid_transition: {
    da: 'Handlingen er ikke tilladt i sagens nuværende status.',
    en: 'The action is not allowed in the current status.',
  },
  rate_limited: { da: 'For mange forespørgsler. Vent lidt og prøv igen.', en: 'Too many requests. Wait a moment and try again.' },
  internal_error: {
    da: 'Der opstod en fejl hos os. Prøv igen senere.',
    en: 'Something went wrong on our side. Try again later.',
  },
  service_unavailable: {
    da: 'Visitator kan ikke nå sin database lige nu. Prøv igen om lidt; intet er gemt af denne handling.',
    en: 'Visitator cannot reach its database right now. Try again in a moment; nothing of this action was saved.',
  },
};

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;

export function errorMessage(code: ErrorCode, lang: Language): string {
  return ERROR_MESSAGES[code][lang];
}

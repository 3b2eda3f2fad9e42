import { createHash, createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'vt_session';
export const CSRF_COOKIE = 'vt_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const OIDC_COOKIE = 'vt_oidc';

/**
 * What the session cookie names: the municipality (so the look-up runs in that tenant) and a random token. The
 * cookie is also signed (@fastify/cookie, HMAC-SHA256), httpOnly and SameSite=Lax. The database keeps only the
 * token's hash, and the session lives exactly as long as its row (platform/auth/sessions.ts).
 */
export type SessionRef = { municipalityId: string; token: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The row id of a session: SHA-256 of its token, hex. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function encodeSessionCookie(ref: SessionRef): string {
  return `${ref.municipalityId}.${ref.token}`;
}

export function decodeSessionCookie(value: string): SessionRef | undefined {
  const dot = value.indexOf('.');
  const municipalityId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  return dot > 0 && UUID.test(municipalityId) && TOKEN.test(token) ? { municipalityId, token } : undefined;
}

/** The session's CSRF token (double submit, bound to the session): derived from the token, so nothing is stored. */
export function csrfTokenOf(token: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf\n${token}`).digest('base64url');
}

import { randomBytes } from 'node:crypto';

/** The session cookie's content. Signed by @fastify/cookie (HMAC-SHA256), httpOnly, SameSite=Lax. */
export type SessionPayload = { userId: string; csrf: string; expiresAt: number };

export const SESSION_COOKIE = 'vt_session';
export const CSRF_COOKIE = 'vt_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const OIDC_COOKIE = 'vt_oidc';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function encodeSession(payload: SessionPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeSession(value: string, now: number): SessionPayload | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<SessionPayload>;
    if (typeof parsed.userId !== 'string' || typeof parsed.csrf !== 'string' || typeof parsed.expiresAt !== 'number') {
      return undefined;
    }
    if (parsed.expiresAt <= now) return undefined;
    return { userId: parsed.userId, csrf: parsed.csrf, expiresAt: parsed.expiresAt };
  } catch {
    return undefined;
  }
}

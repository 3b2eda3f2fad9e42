/**
 * The documents a caseworker or a citizen may upload to a case: PDF and the two image formats every phone and
 * scanner writes. The type is read from the content's first bytes (its signature, "magic bytes"), never from the
 * file name or the browser's claim, so a renamed program or HTML page is refused. Signatures: ISO 32000-1 § 7.5.2
 * (PDF header), PNG specification § 5.2 (signature), JPEG/JFIF (SOI marker FF D8 followed by a marker FF).
 */
export const DOCUMENT_TYPES = [
  { contentType: 'application/pdf', label: 'PDF', extension: 'pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    contentType: 'image/png',
    label: 'PNG',
    extension: 'png',
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { contentType: 'image/jpeg', label: 'JPEG', extension: 'jpg', signature: [0xff, 0xd8, 0xff] },
] as const;
export type DocumentContentType = (typeof DOCUMENT_TYPES)[number]['contentType'];

/**
 * 10 MB: a scanned multi-page PDF or a phone photo fits; more is usually a video or an unreduced scan. Stored in the
 * database (docs/adr/0005-documents-in-the-database.md), so the limit also bounds a row.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The type the content shows, or null if it is none of the accepted ones. */
export function detectDocumentType(bytes: Uint8Array): DocumentContentType | null {
  for (const type of DOCUMENT_TYPES) {
    if (bytes.length >= type.signature.length && type.signature.every((b, i) => bytes[i] === b)) return type.contentType;
  }
  return null;
}

export type UploadProblem = 'document.file.required' | 'document.file.type' | 'document.file.tooLarge';

/** Why an upload is refused, or null: empty, too large, or of a type the content does not show. */
export function uploadProblem(bytes: Uint8Array | null): UploadProblem | null {
  if (bytes === null || bytes.length === 0) return 'document.file.required';
  if (bytes.length > MAX_DOCUMENT_BYTES) return 'document.file.tooLarge';
  return detectDocumentType(bytes) === null ? 'document.file.type' : null;
}

// The plugin's request methods (parts, isMultipart); it is registered in app.ts.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** A multipart form as received: its text fields, and its one file (`file`) unless absent or over the size limit. */
export type ReceivedUpload = {
  fields: Record<string, string>;
  fileName: string | null;
  bytes: Uint8Array | null;
  /** The file was cut off at the limit (@fastify/multipart's fileSize); nothing of it is kept. */
  tooLarge: boolean;
};

/**
 * Reads a multipart form without trusting it: one file part named `file` (others are drained and dropped), text
 * fields by name, the size limit enforced while streaming (so an oversized file never sits in memory whole).
 */
export async function readUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  const received: ReceivedUpload = { fields: {}, fileName: null, bytes: null, tooLarge: false };
  if (!request.isMultipart()) return received;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') received.fields[part.fieldname] = part.value;
      } else if (part.fieldname !== 'file' || received.bytes !== null) {
        part.file.resume();
      } else {
        received.bytes = new Uint8Array(await part.toBuffer());
        received.fileName = part.filename || null;
      }
    }
  } catch (error) {
    // The file passed the limit: the stream stops there and the rest of the form is not read.
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    received.bytes = null;
    received.tooLarge = true;
  }
  return received;
}

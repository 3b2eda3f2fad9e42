import type { FastifyReply } from 'fastify';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/**
 * Sends a stored document (a letter as PDF, an upload as PDF, PNG or JPEG) for the browser to show inline, and save
 * under its title. The type is the one stored from the content's check, never the uploaded name; nosniff keeps it.
 */
export function sendPdf(reply: FastifyReply, doc: { title: string; content: Uint8Array; contentType?: string }) {
  const contentType = doc.contentType ?? 'application/pdf';
  return reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${encodeURIComponent(doc.title)}.${EXTENSIONS[contentType] ?? 'bin'}"`)
    .send(Buffer.from(doc.content));
}

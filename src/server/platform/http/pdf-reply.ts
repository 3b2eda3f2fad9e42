import type { FastifyReply } from 'fastify';

/** Sends a stored letter as a PDF the browser shows inline (and can save under its title). */
export function sendPdf(reply: FastifyReply, doc: { title: string; content: Uint8Array }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${encodeURIComponent(doc.title)}.pdf"`)
    .send(Buffer.from(doc.content));
}

import type { Session } from './test-app.ts';

/** A multipart body as a browser's FormData sends it: the fields first, then the file. */
export function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) {
  const boundary = '----visitator-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(s: Session, url: string, body: ReturnType<typeof multipart>, lang = 'da') {
  return s.send('POST', url, body.payload, { ...body.headers, 'accept-language': lang });
}

/** The smallest files each type check accepts, by their magic bytes. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, detectDocumentType, MAX_DOCUMENT_BYTES, uploadProblem } from './document-types.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('the type is read from the content, not the name', () => {
  it.each(DOCUMENT_TYPES)('$label: its signature is recognised', (type) => {
    expect(detectDocumentType(new Uint8Array([...type.signature, 0x00, 0x01]))).toBe(type.contentType);
  });
  it.each([
    ['an HTML page', ascii('<!doctype html><script>')],
    ['a Windows program', ascii('MZ\x90\x00')],
    ['a ZIP (a Word document)', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a GIF', ascii('GIF89a')],
    ['a truncated PDF header', ascii('%PD')],
    ['a PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['text that mentions PDF', ascii(' %PDF-1.7')],
  ])('%s is none of them', (_label, content) => {
    expect(detectDocumentType(content)).toBeNull();
  });
});

describe('why an upload is refused', () => {
  it.each([
    ['nothing', null, 'document.file.required'],
    ['an empty file', new Uint8Array(0), 'document.file.required'],
    [
      'a file over the limit',
      (() => {
        const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
        big.set(ascii('%PDF-'));
        return big;
      })(),
      'document.file.tooLarge',
    ],
    ['a renamed HTML page', ascii('<html>'), 'document.file.type'],
    [
      'a PDF at the limit',
      (() => {
        const max = new Uint8Array(MAX_DOCUMENT_BYTES);
        max.set(ascii('%PDF-'));
        return max;
      })(),
      null,
    ],
  ] as const)('%s → %s', (_label, content, problem) => {
    expect(uploadProblem(content)).toBe(problem);
  });
});

/** The part of fontkit (pdfkit's font engine) the PDF renderer uses: does a font have a glyph for a character. */
declare module 'fontkit' {
  export function openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean; postscriptName: string };
}

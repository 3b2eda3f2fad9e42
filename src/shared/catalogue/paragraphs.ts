/**
 * The paragraph numbers a legal-basis text names: "SEL §§ 82 og 85" → ["82", "85"], "SEL §§ 12, 79, 82 b" →
 * ["12", "79", "82 b"]. Used to line up two municipalities' documents on the same paragraph.
 */
export function paragraphsOf(legalBasis: string): string[] {
  const after = legalBasis.split('§').slice(1).join(' ');
  return [...after.matchAll(/(\d+)(\s?[a-z](?![a-zæøå]))?/g)].map((m) => `${m[1]}${m[2] ? ` ${m[2].trim()}` : ''}`);
}

export function mentionsParagraph(legalBasis: string, paragraph: string): boolean {
  return paragraphsOf(legalBasis).includes(paragraph);
}

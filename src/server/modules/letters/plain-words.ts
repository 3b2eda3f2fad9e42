/**
 * Words of the law and the trade explained for the citizen the first time a letter uses them (issue 12: "SEL § 85",
 * "partshøring", "genvurdering", "borgerprofil"). Each family lists the forms a letter may use; the earliest form in
 * the letter gets its explanation in brackets, later ones are left alone. Written for a reader without the law at
 * hand (Retsinformation's "klart sprog" advice; forvaltningsloven § 22 asks for reasons the citizen can follow).
 */
export type PlainWord = { family: string; forms: { pattern: RegExp; explain: string }[] };

const paragraph = (n: string, what: string): PlainWord => ({
  family: `SEL § ${n}`,
  forms: [{ pattern: new RegExp(`SEL § ${n}(?!\\d)(?! [a-z]\\b)`), explain: `serviceloven § ${n}: ${what}` }],
});

export const PLAIN_WORDS: readonly PlainWord[] = [
  paragraph('82', 'tidsbegrænset hjælp og støtte, fx i en gruppe eller som rådgivning'),
  paragraph(
    '85',
    'socialpædagogisk støtte, dvs. hjælp og vejledning til at klare hverdagen, fx struktur, økonomi og kontakt til andre',
  ),
  paragraph('103', 'beskyttet beskæftigelse for dem, der ikke kan have et almindeligt job'),
  paragraph('104', 'aktivitets- og samværstilbud, fx dagtilbud med fællesskab og aktiviteter'),
  paragraph('107', 'et midlertidigt botilbud med personale hele døgnet'),
  paragraph('108', 'et længerevarende botilbud med personale hele døgnet'),
  {
    family: 'partshøring',
    forms: [
      {
        pattern: /partshørt/,
        explain: 'du har fået lov at se og kommentere de oplysninger, vi har lagt vægt på, før vi traf afgørelsen',
      },
      {
        pattern: /[Pp]artshøring/,
        explain: 'at du får lov at se og kommentere de oplysninger, vi lægger vægt på, før vi træffer afgørelse',
      },
    ],
  },
  {
    family: 'genvurdering',
    forms: [
      {
        pattern: /[Gg]envurder(?:ing|er|et)/,
        explain: 'vi ser på sagen igen og vurderer, om afgørelsen skal ændres, før klagen eventuelt går videre',
      },
    ],
  },
  {
    family: 'borgerprofil',
    forms: [
      {
        pattern: /borgerprofil(?:en)?(?: \d+(?:\.\d+)?)?/,
        explain:
          'den gruppe i kommunens serviceniveau, der svarer til dit behov for støtte, og som bestemmer rammen for, hvor mange timer du kan få',
      },
    ],
  },
];

/**
 * The paragraphs with each family explained at its first use. An explanation already present (a letter edited and
 * composed again) is not added twice.
 */
export function explainFirstUse(paragraphs: readonly string[], words: readonly PlainWord[] = PLAIN_WORDS): string[] {
  const out = [...paragraphs];
  for (const word of words) {
    let first: { index: number; at: number; length: number; explain: string } | null = null;
    out.forEach((text, index) => {
      for (const form of word.forms) {
        const m = form.pattern.exec(text);
        if (m && (first === null || index < first.index || (index === first.index && m.index < first.at))) {
          first = { index, at: m.index, length: m[0].length, explain: form.explain };
        }
      }
    });
    if (first === null) continue;
    const { index, at, length, explain } = first as { index: number; at: number; length: number; explain: string };
    const text = out[index] ?? '';
    const end = at + length;
    if (text.slice(end).startsWith(` (${explain})`)) continue;
    out[index] = `${text.slice(0, end)} (${explain})${text.slice(end)}`;
  }
  return out;
}

/**
 * Transport to sheltered employment under SEL § 103 (Ringkøbing-Skjern, shared/seeds/001, "Befordring"): the citizen
 * pays daily transport within 10 km of the workplace; the municipality pays the necessary cost beyond that, by the
 * cheapest means; and "udgiften til befordring for den enkelte borger kan ikke overstige 30 pct. af vedkommendes
 * indtjening ved den beskyttede beskæftigelse efter fradrag af skat". Read here (docs/GLOSSARY.md): the 30 % caps
 * what the citizen pays; the municipality pays the rest. The cost is taken as proportional to the distance at the
 * cheapest means' price per km.
 */
export const TRANSPORT_103 = {
  ownKm: 10,
  capPct: 30,
  source:
    'Ringkøbing-Skjern Kommune, serviceniveau SEL § 103 (shared/seeds/001): egen betaling inden for 10 km; højst 30 pct. af indtjeningen efter skat',
} as const;

export type Transport103 = {
  monthlyCost: number;
  citizenWithin10Km: number;
  citizenPays: number;
  municipalityPays: number;
  cap: number;
  capped: boolean;
};

const ore = (n: number) => Math.round(n * 100) / 100;

export function transport103(input: {
  /** One way, home to workplace. */
  distanceKm: number;
  /** The cheapest means' price per km. */
  pricePerKm: number;
  daysPerMonth: number;
  monthlyEarningsAfterTax: number;
}): Transport103 {
  const perKmMonth = 2 * input.pricePerKm * input.daysPerMonth;
  const monthlyCost = ore(input.distanceKm * perKmMonth);
  const citizenWithin10Km = ore(Math.min(input.distanceKm, TRANSPORT_103.ownKm) * perKmMonth);
  const cap = ore((Math.max(0, input.monthlyEarningsAfterTax) * TRANSPORT_103.capPct) / 100);
  const citizenPays = Math.min(citizenWithin10Km, cap);
  return {
    monthlyCost,
    citizenWithin10Km,
    citizenPays,
    municipalityPays: ore(monthlyCost - citizenPays),
    cap,
    capped: citizenWithin10Km > cap,
  };
}

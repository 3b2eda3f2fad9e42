import type { CprLookup, CprPerson, CprRegister } from './cpr-register.ts';

/**
 * The demo's CPR register: invented persons who are not yet citizens of any demo municipality, each with a
 * substitute CPR number (erstatningspersonnummer) whose day is 29–31 + 60, a day the data generator never uses
 * (it draws days 1–28), so a demo look-up never finds a person who is already a citizen.
 */
export const DEMO_CPR_PERSONS: readonly CprPerson[] = [
  {
    cpr: '8903901231',
    firstName: 'Jonas',
    lastName: 'Kjærsgaard',
    address: 'Østergade 12',
    postalCode: '6950',
    city: 'Ringkøbing',
  },
  {
    cpr: '9004752342',
    firstName: 'Karen Margrethe',
    lastName: 'Ålund',
    address: 'Søndergade 3, 1. tv',
    postalCode: '6900',
    city: 'Skjern',
  },
  { cpr: '9107881453', firstName: 'Ahmad', lastName: 'Rahimi', address: 'Vestergade 40', postalCode: '8900', city: 'Randers C' },
  { cpr: '8912611564', firstName: 'Signe', lastName: 'Brøndum', address: 'Torvet 7', postalCode: '8500', city: 'Grenaa' },
  { cpr: '9101661675', firstName: 'Bent', lastName: 'Aagaard', address: 'Fjordvej 18', postalCode: '6960', city: 'Hvide Sande' },
  {
    cpr: '9008994786',
    firstName: 'Fatima',
    lastName: 'El-Sayed',
    address: 'Parkvej 2, st. th',
    postalCode: '8930',
    city: 'Randers NØ',
  },
];

export const demoCprRegister: CprRegister = {
  source: 'demo',
  async lookup(cpr: string): Promise<CprLookup> {
    const person = DEMO_CPR_PERSONS.find((p) => p.cpr === cpr);
    return person ? { status: 'found', person } : { status: 'not_found' };
  },
};

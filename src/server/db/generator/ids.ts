import { createHash } from 'node:crypto';

/**
 * Deterministic record ids for generated rows: a UUID whose first 80 bits come from a key (the run's seed, the
 * municipality, the table) and whose last 48 bits count. Hashing once per table instead of once per row keeps the
 * large sizes fast; the version (5) and variant bits make every id a valid RFC 4122 UUID.
 */
export class IdSequence {
  private readonly prefix: string;
  private n = 0;
  constructor(key: string) {
    const h = createHash('sha1').update(`visitator-generator:${key}`).digest();
    h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
    h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
    const hex = h.subarray(0, 10).toString('hex');
    this.prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-`;
  }
  next(): string {
    return this.at(this.n++);
  }
  at(index: number): string {
    return this.prefix + index.toString(16).padStart(12, '0');
  }
  get count(): number {
    return this.n;
  }
}

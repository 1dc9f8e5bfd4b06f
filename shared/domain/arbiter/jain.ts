import { DomainInputError } from "../errors.ts";
import { requireNonNegative } from "../validate.ts";

/**
 * Jain's fairness index (Σx)² / (n·Σx²) of non-negative values: 1 when all are equal, 1/n when one takes everything.
 * All zeros favour nobody, so they score 1.
 */
export function jainIndex(values: readonly number[]): number {
  if (values.length === 0) throw new DomainInputError("values", "needs at least one value");
  values.forEach((v, i) => {
    requireNonNegative(`values[${i}]`, v);
  });
  const total = values.reduce((a, v) => a + v, 0);
  const squares = values.reduce((a, v) => a + v * v, 0);
  return squares === 0 ? 1 : (total * total) / (values.length * squares);
}

import { DomainInputError } from "./errors.ts";

/** Returns `value` if it is a finite number, else throws naming `field`. */
export function requireFinite(field: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new DomainInputError(field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Returns `value` if it is finite and within [min, max]. */
export function requireInRange(field: string, value: number, min: number, max: number): number {
  requireFinite(field, value);
  if (value < min || value > max) throw new DomainInputError(field, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Returns `value` if it is finite and ≥ 0. */
export function requireNonNegative(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0) throw new DomainInputError(field, `must not be negative, got ${value}`);
  return value;
}

/** Returns `value` if it is finite and > 0. */
export function requirePositive(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0) throw new DomainInputError(field, `must be greater than 0, got ${value}`);
  return value;
}

/** Returns `value` if it is an integer within [min, max]. */
export function requireInteger(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainInputError(field, `must be an integer between ${min} and ${max}, got ${String(value)}`);
  }
  return value;
}

/** Returns `values` if it is an array of finite numbers with at least `minLength` entries. */
export function requireSeries(field: string, values: readonly number[], minLength: number, purpose?: string): number[] {
  if (!Array.isArray(values)) throw new DomainInputError(field, "must be an array of numbers");
  if (values.length < minLength) {
    const what = purpose ?? "this calculation";
    throw new DomainInputError(field, `${what} needs at least ${minLength} points, got ${values.length}`);
  }
  values.forEach((v, i) => {
    requireFinite(`${field}[${i}]`, v);
  });
  return [...values];
}

/** Returns the trimmed string if non-empty. */
export function requireText(field: string, value: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new DomainInputError(field, "must be a non-empty string");
  return value.trim();
}

/** Throws if two entries share an id, naming the duplicate. */
export function requireUniqueIds(field: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DomainInputError(field, `duplicate id "${id}"`);
    seen.add(id);
  }
}

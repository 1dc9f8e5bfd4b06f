import { DomainInputError } from "../errors.ts";

/** Validates a conflict's parties: at least two, distinct, non-empty. */
export function requireParties(field: string, parties: readonly string[]): string[] {
  if (!Array.isArray(parties) || parties.some((p) => typeof p !== "string" || p.trim() === "")) {
    throw new DomainInputError(field, "must be a list of party names");
  }
  if (new Set(parties).size !== parties.length) throw new DomainInputError(field, "must not name a party twice");
  if (parties.length < 2)
    throw new DomainInputError(field, `a conflict needs at least 2 parties, got ${parties.length}`);
  return [...parties];
}

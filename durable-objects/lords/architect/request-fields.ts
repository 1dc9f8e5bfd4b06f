import { DomainInputError, InvalidTransitionError } from "../../../shared/domain/errors.ts";

/**
 * The request field a domain function's field path stands for: domain code names inputs in
 * camelCase with `[i]` indexes (`objectives[0].effortPersonDays`), requests in snake_case with
 * dotted indexes (`objectives.0.effort_person_days`), as valibot reports them.
 */
export function requestField(domainField: string): string {
  return domainField.replace(/\[(\d+)\]/g, ".$1").replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Runs a domain computation, renaming the fields its input errors name to the request's. */
export function inRequestTerms<T>(compute: () => T, rename: (field: string) => string = requestField): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof InvalidTransitionError) throw err;
    if (err instanceof DomainInputError) {
      const issues = err.issues.map((issue) => ({ field: rename(issue.field), message: issue.message }));
      throw new DomainInputError(rename(err.field), err.reason, issues);
    }
    throw err;
  }
}

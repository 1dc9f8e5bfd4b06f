import { DomainInputError } from "../../../shared/domain/errors.ts";

/**
 * Runs a domain function and re-labels the fields its DomainInputError names with the API's
 * spelling: the domain speaks camelCase and `series[3]`, the API snake_case and `series.3` (as
 * valibot names paths), so a 400 points at the field the caller actually sent.
 */
export function withApiFields<T>(run: () => T, renames: Readonly<Record<string, string>> = {}): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof DomainInputError)) throw err;
    const issues = err.issues.map((issue) => ({ field: apiField(issue.field, renames), message: issue.message }));
    throw new DomainInputError(issues[0]!.field, err.reason, issues);
  }
}

/** `metrics[0].values` → `metrics.0.values`, with the first segment renamed when listed. */
export function apiField(field: string, renames: Readonly<Record<string, string>>): string {
  const dotted = field.replace(/\[(\d+)\]/g, ".$1");
  const [head, ...rest] = dotted.split(".");
  return [renames[head!] ?? head, ...rest].join(".");
}

import { DomainInputError, type DomainIssue } from "../errors.ts";
import { isoDate } from "../time.ts";

/** The types a template variable can declare. */
export const VARIABLE_TYPES = ["string", "number", "date", "url"] as const;
/** One of VARIABLE_TYPES. */
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** A declared variable: its type, whether it must be given (default true), and for dates the display style. */
export interface VariableSpec {
  type: VariableType;
  required?: boolean;
  /** Dates render as YYYY-MM-DD by default, or "YYYY-MM-DD HH:MM UTC" with "datetime". */
  style?: "date" | "datetime";
}

/**
 * Checks every declared variable and renders it to text; collects all problems before throwing so the caller can
 * fix them in one go. Dates accept a Date or an ISO-8601 string; URLs must be absolute http(s) (no javascript:).
 */
export function renderVariables(
  specs: Readonly<Record<string, VariableSpec>>,
  values: Readonly<Record<string, unknown>>,
): Map<string, string> {
  const out = new Map<string, string>();
  const issues: DomainIssue[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    // Own properties only: a variable named "constructor" must not read Object.prototype.
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null) {
      if (spec.required ?? true) issues.push({ field: `variables.${name}`, message: "is required but missing" });
      else out.set(name, "");
      continue;
    }
    const text = renderValue(spec, value);
    if (text === undefined) {
      issues.push({ field: `variables.${name}`, message: `expected ${spec.type}, got ${describe(value)}` });
    } else out.set(name, text);
  }
  if (issues.length > 0) {
    const summary = issues.map((i) => `${i.field.slice("variables.".length)} ${i.message}`).join("; ");
    throw new DomainInputError("variables", summary, issues);
  }
  return out;
}

function renderValue(spec: VariableSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case "string":
      return typeof value === "string" ? value : undefined;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
    case "date": {
      const ms =
        value instanceof Date
          ? value.getTime()
          : typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)
            ? Date.parse(value)
            : Number.NaN;
      if (!Number.isFinite(ms)) return undefined;
      return spec.style === "datetime"
        ? `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`
        : isoDate(ms);
    }
    case "url": {
      if (typeof value !== "string") return undefined;
      try {
        const url = new URL(value.trim());
        return url.protocol === "http:" || url.protocol === "https:" ? value.trim() : undefined;
      } catch {
        return undefined;
      }
    }
  }
}

function describe(value: unknown): string {
  if (value instanceof Date) return "an invalid date";
  if (typeof value === "string") return `string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number") return `number ${value}`;
  return Array.isArray(value) ? "array" : typeof value;
}

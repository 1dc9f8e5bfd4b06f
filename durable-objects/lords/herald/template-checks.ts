import { checkTemplate } from "../../../shared/domain/herald/index.ts";
import type { VariableSpecInput } from "./inputs.ts";
import { specsToRecord } from "./templates.ts";

/** A template's text and declared variables, as create and update receive them. */
export interface TemplateText {
  subject: string | null;
  body: string;
  variables: readonly VariableSpecInput[];
}

/** Rejects (400) a template whose body or subject uses a variable it does not declare. */
export function requireConsistent(template: TemplateText): void {
  checkTemplate({
    ...(template.subject === null ? {} : { subject: template.subject }),
    body: template.body,
    variables: specsToRecord(template.variables),
  });
}

import * as v from "valibot";
import type { Tx } from "../../../shared/db/database.ts";
import type { MessageTemplatesRow } from "../../../shared/db/rows.generated.ts";
import {
  type MessageTemplate,
  type NotificationChannel,
  VARIABLE_TYPES,
  type VariableSpec,
} from "../../../shared/domain/herald/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

const StoredSpecs = v.array(
  v.object({
    name: v.string(),
    type: v.picklist(VARIABLE_TYPES),
    required: v.optional(v.boolean()),
    style: v.optional(v.picklist(["date", "datetime"])),
  }),
);

/** A declared variable as `message_templates.variables` stores it: an ordered list entry. */
export type StoredSpec = v.InferOutput<typeof StoredSpecs>[number];

/** The domain's `{name: spec}` map of a stored variable list. */
export function specsToRecord(specs: readonly StoredSpec[]): Record<string, VariableSpec> {
  const record: Record<string, VariableSpec> = {};
  for (const { name, ...spec } of specs) record[name] = spec;
  return record;
}

/** A stored template as the domain renders it; a malformed variables column is a server fault. */
export function toMessageTemplate(
  row: Pick<MessageTemplatesRow, "id" | "subject_template" | "body_template" | "variables">,
): MessageTemplate {
  const specs = v.safeParse(StoredSpecs, row.variables);
  if (!specs.success) throw new Error(`message template ${row.id} has malformed variables`);
  return {
    ...(row.subject_template === null ? {} : { subject: row.subject_template }),
    body: row.body_template,
    variables: specsToRecord(specs.output),
  };
}

/**
 * A template and its active siblings: templates sharing its name, one per channel, so one send
 * can use each channel's own wording. 404 when the template is missing or inactive.
 */
export async function templateFamily(tx: Tx, workspaceId: string, templateId: string): Promise<MessageTemplatesRow[]> {
  const rows = await tx<MessageTemplatesRow[]>`
    select sibling.* from public.message_templates chosen
    join public.message_templates sibling
      on sibling.workspace_id = chosen.workspace_id and sibling.name = chosen.name
    where chosen.workspace_id = ${workspaceId} and chosen.id = ${templateId} and chosen.is_active
      and (sibling.is_active or sibling.id = chosen.id)`;
  if (!rows.some((row) => row.id === templateId)) {
    throw ApiError.notFound("Message template not found or inactive", "TEMPLATE_NOT_FOUND");
  }
  return rows;
}

/** The template to render for a channel: the family's one for that channel, else the chosen one. */
export function templateForChannel(
  family: readonly MessageTemplatesRow[],
  chosenId: string,
  channel: NotificationChannel,
): MessageTemplatesRow {
  const own = family.find((row) => row.channel === channel);
  const chosen = family.find((row) => row.id === chosenId);
  const template = own ?? chosen;
  if (!template) throw new Error(`template ${chosenId} is not in its own family`);
  return template;
}

/** One template row of the workspace; 404 when absent (or invisible under RLS). */
export async function getTemplateRow(tx: Tx, workspaceId: string, id: string): Promise<MessageTemplatesRow> {
  const [row] = await tx<MessageTemplatesRow[]>`
    select * from public.message_templates where workspace_id = ${workspaceId} and id = ${id}`;
  if (!row) throw ApiError.notFound("Message template not found", "TEMPLATE_NOT_FOUND");
  return row;
}

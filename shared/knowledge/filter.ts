import type { Category, Template } from "./vocabulary.ts";

/**
 * Upstash Vector metadata filters, built only here and only from validated values. Clients never
 * send filter text: they send fields, and every filter starts with the caller's workspace, so
 * whatever else it says can only narrow a search inside that workspace.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string literal of the filter language: single-quoted, backslashes escaped first, then quotes. */
export function quoteFilterValue(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** What a search may be narrowed by, besides the workspace. */
export interface KnowledgeFilter {
  workspaceId: string;
  categories?: readonly Category[];
  templates?: readonly Template[];
  documentId?: string;
  agentCode?: string;
}

/**
 * `workspace_id = '<ws>'`, then `AND (…)` with the other conditions. The workspace condition is
 * outermost and the rest are parenthesised, so no value could ever turn it into an `OR`.
 */
export function buildFilter(filter: KnowledgeFilter): string {
  if (!UUID.test(filter.workspaceId)) throw new Error("buildFilter: workspaceId must be a UUID");
  const conditions: string[] = [];
  const oneOf = (field: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    conditions.push(
      values.length === 1
        ? `${field} = ${quoteFilterValue(values[0]!)}`
        : `${field} IN (${values.map(quoteFilterValue).join(", ")})`,
    );
  };
  oneOf("category", filter.categories);
  oneOf("template", filter.templates);
  if (filter.documentId !== undefined) conditions.push(`document_id = ${quoteFilterValue(filter.documentId)}`);
  if (filter.agentCode !== undefined) conditions.push(`agent_code = ${quoteFilterValue(filter.agentCode)}`);
  const workspace = `workspace_id = ${quoteFilterValue(filter.workspaceId.toLowerCase())}`;
  return conditions.length === 0 ? workspace : `${workspace} AND (${conditions.join(" AND ")})`;
}

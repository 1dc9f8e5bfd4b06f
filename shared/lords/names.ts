import { LORDS, type LordName } from "../events/catalogue.ts";

/** True when `value` names one of the seven Lords. */
export function isLordName(value: unknown): value is LordName {
  return typeof value === "string" && (LORDS as readonly string[]).includes(value);
}

/** The Durable Object name of a workspace's Lord: `${workspaceId}:${lord}`. */
export function lordObjectName(workspaceId: string, lord: LordName): string {
  return `${workspaceId}:${lord}`;
}

/** Splits a Lord object's name back into workspace and Lord; throws on anything else. */
export function parseLordObjectName(name: string | undefined): { workspaceId: string; lord: LordName } {
  const separator = name?.lastIndexOf(":") ?? -1;
  const workspaceId = name?.slice(0, separator) ?? "";
  const lord = name?.slice(separator + 1);
  if (separator <= 0 || !isLordName(lord)) throw new Error(`Not a Lord object name: '${name}'`);
  return { workspaceId, lord };
}

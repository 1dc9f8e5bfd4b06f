/** Workspace roles, weakest first. */
export const ROLES = ["viewer", "analyst", "lord_operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The permission matrix: each action names the weakest role allowed to perform it; stronger
 * roles inherit. The README renders this table; RLS policies enforce the same split in SQL.
 */
export const PERMISSIONS = {
  "workspace:read": "viewer",
  "workspace:manage": "admin",
  "members:read": "viewer",
  "members:manage": "admin",
  "api_keys:manage": "admin",
  "budgets:manage": "admin",
  "campaigns:read": "viewer",
  "campaigns:write": "analyst",
  "intelligence:read": "viewer",
  "intelligence:write": "analyst",
  "alerts:read": "viewer",
  "alerts:manage": "analyst",
  "costs:read": "analyst",
  "agents:read": "viewer",
  "agents:invoke": "lord_operator",
  "dead_letters:retry": "admin",
  "lords:read": "viewer",
  "lords:act": "lord_operator",
  "knowledge:read": "viewer",
  "knowledge:write": "analyst",
  "cache:manage": "admin",
  "events:read": "viewer",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof PERMISSIONS;

/** True when a role parses as one of ours. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[action]);
}

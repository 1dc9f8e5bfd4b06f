import { describe, expect, it } from "vitest";
import { type Action, can, PERMISSIONS, ROLES, type Role } from "../../../../shared/auth/permissions.ts";

// The permission matrix, cell by cell, against a table written out by hand here: changing
// shared/auth/permissions.ts without changing this table is a failing test, on purpose.
//                              viewer analyst lord_op admin
const EXPECTED: Record<Action, [boolean, boolean, boolean, boolean]> = {
  "workspace:read": /*      */ [true, true, true, true],
  "workspace:manage": /*    */ [false, false, false, true],
  "members:read": /*        */ [true, true, true, true],
  "members:manage": /*      */ [false, false, false, true],
  "api_keys:manage": /*     */ [false, false, false, true],
  "budgets:manage": /*      */ [false, false, false, true],
  "campaigns:read": /*      */ [true, true, true, true],
  "campaigns:write": /*     */ [false, true, true, true],
  "intelligence:read": /*   */ [true, true, true, true],
  "intelligence:write": /*  */ [false, true, true, true],
  "alerts:read": /*         */ [true, true, true, true],
  "alerts:manage": /*       */ [false, true, true, true],
  "costs:read": /*          */ [false, true, true, true],
  "agents:read": /*         */ [true, true, true, true],
  "agents:invoke": /*       */ [false, false, true, true],
  "dead_letters:retry": /*  */ [false, false, false, true],
  "lords:read": /*          */ [true, true, true, true],
  "lords:act": /*           */ [false, false, true, true],
  "knowledge:read": /*      */ [true, true, true, true],
  "knowledge:write": /*     */ [false, true, true, true],
  "cache:manage": /*        */ [false, false, false, true],
  "events:read": /*         */ [true, true, true, true],
};

const ORDER: Role[] = ["viewer", "analyst", "lord_operator", "admin"];

describe("permission matrix", () => {
  it("covers exactly the actions of permissions.ts and the four roles, weakest first", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    expect([...ROLES]).toEqual(ORDER);
  });

  const cells = (Object.entries(EXPECTED) as [Action, boolean[]][]).flatMap(([action, row]) =>
    ORDER.map((role, index) => [role, action, row[index]!] as const),
  );

  it.each(cells)("%s × %s → %s", (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });

  it("is monotonic: a stronger role can do everything a weaker one can", () => {
    for (const row of Object.values(EXPECTED)) {
      const firstAllowed = row.indexOf(true);
      expect(row.slice(firstAllowed).every(Boolean)).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { Role } from "../../../../shared/auth/permissions.ts";
import { type ApiCall, call, type ErrorBody } from "../../../helpers/api.ts";
import { type SeedUser, USERS, WORKSPACES } from "../../../helpers/db.ts";

// One representative write per endpoint group, through the real router, as the role just
// below the one it needs (403 INSUFFICIENT_ROLE) and as the weakest role that holds it (the
// gate opens; an empty body then fails validation, so nothing is ever written here).
const ws = `/api/workspaces/${WORKSPACES.acmeGrowth}`;
const AS: Record<Role, SeedUser> = {
  viewer: USERS.victor,
  analyst: USERS.ana,
  lord_operator: USERS.oliver,
  admin: USERS.alice,
};
const BELOW: Record<Exclude<Role, "viewer">, Role> = {
  analyst: "viewer",
  lord_operator: "analyst",
  admin: "lord_operator",
};

type Case = [group: string, path: string, request: ApiCall, needs: Exclude<Role, "viewer">, opened: number];
const nobody = crypto.randomUUID();

const CASES: Case[] = [
  ["alerts", `${ws}/alerts`, { body: {} }, "analyst", 400],
  ["alerts (acknowledge)", `${ws}/alerts/${nobody}/acknowledge`, { method: "POST" }, "analyst", 404],
  ["intelligence: market", `${ws}/intelligence/market`, { body: {} }, "analyst", 400],
  ["intelligence: competitors", `${ws}/intelligence/competitors`, { body: {} }, "analyst", 400],
  ["intelligence: insights", `${ws}/intelligence/insights`, { body: {} }, "analyst", 400],
  ["members", `${ws}/members/${USERS.victor.id}`, { method: "PATCH", body: {} }, "admin", 400],
  ["invitations", `${ws}/invitations`, { body: {} }, "admin", 400],
  ["api keys", `${ws}/api-keys`, { body: {} }, "admin", 400],
  ["campaigns", `${ws}/campaigns`, { body: {} }, "analyst", 400],
  ["moves", `${ws}/moves`, { body: {} }, "analyst", 400],
  ["quests", `${ws}/quests`, { body: {} }, "analyst", 400],
  ["achievements", `${ws}/achievements`, { body: {} }, "analyst", 400],
  ["agents (invoke)", `${ws}/agents/invoke/parallel`, { body: {} }, "lord_operator", 400],
  ["dead letters (retry)", `${ws}/agents/dead-letters/${nobody}/retry`, { method: "POST" }, "admin", 404],
];

describe.each(CASES)("%s", (_group, path, request, needs, opened) => {
  it(`refuses ${BELOW[needs]} with 403`, async () => {
    const res = await call<ErrorBody>(AS[BELOW[needs]], path, request);
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.code).toBe("INSUFFICIENT_ROLE");
  });

  it(`lets ${needs} through the gate`, async () => {
    const res = await call<ErrorBody>(AS[needs], path, request);
    expect(res.status, JSON.stringify(res.body)).toBe(opened);
  });
});

it("refuses a viewer every representative write", async () => {
  for (const [group, path, request] of CASES) {
    const res = await call(AS.viewer, path, request);
    expect(res.status, group).toBe(403);
  }
});

import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, call, createWorkspace, type ErrorBody, ORIGIN, tokenFor } from "../../helpers/api.ts";
import { type SeedUser, testSql, USERS, WORKSPACES } from "../../helpers/db.ts";

// Walks /openapi.json and sends every route with parameters or a body something malformed,
// as a workspace admin (so no permission gate stops the request early): a bad UUID in each
// path parameter, a non-numeric `limit`, a wrong-typed body, a wrongly typed value for each
// documented field, an unknown field, a non-JSON content type and malformed JSON. Every answer
// must be a 4xx error envelope, never a 5xx; the checks only a route's own validation can pass
// (400 naming the field, 415, MALFORMED_JSON) apply to the `/api` routes.
//
// The walker is the admin of a workspace of its own (an enterprise one, created here) rather
// than of the seeded acme-growth: its few hundred requests would otherwise use up the rate
// limits that other files, run alongside, share on acme-growth and its admin; and a second
// admin in acme-growth would change what the schema suite's last-admin tests see.

interface JsonSchema {
  type?: string | string[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}
interface Parameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { parameters?: Record<string, Parameter> };
}
interface Probe {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Exact status, and a field `details` must name, when the route's own validation decides. */
  status?: number;
  field?: string;
  code?: string;
}

const UNKNOWN_FIELD = "__walker_unknown_field__";
/** Well-formed values for path parameters that are not UUIDs, so the probe reaches what it aims at. */
const SAMPLES: Record<string, string> = { code: "RES-001", lord: "architect" };
const walker: SeedUser = { id: crypto.randomUUID(), email: `walker-${Date.now()}@example.test` };
let workspaceId: string;
let spec: OpenApi;
let token: string;

beforeAll(async () => {
  const sql = testSql();
  await sql`
    insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at)
    values ('00000000-0000-0000-0000-000000000000', ${walker.id}, 'authenticated', 'authenticated', ${walker.email}, '', now(), now())`;
  workspaceId = await createWorkspace(sql, { plan: "enterprise", members: [[walker, "admin"]] });
  token = await tokenFor(walker);
  const res = await SELF.fetch(`${ORIGIN}/openapi.json`);
  expect(res.status).toBe(200);
  spec = await res.json<OpenApi>();
});

function parametersOf(operation: Operation): Parameter[] {
  return (operation.parameters ?? []).flatMap((parameter) => {
    if (!("$ref" in parameter)) return [parameter];
    const resolved = spec.components?.parameters?.[parameter.$ref.split("/").pop() ?? ""];
    return resolved ? [resolved] : [];
  });
}

function typesOf(schema: JsonSchema): string[] {
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return [...own, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(typesOf)];
}

function isUuid(name: string, schema: JsonSchema | undefined): boolean {
  // workspaceId is validated by the workspace middleware, not a route schema.
  return (
    name === "workspaceId" || (schema ? [schema, ...(schema.anyOf ?? [])].some((s) => s.format === "uuid") : false)
  );
}

/** A value of a JSON type the schema does not allow, or undefined when it allows anything. */
function wrongValue(schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (types.length === 0) return undefined;
  if (!types.includes("boolean")) return true;
  if (!types.includes("number") && !types.includes("integer")) return 12345;
  return ["wrong"];
}

function fill(template: string, operation: Operation, override?: [string, string]): string {
  const params = new Map(
    parametersOf(operation)
      .filter((p) => p.in === "path")
      .map((p) => [p.name, p]),
  );
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (override?.[0] === name) return override[1];
    if (name === "workspaceId") return workspaceId;
    return isUuid(name, params.get(name)?.schema) ? crypto.randomUUID() : (SAMPLES[name] ?? "walker-value");
  });
}

function probesFor(template: string, method: string, operation: Operation): Probe[] {
  const probes: Probe[] = [];
  const verb = method.toUpperCase();
  // Exact answers are expected where every path parameter can be filled with a well-formed value.
  const names = template.match(/\{(\w+)\}/g)?.map((segment) => segment.slice(1, -1)) ?? [];
  const ours =
    template.startsWith("/api/") &&
    names.every(
      (name) => isUuid(name, parametersOf(operation).find((p) => p.name === name)?.schema) || name in SAMPLES,
    );
  const jsonBody = operation.requestBody?.content?.["application/json"]?.schema;
  const emptyBody = jsonBody ? { body: "{}", headers: { "content-type": "application/json" } } : {};

  for (const name of names) {
    const schema = parametersOf(operation).find((p) => p.in === "path" && p.name === name)?.schema;
    const uuid = isUuid(name, schema);
    probes.push({
      label: `bad ${name}`,
      method: verb,
      path: fill(template, operation, [name, uuid ? "not-a-uuid" : "%00%2F.."]),
      ...emptyBody,
      ...(ours && uuid ? { status: 400, field: name } : {}),
    });
  }

  if (parametersOf(operation).some((p) => p.in === "query" && p.name === "limit")) {
    probes.push({
      label: "non-numeric limit",
      method: verb,
      path: `${fill(template, operation)}?limit=ten`,
      ...(ours ? { status: 400, field: "limit" } : {}),
    });
  }

  if (jsonBody) {
    const path = fill(template, operation);
    const json = { "content-type": "application/json" };
    probes.push(
      { label: "array body", method: verb, path, headers: json, body: "[1,2]", ...(ours ? { status: 400 } : {}) },
      {
        label: "non-JSON content type",
        method: verb,
        path,
        headers: { "content-type": "text/plain" },
        body: "{}",
        ...(ours ? { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" } : {}),
      },
      {
        label: "malformed JSON",
        method: verb,
        path,
        headers: json,
        body: '{"oops": ',
        ...(ours ? { status: 400, code: "MALFORMED_JSON" } : {}),
      },
    );
    if (typesOf(jsonBody).includes("object")) {
      probes.push({
        label: "unknown field",
        method: verb,
        path,
        headers: json,
        body: JSON.stringify({ [UNKNOWN_FIELD]: 1 }),
        ...(ours ? { status: 400, field: UNKNOWN_FIELD } : {}),
      });
      for (const [field, schema] of Object.entries(jsonBody.properties ?? {})) {
        const value = wrongValue(schema);
        if (value === undefined) continue;
        probes.push({
          label: `wrong-typed ${field}`,
          method: verb,
          path,
          headers: json,
          body: JSON.stringify({ [field]: value }),
          ...(ours ? { status: 400, field } : {}),
        });
      }
    }
  }
  return probes;
}

async function send(probe: Probe) {
  const res = await SELF.fetch(`${ORIGIN}${probe.path}`, {
    method: probe.method,
    headers: { authorization: `Bearer ${token}`, ...probe.headers },
    body: probe.body,
  });
  const text = await res.text();
  let body: (ErrorBody & { request_id?: string; status_code?: number }) | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, requestId: res.headers.get("x-request-id"), text };
}

/** What is wrong with one probe's answer, or nothing. */
async function check(probe: Probe): Promise<string[]> {
  const { status, body, requestId, text } = await send(probe);
  const where = `${probe.method} ${probe.path} (${probe.label}) → ${status} ${text.slice(0, 300)}`;
  const problems: string[] = [];
  if (status < 400 || status >= 500) problems.push(`${where}: expected a 4xx`);
  if (body?.status !== "error" || typeof body.code !== "string" || !body.request_id) {
    problems.push(`${where}: not an error envelope`);
  } else if (body.request_id !== requestId) {
    problems.push(`${where}: request_id differs from x-request-id`);
  }
  if (probe.status !== undefined && status !== probe.status) problems.push(`${where}: expected ${probe.status}`);
  if (probe.code !== undefined && body?.code !== probe.code) problems.push(`${where}: expected code ${probe.code}`);
  if (probe.field !== undefined) {
    const fields = body?.details?.map((detail) => detail.field) ?? [];
    if (!fields.some((f) => f === probe.field || f?.startsWith(`${probe.field}.`))) {
      problems.push(`${where}: details do not name ${probe.field}`);
    }
  }
  return problems;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3 and documents the workspace routes", () => {
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/workspaces",
        "/api/workspaces/{workspaceId}/alerts",
        "/api/workspaces/{workspaceId}/intelligence/market/{intelligenceId}",
        "/api/workspaces/{workspaceId}/members/{userId}",
        "/api/workspaces/{workspaceId}/api-keys/{keyId}",
      ]),
    );
  });

  it("every route with parameters or a body answers malformed requests with a 4xx envelope, never a 5xx", async () => {
    const probes = Object.entries(spec.paths).flatMap(([template, item]) =>
      Object.entries(item).flatMap(([method, operation]) => probesFor(template, method, operation)),
    );
    expect(probes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    // A few at a time: enough to be quick, few enough not to crowd the shared test database.
    for (let i = 0; i < probes.length; i += 6) {
      problems.push(...(await Promise.all(probes.slice(i, i + 6).map(check))).flat());
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("/docs", () => {
  it("renders an HTML page from the document", async () => {
    const res = await SELF.fetch(`${ORIGIN}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("RaptorFlow Codex API");
    expect(html).toContain("/api/workspaces/{workspaceId}/alerts");
  });
});

describe("bad input in general", () => {
  const alerts = `/api/workspaces/${WORKSPACES.acmeGrowth}/alerts`;

  async function expectEnvelope(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const body = await res.json<ErrorBody & { request_id: string; status_code: number }>();
    expect(body).toMatchObject({ status: "error", code, status_code: status });
    expect(body.request_id).toBe(res.headers.get("x-request-id"));
    return body;
  }

  it("malformed JSON → 400 MALFORMED_JSON", async () => {
    await expectEnvelope(await api(USERS.ana, alerts, { body: '{"title": "unterminated' }), 400, "MALFORMED_JSON");
  });

  it("a body that is not JSON → 415", async () => {
    const res = await api(USERS.ana, alerts, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "title=x",
    });
    await expectEnvelope(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("a body over MAX_BODY_BYTES → 413, before anything else runs", async () => {
    const big = JSON.stringify({ title: "x".repeat(Number(env.MAX_BODY_BYTES) + 1) });
    await expectEnvelope(await api(USERS.ana, alerts, { body: big }), 413, "PAYLOAD_TOO_LARGE");
    await expectEnvelope(await api(null, alerts, { body: big }), 413, "PAYLOAD_TOO_LARGE");
  });

  it("an unknown route → 404 ROUTE_NOT_FOUND", async () => {
    await expectEnvelope(await api(null, "/nowhere"), 404, "ROUTE_NOT_FOUND");
    await expectEnvelope(
      await api(USERS.alice, `/api/workspaces/${WORKSPACES.acmeGrowth}/nowhere`),
      404,
      "ROUTE_NOT_FOUND",
    );
  });

  it("a wrong method → 405 with Allow", async () => {
    const res = await api(USERS.alice, alerts, { method: "PUT", body: {} });
    await expectEnvelope(res, 405, "METHOD_NOT_ALLOWED");
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "HEAD", "POST"]);
    const res2 = await call(USERS.alice, `${alerts}/${crypto.randomUUID()}`, { method: "DELETE" });
    expect(res2.status).toBe(405);
  });
});

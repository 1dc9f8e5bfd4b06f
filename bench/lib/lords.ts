import type { LordName } from "../../shared/events/catalogue.ts";

/** One HTTP call of a Lord capability. */
export interface LordCall {
  capability: string;
  method: "GET" | "POST";
  /** Under `/api/workspaces/:workspaceId/lords/<lord>`, query string included. */
  path: string;
  /**
   * The JSON body; `marker` is unique per call and goes in a name or title the event echoes;
   * `caller` is who sends it (a recipient, an owner).
   */
  body?: (marker: string, caller: LordCaller) => unknown;
}

/** A representative read and mutating capability of one Lord. */
export interface LordBench {
  lord: LordName;
  read: LordCall;
  mutate: LordCall;
}

/**
 * One read and one creating capability per Lord, routes as in the Council spec, bodies per each
 * Lord's input schema. When a schema changes, `probeLord` reports the body the Lord refuses
 * rather than the bench measuring 400s.
 */
export const LORD_BENCHES: readonly LordBench[] = [
  {
    lord: "architect",
    read: { capability: "list_initiatives", method: "GET", path: "/initiatives?limit=25" },
    mutate: {
      capability: "design_initiative",
      method: "POST",
      path: "/initiatives/design",
      body: (marker) => ({
        name: marker,
        description: "Benchmark initiative",
        objectives: [
          { id: "research", title: "Audience research", effort_person_days: 6, skills: ["research"] },
          { id: "launch", title: "Launch content", effort_person_days: 10, skills: ["copy", "design"] },
        ],
        constraints: { start_date: "2027-01-04", team_size: 4, daily_rate: 600, budget: 60_000 },
      }),
    },
  },
  {
    lord: "cognition",
    read: { capability: "list_learnings", method: "GET", path: "/learning/recent?limit=25" },
    mutate: {
      capability: "record_learning",
      method: "POST",
      path: "/learning/record",
      body: (marker) => ({
        learning_type: "success",
        source: "bench",
        insight: `Short subject lines lift open rates (${marker})`,
        context: { channel: "email" },
        confidence: 0.8,
      }),
    },
  },
  {
    lord: "strategos",
    read: { capability: "list_plans", method: "GET", path: "/plans?limit=25" },
    mutate: {
      capability: "create_execution_plan",
      method: "POST",
      path: "/plans/create",
      body: (marker) => ({
        name: marker,
        objectives: ["Launch the spring campaign"],
        tasks: [
          { key: "research", name: "Research", estimated_hours: 8 },
          { key: "write", name: "Write copy", estimated_hours: 12, depends_on: ["research"] },
          { key: "review", name: "Review", estimated_hours: 4, depends_on: ["write"] },
        ],
      }),
    },
  },
  {
    lord: "aesthete",
    read: { capability: "list_reviews", method: "GET", path: "/reviews?limit=25" },
    mutate: {
      capability: "assess_quality",
      method: "POST",
      path: "/assess-quality",
      body: (marker) => ({
        content_type: "copy",
        title: marker,
        content:
          "Meet the new spring collection. Light fabrics, honest prices and free returns for thirty days. " +
          "Shop the collection today and find your favourite piece.",
      }),
    },
  },
  {
    lord: "seer",
    read: { capability: "list_predictions", method: "GET", path: "/predictions?limit=25" },
    mutate: {
      capability: "predict_trend",
      method: "POST",
      path: "/predict-trend",
      body: (marker) => ({
        subject: marker,
        metric: "click_through_rate",
        method: "linear",
        series: [120, 126, 131, 129, 138, 144, 150, 149, 158, 163, 170, 174],
        horizon: 6,
      }),
    },
  },
  {
    lord: "arbiter",
    read: { capability: "list_cases", method: "GET", path: "/cases?limit=25" },
    mutate: {
      capability: "register_conflict",
      method: "POST",
      path: "/conflict/register",
      body: (marker) => ({
        title: marker,
        description: "Two guilds want the launch slot in the same week",
        conflict_type: "priority_dispute",
        parties: ["muse", "matrix"],
        goals: ["Ship launch visuals", "Refresh dashboards"],
        stakes: 12_000,
      }),
    },
  },
  {
    lord: "herald",
    read: { capability: "get_communication_log", method: "GET", path: "/communications/log?limit=25" },
    mutate: {
      capability: "send_notification",
      method: "POST",
      path: "/notify/send",
      body: (marker, caller) => ({
        subject: marker,
        body: "Your weekly campaign summary is ready",
        recipients: [caller.userId],
        channels: ["in_app"],
        priority: "normal",
      }),
    },
  },
];

/** Who calls: a workspace and one of its members. */
export interface LordCaller {
  workspaceId: string;
  userId: string;
  authorization: string;
}

/** The URL path and request of a Lord call. */
export function lordRequest(
  lord: LordName,
  call: LordCall,
  caller: LordCaller,
  marker: string,
): [path: string, init: RequestInit] {
  const path = `/api/workspaces/${caller.workspaceId}/lords/${lord}${call.path}`;
  const headers: Record<string, string> = { authorization: caller.authorization };
  if (call.method === "GET") return [path, { headers }];
  headers["content-type"] = "application/json";
  return [path, { method: "POST", headers, body: JSON.stringify(call.body?.(marker, caller) ?? {}) }];
}

/**
 * Why a Lord cannot be measured yet (its capabilities are not registered, its routes are not
 * mounted, or it refuses the bench's request), or null when both calls succeed. The mutating
 * call really runs once.
 */
export async function probeLord(baseUrl: string, bench: LordBench, caller: LordCaller): Promise<string | null> {
  const status = await fetch(`${baseUrl}/api/workspaces/${caller.workspaceId}/lords/${bench.lord}/status`, {
    headers: { authorization: caller.authorization },
  });
  const body = jsonOf(await status.text()) as { data?: { capabilities?: { name: string }[] } } | undefined;
  if (!status.ok) return `GET …/lords/${bench.lord}/status: HTTP ${status.status}`;
  const registered = (body?.data?.capabilities ?? []).map((capability) => capability.name);
  const missing = [bench.read, bench.mutate].filter((call) => !registered.includes(call.capability));
  if (missing.length > 0) {
    const has = registered.length > 0 ? `it has ${registered.join(", ")}` : "it has no capabilities yet";
    return `${missing.map((call) => call.capability).join(", ")} not registered (${has})`;
  }
  for (const call of [bench.read, bench.mutate]) {
    const [path, init] = lordRequest(bench.lord, call, caller, `bench probe ${crypto.randomUUID()}`);
    const res = await fetch(`${baseUrl}${path}`, init);
    const text = await res.text();
    if (res.ok) continue;
    const route = `${call.method} …/lords/${bench.lord}${call.path}`;
    if (res.status === 404 || res.status === 405) {
      const code = (jsonOf(text) as { code?: string } | undefined)?.code;
      if (code === "ROUTE_NOT_FOUND" || code === "METHOD_NOT_ALLOWED") return `route ${route} not mounted yet`;
    }
    return `${route} answered ${res.status}: ${text.slice(0, 300)}`;
  }
  return null;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventFrame } from "../../shared/events/protocol.ts";
import { type AgentsClient, ALICE, agentsClient, eventually, example, finished, OLIVER } from "./agents-support.ts";
import { EventSocket, tokenFor } from "./council-support.ts";
import { type Harness, startHarness } from "./harness.ts";

// The Council working together, end to end on a real port: a campaign is created → the Architect
// routes it → research agents run through the queue → the Seer forecasts from their results →
// content is produced, the Aesthete rejects it and approves the revision → a resource dispute goes
// to the Arbiter, whose ruling rewrites the Strategos allocations → the Herald notifies the
// subscriber (in-app at once, email through QStash) → every step arrives on one workspace socket,
// in order.

let harness: Harness;
let client: AgentsClient;
let socket: EventSocket;
let api: string;

// Aesthete fixtures: copy far below the 75 quality bar, and a revision well above it.
const POOR_COPY =
  "Raptorflow is a comprehensive, enterprise-grade, omnichannel orchestration methodology delivering guaranteed " +
  "transformational synergies across heterogeneous organisational infrastructures, notwithstanding considerable " +
  "implementation complexity, interdepartmental dependencies, procurement considerations and regulatory " +
  "documentation requirements!!!";
const GOOD_COPY = [
  "RaptorFlow helps your team plan every campaign in one place.",
  "Ship each campaign faster with clear goals and simple steps.",
  "Your team sees the plan, the work and the results on one page.",
  "Less time in meetings means more time for the work that counts.",
  "Start your free trial today and see how much faster your next campaign can go.",
].join(" ");

beforeAll(async () => {
  harness = await startHarness({ name: `e2e_council_scenario_${process.pid}` });
  client = await agentsClient(harness);
  api = `/api/workspaces/${client.workspace}`;
  // The workspace's granted budget (no API grants guild resources: it is the plan's configuration).
  await client.sql`
    insert into public.guild_resources (workspace_id, guild_id, resource_type, quantity, unit)
    select ${client.workspace}, id, 'budget', case slug when 'muse' then 1500 else 500 end, 'USD'
    from public.guilds where slug in ('muse', 'matrix')`;
  socket = await EventSocket.open(harness, client.workspace, await tokenFor(harness, ALICE));
});

afterAll(async () => {
  socket?.close();
  await client?.close();
  await harness?.dispose();
});

/** A successful Lord answer's data; fails with the body when the call did not succeed. */
async function lord<T>(path: string, body?: unknown, status = body === undefined ? 200 : 201): Promise<T> {
  const res = await client.api<{ data: T }>(OLIVER, `${api}${path}`, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body.data;
}

/** The first frame of a type whose data matches, waiting for it. */
const frame = (event: string, match: (data: Record<string, unknown>) => boolean = () => true) =>
  socket.next((candidate) => candidate.event === event && match(candidate.data), 30_000);

describe("the council together", () => {
  it("runs a campaign from creation to the Herald's notification, every step on the workspace socket in order", {
    timeout: 180_000,
  }, async () => {
    const steps: [string, EventFrame][] = [];

    // 0. Alice wants to hear about rulings and reallocations, in-app and by email.
    await lord("/lords/herald/subscribers/register", {
      user_id: ALICE.id,
      topics: ["conflict.resolved", "resource.allocated"],
      channels: ["in_app", "email"],
    });

    // 1. A campaign is created.
    const campaign = await client.api<{ data: { id: string } }>(OLIVER, `${api}/campaigns`, {
      name: "Spring launch",
      objective_type: "awareness",
      budget: 2000,
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const campaignId = campaign.body.data.id;
    steps.push(["campaign created", await frame("campaign.created", (d) => d.campaign_id === campaignId)]);

    // 2. The Architect routes it: market research goes to three research agents, queued on QStash.
    const routed = await lord<{ decision_id: string; executions: { execution_id: string; agent_code: string }[] }>(
      "/lords/architect/requests/route",
      {
        request_type: "market_research",
        input: example("RES-001"),
        campaign_id: campaignId,
        summary: "Size the market",
      },
    );
    expect(routed.executions.map((e) => e.agent_code)).toEqual(["RES-001", "RES-004", "RES-018"]);
    steps.push(["architect routed", await frame("request.routed", (d) => d.decision_id === routed.decision_id)]);

    // 3. The research agents run through the queue.
    const executionIds = routed.executions.map((e) => e.execution_id);
    const rows = await finished(client.sql, executionIds, 60_000);
    expect(rows.map((row) => row.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const completions = await Promise.all(
      executionIds.map((id) => frame("agent.completed", (d) => d.execution_id === id)),
    );
    const lastCompletion = completions.reduce((latest, next) => (next.event_id > latest.event_id ? next : latest));
    steps.push(["research agents completed", lastCompletion]);

    // 4. The Seer forecasts from the results: RES-001's market size compounded at its growth rate.
    const sizing = rows.find(
      (row) => routed.executions.find((e) => e.execution_id === row.id)?.agent_code === "RES-001",
    )?.output as { marketSizeUsd: number; growthRatePct: number };
    expect(sizing.marketSizeUsd).toBeGreaterThan(0);
    const series = Array.from(
      { length: 6 },
      (_, year) => sizing.marketSizeUsd * (1 + sizing.growthRatePct / 100) ** year,
    );
    const forecast = await lord<{ id: string; method: string }>("/lords/seer/predict-trend", {
      subject: "Spring launch market",
      metric: "market_size_usd",
      method: "linear",
      series: series.map((value) => Math.round(value * 100) / 100),
      horizon: 3,
      campaign_id: campaignId,
    });
    steps.push(["seer forecast", await frame("trend.predicted", (d) => Object.values(d).includes(forecast.id))]);

    // 5. Content is produced; the Aesthete rejects it, then approves the revision.
    const assessed = await lord<{ content_item: { id: string } }>("/lords/aesthete/assess-quality", {
      content: POOR_COPY,
      content_type: "copy",
      title: "Spring launch copy",
      campaign_id: campaignId,
    });
    const itemId = assessed.content_item.id;
    steps.push(["content produced", await frame("content.created", (d) => d.content_item_id === itemId)]);
    const rejected = await lord<{ decision: string }>("/lords/aesthete/approve", { content_item_id: itemId });
    expect(rejected.decision).toBe("rejected");
    steps.push(["aesthete rejected", await frame("content.rejected", (d) => d.content_item_id === itemId)]);
    const approved = await lord<{ decision: string; score: number }>("/lords/aesthete/approve", {
      content_item_id: itemId,
      content: GOOD_COPY,
    });
    expect(approved.decision, JSON.stringify(approved)).toBe("approved");
    steps.push([
      "aesthete approved the revision",
      await frame("content.approved", (d) => d.content_item_id === itemId),
    ]);

    // 6. Strategos plans the launch and gives Muse 600 of the budget.
    const plan = await lord<{ plan: { id: string } }>("/lords/strategos/plans/create", {
      name: "Spring launch plan",
      objectives: ["Launch"],
      campaign_id: campaignId,
      tasks: [{ key: "copy", name: "Write the launch copy", estimated_hours: 6 }],
    });
    const held = await lord<{ allocation: { id: string } }>("/lords/strategos/resources/allocate", {
      resource_type: "budget",
      quantity: 600,
      unit: "USD",
      plan_id: plan.plan.id,
      guild: "muse",
    });

    // 7. Muse and Matrix dispute the budget; the Arbiter's ruling rewrites the allocations.
    const registered = await lord<{ case: { id: string } }>("/lords/arbiter/conflict/register", {
      title: "Muse and Matrix both want the launch budget",
      conflict_type: "resource_allocation",
      parties: ["Muse guild", "Matrix guild"],
      campaign_id: campaignId,
      plan_id: plan.plan.id,
      resource: {
        resource_type: "budget",
        unit: "USD",
        claims: [
          { party: "Muse guild", demand: 1200, priority: "critical", guild: "muse" },
          { party: "Matrix guild", demand: 400, priority: "low", guild: "matrix" },
        ],
      },
    });
    const caseId = registered.case.id;
    steps.push(["dispute registered", await frame("conflict.registered", (d) => d.case_id === caseId)]);
    await lord("/lords/arbiter/analysis/analyze", { case_id: caseId }, 200);
    const proposal = await lord<{ proposal: { id: string; party_outcomes: { party: string; allocated: number }[] } }>(
      "/lords/arbiter/resolution/propose",
      { case_id: caseId },
    );
    const ruling = await lord<{ decision: { id: string } }>("/lords/arbiter/decision/make", {
      proposal_id: proposal.proposal.id,
    });
    steps.push(["strategos reallocated", await frame("resource.allocated", (d) => d.case_id === caseId)]);
    const resolved = await frame("conflict.resolved", (d) => d.case_id === caseId);
    steps.push(["arbiter ruled", resolved]);

    const allocations = await client.sql<{ id: string; guild: string; quantity: string; status: string }[]>`
      select a.id, g.slug as guild, a.quantity::text as quantity, a.status
      from public.resource_allocations a join public.guilds g on g.id = a.guild_id
      where a.workspace_id = ${client.workspace} and a.resource_type = 'budget' order by a.created_at`;
    expect(allocations.find((row) => row.id === held.allocation.id)?.status).toBe("released");
    for (const outcome of proposal.proposal.party_outcomes) {
      const guild = outcome.party.startsWith("Muse") ? "muse" : "matrix";
      const active = allocations.filter((row) => row.guild === guild && row.status !== "released");
      expect(active.map((row) => Number(row.quantity))).toEqual([outcome.allocated]);
    }

    // 8. The Herald notifies the subscriber: in-app at once, email delivered through QStash.
    const notices = await eventually(async () => {
      const found = socket
        .events()
        .filter((f) => f.event === "notification.sent" && f.data.caused_by === resolved.event_id);
      return found.length === 2 ? found : undefined;
    }, 30_000);
    expect(notices.map((f) => [f.data.recipient_id, f.data.channel])).toEqual([
      [ALICE.id, "email"],
      [ALICE.id, "in_app"],
    ]);
    steps.push(["herald notified", notices[0] as EventFrame]);
    const emailId = notices.find((f) => f.data.channel === "email")?.data.notification_id;
    steps.push(["email delivered", await frame("notification.delivered", (d) => d.notification_id === emailId)]);

    // Every step reached the socket in the order it happened, each after the one before it.
    const arrival = steps.map(([, f]) => socket.frames.indexOf(f));
    const ids = steps.map(([, f]) => f.event_id);
    expect(arrival, steps.map(([label]) => label).join(" → ")).toEqual([...arrival].sort((a, b) => a - b));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    // The Council's decisions record the routing, both content decisions and the ruling.
    const decisions = await client.api<{ data: { items: { source: string; id: string; status: string }[] } }>(
      ALICE,
      `${api}/council/decisions`,
    );
    expect(decisions.status).toBe(200);
    const items = decisions.body.data.items;
    expect(items.find((item) => item.id === routed.decision_id)).toMatchObject({ source: "decisions" });
    expect(
      items
        .filter((item) => item.source === "approval_workflows")
        .map((item) => item.status)
        .sort(),
    ).toEqual(["approved", "rejected"]);
    expect(items.find((item) => item.id === ruling.decision.id)).toMatchObject({ source: "arbitration_decisions" });
  });
});

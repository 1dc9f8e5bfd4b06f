import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LearningDetail, LearningSummary, LearningView } from "../../../../functions/lords/cognition/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { connect, isFrame, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { cognitionPath, cognitionWorkspace, eventsWith, expectData, memoriesOf, recordLearning } from "./helpers.ts";

// The learning journal through the real router: record (with the knowledge base), read recent
// and one, the summary report, and the Cognition channel's socket.
const sql = testSql();
let ws: string;
const path = (suffix: string) => cognitionPath(ws, suffix);
const open: TestSocket[] = [];

beforeAll(async () => {
  ws = await cognitionWorkspace(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

const webinar = {
  learning_type: "success",
  source: "campaign:spring-launch",
  insight: "Customer-led webinars convert twice as well as product demos.",
  context: { sample: 3, channel: "events" },
  confidence: 0.72,
  tags: ["Webinar", "conversion", "webinar"],
  agent_code: "res-001",
};

describe("POST /learning/record", () => {
  it("happy: stores the learning with learning.recorded and writes it to the knowledge base", async () => {
    const { learning, knowledge } = await recordLearning(ws, webinar);
    expect(learning).toMatchObject({
      workspace_id: ws,
      learning_type: "success",
      source: "campaign:spring-launch",
      confidence: 0.72,
      // Tags are lower-cased and kept once each; the agent code is normalised.
      tags: ["webinar", "conversion"],
      agent_code: "RES-001",
      context: { sample: 3, channel: "events" },
      created_by: USERS.oliver.id,
    });
    expect(knowledge).toMatchObject({ stored: true, memory_ids: expect.any(Array) });
    const memories = await memoriesOf(sql, ws, "learning", learning.id);
    expect(memories.length).toBeGreaterThan(0);
    expect(memories[0]).toMatchObject({ namespace: "campaign_briefs", memory_type: "insight" });
    expect(memories.map((m) => m.content).join("\n")).toContain("Customer-led webinars convert twice as well");
    const [row] = await sql<{ knowledge_memory_ids: string[]; confidence: string }[]>`
      select knowledge_memory_ids, confidence::text from public.learnings where id = ${learning.id}`;
    expect(row?.confidence).toBe("0.720");
    expect(new Set(row?.knowledge_memory_ids)).toEqual(new Set(memories.map((m) => m.id)));
    expect(learning.knowledge_memory_ids).toEqual(row?.knowledge_memory_ids);

    const events = await eventsWith(sql, ws, "learning_id", learning.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "learning.recorded",
        channel: "guild_intellect",
        lord: "cognition",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ learning_type: "success", confidence: 0.72, agent_code: "RES-001" }),
      }),
    ]);
  });

  it("happy: a failure is filed under risk management", async () => {
    const { learning } = await recordLearning(ws, {
      learning_type: "failure",
      source: "campaign:spring-launch",
      insight: "Feature-led ads underperformed against proof-led ads.",
      confidence: 0.6,
      tags: ["ads"],
    });
    const [memory] = await sql<{ category: string }[]>`
      select metadata ->> 'category' as category from public.agent_memories
      where workspace_id = ${ws} and source = ${`cognition:learning:${learning.id}`} limit 1`;
    expect(memory?.category).toBe("risk_management");
  });

  it("error: bad input is a 400 naming each field; nothing is stored", async () => {
    const before = await countLearnings();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...webinar, learning_type: "hunch" }, "learning_type"],
      [{ ...webinar, confidence: 1.2 }, "confidence"],
      [{ ...webinar, confidence: undefined }, "confidence"],
      [{ ...webinar, insight: "   " }, "insight"],
      [{ ...webinar, agent_code: "XYZ-999" }, "agent_code"],
      [{ ...webinar, tags: "webinar" }, "tags"],
      [{ ...webinar, context: [1, 2] }, "context"],
      [{ ...webinar, mood: "good" }, "mood"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/learning/record"), { body });
      expect(res.status, field).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
    expect(await countLearnings()).toBe(before);
  });

  it("security: a viewer or analyst acting through the Lord gets 403; a non-member 404", async () => {
    expect((await call(USERS.victor, path("/learning/record"), { body: webinar })).status).toBe(403);
    expect((await call(USERS.ana, path("/learning/record"), { body: webinar })).status).toBe(403);
    expect((await call(USERS.gina, path("/learning/record"), { body: webinar })).status).toBe(404);
  });
});

describe("GET /learning/recent and /learning/:id", () => {
  it("happy: newest first with filters and a cursor; one learning with its syntheses", async () => {
    const first = await recordLearning(ws, { ...webinar, source: "list:test", insight: "First listed learning." });
    const second = await recordLearning(ws, { ...webinar, source: "list:test", insight: "Second listed learning." });
    const page1 = await expectData<Page<LearningView>>(
      USERS.victor,
      path("/learning/recent?source=list:test&limit=1"),
      {},
      200,
    );
    expect(page1.items.map((l) => l.id)).toEqual([second.learning.id]);
    const page2 = await expectData<Page<LearningView>>(
      USERS.victor,
      path(`/learning/recent?source=list:test&limit=1&cursor=${page1.next_cursor}`),
      {},
      200,
    );
    expect(page2.items.map((l) => l.id)).toEqual([first.learning.id]);
    expect(page2.next_cursor).toBeNull();
    const failures = await expectData<Page<LearningView>>(
      USERS.victor,
      path("/learning/recent?learning_type=failure"),
      {},
      200,
    );
    expect(failures.items.length).toBeGreaterThan(0);
    expect(failures.items.every((l) => l.learning_type === "failure")).toBe(true);
    const tagged = await expectData<Page<LearningView>>(USERS.victor, path("/learning/recent?tag=ads"), {}, 200);
    expect(tagged.items.every((l) => l.tags.includes("ads"))).toBe(true);

    const one = await expectData<LearningDetail>(USERS.victor, path(`/learning/${first.learning.id}`), {}, 200);
    expect(one).toMatchObject({ id: first.learning.id, insight: "First listed learning.", syntheses: [] });
  });

  it("error: bad filters and ids are 400s naming them; an unknown id is 404", async () => {
    for (const [suffix, field] of [
      ["/learning/recent?learning_type=hunch", "learning_type"],
      ["/learning/recent?limit=-1", "limit"],
      ["/learning/recent?cursor=abc", "cursor"],
      ["/learning/not-a-uuid", "id"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.victor, path(suffix));
      expect(res.status, suffix).toBe(400);
      expect(res.body.details[0]?.field).toBe(field);
    }
    const missing = await call<ErrorBody>(USERS.victor, path(`/learning/${crypto.randomUUID()}`));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("LEARNING_NOT_FOUND");
  });

  it("security: another workspace reads none of these learnings", async () => {
    const { learning } = await recordLearning(ws, { ...webinar, insight: "Private to this workspace." });
    const other = `/api/workspaces/${WORKSPACES.globexLaunch}/lords/cognition`;
    expect((await call(USERS.gina, `${other}/learning/${learning.id}`)).status).toBe(404);
    const list = await expectData<Page<LearningView>>(USERS.gina, `${other}/learning/recent?limit=100`, {}, 200);
    expect(list.items.map((l) => l.id)).not.toContain(learning.id);
    expect((await call(USERS.gina, path("/learning/recent"))).status).toBe(404);
  });
});

describe("GET /learning/summary", () => {
  it("happy: counts, shares and top tags of the journal, hand-checked on a workspace of its own", async () => {
    const own = await cognitionWorkspace(sql);
    try {
      const at = (suffix: string) => cognitionPath(own, suffix);
      await recordLearning(own, { ...webinar, confidence: 0.8, tags: ["webinar", "conversion"] });
      await recordLearning(own, { ...webinar, confidence: 0.6, tags: ["webinar"] });
      await recordLearning(own, { ...webinar, learning_type: "failure", confidence: 0.4, tags: ["ads"] });
      await recordLearning(own, {
        ...webinar,
        learning_type: "pattern",
        source: "review:q1",
        confidence: 0.2,
        tags: [],
      });
      const summary = await expectData<LearningSummary>(USERS.victor, at("/learning/summary?top=2"), {}, 200);
      expect(summary.learnings).toMatchObject({
        total: 4,
        by_type: { success: 2, failure: 1, pattern: 1 },
        // Successes ÷ outcomes = 2 / 3; mean confidence (0.8 + 0.6 + 0.4 + 0.2) / 4 = 0.5.
        top_tags: [
          { name: "webinar", count: 2 },
          { name: "ads", count: 1 },
        ],
        top_sources: [
          { name: "campaign:spring-launch", count: 3 },
          { name: "review:q1", count: 1 },
        ],
      });
      expect(summary.learnings.success_share).toBeCloseTo(2 / 3, 12);
      expect(summary.learnings.mean_confidence).toBeCloseTo(0.5, 12);
      expect(summary.syntheses).toMatchObject({ total: 0, mean_confidence: null, strongest: [] });
      expect(summary.mentoring).toMatchObject({ sessions: 0, effectiveness: null });

      const later = await expectData<LearningSummary>(
        USERS.victor,
        at("/learning/summary?since=2999-01-01T00:00:00Z"),
        {},
        200,
      );
      expect(later.learnings).toMatchObject({ total: 0, success_share: null, mean_confidence: null });
    } finally {
      await sql`delete from public.workspaces where id = ${own}`;
    }
  });

  it("error: a bad window or count is a 400 naming it", async () => {
    for (const [suffix, field] of [
      ["/learning/summary?since=yesterday", "since"],
      ["/learning/summary?top=0", "top"],
      ["/learning/summary?detail=full", "detail"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.victor, path(suffix));
      expect(res.status, suffix).toBe(400);
      expect(res.body.details[0]?.field).toBe(field);
    }
  });
});

describe("WebSocket /ws/lords/cognition", () => {
  it("a subscribed client of the workspace receives learning.recorded; another workspace's client does not", async () => {
    const mine = await connect(ws, "/ws/lords/cognition", { token: await tokenFor(USERS.victor) });
    const theirs = await connect(WORKSPACES.globexLaunch, "/ws/lords/cognition", { token: await tokenFor(USERS.gina) });
    open.push(mine, theirs);
    const { learning } = await recordLearning(ws, { ...webinar, insight: "Broadcast this learning." });
    const frame = await mine.next(
      (f): f is Extract<typeof f, { type: "event" }> => isFrame("event")(f) && f.data.learning_id === learning.id,
    );
    expect(frame).toMatchObject({ lord: "cognition", event: "learning.recorded" });
    expect(theirs.frames.filter((f) => f.type === "event" && f.data.learning_id === learning.id)).toEqual([]);
  });
});

async function countLearnings(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from public.learnings where workspace_id = ${ws}`;
  return row?.n ?? 0;
}

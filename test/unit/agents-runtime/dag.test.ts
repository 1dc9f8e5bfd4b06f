import { describe, expect, it } from "vitest";
import {
  downstreamOf,
  GraphError,
  type GraphNode,
  type NodeStatus,
  planGraph,
  readyDependents,
  unblockedByRetry,
} from "../../../shared/agents/runtime/dag.ts";

const node = (key: string, dependsOn: string[] = [], agentCode = "RES-001"): GraphNode => ({
  key,
  agentCode,
  dependsOn,
});

// market → personas → messaging → copy; market → competitors → messaging; copy → review
const CAMPAIGN = [
  node("market"),
  node("competitors", ["market"]),
  node("personas", ["market"]),
  node("messaging", ["personas", "competitors"]),
  node("copy", ["messaging"]),
  node("review", ["copy"]),
];

function graphError(nodes: GraphNode[]): GraphError {
  try {
    planGraph(nodes);
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected a GraphError");
}

describe("planGraph", () => {
  it("happy: orders a DAG topologically, in levels that can run in parallel, keeping input order on ties", () => {
    const plan = planGraph(CAMPAIGN);
    expect(plan.levels).toEqual([["market"], ["competitors", "personas"], ["messaging"], ["copy"], ["review"]]);
    expect(plan.order).toEqual(["market", "competitors", "personas", "messaging", "copy", "review"]);
    expect(plan.dependents.market).toEqual(["competitors", "personas"]);
  });

  it("happy: independent nodes form one level", () => {
    expect(planGraph([node("a"), node("b"), node("c")]).levels).toEqual([["a", "b", "c"]]);
  });

  it("happy: a repeated dependency counts once", () => {
    expect(planGraph([node("a"), node("b", ["a", "a"])]).order).toEqual(["a", "b"]);
  });

  it("error: rejects a cycle and names it in execution order", () => {
    const error = graphError([node("a"), node("b", ["a", "d"]), node("c", ["b"]), node("d", ["c"])]);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.field).toBe("nodes");
    expect(error.issues[0]?.cycle).toEqual(["b", "c", "d", "b"]);
    expect(error.message).toContain("b → c → d → b");
  });

  it("error: rejects a two-node cycle", () => {
    expect(graphError([node("a", ["b"]), node("b", ["a"])]).issues[0]?.message).toMatch(/cycle: (a → b → a|b → a → b)/);
  });

  it("error: rejects self-dependencies, unknown steps and duplicate keys with field paths", () => {
    const error = graphError([node("a", ["a"]), node("b", ["zzz"]), node("a")]);
    expect(error.issues.map((issue) => issue.field)).toEqual([
      "nodes.2.key",
      "nodes.0.depends_on.0",
      "nodes.1.depends_on.0",
    ]);
  });
});

describe("graph progress", () => {
  const plan = planGraph(CAMPAIGN);
  const status = (entries: Record<string, NodeStatus>) => new Map(Object.entries(entries));

  it("downstreamOf lists every transitive dependent in order", () => {
    expect(downstreamOf(plan, "personas")).toEqual(["messaging", "copy", "review"]);
    expect(downstreamOf(plan, "review")).toEqual([]);
  });

  it("readyDependents waits for every dependency to succeed", () => {
    const half = status({ market: "succeeded", competitors: "running", personas: "succeeded", messaging: "queued" });
    expect(readyDependents(CAMPAIGN, plan, "personas", half)).toEqual([]);
    const both = status({ market: "succeeded", competitors: "succeeded", personas: "succeeded", messaging: "queued" });
    expect(readyDependents(CAMPAIGN, plan, "competitors", both)).toEqual(["messaging"]);
  });

  it("readyDependents never re-releases a step that already left the queue", () => {
    const ran = status({ market: "succeeded", competitors: "succeeded", personas: "succeeded", messaging: "running" });
    expect(readyDependents(CAMPAIGN, plan, "competitors", ran)).toEqual([]);
  });

  it("unblockedByRetry requeues only steps with no other broken ancestor", () => {
    const broken = status({
      market: "succeeded",
      competitors: "dead_lettered",
      personas: "failed",
      messaging: "failed",
      copy: "failed",
      review: "failed",
    });
    const blocked = new Set(["messaging", "copy", "review"]);
    // personas failed on its own, so retrying competitors alone cannot unblock messaging.
    expect(unblockedByRetry(CAMPAIGN, plan, "competitors", broken, blocked)).toEqual([]);
    const onlyCompetitors = new Map(broken).set("personas", "succeeded");
    expect(unblockedByRetry(CAMPAIGN, plan, "competitors", onlyCompetitors, blocked)).toEqual([
      "messaging",
      "copy",
      "review",
    ]);
  });
});

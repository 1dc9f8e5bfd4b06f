import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canTransition,
  INITIATIVE_STATUSES,
  INITIATIVE_TRANSITIONS,
} from "../../../../shared/domain/architect/index.ts";
import { DomainInputError, InvalidTransitionError } from "../../../../shared/domain/errors.ts";

describe("initiative lifecycle", () => {
  it("has nine states with a transition row each; completed and cancelled are terminal", () => {
    expect(INITIATIVE_STATUSES).toHaveLength(9);
    expect(Object.keys(INITIATIVE_TRANSITIONS).sort()).toEqual([...INITIATIVE_STATUSES].sort());
    expect(INITIATIVE_TRANSITIONS.completed).toEqual([]);
    expect(INITIATIVE_TRANSITIONS.cancelled).toEqual([]);
  });

  it("allows the happy path and the pause/resume loop", () => {
    const path = [
      "proposed",
      "under_review",
      "approved",
      "planning",
      "in_progress",
      "on_hold",
      "in_progress",
      "completed",
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it("refuses skipping review and leaving a terminal state", () => {
    expect(canTransition("proposed", "approved")).toBe(false);
    expect(() => assertTransition("completed", "in_progress")).toThrow(
      'status: cannot move from "completed" to "in_progress"; allowed next states: none (terminal state)',
    );
    try {
      assertTransition("approved", "completed");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidTransitionError);
      expect(e).toBeInstanceOf(DomainInputError);
      expect((e as InvalidTransitionError).reason).toContain("allowed next states: planning, cancelled");
    }
    expect(() => assertTransition("proposed", "launched" as never)).toThrow("to: must be one of");
  });
});

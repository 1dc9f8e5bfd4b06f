import { describe, expect, it } from "vitest";
import { columnValues } from "../../../../shared/db/rows.generated.ts";
import {
  assertCampaignTransition,
  CAMPAIGN_LIFECYCLE_STATUSES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TRANSITIONS,
  type CampaignStatus,
  canTransitionCampaign,
  isCampaignStatus,
  isCampaignWritable,
  nextCampaignStatuses,
} from "../../../../shared/domain/campaigns/index.ts";
import { DomainInputError, InvalidTransitionError } from "../../../../shared/domain/errors.ts";

describe("campaign status machine", () => {
  it("covers exactly the statuses the campaigns table allows, each with a row", () => {
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...columnValues.campaigns.status].sort());
    expect(Object.keys(CAMPAIGN_TRANSITIONS).sort()).toEqual([...CAMPAIGN_STATUSES].sort());
    expect(CAMPAIGN_LIFECYCLE_STATUSES).not.toContain("archived");
  });

  it("allows the lifecycle planning → approved → active ⇄ paused → completed", () => {
    const path: CampaignStatus[] = ["planning", "approved", "active", "paused", "active", "paused", "completed"];
    for (let i = 1; i < path.length; i++) expect(canTransitionCampaign(path[i - 1]!, path[i]!)).toBe(true);
    expect(canTransitionCampaign("active", "completed")).toBe(true);
  });

  it("refuses skipping approval, going backwards and staying put", () => {
    expect(canTransitionCampaign("planning", "active")).toBe(false);
    expect(canTransitionCampaign("approved", "planning")).toBe(false);
    expect(canTransitionCampaign("completed", "active")).toBe(false);
    expect(canTransitionCampaign("paused", "paused")).toBe(false);
    for (const status of CAMPAIGN_STATUSES) expect(nextCampaignStatuses(status)).not.toContain(status);
  });

  it("archives from every state but active, and archived is terminal", () => {
    const archivable = CAMPAIGN_STATUSES.filter((status) => canTransitionCampaign(status, "archived"));
    expect(archivable.sort()).toEqual(["approved", "completed", "paused", "planning"]);
    expect(nextCampaignStatuses("archived")).toEqual([]);
    expect(isCampaignWritable("archived")).toBe(false);
    expect(CAMPAIGN_LIFECYCLE_STATUSES.every(isCampaignWritable)).toBe(true);
  });

  it("names the allowed next states when refusing", () => {
    expect(() => assertCampaignTransition("planning", "completed")).toThrow(
      'to: cannot move from "planning" to "completed"; allowed next states: approved, archived',
    );
    expect(() => assertCampaignTransition("archived", "active")).toThrow("allowed next states: none (terminal state)");
    try {
      assertCampaignTransition("active", "approved");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidTransitionError);
      expect((err as InvalidTransitionError).issues).toEqual([
        { field: "to", message: 'cannot move from "active" to "approved"; allowed next states: paused, completed' },
      ]);
    }
    expect(() => assertCampaignTransition("approved", "active")).not.toThrow();
  });

  it("rejects values that are not statuses at all", () => {
    expect(isCampaignStatus("deleted")).toBe(false);
    expect(isCampaignStatus(3)).toBe(false);
    expect(() => assertCampaignTransition("planning", "deleted" as CampaignStatus)).toThrow(DomainInputError);
    expect(() => assertCampaignTransition("deleted" as CampaignStatus, "planning")).toThrow(/^from: must be one of/);
  });
});

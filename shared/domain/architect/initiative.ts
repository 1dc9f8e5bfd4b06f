import { DomainInputError } from "../errors.ts";
import { DAY_MS, isoDate } from "../time.ts";
import { requireInRange, requireInteger, requireNonNegative, requirePositive, requireUniqueIds } from "../validate.ts";
import { addWorkingDays, nextWorkingDay, parseCalendarDate } from "./calendar.ts";
import type { InitiativeStatus } from "./lifecycle.ts";

/** An objective with its effort estimate and the skills it needs. */
export interface InitiativeObjective {
  id: string;
  title: string;
  effortPersonDays: number;
  skills?: string[];
}

/** What bounds the initiative. */
export interface InitiativeConstraints {
  /** YYYY-MM-DD; a weekend start moves to the Monday. */
  startDate: string;
  teamSize: number;
  dailyRate?: number;
  budget?: number;
  /** YYYY-MM-DD, the last acceptable end date. */
  deadline?: string;
  /** Planning effort as a share of delivery effort (default 0.15). */
  planningShare?: number;
  /** Review and handover effort as a share of delivery effort (default 0.10). */
  reviewShare?: number;
}

/** A scheduled phase. */
export interface InitiativePhase {
  name: string;
  objectiveIds: string[];
  effortPersonDays: number;
  workingDays: number;
  startDate: string;
  endDate: string;
}

/** A designed initiative: phases, timeline, resources and feasibility against the constraints. */
export interface InitiativeDesign {
  status: InitiativeStatus;
  phases: InitiativePhase[];
  timeline: { startDate: string; endDate: string; workingDays: number; calendarDays: number };
  resources: {
    teamSize: number;
    totalPersonDays: number;
    overheadPersonDays: number;
    /** Delivery effort per skill; an objective's effort is split evenly over its skills. */
    bySkill: Record<string, number>;
    estimatedCost: number | null;
  };
  issues: string[];
  feasible: boolean;
}

/**
 * Planning ~15% and review ~10% of delivery effort: the common rule-of-thumb overheads for a project phase plan;
 * both are configurable because they vary with how novel the work is.
 */
export const DEFAULT_PLANNING_SHARE = 0.15;
/** Review and handover effort as a share of delivery effort (see DEFAULT_PLANNING_SHARE). */
export const DEFAULT_REVIEW_SHARE = 0.1;

/**
 * Phases run in sequence — planning, one delivery phase per objective in the given order, review — each taking
 * ⌈effort / team size⌉ working days (Monday–Friday) with the whole team on it. Cost is total person-days × daily
 * rate. Exceeding the budget or the deadline is reported as an issue, not thrown: the caller decides.
 */
export function designInitiative(
  objectives: readonly InitiativeObjective[],
  constraints: InitiativeConstraints,
): InitiativeDesign {
  if (objectives.length === 0) throw new DomainInputError("objectives", "needs at least one objective");
  requireUniqueIds(
    "objectives",
    objectives.map((o) => o.id),
  );
  objectives.forEach((o, i) => {
    requirePositive(`objectives[${i}].effortPersonDays`, o.effortPersonDays);
  });
  const team = requireInteger("constraints.teamSize", constraints.teamSize, 1, 10_000);
  const planningShare = requireInRange(
    "constraints.planningShare",
    constraints.planningShare ?? DEFAULT_PLANNING_SHARE,
    0,
    1,
  );
  const reviewShare = requireInRange("constraints.reviewShare", constraints.reviewShare ?? DEFAULT_REVIEW_SHARE, 0, 1);
  const delivery = objectives.reduce((a, o) => a + o.effortPersonDays, 0);
  const plan = [
    { name: "Discovery and planning", objectiveIds: objectives.map((o) => o.id), effort: delivery * planningShare },
    ...objectives.map((o) => ({ name: `Delivery: ${o.title}`, objectiveIds: [o.id], effort: o.effortPersonDays })),
    { name: "Review and handover", objectiveIds: objectives.map((o) => o.id), effort: delivery * reviewShare },
  ].filter((p) => p.effort > 0);
  let cursor = nextWorkingDay(parseCalendarDate("constraints.startDate", constraints.startDate));
  const start = cursor;
  const phases = plan.map((p, i) => {
    const workingDays = Math.ceil(p.effort / team - 1e-9);
    const phaseStart = i === 0 ? cursor : addWorkingDays(cursor, 1);
    const phaseEnd = addWorkingDays(phaseStart, workingDays - 1);
    cursor = phaseEnd;
    return {
      name: p.name,
      objectiveIds: p.objectiveIds,
      effortPersonDays: p.effort,
      workingDays,
      startDate: isoDate(phaseStart),
      endDate: isoDate(phaseEnd),
    };
  });
  const total = plan.reduce((a, p) => a + p.effort, 0);
  const bySkill: Record<string, number> = {};
  for (const o of objectives) {
    const skills = o.skills && o.skills.length > 0 ? o.skills : ["unspecified"];
    for (const s of skills) bySkill[s] = (bySkill[s] ?? 0) + o.effortPersonDays / skills.length;
  }
  const rate =
    constraints.dailyRate === undefined ? null : requireNonNegative("constraints.dailyRate", constraints.dailyRate);
  const cost = rate === null ? null : total * rate;
  const issues: string[] = [];
  if (
    constraints.budget !== undefined &&
    cost !== null &&
    cost > requireNonNegative("constraints.budget", constraints.budget)
  ) {
    issues.push(
      `estimated cost ${money(cost)} exceeds the budget ${money(constraints.budget)} by ${money(cost - constraints.budget)}`,
    );
  }
  if (constraints.deadline !== undefined) {
    const deadline = parseCalendarDate("constraints.deadline", constraints.deadline);
    if (cursor > deadline) {
      const late = Math.round((cursor - deadline) / DAY_MS);
      issues.push(
        `ends ${isoDate(cursor)}, ${late} day${late === 1 ? "" : "s"} after the deadline ${constraints.deadline}`,
      );
    }
  }
  return {
    status: "proposed",
    phases,
    timeline: {
      startDate: isoDate(start),
      endDate: isoDate(cursor),
      workingDays: phases.reduce((a, p) => a + p.workingDays, 0),
      calendarDays: Math.round((cursor - start) / DAY_MS) + 1,
    },
    resources: {
      teamSize: team,
      totalPersonDays: total,
      overheadPersonDays: total - delivery,
      bySkill,
      estimatedCost: cost,
    },
    issues,
    feasible: issues.length === 0,
  };
}

// Money in messages to the cent, so 11.25 person-days × 500 reads 5625, not 5624.999999999999.
const money = (x: number) => String(Math.round(x * 100) / 100);

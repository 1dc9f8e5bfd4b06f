import { type CpmResult, longestPathWithout } from "./critical-path.ts";

/** A timeline suggestion computed from slack: compress a critical task, or lean on a task's slack. */
export interface TimelineSuggestion {
  taskId: string;
  kind: "compress_critical" | "use_slack";
  /** Hours: how much compressing saves at most, or how far the task may slip. */
  hours: number;
  message: string;
}

/**
 * Suggestions from a CPM result, most valuable first.
 * - Critical tasks: shortening task X shortens the project hour for hour only until another path takes over, so the
 *   saving is capped at min(duration of X, project duration − longest path avoiding X).
 * - Tasks with slack: they can start as late as their latest start without delaying the project, so their people
 *   or budget can help critical work first.
 */
export function timelineSuggestions(cpm: CpmResult): TimelineSuggestion[] {
  const compress: TimelineSuggestion[] = cpm.tasks
    .filter((t) => t.critical && t.duration > 0)
    .map((t) => {
      const hours = Math.min(t.duration, cpm.duration - longestPathWithout(cpm, t.id));
      return {
        taskId: t.id,
        kind: "compress_critical" as const,
        hours,
        message:
          `Shorten critical task ${t.id} (${t.duration}h): each hour saved shortens the project, ` +
          `up to ${hours}h before another path becomes critical.`,
      };
    })
    .filter((s) => s.hours > 0);
  const slack: TimelineSuggestion[] = cpm.tasks
    .filter((t) => !t.critical)
    .map((t) => ({
      taskId: t.id,
      kind: "use_slack" as const,
      hours: t.slack,
      message:
        `Task ${t.id} has ${t.slack}h of slack: it can start as late as ${t.latestStart}h without delaying the ` +
        "project; its resources can support critical tasks first.",
    }));
  const byHours = (a: TimelineSuggestion, b: TimelineSuggestion) => b.hours - a.hours;
  return [...compress.sort(byHours), ...slack.sort(byHours)];
}

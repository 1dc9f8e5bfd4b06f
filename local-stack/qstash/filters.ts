/**
 * The multi-value filters QStash accepts on logs, DLQ and bulk endpoints: a record matches when, for
 * every filter, its value equals any given value (`label=a&label=b` or `label=a,b`).
 */
export type Filters = Map<string, string[]>;

/** Fields a filter can look at. */
export interface Filterable {
  messageId: string;
  url: string;
  /** Compared with `fromDate` / `toDate` (unix ms, inclusive). */
  time: number;
  queueName?: string;
  scheduleId?: string;
  labels?: string[];
  flowControlKey?: string;
  callerIp?: string;
  responseStatus?: number;
  state?: string;
}

/** Query parameters that steer paging or select by id rather than filter. */
const notFilters = new Set(["count", "cursor", "async", "order", "dlqIds", "messageIds", "qstash_token", "api", "all"]);

/** All values of a repeatable query parameter, splitting comma-separated ones. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((value) => value.split(",").filter(Boolean));
}

/** `count`, defaulting and capped the way QStash does (100). */
export function countParam(query: URLSearchParams, fallback = 100, max = 100): number {
  const count = Number(query.get("count") ?? fallback);
  return Number.isInteger(count) && count > 0 ? Math.min(count, max) : fallback;
}

/** The filter parameters of a request. */
export function parseFilters(query: URLSearchParams): Filters {
  const filters: Filters = new Map();
  for (const name of new Set(query.keys())) {
    if (!notFilters.has(name)) filters.set(name === "callerIP" ? "callerIp" : name, listParam(query, name));
  }
  return filters;
}

function fieldValues(record: Filterable, name: string): string[] | undefined {
  switch (name) {
    case "messageId":
    case "url":
    case "queueName":
    case "scheduleId":
    case "flowControlKey":
    case "callerIp":
    case "state": {
      const value = record[name];
      return value === undefined ? [] : [value];
    }
    case "label":
      return record.labels ?? [];
    case "responseStatus":
      return record.responseStatus === undefined ? [] : [String(record.responseStatus)];
    case "host":
      return [new URL(record.url).host];
    case "path":
      return [new URL(record.url).pathname];
    case "topicName":
      return []; // URL groups are not supported, so nothing belongs to one
    default:
      return undefined; // unknown filters are ignored, as deprecated ones are by QStash
  }
}

/** Whether a record passes every filter. */
export function matchesFilters(record: Filterable, filters: Filters): boolean {
  for (const [name, wanted] of filters) {
    if (name === "fromDate" || name === "toDate") {
      const bound = Number(wanted[0]);
      if (name === "fromDate" ? record.time < bound : record.time > bound) return false;
      continue;
    }
    const values = fieldValues(record, name);
    if (values !== undefined && !values.some((value) => wanted.includes(value))) return false;
  }
  return true;
}

/**
 * Takes the first `count` matching items of an ordered scan; the cursor is the score of the last
 * one taken, returned only when another match follows (QStash omits it on the last page).
 */
export function takePage<T>(
  items: Iterable<{ item: T; score: number }>,
  keep: (item: T) => boolean,
  count: number,
): { page: T[]; cursor?: string } {
  const page: T[] = [];
  let lastScore = 0;
  for (const { item, score } of items) {
    if (!keep(item)) continue;
    if (page.length === count) return { page, cursor: String(lastScore) };
    page.push(item);
    lastScore = score;
  }
  return { page };
}

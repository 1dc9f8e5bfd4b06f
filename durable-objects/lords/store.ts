import type { RecordedEvent } from "../../shared/events/record.ts";
import { toMetrics } from "../../shared/lords/metrics.ts";
import type { DecisionRecord, LordState, PerformanceMetrics } from "../../shared/lords/types.ts";
import type { ActiveItem } from "./capability.ts";

/** How many decisions a Lord keeps (and `status` shows): enough for a dashboard's recent list. */
const RECENT_DECISIONS = 25;

const SCHEMA = `
  create table if not exists metrics (
    name text not null,
    kind text not null check (kind in ('capability', 'reaction')),
    executions integer not null default 0,
    successes integer not null default 0,
    failures integer not null default 0,
    total_latency_ms real not null default 0,
    last_executed_at text,
    primary key (kind, name)
  );
  create table if not exists active_items (
    kind text not null,
    item_id text not null,
    status text not null,
    updated_at text not null,
    primary key (kind, item_id)
  );
  create table if not exists counters (name text primary key, value real not null);
  create table if not exists meta (key text primary key, value integer not null);
  create table if not exists decisions (
    id integer primary key autoincrement,
    record text not null
  );
`;

/** A live-state write a handler staged; applied only if the handler succeeds. */
export type StateChange =
  | { op: "track"; kind: string; itemId: string; status: string }
  | { op: "release"; kind: string; itemId: string }
  | { op: "count"; name: string; delta: number };

/** The outcome of one capability execution or reaction, as the store records it. */
export interface Outcome {
  name: string;
  kind: "capability" | "reaction";
  ok: boolean;
  errorCode: string | null;
  latencyMs: number;
  /** Events committed to Postgres during the run (published whatever the outcome). */
  events: RecordedEvent[];
  actorId: string | null;
  requestId: string | null;
  /** Keep it among the recent decisions (mutating capabilities and reactions). */
  decision: boolean;
  changes: StateChange[];
}

interface MetricsRow extends Record<string, SqlStorageValue> {
  name: string;
  kind: string;
  executions: number;
  successes: number;
  failures: number;
  total_latency_ms: number;
}

/** A Lord's durable live state and metrics, in its Durable Object's SQLite database. */
export class LordStore {
  readonly #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
    storage.sql.exec(SCHEMA);
  }

  /** Records an outcome: metrics, the decision, and (on success) the staged state, atomically. */
  record(outcome: Outcome): void {
    const now = new Date().toISOString();
    const sql = this.#storage.sql;
    this.#storage.transactionSync(() => {
      sql.exec(
        `insert into metrics (name, kind, executions, successes, failures, total_latency_ms, last_executed_at)
         values (?, ?, 1, ?, ?, ?, ?)
         on conflict (kind, name) do update set
           executions = executions + 1,
           successes = successes + excluded.successes,
           failures = failures + excluded.failures,
           total_latency_ms = total_latency_ms + excluded.total_latency_ms,
           last_executed_at = excluded.last_executed_at`,
        outcome.name,
        outcome.kind,
        outcome.ok ? 1 : 0,
        outcome.ok ? 0 : 1,
        outcome.latencyMs,
        now,
      );
      if (outcome.ok) for (const change of outcome.changes) this.#apply(change, now);
      if (outcome.decision) {
        const record: DecisionRecord = {
          name: outcome.name,
          kind: outcome.kind,
          outcome: outcome.ok ? "succeeded" : "failed",
          error_code: outcome.errorCode,
          event_ids: outcome.events.map((event) => event.sequence),
          event_types: outcome.events.map((event) => event.type),
          actor_id: outcome.actorId,
          request_id: outcome.requestId,
          latency_ms: outcome.latencyMs,
          created_at: now,
        };
        sql.exec("insert into decisions (record) values (?)", JSON.stringify(record));
        sql.exec("delete from decisions where id <= (select max(id) from decisions) - ?", RECENT_DECISIONS);
      }
    });
  }

  #apply(change: StateChange, now: string): void {
    const sql = this.#storage.sql;
    if (change.op === "track") {
      sql.exec(
        `insert into active_items (kind, item_id, status, updated_at) values (?, ?, ?, ?)
         on conflict (kind, item_id) do update set status = excluded.status, updated_at = excluded.updated_at`,
        change.kind,
        change.itemId,
        change.status,
        now,
      );
    } else if (change.op === "release") {
      sql.exec("delete from active_items where kind = ? and item_id = ?", change.kind, change.itemId);
    } else {
      sql.exec(
        `insert into counters (name, value) values (?, ?)
         on conflict (name) do update set value = value + excluded.value`,
        change.name,
        change.delta,
      );
    }
  }

  /** Metrics per capability or reaction name. */
  metrics(kind: "capability" | "reaction"): Record<string, PerformanceMetrics> {
    const rows = this.#storage.sql.exec<MetricsRow>("select * from metrics where kind = ? order by name", kind);
    const out: Record<string, PerformanceMetrics> = {};
    for (const row of rows) {
      out[row.name] = toMetrics(row.executions, row.successes, row.failures, row.total_latency_ms);
    }
    return out;
  }

  /** Capability metrics summed over the Lord. */
  totals(): PerformanceMetrics {
    const row = this.#storage.sql
      .exec<{ executions: number; successes: number; failures: number; latency: number }>(
        `select coalesce(sum(executions), 0) as executions, coalesce(sum(successes), 0) as successes,
                coalesce(sum(failures), 0) as failures, coalesce(sum(total_latency_ms), 0) as latency
         from metrics where kind = 'capability'`,
      )
      .one();
    return toMetrics(row.executions, row.successes, row.failures, row.latency);
  }

  /** Active items per kind and status, counters, and recent decisions (newest first). */
  state(): LordState {
    const sql = this.#storage.sql;
    const active: LordState["active_items"] = {};
    for (const row of sql.exec<{ kind: string; status: string; n: number }>(
      "select kind, status, count(*) as n from active_items group by kind, status order by kind, status",
    )) {
      const entry = active[row.kind] ?? { total: 0, by_status: {} };
      active[row.kind] = entry;
      entry.total += row.n;
      entry.by_status[row.status] = row.n;
    }
    const counters: Record<string, number> = {};
    for (const row of sql.exec<{ name: string; value: number }>("select name, value from counters order by name")) {
      counters[row.name] = row.value;
    }
    const recent = sql
      .exec<{ record: string }>("select record from decisions order by id desc limit ?", RECENT_DECISIONS)
      .toArray()
      .map((row) => JSON.parse(row.record) as DecisionRecord);
    return { active_items: active, counters, recent_decisions: recent };
  }

  /** A strictly increasing number for versioning what this Lord tells the bus. */
  nextInterestVersion(): number {
    return this.#storage.sql
      .exec<{ value: number }>(
        `insert into meta (key, value) values ('interest_version', 1)
         on conflict (key) do update set value = value + 1 returning value`,
      )
      .one().value;
  }

  /** The stored active items of a kind. */
  activeItems(kind: string): ActiveItem[] {
    return this.#storage.sql
      .exec<{ item_id: string; status: string; updated_at: string }>(
        "select item_id, status, updated_at from active_items where kind = ? order by updated_at, item_id",
        kind,
      )
      .toArray()
      .map((row) => ({ itemId: row.item_id, status: row.status, updatedAt: row.updated_at }));
  }

  /** A counter's stored value. */
  counter(name: string): number {
    const rows = this.#storage.sql.exec<{ value: number }>("select value from counters where name = ?", name).toArray();
    return rows[0]?.value ?? 0;
  }
}

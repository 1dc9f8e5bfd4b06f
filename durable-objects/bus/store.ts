import type { LordName } from "../../shared/events/catalogue.ts";
import type { Subscription } from "../../shared/events/protocol.ts";

const SCHEMA = `
  create table if not exists lord_interests (lord text primary key, events text not null);
  create table if not exists lord_interest_versions (lord text primary key, version integer not null);
  create table if not exists fanout (
    id integer primary key check (id = 1),
    published_events integer not null default 0,
    publish_batches integer not null default 0,
    frames_sent integer not null default 0,
    serializations integer not null default 0,
    lord_deliveries integer not null default 0,
    total_fanout_ms real not null default 0
  );
  insert or ignore into fanout (id) values (1);
`;

/** Fan-out counters of one workspace bus. */
export interface FanoutTotals {
  published_events: number;
  publish_batches: number;
  frames_sent: number;
  serializations: number;
  lord_deliveries: number;
  total_fanout_ms: number;
}

/** One publish's fan-out, as recorded. */
export interface FanoutSample {
  events: number;
  frames: number;
  serializations: number;
  deliveries: number;
  ms: number;
}

/**
 * The bus's SQLite: which Lords have sockets and what they subscribed to (so events reach
 * them after hibernation or eviction), and fan-out measurements.
 */
export class BusStore {
  readonly #sql: SqlStorage;
  #interests: Map<LordName, Subscription[]> | undefined;

  constructor(storage: DurableObjectStorage) {
    this.#sql = storage.sql;
    this.#sql.exec(SCHEMA);
  }

  /** Lords with open sockets → the event types those sockets subscribed to. */
  interests(): ReadonlyMap<LordName, readonly Subscription[]> {
    if (!this.#interests) {
      this.#interests = new Map();
      for (const row of this.#sql.exec<{ lord: string; events: string }>("select lord, events from lord_interests")) {
        this.#interests.set(row.lord as LordName, JSON.parse(row.events) as Subscription[]);
      }
    }
    return this.#interests;
  }

  /**
   * Replaces a Lord's interest (null: it has no sockets). Updates can race over RPC, so each
   * carries the Lord's version and an older one than already applied is ignored.
   */
  setInterest(lord: LordName, events: Subscription[] | null, version: number): boolean {
    const current = this.#sql
      .exec<{ version: number }>("select version from lord_interest_versions where lord = ?", lord)
      .toArray()[0];
    if (current && current.version >= version) return false;
    this.#sql.exec(
      `insert into lord_interest_versions (lord, version) values (?, ?)
       on conflict (lord) do update set version = excluded.version`,
      lord,
      version,
    );
    if (events === null) this.#sql.exec("delete from lord_interests where lord = ?", lord);
    else {
      this.#sql.exec(
        `insert into lord_interests (lord, events) values (?, ?)
         on conflict (lord) do update set events = excluded.events`,
        lord,
        JSON.stringify(events),
      );
    }
    this.#interests = undefined;
    return true;
  }

  /** Adds one publish to the fan-out totals. */
  recordFanout(sample: FanoutSample): void {
    this.#sql.exec(
      `update fanout set published_events = published_events + ?, publish_batches = publish_batches + 1,
         frames_sent = frames_sent + ?, serializations = serializations + ?,
         lord_deliveries = lord_deliveries + ?, total_fanout_ms = total_fanout_ms + ?
       where id = 1`,
      sample.events,
      sample.frames,
      sample.serializations,
      sample.deliveries,
      sample.ms,
    );
  }

  /** Fan-out totals since the bus was created. */
  totals(): FanoutTotals {
    return this.#sql.exec<FanoutTotals & Record<string, SqlStorageValue>>("select * from fanout where id = 1").one();
  }
}

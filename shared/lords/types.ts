import type { Role } from "../auth/permissions.ts";
import type { JwtClaims } from "../db/database.ts";
import type { EventType, LordName } from "../events/catalogue.ts";
import type { Subscription } from "../events/protocol.ts";

/** Who asked a Lord to act: the verified caller and their role in the workspace. */
export interface Actor {
  userId: string;
  kind: "user" | "api_key";
  role: Role;
  /** The caller's JWT claims, replayed into Postgres by `withUser` so RLS applies. */
  claims: JwtClaims;
}

/** One call of `execute` over RPC. */
export interface ExecuteRequest {
  capability: string;
  input: unknown;
  actor: Actor;
  requestId: string;
}

/** Execution counters of one capability or reaction, or of a whole Lord. */
export interface PerformanceMetrics {
  executions: number;
  successes: number;
  failures: number;
  /** successes / executions, or null before the first execution. */
  success_rate: number | null;
  /** Mean handler latency in milliseconds, or null before the first execution. */
  average_latency_ms: number | null;
}

/** A capability as `status` describes it. */
export interface CapabilitySummary {
  name: string;
  description: string;
  mutates: boolean;
}

/** One entry of a Lord's recent decisions: a mutating execution or a reaction, and its outcome. */
export interface DecisionRecord {
  name: string;
  kind: "capability" | "reaction";
  outcome: "succeeded" | "failed";
  error_code: string | null;
  event_ids: number[];
  event_types: EventType[];
  actor_id: string | null;
  request_id: string | null;
  latency_ms: number;
  created_at: string;
}

/** A Lord's live state: what its capabilities track, and its recent decisions. */
export interface LordState {
  /** Active items per kind, and per status within each kind. */
  active_items: Record<string, { total: number; by_status: Record<string, number> }>;
  counters: Record<string, number>;
  recent_decisions: DecisionRecord[];
}

/** `GET /lords/:lord/status`. */
export interface LordStatus {
  lord: LordName;
  workspace_id: string;
  capabilities: CapabilitySummary[];
  reacts_to: EventType[];
  state: LordState;
  performance: PerformanceMetrics & { by_capability: Record<string, PerformanceMetrics> };
  reactions: Record<string, PerformanceMetrics>;
  connections: number;
}

/** Fan-out measurements of a workspace bus. */
export interface BusStats {
  workspace_id: string;
  connections: number;
  published_events: number;
  publish_batches: number;
  /** Event frames written to sockets (one serialisation per event, shared by every socket). */
  frames_sent: number;
  /** Event serialisations: at most one per event per publish, however many sockets get it. */
  serializations: number;
  /** RPC deliveries to Lords (one per Lord per batch, however many events it holds). */
  lord_deliveries: number;
  average_fanout_ms: number | null;
  /** Lords with sockets, and the event types those sockets subscribed to. */
  lord_interests: Partial<Record<LordName, Subscription[]>>;
}

/** `GET /lords/council/status`. */
export interface CouncilStatus {
  workspace_id: string;
  lords: LordStatus[];
  totals: PerformanceMetrics & { connections: number };
  bus: BusStats;
}

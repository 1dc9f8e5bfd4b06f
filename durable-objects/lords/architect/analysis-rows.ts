import type { Tx } from "../../../shared/db/database.ts";
import type { ArchitectureAnalysesAnalysisKind, Json } from "../../../shared/db/rows.generated.ts";
import type { ArchitectureComponentType } from "../../../shared/domain/architect/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";

/** An architecture analysis or optimisation plan as the API returns it (numbers, not numeric strings). */
export interface AnalysisView {
  id: string;
  workspace_id: string;
  component_type: ArchitectureComponentType;
  component_name: string;
  analysis_kind: ArchitectureAnalysesAnalysisKind;
  latency_p95_ms: number | null;
  throughput_rps: number | null;
  error_rate: number | null;
  health_score: number | null;
  metrics: Json;
  findings: Json;
  optimization_strategies: Json;
  expected_improvement_percent: number | null;
  initiative_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The values of a new analysis row. */
export interface NewAnalysis {
  component_type: ArchitectureComponentType;
  component_name: string;
  analysis_kind: ArchitectureAnalysesAnalysisKind;
  latency_p95_ms: number | null;
  throughput_rps: number | null;
  error_rate: number | null;
  health_score: number | null;
  metrics: unknown;
  findings: unknown;
  optimization_strategies: unknown;
  expected_improvement_percent: number | null;
  initiative_id: string | null;
}

const columns = (tx: Tx) => tx`
  id, workspace_id, component_type, component_name, analysis_kind, latency_p95_ms::float8 as latency_p95_ms,
  throughput_rps::float8 as throughput_rps, error_rate::float8 as error_rate, health_score::float8 as health_score,
  metrics, findings, optimization_strategies, expected_improvement_percent::float8 as expected_improvement_percent,
  initiative_id, created_by, created_at, updated_at`;

/** Inserts an analysis as the actor and returns it as stored. */
export async function insertAnalysis(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  row: NewAnalysis,
): Promise<AnalysisView> {
  const json = (value: unknown) => tx.json(value as Parameters<Tx["json"]>[0]);
  const [stored] = await tx<AnalysisView[]>`
    insert into public.architecture_analyses
      (workspace_id, component_type, component_name, analysis_kind, latency_p95_ms, throughput_rps, error_rate,
       health_score, metrics, findings, optimization_strategies, expected_improvement_percent, initiative_id, created_by)
    values (${workspaceId}, ${row.component_type}, ${row.component_name}, ${row.analysis_kind}, ${row.latency_p95_ms},
            ${row.throughput_rps}, ${row.error_rate}, ${row.health_score}, ${json(row.metrics)}, ${json(row.findings)},
            ${json(row.optimization_strategies)}, ${row.expected_improvement_percent}, ${row.initiative_id}, ${actorId})
    returning ${columns(tx)}`;
  if (!stored) throw new Error("architecture analysis insert returned no row");
  return stored;
}

/** One analysis of the workspace; 404 when there is none with this id. */
export async function loadAnalysis(tx: Tx, workspaceId: string, id: string): Promise<AnalysisView> {
  const [row] = await tx<AnalysisView[]>`
    select ${columns(tx)} from public.architecture_analyses where workspace_id = ${workspaceId} and id = ${id}`;
  if (!row) throw ApiError.notFound(`Architecture analysis ${id} not found in this workspace`, "ANALYSIS_NOT_FOUND");
  return row;
}

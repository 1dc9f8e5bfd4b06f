import { Hono } from "hono";
import {
  AnalyzeConflictInput,
  FairnessReportInput,
  HandleAppealInput,
  ListAppealsInput,
  ListCasesInput,
  ListDecisionsInput,
  ListProposalsInput,
  MakeDecisionInput,
  ProposeResolutionInput,
  RegisterConflictInput,
} from "../../../durable-objects/lords/arbiter/schemas.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { idParam } from "../../campaigns/fields.ts";
import { lordAction, lordQuery } from "../routes.ts";

const CaseParam = idParam("case_id");
const DecisionParam = idParam("decision_id");

/**
 * Arbiter's routes under `/api/workspaces/:workspaceId/lords/arbiter` (status is served for every
 * Lord): conflicts, analyses, proposals, decisions, appeals and fairness reports.
 */
export const arbiterRoutes = new Hono<AppEnv>()
  .post("/conflict/register", ...lordAction("arbiter", "register_conflict", RegisterConflictInput, { status: 201 }))
  .get("/cases", ...lordQuery("arbiter", "list_cases", ListCasesInput))
  .get("/cases/:case_id", ...lordQuery("arbiter", "get_case", undefined, { params: CaseParam }))
  .post("/analysis/analyze", ...lordAction("arbiter", "analyze_conflict", AnalyzeConflictInput))
  .post("/resolution/propose", ...lordAction("arbiter", "propose_resolution", ProposeResolutionInput, { status: 201 }))
  .get("/proposals", ...lordQuery("arbiter", "list_proposals", ListProposalsInput))
  .post("/decision/make", ...lordAction("arbiter", "make_arbitration_decision", MakeDecisionInput, { status: 201 }))
  .get("/decisions", ...lordQuery("arbiter", "list_decisions", ListDecisionsInput))
  .get("/decisions/:decision_id", ...lordQuery("arbiter", "get_decision", undefined, { params: DecisionParam }))
  .post("/appeals/handle", ...lordAction("arbiter", "handle_appeal", HandleAppealInput, { status: 201 }))
  .get("/appeals", ...lordQuery("arbiter", "list_appeals", ListAppealsInput))
  .post("/fairness/report", ...lordAction("arbiter", "fairness_report", FairnessReportInput, { status: 201 }));

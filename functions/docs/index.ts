import { Hono } from "hono";
import { type GenerateSpecOptions, generateSpecs } from "hono-openapi";
import type { AppEnv } from "../../shared/app-env.ts";
import { renderDocsPage } from "./render.ts";

type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>;

const DOCUMENTATION: GenerateSpecOptions["documentation"] = {
  info: {
    title: "RaptorFlow Codex API",
    version: "1.0.0",
    description:
      "Council of Lords and guild agents. Authenticate with a Supabase access token (`Authorization: Bearer …`) or a service API key (`x-api-key`). Workspace-scoped routes live under `/api/workspaces/{workspaceId}`.",
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      apiKey: { type: "apiKey", in: "header", name: "x-api-key" },
    },
  },
  security: [{ bearerAuth: [] }, { apiKey: [] }],
};

/**
 * `/openapi.json` generated from the routes' own valibot schemas (no hand-written spec that can
 * drift) and `/docs`, a self-contained page rendered from it. Generated once per isolate.
 */
export function docsApp(root: Hono<AppEnv>) {
  let spec: Promise<OpenApiDocument> | undefined;
  const document = () => {
    spec ??= generateSpecs(root, { documentation: DOCUMENTATION, exclude: ["/openapi.json", "/docs"] });
    return spec;
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => c.json(await document()))
    .get("/docs", async (c) => c.html(renderDocsPage((await document()) as Parameters<typeof renderDocsPage>[0])));
}

export type { OpenApiDocument };

import { html, raw } from "hono/html";

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation> | undefined>;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fb}
main{max-width:1100px;margin:0 auto;padding:24px}h1{margin:0 0 4px}section{background:#fff;border:1px solid #e2e6ee;border-radius:8px;margin:12px 0;padding:12px 16px}
.m{display:inline-block;min-width:64px;font-weight:700;text-transform:uppercase;font-size:12px;padding:2px 8px;border-radius:4px;color:#fff;margin-right:8px}
.get{background:#2f7d32}.post{background:#1565c0}.put,.patch{background:#b26a00}.delete{background:#c62828}
code{font-family:ui-monospace,monospace}pre{background:#0f172a;color:#e2e8f0;padding:10px;border-radius:6px;overflow:auto;font-size:12px}
summary{cursor:pointer}table{border-collapse:collapse}td{padding:2px 10px 2px 0;vertical-align:top}`;

/** Renders the OpenAPI document as one HTML page with no external assets. */
export function renderDocsPage(document: Document) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, op: item?.[method] as Operation })),
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${document.info.title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${raw(STYLE)}</style></head>
<body><main><h1>${document.info.title}</h1><p>${document.info.version} · <a href="/openapi.json">openapi.json</a></p>
<p>${document.info.description ?? ""}</p>
${operations.map(
  ({
    path,
    method,
    op,
  }) => html`<section><details><summary><span class="m ${method}">${method}</span><code>${path}</code> ${op.summary ?? ""}</summary>
${op.description ? html`<p>${op.description}</p>` : ""}
${op.parameters?.length ? html`<h4>Parameters</h4><table>${op.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "required" : "optional"}</td><td><code>${JSON.stringify(p.schema ?? {})}</code></td></tr>`)}</table>` : ""}
${op.requestBody?.content ? html`<h4>Request body</h4><pre>${JSON.stringify(Object.values(op.requestBody.content)[0]?.schema ?? {}, null, 2)}</pre>` : ""}
<h4>Responses</h4><table>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<tr><td>${status}</td><td>${r.description ?? ""}</td></tr>`)}</table>
</details></section>`,
)}
</main></body></html>`;
}

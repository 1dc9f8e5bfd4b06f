import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { localDatabase } from "../defaults.ts";
import { dropDatabaseNamed, ensureDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";

/**
 * `node local-stack/postgres/generate-row-types.ts` migrates a scratch database, reads the
 * catalog and writes shared/db/rows.generated.ts: one Row and Insert type per public table,
 * with check-constrained text columns as literal unions. test/contract/migrations.test.ts
 * fails when the committed file differs from what the migrations produce.
 */

/** The generated file, relative to the repository root. */
export const ROW_TYPES_PATH = "shared/db/rows.generated.ts";
const REPO_ROOT = new URL("../../", import.meta.url);
const BIOME = fileURLToPath(new URL("node_modules/.bin/biome", REPO_ROOT));

interface CatalogColumn {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
  insertable: boolean;
}

interface CatalogTable {
  name: string;
  comment: string;
  columns: CatalogColumn[];
}

// What postgres.js returns for each type with `fetch_types: false` (shared/db/database.ts):
// int8 and numeric stay strings so no precision is lost; timestamps and dates become Dates.
const TS_TYPES: Record<string, string> = {
  uuid: "string",
  text: "string",
  varchar: "string",
  bpchar: "string",
  inet: "string",
  int2: "number",
  int4: "number",
  float4: "number",
  float8: "number",
  int8: "string",
  numeric: "string",
  bool: "boolean",
  json: "Json",
  jsonb: "Json",
  timestamptz: "Date",
  timestamp: "Date",
  date: "Date",
  bytea: "Uint8Array",
};

/** Reads public tables, their columns and the allowed values of `col in (…)` checks. */
export async function readCatalog(sql: postgres.Sql): Promise<{
  tables: CatalogTable[];
  values: Map<string, string[]>;
}> {
  const columns = await sql<CatalogColumn[]>`
    select c.table_name as "table", c.column_name as "column", c.udt_name as udt,
           c.is_nullable = 'YES' as nullable,
           c.column_default is not null or c.is_identity = 'YES' as "hasDefault",
           c.is_identity = 'NO' or c.identity_generation = 'BY DEFAULT' as insertable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`;
  const comments = await sql<{ name: string; comment: string | null }[]>`
    select c.relname as name, obj_description(c.oid, 'pg_class') as comment
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`;
  const checks = await sql<{ table: string; column: string; definition: string }[]>`
    select r.relname as "table", a.attname as "column", pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    join pg_class r on r.oid = k.conrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'c' and r.relnamespace = 'public'::regnamespace and cardinality(k.conkey) = 1
    order by r.relname, k.conname`;

  const values = new Map<string, string[]>();
  for (const check of checks) {
    const allowed = parseInList(check.definition, check.column);
    if (allowed) values.set(`${check.table}.${check.column}`, allowed);
  }
  const commentOf = new Map(comments.map((row) => [row.name, row.comment ?? ""]));
  const tables = new Map<string, CatalogTable>();
  for (const column of columns) {
    let table = tables.get(column.table);
    if (!table) {
      table = { name: column.table, comment: commentOf.get(column.table) ?? "", columns: [] };
      tables.set(column.table, table);
    }
    table.columns.push(column);
  }
  return { tables: [...tables.values()], values };
}

/** The literals of `CHECK ((col = ANY (ARRAY['a'::text, …])))`, as Postgres prints `col in (…)`. */
export function parseInList(definition: string, column: string): string[] | undefined {
  const match = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(definition);
  if (!match || match[1] !== column || !match[2]) return undefined;
  const literals = [...match[2].matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((m) =>
    (m[1] ?? "").replace(/''/g, "'"),
  );
  return literals.length > 0 ? literals : undefined;
}

const pascal = (name: string) =>
  name
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

const docText = (text: string) => text.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();

/** Renders the TypeScript module (unformatted; `formatTypeScript` applies the project's style). */
export function renderRowTypes(catalog: { tables: CatalogTable[]; values: Map<string, string[]> }): string {
  const out: string[] = [
    "// Generated by local-stack/postgres/generate-row-types.ts from the migrated catalog. Do not edit:",
    "// change a migration and run `node local-stack/postgres/generate-row-types.ts`.",
    "",
    "/** A value of a json or jsonb column, as postgres.js parses it. */",
    "export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };",
    "",
    "/** Allowed values of every `col in (…)` check-constrained column, by table and column. */",
    "export const columnValues = {",
  ];
  for (const table of catalog.tables) {
    const constrained = table.columns.filter((c) => catalog.values.has(`${table.name}.${c.column}`));
    if (constrained.length === 0) continue;
    out.push(`${table.name}: {`);
    for (const column of constrained) {
      const allowed = catalog.values.get(`${table.name}.${column.column}`) ?? [];
      out.push(`${column.column}: [${allowed.map((value) => JSON.stringify(value)).join(", ")}],`);
    }
    out.push("},");
  }
  out.push("} as const;", "");

  const tsType = (table: CatalogTable, column: CatalogColumn) => {
    if (catalog.values.has(`${table.name}.${column.column}`)) return pascal(`${table.name}_${column.column}`);
    const mapped = TS_TYPES[column.udt];
    if (!mapped) throw new Error(`No TypeScript type for ${table.name}.${column.column} (${column.udt})`);
    return mapped;
  };

  for (const table of catalog.tables) {
    const name = pascal(table.name);
    for (const column of table.columns) {
      if (!catalog.values.has(`${table.name}.${column.column}`)) continue;
      out.push(
        `/** A value allowed in public.${table.name}.${column.column}. */`,
        `export type ${pascal(`${table.name}_${column.column}`)} = (typeof columnValues.${table.name}.${column.column})[number];`,
      );
    }
    out.push(`/** A row of public.${table.name}: ${docText(table.comment)} */`, `export interface ${name}Row {`);
    for (const column of table.columns) {
      out.push(`${column.column}: ${tsType(table, column)}${column.nullable ? " | null" : ""};`);
    }
    out.push(
      "}",
      "",
      `/** Columns of an insert into public.${table.name}; defaulted and nullable ones are optional. */`,
    );
    out.push(`export interface ${name}Insert {`);
    for (const column of table.columns) {
      if (!column.insertable) continue;
      const optional = column.nullable || column.hasDefault ? "?" : "";
      out.push(`${column.column}${optional}: ${tsType(table, column)}${column.nullable ? " | null" : ""};`);
    }
    out.push("}", "");
  }

  out.push("/** Row, Insert and Update shapes of every public table. */", "export interface Tables {");
  for (const table of catalog.tables) {
    const name = pascal(table.name);
    out.push(`${table.name}: { Row: ${name}Row; Insert: ${name}Insert; Update: Partial<${name}Insert> };`);
  }
  out.push("}", "", "/** The name of a public table. */", "export type TableName = keyof Tables;", "");
  return out.join("\n");
}

/** Formats TypeScript with the repository's Biome settings, so the file passes `npm run lint`. */
export function formatTypeScript(source: string, path = ROW_TYPES_PATH): string {
  const result = spawnSync(BIOME, ["format", `--stdin-file-path=${path}`], {
    input: source,
    cwd: fileURLToPath(REPO_ROOT),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Generates the formatted module from an already-migrated database. */
export async function generateRowTypes(connectionString: string): Promise<string> {
  const sql = postgres(connectionString, { max: 1, onnotice: () => {} });
  try {
    return formatTypeScript(renderRowTypes(await readCatalog(sql)));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Migrates a scratch database on the server, generates the module from it and drops it. */
export async function generateFromMigrations(serverUrl: string = localDatabase.server): Promise<string> {
  const name = `raptorflow_rowtypes_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(serverUrl, name, { fresh: true });
  try {
    await migrate(url);
    return await generateRowTypes(url);
  } finally {
    await dropDatabaseNamed(serverUrl, name);
  }
}

async function main() {
  const { values } = parseArgs({ options: { database: { type: "string" }, server: { type: "string" } } });
  const source = values.database
    ? await generateRowTypes(values.database)
    : await generateFromMigrations(values.server ?? localDatabase.server);
  await writeFile(new URL(ROW_TYPES_PATH, REPO_ROOT), source);
  console.log(`wrote ${ROW_TYPES_PATH}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}

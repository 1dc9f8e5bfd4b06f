import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormattedMessage } from "../../../../durable-objects/lords/herald/format-message.ts";
import type { MessageTemplatesRow } from "../../../../shared/db/rows.generated.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { dropWorkspaces, eventsOf, herald, heraldWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
beforeAll(async () => {
  [ws, theirs] = await Promise.all([heraldWorkspace(sql), heraldWorkspace(sql)]);
});
afterAll(async () => {
  await dropWorkspaces(sql, [ws, theirs]);
});

type Template = { data: MessageTemplatesRow };
const weekly = {
  name: "weekly-digest",
  channel: "email",
  subject: "Week of {{week}}",
  body: '<h1>{{team}}</h1><a href="{{link}}">Open report</a>',
  variables: [
    { name: "week", type: "date" },
    { name: "team", type: "string" },
    { name: "link", type: "url" },
  ],
};

describe("template CRUD", () => {
  it("happy: create, get, list, update, delete, with rows and template.* events", async () => {
    const created = await call<Template>(USERS.oliver, herald(ws, "/templates/create"), { body: weekly });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body.data).toMatchObject({
      workspace_id: ws,
      channel: "email",
      subject_template: "Week of {{week}}",
      variables: weekly.variables,
      is_active: true,
      created_by: USERS.oliver.id,
    });

    const got = await call<Template>(USERS.victor, herald(ws, `/templates/${id}`));
    expect(got.status).toBe(200);
    expect(got.body.data.body_template).toBe(weekly.body);

    const listed = await call<{ data: { items: { id: string }[] } }>(
      USERS.victor,
      herald(ws, "/templates?channel=email"),
    );
    expect(listed.body.data.items.map((item) => item.id)).toContain(id);

    const updated = await call<Template>(USERS.oliver, herald(ws, `/templates/${id}`), {
      method: "PATCH",
      body: {
        body: "<h1>{{team}}</h1>",
        variables: [
          { name: "team", type: "string" },
          { name: "week", type: "date" },
        ],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      body_template: "<h1>{{team}}</h1>",
      subject_template: "Week of {{week}}",
    });

    const deleted = await call(USERS.oliver, herald(ws, `/templates/${id}`), { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from public.message_templates where id = ${id}`;
    expect(row?.n).toBe(0);
    const gone = await call<ErrorBody>(USERS.oliver, herald(ws, `/templates/${id}`));
    expect(gone.status).toBe(404);

    const events = (await eventsOf(sql, ws, ["template.created", "template.updated", "template.deleted"])).filter(
      (event) => event.payload.template_id === id,
    );
    expect(events.map((event) => event.event_type)).toEqual([
      "template.created",
      "template.updated",
      "template.deleted",
    ]);
    expect(events[1]?.payload.changed).toEqual(["body", "variables"]);
  });

  it("error: undeclared placeholders, duplicate names, a change that breaks the template, bad ids", async () => {
    const undeclared = await call<ErrorBody>(USERS.oliver, herald(ws, "/templates/create"), {
      body: { name: "broken", channel: "sms", body: "Hi {{who}}" },
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.details).toEqual([{ field: "template.body", message: "uses undeclared variables: who" }]);

    const badType = await call<ErrorBody>(USERS.oliver, herald(ws, "/templates/create"), {
      body: { name: "typed", channel: "sms", body: "{{n}}", variables: [{ name: "n", type: "money" }] },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.details[0]?.field).toBe("variables.0.type");

    const first = await call<Template>(USERS.oliver, herald(ws, "/templates/create"), {
      body: { name: "dup", channel: "slack", body: "one" },
    });
    expect(first.status).toBe(201);
    const dup = await call<ErrorBody>(USERS.oliver, herald(ws, "/templates/create"), {
      body: { name: "dup", channel: "slack", body: "two" },
    });
    expect(dup.status).toBe(409);

    const orphaning = await call<ErrorBody>(USERS.oliver, herald(ws, `/templates/${first.body.data.id}`), {
      method: "PATCH",
      body: { body: "now {{missing}}" },
    });
    expect(orphaning.status).toBe(400);
    expect(orphaning.body.details[0]?.field).toBe("template.body");

    const empty = await call<ErrorBody>(USERS.oliver, herald(ws, `/templates/${first.body.data.id}`), {
      method: "PATCH",
      body: {},
    });
    expect(empty.status).toBe(400);

    const channelChange = await call<ErrorBody>(USERS.oliver, herald(ws, `/templates/${first.body.data.id}`), {
      method: "PATCH",
      body: { channel: "email" },
    });
    expect(channelChange.status).toBe(400);
    expect(channelChange.body.details[0]?.field).toBe("channel");

    const badId = await call<ErrorBody>(USERS.oliver, herald(ws, "/templates/not-a-uuid"));
    expect(badId.status).toBe(400);
    expect(badId.body.details[0]?.field).toBe("id");
  });

  it("security: a viewer cannot create, change or delete (403); another workspace's template is 404", async () => {
    const mine = await call<Template>(USERS.oliver, herald(ws, "/templates/create"), {
      body: { name: "guarded", channel: "in_app", body: "x" },
    });
    const id = mine.body.data.id;
    expect(
      (await call(USERS.victor, herald(ws, "/templates/create"), { body: { name: "v", channel: "in_app", body: "x" } }))
        .status,
    ).toBe(403);
    expect(
      (await call(USERS.victor, herald(ws, `/templates/${id}`), { method: "PATCH", body: { body: "y" } })).status,
    ).toBe(403);
    expect((await call(USERS.victor, herald(ws, `/templates/${id}`), { method: "DELETE" })).status).toBe(403);
    expect((await call(USERS.oliver, herald(theirs, `/templates/${id}`))).status).toBe(404);
    expect((await call(USERS.oliver, herald(theirs, `/templates/${id}`), { method: "DELETE" })).status).toBe(404);
    expect((await call(USERS.gina, herald(ws, `/templates/${id}`))).status).toBe(404);
  });
});

describe("POST /lords/herald/messages/format", () => {
  it("happy: renders a stored template (the channel's sibling) and an inline one, escaped per channel", async () => {
    const email = await call<Template>(USERS.oliver, herald(ws, "/templates/create"), { body: weekly });
    const res = await call<{ data: FormattedMessage }>(USERS.oliver, herald(ws, "/messages/format"), {
      body: {
        template_id: email.body.data.id,
        channel: "email",
        variables: { week: "2027-03-01T10:00:00Z", team: "R&D <core>", link: "https://x.io/r?a=1&b=2" },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      channel: "email",
      subject: "Week of 2027-03-01",
      body: '<h1>R&amp;D &lt;core&gt;</h1><a href="https://x.io/r?a=1&amp;b=2">Open report</a>',
      template_id: email.body.data.id,
    });

    const sms = await call<{ data: FormattedMessage }>(USERS.oliver, herald(ws, "/messages/format"), {
      body: {
        template: {
          body: "{{team}}: {{n}} leads",
          variables: [
            { name: "team", type: "string" },
            { name: "n", type: "number" },
          ],
        },
        channel: "sms",
        variables: { team: "R&D", n: 42 },
      },
    });
    expect(sms.body.data).toEqual({
      channel: "sms",
      body: "R&D: 42 leads",
      sms: { encoding: "GSM-7", units: 13, segments: 1 },
      template_id: null,
    });
    // Formatting stores and emits nothing.
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.events where workspace_id = ${ws} and event_type like 'notification.%'`;
    expect(row?.n).toBe(0);
  });

  it("error: 400 for missing or mistyped variables, both sources, unsafe URLs", async () => {
    const inline = { body: "{{link}}", variables: [{ name: "link", type: "url" }] };
    const unsafe = await call<ErrorBody>(USERS.oliver, herald(ws, "/messages/format"), {
      body: { template: inline, channel: "email", variables: { link: "javascript:alert(1)" } },
    });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.details).toEqual([
      { field: "variables.link", message: 'expected url, got string "javascript:alert(1)"' },
    ]);

    const missing = await call<ErrorBody>(USERS.oliver, herald(ws, "/messages/format"), {
      body: { template: inline, channel: "slack" },
    });
    expect(missing.body.details).toEqual([{ field: "variables.link", message: "is required but missing" }]);

    const both = await call<ErrorBody>(USERS.oliver, herald(ws, "/messages/format"), {
      body: { template: inline, template_id: crypto.randomUUID(), channel: "slack" },
    });
    expect(both.status).toBe(400);
    expect(both.body.details[0]?.field).toBe("template");

    const viewer = await call(USERS.victor, herald(ws, "/messages/format"), {
      body: { template: inline, channel: "slack", variables: { link: "https://x.io" } },
    });
    expect(viewer.status).toBe(403);
  });
});

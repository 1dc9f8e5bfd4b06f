import { createApp } from "./app.ts";

export { WorkspaceBus } from "../durable-objects/bus/workspace-bus.ts";
export { LordObject } from "../durable-objects/lords/lord-object.ts";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;

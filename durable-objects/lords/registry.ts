import { type EventType, LORDS, type LordName } from "../../shared/events/catalogue.ts";
import * as aesthete from "./aesthete/index.ts";
import * as arbiter from "./arbiter/index.ts";
import * as architect from "./architect/index.ts";
import type { Capability, LordModule, Reaction } from "./capability.ts";
import * as cognition from "./cognition/index.ts";
import * as herald from "./herald/index.ts";
import * as seer from "./seer/index.ts";
import * as strategos from "./strategos/index.ts";

/**
 * Each Lord's capabilities and reactions, from its folder's `index.ts`. A Lord is listed here
 * once its folder exists (`import * as architect from "./architect/index.ts"` and `architect,`);
 * until then it has no capabilities and `execute` says so.
 */
const MODULES: Partial<Record<LordName, LordModule>> = {
  architect,
  cognition,
  aesthete,
  seer,
  strategos,
  arbiter,
  herald,
};

const NONE: readonly never[] = [];

/** The capabilities a Lord currently has, in declaration order. */
export function capabilitiesOf(lord: LordName): readonly Capability[] {
  return MODULES[lord]?.capabilities ?? NONE;
}

/** A Lord's capability by name, if it has one. */
export function findCapability(lord: LordName, name: string): Capability | undefined {
  return capabilitiesOf(lord).find((capability) => capability.name === name);
}

/** The reactions a Lord declares. */
export function reactionsOf(lord: LordName): readonly Reaction[] {
  return MODULES[lord]?.reactions ?? NONE;
}

/** A Lord's reactions to one event type. */
export function reactionsTo(lord: LordName, type: EventType): Reaction[] {
  return reactionsOf(lord).filter((reaction) => reaction.on.includes(type));
}

/** Event type → the Lords that react to it: the bus's static routing table. */
export function reactorsByEventType(): ReadonlyMap<EventType, readonly LordName[]> {
  reactors ??= buildReactors();
  return reactors;
}

let reactors: Map<EventType, LordName[]> | undefined;

function buildReactors(): Map<EventType, LordName[]> {
  const table = new Map<EventType, LordName[]>();
  for (const lord of LORDS) {
    for (const reaction of reactionsOf(lord)) {
      for (const type of reaction.on) {
        const lords = table.get(type) ?? [];
        if (!lords.includes(lord)) lords.push(lord);
        table.set(type, lords);
      }
    }
  }
  return table;
}

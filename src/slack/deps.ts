import type { Logger } from "pino";
import type { Knowledge } from "../engine/index.js";
import type { InFlight } from "./services/in-flight.js";
import type { Once } from "./services/once.js";
import type { RecommendationThreads } from "./services/recommendation-threads.js";
import type { SlackApi } from "./services/slack-api.js";

/** What every listener shares: built once per app by the factory, never global. */
export interface Deps {
  knowledge: Knowledge;
  logger: Logger;
  threads: RecommendationThreads;
  /** Exactly-once guard for events, messages and submitted forms. */
  once: Once;
  /** Requests still being worked on after their ack: capped, watched by /healthz, awaited on shutdown. */
  inFlight: InFlight;
  /** The Web API clients and their deadlines; each request's calls are `context.api`. */
  api: SlackApi;
}

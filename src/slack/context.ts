import type { Logger } from "pino";

/** What our middleware adds to Bolt's context on every request: `new App<AppContext>`. */
export interface AppContext {
  /** A logger whose lines carry the request's team, user and channel ids. */
  log: Logger;
}

import type { Logger } from "pino";
import type { SlackCalls } from "./services/slack-api.js";

/** What our middleware adds to Bolt's context on every request: `new App<AppContext>`. */
export interface AppContext {
  /** A logger whose lines carry the request's team, user and channel ids. */
  log: Logger;
  /** When the request arrived (ms since epoch); the HTTP receiver sets it before the body is read. */
  receivedAt: number;
  /**
   * The earliest Slack may have sent it, from its signed timestamp (HTTP receiver): earlier than
   * `receivedAt` when the request waited to be read, and its trigger_id is that much older.
   */
  sentAt?: number;
  /** Web API calls for this request, each ending before its deadline (use these, not Bolt's `client`). */
  api: SlackCalls;
}

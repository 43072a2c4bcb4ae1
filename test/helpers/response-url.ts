/**
 * Records what the app posts to a response_url on hooks.slack.com. Slack answers an expired hook with a
 * non-200 and the body "expired_url"; `status` lets a test simulate that.
 */
import nock from "nock";
import type { Json } from "./json.js";

const HOOKS = "https://hooks.slack.com";

function parseBody(body: unknown): Json {
  return (typeof body === "string" ? JSON.parse(body) : body) as Json;
}

/** Intercepts up to 10 POSTs to `url` and returns their parsed JSON bodies, in order. */
export function mockResponseUrl(url: string, status = 200): Json[] {
  const calls: Json[] = [];
  nock(HOOKS)
    .post(new URL(url).pathname)
    .times(10)
    .reply(status, (_uri, body) => {
      calls.push(parseBody(body));
      return status === 200 ? "ok" : "expired_url";
    });
  return calls;
}

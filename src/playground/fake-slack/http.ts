import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http-util.js";
import { WORKSPACE } from "../workspace.js";
import { parseArgs } from "./params.js";
import type { SlackState } from "./state.js";
import { callMethod } from "./web-api.js";

/** Handles POST /api/<method> the way Slack's Web API does: always HTTP 200, `ok` says how it went. */
export async function handleWebApi(
  state: SlackState,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = await readBody(req);
  const args = parseArgs(req.headers["content-type"], raw);
  if (!args) {
    sendJson(res, 200, { ok: false, error: "invalid_form_data" });
    return;
  }
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
  if (!token) {
    sendJson(res, 200, { ok: false, error: "not_authed" });
    return;
  }
  if (token !== WORKSPACE.botToken) {
    sendJson(res, 200, { ok: false, error: "invalid_auth" });
    return;
  }
  sendJson(res, 200, callMethod(state, method, args));
}

import { createHmac } from "node:crypto";

export type SlackRequestKind = "command" | "interaction" | "event";

export interface AppResponse {
  status: number;
  /** The body the app answered with: a command's or a view_submission's ack travels here. */
  body: string;
}

export type Sender = (kind: SlackRequestKind, payload: Record<string, unknown>) => Promise<AppResponse>;

/**
 * Sends payloads to the app's request URL exactly as Slack does: commands as form fields,
 * interactivity as `payload=<JSON>`, events as JSON, each signed with the signing secret (v0).
 */
export function slackSender(requestUrl: string, signingSecret: string): Sender {
  return async (kind, payload) => {
    const body =
      kind === "command"
        ? new URLSearchParams(payload as Record<string, string>).toString()
        : kind === "interaction"
          ? `payload=${encodeURIComponent(JSON.stringify(payload))}`
          : JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
    const res = await fetch(requestUrl, {
      method: "POST",
      headers: {
        // Bolt compares the content type exactly: no charset.
        "content-type": kind === "event" ? "application/json" : "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": `v0=${signature}`,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.text() };
  };
}

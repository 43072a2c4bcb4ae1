import type { Logger } from "pino";
import type { ModalView } from "../blocks/kit.js";
import { isDeadlineError, slackErrorCode } from "../slack-errors.js";
import { tellPerson } from "./delivery.js";
import type { SlackCalls } from "./slack-api.js";

export interface OpenView {
  triggerId: string;
  view: ModalView;
  /** Who asked, and where they are, to tell them when the view can't open. */
  user: string;
  channel?: string;
  responseUrl?: string;
  /** How to try again, finishing "Please …", e.g. "click *Edit answers* again". */
  retry: string;
}

/** Why the form did not open, in words. */
function causeWords(err: unknown): string {
  const code = slackErrorCode(err);
  if (code === "expired_trigger_id" || (isDeadlineError(err) && err.reason === "trigger_expired")) {
    return "Slack took too long to open the form.";
  }
  if (isDeadlineError(err) && err.reason === "shutdown")
    return "I'm restarting, so I couldn't open the form.";
  return `I couldn't open the form (${code}).`;
}

/**
 * Opens a modal, or tells the person why not and how to try again. Call it right after ack(), before
 * any database work: a trigger_id lives 3 seconds, and `api.openView` does not send one that is too
 * old. Returns the opened view's id (for views.update with what is read after), or undefined when it
 * did not open.
 */
export async function openViewOrExplain(
  api: SlackCalls,
  log: Logger,
  request: OpenView,
): Promise<string | undefined> {
  try {
    const opened = await api.openView({ trigger_id: request.triggerId, view: request.view });
    return opened.view?.id ?? "";
  } catch (err) {
    const code = slackErrorCode(err);
    log.warn({ err, code, triggerAgeMs: Date.now() - api.triggerAt }, "views.open failed");
    await tellPerson(
      api,
      log,
      {
        user: request.user,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      },
      `${causeWords(err)} Please ${request.retry}.`,
    );
    return undefined;
  }
}

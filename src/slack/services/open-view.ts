import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { ModalView } from "../blocks/kit.js";
import { slackErrorCode } from "../slack-errors.js";
import { tellPerson } from "./delivery.js";

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

/**
 * Opens a modal, or tells the person why not and how to try again. Call it right after ack(): a
 * trigger_id lives 3 seconds. Returns whether the view opened.
 */
export async function openViewOrExplain(
  client: webApi.WebClient,
  log: Logger,
  request: OpenView,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: request.triggerId, view: request.view });
    return true;
  } catch (err) {
    const code = slackErrorCode(err);
    log.warn({ err, code }, "views.open failed");
    const cause =
      code === "expired_trigger_id"
        ? "Slack took too long to open the form."
        : `I couldn't open the form (${code}).`;
    await tellPerson(
      client,
      log,
      {
        user: request.user,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      },
      `${cause} Please ${request.retry}.`,
    );
    return false;
  }
}

import type { Logger } from "pino";
import type { AppContext } from "../context.js";
import { tellPerson } from "./delivery.js";
import { type InteractionPlace, interactionPlace } from "./interaction-place.js";
import { workspaceOf } from "./saved-recommendations.js";
import type { SlackCalls } from "./slack-api.js";
import type { MessagePlace } from "./team-state.js";

/** A click on one of a recommendation's team buttons: where, in which workspace, and how to answer the person. */
export interface TeamClick {
  place: InteractionPlace;
  message: MessagePlace;
  user: string;
  api: SlackCalls;
  log: Logger;
  /** Tells only the person who clicked (response_url, else an ephemeral message, else a DM). */
  tell(text: string): Promise<boolean>;
}

export const TEAM_NOT_SAVED =
  "I couldn't record that: my database isn't answering right now. Please click it again in a few minutes.";

/** Reads a team button's click, or undefined (logged) when it was not on a message of a known workspace. */
export function teamClick(
  body: { user: { id: string }; channel?: { id?: string }; container?: object; message?: object },
  context: Pick<AppContext, "api" | "log"> & { teamId?: string; enterpriseId?: string },
): TeamClick | undefined {
  const place = interactionPlace(body as Parameters<typeof interactionPlace>[0]);
  const workspace = workspaceOf(context);
  if (!place || !workspace) {
    context.log.warn("a team button without a message or a team id");
    return undefined;
  }
  const { api, log } = context;
  const user = body.user.id;
  const responseUrl = api.responseUrlOf(body);
  return {
    place,
    message: { ...workspace, channel: place.channel, ts: place.messageTs },
    user,
    api,
    log,
    tell: (text) =>
      tellPerson(api, log, { channel: place.channel, user, ...(responseUrl ? { responseUrl } : {}) }, text),
  };
}

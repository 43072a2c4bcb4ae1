import { z } from "zod";
import type { Deps } from "../../deps.js";
import { homeFilterOf, publishHome } from "../../services/app-home.js";
import { decodeAnswers } from "../../services/codecs.js";
import { tellPerson } from "../../services/delivery.js";
import { exportAdr, exportedWords } from "../../services/export-adr.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { type CarriedAnswers, type DecisionKey, storedAdr } from "../../services/stored-adr.js";
import type { ButtonArgs } from "../args.js";

/** An App Home row's value: the recommendation message, `C…/1700000000.000100`. */
const HomeRow = z.string().regex(/^([CGD][A-Z0-9]{2,})\/(\d{1,12}\.\d{1,8})$/);

const NOT_STORED =
  "I have no saved copy of this recommendation (it was posted while my database was down, or before I kept them), so I can't write its record. Ask again with `/flask-or-django` and export the new one.";
const OUTDATED =
  "This recommendation's answers no longer fit today's questions, so I can't write its record. Click *Edit answers* on it (or ask again with `/flask-or-django`), then export that.";
const DATABASE_DOWN =
  "I couldn't read this decision: my database isn't answering right now. Please click *Export as ADR* again in a few minutes.";

interface Clicked {
  key: DecisionKey;
  fromHome: boolean;
  carried?: CarriedAnswers;
}

/** Which recommendation the click was about: the message it is on, or the App Home row's value. */
function clicked(body: ButtonArgs["body"], value: string | undefined, teamId: string): Clicked | undefined {
  const enterprise = body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {};
  if ((body.container as { type?: unknown } | undefined)?.type === "view") {
    const row = HomeRow.safeParse(value);
    if (!row.success) return undefined;
    const [channelId, messageTs] = row.data.split("/") as [string, string];
    return { key: { teamId, ...enterprise, channelId, messageTs }, fromHome: true };
  }
  const place = interactionPlace(body);
  if (!place) return undefined;
  const carried = decodeAnswers(value);
  return {
    key: { teamId, ...enterprise, channelId: place.channel, messageTs: place.messageTs },
    fromHome: false,
    ...(carried ? { carried } : {}),
  };
}

/**
 * "Export as ADR", on a recommendation or an App Home row: the decision's MADR record, put in Slack as
 * the channel's canvas, else a canvas shared with the channel, else a Markdown file in the thread (see
 * services/export-adr.ts). The person is told where it went, or what to do: in the channel (only to
 * them) from a message, at the top of the tab from App Home.
 */
export function exportAdrButton(deps: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { api, log } = context;
    const user = body.user.id;
    const what = context.teamId ? clicked(body, action.value, context.teamId) : undefined;
    const tell = async (text: string) => {
      if (what?.fromHome) {
        await publishHome(deps, context, {
          user,
          workspace: context,
          filter: homeFilterOf(body.view),
          notice: text,
        });
        return;
      }
      const responseUrl = api.responseUrlOf(body);
      const channel = what?.key.channelId;
      await tellPerson(
        api,
        log,
        { user, ...(channel ? { channel } : {}), ...(responseUrl ? { responseUrl } : {}) },
        text,
      );
    };
    if (!what) {
      log.warn({ value: action.value?.slice(0, 100) }, "export_adr without a recommendation to export");
      await tell("I couldn't tell which decision to export. Please click *Export as ADR* on it again.");
      return;
    }
    let adr: Awaited<ReturnType<typeof storedAdr>>;
    try {
      adr = await storedAdr(deps.knowledge, deps.database, what.key, what.carried);
    } catch (err) {
      log.error({ err, message: what.key.messageTs }, "could not read the decision to export");
      await tell(DATABASE_DOWN);
      return;
    }
    if (!adr.ok) {
      log.warn({ reason: adr.reason, message: what.key.messageTs }, "nothing to export");
      await tell(adr.reason === "outdated" ? OUTDATED : NOT_STORED);
      return;
    }
    const { teamId, channelId: channel, messageTs } = what.key;
    const base = await deps.links.base(api, log, teamId);
    const result = await exportAdr(
      api,
      log,
      { teamId, channel, threadTs: messageTs, user, base },
      adr.markdown,
    );
    if (result.ok) log.info({ via: result.via, message: messageTs }, "ADR exported");
    else log.warn({ code: result.error, message: messageTs }, "ADR export failed");
    await tell(exportedWords(result, channel));
  };
}

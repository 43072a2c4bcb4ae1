import { z } from "zod";
import {
  type DecisionKey,
  mayView,
  readStoredRecord,
  type StoredRecord,
} from "../../../decisions/stored-record.js";
import { StoredDataError } from "../../../storage/index.js";
import { homeFilterOf } from "../../blocks/decision-log.js";
import type { Deps } from "../../deps.js";
import { publishHome } from "../../services/app-home.js";
import { decodeAnswers } from "../../services/codecs.js";
import { tellPerson } from "../../services/delivery.js";
import { exportAdr, exportedWords } from "../../services/export-adr.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { adrOfRecord, type CarriedAnswers, type StoredAdr } from "../../services/stored-adr.js";
import type { ButtonArgs } from "../args.js";

/** An App Home row's value: the recommendation message, `C…/1700000000.000100`. */
const HomeRow = z.string().regex(/^([CGD][A-Z0-9]{2,})\/(\d{1,12}\.\d{1,8})$/);

const UNCLEAR = "I couldn't tell which decision to export. Please click *Export as ADR* on it again.";
const NOT_STORED =
  "I have no saved copy of this recommendation (it was posted while my database was down, or before I kept them), so I can't write its record. Ask again with `/flask-or-django` and export the new one.";
const OUTDATED =
  "This recommendation's answers no longer fit today's questions, so I can't write its record. Click *Edit answers* on it (or ask again with `/flask-or-django`), then export that.";
const DATABASE_DOWN =
  "I couldn't read this decision: my database isn't answering right now. Please click *Export as ADR* again in a few minutes.";
const FAILED =
  "Sorry, something went wrong on my side while writing this decision's record. Please try again; if it keeps happening, tell whoever runs the app in your workspace.";
const NOT_YOURS =
  "I can't export that decision from here: it was made in a private channel or a direct message you didn't take part in. Someone who asked for it, decided it, or gave a view or a vote on it can export it, and so can anyone in its channel, from the recommendation message.";
const UNDER_WAY = (channel: string) =>
  `An export of this decision is under way already (someone clicked just before you). Look for it in <#${channel}> in a moment.`;

interface Clicked {
  key: DecisionKey;
  carried?: CarriedAnswers;
}

/** True when the click came from App Home, told by the payload's container, whatever its value says. */
function onHome(body: ButtonArgs["body"]): boolean {
  return body.view?.type === "home" || (body.container as { type?: unknown } | undefined)?.type === "view";
}

/** Which recommendation the click was about: the App Home row's value, or the message it is on. */
function clicked(body: ButtonArgs["body"], value: string | undefined, teamId: string): Clicked | undefined {
  const enterprise = body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {};
  if (onHome(body)) {
    const row = HomeRow.safeParse(value);
    if (!row.success) return undefined;
    const [channelId, messageTs] = row.data.split("/") as [string, string];
    return { key: { teamId, ...enterprise, channelId, messageTs } };
  }
  const place = interactionPlace(body);
  if (!place) return undefined;
  const carried = decodeAnswers(value);
  return {
    key: { teamId, ...enterprise, channelId: place.channel, messageTs: place.messageTs },
    ...(carried ? { carried } : {}),
  };
}

/**
 * "Export as ADR", on a recommendation or an App Home row: the decision's MADR record, put in Slack as
 * the channel's canvas, else a canvas tabbed in the channel, else a Markdown file in the thread (see
 * services/export-adr.ts). The person is told where it went, or what to do: in the channel (only to
 * them) from a message, at the top of the tab from App Home.
 *
 * From App Home the channel comes from the row, not from where the person is: a decision of a channel that
 * is not public is exported only for those who took part in it (`mayView`, the rule the tab lists by).
 * One export of a decision runs at a time (a double click, two people at once): the second is told.
 */
export function exportAdrButton(deps: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { api, log } = context;
    const user = body.user.id;
    const fromHome = onHome(body);
    const what = context.teamId ? clicked(body, action.value, context.teamId) : undefined;
    const tell = async (text: string) => {
      if (fromHome) {
        await publishHome(deps, context, {
          user,
          workspace: context,
          filter: homeFilterOf(body.view),
          hash: body.view?.hash,
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
      log.warn(
        { value: action.value?.slice(0, 100), fromHome },
        "export_adr without a recommendation to export",
      );
      await tell(UNCLEAR);
      return;
    }
    const { teamId, channelId: channel, messageTs } = what.key;
    let record: StoredRecord;
    try {
      record = await readStoredRecord(deps.database, what.key);
    } catch (err) {
      // Only a database that does not answer is said to; a stored row that fails its check is our fault.
      log.error({ err, message: messageTs }, "could not read the decision to export");
      await tell(err instanceof StoredDataError ? FAILED : DATABASE_DOWN);
      return;
    }
    let adr: StoredAdr;
    try {
      adr = adrOfRecord(deps.knowledge, record, what.key, what.carried);
    } catch (err) {
      log.error({ err, message: messageTs }, "could not write the decision's record");
      await tell(FAILED);
      return;
    }
    if (!adr.ok) {
      log.warn({ reason: adr.reason, message: messageTs }, "nothing to export");
      await tell(adr.reason === "outdated" ? OUTDATED : NOT_STORED);
      return;
    }
    if (fromHome && !mayView(user, record)) {
      log.warn({ message: messageTs, channel }, "export from App Home refused: a private decision of others");
      await tell(NOT_YOURS);
      return;
    }
    const markdown = adr.markdown;
    const done = await deps.locks.run(`export:${teamId}:${channel}:${messageTs}`, async () => {
      const base = await deps.links.base(api, log, teamId);
      return exportAdr(api, log, { teamId, channel, threadTs: messageTs, user, base }, markdown);
    });
    if (!done.ran) {
      log.info({ message: messageTs }, "an export of this decision is under way already");
      await tell(UNDER_WAY(channel));
      return;
    }
    const result = done.value;
    if (result.ok) log.info({ via: result.via, message: messageTs }, "ADR exported");
    else log.warn({ code: result.error, message: messageTs }, "ADR export failed");
    await tell(exportedWords(result, channel));
  };
}

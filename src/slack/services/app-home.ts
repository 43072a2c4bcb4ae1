/**
 * App Home for one person: what the app does, the team's decisions they may see (filtered by status,
 * newest first, capped) and the "who may decide" setting, read from the database and published with
 * views.publish. Published when the tab opens and again after anything done on it (a filter, a setting,
 * an export), so the tab always shows what the database holds. A database that cannot be read leaves the
 * rest of the tab intact and says so.
 *
 * Each publish passes the hash of the tab the request saw, so one built from an older tab (an export that
 * took seconds while the person changed the filter) is refused rather than undo the newer one; it is then
 * published again once, over what this process published last (PublishedHomes).
 */
import type { Logger } from "pino";
import { tsMillis } from "../../decisions/index.js";
import { HOME_DECISIONS_SHOWN, type HomeLog, type StatusFilter } from "../blocks/decision-log.js";
import { homeView } from "../blocks/home.js";
import type { HomeSettings } from "../blocks/team-settings.js";
import type { Deps } from "../deps.js";
import { slackErrorCode } from "../slack-errors.js";
import type { SettingsChangers, WorkspaceOfRequest } from "./settings-admins.js";
import type { SlackCalls } from "./slack-api.js";
import { messageLink } from "./workspace-links.js";

export interface HomeRequest {
  user: string;
  workspace: WorkspaceOfRequest;
  filter: StatusFilter;
  /** True when the person just chose `filter` (the status select): it wins over a newer tab's. */
  filterChosen?: boolean;
  /** The outcome of what the person just did on the tab. */
  notice?: string;
  /** The hash of the tab the request came from (block_actions' view, app_home_opened's), when it had one. */
  hash?: string | undefined;
  /** Who may change the settings, when the request has asked already (asked once per request). */
  changers?: SettingsChangers;
}

/** The hash of a view Slack sent back (app_home_opened's `view`), when it has one. */
export function viewHashOf(view: unknown): string | undefined {
  const hash = (view as { hash?: unknown } | null | undefined)?.hash;
  return typeof hash === "string" && hash !== "" ? hash : undefined;
}

/** What the request's context gives the home: its calls and logger. */
export interface HomeCalls {
  api: SlackCalls;
  log: Logger;
}

async function readLog(
  deps: Deps,
  calls: HomeCalls,
  teamId: string,
  user: string,
  filter: StatusFilter,
): Promise<HomeLog> {
  // Only what this person may see: a private channel's decisions go to those who took part.
  const only = { visibleTo: user, ...(filter === "all" ? {} : { status: filter }) };
  try {
    const [rows, total, all] = await Promise.all([
      deps.database.decisions.listByTeam(teamId, { ...only, limit: HOME_DECISIONS_SHOWN }),
      deps.database.decisions.countByTeam(teamId, only),
      filter === "all" ? undefined : deps.database.decisions.countByTeam(teamId, { visibleTo: user }),
    ]);
    // Links only when there is something to link (auth.test, at most once an hour per workspace).
    const base = rows.length > 0 ? await deps.links.base(calls.api, calls.log, teamId) : undefined;
    return {
      filter,
      total,
      all: all ?? total,
      rows: rows.map((d) => ({
        channel: d.channelId,
        messageTs: d.messageTs,
        status: d.status,
        recommended: d.recommended,
        framework: d.framework,
        askedBy: d.askedBy,
        decidedBy: d.decidedBy,
        postedAt: tsMillis(d.messageTs),
        decidedAt: d.decidedAt,
        ...(base ? { link: messageLink(base, d.channelId, d.messageTs) } : {}),
      })),
    };
  } catch (err) {
    calls.log.error({ err }, "could not read the team's decisions for App Home");
    return { filter, rows: [], total: 0, all: 0, unavailable: true };
  }
}

async function readSettings(
  deps: Deps,
  calls: HomeCalls,
  req: HomeRequest,
  teamId: string,
): Promise<HomeSettings | undefined> {
  try {
    const [settings, changers] = await Promise.all([
      deps.database.teamSettings.get(teamId),
      req.changers ?? deps.settingsAdmins.of(req.workspace, calls.log),
    ]);
    return {
      whoMayDecide: settings.whoMayDecide,
      updatedBy: settings.updatedBy,
      updatedAt: settings.updatedAt,
      canChange: changers.users.includes(req.user),
      changers: changers.users,
      changersAre: changers.are,
    };
  } catch (err) {
    calls.log.error({ err }, "could not read the team's settings for App Home");
    return undefined;
  }
}

/** Reads what the tab shows and publishes it, with the hash when known; remembers what was published. */
async function publishOnce(deps: Deps, calls: HomeCalls, req: HomeRequest): Promise<void> {
  const teamId = req.workspace.teamId;
  const model = teamId
    ? {
        ...(req.notice ? { notice: req.notice } : {}),
        log: await readLog(deps, calls, teamId, req.user, req.filter),
        ...(await readSettings(deps, calls, req, teamId).then((s) => (s ? { settings: s } : {}))),
      }
    : req.notice
      ? { notice: req.notice }
      : undefined;
  const res = await calls.api.publishView({
    user_id: req.user,
    view: homeView(deps.knowledge, model),
    ...(req.hash ? { hash: req.hash } : {}),
  });
  if (teamId)
    deps.homes.set(teamId, req.user, {
      ...(res.view?.hash ? { hash: res.view.hash } : {}),
      filter: req.filter,
      ...(req.notice ? { notice: req.notice } : {}),
    });
}

export async function publishHome(deps: Deps, calls: HomeCalls, req: HomeRequest): Promise<void> {
  try {
    await publishOnce(deps, calls, req);
  } catch (err) {
    if (slackErrorCode(err) !== "hash_conflict") throw err;
    // The tab changed since the request saw it: publish over the newer one, keeping its filter (unless
    // this request chose one) and its notice (unless this request has its own).
    const newer = req.workspace.teamId ? deps.homes.get(req.workspace.teamId, req.user) : undefined;
    calls.log.info({ known: newer !== undefined }, "the Home tab changed meanwhile; publishing over it");
    const notice = req.notice ?? newer?.notice;
    const { hash: _stale, ...rest } = req;
    await publishOnce(deps, calls, {
      ...rest,
      filter: req.filterChosen ? req.filter : (newer?.filter ?? req.filter),
      ...(notice ? { notice } : {}),
      // The same hash as the stale one: the newer tab was published elsewhere (another instance), so
      // this one is published as it is, the last word.
      ...(newer?.hash && newer.hash !== req.hash ? { hash: newer.hash } : {}),
    });
  }
}

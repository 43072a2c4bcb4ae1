/**
 * App Home for one person: what the app does, the team's decisions (filtered by status, newest first,
 * capped) and the "who may decide" setting, read from the database and published with views.publish.
 * Published when the tab opens and again after anything done on it (a filter, a setting, an export), so
 * the tab always shows what the database holds. A database that cannot be read leaves the rest of the
 * tab intact and says so.
 */
import type { Logger } from "pino";
import {
  HOME_DECISIONS_SHOWN,
  type HomeLog,
  type StatusFilter,
  statusesOf,
  statusFilterOf,
} from "../blocks/decision-log.js";
import { homeView } from "../blocks/home.js";
import type { HomeSettings } from "../blocks/team-settings.js";
import type { Deps } from "../deps.js";
import { IDS } from "../ids.js";
import type { WorkspaceOfRequest } from "./settings-admins.js";
import type { SlackCalls } from "./slack-api.js";
import { messageLink } from "./workspace-links.js";

export interface HomeRequest {
  user: string;
  workspace: WorkspaceOfRequest;
  filter: StatusFilter;
  /** The outcome of what the person just did on the tab. */
  notice?: string;
}

/** What the request's context gives the home: its calls and logger. */
export interface HomeCalls {
  api: SlackCalls;
  log: Logger;
}

async function readLog(deps: Deps, calls: HomeCalls, teamId: string, filter: StatusFilter): Promise<HomeLog> {
  const status = statusesOf(filter);
  const only = status ? { status } : {};
  try {
    const [rows, total, all] = await Promise.all([
      deps.database.decisions.listByTeam(teamId, { ...only, limit: HOME_DECISIONS_SHOWN }),
      deps.database.decisions.countByTeam(teamId, only),
      filter === "all" ? undefined : deps.database.decisions.countByTeam(teamId),
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
        postedAt: Math.round(Number(d.messageTs) * 1000),
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
      deps.settingsAdmins.of(req.workspace, calls.log),
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

export async function publishHome(deps: Deps, calls: HomeCalls, req: HomeRequest): Promise<void> {
  const teamId = req.workspace.teamId;
  const model = teamId
    ? {
        ...(req.notice ? { notice: req.notice } : {}),
        log: await readLog(deps, calls, teamId, req.filter),
        ...(await readSettings(deps, calls, req, teamId).then((s) => (s ? { settings: s } : {}))),
      }
    : undefined;
  await calls.api.publishView({ user_id: req.user, view: homeView(deps.knowledge, model) });
}

/** The filter a published Home tab shows (its select's chosen option, or its initial one). */
export function homeFilterOf(view: unknown): StatusFilter {
  const v = view as {
    state?: { values?: Record<string, Record<string, { selected_option?: { value?: unknown } | null }>> };
    blocks?: Array<{ block_id?: string; accessory?: { initial_option?: { value?: unknown } } }>;
  } | null;
  const chosen = v?.state?.values?.[IDS.homeLogBlock]?.[IDS.homeStatusFilter]?.selected_option?.value;
  const shown = v?.blocks?.find((b) => b.block_id === IDS.homeLogBlock)?.accessory?.initial_option?.value;
  return statusFilterOf(chosen ?? shown);
}

import type { Knowledge, TeamViews } from "../../engine/index.js";
import type { VoteTally } from "../../storage/index.js";
import { type DecisionStatusModel, decisionStatusLine } from "./decision-status.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { type TeamActionsModel, teamActions } from "./team-actions.js";
import { viewsLines, votesLine } from "./team-lines.js";
import { truncate } from "./text.js";

/** The team's part of a recommendation message: its decision's status, teammates' views, votes, buttons. */
export interface TeamModel {
  /** Undefined when it could not be read (the database is down): no status line rather than a wrong one. */
  status?: DecisionStatusModel;
  views?: TeamViews;
  votes: VoteTally;
  actions: Omit<TeamActionsModel, "verdict" | "answersValue">;
}

/** A recommendation just posted: proposed, nobody else's answers or votes yet. */
export function freshTeamModel(): TeamModel {
  return {
    status: { status: "proposed" },
    votes: { agree: [], pickOther: [] },
    actions: { open: true, decidable: true },
  };
}

/**
 * The team's part when it could not be read (the database is down while an edit goes out): no status
 * line rather than a wrong one, but the buttons stay (only a proposal's answers can be edited).
 */
export function unreadTeamModel(): TeamModel {
  return { votes: { agree: [], pickOther: [] }, actions: { open: true, decidable: true } };
}

/** True when the team's part holds more than a fresh proposal: the message then makes room for it. */
export function teamIsActive(team: TeamModel | undefined): boolean {
  if (!team) return false;
  const people = team.views?.people.length ?? 0;
  return (
    people > 1 ||
    team.votes.agree.length + team.votes.pickOther.length > 0 ||
    (team.status !== undefined && team.status.status !== "proposed")
  );
}

const context = (text: string): KnownBlock => ({
  type: "context",
  elements: [mrkdwn(truncate(text, LIMITS.sectionText))],
});

export interface TeamBlocks {
  /** The status, under the headline. */
  status: KnownBlock[];
  /** Views and votes, above the buttons. */
  lines: KnownBlock[];
  /** The team's buttons, under the recommendation's own. */
  actions: KnownBlock[];
}

export function teamBlocks(
  knowledge: Knowledge,
  team: TeamModel,
  verdict: TeamActionsModel["verdict"],
  answersValue: string,
): TeamBlocks {
  const votes = votesLine(knowledge, team.votes, verdict);
  const lines = [...viewsLines(knowledge, team.views), ...(votes ? [votes] : [])];
  const actions = teamActions(knowledge, { ...team.actions, verdict, answersValue });
  return {
    status: team.status ? [context(decisionStatusLine(knowledge, team.status))] : [],
    lines: lines.length > 0 ? [context(lines.join("\n"))] : [],
    actions: actions ? [actions] : [],
  };
}

import type { WhoMayDecide } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, mrkdwn, type PlainTextOption, plain } from "./kit.js";
import { slackDate } from "./text.js";

/** The workspace's settings as App Home shows them to one person. */
export interface HomeSettings {
  whoMayDecide: WhoMayDecide;
  /** Who changed it last, and when; null while it is the default. */
  updatedBy: string | null;
  updatedAt: number | null;
  /** Whether the person looking may change it. */
  canChange: boolean;
  /** Who may change it: the person who installed the app, or SETTINGS_ADMINS (one workspace). */
  changers: readonly string[];
  changersAre: "installer" | "admins";
}

const WHO: Record<WhoMayDecide, string> = {
  asker: "Only the person who asked for it",
  anyone: "Anyone in the workspace",
};

const option = (value: WhoMayDecide): PlainTextOption => ({ text: plain(WHO[value]), value });

/** Who may change the settings, for someone who may not: "Only @ann (who installed the app) can change this." */
export function onlyThemWords(changers: { users: readonly string[]; are: "installer" | "admins" }): string {
  if (changers.users.length === 0)
    return "Nobody can change this in Slack yet: whoever runs the app can name people who may (SETTINGS_ADMINS; see its README).";
  const who = changers.users.map((id) => `<@${id}>`).join(", ");
  const why = changers.are === "installer" ? "who installed the app" : "named in the app's SETTINGS_ADMINS";
  return `Only ${who} (${why}) can change this.`;
}

function whoMayChange(s: HomeSettings): string {
  if (!s.canChange) return onlyThemWords({ users: s.changers, are: s.changersAre });
  return s.changersAre === "installer"
    ? "You can change this: you installed the app."
    : "You can change this: the app's SETTINGS_ADMINS names you.";
}

/** "Who may mark a recommendation as decided": the setting, and a select for whoever may change it. */
export function teamSettingsBlocks(s: HomeSettings): KnownBlock[] {
  const current = `${WHO[s.whoMayDecide]}${s.updatedBy === null ? " (the default)" : ""}.`;
  const facts = [whoMayChange(s)];
  if (s.updatedBy !== null)
    facts.unshift(`Set by <@${s.updatedBy}>${s.updatedAt !== null ? ` on ${slackDate(s.updatedAt)}` : ""}.`);
  return [
    {
      type: "section",
      text: mrkdwn(`*Who may mark a recommendation as decided*\n${current}`),
      ...(s.canChange
        ? {
            accessory: {
              type: "static_select" as const,
              action_id: IDS.homeWhoMayDecide,
              placeholder: plain("Who may decide"),
              options: [option("asker"), option("anyone")],
              initial_option: option(s.whoMayDecide),
            },
          }
        : {}),
    },
    { type: "context", elements: [mrkdwn(facts.join(" "))] },
  ];
}

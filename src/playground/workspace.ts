/**
 * The pretend workspace the playground shows: one team, one channel, a few people, and the bot.
 * Ids follow Slack's shapes (capital letters and digits) because the app validates them.
 */

/** One person in the pretend workspace, with their DM with the app. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly dm: string;
}

/** Who can be at the keyboard: switch in the page to see a teammate's side (their views, votes, what only they see). */
export const PEOPLE: readonly Person[] = [
  { id: "U0PLAYER01", name: "you", realName: "You", dm: "D0PLAYER01" },
  { id: "U0PLAYER02", name: "ann", realName: "Ann", dm: "D0PLAYER02" },
  { id: "U0PLAYER03", name: "bob", realName: "Bob", dm: "D0PLAYER03" },
];

export const WORKSPACE = {
  team: { id: "T0PLAYGRND", domain: "playground" },
  apiAppId: "A0PLAYGRND",
  channel: { id: "C0PLAYGRND", name: "playground" },
  /** The person at the keyboard when the page opens. */
  user: PEOPLE[0] as Person,
  bot: { id: "B0FLASKDJ1", userId: "U0FLASKDJ1", name: "flask-or-django" },
  /** The first person's DM with the app (conversations.open, app_home_opened). */
  dm: { id: (PEOPLE[0] as Person).dm },
  /** The Web API token the app is given; the fake Web API checks it like Slack would. */
  botToken: "xoxb-playground",
  /** The legacy verification token Slack still puts in payloads (the app never reads it). */
  verificationToken: "playgroundverificationtoken",
} as const;

/** A person of the workspace by user id. */
export function personById(id: string | undefined): Person | undefined {
  return PEOPLE.find((p) => p.id === id);
}

/** A person by their DM with the app. */
export function personByDm(channel: string | undefined): Person | undefined {
  return PEOPLE.find((p) => p.dm === channel);
}

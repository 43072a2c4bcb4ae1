/**
 * The pretend workspace the playground shows: one team, one channel, one person, and the bot.
 * Ids follow Slack's shapes (capital letters and digits) because the app validates them.
 */
export const WORKSPACE = {
  team: { id: "T0PLAYGRND", domain: "playground" },
  apiAppId: "A0PLAYGRND",
  channel: { id: "C0PLAYGRND", name: "playground" },
  user: { id: "U0PLAYER01", name: "you", realName: "You" },
  bot: { id: "B0FLASKDJ1", userId: "U0FLASKDJ1", name: "flask-or-django" },
  /** The app's DM with the person (conversations.open, app_home_opened). */
  dm: { id: "D0PLAYER01" },
  /** The Web API token the app is given; the fake Web API checks it like Slack would. */
  botToken: "xoxb-playground",
  /** The legacy verification token Slack still puts in payloads (the app never reads it). */
  verificationToken: "playgroundverificationtoken",
} as const;

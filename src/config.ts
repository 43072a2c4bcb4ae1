/**
 * Environment variables → typed, validated configuration.
 *
 * `loadConfig` is pure: it reads only the `env` object it is given (it never calls dotenv; `main.ts` does).
 * Every problem is collected and reported together in one `ConfigError`, one line per problem, each line
 * naming the variable and where to find the right value. Secret values are never echoed.
 */
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ["production", "development", "test"] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export type AppMode = "socket" | "http";

export interface Config {
  /** "socket" when SLACK_APP_TOKEN is set, otherwise "http". */
  mode: AppMode;
  slack: {
    botToken: string;
    /** Always present in HTTP mode; optional (and unused) in Socket Mode. */
    signingSecret?: string;
    /** Present only in Socket Mode. */
    appToken?: string;
    /** Web API base URL, always ending with "/" (e.g. "https://slack.com/api/"); unset = Slack's default. */
    apiUrl?: string;
  };
  port: number;
  logLevel: LogLevelName;
  env: NodeEnv;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_LOG_LEVEL: LogLevelName = "info";
export const DEFAULT_NODE_ENV: NodeEnv = "development";

/** Thrown by `loadConfig`; `message` holds one line per problem, `problems` the same lines as an array. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.problems = [...problems];
  }
}

const APPS_PAGE = "https://api.slack.com/apps";

const WHERE_BOT_TOKEN = `copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page at ${APPS_PAGE} (install the app to your workspace first if none is shown)`;
const WHERE_SIGNING_SECRET = `copy the Signing Secret from your app's Basic Information page → App Credentials at ${APPS_PAGE}`;
const WHERE_APP_TOKEN = `generate an App-Level Token (xapp-…) on your app's Basic Information page → App-Level Tokens at ${APPS_PAGE}, with the connections:write scope`;

const MSG = {
  botTokenMissing: `SLACK_BOT_TOKEN is missing: ${WHERE_BOT_TOKEN}.`,
  botTokenIsAppToken: `SLACK_BOT_TOKEN holds an App-Level Token (xapp-…), which belongs in SLACK_APP_TOKEN: ${WHERE_BOT_TOKEN}.`,
  botTokenIsUserToken: `SLACK_BOT_TOKEN holds a User OAuth Token (xoxp-…) but must be the bot token: ${WHERE_BOT_TOKEN}.`,
  botTokenBadPrefix: `SLACK_BOT_TOKEN is not a bot token (it must start with xoxb-): ${WHERE_BOT_TOKEN}.`,
  botTokenMalformed: `SLACK_BOT_TOKEN is malformed (nothing after xoxb-, or it contains spaces or quotes): ${WHERE_BOT_TOKEN}.`,
  signingSecretMissing: `SLACK_SIGNING_SECRET is missing and is required in HTTP mode (SLACK_APP_TOKEN is not set): ${WHERE_SIGNING_SECRET}, or set SLACK_APP_TOKEN to run in Socket Mode instead.`,
  signingSecretIsToken: `SLACK_SIGNING_SECRET holds a token (xox…/xapp-…), not the Signing Secret: ${WHERE_SIGNING_SECRET}.`,
  signingSecretMalformed: `SLACK_SIGNING_SECRET does not look like a Signing Secret (a string of hex characters, usually 32 long; not the Verification Token): ${WHERE_SIGNING_SECRET}.`,
  appTokenIsBotToken: `SLACK_APP_TOKEN holds a bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN; SLACK_APP_TOKEN must be an App-Level Token: ${WHERE_APP_TOKEN}, or leave SLACK_APP_TOKEN unset to run in HTTP mode.`,
  appTokenBadPrefix: `SLACK_APP_TOKEN is not an App-Level Token (it must start with xapp-): ${WHERE_APP_TOKEN}, or leave it unset to run in HTTP mode.`,
  appTokenMalformed: `SLACK_APP_TOKEN is malformed (nothing after xapp-, or it contains spaces or quotes): ${WHERE_APP_TOKEN}.`,
  apiUrl:
    "SLACK_API_URL must be an absolute http(s) URL such as https://slack.com/api/ (set it only to point the app at a mock or proxy of Slack's Web API; leave it unset to use Slack itself).",
} as const;

/** Shows a non-secret value in a message, quoted and shortened. */
function shown(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** Trims a raw env value; blank (unset, empty or only whitespace) becomes undefined. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A token is one run of non-space, non-quote characters after its prefix. */
const TOKEN_BODY = /^[^\s"'`]+$/;

function tokenProblem(value: string, prefix: string): "prefix" | "malformed" | undefined {
  if (!value.startsWith(prefix)) return "prefix";
  return TOKEN_BODY.test(value.slice(prefix.length)) ? undefined : "malformed";
}

const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const botTokenSchema = z.preprocess(
  blankToUndefined,
  z.string({ error: MSG.botTokenMissing }).superRefine((value, ctx) => {
    const problem = tokenProblem(value, "xoxb-");
    if (problem === undefined) return;
    let message: string = MSG.botTokenMalformed;
    if (problem === "prefix") {
      if (value.startsWith("xapp-")) message = MSG.botTokenIsAppToken;
      else if (value.startsWith("xoxp-")) message = MSG.botTokenIsUserToken;
      else message = MSG.botTokenBadPrefix;
    }
    ctx.addIssue({ code: "custom", message });
  }),
);

const signingSecretSchema = optionalString.superRefine((value, ctx) => {
  if (value === undefined) return;
  if (/^(xox[a-z]|xapp)-/.test(value)) {
    ctx.addIssue({ code: "custom", message: MSG.signingSecretIsToken });
  } else if (!/^[0-9a-f]{16,}$/i.test(value)) {
    ctx.addIssue({ code: "custom", message: MSG.signingSecretMalformed });
  }
});

const appTokenSchema = optionalString.superRefine((value, ctx) => {
  if (value === undefined) return;
  const problem = tokenProblem(value, "xapp-");
  if (problem === undefined) return;
  let message: string = MSG.appTokenMalformed;
  if (problem === "prefix")
    message = value.startsWith("xoxb-") ? MSG.appTokenIsBotToken : MSG.appTokenBadPrefix;
  ctx.addIssue({ code: "custom", message });
});

const portSchema = optionalString.transform((value, ctx) => {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    ctx.addIssue({
      code: "custom",
      message: `PORT must be a whole number from 1 to 65535 (the port the app's HTTP server listens on; default ${DEFAULT_PORT}), but it is ${shown(value)}.`,
    });
    return z.NEVER;
  }
  return port;
});

const apiUrlSchema = optionalString.transform((value, ctx) => {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: MSG.apiUrl });
    return z.NEVER;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    ctx.addIssue({ code: "custom", message: MSG.apiUrl });
    return z.NEVER;
  }
  // @slack/web-api appends method names directly ("…/api/" + "chat.postMessage"), so a trailing slash is required.
  return value.endsWith("/") ? value : `${value}/`;
});

function enumSchema<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  fallback: T[number],
) {
  return optionalString.transform((value, ctx): T[number] => {
    if (value === undefined) return fallback;
    const lower = value.toLowerCase();
    const match = values.find((v) => v === lower);
    if (match === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `${name} must be one of ${values.join(", ")} (default ${fallback}), but it is ${shown(value)}.`,
      });
      return z.NEVER;
    }
    return match;
  });
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: botTokenSchema,
  SLACK_SIGNING_SECRET: signingSecretSchema,
  SLACK_APP_TOKEN: appTokenSchema,
  PORT: portSchema,
  SLACK_API_URL: apiUrlSchema,
  LOG_LEVEL: enumSchema("LOG_LEVEL", LOG_LEVELS, DEFAULT_LOG_LEVEL),
  NODE_ENV: enumSchema("NODE_ENV", NODE_ENVS, DEFAULT_NODE_ENV),
});

interface Problem {
  variable: string;
  message: string;
}

/** Order in which problems are reported (the order of `.env.example`). */
const VARIABLE_ORDER = [
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "PORT",
  "SLACK_API_URL",
  "LOG_LEVEL",
  "NODE_ENV",
];

function sortProblems(problems: readonly Problem[]): string[] {
  const byVariable = new Map<string, string>();
  for (const { variable, message } of problems) {
    // One line per variable: the first problem found is the one to fix first.
    if (!byVariable.has(variable)) byVariable.set(variable, message.replace(/\s*\n\s*/g, " "));
  }
  const rank = (v: string) => {
    const i = VARIABLE_ORDER.indexOf(v);
    return i === -1 ? VARIABLE_ORDER.length : i;
  };
  return [...byVariable.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, message]) => message);
}

/**
 * Reads and validates the app's configuration from `env` (default `process.env`).
 * @throws ConfigError listing every problem found, one line each.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse({
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    PORT: env.PORT,
    SLACK_API_URL: env.SLACK_API_URL,
    LOG_LEVEL: env.LOG_LEVEL,
    NODE_ENV: env.NODE_ENV,
  });
  const problems: Problem[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? ""), message: issue.message }));
  // Cross-variable rule, checked on the raw values so it is reported alongside every other problem:
  // HTTP mode (no App-Level Token) must verify request signatures, so it needs the Signing Secret.
  if (
    blankToUndefined(env.SLACK_APP_TOKEN) === undefined &&
    blankToUndefined(env.SLACK_SIGNING_SECRET) === undefined
  ) {
    problems.push({ variable: "SLACK_SIGNING_SECRET", message: MSG.signingSecretMissing });
  }
  if (!result.success || problems.length > 0) throw new ConfigError(sortProblems(problems));

  const vars = result.data;
  const slack: Config["slack"] = { botToken: vars.SLACK_BOT_TOKEN };
  if (vars.SLACK_SIGNING_SECRET !== undefined) slack.signingSecret = vars.SLACK_SIGNING_SECRET;
  if (vars.SLACK_APP_TOKEN !== undefined) slack.appToken = vars.SLACK_APP_TOKEN;
  if (vars.SLACK_API_URL !== undefined) slack.apiUrl = vars.SLACK_API_URL;

  return {
    mode: vars.SLACK_APP_TOKEN !== undefined ? "socket" : "http",
    slack,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    env: vars.NODE_ENV,
  };
}

/**
 * True when SLACK_BOT_TOKEN is set to anything non-blank (valid or not), so `main.ts` can tell
 * "no credentials at all" (e.g. a fresh checkout, or an untouched copy of .env.example) from "broken credentials".
 */
export function hasSlackCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.SLACK_BOT_TOKEN ?? "").trim() !== "";
}

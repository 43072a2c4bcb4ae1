/**
 * Environment variables → typed, validated configuration.
 *
 * `loadConfig` is pure: it reads only the `env` object it is given (it never calls dotenv; `main.ts` does).
 * Every problem is collected and reported together in one `ConfigError`, one line per problem in the order
 * of `.env.example`, each line naming the variable and where to find the right value. Secret values are
 * never echoed.
 */
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const NODE_ENVS = ["production", "development", "test"] as const;
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

/** What the playground (`npm start` with no Slack credentials) needs: no Slack settings. */
export type PlaygroundConfig = Pick<Config, "port" | "logLevel" | "env">;

const DEFAULT_PORT = 3000;
const DEFAULT_LOG_LEVEL: LogLevelName = "info";
const DEFAULT_NODE_ENV: NodeEnv = "development";

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

/** Each message follows the variable's name (zod's issue path): "SLACK_BOT_TOKEN is missing: …". */
const MSG = {
  botTokenMissing: `is missing: ${WHERE_BOT_TOKEN}.`,
  botTokenIsAppToken: `holds an App-Level Token (xapp-…), which belongs in SLACK_APP_TOKEN: ${WHERE_BOT_TOKEN}.`,
  botTokenIsUserToken: `holds a User OAuth Token (xoxp-…) but must be the bot token: ${WHERE_BOT_TOKEN}.`,
  botTokenBadPrefix: `is not a bot token (it must start with xoxb-): ${WHERE_BOT_TOKEN}.`,
  botTokenMalformed: `is malformed (nothing after xoxb-, or it contains spaces or quotes): ${WHERE_BOT_TOKEN}.`,
  signingSecretMissing: `is missing and is required in HTTP mode (SLACK_APP_TOKEN is not set): ${WHERE_SIGNING_SECRET}, or set SLACK_APP_TOKEN to run in Socket Mode instead.`,
  signingSecretIsToken: `holds a token (xox…/xapp-…), not the Signing Secret: ${WHERE_SIGNING_SECRET}.`,
  signingSecretMalformed: `does not look like a Signing Secret (a string of hex characters, usually 32 long; not the Verification Token): ${WHERE_SIGNING_SECRET}.`,
  appTokenIsBotToken: `holds a bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN; SLACK_APP_TOKEN must be an App-Level Token: ${WHERE_APP_TOKEN}, or leave SLACK_APP_TOKEN unset to run in HTTP mode.`,
  appTokenBadPrefix: `is not an App-Level Token (it must start with xapp-): ${WHERE_APP_TOKEN}, or leave it unset to run in HTTP mode.`,
  appTokenMalformed: `is malformed (nothing after xapp-, or it contains spaces or quotes): ${WHERE_APP_TOKEN}.`,
  apiUrl:
    "must be an absolute http(s) URL such as https://slack.com/api/ (set it only to point the app at a mock or proxy of Slack's Web API; leave it unset to use Slack itself).",
} as const;

/** Shows a non-secret value in a message, quoted and shortened. */
function shown(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Trims a raw env value; blank (unset, empty or only whitespace) becomes undefined. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A variable as it comes from the environment: trimmed, and blank counts as unset. */
const fromEnv = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** A token is one run of non-space, non-quote characters after its prefix. */
const TOKEN_BODY = /^[^\s"'`]+$/;

function tokenProblem(value: string, prefix: string): "prefix" | "malformed" | undefined {
  if (!value.startsWith(prefix)) return "prefix";
  return TOKEN_BODY.test(value.slice(prefix.length)) ? undefined : "malformed";
}

const botToken = fromEnv(
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

const signingSecretChecks = (value: string, ctx: z.RefinementCtx) => {
  if (/^(xox[a-z]|xapp)-/.test(value)) {
    ctx.addIssue({ code: "custom", message: MSG.signingSecretIsToken });
  } else if (!/^[0-9a-f]{16,}$/i.test(value)) {
    ctx.addIssue({ code: "custom", message: MSG.signingSecretMalformed });
  }
};
// HTTP mode (no App-Level Token) must verify request signatures, so there the Signing Secret is required.
const requiredSigningSecret = fromEnv(
  z.string({ error: MSG.signingSecretMissing }).superRefine(signingSecretChecks),
);
const optionalSigningSecret = fromEnv(z.string().superRefine(signingSecretChecks).optional());

const appToken = fromEnv(
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = tokenProblem(value, "xapp-");
      if (problem === undefined) return;
      let message: string = MSG.appTokenMalformed;
      if (problem === "prefix")
        message = value.startsWith("xoxb-") ? MSG.appTokenIsBotToken : MSG.appTokenBadPrefix;
      ctx.addIssue({ code: "custom", message });
    })
    .optional(),
);

const port = fromEnv(
  z
    .string()
    .refine((value) => /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535, {
      error: (issue) =>
        `must be a whole number from 1 to 65535 (the port the app's HTTP server listens on; default ${DEFAULT_PORT}), but it is ${shown(issue.input)}.`,
    })
    .transform(Number)
    .default(DEFAULT_PORT),
);

// @slack/web-api appends method names directly ("…/api/" + "chat.postMessage"), so a trailing slash is required.
const apiUrl = fromEnv(
  z
    .url({ protocol: /^https?$/, error: MSG.apiUrl })
    .transform((url) => (url.endsWith("/") ? url : `${url}/`))
    .optional(),
);

/** One of `values`, in any case; unset means `fallback`. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return fromEnv(
    z
      .string()
      .toLowerCase()
      .pipe(
        z.enum(values, {
          error: (issue) =>
            `must be one of ${values.join(", ")} (default ${fallback}), but it is ${shown(issue.input)}.`,
        }),
      )
      .default(fallback),
  );
}

const logLevel = oneOf(LOG_LEVELS, DEFAULT_LOG_LEVEL);
const nodeEnv = oneOf(NODE_ENVS, DEFAULT_NODE_ENV);

/** Every variable, in the order of `.env.example`, which is the order problems are reported in. */
const httpEnv = z.object({
  SLACK_BOT_TOKEN: botToken,
  SLACK_SIGNING_SECRET: requiredSigningSecret,
  SLACK_APP_TOKEN: appToken,
  PORT: port,
  SLACK_API_URL: apiUrl,
  LOG_LEVEL: logLevel,
  NODE_ENV: nodeEnv,
});
/** Socket Mode: the same, with the Signing Secret optional (same key, so the same place in the order). */
const socketEnv = httpEnv.extend({ SLACK_SIGNING_SECRET: optionalSigningSecret });
const playgroundEnv = z.object({ PORT: port, LOG_LEVEL: logLevel, NODE_ENV: nodeEnv });

/** Parses `env` with `schema`, or throws a ConfigError with one line per zod issue, in zod's order. */
function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.map(String).join(".")} ${issue.message}`),
  );
}

/**
 * Reads and validates the app's configuration from `env` (default `process.env`).
 * @throws ConfigError listing every problem found, one line each.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const socketMode = blankToUndefined(env.SLACK_APP_TOKEN) !== undefined;
  const vars = parse(socketMode ? socketEnv : httpEnv, env);

  const slack: Config["slack"] = { botToken: vars.SLACK_BOT_TOKEN };
  if (vars.SLACK_SIGNING_SECRET !== undefined) slack.signingSecret = vars.SLACK_SIGNING_SECRET;
  if (vars.SLACK_APP_TOKEN !== undefined) slack.appToken = vars.SLACK_APP_TOKEN;
  if (vars.SLACK_API_URL !== undefined) slack.apiUrl = vars.SLACK_API_URL;

  return {
    mode: socketMode ? "socket" : "http",
    slack,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    env: vars.NODE_ENV,
  };
}

/**
 * The playground's configuration from `env`: PORT, LOG_LEVEL and NODE_ENV, read and checked exactly as
 * `loadConfig` reads them; Slack's variables are not looked at.
 * @throws ConfigError listing every problem found, one line each.
 */
export function loadPlaygroundConfig(env: NodeJS.ProcessEnv = process.env): PlaygroundConfig {
  const vars = parse(playgroundEnv, env);
  return { port: vars.PORT, logLevel: vars.LOG_LEVEL, env: vars.NODE_ENV };
}

/**
 * True when SLACK_BOT_TOKEN is set to anything non-blank (valid or not), so `main.ts` can tell
 * "no credentials at all" (e.g. a fresh checkout, or an untouched copy of .env.example) from "broken credentials".
 */
export function hasSlackCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.SLACK_BOT_TOKEN ?? "").trim() !== "";
}

/**
 * The playground starts only with no Slack credentials and outside production: a production deployment
 * that lost its credentials stops with the configuration's problems instead of serving a stand-in.
 */
export function startsPlayground(env: NodeJS.ProcessEnv = process.env): boolean {
  return !hasSlackCredentials(env) && (env.NODE_ENV ?? "").trim().toLowerCase() !== "production";
}

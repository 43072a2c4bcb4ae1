/**
 * Environment variables → typed, validated configuration.
 *
 * `loadConfig` is pure: it reads only the `env` object it is given (it never calls dotenv; `main.ts` does).
 * Every problem is collected and reported together in one `ConfigError`, one line per problem in the order
 * of `.env.example`, each line naming the variable and where to find the right value. Secret values are
 * never echoed.
 */
import { z } from "zod";
import { type DatabaseUrl, DatabaseUrlError, parseDatabaseUrl } from "./storage/database-url.js";
import { ENCRYPTION_KEY_VARIABLE, parseEncryptionKey, TokenCryptoError } from "./storage/token-crypto.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const NODE_ENVS = ["production", "development", "test"] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export type AppMode = "socket" | "http";

export interface Config {
  /** "socket" when SLACK_APP_TOKEN is set, otherwise "http" (always "http" with many workspaces). */
  mode: AppMode;
  slack: {
    /** One workspace: its bot token. Absent with many workspaces (each installation brings its own). */
    botToken?: string;
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
  /** One workspace (SLACK_BOT_TOKEN) or many (OAuth); see "Many workspaces and the database" below. */
  installs: Installs;
  /** DATABASE_URL, parsed; unset means the default SQLite file. */
  database: DatabaseUrl;
  /**
   * SETTINGS_ADMINS (one workspace only): the Slack user ids who may change the workspace's settings in
   * App Home. With many workspaces, the person who installed the app in each workspace does.
   */
  settingsAdmins?: readonly string[];
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
  const many = wantsManyWorkspaces(env);
  const socketMode = !many && blankToUndefined(env.SLACK_APP_TOKEN) !== undefined;
  const problems: string[] = [];
  const vars = collect(many ? manyWorkspacesEnv : socketMode ? socketEnv : httpEnv, env, problems);
  const extra = collect(many ? manyWorkspacesExtraEnv : oneWorkspaceExtraEnv, env, problems);
  if (vars === undefined || extra === undefined) throw new ConfigError(problems);

  const slack: Config["slack"] = {};
  if (vars.SLACK_BOT_TOKEN !== undefined) slack.botToken = vars.SLACK_BOT_TOKEN;
  if (vars.SLACK_SIGNING_SECRET !== undefined) slack.signingSecret = vars.SLACK_SIGNING_SECRET;
  if (vars.SLACK_APP_TOKEN !== undefined) slack.appToken = vars.SLACK_APP_TOKEN;
  if (vars.SLACK_API_URL !== undefined) slack.apiUrl = vars.SLACK_API_URL;

  return {
    mode: socketMode ? "socket" : "http",
    slack,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    env: vars.NODE_ENV,
    installs: installsFrom(extra),
    database: extra.DATABASE_URL,
    ...(extra.SETTINGS_ADMINS ? { settingsAdmins: extra.SETTINGS_ADMINS } : {}),
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
 * True when SLACK_BOT_TOKEN, or any of the many-workspace variables (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
 * SLACK_STATE_SECRET), is set to anything non-blank (valid or not), so `main.ts` can tell "no credentials
 * at all" (e.g. a fresh checkout, or an untouched copy of .env.example) from "broken credentials".
 */
export function hasSlackCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.SLACK_BOT_TOKEN ?? "").trim() !== "" || wantsManyWorkspaces(env);
}

// ---------------------------------------------------------------------------------------------------------
// Many workspaces and the database
//
// One workspace: SLACK_BOT_TOKEN (+ SLACK_APP_TOKEN or SLACK_SIGNING_SECRET), as above.
// Many workspaces: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET and
// TOKEN_ENCRYPTION_KEY; HTTP mode only; each workspace's tokens come from its installation (OAuth), stored
// encrypted in the database. Setting any of the three OAuth variables asks for many workspaces, so a
// missing one is reported by name. DATABASE_URL applies to both.
// ---------------------------------------------------------------------------------------------------------

/** How the app gets its tokens: one workspace's bot token, or each workspace's installation (OAuth). */
export type Installs =
  | { kind: "one" }
  | {
      kind: "many";
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      /** TOKEN_ENCRYPTION_KEY: 32 bytes; installations are stored encrypted with it. */
      encryptionKey: Buffer;
    };

const OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** True when any of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET or SLACK_STATE_SECRET is set (non-blank). */
export function wantsManyWorkspaces(env: NodeJS.ProcessEnv): boolean {
  return OAUTH_VARIABLES.some((name) => blankToUndefined(env[name]) !== undefined);
}

const WHERE_CLIENT = `your app's Basic Information page → App Credentials at ${APPS_PAGE}`;
const MANY = "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET";

const MANY_MSG = {
  botTokenSet: `is set together with the many-workspace variables (${MANY}), where each workspace's bot token comes from its installation: leave SLACK_BOT_TOKEN unset to install in many workspaces, or unset ${MANY} to run in one workspace.`,
  appTokenSet:
    "is set, but installing in many workspaces works in HTTP mode only (Slack sends every workspace's requests to your request URL, and Socket Mode apps are not accepted in the Slack Marketplace): leave SLACK_APP_TOKEN unset and set SLACK_SIGNING_SECRET.",
  signingSecretMissing: `is missing, and installing in many workspaces needs it (HTTP mode checks every request's signature): ${WHERE_SIGNING_SECRET}.`,
  clientIdMissing: `is missing: copy the Client ID from ${WHERE_CLIENT}.`,
  clientIdMalformed: `does not look like a Client ID (two numbers joined by a dot, such as 1234567890.1234567890): copy it from ${WHERE_CLIENT}.`,
  clientSecretMissing: `is missing: copy the Client Secret from ${WHERE_CLIENT}.`,
  clientSecretMalformed: `does not look like a Client Secret (a string of hex characters, usually 32 long): copy it from ${WHERE_CLIENT}.`,
  stateSecretMissing:
    "is missing: it is a random string of your own (not from Slack) that signs the OAuth state, so an install cannot be forged; generate one with: openssl rand -hex 32.",
  stateSecretShort:
    "is too short: use at least 16 random characters (it signs the OAuth state); generate one with: openssl rand -hex 32.",
  encryptionKeyMissing: `is missing, and installing in many workspaces needs it: each workspace's tokens are stored encrypted with it. Generate one with: openssl rand -hex 32 (keep it safe: without it every workspace must install again).`,
} as const;

const mustBeUnset = (message: string) => fromEnv(z.undefined({ error: message }));

const clientId = fromEnv(
  z.string({ error: MANY_MSG.clientIdMissing }).regex(/^\d+\.\d+$/, { error: MANY_MSG.clientIdMalformed }),
);
const clientSecret = fromEnv(
  z
    .string({ error: MANY_MSG.clientSecretMissing })
    .regex(/^[0-9a-f]{16,}$/i, { error: MANY_MSG.clientSecretMalformed }),
);
const stateSecret = fromEnv(
  z.string({ error: MANY_MSG.stateSecretMissing }).min(16, { error: MANY_MSG.stateSecretShort }),
);
const encryptionKey = fromEnv(
  z.string({ error: MANY_MSG.encryptionKeyMissing }).transform((value, ctx) => {
    try {
      return parseEncryptionKey(value);
    } catch (err) {
      if (!(err instanceof TokenCryptoError)) throw err;
      // parseEncryptionKey's messages start with the variable's name, which the issue path adds.
      ctx.addIssue({ code: "custom", message: err.message.replace(`${ENCRYPTION_KEY_VARIABLE} `, "") });
      return z.NEVER;
    }
  }),
);

const databaseUrl = z
  .string()
  .optional()
  .transform((value, ctx) => {
    try {
      return parseDatabaseUrl(value);
    } catch (err) {
      if (!(err instanceof DatabaseUrlError)) throw err;
      // parseDatabaseUrl's messages name DATABASE_URL first, which the issue path adds.
      for (const line of err.message.split("\n")) {
        ctx.addIssue({ code: "custom", message: line.replace(/^DATABASE_URL /, "") });
      }
      return z.NEVER;
    }
  });

/** Many workspaces: the same variables as HTTP mode, without a bot token or an App-Level Token. */
const manyWorkspacesEnv = httpEnv.extend({
  SLACK_BOT_TOKEN: mustBeUnset(MANY_MSG.botTokenSet),
  SLACK_SIGNING_SECRET: fromEnv(
    z.string({ error: MANY_MSG.signingSecretMissing }).superRefine(signingSecretChecks),
  ),
  SLACK_APP_TOKEN: mustBeUnset(MANY_MSG.appTokenSet),
});
const SETTINGS_ADMINS_MSG = {
  malformed:
    "must be Slack user ids (U… or W…, as in a profile's ⋮ → Copy member ID) separated by commas, such as U0123ABCD,U0456EFGH.",
  many: "is for one workspace: with many workspaces, the person who installed the app in each workspace changes its settings in App Home. Leave it unset.",
} as const;

// Who may change the workspace's settings in App Home (one workspace: no installation says who installed it).
const userIds = (value: string) => value.split(/[\s,]+/).filter((id) => id !== "");
const settingsAdmins = fromEnv(
  z
    .string()
    .refine((value) => userIds(value).every((id) => /^[UW][A-Z0-9]{2,}$/.test(id)), {
      error: SETTINGS_ADMINS_MSG.malformed,
    })
    .transform(userIds)
    .optional(),
);

/** The variables after NODE_ENV in .env.example, for one workspace and for many. */
const oneWorkspaceExtraEnv = z.object({ DATABASE_URL: databaseUrl, SETTINGS_ADMINS: settingsAdmins });
const manyWorkspacesExtraEnv = oneWorkspaceExtraEnv.extend({
  SETTINGS_ADMINS: mustBeUnset(SETTINGS_ADMINS_MSG.many),
  SLACK_CLIENT_ID: clientId,
  SLACK_CLIENT_SECRET: clientSecret,
  SLACK_STATE_SECRET: stateSecret,
  TOKEN_ENCRYPTION_KEY: encryptionKey,
});

function installsFrom(
  extra: z.output<typeof oneWorkspaceExtraEnv> | z.output<typeof manyWorkspacesExtraEnv>,
): Installs {
  if (!("SLACK_CLIENT_ID" in extra)) return { kind: "one" };
  return {
    kind: "many",
    clientId: extra.SLACK_CLIENT_ID,
    clientSecret: extra.SLACK_CLIENT_SECRET,
    stateSecret: extra.SLACK_STATE_SECRET,
    encryptionKey: extra.TOKEN_ENCRYPTION_KEY,
  };
}

/** Like `parse`, but adds the problems to `problems` and returns undefined, so several parts report together. */
function collect<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv,
  problems: string[],
): z.output<T> | undefined {
  try {
    return parse(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

/**
 * The playground starts only with no Slack credentials and outside production: a production deployment
 * that lost its credentials stops with the configuration's problems instead of serving a stand-in.
 */
export function startsPlayground(env: NodeJS.ProcessEnv = process.env): boolean {
  return !hasSlackCredentials(env) && (env.NODE_ENV ?? "").trim().toLowerCase() !== "production";
}

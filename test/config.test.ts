import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, hasSlackCredentials, loadConfig, loadPlaygroundConfig } from "../src/config.js";

const BOT = "xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx";
const APP = "xapp-1-A07R3LF8WPQ-3333333333-0123456789abcdef0123456789abcdef";
const SECRET = "8f742231b10e8888abcd99eeeeee85a5";

/** Runs loadConfig and returns the ConfigError it throws (fails the test if it does not throw one). */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected loadConfig to throw a ConfigError");
}

describe("loadConfig: modes", () => {
  it("uses Socket Mode when SLACK_APP_TOKEN is set, without needing a signing secret", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config.mode).toBe("socket");
    expect(config.slack).toEqual({ botToken: BOT, appToken: APP });
  });

  it("uses HTTP mode when SLACK_APP_TOKEN is not set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(config.mode).toBe("http");
    expect(config.slack).toEqual({ botToken: BOT, signingSecret: SECRET });
  });

  it("treats an empty SLACK_APP_TOKEN (as in a copied .env.example) as unset", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: "" });
    expect(config.mode).toBe("http");
    expect(config.slack.appToken).toBeUndefined();
  });

  it("keeps the signing secret in Socket Mode when both are given", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET });
    expect(config.mode).toBe("socket");
    expect(config.slack.signingSecret).toBe(SECRET);
  });

  it("trims surrounding whitespace from pasted values", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: ` ${BOT}\n`, SLACK_APP_TOKEN: `${APP} ` });
    expect(config.slack.botToken).toBe(BOT);
    expect(config.slack.appToken).toBe(APP);
  });
});

describe("loadConfig: defaults and values", () => {
  it("applies the defaults", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe("info");
    expect(config.env).toBe("development");
    expect(config.slack.apiUrl).toBeUndefined();
  });

  it("reads PORT, LOG_LEVEL and NODE_ENV", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: "8080",
      LOG_LEVEL: "debug",
      NODE_ENV: "production",
    });
    expect(config).toMatchObject({ port: 8080, logLevel: "debug", env: "production" });
  });

  it("accepts LOG_LEVEL in any case", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, LOG_LEVEL: "WARN" }).logLevel).toBe(
      "warn",
    );
  });

  it("accepts the PORT bounds 1 and 65535", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "1" }).port).toBe(1);
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "65535" }).port).toBe(65535);
  });

  it("adds the trailing slash @slack/web-api needs to SLACK_API_URL", () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP };
    expect(loadConfig({ ...env, SLACK_API_URL: "http://localhost:4010/api" }).slack.apiUrl).toBe(
      "http://localhost:4010/api/",
    );
    expect(loadConfig({ ...env, SLACK_API_URL: "https://slack.com/api/" }).slack.apiUrl).toBe(
      "https://slack.com/api/",
    );
  });

  it("defaults to process.env", () => {
    // Whatever process.env holds, the call must either succeed or throw a ConfigError (never something else).
    try {
      loadConfig();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
  });
});

describe("loadConfig: problems", () => {
  const cases: Array<[string, NodeJS.ProcessEnv, string]> = [
    ["missing bot token", { SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    ["blank bot token", { SLACK_BOT_TOKEN: "   ", SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    [
      "bot token with the wrong prefix",
      { SLACK_BOT_TOKEN: "abc-123", SLACK_APP_TOKEN: APP },
      "SLACK_BOT_TOKEN",
    ],
    ["user token as bot token", { SLACK_BOT_TOKEN: "xoxp-1-2-3", SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    ["app token as bot token", { SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: APP }, "SLACK_BOT_TOKEN"],
    [
      "bot token with a space inside",
      { SLACK_BOT_TOKEN: "xoxb-12 34", SLACK_APP_TOKEN: APP },
      "SLACK_BOT_TOKEN",
    ],
    ["missing signing secret in HTTP mode", { SLACK_BOT_TOKEN: BOT }, "SLACK_SIGNING_SECRET"],
    [
      "non-hex signing secret",
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "kXq3ZpT9wR2mLb7VnJ4sYc8e" },
      "SLACK_SIGNING_SECRET",
    ],
    ["token as signing secret", { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: BOT }, "SLACK_SIGNING_SECRET"],
    [
      "app token with the wrong prefix",
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xapx-1" },
      "SLACK_APP_TOKEN",
    ],
    ["bot token as app token", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT }, "SLACK_APP_TOKEN"],
    ["PORT not a number", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "http" }, "PORT"],
    ["PORT 0", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "0" }, "PORT"],
    ["PORT too large", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "65536" }, "PORT"],
    ["PORT with decimals", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "3000.5" }, "PORT"],
    ["PORT negative", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: "-1" }, "PORT"],
    [
      "SLACK_API_URL not a URL",
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: "slack" },
      "SLACK_API_URL",
    ],
    [
      "SLACK_API_URL not http(s)",
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: "ftp://example.com/api/" },
      "SLACK_API_URL",
    ],
    ["unknown LOG_LEVEL", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, LOG_LEVEL: "verbose" }, "LOG_LEVEL"],
    ["unknown NODE_ENV", { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, NODE_ENV: "prod" }, "NODE_ENV"],
  ];

  it.each(cases)("%s gives one line naming the variable", (_name, env, variable) => {
    const error = configError(env);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toBe(error.problems[0]);
    expect(error.message).not.toContain("\n");
  });

  it("says where to find each Slack credential in the app's settings", () => {
    expect(configError({ SLACK_APP_TOKEN: APP }).message).toMatch(
      /OAuth & Permissions.*https:\/\/api\.slack\.com\/apps/,
    );
    expect(configError({ SLACK_BOT_TOKEN: BOT }).message).toMatch(/Basic Information.*App Credentials/);
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "nope" }).message).toMatch(
      /Basic Information.*App-Level Tokens.*connections:write/,
    );
  });

  it("reports every problem together, one line each, in .env.example order", () => {
    const error = configError({
      SLACK_BOT_TOKEN: "xoxp-1-2-3",
      PORT: "99999",
      SLACK_API_URL: "not a url",
      LOG_LEVEL: "loud",
      NODE_ENV: "staging",
    });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "PORT",
      "SLACK_API_URL",
      "LOG_LEVEL",
      "NODE_ENV",
    ]);
    expect(error.message.split("\n")).toEqual(error.problems);
    expect(error.name).toBe("ConfigError");
  });

  it("reports a missing bot token and a missing signing secret together", () => {
    const error = configError({});
    expect(error.problems).toHaveLength(2);
    expect(error.message).toContain("SLACK_BOT_TOKEN is missing");
    expect(error.message).toContain("SLACK_SIGNING_SECRET is missing");
  });

  it("never puts a secret's value in a message", () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxp-9999-SECRETUSERTOKENVALUE",
      SLACK_SIGNING_SECRET: "NOT-HEX-SECRET-VALUE-123",
      SLACK_APP_TOKEN: "xoxb-8888-SECRETBOTTOKENVALUE",
    };
    const error = configError({ ...secrets, PORT: "nope" });
    // Socket Mode (SLACK_APP_TOKEN is set), where the Signing Secret is optional: still .env.example order.
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "PORT",
    ]);
    for (const value of Object.values(secrets)) {
      expect(error.message).not.toContain(value);
      expect(error.message).not.toContain(value.slice(5));
    }
    const malformed = configError({
      SLACK_BOT_TOKEN: "xoxb-SECRET VALUE",
      SLACK_APP_TOKEN: "xapp-OTHER SECRET",
    });
    expect(malformed.message).not.toContain("SECRET");
  });
});

describe("loadPlaygroundConfig", () => {
  it("reads PORT, LOG_LEVEL and NODE_ENV as loadConfig does, with the same defaults", () => {
    expect(loadPlaygroundConfig({})).toEqual({ port: 3000, logLevel: "info", env: "development" });
    expect(loadPlaygroundConfig({ PORT: " 8080 ", LOG_LEVEL: "Debug", NODE_ENV: "production" })).toEqual({
      port: 8080,
      logLevel: "debug",
      env: "production",
    });
  });

  it("ignores Slack's variables, even broken ones", () => {
    expect(loadPlaygroundConfig({ SLACK_SIGNING_SECRET: "nope", SLACK_APP_TOKEN: "nope" }).port).toBe(3000);
  });

  it("reports the same problems as loadConfig, one line each", () => {
    const env = { PORT: "65536", LOG_LEVEL: "loud" };
    let error: unknown;
    try {
      loadPlaygroundConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual(configError({ ...env, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).problems);
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["PORT", "LOG_LEVEL"]);
    expect(problems[1]).toContain('"loud"');
  });
});

describe("hasSlackCredentials", () => {
  it("is false when SLACK_BOT_TOKEN is unset or blank", () => {
    expect(hasSlackCredentials({})).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: "" })).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: "  " })).toBe(false);
  });

  it("is true when SLACK_BOT_TOKEN is set, even to a broken value", () => {
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: BOT })).toBe(true);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: "broken" })).toBe(true);
  });
});

describe("loadConfig: DATABASE_URL", () => {
  it("defaults to the SQLite file under var/, and reads sqlite: and postgres:// URLs", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).database).toEqual({
      kind: "sqlite",
      file: "./var/flask-or-django.sqlite",
    });
    expect(
      loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, DATABASE_URL: "sqlite::memory:" }).database,
    ).toEqual({ kind: "sqlite", file: ":memory:" });
    const url = "postgres://app:pw@db.internal:5432/fod";
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, DATABASE_URL: url }).database).toEqual({
      kind: "postgres",
      url,
    });
  });

  it("reports a bad DATABASE_URL with the others, after NODE_ENV, never echoing a password", () => {
    const error = configError({ SLACK_BOT_TOKEN: BOT, PORT: "0", DATABASE_URL: "mysql://root:hunter2@db/x" });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual([
      "SLACK_SIGNING_SECRET",
      "PORT",
      "DATABASE_URL",
    ]);
    expect(error.problems[2]).toMatch(/^DATABASE_URL uses "mysql:", which is not supported/);
    expect(error.message).not.toContain("hunter2");
  });
});

describe("loadConfig: many workspaces (OAuth)", () => {
  const CLIENT_ID = "7830312345678.7830398765432";
  const CLIENT_SECRET = "3c9a0e1f7b2d4c6e8a0b1c2d3e4f5a6b";
  const STATE_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  const KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  const many = {
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_SIGNING_SECRET: SECRET,
    TOKEN_ENCRYPTION_KEY: KEY_HEX,
  };

  it("reads the OAuth variables and the key; HTTP mode, no bot token", () => {
    const config = loadConfig(many);
    expect(config.mode).toBe("http");
    expect(config.slack).toEqual({ signingSecret: SECRET });
    expect(config.installs).toEqual({
      kind: "many",
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      stateSecret: STATE_SECRET,
      encryptionKey: Buffer.from(KEY_HEX, "hex"),
    });
  });

  it("takes the key as base64 too", () => {
    const key = Buffer.alloc(32, 5);
    const config = loadConfig({ ...many, TOKEN_ENCRYPTION_KEY: key.toString("base64") });
    expect(config.installs.kind === "many" && config.installs.encryptionKey.equals(key)).toBe(true);
  });

  it("one workspace when none of the OAuth variables is set", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }).installs).toEqual({
      kind: "one",
    });
  });

  it("refuses to start without TOKEN_ENCRYPTION_KEY, saying how to make one", () => {
    const error = configError({ ...many, TOKEN_ENCRYPTION_KEY: "" });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/^TOKEN_ENCRYPTION_KEY is missing, .*openssl rand -hex 32/);
  });

  it("rejects a key that is not 32 bytes, without echoing it", () => {
    const error = configError({ ...many, TOKEN_ENCRYPTION_KEY: "abcdef0123456789" });
    expect(error.message).toMatch(/^TOKEN_ENCRYPTION_KEY looks like hex but has 16 characters/);
    expect(error.message).not.toContain("abcdef0123456789");
  });

  it("any one OAuth variable asks for many workspaces, and the missing ones are named in .env.example order", () => {
    const error = configError({ SLACK_CLIENT_SECRET: CLIENT_SECRET });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual([
      "SLACK_SIGNING_SECRET",
      "SLACK_CLIENT_ID",
      "SLACK_STATE_SECRET",
      "TOKEN_ENCRYPTION_KEY",
    ]);
    expect(error.message).toContain("Client ID from your app's Basic Information page");
  });

  it("names the conflict when SLACK_BOT_TOKEN or SLACK_APP_TOKEN is also set (many workspaces is HTTP only)", () => {
    const error = configError({ ...many, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual(["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"]);
    expect(error.problems[0]).toContain("leave SLACK_BOT_TOKEN unset to install in many workspaces");
    expect(error.problems[1]).toContain("HTTP mode only");
    expect(error.message).not.toContain(BOT);
  });

  it("checks the shapes of the client id, client secret and state secret, never echoing a secret", () => {
    const error = configError({
      ...many,
      SLACK_CLIENT_ID: "my-app",
      SLACK_CLIENT_SECRET: "not hex at all",
      SLACK_STATE_SECRET: "short",
    });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual([
      "SLACK_CLIENT_ID",
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
    ]);
    expect(error.message).not.toContain("not hex at all");
    expect(error.message).not.toContain('"short"');
  });

  it("counts as Slack credentials for main.ts (not the playground)", () => {
    expect(hasSlackCredentials({ SLACK_CLIENT_ID: CLIENT_ID })).toBe(true);
    expect(hasSlackCredentials({ SLACK_STATE_SECRET: " " })).toBe(false);
  });
});

describe(".env.example", () => {
  it("documents every variable, in the order problems are reported", () => {
    const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const names = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_APP_TOKEN",
      "PORT",
      "SLACK_API_URL",
      "LOG_LEVEL",
      "NODE_ENV",
      "DATABASE_URL",
      "SETTINGS_ADMINS",
      "SLACK_CLIENT_ID",
      "SLACK_CLIENT_SECRET",
      "SLACK_STATE_SECRET",
      "TOKEN_ENCRYPTION_KEY",
    ]);
    // Every problem, many workspaces: the same order.
    const error = configError({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      PORT: "0",
      SLACK_API_URL: "nope",
      LOG_LEVEL: "loud",
      NODE_ENV: "staging",
      DATABASE_URL: "mongodb://x",
      SETTINGS_ADMINS: "U0123ABCD",
      SLACK_CLIENT_ID: "x",
      SLACK_CLIENT_SECRET: "x",
      SLACK_STATE_SECRET: "x",
      TOKEN_ENCRYPTION_KEY: "x",
    });
    expect(error.problems.map((p) => p.split(" ")[0])).toEqual(names);
  });
});

describe("loadConfig: SETTINGS_ADMINS", () => {
  it("reads the user ids who may change the workspace's settings (one workspace)", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_APP_TOKEN: APP,
      SETTINGS_ADMINS: " U0123ABCD, W0456EFGH U0789 ",
    });
    expect(config.settingsAdmins).toEqual(["U0123ABCD", "W0456EFGH", "U0789"]);
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).settingsAdmins).toBeUndefined();
  });

  it("names the variable when it holds something else than user ids", () => {
    const error = configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SETTINGS_ADMINS: "@ann, U0123" });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^SETTINGS_ADMINS must be Slack user ids/);
  });

  it("is refused with many workspaces, where each workspace's installer changes its settings", () => {
    const error = configError({
      SLACK_CLIENT_ID: "7830312345678.7830398765432",
      SLACK_CLIENT_SECRET: "3c9a0e1f7b2d4c6e8a0b1c2d3e4f5a6b",
      SLACK_STATE_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      SLACK_SIGNING_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEY: "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
      SETTINGS_ADMINS: "U0123ABCD",
    });
    expect(error.problems).toEqual([expect.stringMatching(/^SETTINGS_ADMINS is for one workspace/)]);
  });
});

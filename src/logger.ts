/**
 * pino logging: JSON lines in production and test, readable lines (pino-pretty, as an in-process stream) in
 * development; token-like fields are redacted. `toBoltLogger` adapts a pino logger to Bolt's `Logger` interface.
 */
import { createRequire } from "node:module";
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import pino, { type DestinationStream, type Level, type Logger as PinoLogger } from "pino";
import type PinoPretty from "pino-pretty";
import type { LogLevelName, NodeEnv } from "./config.js";

export interface CreateLoggerOptions {
  level: LogLevelName;
  env: NodeEnv;
  /** Where lines go (default: stdout). In development the lines are prettified before reaching it. */
  destination?: DestinationStream;
}

/** Field names that can hold a credential; each is redacted at the top level and one or two levels down. */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  "token",
  "botToken",
  "appToken",
  "userToken",
  "signingSecret",
  "clientSecret",
  "client_secret",
  "refreshToken",
  "refresh_token",
  "access_token",
  "stateSecret",
  "authorization",
  "Authorization",
]);

export const REDACTED = "[REDACTED]";

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => value !== null && typeof value === "object";

/**
 * A copy of `value` to censor: an error keeps its class, message and stack, so it still logs as one;
 * its properties become plain writable values (a read-only or getter-only secret can be replaced).
 */
function copyOf(value: Fields): Fields {
  if (!(value instanceof Error)) return { ...value };
  const copy = Object.create(Object.getPrototypeOf(value) as object) as Fields;
  for (const [key, { enumerable }] of Object.entries(Object.getOwnPropertyDescriptors(value)))
    Object.defineProperty(copy, key, { value: value[key], enumerable, writable: true, configurable: true });
  return copy;
}

/** The keys pino would print: for an error, inherited enumerable ones too (its serializer uses for…in). */
function keysOf(value: Fields): string[] {
  if (!(value instanceof Error)) return Object.keys(value);
  const keys: string[] = [];
  for (const key in value) keys.push(key);
  return keys;
}

/** Sets `key` on a copy, even where the original's property was read-only or only a getter. */
function put(copy: Fields, key: string, value: unknown): void {
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `value` with its secret keys censored down to `depth` levels (an array's items are one level down,
 * as fast-redact's wildcards counted them); the same object when it holds none.
 */
function censored(value: unknown, depth: number): unknown {
  if (depth <= 0 || !isObject(value) || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = censored(item, depth - 1);
      if (next !== item) {
        items ??= [...value];
        items[i] = next;
      }
    });
    return items ?? value;
  }
  let copy: Fields | undefined;
  for (const key of keysOf(value)) {
    const inner = value[key];
    const next = SECRET_KEYS.has(key) ? REDACTED : censored(inner, depth - 1);
    if (next !== inner) {
      copy ??= copyOf(value);
      put(copy, key, next);
    }
  }
  return copy ?? value;
}

/**
 * One and two levels down (`slack.botToken`, `data.headers.authorization`, `data[1].token`), for log
 * lines (pino's `formatters.log`) and child loggers' bindings. pino's own redaction handles the top
 * level: its wildcard paths ("*.token") cost about 13 µs for every child logger and 15 µs for every
 * line, most of a request's logging, where this costs under 1 µs.
 */
function redactNested(fields: Fields): Fields {
  let copy: Fields | undefined;
  for (const key of Object.keys(fields)) {
    const inner = fields[key];
    const next = censored(inner, 2);
    if (next !== inner) {
      copy ??= { ...fields };
      copy[key] = next;
    }
  }
  return copy ?? fields;
}

/**
 * pino runs `formatters.log` on each line's object but not on a child's bindings (children reset the
 * bindings formatter), so the root's `child` and `setBindings` censor them first; children inherit both.
 */
function redactingBindings(logger: PinoLogger): PinoLogger {
  const { child, setBindings } = logger;
  type Child = (this: PinoLogger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => PinoLogger;
  logger.child = function (this: PinoLogger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    return (child as unknown as Child).call(this, redactNested(bindings), options);
  } as unknown as PinoLogger["child"];
  logger.setBindings = function (this: PinoLogger, bindings: pino.Bindings) {
    setBindings.call(this, redactNested(bindings));
  };
  return logger;
}

const require = createRequire(import.meta.url);

/**
 * pino-pretty is a dev dependency, so it is loaded lazily and only in development; when it is not installed
 * (e.g. a production install without dev dependencies) the logger falls back to JSON lines.
 */
function loadPretty(): typeof PinoPretty | undefined {
  try {
    return require("pino-pretty") as typeof PinoPretty;
  } catch {
    return undefined;
  }
}

export function createLogger({ level, env, destination }: CreateLoggerOptions): PinoLogger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: [...SECRET_KEYS], censor: REDACTED },
    formatters: { log: redactNested },
  };
  if (env === "development") {
    const pretty = loadPretty();
    if (pretty !== undefined) {
      const stream = pretty({
        colorize: destination === undefined && process.stdout.isTTY === true,
        translateTime: "SYS:HH:MM:ss.l",
        ignore: "pid,hostname",
        destination: destination ?? 1,
        sync: true,
      });
      return redactingBindings(pino(options, stream));
    }
  }
  return redactingBindings(destination === undefined ? pino(options) : pino(options, destination));
}

const BOLT_TO_PINO: Record<LogLevel, Level> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

/** Maps a pino level to the closest Bolt level (trace → debug; fatal and silent → error). */
export function toBoltLogLevel(level: string): LogLevel {
  switch (level) {
    case "trace":
    case "debug":
      return LogLevel.DEBUG;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/**
 * Secrets inside text that Bolt and its Web API client log as strings, which pino's key-based redaction
 * cannot see: Slack tokens (xoxb-, xoxp-, xoxe- refresh tokens, rotated xoxe.xoxb-, xapp-) wherever they
 * appear, and the value after a secret's name (the OAuth exchange's request body carries client_secret).
 */
const SECRETS_IN_TEXT: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:xox[a-z](?:\.xox[a-z])?|xapp)-[^\s"'&,;}\]]+/g, REDACTED],
  [
    /((?:client_secret|clientSecret|refresh_token|refreshToken|access_token|signing_secret|state_secret)["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/g,
    `$1${REDACTED}`,
  ],
];

/** A log message with any token or named secret in it replaced by [REDACTED]. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRETS_IN_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/** Turns Bolt-style `(...msg)` arguments into pino's `(object, message)`, with secrets scrubbed from text. */
function toPinoArgs(args: readonly unknown[]): [Record<string, unknown>, string | undefined] {
  const obj: Record<string, unknown> = {};
  const text: string[] = [];
  const data: unknown[] = [];
  for (const arg of args) {
    if (arg instanceof Error && obj.err === undefined) obj.err = arg;
    else if (typeof arg === "string") text.push(scrubSecrets(arg));
    else if (arg !== null && typeof arg === "object") data.push(arg);
    else text.push(String(arg));
  }
  if (data.length === 1) obj.data = data[0];
  else if (data.length > 1) obj.data = data;
  let msg: string | undefined = text.join(" ");
  if (msg === "") msg = obj.err instanceof Error ? obj.err.message : undefined;
  return [obj, msg];
}

/**
 * Adapts a pino logger to Bolt's `Logger`. The adapter logs through its own child of `base`, so Bolt's
 * `setLevel`/`setName` calls (Bolt and @slack/web-api make them) never change `base` itself.
 */
export function toBoltLogger(base: PinoLogger): BoltLogger {
  let current = base.child({});

  const log = (level: Level, args: unknown[]) => {
    // Bolt and the Web API client log at debug on every request: skip the work when it is filtered out.
    if (!current.isLevelEnabled(level)) return;
    const [obj, msg] = toPinoArgs(args);
    if (msg === undefined) current[level](obj);
    else current[level](obj, msg);
  };

  return {
    debug: (...msg: unknown[]) => log("debug", msg),
    info: (...msg: unknown[]) => log("info", msg),
    warn: (...msg: unknown[]) => log("warn", msg),
    error: (...msg: unknown[]) => log("error", msg),
    setLevel(level: LogLevel) {
      // Bolt documents the level as case-insensitive; unknown values fall back to info.
      current.level = BOLT_TO_PINO[String(level).toLowerCase() as LogLevel] ?? "info";
    },
    getLevel(): LogLevel {
      return toBoltLogLevel(current.level);
    },
    setName(name: string) {
      const level = current.level;
      current = base.child({ name });
      current.level = level;
    },
  };
}

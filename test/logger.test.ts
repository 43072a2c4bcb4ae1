import { Writable } from "node:stream";
import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { LogLevelName } from "../src/config.js";
import { createLogger, REDACTED, toBoltLogger } from "../src/logger.js";

interface Line {
  level: number;
  msg?: string;
  name?: string;
  err?: { type: string; message: string; stack: string };
  [key: string]: unknown;
}

/** A destination stream that collects the JSON lines pino writes. */
function collector() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const lines = (): Line[] =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Line);
  return { stream, lines };
}

function jsonLogger(level: LogLevelName = "debug") {
  const out = collector();
  const logger = createLogger({ level, env: "test", destination: out.stream });
  return { logger, lines: out.lines };
}

describe("createLogger", () => {
  it("writes JSON lines in test and production", () => {
    for (const env of ["test", "production"] as const) {
      const out = collector();
      createLogger({ level: "info", env, destination: out.stream }).info({ n: 1 }, "hello");
      expect(out.lines()).toEqual([expect.objectContaining({ level: 30, n: 1, msg: "hello" })]);
    }
  });

  it("writes readable (non-JSON) lines in development", () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
    createLogger({ level: "info", env: "development", destination: stream }).info("hello there");
    const text = chunks.join("");
    expect(text).toContain("INFO");
    expect(text).toContain("hello there");
    expect(() => JSON.parse(text)).toThrow();
  });

  it("honours the level", () => {
    const { logger, lines } = jsonLogger("warn");
    logger.info("dropped");
    logger.warn("kept");
    expect(lines().map((l) => l.msg)).toEqual(["kept"]);
  });

  it("redacts tokens and secrets in logged objects", () => {
    const { logger, lines } = jsonLogger();
    logger.info(
      {
        token: "xoxb-top-level",
        botToken: "xoxb-bot",
        slack: { botToken: "xoxb-nested", appToken: "xapp-nested", signingSecret: "abc123" },
        config: { slack: { botToken: "xoxb-deeper" } },
        headers: { authorization: "Bearer xoxb-header" },
        body: { token: "verification-token" },
        keep: "visible",
      },
      "with secrets",
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    expect(text).not.toMatch(/xoxb-|xapp-|abc123|verification-token/);
    expect(line).toMatchObject({
      token: REDACTED,
      botToken: REDACTED,
      slack: { botToken: REDACTED, appToken: REDACTED, signingSecret: REDACTED },
      config: { slack: { botToken: REDACTED } },
      headers: { authorization: REDACTED },
      body: { token: REDACTED },
      keep: "visible",
    });
  });

  it("redacts a secret an error carries, and still logs it as an error", () => {
    const { logger, lines } = jsonLogger();
    const err = Object.assign(new Error("refused"), { data: { ok: false, token: "xoxb-in-error" } });
    logger.error({ err }, "call failed");
    const [line] = lines();
    expect(JSON.stringify(line)).not.toContain("xoxb-");
    expect(line?.err).toMatchObject({
      type: "Error",
      message: "refused",
      data: { ok: false, token: REDACTED },
    });
    expect(line?.err?.stack).toContain("Error: refused");
    // The object logged is left as it was.
    expect(err.data.token).toBe("xoxb-in-error");
  });

  it("redacts secrets bound to a child logger below the top level, and in a grandchild's", () => {
    const { logger, lines } = jsonLogger();
    const child = logger.child({ slack: { botToken: "xoxb-bound" } });
    child.child({ req: { headers: { authorization: "Bearer xoxb-grand" } } }).info("x");
    child.setBindings({ later: { token: "xoxb-later" } });
    child.info("y");
    const text = JSON.stringify(lines());
    expect(text).not.toContain("xoxb-");
    expect(lines()[0]).toMatchObject({
      slack: { botToken: REDACTED },
      req: { headers: { authorization: REDACTED } },
    });
    expect(lines()[1]).toMatchObject({ later: { token: REDACTED } });
  });

  it("redacts secrets in arrays, as the Bolt adapter logs several objects", () => {
    const { logger, lines } = jsonLogger();
    logger.info({ data: [{ token: "xoxb-in-array" }, { keep: 1 }] }, "array");
    toBoltLogger(logger).warn("two objects", { token: "xoxb-first" }, { refresh_token: "xoxb-second" });
    const text = JSON.stringify(lines());
    expect(text).not.toContain("xoxb-");
    expect(lines()[0]).toMatchObject({ data: [{ token: REDACTED }, { keep: 1 }] });
  });

  it("redacts, without throwing, an error's read-only, getter-only and inherited secrets", () => {
    const { logger, lines } = jsonLogger();
    class TokenError extends Error {}
    Object.defineProperty(TokenError.prototype, "token", { value: "xoxb-inherited", enumerable: true });
    const err = new TokenError("boom");
    Object.defineProperty(err, "data", { value: { token: "xoxb-readonly" }, enumerable: true });
    Object.defineProperty(err, "access_token", { get: () => "xoxb-getter", enumerable: true });
    expect(() => logger.error({ err }, "failed")).not.toThrow();
    const [line] = lines();
    expect(JSON.stringify(line)).not.toContain("xoxb-");
    expect(line?.err).toMatchObject({ message: "boom", token: REDACTED, access_token: REDACTED });
  });

  it("redacts a secret bound to a child logger, and leaves three levels down alone", () => {
    const { logger, lines } = jsonLogger();
    logger.child({ token: "xoxb-bound", team: "T1" }).info({ a: { b: { c: { token: "deep" } } } }, "x");
    const [line] = lines();
    expect(line).toMatchObject({ token: REDACTED, team: "T1", a: { b: { c: { token: "deep" } } } });
  });
});

describe("toBoltLogger", () => {
  it("puts an Error under err and the text in msg, as Bolt logs unhandled errors", () => {
    const { logger, lines } = jsonLogger();
    const bolt = toBoltLogger(logger);
    const err = new Error("boom");
    bolt.error("An unhandled error occurred while Bolt processed (type: x, error: Error: boom)", err);
    const [line] = lines();
    expect(line?.level).toBe(50);
    expect(line?.msg).toBe("An unhandled error occurred while Bolt processed (type: x, error: Error: boom)");
    expect(line?.err).toMatchObject({ type: "Error", message: "boom" });
    expect(line?.err?.stack).toContain("Error: boom");
  });

  it("joins string parts into the message and keeps objects as data", () => {
    const { logger, lines } = jsonLogger();
    const bolt = toBoltLogger(logger);
    bolt.info("socket", "connected", 2, { retries: 1 });
    bolt.warn(new Error("only an error"));
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 30, msg: "socket connected 2", data: { retries: 1 } });
    expect(second).toMatchObject({ level: 40, msg: "only an error", err: { message: "only an error" } });
  });

  it("maps each Bolt method to the matching pino level", () => {
    const { logger, lines } = jsonLogger("trace");
    const bolt = toBoltLogger(logger);
    bolt.debug("d");
    bolt.info("i");
    bolt.warn("w");
    bolt.error("e");
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [20, "d"],
      [30, "i"],
      [40, "w"],
      [50, "e"],
    ]);
  });

  it("round-trips setLevel/getLevel and filters by it", () => {
    const { logger, lines } = jsonLogger("info");
    const bolt = toBoltLogger(logger);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    for (const level of [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR]) {
      bolt.setLevel(level);
      expect(bolt.getLevel()).toBe(level);
    }
    bolt.warn("hidden at error level");
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug("shown at debug level");
    expect(lines().map((l) => l.msg)).toEqual(["shown at debug level"]);
  });

  it("does not change the wrapped logger's level", () => {
    const { logger } = jsonLogger("info");
    toBoltLogger(logger).setLevel(LogLevel.ERROR);
    expect(logger.level).toBe("info");
  });

  it("reports pino's trace and fatal as Bolt's debug and error", () => {
    expect(toBoltLogger(jsonLogger("trace").logger).getLevel()).toBe(LogLevel.DEBUG);
    expect(toBoltLogger(jsonLogger("fatal").logger).getLevel()).toBe(LogLevel.ERROR);
  });

  it("adds the name given to setName to later lines, keeping the level", () => {
    const { logger, lines } = jsonLogger("info");
    const bolt = toBoltLogger(logger);
    bolt.info("before");
    bolt.setLevel(LogLevel.WARN);
    bolt.setName("bolt-app");
    bolt.info("dropped");
    bolt.warn("after");
    bolt.setName("web-api:WebClient:0");
    bolt.error("renamed");
    expect(lines().map((l) => [l.name, l.msg])).toEqual([
      [undefined, "before"],
      ["bolt-app", "after"],
      ["web-api:WebClient:0", "renamed"],
    ]);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
  });

  it("redacts tokens in objects passed through the adapter", () => {
    const { logger, lines } = jsonLogger();
    toBoltLogger(logger).debug("request", {
      token: "xoxb-secret",
      headers: { authorization: "Bearer xoxb-x" },
    });
    const text = JSON.stringify(lines());
    expect(text).not.toContain("xoxb-");
    expect(lines()[0]).toMatchObject({ data: { token: REDACTED, headers: { authorization: REDACTED } } });
  });

  it("scrubs tokens and named secrets out of the text Bolt and the Web API client log as strings", () => {
    const { logger, lines } = jsonLogger();
    const bolt = toBoltLogger(logger);
    // What @slack/web-api logs at debug for the OAuth exchange and a token refresh.
    bolt.debug(
      'http request body: {"code":"123.456","client_id":"1.2","client_secret":"3c9a0e1f7b2d4c6e8a0b"}',
    );
    bolt.debug("refresh_token=xoxe-1-My0xLTEyMzQ&grant_type=refresh_token");
    bolt.info("rotated to xoxe.xoxb-1-MTIzNDU2, app token xapp-1-A0-123-abc, user xoxp-9-9-9");
    const text = JSON.stringify(lines());
    for (const secret of ["3c9a0e1f7b2d4c6e8a0b", "xoxe-1-My0xLTEyMzQ", "xoxe.xoxb", "xapp-1", "xoxp-9"]) {
      expect(text).not.toContain(secret);
    }
    expect(lines().map((l) => l.msg)).toEqual([
      `http request body: {"code":"123.456","client_id":"1.2","client_secret":"${REDACTED}"}`,
      `refresh_token=${REDACTED}&grant_type=refresh_token`,
      `rotated to ${REDACTED}, app token ${REDACTED}, user ${REDACTED}`,
    ]);
  });
});

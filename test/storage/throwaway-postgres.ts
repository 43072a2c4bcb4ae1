/**
 * A throwaway PostgreSQL cluster from Debian's server binaries (/usr/lib/postgresql/<version>/bin, or
 * PG_BIN_DIR): a temporary directory, 127.0.0.1 only, a free port, a random password; `stop()` stops it
 * and deletes the directory (so does the process exiting). PostgreSQL refuses to run as root, so as root
 * the binaries run as the `postgres` user (runuser) on a directory that user owns.
 *
 * Used by the storage tests' globalSetup (postgres-setup.ts) and by `npm run bench`.
 */
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

const INSTALL_HINT =
  "install Debian's PostgreSQL server (apt-get install -y --no-install-recommends postgresql), set PG_BIN_DIR to a folder holding initdb and pg_ctl, or set TEST_DATABASE_URL to a PostgreSQL server the tests may create databases on";

/** The newest /usr/lib/postgresql/<version>/bin that has initdb and pg_ctl (or PG_BIN_DIR). */
export function findBinaries(): string {
  const has = (dir: string) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"));
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (has(fromEnv)) return fromEnv;
    throw new Error(
      `PostgreSQL is needed (the storage tests and the storage benchmark use it): PG_BIN_DIR=${fromEnv} has no initdb and pg_ctl; ${INSTALL_HINT}.`,
    );
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && has(join(root, v, "bin")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      `PostgreSQL is needed (the storage tests and the storage benchmark use it), and its server binaries (initdb, pg_ctl) are not in ${root}/*/bin: ${INSTALL_HINT}.`,
    );
  }
  return join(root, newest, "bin");
}

interface RunAs {
  /** Prefix for every server command: [] or ["runuser", "-u", "postgres", "--"]. */
  prefix: string[];
  uid: number;
  gid: number;
}

/** As root, everything runs as `postgres`; otherwise as the current user. */
function runAs(): RunAs {
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) return { prefix: [], uid, gid: process.getgid?.() ?? -1 };
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { prefix: ["runuser", "-u", "postgres", "--"], uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(
      `Running as root, and PostgreSQL refuses to run as root; there is no "postgres" user to run it as (Debian's postgresql package creates one): ${INSTALL_HINT}.`,
    );
  }
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function checkConnection(url: string, what: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    throw new Error(`Cannot reach ${what}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ThrowawayPostgres {
  /** postgres://postgres:…@127.0.0.1:PORT/postgres (a superuser). */
  url: string;
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  /** fsync and synchronous commit on, as a real server would run (default off: faster tests). */
  durable?: boolean;
}

/** Starts a cluster; throws with what to install when the binaries are missing. */
export async function startThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const bin = findBinaries();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), "flask-or-django-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const password = randomBytes(18).toString("hex");
  if (user.prefix.length > 0) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);

  // The server binaries run in `dir`: as `postgres`, the project folder may not be readable.
  const argv = (command: string, args: string[]) =>
    [...user.prefix, join(bin, command), ...args] as [string, ...string[]];
  const server = (command: string, args: string[]) => {
    const [file, ...rest] = argv(command, args);
    return run(file, rest, { cwd: dir, encoding: "utf8" });
  };
  const logTail = () => {
    try {
      return readFileSync(log, "utf8").trim().split("\n").slice(-15).join("\n");
    } catch {
      return "(no server log)";
    }
  };

  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      await server("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]).catch(() => {});
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the run dies without teardown (an uncaught error, a signal vitest turns into exit), stop anyway.
  const onExit = () => {
    if (!started) return;
    try {
      const [file, ...rest] = argv("pg_ctl", ["stop", "-D", data, "-m", "immediate"]);
      execFileSync(file, rest, { cwd: dir, stdio: "ignore" });
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);

  try {
    const pwfile = join(dir, "pwfile");
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (user.prefix.length > 0) chownSync(pwfile, user.uid, user.gid);
    await server("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    rmSync(pwfile);

    // Loopback only; the Unix socket stays in `dir`. Tests need no durability, so no fsync by default.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        "-c listen_addresses=127.0.0.1",
        `-c unix_socket_directories=${dir}`,
        "-c max_connections=300",
        ...(options.durable === true
          ? []
          : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
      ].join(" ");
      // Counted as started from here on, so a start that timed out is still stopped.
      started = true;
      try {
        await server("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "30", "-o", serverOptions]);
        break;
      } catch (err) {
        // Another process may have taken the port between the check and the start: try another.
        if (attempt >= 3) {
          throw new Error(`PostgreSQL did not start: ${(err as Error).message.trim()}\n${logTail()}`);
        }
      }
    }
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    await checkConnection(url, `the throwaway PostgreSQL on 127.0.0.1:${port}`);
    return {
      url,
      stop: async () => {
        process.removeListener("exit", onExit);
        await stop();
      },
    };
  } catch (err) {
    await stop();
    process.removeListener("exit", onExit);
    throw err;
  }
}

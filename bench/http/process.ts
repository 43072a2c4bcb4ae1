import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** Starting the apps under test in their own processes, and reading their memory. */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Running {
  name: string;
  child: ChildProcess;
  port: number;
  readyMs: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts an app in its own process and times it from spawn to its first HTTP answer on its port. */
export async function launch(name: string, args: string[], env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    if (output.length < 10_000) output += chunk.toString(); // and keep draining the pipes
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // Any HTTP answer (a 404 is fine) means it is listening; poll every 5 ms, give up after 15 s.
  while (performance.now() - started < 15_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${output}`);
    const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) }).then(
      () => true,
      () => false,
    );
    if (answered) return { name, child, port, readyMs: performance.now() - started };
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} did not start listening within 15 s: ${output}`);
}

export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * CPU time a process has used so far (user + system), in milliseconds. Per request it is a steadier
 * figure than requests per second on a busy machine: other work slows an app down but does not make
 * each of its requests cost more CPU.
 */
export function cpuMs(pid: number | undefined): number {
  // Fields 14 and 15 of /proc/<pid>/stat (after the command name, which may hold spaces), in clock ticks.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

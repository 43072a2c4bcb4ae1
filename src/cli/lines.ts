import { createInterface, type Interface } from "node:readline/promises";

/**
 * Reads answers one line at a time. Lines are queued as they arrive, so piped input that arrives
 * all at once is never lost between prompts; after the input ends (or Ctrl+C), `next` gives undefined.
 */
export class LineReader {
  private readonly rl: Interface;
  private readonly queue: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private ended = false;
  /** True after Ctrl+C. */
  interrupted = false;
  /** True when the input does not echo what is typed (piped), so we echo it ourselves. */
  readonly echo: boolean;

  constructor(
    input: NodeJS.ReadableStream & { isTTY?: boolean },
    private readonly output: NodeJS.WritableStream & { isTTY?: boolean },
  ) {
    const terminal = input.isTTY === true && output.isTTY === true;
    this.echo = !terminal;
    this.rl = createInterface({ input, output, terminal });
    this.rl.on("line", (line) => {
      if (this.waiting) this.settle(line);
      else this.queue.push(line);
    });
    this.rl.on("close", () => {
      this.ended = true;
      this.settle(undefined);
    });
    this.rl.on("SIGINT", () => {
      this.interrupted = true;
      this.output.write("\n");
      this.rl.close();
    });
  }

  private settle(line: string | undefined): void {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.(line);
  }

  /** Shows the prompt and waits for the next line. */
  async next(prompt: string): Promise<string | undefined> {
    if (this.ended && this.queue.length === 0) return undefined;
    this.rl.setPrompt(prompt);
    this.rl.prompt();
    const queued = this.queue.shift();
    const line =
      queued ?? (this.ended ? undefined : await new Promise<string | undefined>((r) => (this.waiting = r)));
    if (this.echo) this.output.write(`${line ?? ""}\n`);
    return line;
  }

  close(): void {
    this.rl.close();
  }
}

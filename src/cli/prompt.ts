import type { Knowledge, Question } from "../engine/index.js";
import { type Choice, choicesFor, findChoice } from "./choices.js";
import { LineReader } from "./lines.js";
import type { Style } from "./style.js";

/** Raw answers as collected, in the shape parseProfile takes. */
export interface ProfileInput {
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

export interface AskResult {
  input: ProfileInput;
  /** Ctrl+C: the caller should stop without a recommendation. */
  interrupted: boolean;
}

type Reply<T> = { ok: true; value: T } | { ok: false; problem: string };

function choiceList(choices: readonly Choice[]): string {
  return choices.map((c) => c.value).join(", ");
}

function readOne(line: string, choices: readonly Choice[], fallback: string): Reply<string> {
  if (line.trim() === "") return { ok: true, value: fallback };
  const found = findChoice(line, choices);
  if (found) return { ok: true, value: found.value };
  return {
    ok: false,
    problem:
      `"${line.trim()}" is not one of the choices. Type a number from 1 to ${choices.length}, ` +
      `or one of: ${choiceList(choices)}; or press Enter for the default.`,
  };
}

function readMany(line: string, choices: readonly Choice[], max: number): Reply<string[]> {
  const tokens = line.split(/[,\s]+/).filter((t) => t !== "");
  if (tokens.length === 1 && tokens[0]?.toLowerCase() === "none") return { ok: true, value: [] };
  const values: string[] = [];
  const bad: string[] = [];
  for (const t of tokens) {
    const found = findChoice(t, choices);
    if (!found) bad.push(t);
    else if (!values.includes(found.value)) values.push(found.value);
  }
  if (bad.length > 0) {
    return {
      ok: false,
      problem:
        `Not a choice: ${bad.join(", ")}. Type numbers from 1 to ${choices.length} or ids, separated by ` +
        `commas (${choiceList(choices)}); or press Enter for none.`,
    };
  }
  if (values.length > max) return { ok: false, problem: `Choose at most ${max}.` };
  return { ok: true, value: values };
}

function optionLines(q: Question, choices: readonly Choice[], s: Style): string[] {
  const isDefault = (c: Choice) =>
    q.kind === "single" ? c.value === q.default : q.kind === "multi" && q.default.includes(c.value);
  const width = String(choices.length).length;
  return choices.map((c, i) => {
    const n = `${String(i + 1).padStart(width)}.`;
    const description = c.description ? s.dim(` - ${c.description}`) : "";
    return `  ${n} ${c.label}${description}${isDefault(c) ? s.bold(" (default)") : ""}`;
  });
}

/** Asks every question in data/questions.json; when the input ends, the rest take their defaults. */
export async function askQuestions(
  knowledge: Knowledge,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream & { isTTY?: boolean },
  s: Style,
): Promise<AskResult> {
  const lines = new LineReader(input, output);
  const result: ProfileInput = { answers: {}, needs: [...knowledge.needsQuestion.default], notes: "" };
  const write = (text: string) => output.write(`${text}\n`);
  let endedEarly = false;
  try {
    write(s.bold("Flask or Django? A few questions about your project. Press Enter to take the default."));
    for (const [i, q] of knowledge.questions.entries()) {
      if (q.kind === "single") result.answers[q.id] = q.default;
      if (lines.interrupted || endedEarly) continue;
      const choices = choicesFor(q, knowledge);
      write("");
      write(`${s.bold(`(${i + 1}/${knowledge.questions.length}) ${q.label}`)}`);
      write(s.dim(`  ${q.help}`));
      for (const line of optionLines(q, choices, s)) write(line);
      const defaultIndex = q.kind === "single" ? choices.findIndex((c) => c.value === q.default) + 1 : 0;
      const prompt =
        q.kind === "single"
          ? `Your choice [${defaultIndex}]: `
          : q.kind === "multi"
            ? "Your choices, e.g. 1,3 or admin,auth [none]: "
            : "Notes (Enter to skip): ";
      for (;;) {
        const line = await lines.next(prompt);
        if (line === undefined) {
          endedEarly = !lines.interrupted;
          break;
        }
        let reply: Reply<string | string[]>;
        if (q.kind === "single") reply = readOne(line, choices, q.default);
        else if (q.kind === "multi") reply = readMany(line, choices, q.max);
        else if (line.length > q.maxLength)
          reply = { ok: false, problem: `Keep it under ${q.maxLength} characters.` };
        else reply = { ok: true, value: line.trim() };
        if (!reply.ok) {
          write(`  ${reply.problem}`);
          continue;
        }
        if (q.kind === "single") result.answers[q.id] = reply.value as string;
        else if (q.kind === "multi") result.needs = reply.value as string[];
        else result.notes = reply.value as string;
        break;
      }
    }
    if (endedEarly) write("(Input ended: the remaining questions take their defaults.)");
    write("");
  } finally {
    lines.close();
  }
  return { input: result, interrupted: lines.interrupted };
}

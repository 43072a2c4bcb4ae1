import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const k = getKnowledge();

/** Runs the CLI as a user would, in a child process, with optional piped stdin. */
function ask(args: string[], input = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run ask", () => {
  it("answers from flags without asking anything", () => {
    const { code, stdout, stderr } = ask([
      "--type",
      "full_stack",
      "--size",
      "large",
      "--time",
      "months",
      "--experience",
      "django",
      "--flexibility",
      "conventions",
      "--needs",
      "admin,auth",
      "--database",
      "postgresql",
      "--priority",
      "security",
      "--notes",
      "staff edit records in an admin",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Verdict: Django fits better");
    expect(stdout).toContain("What decided it");
    expect(stdout).toContain("What would change the verdict");
    expect(stdout).toMatch(/\[1\] https:\/\//);
    expect(stdout).not.toContain("(1/9)");
    expect(stdout).not.toContain("\u001b[");
  });

  it("prints the whole result as JSON with --json", () => {
    const { code, stdout } = ask(["--type", "rest_api", "--experience", "flask", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.verdict).toBe("flask");
    expect(result.scores.flask + result.scores.django).toBe(100);
    expect(Array.isArray(result.flips)).toBe(true);
    expect(result.profile.answers.project_type).toBe("rest_api");
  });

  it("explains one feature side by side", () => {
    const { code, stdout } = ask(["feature", "admin panel", "--needs", "admin"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Admin panel");
    expect(stdout).toContain("Flask's way");
    expect(stdout).toContain("Django's way");
    expect(stdout).toContain("Docs: https://docs.djangoproject.com/");
    expect(stdout).toContain("What it means for this project");
  });

  // As a thread's reply answers each briefly, the terminal gives the other topics' verdicts too.
  it("answers a second feature asked in one breath with its verdict", () => {
    const { code, stdout } = ask(["feature", "admin and auth?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("You also asked about:");
    const auth = k.featureById.get("auth");
    expect(stdout).toContain(`User accounts and login: ${auth?.verdict.text}`);
  });

  it("rejects an unknown flag with exit 2 and lists the valid ones", () => {
    const { code, stdout, stderr } = ask(["--colour", "blue"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--colour");
    expect(stderr).toContain("--type, --size, --time");
  });

  it("rejects an invalid value with exit 2 and lists the valid values", () => {
    const { code, stderr } = ask(["--size", "huge"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--size");
    expect(stderr).toContain("tiny, small, medium, large");
    const needs = ask(["--needs", "admin,teleport"]);
    expect(needs.code).toBe(2);
    expect(needs.stderr).toContain('--needs "teleport"');
    expect(needs.stderr).toContain("background_tasks");
  });

  it("echoes no more than the start of a long unknown question", () => {
    const long = `${"lorem ipsum dolor ".repeat(50)}end`;
    const { code, stdout } = ask(["feature", long]);
    expect(code).toBe(1);
    expect(stdout).toContain(`No feature matches "${long.slice(0, 120)}…".`);
    expect(stdout).not.toContain('end".');
  });

  it("says when it does not know a feature, with suggestions and topics (exit 1)", () => {
    const { code, stdout } = ask(["feature", "so what's the call?"]);
    expect(code).toBe(1);
    expect(stdout).toContain(`No feature matches "so what's the call?"`);
    expect(stdout).toContain("That reads as a question about the decision");
    expect(stdout).toContain("Did you mean: ");
    expect(stdout).toContain("Topics I know:");
  });

  it("says when only building something else would change the verdict", () => {
    const { code, stdout } = ask([
      "--type",
      "internal_tool",
      "--size",
      "small",
      "--time",
      "days",
      "--experience",
      "new",
      "--needs",
      "admin,forms",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("only building something else would:");
  });

  // The terminal reads a question the way a thread does: with answers given, a question about the
  // decision is answered from their recommendation.
  it("answers a question about the decision from the recommendation when answers are given", () => {
    const { code, stdout } = ask([
      "--type",
      "ml_service",
      "--needs",
      "ml,rest_api",
      "feature",
      "why not django?",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("That reads as a question about the decision (the case against one)");
    expect(stdout).toContain("Verdict: Flask fits better");
    expect(stdout).toContain("What would change the verdict");
  });

  it("says how firm the verdict is once, not again in other words", () => {
    const { code, stdout } = ask(["--type", "ml_service", "--size", "tiny"]);
    expect(code).toBe(0);
    expect(stdout.match(/re-weightings tried/g)).toHaveLength(1);
  });

  it("answers a detail of a feature first, with its sources, then the whole sheet", () => {
    const { code, stdout } = ask(["feature", "how do we handle file uploads?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("File uploads");
    expect(stdout).toContain("Source: https://flask.palletsprojects.com/en/stable/patterns/fileuploads/");
    expect(stdout).toContain("Source: https://docs.djangoproject.com/en/stable/topics/http/file-uploads/");
    expect(stdout.indexOf("File uploads")).toBeLessThan(stdout.indexOf("Verdict:"));
  });

  it("answers 'what if …' with the recommendation for the supposed answers", () => {
    const { code, stdout } = ask(["--type", "internal_tool", "feature", "what if we only had a few days?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^If you [^\n]*days[^\n]*, (Django would still be the better fit|Flask would win|it would be a toss-up)\. \(The answers below include that change\.\)\n/,
    );
    expect(stdout).toContain("Time:        ");
    expect(stdout).not.toContain("That reads as a question about the decision");
  });

  it("asks the questions on piped stdin; Enter everywhere takes the defaults", () => {
    const { code, stdout } = ask([], "\n".repeat(9));
    expect(code).toBe(0);
    expect(stdout).toContain("(1/9) What are you building?");
    expect(stdout).toContain("(9/9) Anything else we should know?");
    expect(stdout).toContain("Building:    A website with pages and a database");
    expect(stdout).toContain("Size:        Small: a handful of models and screens");
    expect(stdout).toMatch(/Verdict: /);
  });

  it("re-asks after an invalid answer and uses defaults when input ends early", () => {
    const { code, stdout } = ask([], "rest_api\nhuge\n4\n");
    expect(code).toBe(0);
    expect(stdout).toContain('"huge" is not one of the choices');
    expect(stdout).toContain("tiny, small, medium, large");
    expect(stdout).toContain("Size:        Large: many teams or years of growth");
    expect(stdout).toContain("Building:    A JSON API for a separate front end or app");
    expect(stdout).toContain("remaining questions take their defaults");
  });

  it("prints usage generated from the questions", () => {
    const { code, stdout } = ask(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--priority <value>");
    expect(stdout).toContain("ship_fast");
    expect(stdout).toContain("--needs <a,b,...>");
  });
});

import type { Knowledge } from "../engine/index.js";
import { choicesFor } from "./choices.js";

/** "  --size <value>" padded to a column, then the description. */
const row = (flag: string, text: string) => `  ${flag.padEnd(28)}${text}`;

/** The --help text, generated from the questions so it always lists the current flags and values. */
export function renderUsage(knowledge: Knowledge): string {
  const lines = [
    "Flask or Django? Answer a few questions and get a recommendation with its reasons.",
    "",
    "Usage",
    "  npm run ask                              ask the questions one by one",
    "  npm run ask -- [answers] [--json]        no questions: answers you leave out take their defaults",
    "  npm run ask -- --yes                     every answer at its default",
    '  npm run ask -- feature "<question>"      how Flask and Django each handle one feature',
    "                                           (add answers to hear what it means for your project,",
    '                                           or to ask about the decision: "why not django?")',
    "  npm run ask -- [answers] --adr           the recommendation as an Architecture Decision Record",
    "                                           (MADR Markdown, for a repository's docs/adr/)",
    "  npm run ask -- decisions                 the decisions stored in the database (DATABASE_URL)",
    "  npm run ask -- decisions TEAM/CHANNEL/TS one stored decision as an ADR",
    "",
    "Answers",
  ];
  for (const q of knowledge.questions) {
    const choices = choicesFor(q, knowledge);
    if (q.kind === "single") {
      lines.push(row(`--${q.flag} <value>`, `${q.label} (default: ${q.default})`));
    } else if (q.kind === "multi") {
      const def = q.default.length > 0 ? q.default.join(",") : "none";
      lines.push(row(`--${q.flag} <a,b,...>`, `${q.label} (default: ${def})`));
    } else {
      lines.push(row(`--${q.flag} <text>`, `${q.label} (optional, up to ${q.maxLength} characters)`));
    }
    const width = Math.max(0, ...choices.map((c) => c.value.length)) + 2;
    for (const c of choices) lines.push(`      ${c.value.padEnd(width)}${c.label}`);
  }
  lines.push(
    "",
    "Options",
    "  --json        print the result as JSON on stdout, and nothing else",
    "  -y, --yes     ask nothing: every answer you do not give takes its default",
    "  -h, --help    show this help",
    "",
    "Decisions",
    "  --adr                   print an ADR instead of the recommendation (status: proposed)",
    "  --decided <framework>   with --adr: the team decided for flask or django (status: accepted)",
    '  --by <names>            with --adr: who decided, e.g. --by "Ann Lee, Bob Ng"',
    "  --date <YYYY-MM-DD>     with --adr: the record's date (default: today)",
    "  --reason <text>         with --adr: why, in the deciders' words",
    "  --team <T…>             with decisions: only this team's",
    "  --status <status>       with decisions: proposed, decided or superseded",
    "  DATABASE_URL            where decisions are stored (default sqlite:./var/flask-or-django.sqlite)",
    "",
    "Examples",
    "  npm run ask -- --type rest_api --size small --needs auth,rest_api",
    '  npm run ask -- --type internal_tool --needs admin --notes "staff edit orders" --json',
    '  npm run ask -- feature "admin panel" --needs admin',
    "  npm run ask -- --type ecommerce --needs admin,auth --adr --decided django --by Ann > docs/adr/0001-framework.md",
    "  npm run ask -- decisions --team T0123ABCD --status decided",
    "",
    "Exit codes: 0 done, 1 unknown feature (or no such stored decision), 2 invalid option or value.",
  );
  return `${lines.join("\n")}\n`;
}

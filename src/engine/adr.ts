import type { DecisionStatus } from "./decision-log.js";
import type { Knowledge } from "./knowledge.js";
import type { FrameworkId } from "./knowledge-schema.js";
import type { Recommendation } from "./recommend.js";
import type { TeamViews } from "./team-views.js";
import { inWords } from "./text.js";

/**
 * An Architecture Decision Record in the MADR format (Markdown Architectural Decision Records, 4.0:
 * https://adr.github.io/madr/), ready to commit as `docs/adr/NNNN-….md`: front matter with the status,
 * date and decision-makers; the context and problem statement (the answers and notes); the decision
 * drivers (the reasons that decided it); the two options; the outcome and why (saying so when the team
 * chose against the recommendation); good and bad consequences (the chosen framework's pros and cons);
 * the pros and cons of both options; and, under More Information, what would change it (when to
 * revisit), what is worth knowing, the team's views and votes, and every source. Every claim carries its
 * official documentation link. Pure: the same input gives the same bytes.
 */

export interface AdrDecision {
  /** proposed → "proposed", decided → "accepted", superseded → "superseded by …" (MADR's words). */
  status: DecisionStatus;
  /** The framework the team chose. Required once decided; while proposed, the verdict is the proposal. */
  framework?: FrameworkId | null;
  /** When the decision was last updated, YYYY-MM-DD. */
  date: string;
  /** Who made the decision, by name. */
  deciders?: readonly string[];
  /** Whose views or votes were asked for, by name. */
  consulted?: readonly string[];
  /** Why, in the deciders' words. */
  reason?: string | null;
  /** What replaced this decision ("ADR-0007", "the decision of 2026-12-01 in #web"). */
  supersededBy?: string | null;
  /** What this decision replaced. */
  supersedes?: string | null;
}

export interface AdrInput {
  recommendation: Recommendation;
  decision: AdrDecision;
  /** Overrides the title made from the answers ("Use Django for an online shop or marketplace"). */
  title?: string;
  /** Teammates' views (labels as names): their two lines go under More Information. */
  views?: Pick<TeamViews, "lines" | "people">;
  /** Votes on the recommendation, by name. */
  votes?: { agree: readonly string[]; pickOther: readonly string[] };
}

export class AdrInputError extends Error {
  override name = "AdrInputError";
}

/** Characters that would otherwise be read as Markdown in text people typed. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** A YAML scalar: plain when safe, else a double-quoted string (JSON's quoting is valid YAML). */
function yamlScalar(text: string): string {
  return /^[\p{L}\p{N} .,'’()-]+$/u.test(text) && !/^[-'(]/.test(text) ? text : JSON.stringify(text);
}

/** Link text for an official page: whose documentation it is. */
function docsName(knowledge: Knowledge, url: string): string {
  const host = new URL(url).host;
  const { flask, django } = knowledge.meta.frameworks;
  if (host === new URL(django.docs).host) return `${django.name} docs`;
  if (host === new URL(flask.docs).host) return `${flask.name} docs`;
  return host;
}

/** Words that start a sentence and stay capitalised after "because": names of things. */
function properNames(knowledge: Knowledge): Set<string> {
  const names = new Set<string>(["Python", "Jinja", "Werkzeug", "Click", "SQLAlchemy"]);
  for (const id of ["flask", "django"] as const) names.add(knowledge.meta.frameworks[id].name);
  for (const f of knowledge.features)
    for (const side of [f.flask, f.django]) {
      const sources = [side.provenance, ...side.addOns];
      for (const s of sources)
        if ("packages" in s) for (const p of s.packages) names.add(p.name.split(/[\s-]/)[0] as string);
    }
  return names;
}

/** "The admin is…" → "the admin is…", to follow "Good, because"; names and acronyms keep their case. */
function afterBecause(text: string, names: Set<string>): string {
  const first = text.split(/[\s,:;]/)[0] ?? "";
  const bare = first.replace(/['’]s$/, "");
  if (!/^[A-Z][a-z]*$/.test(bare) || names.has(bare)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Collects the documentation links in order of first use, for the Sources list. */
class Sources {
  readonly urls: string[] = [];
  constructor(private readonly knowledge: Knowledge) {}
  link(url: string): string {
    if (!this.urls.includes(url)) this.urls.push(url);
    return `([${docsName(this.knowledge, url)}](${url}))`;
  }
}

function projectWords(knowledge: Knowledge, rec: Recommendation): string {
  const q = knowledge.singleQuestions.find((x) => x.id === "project_type") ?? knowledge.singleQuestions[0];
  const label = q?.options.find((o) => o.value === rec.profile.answers[q.id])?.label ?? "this project";
  const first = label.split(" ")[0] ?? "";
  return /^[A-Z][a-z]*$/.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function statusWords(decision: AdrDecision): string {
  if (decision.status === "proposed") return "proposed";
  if (decision.status === "decided") return "accepted";
  return `superseded by ${decision.supersededBy?.trim() || "a later decision"}`;
}

function answersList(knowledge: Knowledge, rec: Recommendation): string[] {
  const lines: string[] = [];
  for (const q of knowledge.questions) {
    if (q.kind === "single") {
      const value = rec.profile.answers[q.id];
      const option = q.options.find((o) => o.value === value);
      lines.push(`* **${q.label}** ${option?.label ?? value ?? q.default}`);
    } else if (q.kind === "multi") {
      const labels = knowledge.needFeatures
        .filter((f) => rec.profile.needs.includes(f.id))
        .map((f) => f.need.label);
      lines.push(`* **${q.label}** ${labels.length > 0 ? labels.join("; ") : "None listed"}`);
    }
  }
  return lines;
}

/** Renders the decision as a MADR Markdown document (ends with a newline). */
export function renderAdr(knowledge: Knowledge, input: AdrInput): string {
  const { recommendation: rec, decision } = input;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.date))
    throw new AdrInputError(`The ADR's date must be YYYY-MM-DD, not "${decision.date}".`);
  const chosen: FrameworkId | null =
    decision.framework ?? (decision.status === "proposed" && rec.verdict !== "either" ? rec.verdict : null);
  if (decision.status !== "proposed" && !decision.framework)
    throw new AdrInputError(`A ${decision.status} decision needs the framework the team chose.`);

  const names = properNames(knowledge);
  const sources = new Sources(knowledge);
  const fw = knowledge.meta.frameworks;
  const name = (id: FrameworkId) => fw[id].name;
  const project = projectWords(knowledge, rec);
  const out: string[] = [];

  // Front matter.
  out.push("---", `status: ${JSON.stringify(statusWords(decision))}`, `date: ${decision.date}`);
  const deciders = (decision.deciders ?? []).map((d) => d.trim()).filter((d) => d !== "");
  const consulted = (decision.consulted ?? []).map((d) => d.trim()).filter((d) => d !== "");
  if (deciders.length > 0) out.push(`decision-makers: ${yamlScalar(deciders.join(", "))}`);
  if (consulted.length > 0) out.push(`consulted: ${yamlScalar(consulted.join(", "))}`);
  out.push("---", "");

  const title =
    input.title?.trim() ||
    (chosen
      ? `Use ${name(chosen)} for ${project}`
      : `Choose ${name("flask")} or ${name("django")} for ${project}`);
  out.push(`# ${escapeMarkdown(title)}`, "");

  // Context and problem statement: the answers and the notes.
  out.push(
    "## Context and Problem Statement",
    "",
    `We are building ${project} in Python and need a web framework: ${name("flask")} or ${name("django")}? ` +
      "We answered these questions about the project:",
    "",
    ...answersList(knowledge, rec),
    "",
  );
  const notes = rec.profile.notes.trim();
  if (notes !== "") {
    out.push(
      "Our notes:",
      "",
      ...notes.split(/\r?\n/).map((line) => `> ${escapeMarkdown(line)}`.trimEnd()),
      "",
    );
    const phrase = (id: string) => knowledge.featureById.get(id)?.need?.phrase ?? id;
    if (rec.notes.needs.length > 0)
      out.push(`From the notes we also counted ${inWords(rec.notes.needs.map(phrase))}.`, "");
    if (rec.notes.excluded.length > 0)
      out.push(`The notes rule out ${inWords(rec.notes.excluded.map(phrase))}.`, "");
  }

  // Decision drivers: the reasons that decided it, with the answers behind each.
  out.push("## Decision Drivers", "");
  if (rec.factors.length === 0) out.push("* No criterion moved the evidence by more than a few points.");
  for (const f of rec.factors) {
    const reason =
      knowledge.criteria[knowledge.criterionIndex.get(f.criterion) ?? -1]?.reason[f.favours] ?? f.why;
    const because = f.because.length > 0 ? ` From our answers: ${f.because.join("; ")}.` : "";
    out.push(`* ${f.label}: ${f.pointsText}. ${reason} ${sources.link(f.source)}${because}`);
  }
  out.push("");

  // The two options.
  out.push("## Considered Options", "");
  for (const id of ["flask", "django"] as const)
    out.push(`* ${name(id)} (${fw[id].versions.join(", ")}) ${sources.link(fw[id].docs)}`);
  out.push("");

  // The outcome.
  out.push("## Decision Outcome", "");
  const shares = `${name("flask")} ${rec.shares.flask}% and ${name("django")} ${rec.shares.django}% of the evidence`;
  const firmness =
    rec.verdict === "either"
      ? `too close to call (it ${rec.confidence.phrase})`
      : `${rec.confidence.label === "close call" ? "a close call" : rec.confidence.label === "clear" ? "a clear call" : "leaning"} (the verdict ${rec.confidence.phrase})`;
  const reason = decision.reason?.trim();
  const against = chosen !== null && rec.verdict !== "either" && chosen !== rec.verdict;
  if (chosen === null) {
    out.push(
      `Chosen option: none yet, because the answers do not separate the two: ${shares}, ${firmness}. Either fits; the team decides.`,
    );
  } else if (against) {
    out.push(
      `Chosen option: "${name(chosen)}", because ${reason ? "of the reasons the deciders give below" : "the team chose it; no reason was recorded"}. ` +
        `This goes against the recommendation: our answers favoured ${name(rec.verdict as FrameworkId)}, with ${shares}, ${firmness}.`,
    );
  } else if (rec.verdict === "either") {
    out.push(
      `Chosen option: "${name(chosen)}", because ${reason ? "of the reasons the deciders give below" : "the team chose it"}: ` +
        `our answers did not separate the two (${shares}, ${firmness}).`,
    );
  } else {
    out.push(
      `Chosen option: "${name(chosen)}", because it fits this project better: ${shares}, ${firmness}. ` +
        "The decision drivers above are the reasons.",
    );
  }
  if (decision.status === "proposed") out.push("", "This is a proposal: the team has not decided yet.");
  if (reason)
    out.push(
      "",
      "In the deciders' words:",
      "",
      ...reason.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l)}`.trimEnd()),
    );
  out.push("");

  if (chosen !== null) {
    const { pros, cons } = rec.prosCons[chosen];
    out.push("### Consequences", "");
    // The reasons that pulled toward the chosen framework come first: they are what the team gains.
    const gains = rec.factors.filter((f) => f.favours === chosen);
    for (const f of gains) {
      const why =
        knowledge.criteria[knowledge.criterionIndex.get(f.criterion) ?? -1]?.reason[chosen] ?? f.why;
      out.push(`* Good, because ${afterBecause(why, names)} ${sources.link(f.source)}`);
    }
    for (const p of pros)
      out.push(`* Good, because ${afterBecause(p.text, names)} ${sources.link(p.source)}`);
    for (const c of cons) out.push(`* Bad, because ${afterBecause(c.text, names)} ${sources.link(c.source)}`);
    if (gains.length + pros.length + cons.length === 0)
      out.push(
        `* Neutral, because no pro or con of ${name(chosen)} in the knowledge base weighs for this project.`,
      );
    out.push("");
  }

  // Both options' pros and cons.
  out.push("## Pros and Cons of the Options", "");
  for (const id of ["flask", "django"] as const) {
    const { pros, cons } = rec.prosCons[id];
    out.push(`### ${name(id)}`, "");
    for (const p of pros)
      out.push(`* Good, because ${afterBecause(p.text, names)} ${sources.link(p.source)}`);
    for (const c of cons) out.push(`* Bad, because ${afterBecause(c.text, names)} ${sources.link(c.source)}`);
    if (pros.length + cons.length === 0)
      out.push("* Neutral, because nothing in the knowledge base weighs for this project.");
    out.push("");
  }

  // More information: when to revisit, caveats, the team, provenance, sources.
  out.push("## More Information", "", "### When to revisit", "");
  out.push("What would change the recommendation; revisit the decision if one of these comes true:", "");
  if (rec.flips.length > 0) for (const f of rec.flips) out.push(`* ${f.text}`);
  else out.push(`* ${rec.whatWouldChange.text}`);
  out.push("");
  if (rec.caveats.length > 0) {
    out.push("### Worth knowing", "");
    for (const c of rec.caveats) {
      const alt = c.alternative ? ` See also [${c.alternative.name}](${c.alternative.url}).` : "";
      out.push(`* ${c.text} ${sources.link(c.source)}${alt}`);
    }
    out.push("");
  }
  const team: string[] = [];
  if (input.views && input.views.people.length > 1)
    team.push(...input.views.lines.map((l) => escapeMarkdown(l)));
  if (input.votes) {
    const { agree, pickOther } = input.votes;
    const who = (people: readonly string[]) =>
      people.length > 0 ? ` (${inWords(people.map(escapeMarkdown))})` : "";
    team.push(
      `Votes on the recommendation: ${agree.length} agreed${who(agree)}, ${pickOther.length} would pick the other${who(pickOther)}.`,
    );
  }
  if (team.length > 0) out.push("### The team's views", "", ...team.flatMap((t) => [t, ""]));
  if (decision.supersedes?.trim() || (decision.status === "superseded" && decision.supersededBy?.trim())) {
    out.push("### Related decisions", "");
    if (decision.supersedes?.trim()) out.push(`* Supersedes ${escapeMarkdown(decision.supersedes.trim())}.`);
    if (decision.status === "superseded" && decision.supersededBy?.trim())
      out.push(`* Superseded by ${escapeMarkdown(decision.supersededBy.trim())}.`);
    out.push("");
  }
  out.push(
    "### How this record was made",
    "",
    `Written by flask-or-django from the answers above. The shares are of the evidence the answers weigh, not marks out of 100; ` +
      `how firm the verdict is comes from re-scoring it under ${rec.confidence.samples} re-weightings of the knowledge base. ` +
      `Knowledge version ${rec.knowledgeVersion}, reviewed ${knowledge.meta.reviewed}; ` +
      `${name("flask")} ${fw.flask.current}, ${name("django")} ${fw.django.current}.`,
    "",
    "### Sources",
    "",
    ...sources.urls.map((url) => `* <${url}>`),
  );
  return `${out.join("\n")}\n`;
}

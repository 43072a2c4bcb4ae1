import {
  type FeatureExplanation,
  type FeatureMatch,
  type Knowledge,
  ONLY_BUILDING_ELSE,
  onlyBuildingElseFlips,
  type ProjectProfile,
  type Recommendation,
} from "../engine/index.js";
import { PLAIN, type Style } from "./style.js";

/** Collects source links as numbered footnotes, so long URLs do not interrupt the reading. */
class Footnotes {
  private readonly urls: string[] = [];
  ref(url: string): string {
    let i = this.urls.indexOf(url);
    if (i === -1) i = this.urls.push(url) - 1;
    return `[${i + 1}]`;
  }
  lines(): string[] {
    return this.urls.map((url, i) => `  [${i + 1}] ${url}`);
  }
}

function frameworkName(knowledge: Knowledge, id: string): string {
  return id === "flask" || id === "django" ? knowledge.meta.frameworks[id].name : id;
}

function section(s: Style, title: string, body: string[]): string[] {
  return body.length === 0 ? [] : ["", s.bold(title), ...body];
}

/** The answers as the person chose them, in the questionnaire's words. */
export function renderAnswers(profile: ProjectProfile, knowledge: Knowledge): string[] {
  const lines: string[] = [];
  for (const q of knowledge.questions) {
    let value: string;
    if (q.kind === "single") {
      const answer = profile.answers[q.id];
      value = q.options.find((o) => o.value === answer)?.label ?? answer ?? "";
    } else if (q.kind === "multi") {
      const labels = profile.needs.map(
        (id) => knowledge.needFeatures.find((f) => f.id === id)?.need.label ?? id,
      );
      value = labels.length > 0 ? labels.join(", ") : "none";
    } else {
      if (profile.notes.trim() === "") continue;
      value = `"${profile.notes.trim()}"`;
    }
    lines.push(`  ${`${q.short}:`.padEnd(12)} ${value}`);
  }
  return lines;
}

export function renderRecommendation(r: Recommendation, knowledge: Knowledge, s: Style = PLAIN): string {
  const notes = new Footnotes();
  const headline =
    r.verdict === "either" ? "Either framework fits" : `${frameworkName(knowledge, r.verdict)} fits better`;
  const lines: string[] = [
    s.bold(s.accent(`Verdict: ${headline}`)),
    `  ${r.summary}`,
    // The summary gives the shares and how firm it is; this says what a re-weighting is.
    s.dim(
      "  (A re-weighting varies the criteria's weights and each framework's fit; your answers stay as given.)",
    ),
  ];
  lines.push(...section(s, "Your answers", renderAnswers(r.profile, knowledge)));

  const factors = r.factors.flatMap((f, i) => {
    const criterion = knowledge.criteria[knowledge.criterionIndex.get(f.criterion) ?? -1];
    const reason = criterion?.reason[f.favours] ?? f.why;
    const out = [`  ${i + 1}. ${s.bold(f.label)}: ${f.pointsText}`, `     ${reason} ${notes.ref(f.source)}`];
    if (f.because.length > 0) out.push(s.dim(`     From your answers: ${f.because.join("; ")}`));
    return out;
  });
  lines.push(...section(s, "What decided it", factors));

  for (const id of ["flask", "django"] as const) {
    const { pros, cons } = r.prosCons[id];
    lines.push(
      ...section(s, `${frameworkName(knowledge, id)} for this project`, [
        ...pros.map((p) => `  + ${p.text} ${notes.ref(p.source)}`),
        ...cons.map((c) => `  - ${c.text} ${notes.ref(c.source)}`),
      ]),
    );
  }

  lines.push(
    ...section(
      s,
      "Caveats",
      r.caveats.flatMap((c) => [
        `  ! ${c.text} ${notes.ref(c.source)}`,
        ...(c.alternative ? [`    Consider ${c.alternative.name}: ${c.alternative.url}`] : []),
      ]),
    ),
  );

  const flips = r.flips.length > 0 ? r.flips.map((f) => `  * ${f.text}`) : [`  * ${r.whatWouldChange.text}`];
  if (onlyBuildingElseFlips(knowledge, r.flips)) flips.unshift(`  ${ONLY_BUILDING_ELSE}`);
  lines.push(...section(s, "What would change the verdict", flips));

  if (r.notes.text !== "") lines.push(...section(s, "Your notes", [`  ${r.notes.text}`]));

  lines.push(...section(s, "Sources", notes.lines()));
  lines.push("", s.dim(`Knowledge version ${r.knowledgeVersion} (reviewed ${knowledge.meta.reviewed}).`));
  return `${lines.join("\n")}\n`;
}

function sideLines(side: FeatureExplanation["flask"], s: Style): string[] {
  const packages = [
    ...(side.provenance.kind === "extension" || side.provenance.kind === "third_party"
      ? side.provenance.packages
      : []),
    ...side.addOns.flatMap((a) => a.packages),
  ];
  return [
    "",
    `${s.bold(`${side.name}'s way`)}${side.label ? `: ${side.label}` : ""}`,
    `  ${side.how}`,
    ...(packages.some((p) => p.docs === side.docs) ? [] : [`  Docs: ${side.docs}`]),
    ...side.more.map((m) => `  ${m.title}: ${m.url}`),
    ...packages.map((p) => `  ${p.name}: ${p.docs}`),
  ];
}

/** One feature side by side. `match` adds the myth asked about and the other topics named. */
export function renderFeature(
  e: FeatureExplanation,
  knowledge: Knowledge,
  s: Style = PLAIN,
  match?: FeatureMatch,
): string {
  const asked = match?.kind === "match" ? match.myth?.index : undefined;
  const lines = [s.bold(s.accent(e.title))];
  if (e.direct && asked === undefined) lines.push(`  ${e.direct}`);
  // The detail asked about first ("rate limiting"), then the whole sheet.
  if (e.detail) {
    lines.push("", s.bold(e.detail.title));
    for (const [name, d] of [
      [e.flask.name, e.detail.flask],
      [e.django.name, e.detail.django],
    ] as const) {
      lines.push(
        `  ${name}: ${d.text}`,
        `    Source: ${d.source}`,
        ...d.more.map((m) => `    ${m.title}: ${m.url}`),
      );
    }
  }
  lines.push(...sideLines(e.flask, s), ...sideLines(e.django, s));
  lines.push("", `${s.bold("Verdict")}: ${e.verdict.text}`);
  if (e.forProject) lines.push("", s.bold("What it means for this project"), `  ${e.forProject}`);

  const myths = e.myths
    .map((m, i) => ({ m, i }))
    .sort((a, b) => Number(b.i === asked) - Number(a.i === asked))
    .flatMap(({ m, i }) => [
      `  Myth${i === asked ? " (closest to your question)" : ""}: ${m.claim}`,
      `  Actually: ${m.correction}`,
      `  Source: ${m.source}`,
      ...m.more.map((x) => `  ${x.title}: ${x.url}`),
      "",
    ]);
  lines.push(...section(s, "Myths", myths.slice(0, -1)));

  // The other topics asked get their verdict too, as a thread's reply gives each briefly.
  if (match?.kind === "match" && match.alsoAsked.length > 0) {
    lines.push("", "You also asked about:");
    for (const a of match.alsoAsked) {
      const verdict = knowledge.featureById.get(a.featureId)?.verdict.text;
      lines.push(`  ${s.bold(a.title)}${verdict ? `: ${verdict}` : ""}`);
      lines.push(`    Side by side: npm run ask -- feature "${a.title.toLowerCase()}"`);
    }
  }
  lines.push("", s.dim(`Knowledge version ${e.knowledgeVersion} (reviewed ${knowledge.meta.reviewed}).`));
  return `${lines.join("\n")}\n`;
}

/** How much of an unknown question is echoed back. */
const ECHO_MAX = 120;

/** What we say when a question names no feature we know. */
export function renderUnknownFeature(
  text: string,
  suggestions: { title: string }[],
  knowledge: Knowledge,
  readAs?: string,
): string {
  // A pasted page is not echoed whole.
  const shown = text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text;
  const lines = [`No feature matches "${shown}".`];
  if (readAs) lines.push(readAs);
  if (suggestions.length > 0) {
    lines.push(`Did you mean: ${suggestions.map((x) => x.title).join(", ")}?`);
  }
  const titles = knowledge.features.map((f) => f.title);
  const half = Math.ceil(titles.length / 2);
  const width = Math.max(...titles.slice(0, half).map((t) => t.length)) + 3;
  lines.push("", "Topics I know:");
  for (let i = 0; i < half; i++)
    lines.push(`  ${(titles[i] ?? "").padEnd(width)}${titles[i + half] ?? ""}`.trimEnd());
  lines.push("", 'Example: npm run ask -- feature "user login"');
  return `${lines.join("\n")}\n`;
}

import type { ConfidenceLabel } from "./confidence.js";
import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type Recommendation, recommendProfile } from "./recommend.js";
import type { Verdict } from "./scoring.js";
import { inWords } from "./text.js";

/**
 * Several people's views of one decision: the recommendation was made from one person's answers (the
 * asker's); teammates give their own. For each teammate we say what their answers recommend, the
 * questions they answered differently (in the questionnaire's words), and whether those differences
 * change the outcome: their own answers as a whole, and each differing answer taken alone (the
 * recommendation's answers with just that one answer of theirs). Everything is decided by the engine
 * itself (`recommendProfile`), never estimated. Pure and deterministic.
 */

/** One person's own answers. `label` names them in the lines ("<@U123>" in Slack, a name elsewhere). */
export interface PersonAnswers {
  userId: string;
  /** How the lines name this person; default the user id. */
  label?: string;
  profile: ProjectProfile;
}

/** One question a teammate answered differently from the recommendation's answers. */
export interface AnswerDisagreement {
  /** The question id ("size", "needs", "notes"). */
  question: string;
  /** The question as the form asks it: "How big will it get?". */
  label: string;
  /** Its short name: "Size". */
  short: string;
  /** The recommendation's answer, in the questionnaire's words. */
  ours: string;
  /** This person's answer, in the questionnaire's words. Notes are quoted as typed: escape before display. */
  theirs: string;
  /** For needs: the needs they add and leave out, by label; empty for other questions. */
  added: string[];
  removed: string[];
  /** The verdict if the recommendation's answers took this one answer of theirs, all else kept. */
  verdictIfAdopted: Verdict;
  /** True when `verdictIfAdopted` differs from the recommendation's verdict. */
  changesOutcome: boolean;
}

/** What one person's own answers recommend, and where they differ from the recommendation's. */
export interface PersonView {
  userId: string;
  label: string;
  /** True for the person whose answers made the recommendation. */
  isBase: boolean;
  verdict: Verdict;
  shares: { flask: number; django: number };
  confidence: ConfidenceLabel;
  /** Question by question, in the questionnaire's order; empty for the same answers (and for the base). */
  disagreements: AnswerDisagreement[];
  /** Their answers, taken together, give a different verdict from the recommendation's. */
  changesOutcome: boolean;
  /** One sentence about this person, for a Details view. */
  line: string;
}

/** One cell of the comparison: what one person answered to one question. */
export interface ComparisonCell {
  userId: string;
  /** In the questionnaire's words; notes quoted as typed (escape before display), "" for none. */
  answer: string;
  /** Differs from the recommendation's answer. */
  differs: boolean;
  /** This answer alone, put into the recommendation's answers, changes the verdict. */
  changesOutcome: boolean;
}

/** One question, everyone's answer to it. */
export interface ComparisonRow {
  question: string;
  label: string;
  short: string;
  /** Someone answered it differently from the recommendation. */
  differs: boolean;
  /** In the same order as `ViewsComparison.people`: the base first. */
  cells: ComparisonCell[];
}

/** The full comparison, for a Details view: who answered what, and where each set of answers leads. */
export interface ViewsComparison {
  people: Array<Pick<PersonView, "userId" | "label" | "isBase" | "verdict" | "shares" | "confidence">>;
  rows: ComparisonRow[];
}

export interface TeamViews {
  /** The recommendation's verdict (from the base person's answers). */
  verdict: Verdict;
  /** The base person first, then each teammate in the order given (a repeated user id counts once). */
  people: PersonView[];
  /** For the message, one or two lines: each person's verdict, then the disagreements and what they change. */
  lines: string[];
  /** Who answered what, question by question. */
  comparison: ViewsComparison;
  /** True when any teammate's answers differ from the recommendation's. */
  anyDisagreement: boolean;
  /** True when some teammate's answers, together or one alone, change the verdict. */
  outcomeContested: boolean;
}

export interface BaseAnswers extends PersonAnswers {
  /** The recommendation already made from `profile`, to save recomputing it. */
  recommendation?: Recommendation;
}

const NOTES_LIMIT = 200;

function frameworkWords(knowledge: Knowledge, verdict: Verdict): string {
  return verdict === "either" ? "a toss-up" : knowledge.meta.frameworks[verdict].name;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** The question's answer in the form's words. */
interface Answered {
  question: string;
  label: string;
  short: string;
  text(profile: ProjectProfile): string;
  same(a: ProjectProfile, b: ProjectProfile): boolean;
  adopt(base: ProjectProfile, theirs: ProjectProfile): ProjectProfile;
}

function questionsOf(knowledge: Knowledge): Answered[] {
  const out: Answered[] = [];
  for (const q of knowledge.questions) {
    if (q.kind === "single") {
      out.push({
        question: q.id,
        label: q.label,
        short: q.short,
        text: (p) => {
          const value = p.answers[q.id] ?? q.default;
          return q.options.find((o) => o.value === value)?.label ?? value;
        },
        same: (a, b) => (a.answers[q.id] ?? q.default) === (b.answers[q.id] ?? q.default),
        adopt: (base, theirs) => ({
          ...base,
          answers: { ...base.answers, [q.id]: theirs.answers[q.id] ?? q.default },
        }),
      });
    } else if (q.kind === "multi") {
      out.push({
        question: q.id,
        label: q.label,
        short: q.short,
        text: (p) => {
          const labels = needLabels(knowledge, p.needs);
          return labels.length > 0 ? labels.join(", ") : "none";
        },
        same: (a, b) => sameSet(a.needs, b.needs),
        adopt: (base, theirs) => ({ ...base, needs: [...theirs.needs] }),
      });
    } else {
      out.push({
        question: q.id,
        label: q.label,
        short: q.short,
        text: (p) => {
          const notes = p.notes.trim();
          if (notes === "") return "";
          return notes.length > NOTES_LIMIT ? `“${notes.slice(0, NOTES_LIMIT - 1)}…”` : `“${notes}”`;
        },
        same: (a, b) => a.notes.trim() === b.notes.trim(),
        adopt: (base, theirs) => ({ ...base, notes: theirs.notes }),
      });
    }
  }
  return out;
}

function needLabels(knowledge: Knowledge, ids: readonly string[]): string[] {
  // In the form's order, whatever order they were given in.
  return knowledge.needFeatures.filter((f) => ids.includes(f.id)).map((f) => f.need.label);
}

function personLine(knowledge: Knowledge, view: Omit<PersonView, "line">, base: Verdict): string {
  const outcome =
    view.verdict === "either"
      ? `a toss-up (${view.shares.flask}% to ${view.shares.django}%)`
      : `${frameworkWords(knowledge, view.verdict)} (${view.shares[view.verdict]}% of the evidence)`;
  if (view.isBase) return `${view.label}'s answers made the recommendation: ${outcome}.`;
  if (view.disagreements.length === 0) return `${view.label} gave the same answers: ${outcome}.`;
  const parts = view.disagreements.map((d) => {
    const what =
      d.question === knowledge.notesQuestion.id
        ? "different notes"
        : d.question === knowledge.needsQuestion.id
          ? [
              ...(d.added.length > 0 ? [`adds ${inWords(d.added)}`] : []),
              ...(d.removed.length > 0 ? [`leaves out ${inWords(d.removed)}`] : []),
            ].join("; ")
          : `${d.theirs}, not ${d.ours}`;
    return `${d.short} (${what})${d.changesOutcome ? `, which alone makes it ${frameworkWords(knowledge, d.verdictIfAdopted)}` : ""}`;
  });
  const together =
    view.verdict === base
      ? view.disagreements.some((d) => d.changesOutcome)
        ? " Taken together, their answers still give the same verdict."
        : " None of it changes the verdict."
      : view.disagreements.some((d) => d.changesOutcome)
        ? ""
        : " No one of these answers changes the verdict alone; together they do.";
  return `${view.label}'s answers give ${outcome}. They differ on ${inWords(parts)}.${together}`;
}

/** The first line: each person's verdict, the recommendation's first. */
function verdictsLine(knowledge: Knowledge, people: PersonView[]): string {
  const [first] = people;
  if (people.length === 1 && first)
    return `Only ${first.label}'s answers so far: ${frameworkWords(knowledge, first.verdict)}.`;
  const byVerdict = new Map<Verdict, string[]>();
  for (const p of people) {
    const names = byVerdict.get(p.verdict) ?? [];
    names.push(p.isBase ? `${p.label} (asked)` : p.label);
    byVerdict.set(p.verdict, names);
  }
  const groups = [...byVerdict.entries()].map(([verdict, names]) =>
    verdict === "either"
      ? `a toss-up for ${inWords(names)}`
      : `${frameworkWords(knowledge, verdict)} for ${inWords(names)}`,
  );
  if (groups.length === 1) return `Everyone's own answers point the same way: ${groups[0]}.`;
  return `Each person's own answers: ${groups.join("; ")}.`;
}

/** The second line: which questions people answered differently, and which of those change the outcome. */
function disagreementsLine(knowledge: Knowledge, people: PersonView[], base: Verdict): string {
  const others = people.filter((p) => !p.isBase);
  const differing = new Map<string, string>();
  for (const p of others) for (const d of p.disagreements) differing.set(d.question, d.short);
  if (differing.size === 0)
    return others.length === 0 ? "No one else has given their answers yet." : "Everyone answered the same.";
  const order = knowledge.questions.map((q) => q.id).filter((id) => differing.has(id));
  const shorts = order.map((id) => differing.get(id) as string);
  const flips = others.flatMap((p) =>
    p.disagreements
      .filter((d) => d.changesOutcome)
      .map((d) => `${d.short} (${p.label}'s answer gives ${frameworkWords(knowledge, d.verdictIfAdopted)})`),
  );
  const onlyTogether = others.filter(
    (p) => p.changesOutcome && !p.disagreements.some((d) => d.changesOutcome),
  );
  const sentences = [`Answers differ on ${inWords(shorts)}.`];
  if (flips.length === 1) sentences.push(`${flips[0]} alone changes the verdict.`);
  if (flips.length > 1) sentences.push(`Each of these alone changes the verdict: ${inWords(flips)}.`);
  if (onlyTogether.length > 0)
    sentences.push(
      `${inWords(onlyTogether.map((p) => `${p.label}'s (${frameworkWords(knowledge, p.verdict)})`))} answers change it only taken together.`,
    );
  if (flips.length === 0 && onlyTogether.length === 0)
    sentences.push(`None of it changes the verdict (${frameworkWords(knowledge, base)}).`);
  return sentences.join(" ");
}

/**
 * Compares teammates' answers with the recommendation's: each person's verdict, the questions they
 * answered differently, and whether that changes the outcome. A teammate whose user id is the base's,
 * or repeats an earlier one, is left out (one view per person).
 */
export function compareViews(
  knowledge: Knowledge,
  base: BaseAnswers,
  others: readonly PersonAnswers[],
): TeamViews {
  const cache = new Map<string, Recommendation>();
  const run = (profile: ProjectProfile): Recommendation => {
    const key = JSON.stringify([
      knowledge.singleQuestions.map((q) => profile.answers[q.id] ?? q.default),
      [...new Set(profile.needs)].sort(),
      profile.notes,
    ]);
    let rec = cache.get(key);
    if (!rec) {
      rec = recommendProfile(profile, knowledge);
      cache.set(key, rec);
    }
    return rec;
  };
  const baseRec = base.recommendation ?? run(base.profile);
  const verdict = baseRec.verdict;
  const questions = questionsOf(knowledge);

  const seen = new Set<string>([base.userId]);
  const teammates = others.filter((o) => {
    if (seen.has(o.userId)) return false;
    seen.add(o.userId);
    return true;
  });

  const viewOf = (person: PersonAnswers, isBase: boolean, rec: Recommendation): PersonView => {
    const disagreements: AnswerDisagreement[] = isBase
      ? []
      : questions
          .filter((q) => !q.same(base.profile, person.profile))
          .map((q) => {
            const adopted = run(q.adopt(base.profile, person.profile));
            const isNeeds = q.question === knowledge.needsQuestion.id;
            return {
              question: q.question,
              label: q.label,
              short: q.short,
              ours: q.text(base.profile),
              theirs: q.text(person.profile),
              added: isNeeds
                ? needLabels(
                    knowledge,
                    person.profile.needs.filter((n) => !base.profile.needs.includes(n)),
                  )
                : [],
              removed: isNeeds
                ? needLabels(
                    knowledge,
                    base.profile.needs.filter((n) => !person.profile.needs.includes(n)),
                  )
                : [],
              verdictIfAdopted: adopted.verdict,
              changesOutcome: adopted.verdict !== verdict,
            };
          });
    const view = {
      userId: person.userId,
      label: person.label ?? person.userId,
      isBase,
      verdict: rec.verdict,
      shares: { ...rec.shares },
      confidence: rec.confidence.label,
      disagreements,
      changesOutcome: rec.verdict !== verdict,
    };
    return { ...view, line: personLine(knowledge, view, verdict) };
  };

  const people = [viewOf(base, true, baseRec), ...teammates.map((t) => viewOf(t, false, run(t.profile)))];
  const rows: ComparisonRow[] = questions.map((q) => {
    const cells = people.map((p, i) => {
      const profile = i === 0 ? base.profile : (teammates[i - 1] as PersonAnswers).profile;
      const d = p.disagreements.find((x) => x.question === q.question);
      return {
        userId: p.userId,
        answer: q.text(profile),
        differs: d !== undefined,
        changesOutcome: d?.changesOutcome ?? false,
      };
    });
    return {
      question: q.question,
      label: q.label,
      short: q.short,
      differs: cells.some((c) => c.differs),
      cells,
    };
  });
  return {
    verdict,
    people,
    lines: [verdictsLine(knowledge, people), disagreementsLine(knowledge, people, verdict)],
    comparison: {
      people: people.map(({ userId, label, isBase, verdict: v, shares, confidence }) => ({
        userId,
        label,
        isBase,
        verdict: v,
        shares,
        confidence,
      })),
      rows,
    },
    anyDisagreement: people.some((p) => p.disagreements.length > 0),
    outcomeContested: people.some((p) => p.changesOutcome || p.disagreements.some((d) => d.changesOutcome)),
  };
}

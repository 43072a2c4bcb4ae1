import { parseProfile } from "../profile.js";
import { type Analysed, FRAMEWORK_WORDS, type Term } from "./analyse.js";
import { analyseWith, type Model } from "./model.js";
import { counts } from "./negations.js";
import type { QuickTake } from "./types.js";

interface Cue {
  questionId: string;
  value: string;
  stems: string[];
}

const cuesCache = new WeakMap<Model, Cue[]>();

/** Each cue as the stems of all its words, function words included: "many teams" is not "team". */
function cuesOf(model: Model): Cue[] {
  let cues = cuesCache.get(model);
  if (!cues) {
    cues = [];
    for (const [questionId, options] of Object.entries(model.knowledge.examples.profileCues)) {
      for (const [value, phrases] of Object.entries(options)) {
        for (const phrase of phrases) {
          const stems = analyseWith(model, phrase).tokens.map((t) => t.stem);
          if (stems.length > 0) cues.push({ questionId, value, stems });
        }
      }
    }
    cuesCache.set(model, cues);
  }
  return cues;
}

/** Every place the cue's words appear in a row among the message's words. */
function placesOf(stems: readonly string[], cue: readonly string[]): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + cue.length <= stems.length; i++) {
    for (let j = 0; j < cue.length; j++) if (stems[i + j] !== cue[j]) continue outer;
    out.push(i);
  }
  return out;
}

/** What a framework's own team does: "the django team ships often", "the flask team says …". */
const PROJECT_DOES = new Set(
  "ships shipped says said recommends recommended releases released maintains announced deprecated fixed documents publishes is are was were has have".split(
    " ",
  ),
);

/**
 * "the django team ships often": after "the", a framework's name and then what its people do name the
 * framework's own project, not what the team knows ("a django team", "for the django team", "the django
 * experience on our team").
 */
function namesTheProject(tokens: readonly Term[], i: number, length: number): boolean {
  return (
    FRAMEWORK_WORDS.has((tokens[i] as Term).word) &&
    tokens[i - 1]?.word === "the" &&
    PROJECT_DOES.has(tokens[i + length]?.word ?? "")
  );
}

/**
 * What a one-line description says about the project, as the questionnaire's answers: for each
 * question, the option whose cue appears first ("a small online shop" → size small, project_type
 * ecommerce). Undefined when the sentence describes nothing.
 */
export function quickTake(
  model: Model,
  text: string,
  analysed: Analysed,
  needs: string[],
): QuickTake | undefined {
  const knowledge = model.knowledge;
  const tokens = analysed.tokens;
  const stems = tokens.map((t) => t.stem);
  const answers: Record<string, string> = {};
  const at: Record<string, number> = {};
  for (const cue of cuesOf(model)) {
    // The first place the cue is said and not turned around: "not a blog, a rest api" is no blog.
    const p = placesOf(stems, cue.stems).find((i) => {
      const first = tokens[i] as Term;
      const last = tokens[i + cue.stems.length - 1] as Term;
      return (
        counts(analysed, first.at, last.at, first.clause) && !namesTheProject(tokens, i, cue.stems.length)
      );
    });
    if (p === undefined) continue;
    const known = at[cue.questionId];
    if (known === undefined || p < known) {
      answers[cue.questionId] = cue.value;
      at[cue.questionId] = p;
    }
  }
  if (Object.keys(answers).length === 0 && needs.length === 0) return undefined;
  const notes = text.trim().slice(0, knowledge.notesQuestion.maxLength);
  const parsed = parseProfile(
    { answers, needs: needs.slice(0, knowledge.needsQuestion.max), notes },
    knowledge,
  );
  if (!parsed.ok) return undefined;
  return { answers, needs, profile: parsed.profile };
}

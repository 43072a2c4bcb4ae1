import { parseProfile } from "../profile.js";
import { type Analysed, STOPWORDS, type Term } from "./analyse.js";
import { analyseWith, type Model } from "./model.js";
import type { QuickTake } from "./types.js";

interface Cue {
  questionId: string;
  value: string;
  stems: string[];
}

/** Cues are read without function words ("a few pages" is few, page), framework names kept. */
const keep = (t: Term) => !STOPWORDS.has(t.word);

const cuesCache = new WeakMap<Model, Cue[]>();

function cuesOf(model: Model): Cue[] {
  let cues = cuesCache.get(model);
  if (!cues) {
    cues = [];
    for (const [questionId, options] of Object.entries(model.knowledge.examples.profileCues)) {
      for (const [value, phrases] of Object.entries(options)) {
        for (const phrase of phrases) {
          const stems = analyseWith(model, phrase)
            .tokens.filter(keep)
            .map((t) => t.stem);
          if (stems.length > 0) cues.push({ questionId, value, stems });
        }
      }
    }
    cuesCache.set(model, cues);
  }
  return cues;
}

/** Where the cue's words appear in a row among the message's terms, or -1. */
function positionOf(stems: readonly string[], cue: readonly string[]): number {
  outer: for (let i = 0; i + cue.length <= stems.length; i++) {
    for (let j = 0; j < cue.length; j++) if (stems[i + j] !== cue[j]) continue outer;
    return i;
  }
  return -1;
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
  const stems = analysed.tokens.filter(keep).map((t) => t.stem);
  const answers: Record<string, string> = {};
  const at: Record<string, number> = {};
  for (const cue of cuesOf(model)) {
    const p = positionOf(stems, cue.stems);
    if (p < 0) continue;
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

import type { FrameworkId } from "../knowledge-schema.js";

/** The two frameworks and what people call them. */
const NAMES: ReadonlyArray<[string, FrameworkId]> = [
  ["flask", "flask"],
  ["django", "django"],
  ["drf", "django"],
];

/** The pair's own names as words ("drf" names Django too, but is no name of the pair). */
export const FRAMEWORK_NAMES: readonly string[] = ["flask", "django"];
/** The word is Flask's or Django's own name. */
export const isFrameworkName = (word: string): boolean => word === "flask" || word === "django";

/** Framework names in the order the words name them ("flask over django" → flask, django). */
export function frameworksNamed(words: readonly string[]): Array<{ id: FrameworkId; at: number }> {
  const out: Array<{ id: FrameworkId; at: number }> = [];
  words.forEach((w, at) => {
    for (const [name, id] of NAMES) if (w === name) out.push({ id, at });
  });
  return out;
}

export function otherFramework(id: FrameworkId): FrameworkId {
  return id === "flask" ? "django" : "flask";
}

/** Words that, near a framework, speak against it ("django is overkill", "not flask"). */
const AGAINST = new Set(
  (
    "overkill bloated heavy heavyweight clunky hate hates too not never against over dont didnt doesnt shouldnt " +
    "instead rather than without dislike slow outdated boilerplate bulky magic"
  ).split(" "),
);
/** Words that put the first framework ahead of the second ("flask over django", "flask rather than django"). */
const PREFERENCE = new Set("over than instead not vs versus".split(" "));
/**
 * Words against only the framework after them: "instead of flask", "rather than django", "we don't need
 * django", but "i'd rather use flask", "flask instead" and "flask doesn't need much setup" prefer it.
 */
const BEFORE_ONLY = new Set("over instead rather than dont didnt doesnt shouldnt".split(" "));
const REACH = 4;

/**
 * Which framework someone pushing back prefers: the one they name, unless they speak against it
 * ("django is overkill" → flask); with both named, the first unless words speak against it.
 */
export function preferredFramework(
  words: readonly string[],
  fallback?: FrameworkId,
): FrameworkId | undefined {
  const named = frameworksNamed(words);
  const distinct = [...new Set(named.map((n) => n.id))];
  const against = (at: number) => {
    for (let j = Math.max(0, at - 2); j <= Math.min(words.length - 1, at + REACH); j++) {
      if (j !== at && AGAINST.has(words[j] as string)) {
        if (j > at && BEFORE_ONLY.has(words[j] as string)) continue;
        // "i'd rather use flask" prefers it; "rather than flask" does not.
        if (words[j] === "rather" && words[j + 1] !== "than") continue;
        // "flask over django": the word after the first name is against the second, not the first.
        if (j > at && PREFERENCE.has(words[j] as string) && distinct.length > 1) continue;
        return true;
      }
    }
    return false;
  };
  const first = named[0];
  if (!first) return fallback;
  if (distinct.length === 1) return against(first.at) ? otherFramework(first.id) : first.id;
  return against(first.at) ? otherFramework(first.id) : first.id;
}

/** Words that put a framework named after them in question: "why not flask", "the case against django". */
const QUESTIONING = ["against", "not", "over", "without"];

/** Words that ask for the case against what follows: "the downsides of django", "what's the catch". */
const CASE_AGAINST = new Set(
  "downside downsides drawback drawbacks con cons disadvantage disadvantages weakness weaknesses catch pitfalls risk risks".split(
    " ",
  ),
);

/** Words that point at the decision itself: "the catch with this recommendation". */
const THE_DECISION = new Set(
  "recommendation recommended pick choice option verdict call answer here".split(" "),
);

/**
 * The case against is all the message asks ("any drawbacks?", "what's the catch with this
 * recommendation?"): under a recommendation, the case against it.
 */
export function asksOnlyCaseAgainst(terms: readonly string[]): boolean {
  return (
    terms.some((w) => CASE_AGAINST.has(w)) && terms.every((w) => CASE_AGAINST.has(w) || THE_DECISION.has(w))
  );
}

/** The message asks for the case against something: "what are the downsides of django for us?" ("pros and cons" asks both). */
export function asksCaseAgainst(words: readonly string[]): boolean {
  return words.some((w) => CASE_AGAINST.has(w)) && !words.includes("pros");
}

/** A framework is named right after a word against it ("why not flask?"). */
export function namedAgainst(words: readonly string[]): boolean {
  return frameworksNamed(words).some((n) => QUESTIONING.includes(words[n.at - 1] ?? ""));
}

/** The framework a "why not …?" question is about: the one named, else the one not recommended. */
export function questionedFramework(
  words: readonly string[],
  verdict?: FrameworkId | "either",
): FrameworkId | undefined {
  const named = frameworksNamed(words);
  const afterAgainst = named.find((n) => QUESTIONING.includes(words[n.at - 1] ?? ""));
  if (afterAgainst) return afterAgainst.id;
  if (named[0]) return named[0].id;
  return verdict === "flask" || verdict === "django" ? otherFramework(verdict) : undefined;
}

/**
 * The framework whose downsides are asked for: the one named, else the recommendation itself ("what are
 * the risks of picking the recommended one?"), unlike "why not?", which questions the other one.
 */
export function caseAgainstFramework(
  words: readonly string[],
  verdict?: FrameworkId | "either",
): FrameworkId | undefined {
  const named = frameworksNamed(words)[0];
  if (named) return named.id;
  return verdict === "flask" || verdict === "django" ? verdict : undefined;
}

/** Words that say a framework is more, or less, than the project needs: "is django overkill?". */
const TOO_MUCH = new Set(["overkill", "bloated", "heavyweight"]);
/** After "too": "is flask too minimal for us?", "isn't django too heavy?". */
const AFTER_TOO = new Set(
  "much heavy big large complex complicated minimal small simple basic limited bare barebones".split(" "),
);
/** Words after the framework's name that leave it the subject: "django overkill", "flask really too minimal". */
const AFTER_NAME = new Set([
  ...TOO_MUCH,
  ..."too for really a bit way kind just honestly probably maybe not still overly be going gonna".split(" "),
]);
/** Openings of a yes/no question about a framework ("is django overkill?", "wouldn't flask be too minimal?"). */
const ASKING = new Set("is isnt was wasnt would wouldnt will wont could couldnt might".split(" "));

/** The word opens a yes/no question ("would", "isn't"…). */
export const opensYesNo = (word: string | undefined): boolean => ASKING.has(word ?? "");

/**
 * "is django overkill for this?", "isn't flask too minimal for us?": whether one framework is more or
 * less than the project needs, which the case against it answers. The one framework named, or undefined.
 */
export function asksTooMuch(words: readonly string[]): FrameworkId | undefined {
  if (!ASKING.has(words[0] ?? "")) return undefined;
  const named = frameworksNamed(words);
  if (named.length !== 1 || new Set(named.map((n) => n.id)).size !== 1) return undefined;
  // The framework itself, not one of its parts: "is the django admin too much?" asks about the admin.
  const next = words[(named[0]?.at ?? 0) + 1];
  if (next !== undefined && !AFTER_NAME.has(next)) return undefined;
  const says = words.some((w, i) => TOO_MUCH.has(w) || (w === "too" && AFTER_TOO.has(words[i + 1] ?? "")));
  return says ? named[0]?.id : undefined;
}

/** What a framework is asked to be: "better", "a better fit", "the better choice". */
const BETTER = new Set(["better", "best"]);

/** How far into the question the one framework may be named: "wouldn't the team be better off with flask?". */
const BETTER_WITHIN = 7;

/**
 * "would flask be better here?", "isn't django a better fit?", "wouldn't we be better off with flask?":
 * whether one framework, named early in a yes/no question, would do better, which its case, or the
 * verdict's reasons when it is the pick, answers. The framework, or undefined.
 */
export function asksIfBetter(words: readonly string[]): FrameworkId | undefined {
  if (!ASKING.has(words[0] ?? "")) return undefined;
  const named = frameworksNamed(words);
  const only = named.length === 1 ? named[0] : undefined;
  if (only === undefined || only.at > BETTER_WITHIN) return undefined;
  return words.some((w) => BETTER.has(w)) ? only.id : undefined;
}

/** Nouns for another framework in general: "alternatives", "other options". */
const ALTERNATIVE_NOUNS = new Set(["alternative", "alternatives", "options", "option", "frameworks"]);
/** Words between those nouns and the framework: "alternatives to django", "options besides flask". */
const RELATIVE_TO = new Set(["to", "besides", "than", "beyond", "apart", "from", "except", "instead", "of"]);
/** Words such a question may have besides: "any other good alternatives to flask out there?". */
const AROUND = new Set(
  "any are there other some good decent worth real serious out what whats is the else we should consider could".split(
    " ",
  ),
);

/**
 * The message asks only for alternatives, to one of the two or to both: "alternatives to django?", "any
 * other options besides flask?", "what are the alternatives". Every word is the noun, a word relating it
 * to the framework, the framework, or one of the few words such questions have besides.
 */
export function asksForAlternativesTo(words: readonly string[]): boolean {
  const noun = words.findIndex((w) => ALTERNATIVE_NOUNS.has(w));
  if (noun < 0) return false;
  const named = frameworksNamed(words);
  if (named.length > 1) return false;
  const at = named[0]?.at ?? -1;
  // "alternatives to django": nothing but relating words between the noun and the name.
  // "django alternatives?": the name right before the noun.
  const before = at === noun - 1;
  if (at >= 0 && !before && (at < noun || !words.slice(noun + 1, at).every((w) => RELATIVE_TO.has(w))))
    return false;
  return words.every((w, i) => i === noun || i === at || RELATIVE_TO.has(w) || AROUND.has(w));
}

/** What is wrong with a thing: "what's wrong with flask", "what's bad about django". */
const FAULT = new Set(["wrong", "bad", "worse"]);
/** Words that deny a fault: "nothing wrong with flask". */
const NONE = new Set(["nothing", "no", "not", "nothin"]);
/** What a framework does to a project: "where would django hurt us", "how will flask bite us". */
const HARMS = new Set(["hurt", "bite", "hurts", "bites", "hold", "slow"]);
/** What the pick costs: "what do we give up by going with django", "what would we lose with flask". */
const COSTS = [["give", "up"], ["lose"], ["sacrifice"], ["miss", "out"]];
/** Words between the cost and the framework: "by going with", "if we pick", "with". */
const ON_THE_WAY = new Set(
  "by with if we go going pick picking choose choosing use using the it this that on".split(" "),
);
/** Words after a framework that leave it the subject: "wrong with flask for our project", "…here". */
const AFTER_SUBJECT = new Set("for here in on as if when given though tho compared at us".split(" "));

/**
 * "what's wrong with flask for our project?", "where would django hurt us", "what do we give up by going
 * with django?": the case against one framework, in words of fault, harm or cost. The framework named
 * (the framework itself, not one of its parts: "what's wrong with the django admin?" asks about the
 * admin), or `verdict` when the cost of the pick is asked without a name ("what do we give up with
 * it?"); undefined when it asks no such thing.
 */
export function asksWhatsAgainst(
  words: readonly string[],
  verdict?: FrameworkId | "either",
): FrameworkId | undefined {
  const named = frameworksNamed(words);
  const subject = (at: number) => {
    const next = words[at + 1];
    return next === undefined || AFTER_SUBJECT.has(next);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    // "wrong with flask", "bad about django"; "nothing wrong with flask" says there is none.
    if (
      FAULT.has(w) &&
      (words[i + 1] === "with" || words[i + 1] === "about") &&
      !NONE.has(words[i - 1] as string)
    ) {
      let j = i + 2;
      while (ON_THE_WAY.has(words[j] as string) && !["it", "this", "that"].includes(words[j] as string)) j++;
      const at = named.find((n) => n.at === j);
      if (at && subject(at.at)) return at.id;
    }
    // "where would django hurt us": the framework before the harm, in a question.
    if (HARMS.has(w) && (words[i + 1] === "us" || words[i + 1] === "the")) {
      const at = named.find((n) => n.at < i && n.at >= i - 3);
      if (at && ["where", "how", "when", "would", "will", "could"].includes(words[0] as string)) return at.id;
    }
    // "what do we give up by going with django", "what would we lose with flask", "… with it" ("how much
    // speed do we lose with django?" asks about performance).
    const cost =
      words[0] === "what" || words[0] === "whats"
        ? COSTS.find((c) => c.every((x, k) => words[i + k] === x))
        : undefined;
    if (cost) {
      let j = i + cost.length;
      if (!ON_THE_WAY.has(words[j] as string)) continue;
      while (ON_THE_WAY.has(words[j] as string)) j++;
      const at = named.find((n) => n.at === j);
      // "would we lose the django admin" asks about the admin.
      if (at && subject(at.at)) return at.id;
      if (
        ["it", "this", "that"].includes(words[j - 1] as string) &&
        (verdict === "flask" || verdict === "django")
      )
        return verdict;
    }
  }
  return undefined;
}

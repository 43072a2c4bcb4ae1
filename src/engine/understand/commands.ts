import { FRAMEWORK_NAMES, isFrameworkName } from "./frameworks.js";
import { afterLeadIns } from "./question.js";
import { DAYS, MONTHS, timeWords } from "./time-words.js";

/**
 * The app's own command words. `/flask-or-django help` shows the usage; the same word alone in a
 * thread or a mention asks for it too, however few examples happen to say it (a classifier learns
 * a one-word message from other messages' words, and "help" alone is in few of them).
 */
export const HELP_WORDS: ReadonlySet<string> = new Set(["help", "usage"]);

/**
 * Words that may stand around a command word without changing it: "help me", "help pls", "i need
 * help", "can you help". Any other word makes it a question of its own ("help with caching").
 */
const COURTESY = new Set(
  (
    "me us our please pls plz hey hi bot the a some any i we need want can could would you u with this here out " +
    "using use so ok im confused stuck lost"
  ).split(" "),
);

/** The words (normalised) are a command word with at most courtesy around it. */
export function isHelpCommand(words: readonly string[]): boolean {
  return words.some((w) => HELP_WORDS.has(w)) && words.every((w) => HELP_WORDS.has(w) || COURTESY.has(w));
}

/** "can i help?", "could we help": someone offers help, nobody asks for it. */
export function offersHelp(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (
      ["can", "could", "shall", "may"].includes(words[i] as string) &&
      ["i", "we"].includes(words[i + 1] as string)
    )
      return true;
  }
  return false;
}

/** Asking for the reasons in a word or two, under a recommendation: "why?", "why this one?", "source?". */
const WHY_ALONE = new Set([
  "why",
  "why this",
  "why that",
  "why this one",
  "why that one",
  "why it",
  "why the pick",
  "why this pick",
  "why so",
  "why though",
  "how so",
  "how come",
  "reasons",
  "source",
  "sources",
  "says who",
  "based on what",
]);

/** The longest such ask, lead-ins included: "ok but based on what". */
const WHY_MOST_WORDS = 5;

/**
 * The words, after any lead-in ("so why?", "ok but why"), only ask why the verdict is what it is, or for
 * its reasoning ("whats the reasoning").
 */
export function asksWhyAlone(words: readonly string[]): boolean {
  if (asksForTheReasoning(words)) return true;
  if (words.length > WHY_MOST_WORDS) return false;
  return WHY_ALONE.has(words.slice(afterLeadIns(words)).join(" "));
}

/** Nouns for the reasons behind a call: "what's the reasoning", "explain the rationale", "the deciding factors". */
const REASONING = new Set(
  "reasoning rationale logic thinking justification reasons factors drivers".split(" "),
);
/** What else such a question may say: "can someone explain the reasoning here", "what's the logic behind it". */
const AROUND_REASONING = new Set(
  (
    "what whats is the a your its it this that here there behind of for can could someone anyone somebody " +
    "you pls please explain walk me us through share give tell so ok and but then again pick choice " +
    "recommendation verdict call deciding decisive key main biggest were are was"
  ).split(" "),
);

/**
 * Only the reasoning behind the call is asked: "whats the reasoning", "can someone explain the
 * reasoning here", "what's the logic behind the pick". The verdict, which gives its reasons, answers.
 */
function asksForTheReasoning(words: readonly string[]): boolean {
  return (
    words.some((w) => REASONING.has(w)) && words.every((w) => REASONING.has(w) || AROUND_REASONING.has(w))
  );
}

/** Words that ask for the gist: "tl;dr?" (read "tl dr"), "recap?", "the short version". */
const GIST = new Set("tldr tl dr recap summary summarise summarize gist eli5".split(" "));
/**
 * What else a request for the gist may say: "sorry late to this, tldr?", "summarise the reasoning so i
 * can paste it into the adr".
 */
const AROUND_GIST = new Set([
  ...AROUND_REASONING,
  ...REASONING,
  ..."sorry late to missed catching catch up i im just quick short version pls plz for adr doc notes deck exec execs stakeholders slides paste put drop into".split(
    " ",
  ),
]);

/**
 * Only the gist of the thread is asked: "tl;dr?", "sorry late to this, tldr?", "quick recap for the
 * adr pls". The verdict, with its reasons, is the gist.
 */
export function asksForTheGist(words: readonly string[]): boolean {
  return words.some((w) => GIST.has(w)) && words.every((w) => GIST.has(w) || AROUND_GIST.has(w));
}

/** Words that may follow "why django" and leave it a question about the pick: "why django for a chat app?". */
const AFTER_WHY_FRAMEWORK = new Set(
  "for here with over instead and in given then now though tho at on again exactly really rather vs versus if when".split(
    " ",
  ),
);

/**
 * "why django for a chat app?", "so why not flask + socketio?": a question about the pick that opens
 * with "why" and a framework, followed by nothing, a new clause, or a circumstance. The framework and
 * whether it was "why not". "why django admin looks dated" asks about the admin, so a word that is
 * none of these after the name leaves the message to the classifier.
 */
export function asksWhyFramework(
  tokens: readonly { word: string; clause: number }[],
): { framework: "flask" | "django"; not: boolean } | undefined {
  const words = tokens.map((t) => t.word);
  let i = afterLeadIns(words);
  if (words[i] !== "why") return undefined;
  i++;
  const not = words[i] === "not";
  if (not) i++;
  const name = tokens[i];
  if (name?.word !== "flask" && name?.word !== "django") return undefined;
  const next = tokens[i + 1];
  if (next && next.clause === name.clause && !AFTER_WHY_FRAMEWORK.has(next.word)) return undefined;
  return { framework: name.word, not };
}

/** Openings that suppose other answers: "what if it stays tiny?", "suppose we needed websockets". */
const SUPPOSING = ["what if", "what about if", "what happens if", "suppose", "supposing", "say if"];

/** Where the words go on after an opening that supposes something ("so what if …"), or -1. */
export function afterSupposing(words: readonly string[]): number {
  const start = afterLeadIns(words);
  for (const opening of SUPPOSING) {
    const parts = opening.split(" ");
    if (parts.every((p, k) => words[start + k] === p)) return start + parts.length;
  }
  return -1;
}

/** Verbs that say a feature is needed: "what if we needed websockets?" (not "need to add a column"). */
const NEED_VERBS = new Set("need needs needed require requires required want wants wanted".split(" "));

/** Who a supposition is about: the project or the team, never a customer, a demo or "i". */
const SUBJECTS = [
  "it",
  "we",
  "this",
  "the project",
  "our project",
  "the app",
  "our app",
  "the site",
  "the team",
  "our team",
  "the whole team",
  "our whole team",
].map((s) => s.split(" "));
/** "it's", "we're": a subject and its verb in one word. */
const SUBJECT_AND_VERB = new Set(["its", "were"]);
const ADVERBS = new Set("only just really actually already still all suddenly".split(" "));
/** Verbs that state one of the project's answers: "had two weeks", "stays tiny", "knew flask", "used mongodb". */
const ANSWER_VERBS = new Set(
  "had have has got get gets grew grows grow stayed stays stay was were is are be became becomes used use uses knew know knows built build switched switch moved move went go picked pick chose choose".split(
    " ",
  ),
);

/** A clause that states something of the project or the team: where what it states starts, and what kind. */
export interface Supposition {
  /** The verb's place ("know flask" is a cue as a whole); for "it's", the word after it. */
  from: number;
  /** An answer ("stays tiny", "we know flask"), a feature needed ("we need an admin") or not ("we didn't need auth"). */
  kind: "answer" | "need" | "drop";
}

/**
 * The words at `start` state something of the project or the team: "it stays tiny", "we only had two
 * weeks", "our team knows flask", "we need an admin". A negated verb ("it wasn't a prototype"), another
 * subject ("the customer is large", "i'm out next week") or a verb that states no answer ("we decide
 * next week") is none.
 */
export function supposition(words: readonly string[], start: number): Supposition | undefined {
  if (SUBJECT_AND_VERB.has(words[start] as string)) return { from: start + 1, kind: "answer" };
  const length = subjectAt(words, start);
  if (length === 0) return undefined;
  let j = start + length;
  while (ADVERBS.has(words[j] as string)) j++;
  const verb = words[j] as string;
  if (NEED_VERBS.has(verb) && words[j + 1] !== "to") return { from: j, kind: "need" };
  // "we didn't need auth", "we don't need the admin": a need dropped.
  if (NOT_DOING.has(verb) && NEED_VERBS.has(words[j + 1] as string)) return { from: j + 1, kind: "drop" };
  if (ANSWER_VERBS.has(verb)) return { from: j, kind: "answer" };
  return undefined;
}

/** "didn't", "don't": a verb turned around. */
const NOT_DOING = new Set(["didnt", "dont", "doesnt"]);

/** How many words the subject at `start` has ("we" 1, "the data team" 3), or 0 for none of ours. */
function subjectAt(words: readonly string[], start: number): number {
  for (const subject of SUBJECTS) if (subject.every((p, k) => words[start + k] === p)) return subject.length;
  // "the data team", "our dev team".
  if ((words[start] === "the" || words[start] === "our") && words[start + 2] === "team") return 3;
  return 0;
}

/** Verbs of choosing a framework: "should we use flask?", "should we go with django?", "should we switch?". */
const CHOOSING = new Set(
  "use go pick choose start switch stick build adopt move migrate stay write opt bet lean keep try consider be do rewrite port".split(
    " ",
  ),
);
/** Words between "should we" and its verb that change nothing: "should we just use…". */
const SOFTENING = new Set(
  "just really still even probably maybe honestly actually not rather then now all definitely".split(" "),
);

/** Verbs of work on code, not of choosing: "should we merge the django upgrade?", "should I rebase?". */
const WORK_ON_CODE = new Set(
  (
    "rebase merge deploy redeploy upgrade update release ship review refactor fix revert push pull commit patch " +
    "restart rename delete bump pin backport squash tag lint format"
  ).split(" "),
);
/** Words that may follow a framework chosen ("give flask a shot", "drop django for flask", "learn django first"). */
const AFTER_CHOSEN = new Set(
  "a an the for over instead first too as then at in on with or and if now here again anyway later".split(
    " ",
  ),
);

/** "should we add django admin?": a "should we" whose verb chooses no framework. */
export function shouldDoNotChoose(words: readonly string[]): boolean {
  const j = shouldVerb(words);
  return j !== undefined && !CHOOSING.has(words[j] as string) && !isFrameworkName(words[j] as string);
}

/** The verb after "should we/I/you" (softeners skipped) and where it is, or undefined for no such question. */
function shouldVerb(words: readonly string[]): number | undefined {
  const i = afterLeadIns(words);
  if (words[i] !== "should" || !["i", "we", "you"].includes(words[i + 1] ?? "")) return undefined;
  let j = i + 2;
  while (SOFTENING.has(words[j] ?? "")) j++;
  return words[j] === undefined ? undefined : j;
}

/** What makes work on code a particular chore: a thing in hand ("the migration PR", "my branch") or a when. */
const IN_HAND = new Set("the our my this that these those".split(" "));
const WHEN = timeWords(DAYS, "now yet again weekend");

/** The framework named after `from` only qualifies another noun: "the django migration", "my flask branch". */
function qualifiesAnother(words: readonly string[], from: number): boolean {
  const at = words.findIndex((w, k) => k > from && isFrameworkName(w));
  const next = words[at + 1];
  return at >= 0 && next !== undefined && !AFTER_CHOSEN.has(next) && !isFrameworkName(next);
}

/**
 * "should we deploy on friday?", "should we restart the celery workers?", "should I rebase my flask
 * branch?": a chore in hand, asked of colleagues, neither about the pick nor about a feature. Options
 * ("…with gunicorn or uwsgi?"), a framework it is done in ("should we squash migrations in django?") or
 * a general practice ("should we push background jobs to celery?") still ask.
 */
export function asksForChore(words: readonly string[]): boolean {
  const j = shouldVerb(words);
  if (j === undefined || !WORK_ON_CODE.has(words[j] as string) || words.includes("or")) return false;
  const framework = words.some(isFrameworkName);
  if (framework && !qualifiesAnother(words, j)) return false;
  return IN_HAND.has(words[j + 1] as string) || words.some((w) => WHEN.has(w));
}

/**
 * "should I rebase my flask branch?", "should we archive the old django repo?": a colleague asking
 * whether to do something else, worded like a question about the pick. It is a chore, or the
 * framework's name only qualifies what the verb acts on ("my flask branch"), unless the two name a
 * feature (`named`, the words of aliases: "should we add django admin?"). "should we use flask?",
 * "should we just go with django?" and "should we give flask a shot?" choose.
 */
export function asksToDoSomethingElse(
  words: readonly string[],
  named: ReadonlySet<number> = new Set(),
): boolean {
  const j = shouldVerb(words);
  if (j === undefined) return false;
  const verb = words[j] as string;
  if (CHOOSING.has(verb) || isFrameworkName(verb)) return false;
  if (WORK_ON_CODE.has(verb)) return !FRAMEWORK_NAMES.every((f) => words.includes(f));
  const at = words.findIndex((w, k) => k > j && isFrameworkName(w));
  if (named.has(at) || named.has(at + 1)) return false;
  return qualifiesAnother(words, j);
}

/** Words that make a "who" question one of permissions: "who can edit posts?", "who gets access to the admin?". */
const WHO_MAY = new Set(
  "can cant could should may gets get allowed access permission permissions see edit delete".split(" "),
);

/**
 * "who has the read replica creds?", "who's the pen-test vendor this year?": a question about people,
 * asked of colleagues. Not one of permissions ("who can edit posts?"), nor one naming a framework
 * ("who maintains django?").
 */
export function asksWho(words: readonly string[]): boolean {
  const i = afterLeadIns(words);
  if (!["who", "whos", "whom", "whose"].includes(words[i] as string)) return false;
  return !words.some((w) => WHO_MAY.has(w) || isFrameworkName(w));
}

/** People asked, to act or about their own use: "can someone…", "does anyone have…", "anyone here used…". */
export const SOMEONE: ReadonlySet<string> = new Set(["someone", "somebody", "anyone", "anybody", "yall"]);
/** What colleagues are asked to look over for the asker: "can someone review my PR", "…sign my form". */
const FOR_THE_ASKER_ACTS = new Set(["review", "sign"]);
/** Handing over, which may hand over an answer too: "give me access" is a colleague's, "give me a sense of…" ours. */
const HANDING = new Set(["give", "send", "share"]);
/** For the asker: "review my PR" (not "review the auth options for our sso needs"). */
const FOR_THE_ASKER = new Set(["me", "my"]);
/** Things in hand a colleague may have: "the link to the design doc", "yesterday's recording". */
const ARTIFACTS = new Set(
  "link links deck slides recording recordings notes invite agenda minutes doc spreadsheet sheet results policy creds credentials password".split(
    " ",
  ),
);
/** Words between someone and the chore: "can someone quickly approve…", "can anyone else share…". */
const SOFTENERS = new Set(["else", "quickly", "please", "just", "pls", "maybe", "also"]);
/** Someone free to act: "anybody able to…", "is somebody around to…". */
const ABLE = new Set(["able", "free", "around", "available"]);
/**
 * Chores that act on a thing, which no question about the frameworks asks for: "restart the celery
 * workers", "merge the orm migration pr" (not "check", "review", "test" or "evaluate", which weigh).
 */
const CHORES = new Set(
  "restart reboot rotate reset merge approve update add remove delete send resend forward grab book cover swap kick post file close invite ping move rename unblock unlock renew revoke schedule reschedule cancel upload install share pair".split(
    " ",
  ),
);
/** What a chore acts on: a thing in hand ("the celery workers on staging", "my pr", "their invoice"). */
const IN_HAND_OBJECT = new Set([
  "the",
  "my",
  "our",
  "their",
  "this",
  "that",
  "a",
  "me",
  "us",
  "those",
  "these",
]);
/** Words that turn a chore into a question: "can someone share how the orm handles migrations?". */
const ASKING_AFTER = new Set(["how", "what", "why", "whether", "if", "which", "when", "where"]);
/** What is handed over when it is an answer: "share a good example of…", "grab the details on…". */
const KNOWING = new Set(
  "example examples way ways details detail bit history reasons reason info information overview summary sense pointer pointers tips tip numbers rundown explanation breakdown pros cons tradeoffs story gist".split(
    " ",
  ),
);
/**
 * What someone is asked to do from `at` (its verb, past softeners: "can someone please review my PR") is
 * for the asker or the team: a chore, an act for the asker ("review my PR"), or handing over access or a
 * thing in hand.
 */
function doneForUs(words: readonly string[], at: number): boolean {
  let v = at;
  while (SOFTENERS.has(words[v] as string)) v++;
  const verb = words[v] as string;
  if (choreAsked(words, v)) return true;
  if (HANDING.has(verb)) return words.slice(v + 1, v + 7).some((x) => x === "access" || ARTIFACTS.has(x));
  return FOR_THE_ASKER_ACTS.has(verb) && FOR_THE_ASKER.has(words[v + 1] as string);
}
/**
 * A chore asked of someone, its verb at `v`: a chore's verb acting on a thing in hand, and no question
 * word or word of knowing after it ("can someone restart the celery workers on staging?", "can someone
 * take a look at my pr?"; not "can someone explain the admin's permission model?", "can someone share a
 * good example of the auth setup?").
 */
function choreAsked(words: readonly string[], v: number): boolean {
  const verb = words[v] as string;
  // "can someone take a look at my pr?": looking at the asker's own thing.
  if (verb === "take" && words[v + 1] === "a" && words[v + 2] === "look") return words[v + 4] === "my";
  if (!CHORES.has(verb)) return false;
  if (words.slice(v + 1, v + 5).some((w) => ASKING_AFTER.has(w) || KNOWING.has(w))) return false;
  return IN_HAND_OBJECT.has(words[v + 1] as string);
}
/** Asking whom to go to: "who do i ask for access", "who should we ping about the outage". */
const GO_TO = new Set(["ask", "ping", "talk", "contact", "email", "message", "dm"]);
/** Words that name the app or its workings: a request about them is the app's ("…redo the recommendation"). */
const THE_APPS = new Set(
  "you bot app recommendation command questionnaire questions answers comparison verdict pick decision reasoning".split(
    " ",
  ),
);

/**
 * A request to colleagues, not a question for the app: someone asked (or someone able) to act for the
 * asker or the team ("can someone review my PR for the login page copy?", "could somebody add me to the
 * github team", "anybody able to restart the celery workers on staging?"), to hand over access
 * or a thing in hand ("can someone give me access to the staging db", "does anyone have the link to the
 * design doc?"), or whom to go to ("who do i ask for access to the staging db?"); who is on call, asked at
 * the start of a clause (`starts`: "arjun here — who's on call this weekend?"). Not when a framework or the
 * app is named ("can someone share the django docs link?", "could someone send me the command to redo the
 * recommendation?").
 */
export function asksOfColleagues(words: readonly string[], starts: ReadonlySet<number> = new Set()): boolean {
  if (words.some((w) => isFrameworkName(w) || THE_APPS.has(w))) return false;
  const first = afterLeadIns(words);
  return words.some((w, i) => {
    const next = words[i + 1] as string;
    const then = words[i + 2] as string;
    if ((w === "can" || w === "could" || w === "would") && SOMEONE.has(next)) return doneForUs(words, i + 2);
    // "anybody able to review my migration pr before 5?", "is somebody free to cover the support queue?"
    if (SOMEONE.has(w) && ABLE.has(next) && then === "to") return doneForUs(words, i + 3);
    if ((w === "does" || w === "do") && SOMEONE.has(next) && then === "have")
      return words.slice(i + 3, i + 9).some((x) => ARTIFACTS.has(x));
    if (w === "who" && ["do", "should", "can"].includes(next) && (then === "i" || then === "we"))
      return GO_TO.has(words[i + 3] as string);
    const onCall = (k: number) => words[k] === "on" && words[k + 1] === "call";
    return (
      (i === first || starts.has(i)) &&
      ((w === "whos" && onCall(i + 1)) || (w === "who" && next === "is" && onCall(i + 2)))
    );
  });
}

/** Words of a time a plan is set for: "this sprint or next", "next month or is that q3". */
const PLAN_TIMES = timeWords(
  [...DAYS, ...MONTHS],
  "sprint sprints week weeks month months quarter quarters q1 q2 q3 q4 eod eow morning afternoon weekend next later",
);

/**
 * When a thing in hand is planned, two times offered ("are we migrating the billing db to aurora this
 * sprint or next?", "is the security audit scheduled for next month or is that q3?"): a colleague's
 * question, whatever the thing is. Not with a framework named.
 */
export function asksWhichTime(words: readonly string[]): boolean {
  if (words.some(isFrameworkName)) return false;
  return words.some(
    (w, i) =>
      w === "or" &&
      words.slice(Math.max(0, i - 2), i).some((x) => PLAN_TIMES.has(x)) &&
      words.slice(i + 1, i + 4).some((x) => PLAN_TIMES.has(x)),
  );
}

/** Handles that address everyone, not one colleague: "@here reminder: …". */
const EVERYONE = new Set(["here", "channel", "everyone"]);

/**
 * The message opens by addressing a colleague by name, typed rather than picked as a Slack mention:
 * "@priya can you add the ADR template to confluence", "Arjun, are you presenting this at the arch
 * review?" (`unheardFirst`: its first word is one no question we learnt from has). Not the app
 * ("@flask-or-django …", "@bot …"), nor everyone ("@here …").
 */
export function addressesSomeoneElse(text: string, unheardFirst: boolean): boolean {
  const at = /^\s*@([a-z][\w.-]*)/i.exec(text);
  if (at) {
    const handle = (at[1] as string).toLowerCase();
    return !EVERYONE.has(handle) && !["flask", "django", "bot"].some((n) => handle.includes(n));
  }
  return unheardFirst && /^\s*[A-Z][a-z]+,\s/.test(text);
}

/** Verbs done to the app itself: "add you to a channel", "mute the bot". */
const DONE_TO_THE_APP = new Set(
  "add invite remove kick mute unmute install uninstall configure reinstall restart ping".split(" "),
);

/**
 * The message is about the app itself: it names the bot ("what does the bot do with my answers"; the
 * app's own name reads as "bot") or does something to it ("how do i add you to another channel").
 */
export function aboutTheApp(words: readonly string[]): boolean {
  return words.some((w, i) => w === "bot" || (w === "you" && DONE_TO_THE_APP.has(words[i - 1] as string)));
}

/** Verbs of a question about how a thing in hand went: "did the deploy go through". */
const WENT_OPENERS = new Set("did didnt has hasnt have havent is isnt was wasnt".split(" "));
/** What opens the thing in hand: "the staging deploy", "our migration", "yesterday's release". */
const IN_HAND_THING = new Set("the our my that this yesterdays todays last".split(" "));
/** How a thing went: through, finished, green, merged… */
const HOW_IT_WENT = new Set(
  "finish finished pass passed fail failed succeed succeeded land landed complete completed green red broken merged".split(
    " ",
  ),
);
/** What may follow how a thing went: a time or a place ("again", "yet", "on main"). */
const WENT_AFTER = new Set("again yet now today yesterday already ok okay on in last this".split(" "));
/** The app's own things: a question about them is for the app. */
const OF_THE_APP = new Set("you u answers answer recommendation verdict form modal bot".split(" "));
/** How a thing in hand is now: "is the build green again". */
const STATE = new Set(["green", "red", "merged", "finished", "completed", "live", "up", "down"]);
/** Environments, named without "the": "is staging up?". */
const ENVIRONMENTS = new Set("staging prod production dev qa uat preview sandbox ci".split(" "));
/** "go through", "went through": a thing that went ("is auth done through middleware" tells how). */
const WENT = new Set(["go", "gone", "went", "get", "got"]);

/**
 * "did the staging deploy from yesterday go through", "has the migration finished?", "is the build
 * green again", "is staging up?": how a thing in hand went, asked of colleagues. Not of a framework
 * ("did django's admin pass the audit") nor of the app ("did you finish").
 */
export function asksHowItWent(words: readonly string[]): boolean {
  const i = afterLeadIns(words);
  // "is staging up?", "is prod down again": an environment needs no "the".
  const bare = ENVIRONMENTS.has(words[i + 1] as string);
  if (!WENT_OPENERS.has(words[i] as string) || !(IN_HAND_THING.has(words[i + 1] as string) || bare))
    return false;
  // A version asks of a framework's history ("did the async views land in 3.1?"); the app's own things
  // ("did my answers go through?") are the app's.
  if (words.some((w) => isFrameworkName(w) || OF_THE_APP.has(w) || /\d/.test(w))) return false;
  // "is the orm broken for composite keys?" asks what a thing is like; only a state is news.
  const went = words[i]?.startsWith("is") || words[i]?.startsWith("was") ? STATE : HOW_IT_WENT;
  // The state ends what is asked, or a time or place follows: "is the build green again", "did the
  // tests pass on main?"; "is the admin finished enough for support" and "is the test runner green by
  // default" ask what it is like.
  const ends = (k: number) => words[k] === undefined || WENT_AFTER.has(words[k] as string);
  const from = bare ? i + 1 : i + 2;
  return words
    .slice(from)
    .some(
      (w, k) =>
        (went.has(w) || (w === "through" && WENT.has(words[from - 1 + k] as string))) && ends(from + 1 + k),
    );
}

/** Verbs that open a question of what would happen: "would that flip it", "does that change anything". */
const WOULD = new Set("would will could does might wouldnt".split(" "));
/** What may flip: the decision itself, by a pronoun or by name. */
const THE_PICK = new Set(
  "it that this answer verdict pick recommendation rec call result outcome".split(" "),
);
/** Verbs of the decision changing. */
const FLIPS = new Set(["flip", "change", "switch"]);
/** What the verb may take: "flip it", "change anything", "change the answer". */
const FLIP_OBJECT = new Set(["it", "anything", "things", "much", "the", "your"]);
/** What may follow: nothing, or a condition ("would the answer change if we had a smaller budget?"). */
const AFTER_FLIP = new Set(["if", "then"]);
/** Verbs of the app choosing: "what would make you recommend flask". */
const CHOOSES = new Set("recommend pick choose say prefer suggest".split(" "));

/**
 * "if the whole team was senior would that flip it", "would the answer change if we had a smaller
 * budget?", "what would make you recommend flask instead", "what would have to be true for flask to be
 * the pick": what would change the decision, asked in words other than the classifier's.
 */
export function asksWhatWouldFlip(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!WOULD.has(words[i] as string)) continue;
    // "would that flip it", "would the answer change if …": the decision, then the verb.
    let j = i + 1;
    if (words[j] === "the" || words[j] === "your") j++;
    if (THE_PICK.has(words[j] as string) && FLIPS.has(words[j + 1] as string)) {
      // "did that change anything on staging?", "will this change anything for payroll?": the verb's
      // object, then nothing but a condition.
      let k = j + 2;
      if (FLIP_OBJECT.has(words[k] as string)) k += words[k] === "the" || words[k] === "your" ? 2 : 1;
      const next = words[k];
      if (next === undefined || AFTER_FLIP.has(next)) return true;
    }
  }
  const start = afterLeadIns(words);
  if (words[start] !== "what" || !WOULD.has(words[start + 1] as string)) return false;
  const rest = words.slice(start + 2);
  const framework = rest.some(isFrameworkName);
  // "what would make you recommend flask", "what would make it say flask".
  if (rest[0] === "make" && (rest[1] === "you" || rest[1] === "it") && CHOOSES.has(rest[2] as string))
    return framework || rest.includes("other");
  // "what would have to be true for flask…", "what would need to be different for it to say flask?".
  const mustChange =
    (rest[0] === "have" || rest[0] === "need" || rest[0] === "needs") &&
    rest[1] === "to" &&
    (rest[2] === "change" || (rest[2] === "be" && ["true", "different"].includes(rest[3] as string)));
  return mustChange && (framework || rest.includes("other"));
}

/** Phrases of how close a call is: "a toss up", "could go either way", "a clear winner". */
const CLOSENESS = [
  ["toss", "up"],
  ["tossup"],
  ["coin", "flip"],
  ["close", "call"],
  ["go", "either", "way"],
  ["clear", "winner"],
  ["clear", "win"],
];
/** The decision, as what is trusted: "trust this pick", "trust the recommendation", "trust that?". */
const TRUSTED = new Set("pick recommendation rec verdict answer call it this that".split(" "));
/** What may follow a phrase of closeness: "a clear winner or …", "a toss up here?". */
const AFTER_CLOSENESS = new Set([
  "or",
  "here",
  "then",
  "really",
  "right",
  "tbh",
  "though",
  "tho",
  "honestly",
]);
/** What won or lost: "by how much did flask lose", "how much did django win by". */
const MARGIN_VERBS = new Set(["lose", "lost", "win", "won", "beat"]);
/** Who won or lost, in a margin question. */
const CONTENDERS = new Set(["flask", "django", "it", "other"]);

/**
 * "is django a clear winner or could it go either way?", "how much should we trust this pick?", "by how
 * much did flask lose", "does that mean it's basically a toss up?": how sure the decision is, in words
 * other than the classifier's. The phrase ends its clause ("is it a coin flip whether the demo happens
 * friday?" asks of another thing); what is trusted is the pick, nothing after it ("trust the result of the
 * load test" is not); what won or lost is a framework or the pick ("how much speed do we lose" is not).
 */
export function asksHowClose(words: readonly string[]): boolean {
  const ends = (k: number) => words[k] === undefined || AFTER_CLOSENESS.has(words[k] as string);
  for (const p of CLOSENESS) {
    for (let i = 0; i < words.length; i++) {
      if (p.every((w, k) => words[i + k] === w) && ends(i + p.length)) return true;
    }
  }
  const trust = words.indexOf("trust");
  if (trust >= 0) {
    let j = trust + 1;
    if (["this", "the", "your", "that"].includes(words[j] as string) && TRUSTED.has(words[j + 1] as string))
      j++;
    if (TRUSTED.has(words[j] as string) && ends(j + 1)) return true;
  }
  // "how much did flask lose", "by how much did it win".
  const much = words.findIndex((w, i) => w === "how" && words[i + 1] === "much");
  return (
    much >= 0 &&
    words[much + 2] === "did" &&
    CONTENDERS.has(words[much + 3] as string) &&
    words.slice(much + 4, much + 6).some((w) => MARGIN_VERBS.has(w))
  );
}

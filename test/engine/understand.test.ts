import { describe, expect, it } from "vitest";
import {
  buildUnderstander,
  explainFeature,
  type FeatureMatch,
  findNeedsInText,
  getKnowledge,
  matchFeature,
  toProfile,
  type Understanding,
  understand,
} from "../../src/engine/index.js";
import { analyseWith } from "../../src/engine/understand/model.js";

const k = getKnowledge();

/** input → the feature it is about. */
const PHRASINGS: Array<[string, string]> = [
  // everyday questions
  ["what about the admin?", "admin"],
  ["async?", "async"],
  ["orm migrations", "orm"],
  ["how do logins work", "auth"],
  ["background jobs with celery?", "background_tasks"],
  ["websockets", "async"],
  ["how does the admin compare", "admin"],
  ["what about auth in django?", "auth"],
  ["how do permissions work in django?", "permissions"],
  ["what's better for templating", "templates"],
  ["tell me about sign in", "auth"],
  ["Tell me about the ORM.", "orm"],
  ["can I use Oracle with Django?", "databases"],
  ["beginner friendly?", "learning_curve"],
  ["realtime chat", "async"],
  ["login page", "auth"],
  ["django admin vs flask-admin", "admin"],
  // single words and plurals
  ["migrations", "orm"],
  ["templates", "templates"],
  ["permissions", "permissions"],
  ["sessions", "sessions"],
  ["translations", "i18n"],
  ["routes", "routing"],
  ["views", "routing"],
  ["urls", "routing"],
  ["serializers", "rest_api"],
  ["blueprints", "project_structure"],
  ["workers", "background_tasks"],
  ["databases", "databases"],
  ["JSON APIs", "rest_api"],
  ["unit tests", "testing"],
  ["cron jobs", "background_tasks"],
  // synonyms, package names and jargon
  ["user accounts", "auth"],
  ["sign up", "auth"],
  ["sign-in", "auth"],
  ["password hashing", "auth"],
  ["Flask-Login", "auth"],
  ["django.contrib.auth", "auth"],
  ["rbac", "permissions"],
  ["access control", "permissions"],
  ["authorisation", "permissions"],
  ["wtforms", "forms"],
  ["jinja", "templates"],
  ["server-side rendering", "templates"],
  ["template inheritance", "templates"],
  ["url dispatcher", "routing"],
  ["drf", "rest_api"],
  ["openapi", "rest_api"],
  ["asgi", "async"],
  ["csrf", "security"],
  ["SQL injection", "security"],
  ["pytest", "testing"],
  ["debug toolbar", "debugging"],
  ["speed", "performance"],
  ["big project", "scalability"],
  ["microframework", "flexibility"],
  ["batteries included", "flexibility"],
  ["redis", "caching"],
  ["memcached", "caching"],
  ["task queue", "background_tasks"],
  ["gunicorn", "deployment"],
  ["hosting", "deployment"],
  ["documentation", "community"],
  ["pytorch", "ml"],
  ["model serving", "ml"],
  ["llm", "ml"],
  ["lts", "history"],
  ["postgres", "databases"],
  ["mongodb", "databases"],
  ["sqlalchemy", "orm"],
  ["alembic", "orm"],
  ["object relational mapper", "orm"],
  ["schema migrations", "orm"],
  ["internationalization", "i18n"],
  ["multilingual site", "i18n"],
  ["i18n & l10n", "i18n"],
  // typos
  ["admn panel", "admin"],
  ["admni", "admin"],
  ["teh admin panel", "admin"],
  ["authentcation", "auth"],
  ["authentification", "auth"],
  ["migratoins", "orm"],
  ["cachng", "caching"],
  ["cachign", "caching"],
  ["tempaltes", "templates"],
  ["permisions", "permissions"],
  ["permissons", "permissions"],
  ["websoket", "async"],
  ["sessoins", "sessions"],
  ["deploymnt", "deployment"],
  ["celry", "background_tasks"],
  ["databse", "databases"],
  ["securty", "security"],
  ["routng", "routing"],
  ["schedulled tasks", "background_tasks"],
  // Slack markup
  ["<@U0123ABCD> what about caching?", "caching"],
  ["<!channel> admin?", "admin"],
  ["<!here|here> what about i18n", "i18n"],
  ["<#C024BE7LR|general> celery?", "background_tasks"],
  ["<https://flask.palletsprojects.com|templates> in flask?", "templates"],
  ["*bold* _routing_", "routing"],
  ["`orm` ~migrations~", "orm"],
  ["&gt; what about csrf &amp; xss", "security"],
  // punctuation and odd case
  ["ADMIN PANEL!!!", "admin"],
  ["Admin-Panel???", "admin"],
  ["ORM?", "orm"],
  ["Orm.", "orm"],
  ["Migrations???", "orm"],
  ["the ORM!!!", "orm"],
  ["Background Tasks", "background_tasks"],
  ["REST API?", "rest_api"],
  ["Async/await support?", "async"],
  ["  \n\tcaching\n ", "caching"],
  ["Caché", "caching"],
];

/** Questions about one of the seed article's myths: feature and myth index. */
const MYTHS: Array<[string, string, number]> = [
  ["does flask support oracle?", "databases", 0],
  ["Can Flask use MySQL?", "databases", 0],
  ["is the django admin built on bootstrap?", "admin", 0],
  ["does the Django admin use Bootstrap?", "admin", 0],
  ["was flask created in 2011?", "history", 0],
  ["who created flask?", "history", 0],
  ["is flask faster than django?", "performance", 0],
  ["is drf part of django?", "rest_api", 0],
  ["can flask scale?", "scalability", 0],
  ["does django use jinja2", "templates", 0],
  ["django url regex", "routing", 0],
  ["are flask sessions encrypted", "sessions", 0],
  ["does django have a debugger", "debugging", 0],
  ["is flask batteries included?", "flexibility", 1],
  ["is sqlalchemy an orm", "orm", 0],
];

const UNKNOWN: Array<[string, unknown]> = [
  ["the weather", "what's the weather"],
  ["lol", "lol"],
  ["empty", ""],
  ["spaces", "   "],
  ["an emoji", "🙂"],
  ["thanks", "thanks!"],
  ["a bare mention", "<@U123>"],
  ["a bare channel ping", "<!here>"],
  ["flask", "flask"],
  ["django vs flask", "django vs flask"],
  ["which is better", "Flask vs Django: which is better?"],
  ["greeting", "hello"],
  ["small talk", "how are you"],
  ["off topic", "pizza recipe"],
  ["help", "help"],
  ["punctuation", "?!?"],
  ["a 10,000-character random string", randomString(10_000, 1)],
  ["10,000 random letters and spaces", randomString(10_000, 2, "abcdefghijklmnopqrstuvwxyz ")],
];

function randomString(length: number, seed: number, alphabet?: string): string {
  let x = seed;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
  let out = "";
  for (let i = 0; i < length; i++) {
    out += alphabet
      ? alphabet[Math.floor(next() * alphabet.length)]
      : String.fromCharCode(32 + Math.floor(next() * 95));
  }
  return out;
}

function expectMatch(m: FeatureMatch): asserts m is Extract<FeatureMatch, { kind: "match" }> {
  expect(m.kind).toBe("match");
}

type FeatureReading = Extract<Understanding, { intent: "feature" }>;
function expectFeature(u: Understanding): asserts u is FeatureReading {
  expect(u.intent).toBe("feature");
}

/** The first feature a message asks about in a thread under a Django verdict (fails unless it is a feature question). */
function firstFeatureAsked(text: string): string | undefined {
  const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
  expectFeature(u);
  return u.features[0]?.featureId;
}

describe("understand: feature phrasings", () => {
  it("covers at least 70 phrasings and every feature", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(70);
    const covered = new Set([...PHRASINGS.map(([, id]) => id), ...MYTHS.map(([, id]) => id)]);
    for (const f of k.features) {
      if (["community", "history"].includes(f.id)) continue;
      expect(covered.has(f.id), f.id).toBe(true);
    }
  });

  it.each(PHRASINGS)("%j → %s", (input, expected) => {
    const u = understand(k, input);
    expectFeature(u);
    expect(u.features.map((f) => f.featureId)).toEqual([expected]);
    expect(u.features[0]?.title).toBe(k.featureById.get(expected)?.title);
    expect(u.score).toBeGreaterThan(0);
    expect(u.score).toBeLessThanOrEqual(1);
    expect(u.isQuestion).toBe(true);
    expect(u.runnersUp.length).toBeLessThanOrEqual(3);
    expect(u.runnersUp.every((r) => r.featureId !== expected)).toBe(true);
  });

  it("scores an exact word above a typo of it", () => {
    const exact = understand(k, "caching");
    const typo = understand(k, "cahcing");
    expectFeature(exact);
    expectFeature(typo);
    expect(exact.score).toBe(1);
    expect(typo.score).toBeLessThan(exact.score);
  });

  it("sets no myth on ordinary questions", () => {
    for (const q of ["what about the admin?", "migrations", "can I use Oracle with Django?", "caching"]) {
      const m = matchFeature(q, k);
      expectMatch(m);
      expect(m.myth, q).toBeUndefined();
    }
  });
});

describe("matchFeature: myths", () => {
  it.each(MYTHS)("%j → %s with myth #%i", (input, feature, index) => {
    const m = matchFeature(input, k);
    expectMatch(m);
    expect(m.featureId).toBe(feature);
    expect(m.myth).toEqual({ featureId: feature, index });
    expect(k.featureById.get(feature)?.myths[index]?.correction.length).toBeGreaterThan(0);
  });

  it("the history myth is about 2011 and its correction says 2010", () => {
    const m = matchFeature("was flask created in 2011?", k);
    expectMatch(m);
    const myth = k.featureById.get("history")?.myths[m.myth?.index ?? -1];
    expect(myth?.claim).toContain("2011");
    expect(myth?.correction).toContain("2010");
  });
});

describe("matchFeature: several features in one question", () => {
  it("admin and auth? → one best match, the other in alsoAsked", () => {
    const m = matchFeature("admin and auth?", k);
    expectMatch(m);
    expect(["admin", "auth"]).toContain(m.featureId);
    const other = m.featureId === "admin" ? "auth" : "admin";
    expect(m.alsoAsked.map((a) => a.featureId)).toContain(other);
    expect(m.alsoAsked.map((a) => a.featureId)).not.toContain(m.featureId);
  });

  it.each([
    ["auth and caching and i18n", ["auth", "caching", "i18n"]],
    ["login and permissions", ["auth", "permissions"]],
    ["orm + caching", ["orm", "caching"]],
    ["caching, celery and i18n?", ["caching", "background_tasks", "i18n"]],
  ] as Array<[string, string[]]>)("%j names %j", (input, ids) => {
    const m = matchFeature(input, k);
    expectMatch(m);
    const all = [m.featureId, ...m.alsoAsked.map((a) => a.featureId)];
    expect(all.sort()).toEqual([...ids].sort());
  });

  it("a single-topic question has nothing in alsoAsked", () => {
    for (const q of ["what about the admin?", "migrations", "websockets", "celery"]) {
      const m = matchFeature(q, k);
      expectMatch(m);
      expect(m.alsoAsked, q).toEqual([]);
    }
  });
});

describe("understand: a second feature asked in one breath, or named in passing", () => {
  const asked = (text: string) => {
    const u = understand(k, text, { hasRecommendation: true });
    expectFeature(u);
    return u.features.map((f) => f.featureId).sort();
  };

  it.each([
    ["caching sessions?", ["caching", "sessions"]],
    ["jinja i18n", ["i18n", "templates"]],
    ["roles/login", ["auth", "permissions"]],
    ["cron jobs + websockets", ["async", "background_tasks"]],
    ["caching as well as sessions", ["caching", "sessions"]],
    // A word that alone reads as one of the two belongs to its ask: "slugs" to routing, "tokens" to auth.
    ["url slugs form validation", ["forms", "routing"]],
    ["login tokens rest api?", ["auth", "rest_api"]],
    // A noun for the kind of answer wanted, and a qualifier after "per", name no third topic.
    ["caching sessions story", ["caching", "sessions"]],
    ["login with roles per department?", ["auth", "permissions"]],
    ["admin with permissions per region", ["admin", "permissions"]],
    // "per" governs the word after it: "per-user" qualifies the permissions, it does not take them as object.
    ["admin panel with per-user permissions", ["admin", "permissions"]],
    // One question in parts none of which opens as a question: each part asks.
    ["json api plus token auth for the mobile app?", ["auth", "rest_api"]],
    ["ml model serving + background retraining jobs?", ["background_tasks", "ml"]],
    // A part that "plus" or "also" adds to asks too, though it opens as no question.
    ["raw throughput with many users plus how it scales out later", ["performance", "scalability"]],
    [
      "page load speed under heavy traffic plus how far it grows across servers",
      ["performance", "scalability"],
    ],
    // A real word the typo corrector turns into an off-topic one ("decent" into "descent") rules nothing out.
    ["is it quick to pick up and are the docs decent", ["community", "learning_curve"]],
    // "celery" is about background jobs in most examples that use it, if not in all.
    ["celery redis caching", ["background_tasks", "caching"]],
    // Each number of a list is a question of its own.
    ["1) how is caching done 2) what about translations", ["caching", "i18n"]],
    // A request sets no scene, in a long message too: the admin is asked for.
    [
      "we need the admin for the ops folks, and separately what's the least painful way to deploy",
      ["admin", "deployment"],
    ],
    // A long message's later part asks when it opens as a question after a word that adds an ask.
    [
      "what's local debugging like in each, breakpoints and error pages, and separately what's the least painful way to deploy to fly.io",
      ["debugging", "deployment"],
    ],
    [
      "our team is new to python and the deadline is tight. is the orm easy to pick up for juniors, and secondly how much work is a production deploy on a small vm",
      ["deployment", "learning_curve"],
    ],
  ] as Array<[string, string[]]>)("%j asks %j", (text, ids) => {
    expect(asked(text)).toEqual(ids);
  });

  it.each([
    // "view" is about routing in under a third of the examples that use it: here it is what is async.
    ["async views?", ["async"]],
    // The admin is where the permissions are, not a second question.
    ["permissions in the admin", ["permissions"]],
    // The first part sets the scene: the database is where the migrations run.
    ["we're on mysql, how do migrations work", ["orm"]],
    ["on our mysql box, how do migrations work", ["orm"]],
    // A later part where someone speaks of themselves tells what they do; it asks nothing.
    ["does it cache pages well? we deploy on heroku", ["caching"]],
    // The words of a longer alias start no other: "learning" here is not the learning curve.
    ["machine learning", ["ml"]],
  ] as Array<[string, string[]]>)("%j asks only %j", (text, ids) => {
    expect(asked(text)).toEqual(ids);
  });

  // A long message often tells its background before it asks: what it tells is not asked.
  it.each([
    ["the login page works and sessions live in redis. how do we translate the emails into dutch", ["i18n"]],
    [
      "our celery workers are fine and the admin is set up. what do people use for caching the home page",
      ["caching"],
    ],
    [
      "sessions are stored in the database and the forms validate nicely. how is the orm at bulk updates",
      ["orm"],
    ],
    [
      "the project uses postgres with the orm and celery for the emails. can the whole thing be translated to german",
      ["i18n"],
    ],
  ] as Array<[string, string[]]>)("%j, long, asks only %j", (text, ids) => {
    expect(asked(text)).toEqual(ids);
  });

  // What the scene names gives way to what the asking part asks.
  it("reads a long message's asking part over the feature its background names", () => {
    const text =
      "we cache the product pages in redis already and it helped a little. is django itself slower per request than flask";
    expect(asked(text)).toEqual(["performance"]);
  });

  // …but a list of asks is no background, however long: after a question or a request, or on its own.
  it.each([
    [
      "caching, admin, orm, celery, i18n, templates, forms?",
      ["admin", "background_tasks", "caching", "forms", "i18n", "orm", "templates"],
    ],
    [
      "tell me about caching, the admin panel, the orm, celery jobs and i18n",
      ["admin", "background_tasks", "caching", "i18n", "orm"],
    ],
    [
      "we need an admin panel for staff, login for customers and caching for product pages",
      ["admin", "auth", "caching"],
    ],
    [
      "caching the dashboard queries and translating the emails into dutch, how do we do both?",
      ["caching", "i18n"],
    ],
  ] as Array<[string, string[]]>)("%j lists %j", (text, ids) => {
    expect(asked(text)).toEqual(ids);
  });

  // A list in a sentence of its own after the question is background, not more asks.
  it("reads a stack listed after the question as background", () => {
    const text =
      "how do we deploy it to production with docker? our stack: postgres, redis, celery and nginx";
    expect(asked(text)).toEqual(["deployment"]);
  });

  // A scene's feature gives way only to a feature a part that asks adds, not to one named beside it.
  it("keeps both aliases of a scene when no other part asks", () => {
    expect(asked("we do auth roles, ok?")).toEqual(["auth", "permissions"]);
  });

  // Who speaks is read after "and" or "but": "and we deploy on heroku" tells.
  it.each([
    "does it cache pages well? and we deploy on heroku",
    "does it cache pages well? but we deploy on heroku",
  ])("%j asks only about caching", (text) => {
    expect(asked(text)).toEqual(["caching"]);
  });

  // …while each part of a long message that asks still counts.
  it.each([
    [
      "how do the built in login views handle password resets, and how do we cache the expensive dashboard queries",
      ["auth", "caching"],
    ],
    [
      "is there a background job queue we can plug in for the nightly exports, and how are the translations of the emails handled",
      ["background_tasks", "i18n"],
    ],
  ] as Array<[string, string[]]>)("%j, long, asks %j", (text, ids) => {
    expect(asked(text)).toEqual(ids);
  });
});

describe("understand: background told before the question", () => {
  const read = (text: string) => {
    const u = understand(k, text, { hasRecommendation: true });
    return u.intent === "feature" ? u.features.map((f) => f.featureId) : u.intent;
  };

  it("reads the question, not the background's other tools", () => {
    expect(read("our infra is terraform on gcp, how do the two handle background jobs?")).toEqual([
      "background_tasks",
    ]);
  });

  it.each([
    ["coming from laravel, how does routing work?", "routing"],
    ["switching from rails, how painful are migrations?", "orm"],
    ["we're a laravel shop. how do migrations work here?", "orm"],
  ])("reads %j as ours: the other framework is left behind", (text, featureId) => {
    expect(read(text)).toEqual([featureId]);
  });

  it.each([
    // Another framework named in the background makes the question its own.
    "we're a laravel shop. how do migrations work?",
    // Left behind, but the question names another one.
    "coming from laravel, how does routing work in rails?",
    // Going to another one, or just naming it, is no leaving it behind.
    "moving to fastapi, how does routing work there?",
    "switching to rails, how do migrations work?",
    "having trouble with laravel, how do migrations work?",
    // The part that asks says nothing of a feature: the background is what is asked about.
    "snowflake or bigquery for the analytics warehouse - has anyone decided?",
  ])("still declines %j", (text) => {
    expect(read(text)).toBe("unknown");
  });
});

describe("matchFeature: what it should not know", () => {
  it("has at least 12 unknown cases", () => {
    expect(UNKNOWN.length).toBeGreaterThanOrEqual(12);
  });

  it.each(UNKNOWN)("%s → no feature answer", (_name, input) => {
    const u = understand(k, input);
    expect(u.intent).not.toBe("feature");
    expect(u.runnersUp.length).toBeLessThanOrEqual(3);
    const m = matchFeature(input, k);
    expect(m.kind).toBe("unknown");
  });

  // Only Flask or Django named makes a question ours: not "versus", not "python".
  it.each([
    "jest versus mocha for testing?",
    "spring boot versus quarkus?",
    "how do python decorators work under the hood?",
  ])("%j gets no sure answer", (text) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "unknown" || u.unsure).toBe(true);
  });

  // Another framework's own feature is not ours; named as background it leaves the question ours.
  it.each([
    ["how do i handle file uploads in laravel with livewire?", undefined],
    ["how do i add a migration in rails?", undefined],
    // …and an everyday word that is also a framework's name, or a comparison, leaves it ours (a reviewer's cases).
    ["online shop with express shipping: how do forms work?", "forms"],
    ["spring launch: how fast can we get an admin panel?", "admin"],
    ["for rails developers how hard is the orm to learn?", "learning_curve"],
    ["how does the orm compare to active record in rails?", "orm"],
    ["how do migrations work? in rails it was rake db:migrate", "orm"],
    ["coming from rails, how do migrations work here?", "orm"],
    ["we know express well, how steep is the learning curve?", "learning_curve"],
  ])("%j → %s", (text, feature) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "feature" ? u.features[0]?.featureId : undefined).toBe(feature);
  });

  // "after" and "first" say when, not what: they are no domain words, whatever the examples.
  it.each(["how many pto days are there after the first year", "how many leave days after the first year"])(
    "%j gets no feature answer",
    (text) => {
      expect(["help", "unknown"]).toContain(understand(k, text, { hasRecommendation: true }).intent);
    },
  );

  it("answers a 10,000-character string quickly", () => {
    const input = randomString(10_000, 3, "abcdefghijklmnopqrstuvwxyz ");
    const start = performance.now();
    matchFeature(input, k);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("matchFeature never throws", () => {
  const odd: Array<[string, unknown]> = [
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["NaN", Number.NaN],
    ["an object", {}],
    ["an array", ["admin"]],
    ["a boolean", true],
    ["a bigint", 10n],
    ["a symbol", Symbol("admin")],
    ["a function", () => "admin"],
    ["a String object", new String("admin")],
    [
      "an object whose toString throws",
      {
        toString: () => {
          throw new Error("no");
        },
      },
    ],
  ];

  it.each(odd)("%s → unknown", (_name, input) => {
    let m: FeatureMatch | undefined;
    expect(() => {
      m = matchFeature(input, k);
    }).not.toThrow();
    expect(m?.kind).toBe("unknown");
  });

  it.each([
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "\udc00"],
    ["control characters", "\u0000\u0001\u0007\u001b\u001f\u007f"],
    ["a NUL inside a word", "adm\u0000in"],
    ["zero-width characters", "\u200b\u200c\u200d\ufeff"],
    ["right-to-left marks", "\u202e\u202d"],
  ])("%s → nothing sure", (_name, input) => {
    const u = understand(k, input);
    expect(u.intent === "unknown" || u.intent === "chatter" || u.unsure).toBe(true);
  });

  it("still finds the feature next to lone surrogates and control characters", () => {
    for (const input of ["\ud800admin", "admin\udc00", "\u0000admin\u0001", "admin\u200b?"]) {
      const m = matchFeature(input, k);
      expectMatch(m);
      expect(m.featureId, JSON.stringify(input)).toBe("admin");
    }
  });
});

describe("analysed words", () => {
  // The negation reader finds a word's clause at tokens[at]: every word is one token, in order, even
  // when shorthand or a compound makes two of one typed word.
  it("are one token each, in order", () => {
    const u = buildUnderstander(k);
    const a = analyseWith(u, "no pg, and deploying with githubactions? we don't need i18n");
    expect(a.tokens.length).toBe(a.words.length);
    expect(a.tokens.map((t) => t.at)).toEqual(a.words.map((_, i) => i));
  });
});

describe("findNeedsInText", () => {
  it.each([
    ["Staff must edit records in an admin dashboard", ["admin"]],
    ["Our ops team needs an admin dashboard; we deploy on Kubernetes…", ["admin"]],
    ["ADMIN", ["admin"]],
    ["We need logins, translations into French and a celery worker", ["auth", "i18n", "background_tasks"]],
    ["We want websockets and background jobs", ["async", "background_tasks"]],
    ["staff dashboard for back office, plus REST API", ["admin", "rest_api"]],
    ["We need a machine learning model", ["ml"]],
    ["forms forms forms", ["forms"]],
    ["we need authentication but no caching", ["auth"]],
    // A negation stops at a joiner followed by words of its own, and at a consequence.
    ["no admin and we need translations", ["i18n"]],
    ["we don't use docker and need an admin", ["admin"]],
    ["we have no budget so we need caching", ["caching"]],
    ["without caching and with translations", ["i18n"]],
    ["i18n: no, caching: yes", ["caching"]],
    // A bare no answers the need before it; a longer clause that starts with "no" does not.
    ["websockets? nope. admin yes", ["admin"]],
    ["websockets? no idea how they work but we need them", ["async"]],
    // …and a short clause that starts with "no" is a bare no only when it says nothing else.
    ["we need auth, no admin", ["auth"]],
    ["auth, no admin, no i18n", ["auth"]],
    ["we need an admin, no matter what", ["admin"]],
    ["we need websockets, no doubt", ["async"]],
    ["celery? no idea", ["background_tasks"]],
  ] as Array<[string, string[]]>)("%j → %j", (text, needs) => {
    expect(findNeedsInText(text, k)).toEqual(needs);
  });

  it.each([
    "we don't need an admin",
    "We do not need an admin panel",
    "no admin please",
    "without translation",
    "don't need migrations",
    "We never need caching",
    "",
    "we deploy with gunicorn on kubernetes",
    "how about routing and debugging",
    // A bare list after a negation is all ruled out.
    "no admin or auth",
    // A negation is never the need itself.
    "no live updates",
    "no scheduled jobs",
    "no mobile app",
    // A negation after the need turns it around.
    "admin: not needed",
    "an admin isn't required",
    "rest api is not needed",
    "websockets? nope",
    "i18n? nah",
    "translations? not really",
    "celery? no thanks",
    // A maybe is not a need.
    "maybe later we will need translations",
  ])("%j → no needs", (text) => {
    expect(findNeedsInText(text, k)).toEqual([]);
  });

  it("returns needs in the questionnaire's order, each once", () => {
    const needs = findNeedsInText("caching, then admin, then caching again and an admin panel and auth", k);
    expect(needs).toEqual(["admin", "auth", "caching"]);
    const order = k.needFeatures.map((f) => f.id);
    expect(needs.map((n) => order.indexOf(n))).toEqual(
      [...needs.map((n) => order.indexOf(n))].sort((a, b) => a - b),
    );
  });

  it("returns only features that have a need", () => {
    const needIds = new Set(k.needFeatures.map((f) => f.id));
    const text = k.features.flatMap((f) => f.aliases).join(", ");
    const found = findNeedsInText(text, k);
    expect(found.length).toBeGreaterThan(5);
    for (const id of found) expect(needIds.has(id), id).toBe(true);
  });
});

describe("explainFeature", () => {
  it("gives both docs links for every feature", () => {
    for (const f of k.features) {
      const e = explainFeature(f.id, undefined, k);
      expect(e, f.id).toBeDefined();
      expect(e?.flask.docs).toBe(f.flask.docs);
      expect(e?.django.docs).toBe(f.django.docs);
      // Flask's own page, or (where Flask has nothing of its own) the extension's docs.
      expect(e?.flask.docs).toMatch(
        /^https:\/\/(flask\.palletsprojects\.com\/|[a-z-]+\.readthedocs\.io\/|python-babel\.github\.io\/)/,
      );
      expect(e?.django.docs).toMatch(/^https:\/\/docs\.djangoproject\.com\//);
      expect(e?.flask.name).toBe("Flask");
      expect(e?.django.name).toBe("Django");
      expect(e?.knowledgeVersion).toBe(k.meta.knowledgeVersion);
      expect(e?.forProject).toBeUndefined();
    }
  });

  it('for a profile needing admin, forProject starts with "You said you need"', () => {
    const e = explainFeature("admin", toProfile({ answers: {}, needs: ["admin"] }, k), k);
    expect(e?.forProject).toMatch(/^You said you need an admin panel/);
    expect(e?.forProject).toContain("in Flask that is a pallets-eco extension; in Django built in");
    expect(e?.myths.length).toBeGreaterThan(0);
  });

  it("for a profile not needing admin, says nothing for the project rather than boilerplate", () => {
    const e = explainFeature("admin", toProfile({ answers: {}, needs: ["auth"] }, k), k);
    expect(e?.forProject).toBeUndefined();
  });

  it("for databases, uses the profile's database", () => {
    const e = explainFeature("databases", toProfile({ answers: { database: "mongodb" } }, k), k);
    expect(e?.forProject).toMatch(/^You said you use MongoDB/);
  });

  it("gives undefined for an unknown id", () => {
    expect(explainFeature("teleportation", undefined, k)).toBeUndefined();
    expect(explainFeature("", undefined, k)).toBeUndefined();
    expect(explainFeature("Admin", undefined, k)).toBeUndefined();
  });

  it("explains whatever matchFeature finds", () => {
    for (const [input] of PHRASINGS.slice(0, 20)) {
      const m = matchFeature(input, k);
      expectMatch(m);
      expect(explainFeature(m.featureId, undefined, k)?.title).toBe(m.title);
    }
  });
});

describe("understand: questions about the decision", () => {
  it.each([
    ["so what's the call?", "verdict"],
    ["why?", "verdict"],
    ["why this one?", "verdict"],
    ["*why* that?", "verdict"],
    ["ok but how so?", "verdict"],
    ["are we going with Django or not?", "verdict"],
    ["tl;dr what's the plan", "verdict"],
    ["what's the case against Flask here?", "why_not"],
    ["how confident is that?", "confidence"],
    ["what would flip it?", "flip"],
    ["would FastAPI be better here?", "alternative"],
  ])("%j → decision/%s", (text, topic) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent).toBe("decision");
    if (u.intent === "decision") expect(u.topic).toBe(topic);
    expect(u.isQuestion).toBe(true);
  });

  // The downsides of the framework recommended are the case against it, not its reasons.
  it.each([
    "what are the downsides of django for us?",
    "any drawbacks to django here?",
    "what's the catch with django?",
    // Alone, or about the recommendation itself: the case against what was recommended.
    "any drawbacks?",
    "what's the catch with this recommendation?",
  ])("%j under a Django verdict asks the case against Django", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "why_not", framework: "django" });
  });

  // "why" and a framework, then nothing, a new clause or a circumstance: a question about the pick.
  it.each([
    ["why django for a chat app?", "verdict", undefined],
    ["so why not flask + socketio?", "why_not", "flask"],
    ["why flask for an ml service?", "why_not", "flask"],
    ["why not django here?", "why_not", "django"],
  ])("%j under a Django verdict → decision/%s", (text, topic, framework) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic, unsure: false });
    if (u.intent === "decision" && u.topic === "why_not") expect(u.framework).toBe(framework);
  });

  // "What if …": the answers it supposes, for the thread to re-score; a feature only when said to be needed.
  it.each([
    ["what if it stays tiny?", { size: "tiny" }, []],
    ["so what if we only had two weeks?", { timeline: "weeks" }, []],
    ["what if we need an admin later?", {}, ["admin"]],
  ])("%j supposes other answers", (text, answers, needs) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "flip", hypothesis: { answers, needs } });
  });

  // A reviewer's finds: only a clause about the project or the team, with a verb that states an answer
  // or a need, supposes anything; a needed feature leaves what is built as it was.
  it.each([
    "what if i'm out next week?",
    "what if we decide next week?",
    "what if the customer is large?",
    "what if it wasn't a prototype?",
    "what if the prototype becomes production?",
    "what if the shop gets hacked?",
    "what if the admin needs a custom theme?",
    "what if we need to migrate from sqlite to postgres later?",
  ])("%j supposes none of the project's answers", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u.intent === "decision" && u.topic === "flip" ? u.hypothesis : undefined).toBeUndefined();
  });

  it.each([
    ["what if we switched to mysql?", { answers: { database: "mysql" }, needs: [] }],
    ["what if we didn't need auth?", { answers: {}, needs: [], dropped: ["auth"] }],
    ["what if the data team knew flask?", { answers: { experience: "flask" }, needs: [] }],
  ])("%j supposes %j", (text, hypothesis) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "flip", hypothesis });
  });

  // A colleague asking whether to do something else is not asking about the pick.
  it.each([
    "should I rebase my flask branch?",
    "should we merge the django upgrade today?",
    "should we archive the old django repo?",
    // Chores asked of colleagues get no feature sheet either.
    "should we deploy on friday?",
    "should we restart the celery workers?",
    "should we revert the django migration from yesterday?",
  ])("%j is neither about the decision nor about a feature", (text) => {
    const { intent } = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(["decision", "feature"]).not.toContain(intent);
  });

  it.each([
    "should we use flask?",
    "should we just go with django?",
    "should we switch to django?",
    // A verb the list of choosing verbs lacks still chooses when the framework is what it acts on.
    "should we give flask a shot?",
    "should we evaluate django?",
    "should we drop django for flask?",
  ])("%j still asks about the pick", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" })).toMatchObject({
      intent: "decision",
      topic: "verdict",
    });
  });

  // Options, a framework it is done in, or a general practice: work on code that still asks.
  it.each([
    ["should we deploy with gunicorn or uwsgi?", "deployment"],
    ["should we deploy flask on lambda?", "deployment"],
    ["should we deploy on heroku?", "deployment"],
    ["should we squash migrations in django?", "orm"],
    ["should we push background jobs to celery?", "background_tasks"],
  ])("%j asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  it("offers no 'did you mean' for a chore", () => {
    expect(understand(k, "should we deploy on friday?", { hasRecommendation: true }).runnersUp).toEqual([]);
  });

  // A feature named with a verb that chooses no framework, or a chore weighing the two: the feature.
  it.each([
    ["should we add django admin?", "admin"],
    ["should we deploy flask or django on lambda?", "deployment"],
  ])("%j asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  // Better at a feature: that feature's comparison; better under a condition: a what-if.
  it.each([
    ["would flask be better for websockets?", "async"],
    ["is flask better for apis?", "rest_api"],
  ])("%j asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  it("reads 'would flask be better if we only need an api?' as a what-if", () => {
    const u = understand(k, "would flask be better if we only need an api?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u).toMatchObject({ intent: "decision", topic: "flip" });
  });

  // Whether the other framework would do better: its case, and what outweighs it; of the pick, its reasons.
  it.each([
    ["would flask be better here?", "django", { topic: "why_not", framework: "flask", asksFor: true }],
    ["wouldn't flask have been a better fit?", "django", { topic: "why_not", framework: "flask" }],
    // "honestly", "seriously" lead in like "so".
    ["honestly, would flask be better here?", "django", { topic: "why_not", framework: "flask" }],
    // Named a little later in the question.
    ["wouldn't the team be better off with flask?", "django", { topic: "why_not", framework: "flask" }],
    ["would using flask be better here?", "django", { topic: "why_not", framework: "flask" }],
    ["would flask be better here?", "flask", { topic: "verdict" }],
  ])("%j under a %s verdict asks %j", (text, verdict, reading) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: verdict as "flask" | "django" });
    expect(u).toMatchObject({ intent: "decision", ...reading });
  });

  // Whether one framework is more, or less, than the project needs: the case against it.
  it.each([
    ["is django overkill for this?", "django"],
    ["isn't flask too minimal for us?", "flask"],
    ["would django be overkill here?", "django"],
    // In words of fault, harm or cost; the cost of the pick unnamed is the verdict's.
    ["what's wrong with flask for our project?", "flask"],
    ["what's bad about django for a team like ours", "django"],
    ["where would django hurt us", "django"],
    ["what do we give up by going with django?", "django"],
    ["what would we lose with flask", "flask"],
    ["what do we give up with it?", "django"],
  ])("%j asks the case against %s", (text, framework) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "why_not", framework });
  });

  // What would change the decision, in words other than "flip it": the decision as the subject, or what
  // would make the app choose the other one.
  it.each([
    "if the whole team was senior would that flip it",
    "would the answer change if we had a smaller budget?",
    "does that change anything?",
    "what would make you recommend flask instead",
    "what would have to be true for flask to be the pick",
    "what would need to be different for it to say flask?",
  ])("%j asks what would change it", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "flip" });
  });
  // How sure, in words of how close the call is, trust in the pick or the margin.
  it.each([
    "is django a clear winner or could it go either way?",
    "how much should we trust this pick?",
    "by how much did flask lose",
  ])("%j asks how sure it is", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "confidence" });
  });
  it("'either way works for me' asks nothing", () => {
    const u = understand(k, "either way works for me", { hasRecommendation: true, verdict: "django" });
    expect(u.intent === "decision" && u.topic === "confidence").toBe(false);
  });

  it("'would the answer change if it stays tiny?' supposes the answer it gives", () => {
    const u = understand(k, "would the answer change if it stays tiny?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u).toMatchObject({ topic: "flip", hypothesis: { answers: { size: "tiny" } } });
  });

  it("'what's wrong with the django admin?' asks about the admin", () => {
    expect(firstFeatureAsked("what's wrong with the django admin?")).toBe("admin");
  });

  it("'is the django admin too much for a small team?' asks about the admin", () => {
    const u = understand(k, "is the django admin too much for a small team?", { hasRecommendation: true });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("admin");
  });

  it("'what if we needed websockets?' supposes a need, not another kind of project", () => {
    const u = understand(k, "what if we needed websockets?", { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({
      intent: "decision",
      topic: "flip",
      hypothesis: { answers: {}, needs: ["async"] },
    });
  });

  it.each([
    ["nah flask suits us better, we know flask", { experience: "flask" }],
    ["we'd rather use django, the whole team knows django", { experience: "django" }],
    ["that's wrong, we know flask and django both", undefined],
    // "it" is the framework preferred.
    ["i'd rather use flask since we already know it", { experience: "flask" }],
  ])("push-back %j gives its reason as answers %j", (text, answers) => {
    // Under the verdict it argues against (preferring the verdict is no push-back).
    const verdict = text.includes("rather use django") ? "flask" : "django";
    const u = understand(k, text, { hasRecommendation: true, verdict });
    expect(u.intent).toBe("pushback");
    if (u.intent === "pushback") expect(u.hypothesis?.answers).toEqual(answers);
  });

  // A reason given as a feature ("because of the admin") is a need to weigh.
  it.each([
    ["we prefer django because of the admin", ["admin"]],
    ["nah, django due to the auth story", ["auth"]],
  ])("push-back %j gives its reason as needs %j", (text, needs) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "flask" });
    expect(u.intent).toBe("pushback");
    if (u.intent === "pushback") expect(u.hypothesis).toEqual({ answers: {}, needs });
  });

  // The reason read alone is a feature's words: push-back is read in what comes before it.
  it.each([
    ["we prefer flask because we only need a json api", "flask"],
    ["honestly we'd rather use flask, we only need a json api", "flask"],
    ["flask suits us better since we only need an api", "flask"],
    ["nah flask, cuz we only need a json api", "flask"],
  ])("%j pushes back for %s with its reason as a need", (text, prefers) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({
      intent: "pushback",
      prefers,
      hypothesis: { answers: {}, needs: ["rest_api"] },
    });
  });

  it.each([
    // Told, not pushed: a story about a framework with its reason.
    "we picked django last time because of the admin",
    "i like flask because it is simple",
    // A next clause that states nothing of the project or the team is no reason.
    "flask is so minimal, i love it",
  ])("%j tells a story with its reason: no push-back", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("chatter");
  });

  // The team's present stance against the verdict, told as a fact, pushes back; a story, a stance for the
  // verdict, or the name qualifying another thing is a remark.
  it.each([
    ["we already have flask in prod", "django", "pushback"],
    ["the team hates django", "django", "pushback"],
    ["our devs are all flask people", "django", "pushback"],
    ["we used flask at my last job", "django", "chatter"],
    ["we love django", "django", "chatter"],
    ["we have a django meetup tomorrow", "flask", "chatter"],
    // A filler after the name qualifies nothing.
    ["we already know flask tho", "django", "pushback"],
    ["our devs use flask daily", "django", "pushback"],
    // The framework judged the better pick, unless "but" turns it round.
    ["hmm, flask feels like the better fit to me", "django", "pushback"],
    ["flask feels lighter, but the admin matters", "django", "feature"],
    // A reviewer's finds: leaving a framework, or telling a story with its reason, is no stance for it.
    ["we are moving away from flask", "django", "chatter"],
    ["we have a flask app we want to retire", "django", "chatter"],
    ["we've used flask since 2019", "django", "chatter"],
    ["we have used flask for years since it is simple", "django", "chatter"],
    ["we use sqlalchemy everywhere already so flask", "django", "pushback"],
    // Going along with the verdict is a remark; doubting it with a question still asks.
    ["welp, django it is", "django", "chatter"],
    ["guess we're building it in django", "django", "chatter"],
    ["welp, flask it is", "flask", "chatter"],
    ["django?? really??", "django", "decision"],
  ] as const)("%j under a %s verdict reads as %s", (text, verdict, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict }).intent).toBe(intent);
  });

  // Push-back on another matter: what it disagrees with is not ours, or it says so only in a pair of
  // function words beside a word not ours.
  it.each([
    ["honestly i disagree with the new pto policy", "chatter"],
    ["i don't have permission to view the q3 okr sheet", "chatter"],
    ["i disagree", "pushback"],
    ["i disagree with the reasoning", "pushback"],
    ["i don't buy it", "pushback"],
    // Disagreement opened as one, with the verdict or nothing as its object, whatever follows.
    ["disagree — we'll end up ripping out half of django. flask is the better fit imo", "pushback"],
    [
      "I'd push back on this — we've had nothing but trouble with django memory bloat in the past",
      "pushback",
    ],
    ["i'm not sold, this feels like overkill for what is basically a form and a report", "pushback"],
    ["i disagree with sam about the standup time", "chatter"],
    // Disagreement about another thing, or with a colleague for the verdict (a reviewer's finds).
    ["i'd push back on that deadline", "chatter"],
    ["gonna push back on this sprint's scope, it's too much", "chatter"],
    ["not convinced — the standup notes never get read", "chatter"],
    ["disagree, django is clearly the right call here", "chatter"],
    ["unconvinced. we're a tiny team", "pushback"],
    ["not convinced — the admin is the only thing we'd use", "pushback"],
    // However the classifiers read it: disagreement about another thing is a remark, with the verdict or
    // the app push-back.
    ["hard disagree on the friday launch", "chatter"],
    ["not convinced the a/b result is significant", "chatter"],
    ["i'd push back on anyone saying flask here, django is the right call", "chatter"],
    ["respectfully, i disagree with this recommendation", "pushback"],
    ["strongly disagree with the bot — django is overkill", "pushback"],
    ["hmm *not* convinced tbh", "pushback"],
    // Its reason first, the preference last.
    ["from an ops pov django is more moving parts, I'd push for flask tbh", "pushback"],
    ["django has the admin, i'd still go with django", "chatter"],
  ])("%j reads as %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });

  it("agreeing with the verdict, with a reason, pushes back on nothing", () => {
    const u = understand(k, "django is still the better call because of the admin", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u.intent).not.toBe("pushback");
  });

  it.each([
    ["what if celery goes down?", "background_tasks"],
    ["what if we need to add a column later?", "orm"],
  ])("%j supposes nothing of the project: a feature question", (text, featureId) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe(featureId);
  });

  // Another framework asked where the classifier reads nothing of ours: suggested, compared or alone.
  it.each([
    ["why not express, our frontend devs know node", "Express"],
    ["laravel? our agency uses php", "Laravel"],
    ["spring boot vs django", "Spring"],
  ])("%j asks about %s", (text, alternative) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative });
  });

  // An alternative's name that is an everyday word, qualified by what follows, names no framework;
  // other stacks among themselves stay declined.
  it.each(["what about spring break", "what about the spring launch?", "laravel vs symfony"])(
    "%j asks about no alternative: declined",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
    },
  );

  // A word never seen, weighed with no framework or stack named, is another thing; the web frameworks
  // the knowledge base names are named, whichever stack they belong to.
  it.each(["graviton an option for the runners?", "karpenter instead?"])(
    "%j weighs another thing: declined as another matter",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true, verdict: "django" })).toMatchObject({
        intent: "unknown",
        elsewhere: true,
      });
    },
  );
  it.each([
    ["hono an option?", "Hono"],
    ["is phoenix an option for this?", "Phoenix"],
    ["what about symfony", "Symfony"],
    ["ktor?", "Ktor"],
  ])("%j asks about the alternative %s", (text, alternative) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative });
  });
  // A name asked alone with its reason told after, or suggested with a filler, asks about it; a reason
  // that asks another thing is another matter.
  it.each([
    ["hono? it's the new hotness for apis", "Hono"],
    ["spring boot instead? the rest of the company is java", "Spring"],
    ["since our team writes node all day, why not just express?", "Express"],
  ])("%j asks about the alternative %s, with its reason", (text, alternative) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative });
  });
  it.each([
    ["have you considered spring boot? we're a java shop", "Spring"],
    ["should we look at litestar instead?", "Litestar"],
  ])("%j suggests %s", (text, alternative) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative });
  });
  // A reviewer's finds on this round's rules: each stays what it is.
  it.each([
    // What would flip it: the decision, then nothing but a condition.
    ["did that change anything on staging?", "unknown"],
    ["will this change anything for payroll?", "unknown"],
    ["could it switch at runtime between databases?", "feature"],
    // How close: the phrase ends its clause, the pick is trusted, a framework won or lost.
    ["is it a coin flip whether the demo happens friday?", "unknown"],
    ["how much did the team lose on the office pool?", "unknown"],
    // The case against: asked, not told; "nothing wrong" denies it; the framework itself.
    ["nothing wrong with flask for this either", "pushback"],
    // A name said again is what the rest is about.
    ["phoenix? the offsite is in phoenix this year", "unknown"],
    // Weighed for us: not another framework's own business.
    ["does fastapi do what we need?", "decision"],
    ["why not fastapi? the fastapi docs are excellent", "decision"],
    ["what about fastapi 0.110 instead?", "decision"],
    ["should we just extend our existing rails app instead?", "decision"],
    // What a thing is like is no news of how it went.
    ["has the orm broken backwards compatibility often?", "feature"],
    ["is the test runner green by default with pytest?", "feature"],
    // Doubt is push-back, even naming the verdict.
    ["not sold on django here", "pushback"],
    ["i'm not convinced about django here", "pushback"],
    // A month is no meeting moved; the team's own stack is what one of ours would replace.
    ["what if the deadline were june instead?", "decision"],
    ["which would you recommend instead of our legacy php app?", "decision"],
    // Real scaling; the framework on its rails.
    ["can django scale from 1 to 50 instances without code changes?", "feature"],
    ["fred and i prefer flask because we only need a small json api", "pushback"],
  ])("%j reads as %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });
  it("outside a thread, 'let's go with express since the client is in a hurry' names no framework", () => {
    expect(understand(k, "let's go with express since the client is in a hurry").intent).not.toBe("decision");
  });
  it("'can i get the verdict as a pdf?' asks for help", () => {
    expect(understand(k, "can i get the verdict as a pdf?", { hasRecommendation: true }).intent).toBe("help");
  });

  it("'why not laravel, it has everything django has' suggests Laravel, whatever its reason names", () => {
    const u = understand(k, "why not laravel, it has everything django has", { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative: "Laravel" });
  });
  it("'rails? lol. anyway who has the jira board link' asks another thing after", () => {
    const u = understand(k, "rails? lol. anyway who has the jira board link", { hasRecommendation: true });
    expect(u.intent).toBe("unknown");
  });
  // What an alternative would replace is named: a framework keeps it an alternative question; a feature's
  // thing makes it the feature's; anything else is another matter.
  it.each([
    "anything lighter than django?",
    "is there something better than both for this",
    "would a microframework be better instead of a full framework?",
  ])("%j leaves a framework: an alternative question", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });
  it("'something lighter than sqlalchemy?' asks about the ORM", () => {
    const u = understand(k, "something lighter than sqlalchemy?", { hasRecommendation: true });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("orm");
  });
  it.each([
    "is there an alternative to 2 week sprints that works better for a small team?",
    "anyone looked at duckdb? could it replace the pandas step",
  ])("%j replaces another thing: declined", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
  });
  it("'what would you recommend instead of trello for sprint boards' picks a replacement for another thing", () => {
    const text = "what would you recommend instead of trello for sprint boards";
    expect(understand(k, text).intent).toBe("unknown");
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe("unknown");
  });
  it("'would you pick differently with more than 5 devs?' counts; it replaces nothing", () => {
    const u = understand(k, "would you pick differently with more than 5 devs?", { hasRecommendation: true });
    expect(u.intent).toBe("decision");
  });
  // Names as a message reads them: "next.js" is "next javascript" once shorthand is expanded.
  it("'would next.js api routes be enough instead of a separate python backend' asks about Next.js", () => {
    const u = understand(k, "would next.js api routes be enough instead of a separate python backend", {
      hasRecommendation: true,
    });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative: "Next.js" });
  });
  // Another framework the subject of a yes/no question about what it has or does: its own business.
  it.each([
    "does fastapi have an admin panel?",
    "can sanic do websockets",
    // A two-word name, or an everyday one, as the subject of "does … have" is the framework.
    "does spring boot have an admin panel?",
    "does express have sessions built in?",
    // An everyday name is the framework before a thing built with it, or alone after "in".
    "how do i unit test handlers in an express app",
    "how should i split routes in a big express app?",
    "how do people run cron jobs in express?",
    "how do you handle file uploads in express with multer?",
  ])("%j asks about another framework's own: declined", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
  });
  // Its versions, docs, people, another team's use of it, or news of it: its own business.
  it.each([
    "rails 8 solid queue, anyone tried it?",
    "we're hiring a rails dev for the payments team, know anyone good?",
    "the fastapi docs site is down for me, anyone else?",
    "on the data team's fastapi service, should pagination be cursor- or offset-based?",
    "litestar was called starlite before, right? why'd they rename it",
    "considering sanic for my side project, any thoughts?",
    // A version anywhere in the message; a possessive before its people or docs.
    "does anyone know whether fastapi went 1.0",
    "sanic still on 0.x?",
    "fastapi's maintainers are pretty responsive, right?",
    // Suggested, but for another project.
    "are you going with express for the side project?",
    // Its standing, its people, someone else's use of it.
    "is sanic still sponsored by anyone these days?",
    "isn't it just one person who maintains sanic?",
    "is it true sebastian works on fastapi full time?",
    "did the ml team finish moving their service off litestar?",
    // People asked about their own use of it, "here" meaning among us.
    "does anyone here work with rails?",
    "anyone here using fastapi at work?",
    "has anyone heard of masonite? looks like laravel for python",
    "who's worked with hono before?",
    // The person after the name; someone's own purpose.
    "is fastapi something anyone here has used?",
    "anyone tried hono? it'd be worth a look for my weekend thing",
    "for a personal blog would you use pyramid?",
    "anyone know fastapi? my friend's startup is hiring, right up your alley",
    // Its tutorials, talks and stickers; its popularity; its name; a toy or hackathon project; news
    // told in another sentence.
    "any good litestar tutorials? want to play around with it this weekend",
    "does anyone have a rails sticker to spare?",
    "is laravel popular in brazil? moving there next year",
    "is sanic named after the meme?",
    "does anybody know if hono works on deno? for a toy project",
    "masonite is a legit python framework? TIL",
    "recruiter here: should the job ad list fastapi experience as a plus, or is that confusing?",
    // A release candidate is no candidate weighed; "running" it is use.
    "fastapi 0.115 release candidate broke pydantic?",
    "anyone here running rails in prod?",
  ])("%j is another framework's own business: declined", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
  });
  // Its own things after a possessive, its news: remarks, whatever feature they name.
  it.each([
    "Bottle's routing decorators still make me smile",
    "litestar's session middleware docs are down again?",
    "TIL litestar has its own DI system",
  ])("%j is another framework's own business: no answer", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(["unknown", "chatter"]).toContain(u.intent);
  });
  // In a thread, one other framework weighed for this project, its reason naming another stack.
  it.each([
    "did you consider nestjs? our frontend is typescript and we'd share types",
    "could quarkus work for this? the backend team is all jvm",
    "koa for us? half the team writes node anyway",
    // A name of two words, the first an everyday one, is the framework.
    "how does spring boot stack up for our use case?",
    // Two others offered as one choice.
    "is actix or axum an option if we want rust",
  ])("%j weighs another framework for us", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });
  // Weighed for us, whatever else the message tells of it (a reviewer's finds on round 16's rules).
  it.each([
    "with python 3.13 out, does fastapi make more sense for this?",
    "their frontend folks know node, would koa work for us?",
    // People's use of it as the reason to weigh it for us.
    "has anyone tried fastapi for a project like ours?",
    "anyone used litestar? would it fit here",
    "anyone else think we should pick fastapi instead?",
    // People asked, and a word that weighs it for us (a reviewer's finds on round 17's rules).
    "has anybody tried fastapi as an alternative?",
    "anyone used litestar? is it a serious contender?",
    "anyone familiar with litestar — how would it measure up?",
    "why not actix or axum for our websockets?",
    // Its standing or a toy project said of the framework itself, its experience as our reason.
    "fastapi is so popular now, why wasn't it recommended?",
    "is fastapi a toy project or would it hold up for us in production?",
    "our team has plenty of fastapi experience, shouldn't that tip it toward fastapi?",
    // "Not for us" asked, with words of ours.
    "can rails do what we need, or is it not for us?",
    "my friend at another startup swears by rails, should we look at that?",
    // Someone's own purpose yields to a word that weighs it for us; "for my part" is an idiom.
    "for my part, fastapi would be a better fit",
    "my friend says fastapi is faster, worth switching?",
    "personal take: litestar would suit better",
    "pyramid? anyone still use that",
    // What it is weighed for is ours: "my team", "our team's api", a roadmap, a clause of its own cut off.
    "for my team, would fastapi be a better fit?",
    "would litestar suit our team's api?",
    "would fastapi be a good choice for our q3 roadmap?",
    "given how popular fastapi is, is it the smarter route?",
    "would fastapi suit the team's needs better?",
    "would fastapi be better for the admin side?",
    "we're building this for a client; would litestar be a reasonable pick?",
    "the fastapi docs make it a strong candidate, thoughts?",
    "for today's standup: is fastapi still on the table as an alternative?",
    "the team's leaning django, but would fastapi work for the team too?",
  ])("%j still weighs another framework for us, whatever else it tells", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });
  it.each([
    // A thing named after it, not the framework, is weighed.
    "is the fastapi logo a good choice for our sticker sheet?",
    "does the laravel pricing page design work for our landing page?",
    // An everyday name compared with a thing that is no framework.
    "gin vs vodka for the party?",
    // Weighed for a thing that is none of ours.
    "is phoenix a good choice for our offsite? we could all fly in",
    "is 'hono' a good pick for our slackbot's name?",
    // Weighed for another team.
    "would fastapi work for the ml team's inference service? asking for them, not us",
    // Weighed for someone else's thing or a thing no product is, whatever route reads it.
    "is rails still a sensible choice for our other team's billing app?",
    "is quarkus a good fit for the data team's java stuff? they asked us",
    "would fastapi suit my hobby app?",
    "for my thesis i'm comparing fastapi and flask, thoughts?",
    "would rails be a fun topic for our lunch and learn?",
    "is phoenix a better choice than denver for our team retreat?",
    "is fastapi in the running for the hackathon theme?",
    // People asked about their own use, its backing, its talks, a client's need.
    "fastapi. anyone here used it?",
    "someone on the data team uses fastapi, right?",
    "is it worth us sponsoring fastapi, since the ml team depends on it?",
    "did anybody watch that express.js talk from the conference last week? any good?",
    "personal question, not for this project: is fastapi fun to write?",
    "is sanic a good mascot name for the bowling team?",
    "should the company donate to the fastapi project?",
    "for my brother's startup, would rails be better?",
  ])("%j weighs no other framework for us: declined", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(["unknown", "chatter"]).toContain(u.intent);
  });
  it.each([
    "would fastapi be a good lunch and learn topic for next month?",
    "is sanic a good mascot name for the bowling team?",
  ])("%j outside a thread weighs no other framework for the project either: declined", (text) => {
    const u = understand(k, text, {});
    expect(["unknown", "chatter"]).toContain(u.intent);
  });
  it.each([
    // What ours is compared with.
    ["is the orm as nice as rails's active record?", "orm"],
    // What ours talks to, not a thing built with the other framework.
    ["can the admin pull data from our express api?", "admin"],
    // "In spring" is the season.
    ["can we get the test suite green before the freeze in spring, and how?", "testing"],
    // A reminder that is a thing, not an announcement.
    ["need a way to send reminder emails from django", "background_tasks"],
  ])("%j still asks about %s", (text, id) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expectFeature(u);
    expect(u.features.map((f) => f.featureId)).toContain(id);
  });
  it.each([
    "are we doing the team dinner in spring or summer this year, would that work for everyone?",
    "does the legacy rails app still work for us, or is it time to rewrite?",
  ])("%j weighs no other framework for us", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(["unknown", "chatter"]).toContain(u.intent);
  });
  it.each([
    "is there a case for just doing this one in laravel",
    "is fastapi faster than flask?",
    // A quantity is not a version; a version weighed for us is still weighed.
    "would fastapi cope with 2.5 million requests a day?",
    "what about fastapi 0.110 instead?",
    // Its own thing, weighed for us.
    "would fastapi's dependency injection help us here?",
  ])("%j still weighs another framework for us", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });
  it.each([
    "spring boot versus quarkus?",
    "koa vs hono",
    "is fastapi faster than node?",
    // Not even on a feature of ours.
    "quart vs starlette for websockets, which handles backpressure better?",
    // An everyday name beside "vs" is the framework.
    "koa vs express benchmarks, are they legit?",
    "what's the actual difference between litestar and starlette?",
  ])("%j compares two others: declined", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
  });
  it.each([
    "is there a lighter framework?",
    "would a lighter stack be better here?",
    "is there something newer people use these days instead?",
  ])("%j still asks about an alternative, none named", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });
  it.each(["the phoenix office wifi is down again", "who is bringing the gin to the party"])(
    "%j uses a framework's name in its everyday sense",
    (text) => {
      expect(["unknown", "chatter"]).toContain(understand(k, text, { hasRecommendation: true }).intent);
    },
  );

  it.each([
    "alternatives to django?",
    "any other options besides flask?",
    "are there alternatives to flask",
    "what are the alternatives",
    "what alternatives are there",
  ])("%j asks for the alternatives", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });

  it("'what are the options for caching' asks about caching, not the alternatives", () => {
    const u = understand(k, "what are the options for caching", { hasRecommendation: true });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("caching");
  });

  it("'alternatives to django admin?' asks about the admin", () => {
    const u = understand(k, "alternatives to django admin?", { hasRecommendation: true, verdict: "django" });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("admin");
  });

  it("'why django and not fastapi?' asks about FastAPI, not the pick", () => {
    const u = understand(k, "why django and not fastapi?", { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative", alternative: "FastAPI" });
  });

  it("leaves 'why' and a framework's own part to the feature it names", () => {
    const u = understand(k, "why django admin looks so dated?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("admin");
  });

  // The downsides of a feature are a question about the feature.
  it.each([
    ["what are the pitfalls of async views in django?", "async"],
    ["what are the weaknesses of flask's testing story?", "testing"],
  ])("%j asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  // Worded about a decision, about another one: its object uses words no question about ours uses.
  it.each([
    "what's the verdict on the office seating plan?",
    "what would change your mind about moving the retro to fridays",
  ])("%j is about another decision: not answered", (text) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).not.toBe("decision");
  });

  // Another object, another kind of thing chosen, other options, or words no question about ours uses:
  // declined outright, not read as a feature once the decision reading is set aside.
  it.each([
    "what would change the decision on the office lease?",
    "which cloud provider should we go with?",
    "which one should we pick, aws or gcp?",
    "why not trello instead of asana for the design team?",
    "how confident is sales that the q4 webinar fills up?",
    "what would make us switch payroll providers?",
    // Asked of the app, a pick for something that is no project.
    "what's your recommendation for a password manager?",
    "what would you pick for lunch today?",
    // Compared with something not ours.
    "is there a cheaper option than aws?",
    "any alternative to confluence?",
    // With no feature named, a feature's everyday words are not ours.
    "which vendor did we pick for payments?",
    "how sure is marketing about the launch date?",
    "what would change the board's mind on hiring?",
    // An on-call rota is not "the call" a decision asks for.
    "what's our on-call rotation?",
    // "what about …" of a thing that is neither an alternative nor ours.
    "what about lunch?",
    "what about the budget?",
    // A feature's word that is another thing's ("the version of the contract").
    "which version of the contract did legal sign?",
    "what's your recommendation for a good standing desk?",
    // What the decision's own phrase chooses is a thing of another domain.
    "should we switch to linear",
    "should we use dbt for the warehouse models",
    "why not asana?",
    "would you still recommend notion if we had 200 people",
    // A "which" whose noun phrase has a word not ours, even asked of the app.
    "which payments provider should we pick?",
    "which tech talk are you going to at the conference?",
    "which ci provider do you recommend?",
    // Times offered either side of "instead of" or "or": a meeting moved.
    "how about 3pm instead of 2 for the sync",
    "tuesday or wednesday for the retro?",
    // A day offered after "why not", "what about": a meeting's; so is a day before a closing "instead".
    "why not friday for the team lunch?",
    "what if we did the demo day on friday instead",
    // How sure of a clause about another matter.
    "are you sure the invoice was sent?",
    // One option named, the other left open: the named one decides.
    "what font are we using for the landing page, inter or something else?",
  ])("%j is about another decision: declined", (text) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe("unknown");
  });

  // "what about …" naming no alternative but a detail of a feature asks about that feature, with or
  // without another word of the feature's beside it.
  it.each(["what about rate limiting the api?", "what about rate limiting?", "what about throttling?"])(
    "reads %j as a security question",
    (text) => {
      const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
      expectFeature(u);
      expect(u.features.map((f) => f.featureId)).toEqual(["security"]);
    },
  );

  // Compared with a thing not ours, a feature's word ("faster", "easier to learn") asks of another matter.
  it.each(["is vue easier to learn than react", "is nginx faster than caddy for static files"])(
    "%j compares things not ours: declined",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true }).intent).toBe("unknown");
    },
  );

  it.each([
    ["is the orm slower than raw sql?", "orm"],
    ["is celery heavier than rq?", "background_tasks"],
    ["is the admin better than a custom dashboard?", "admin"],
  ])("%j compares things of ours: %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  // In Slack, "this channel" is Slack's, and "add you" is done to the app: no feature asked.
  it.each(["how do i mute this channel", "how do i add you to another channel"])(
    "%j asks about Slack or the app, not about a feature",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true }).intent).not.toBe("feature");
    },
  );

  it.each(["how do channels work in django", "how do channel layers work", "what about django channels?"])(
    "%j asks about Django Channels (async)",
    (text) => {
      expect(firstFeatureAsked(text)).toBe("async");
    },
  );

  // Surely about another matter (colleagues' business) is flagged, so a thread needs no decline for it;
  // a question the layer simply cannot read is not.
  it.each([
    ["which cloud provider should we go with?", true],
    ["should we deploy on friday?", true],
    ["who has the read replica creds", true],
    // How a thing in hand went.
    ["did the staging deploy from yesterday go through", true],
    ["has the migration finished?", true],
    ["is the build green again", true],
    ["did the tests pass on main?", true],
    // An environment needs no "the".
    ["is staging up?", true],
    ["is prod down again", true],
    // Requests to colleagues: to act, to hand over a thing in hand, whom to go to, who is on call.
    ["can someone review my PR for the login page copy? its just text changes", true],
    ["could somebody add me to the github team so i can push", true],
    ["does anyone have the link to the design doc?", true],
    ["who do i ask for access to the staging db?", true],
    ["arjun here — who's on call this weekend?", true],
    ["does anybody have yesterday's standup recording?", true],
    ["can someone give me access to the staging db", true],
    // A chore asked of someone, acting on a thing in hand.
    ["can someone restart the celery workers on staging?", true],
    ["can someone take a look at my pr?", true],
    ["anybody able to review my migration pr before 5?", true],
    ["could someone rotate the api keys for the analytics service", true],
    ["can someone please review my PR before lunch", true],
    // When a plan is set, two times offered.
    ["are we migrating the billing db to aurora this sprint or next?", true],
    ["is the security audit scheduled for next month or is that q3?", true],
    // A colleague addressed by name, typed rather than picked as a mention.
    ["@priya can you add the ADR template to confluence", true],
    ["Arjun, are you presenting this at the arch review or should I?", true],
    ["@Arjun you used fastapi at your last job right? how'd you find it?", true],
    // Signing off is approving, not signing in.
    ["has legal signed off on the vendor contract", false],
    ["what is the meaning of life?", false],
  ])("%j is flagged as about another matter: %s", (text, elsewhere) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u.intent).toBe("unknown");
    expect(u.intent === "unknown" && u.elsewhere === true).toBe(elsewhere);
  });

  // Asked of people, but about the frameworks or the pick: still the app's.
  it.each([
    ["can someone explain how the django admin handles permissions?", "feature"],
    ["does anyone have experience with celery for background jobs?", "feature"],
    ["can someone share the django docs on caching?", "feature"],
    ["can someone give me the tl;dr", "decision"],
    // An answer handed over, what a feature does, the app's own workings, "on call" said in passing.
    ["can someone give me a sense of how it scales past a million users?", "feature"],
    ["can someone share how the orm handles migrations?", "feature"],
    // What is handed over is an answer.
    ["can anyone share a good example of the auth setup it would give us?", "feature"],
    ["can someone share a bit of history on how the framework came about?", "feature"],
    // Verbs that weigh are no chore: "check", "review", "evaluate" the feature for us.
    ["can someone check the admin docs for inline editing support?", "feature"],
    ["could someone review the auth options for our sso needs?", "feature"],
    ["does anyone have the numbers on how fast the orm is?", "feature"],
    ["we rotate who's on call, so how easy is it to debug prod issues with this stack?", "feature"],
    ["who's tried litestar? feels like it could be the better call here", "decision"],
  ])("%j is still asked of the app (%s)", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });

  it("times offered with a framework named are not left to colleagues", () => {
    const text = "should we move to django 5 this sprint or next?";
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).not.toBe("unknown");
  });

  it.each([
    ["@flask-or-django what can you actually answer?", "help"],
    ["@here how does the admin handle permissions?", "feature"],
    ["Django, is it overkill for a small api?", "decision"],
  ])("%j addresses the app, everyone or a framework: still the app's (%s)", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });

  it("a request about the app's own workings is not left to colleagues", () => {
    const text = "could someone send me the command to redo the recommendation?";
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).not.toBe("unknown");
  });

  // "will" still opens a question when no plan's verb follows; an agreement's "but how…" still asks.
  it.each([
    ["will django scale", "scalability"],
    ["makes sense, but how does the admin handle permissions?", "permissions"],
  ])("%j still asks about %s", (text, feature) => {
    expect(firstFeatureAsked(text)).toBe(feature);
  });

  // What a thing is like, or a framework's history, is no news of a thing in hand.
  it.each([
    ["is the auth done through middleware?", "auth"],
    ["did the async views land in 3.1?", "async"],
  ])("%j still asks about %s", (text, feature) => {
    expect(firstFeatureAsked(text)).toBe(feature);
  });

  // Outside a thread there is no verdict to push back on: the reason's feature is asked about.
  it("outside a thread, 'flask suits us better since we only need an api' is no push-back", () => {
    expect(understand(k, "flask suits us better since we only need an api").intent).not.toBe("pushback");
  });

  // A choosing phrase's object: a pronoun is the thing at hand, a preposition says when or where, and a
  // fragment named with a particle ("timed out requests") still asks.
  it.each([
    ["any tips for learning over the weekend?", "feature"],
    ["should we use it today?", "decision"],
    ["timed out requests in gunicorn", "feature"],
    ["signed up users in django admin", "feature"],
  ])("%j reads as %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });

  it("'django alternatives?' asks for the alternatives", () => {
    const u = understand(k, "django alternatives?", { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "alternative" });
  });

  // A "who" question to the app is not colleagues' business: it is never silenced.
  it.each(["who are you?", "who made this bot?"])("%j is not flagged as another matter", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u.intent !== "unknown" || u.elsewhere === undefined).toBe(true);
  });

  // "who" asks about people, unless it asks who may do something, or names a framework.
  it.each([
    ["who has the read replica creds", "unknown"],
    ["whos the pen-test vendor this year", "unknown"],
    ["who can edit posts in the admin?", "feature"],
    ["who gets access to the admin?", "feature"],
    ["who maintains django?", "feature"],
  ])("%j reads as %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe(intent);
    expect(understand(k, text).intent).toBe(intent);
  });

  // Two function words run together are no compound: "mypy" is no "my py", so nothing of ours is named.
  it("reads 'mypy or pyright for type checking?' as nothing of ours, not as permissions", () => {
    expect(understand(k, "mypy or pyright for type checking?").intent).toBe("unknown");
  });

  // Outside a thread, a pick asked for something is a project unless nothing in it is ours and the quick
  // take reads no project in the message.
  it.each([
    ["what do you recommend for a birthday gift?", "unknown"],
    ["what do you recommend for a webhook receiver?", "decision"],
    ["small api for an iot gadget, what should we use", "decision"],
    ["building an internal crm for sales with lots of tables, which framework", "decision"],
  ])("outside a thread, %j reads as %s", (text, intent) => {
    expect(understand(k, text).intent).toBe(intent);
  });

  // A thing of another domain chosen for a feature's purpose: a word seen only in questions we cannot
  // answer. A word never seen may be a package of ours, so it does not decline a feature reading: the
  // measured trade-off leaves "how about notion for the docs" answered (round 14).
  it.each(["how about jira for the docs", "should we switch to jira for async updates"])(
    "%j chooses another thing for a feature's purpose: declined",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
    },
  );

  // What is learned is chosen too: a language of another stack is no learning-curve question of ours.
  it.each([
    ["how hard is it to pick up haskell", "unknown"],
    ["how hard is it to pick up the orm", "feature"],
    ["how long to learn flask", "feature"],
  ])("%j reads as %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe(intent);
  });

  it.each([
    ["how about peewee instead of sqlalchemy", "orm"],
    ["try hypercorn instead of gunicorn", "deployment"],
  ])("%j chooses a package never seen, for a feature of ours: %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  it("what 'instead of' names is left, not chosen: 'should we use celery instead of our cron scripts?'", () => {
    const u = understand(k, "should we use celery instead of our cron scripts?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe("background_tasks");
  });

  it("'are you sure the admin is enough?' asks how sure the recommendation is", () => {
    const u = understand(k, "are you sure the admin is enough?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u).toMatchObject({ intent: "decision", topic: "confidence" });
  });

  it.each([
    ["what about pydantic?", "forms"],
    ["why not something lighter?", undefined],
    ["which tech would you pick for this?", undefined],
    ["which framework handles background jobs better?", undefined],
  ])("%j chooses a thing of ours: not declined", (text, featureId) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(["feature", "decision"]).toContain(u.intent);
    if (featureId) expect(u.intent === "feature" && u.features[0]?.featureId).toBe(featureId);
  });

  // A detail's word ("spreadsheet" of the admin's exports) weighed against the whole is no feature asked.
  it("'would a spreadsheet be better here?' is declined", () => {
    expect(understand(k, "would a spreadsheet be better here?", { hasRecommendation: true }).intent).toBe(
      "unknown",
    );
  });

  // A "which" whose head noun is a feature's alias chooses within that feature.
  it.each([
    ["which task queue should we pick?", "background_tasks"],
    // "what about …" of a feature's thing asks about the feature, not about an alternative.
    ["what about the api?", "rest_api"],
    ["which django version should we start on?", "history"],
    ["which cache backend should we go with?", "caching"],
    ["which version of django should we use?", "history"],
    // "on call" without its hyphen is still two words: the debugging question stands.
    ["which is easier to debug when you're on call?", "debugging"],
  ])("%j asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  // A word the quick take reads as a kind of project is no off-topic word.
  it("reads 'what do you recommend for a microservice?' as asking for the verdict", () => {
    const u = understand(k, "what do you recommend for a microservice?");
    expect(u).toMatchObject({ intent: "decision", topic: "verdict" });
  });

  // Outside a thread, words of its own are how a verdict question describes the project: the quick take's
  // use, not another decision.
  it("reads a mention describing a project in words of its own as asking for the verdict", () => {
    const u = understand(k, "booking portal for a yoga studio, what should we build it with?");
    expect(u.intent === "decision" && u.topic).toBe("verdict");
  });

  // A reviewer's finds on the first version of that rule: questions about ours it had declined.
  it.each([
    // Only the head noun after a clause's "which" tells; a "which" inside a clause relates.
    ["which framework handles background jobs better?", "verdict"],
    // Whether it changes is what would change it.
    ["we have a monolith which talks to our erp, does the recommendation change?", "flip"],
    // A feature's domain words and grammar words are ours; "that" opens a clause, not an object.
    ["how confident are you about the auth requirements?", "confidence"],
    ["how sure are you that this handles our load?", "confidence"],
    // Addressed to the app, or about the thing at hand, words of the project's own stay the project's.
    ["how sure are you about this, because our team usually writes java?", "confidence"],
    ["how confident are you for a regulated healthcare client?", "confidence"],
    ["which approach would you take?", "verdict"],
    // A noun for what this decision chooses is ours, though no example happens to use it.
    ["which stack should we go with?", "verdict"],
    // Compared with Flask, Django or both, the question stays about ours.
    ["is there anything lighter than flask?", "alternative"],
    ["anything better than both?", "alternative"],
    ["any alternatives to these frameworks?", "alternative"],
    // What a pick is for tells by its head noun: words of a project's own around it stay the project's.
    ["what would you pick for a team of 3 juniors?", "verdict"],
    ["which would you pick for a yoga studio site?", "verdict"],
    ["what's your recommendation for a small internal dashboard?", "verdict"],
    ["is it a slam dunk?", "confidence"],
    // A second reviewer's: a framework named with a possessive, and the word alternatives itself.
    ["honestly we're torn, flask's simplicity is a big draw. what would tip it the other way?", "flip"],
    ["are there any alternatives we should consider?", "alternative"],
    ["alternatives?", "alternative"],
  ])("%j stays ours: decision/%s", (text, topic) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "decision" && u.topic).toBe(topic);
  });

  it.each([
    ["which framework should we go with?", "verdict"],
    ["tiny booking site for a dentist, what should we use?", "verdict"],
    ["is this a strong pick or a coin flip", "confidence"],
    ["is it close or a clear win?", "confidence"],
    // A rating asked for is no scaling.
    ["on a scale of 1-10 how sure", "confidence"],
    ["scale of 1 to 10, how confident", "confidence"],
    ["why not django instead of flask?", "why_not"],
    ["what would make you pick the other one?", "flip"],
  ])("%j offers or chooses among ours: decision/%s", (text, topic) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "decision" && u.topic).toBe(topic);
  });

  // …while ours may be named by a pronoun, the project's own words, a feature or a framework.
  it.each([
    ["how confident are you in that?", "confidence"],
    ["how sure are you about this for a team of juniors?", "confidence"],
    ["how confident are you about the admin being enough", "confidence"],
    ["what's the call for an internal dashboard?", "verdict"],
    ["what would change your mind about flask", "flip"],
    // Whose it is, when, another clause, another circumstance: still ours (a reviewer's cases).
    ["how sure are you about your assumptions", "confidence"],
    ["what would change your mind about our constraints", "flip"],
    ["how confident is the recommendation given our deadline in november", "confidence"],
    ["how confident are you? we are worried about vendor lockin", "confidence"],
    ["how sure are you about the pick regarding our legacy codebase", "confidence"],
  ])("%j is about ours: decision/%s", (text, topic) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "decision" && u.topic).toBe(topic);
  });

  // Which of three asks about the third; outside a thread a described project still gets its quick take.
  it("reads a verdict question that names an alternative as a question about that alternative", () => {
    for (const context of [{ hasRecommendation: true }, {}]) {
      const u = understand(k, "for this app, which is the best pick: flask, django or fastapi?", context);
      expect(u.intent === "decision" && u.topic === "alternative" && u.alternative).toBe("FastAPI");
    }
    // An alternative named in passing is no option offered (a reviewer's cases).
    for (const text of [
      "is django still the right pick for the spring launch?",
      "which should we choose, flask or django? our frontend is node",
    ]) {
      const u = understand(k, text, { hasRecommendation: true });
      expect(u.intent === "decision" && u.topic, text).toBe("verdict");
    }
    const shop = understand(k, "flask, django or fastapi for a small online shop?");
    expect(shop.intent === "decision" && shop.topic === "verdict" && shop.quickTake?.answers).toEqual({
      project_type: "ecommerce",
      size: "small",
    });
  });

  it("names the framework a why-not question is about, and the alternative asked about", () => {
    const whyNot = understand(k, "what's the case against Flask here?");
    expect(whyNot.intent === "decision" && whyNot.topic === "why_not" && whyNot.framework).toBe("flask");
    const alternative = understand(k, "would FastAPI be better here?");
    expect(
      alternative.intent === "decision" && alternative.topic === "alternative" && alternative.alternative,
    ).toBe("FastAPI");
  });

  it("reads a described project as the questionnaire's answers outside a thread", () => {
    const u = understand(k, "is Flask enough for a small online shop?");
    expect(u.intent === "decision" && u.topic).toBe("verdict");
    if (u.intent !== "decision" || u.topic !== "verdict") return;
    expect(u.quickTake?.answers).toEqual({ project_type: "ecommerce", size: "small" });
    expect(u.quickTake?.profile.answers.project_type).toBe("ecommerce");
    const tool = understand(k, "internal CRUD tool for 5 people, flask or django?");
    expect(
      tool.intent === "decision" && tool.topic === "verdict" && tool.quickTake?.answers.project_type,
    ).toBe("internal_tool");
  });

  // A cue is its words in a row, function words included, and not turned around.
  it.each([
    ["flask or django for our team?", undefined],
    ["a site with 200 pages, flask or django?", undefined],
    ["a 6 month project, flask or django?", { timeline: "months" }],
    ["flask or django, let's chat about it tomorrow", undefined],
    ["is django too big for us?", undefined],
    ["we don't know django, which one?", undefined],
    ["security is not a concern, flask or django?", undefined],
    ["it's not a blog, it's a rest api. flask or django?", { project_type: "rest_api" }],
    ["due in 2 weeks, flask or django?", { timeline: "weeks" }],
    ["a big project with many teams, which one?", { size: "large" }],
    // "the django team ships…" is Django's own; "a django team", "for the django team" know Django.
    ["the django team ships often, flask or django?", undefined],
    ["flask or django for the django team", { experience: "django" }],
    ["flask or django given the django experience on our team", { experience: "django" }],
    [
      "a django team building a blog, flask or django?",
      { project_type: "content_site", experience: "django" },
    ],
  ] as Array<[string, Record<string, string> | undefined]>)("%j quick take: %j", (text, answers) => {
    const u = understand(k, text);
    expect(u.intent === "decision" && u.topic === "verdict").toBe(true);
    expect(u.intent === "decision" && u.topic === "verdict" ? u.quickTake?.answers : undefined).toEqual(
      answers,
    );
  });

  it("gives no quick take in a recommendation's thread: the thread has its project", () => {
    const u = understand(k, "is Flask enough for a small online shop?", { hasRecommendation: true });
    expect(u.intent === "decision" && u.topic === "verdict" && u.quickTake).toBeUndefined();
  });
});

describe("understand: everything else people say", () => {
  it.each([
    ["thanks!", "thanks"],
    ["ty 🙏", "thanks"],
    ["🙏", "thanks"],
    // Thanks first, then a question: the question is what to answer.
    ["thanks! how about async?", "feature"],
    ["great, thanks. does it do i18n?", "feature"],
    [":+1: what about caching", "feature"],
    // Folded hands next to words say please.
    ["can you help? 🙏", "help"],
    ["what can you do?", "help"],
    ["help with caching", "feature"],
    ["I used the admin at my last job, it was fine", "chatter"],
    ["we shipped the beta yesterday", "chatter"],
    ["what's the weather", "unknown"],
  ])("%j → %s", (text, intent) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe(intent);
  });

  // The command word, read by rule: sure, and a question only when asked ("i can help" offers it).
  it.each([
    "help",
    "help me pls",
    "i need help",
    "can you help",
    "help us out",
    "<@U0123ABC> usage?",
    "help, i'm confused",
  ])("%j asks for help, surely", (text) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "help", score: 1, unsure: false, isQuestion: true });
  });

  // Help that names a feature by its alias asks about that feature.
  it.each([
    ["can you show me what the admin looks like?", "admin"],
    ["help me understand the admin", "admin"],
    ["what can you tell me about the community?", "community"],
  ])("%j asks about the feature it names: %s", (text, feature) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent === "feature" && u.features[0]?.featureId).toBe(feature);
  });

  // The app's own name names no framework: a question about it asks for help, not for the call.
  it.each([
    "what does /flask-or-django do?",
    "how do i use the flask or django bot?",
    "how does flask-or-django decide?",
  ])("reads %j as help", (text) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe("help");
    expect(understand(k, text).intent).toBe("help");
  });

  // Help is asked of the app: a word not ours with nothing of the app named is another matter.
  it.each(["what about linear instead of jira for tracking this?", "gin and tonics at the offsite?"])(
    "%j asks no help of the app",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true }).intent).toBe("unknown");
    },
  );
  it.each(["how does this bot work with jira", "what does this do", "instructions?"])(
    "%j asks for help",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true }).intent).toBe("help");
    },
  );

  // A flask of coffee is a thermos: it names no framework.
  it.each(["the flask of coffee in the kitchen is empty", "who took my hip flask?"])(
    "%j names no framework",
    (text) => {
      expect(["chatter", "unknown"]).toContain(understand(k, text, { hasRecommendation: true }).intent);
    },
  );

  // Other frameworks' names in everyday idioms name no framework either; the names alone still do.
  it.each([
    "have we considered going off the rails and shipping friday?",
    "quart of coffee per dev per day, is that the budget or",
    // An event or merchandise named after a framework is not the framework either.
    "does anyone know if the django meetup next week is still at the wework on main st?",
    "can we expense the flask workshop tickets or do I need approval",
    "how many people are coming to the django meetup we're hosting? need to order pizza",
  ])("%j names no framework", (text) => {
    expect(["chatter", "unknown"]).toContain(understand(k, text, { hasRecommendation: true }).intent);
  });
  it.each([
    ["what about quart?", "Quart"],
    ["rails?", "Ruby on Rails"],
    // The longest name read ("asp net core", not "asp net" before "core").
    ["why not asp.net core?", "ASP.NET Core"],
  ])("%j still asks about %s", (text, alternative) => {
    expect(understand(k, text, { hasRecommendation: true })).toMatchObject({
      topic: "alternative",
      alternative,
    });
  });

  // "a django app" is project structure's alias, but here it is the thing measured.
  it("'roughly how many requests per second can a django app serve on a single box?' asks about performance", () => {
    const u = understand(k, "roughly how many requests per second can a django app serve on a single box?", {
      hasRecommendation: true,
    });
    expectFeature(u);
    expect(u.features.map((f) => f.featureId)).toEqual(["performance"]);
  });

  it("still reads 'a flask or django app' as a project, not the app's name", () => {
    const u = understand(k, "is a flask or django app better for realtime?", { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "decision", topic: "verdict" });
  });

  it.each(["i can help with this", "can i help?", "could we help?"])(
    "reads help offered (%j) as help that asks nothing",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true })).toMatchObject({
        intent: "help",
        isQuestion: false,
      });
    },
  );

  it("reads disagreement and which framework they prefer", () => {
    const u = understand(k, "nah, Flask suits us better", { hasRecommendation: true, verdict: "django" });
    expect(u.intent).toBe("pushback");
    expect(u.intent === "pushback" && u.prefers).toBe("flask");
    const against = understand(k, "django is overkill for this", { hasRecommendation: true });
    expect(against.intent === "pushback" && against.prefers).toBe("flask");
  });

  // Worded like "would flask be better here?" about something else: no word of push-back, no framework.
  it.each([
    "would notion be better here?",
    "would a standing desk be better?",
    "which monitoring tool should we go with?",
    "wouldn't jira be better for this?",
  ])("%j pushes back on nothing", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" }).intent).toBe("unknown");
  });

  // A word of push-back of its own outweighs a feature's thing picked; a kind of framework is no feature's thing.
  it.each([
    "i disagree, i'd just go with postgres and keep it simple",
    "this feels wrong, we prefer lightweight",
    "i'd go with a microframework tbh",
  ])("%j pushes back for flask", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u.intent === "pushback" && u.prefers).toBe("flask");
  });

  // "rather", "instead", "over" and "than" speak against the framework after them, not before.
  it.each([
    ["I'd rather use flask", "flask"],
    ["flask rather than django", "flask"],
    ["rather than flask, let's go django", "django"],
    ["I'd rather we didn't use flask", "django"],
    ["we don't need django for this", "flask"],
    ["flask doesn't need much setup, we prefer it", "flask"],
    ["flask is much better for us", "flask"],
  ])("reads %j as preferring %s", (text, prefers) => {
    const verdict = prefers === "django" ? "flask" : "django";
    const u = understand(k, text, { hasRecommendation: true, verdict });
    expect(u.intent === "pushback" && u.prefers).toBe(prefers);
  });

  it("knows a question by meaning, not only by its question mark", () => {
    expect(understand(k, "tl;dr what's the plan").isQuestion).toBe(true);
    expect(understand(k, "I wonder how caching works").isQuestion).toBe(true);
    expect(understand(k, "I used the admin at my last job, it was fine").isQuestion).toBe(false);
  });

  // Wanting to know, then what, asks; so does wondering why, whatever the kind classifier reads.
  it("'i'd like to understand how flask handles csrf' asks about security", () => {
    expect(firstFeatureAsked("i'd like to understand how flask handles csrf")).toBe("security");
  });

  it.each([
    "whats the reasoning",
    "can someone explain the reasoning here",
    "what's the logic behind the pick",
    "what were the deciding factors?",
    "what are the main drivers",
  ])("%j asks for the verdict's reasons", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u).toMatchObject({ intent: "decision", topic: "verdict" });
  });

  it("'what's the reasoning for caching in django' asks about caching", () => {
    expect(firstFeatureAsked("what's the reasoning for caching in django")).toBe("caching");
  });

  it("'i'm wondering why it picked django' asks about the decision", () => {
    const u = understand(k, "i'm wondering why it picked django", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u.intent).toBe("decision");
  });

  // Told in the past with an object after the verb, or a topic judged ("fun", "done"): a remark.
  it.each([
    "caching saved us last black friday",
    "the orm generated some wild sql yesterday",
    "websockets are fun",
    "translations are done for french",
    // How things stand, told.
    "the db is on rds already",
    "database is already decided btw, it's postgres",
    // A feature's thing picked is no push-back on the framework.
    "i'd just go with postgres",
    // Told in the past, the subject dropped: an object, a place or how it went after the verb.
    // A remark worded like a decision question, in a thread.
    "that's why we went with django",
    "haha flask vs django, the eternal debate",
    "deployed the admin yesterday",
    "used to deploy on heroku",
    // Agreement and plans told, the subject dropped.
    "makes sense given the admin stuff",
    "will start the django tutorial tonight",
    "gonna try the admin tomorrow",
    "pushed the migration",
    "upgraded to django 5 over the weekend",
    "the deploy went fine yesterday",
    "celery ate all the memory again",
    "security scan came back clean",
    "the client call went well",
    // A go-ahead, or a status told with only when it happens.
    "ship it",
    "deploying after lunch",
    // An opinion told in words of elegance.
    "the django admin is honestly so elegant",
    "flask blueprints are really clean tbh",
  ])("reads %j as chatter", (text) => {
    expect(understand(k, text, { hasRecommendation: true }).intent).toBe("chatter");
  });
  // When a thing is, and announcements, ask nothing: no answer in a thread, whatever they name.
  it.each([
    "the payroll migration is thursday, sort your timesheets",
    "reminder: security awareness training closes end of month",
    "heads up, the staging deploy window moves to 4pm",
  ])("reads %j as a statement", (text) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.isQuestion).toBe(false);
    expect(["chatter", "unknown"]).toContain(u.intent);
  });

  // A question after the remark, or a tag, still asks: the remark does not swallow it.
  it.each([
    ["caching saved us last black friday so does flask have the same cache framework", "caching"],
    ["the admin crashed the server yesterday so is django admin safe for prod", "admin"],
    ["csrf is on by default in django right", "security"],
    ["deployed to heroku, what about static files", "deployment"],
    ["tried celery once, any tips for flask", "background_tasks"],
    ["the admin is ready out of the box in django, correct", "admin"],
  ])("%j still asks about %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  it.each([
    ["login required decorator", "auth"],
    ["logged in users only pages", "auth"],
    ["built in auth in flask", "auth"],
    // Words that end in "-ed" and are no past form.
    ["memcached with django, worth it", "caching"],
    ["speed up the django test suite", "testing"],
    ["embed a chart in the django admin", "admin"],
    // An "-ing" verb that names what it acts on may ask.
    ["deploying django on heroku", "deployment"],
  ])("still reads a thing named with a past participle (%j) as a question", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  // A feature question set aside for a word not ours is not help because help is what is left.
  it("reads a feature question about something not ours as unknown, not as help", () => {
    const text = "our client runs windows servers with mssql, can this connect without odd drivers";
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.intent).toBe("unknown");
    expect(u.runnersUp[0]?.featureId).toBe("databases");
  });

  // The question is the last clause even when a file name ends the message.
  it("reads a question that ends on a file name as one", () => {
    const u = understand(k, "our team ships small services, how do you structure settings.py", {
      hasRecommendation: true,
    });
    expect(u.isQuestion).toBe(true);
    expect(u.intent === "feature" && u.features[0]?.featureId).toBe("project_structure");
  });

  // A topic, a verb of being, a judgement: an opinion told. Without a judgement it may still ask.
  it.each([
    ["jinja is fine", false],
    ["the orm is really nice", false],
    ["celery has been solid for us", false],
    ["flask-login worked great last time", false],
    ["the admin is honestly the best part of django imo", false],
    ["the admin and the orm are great", false],
    // Told in the past, it is experience.
    ["websockets were the whole reason we left last time", false],
    ["jinja has never let us down", false],
    ["caching is it worth it", true],
    ["the orm, was it any good for you", true],
    ["testing is a big deal for us", true],
    ["is jinja fine", true],
    // An opinion followed by a choice or a question still asks.
    ["caching is great in django or flask", true],
    ["celery has been great, what about rq", true],
    // Needs, negated, and plans are told, not asked; a need asks.
    ["we don't need the admin", false],
    ["no need for translations", false],
    ["i don't care about the admin", false],
    ["we're planning to deploy on friday", false],
    ["we're looking at the admin now", false],
    ["we must have broken the migrations", false],
    ["i know how caching works", false],
    ["gonna try the admin tomorrow", false],
    ["fwiw we already cache pages in redis", false],
    ["we need background jobs", true],
    ["looking for a good admin", true],
    ["i don't know how caching works", true],
    ["not sure which handles i18n better", true],
  ])("%j asks: %s", (text, asks) => {
    const u = understand(k, text, { hasRecommendation: true });
    expect(u.isQuestion).toBe(asks);
    if (!asks) expect(u.intent).toBe("chatter");
  });
});

describe("understand: word forms, compounds and shorthand", () => {
  let model: ReturnType<typeof buildUnderstander> | undefined;
  const built = () => {
    model ??= buildUnderstander(k);
    return model;
  };
  it.each([
    ["deploying to prod", "deployment"],
    ["deploying with githubactions", "deployment"],
    ["pg?", "databases"],
    ["memcache?", "caching"],
    ["backoffice for staff?", "admin"],
    ["@login_required?", "auth"],
    ["how do we roll out schema changes", "orm"],
    ["isn't django slower than flask?", "performance"],
  ])("%j → %s", (text, id) => {
    const u = understand(k, text);
    expectFeature(u);
    expect(u.features[0]?.featureId).toBe(id);
  });

  // Neither does a grammar word say what is asked.
  it("reads 'do both have built-in csrf?' surely as security", () => {
    const u = understand(k, "do both have built-in csrf?", { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "feature", unsure: false });
    expect(u.intent === "feature" && u.features[0]?.featureId).toBe("security");
  });

  // "built in" says how it comes, not what: the answer is sure, not a "did you mean".
  it("reads 'built in' as how a feature comes, not as a topic word", () => {
    const u = understand(k, "does django have websockets built in?", { hasRecommendation: true });
    expect(u).toMatchObject({ intent: "feature", unsure: false });
    expect(u.intent === "feature" && u.features[0]?.featureId).toBe("async");
  });

  // A paste (a log, a traceback) is not searched for typos past 20 words training never saw: the
  // cost of one message stays bounded, and the reading depends on the message alone.
  it("searches a message for typos at most 20 times", () => {
    const letters = "bdfgjkmpqvwxz";
    const paste = Array.from({ length: 20 }, (_, i) => `zq${letters[i % 13]}${letters[(i * 7) % 13]}vx`).join(
      " ",
    );
    expect(understand(k, "cachng?").intent).toBe("feature");
    const late = understand(k, `${paste} cachng?`);
    expect(late.intent === "feature" && late.features[0]?.featureId).not.toBe("caching");
    // The same message reads the same, whatever was read before it.
    expect(understand(k, `${paste} cachng?`)).toEqual(late);
  });

  // A real word read as a feature's word makes a question ours that is not: "routine" had read as
  // routing, "sections" as sessions, "variation" as validation (forms). ("daily" is there so the word is
  // not all the message says: alone it is read as the typo it looks like, below.)
  it.each([
    ["routine", "routine"],
    ["sections", "sections"],
    ["variation", "variation"],
    ["scheme", "scheme"],
    ["protest", "protest"],
    ["cachng", "caching"],
    ["migratoins", "migrations"],
    ["admn", "admin"],
  ])("reads %j as %j: a real word is no typo of a topic word, a typo is corrected", (typed, word) => {
    expect(analyseWith(built(), `daily ${typed}`).words).toEqual(["daily", word]);
  });

  // …unless it is all the message says: then it is the typo it looks like.
  it.each([
    ["what about cashing?", "caching"],
    ["how does cashing work in django?", "caching"],
    ["what about rooting?", "routing"],
  ])("%j, saying nothing else, reads as %s", (text, id) => {
    expect(firstFeatureAsked(text)).toBe(id);
  });

  it.each(["what's the daily routine for on-call?", "what's the naming scheme for release branches?"])(
    "%j is not ours (no real word read as a topic word)",
    (text) => {
      expect(understand(k, text, { hasRecommendation: true }).intent).toBe("unknown");
    },
  );

  it("does not correct a short real word into a neighbour (roll is not role)", () => {
    const u = understand(k, "roll");
    expect(u.intent === "feature" && u.features[0]?.featureId).not.toBe("permissions");
  });
});

describe("understand: the gist asked for", () => {
  // "tl;dr" reads as two clauses ("tl", "dr"); "late" is corrected to "later" unless read as typed.
  it.each([
    "tl;dr?",
    "sorry late to this, tl;dr?",
    "quick recap for the adr pls",
    "can you summarise the reasoning so I can paste it into the ADR?",
  ])("%j under a recommendation asks for the verdict", (text) => {
    expect(understand(k, text, { hasRecommendation: true, verdict: "django" })).toMatchObject({
      intent: "decision",
      topic: "verdict",
    });
  });
  // Offers and statements to colleagues ask nothing (a reviewer's finds).
  it.each(["i can share the summary", "i just put the summary into the adr doc"])(
    "%j is a remark, not a request for the gist",
    (text) => {
      const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
      expect(["chatter", "unknown"]).toContain(u.intent);
    },
  );
  it("the summary of another thing is not the gist of this one", () => {
    const u = understand(k, "what's the summary of the vendor call?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u.intent).toBe("unknown");
  });
});

describe("understand: the recommended way to do a feature's work", () => {
  it.each([
    ["what's the recommended way to run django on k8s? gunicorn workers per pod?", "deployment"],
    ["What's the recommended approach for background jobs — Celery with both?", "background_tasks"],
  ])("%j is a how-to about %s, not the recommendation", (text, id) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expectFeature(u);
    expect(u.features.map((f) => f.featureId)).toContain(id);
  });
  // The recommended approach named as the framework, or its reason naming a feature, is the recommendation.
  it.each([
    "so django is the recommended approach because of the admin?",
    "what's the recommended approach for our auth-heavy app, flask or django?",
    "what's the recommended way to go, given our orm-heavy reporting?",
  ])("%j asks about the recommendation", (text) => {
    const u = understand(k, text, { hasRecommendation: true, verdict: "django" });
    expect(u.intent).toBe("decision");
  });
  it("the recommendation itself is still the verdict", () => {
    const u = understand(k, "what's the recommendation for a two week prototype?", {
      hasRecommendation: true,
      verdict: "django",
    });
    expect(u).toMatchObject({ intent: "decision", topic: "verdict" });
  });
});

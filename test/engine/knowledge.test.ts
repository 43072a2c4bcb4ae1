import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { getKnowledge, KnowledgeError, loadKnowledge } from "../../src/engine/index.js";

const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
const DATA_FILES = readdirSync(DATA_DIR).filter((f) => f.endsWith(".json"));

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(DATA_DIR, file), "utf8"));
}

describe("the real knowledge base", () => {
  const k = loadKnowledge(DATA_DIR);

  it("loads from data/ and is the one getKnowledge() serves", () => {
    expect(k.features.length).toBeGreaterThan(0);
    expect(getKnowledge().meta.knowledgeVersion).toBe(k.meta.knowledgeVersion);
    expect(getKnowledge()).toBe(getKnowledge());
  });

  it("has all eight data files", () => {
    expect(DATA_FILES.sort()).toEqual(
      [
        "caveats.json",
        "criteria.json",
        "examples.json",
        "features.json",
        "meta.json",
        "pros-cons.json",
        "questions.json",
        "scoring.json",
      ].sort(),
    );
  });

  it("has at least 24 features with unique ids", () => {
    expect(k.features.length).toBeGreaterThanOrEqual(24);
    expect(new Set(k.features.map((f) => f.id)).size).toBe(k.features.length);
    expect(k.featureById.size).toBe(k.features.length);
  });

  it("asks the seven single-choice questions plus needs and notes", () => {
    expect(k.singleQuestions.map((q) => q.id)).toEqual([
      "project_type",
      "size",
      "timeline",
      "experience",
      "flexibility",
      "database",
      "priority",
    ]);
    expect(k.needsQuestion.id).toBe("needs");
    expect(k.notesQuestion.id).toBe("notes");
    for (const q of k.singleQuestions) {
      expect(q.options.map((o) => o.value)).toContain(q.default);
      expect(new Set(q.options.map((o) => o.value)).size).toBe(q.options.length);
    }
  });

  it("gives every feature a Flask docs link on flask.palletsprojects.com (or the extension's own docs) and a Django one on docs.djangoproject.com", () => {
    for (const f of k.features) {
      const flask = new URL(f.flask.docs);
      const django = new URL(f.django.docs);
      expect(flask.protocol, `${f.id} flask docs`).toBe("https:");
      expect(django.protocol, `${f.id} django docs`).toBe("https:");
      expect(django.hostname, `${f.id} django docs`).toBe("docs.djangoproject.com");
      if (flask.hostname !== "flask.palletsprojects.com") {
        // Flask has nothing of its own here: the docs are those of the package that provides it.
        const p = f.flask.provenance;
        const own = p.kind === "extension" || p.kind === "third_party" ? p.packages.map((x) => x.docs) : [];
        expect(own, `${f.id} flask docs ${f.flask.docs}`).toContain(f.flask.docs);
      }
    }
  });

  it("cites https sources everywhere", () => {
    const urls = [
      ...k.criteria.flatMap((c) => [c.source.flask, c.source.django]),
      ...k.prosCons.map((p) => p.source),
      ...k.caveats.map((c) => c.source),
      ...k.caveats.flatMap((c) => (c.alternative ? [c.alternative.url] : [])),
      ...k.features.flatMap((f) => f.myths.map((m) => m.source)),
      k.meta.frameworks.flask.docs,
      k.meta.frameworks.django.docs,
    ];
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) expect(new URL(url).protocol, url).toBe("https:");
  });

  it("never gives one alias (lower-cased, trimmed) to two features", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of k.features) {
      for (const alias of new Set(f.aliases.map((a) => a.trim().toLowerCase()))) {
        const other = owner.get(alias);
        if (other && other !== f.id) clashes.push(`"${alias}": ${other} and ${f.id}`);
        owner.set(alias, f.id);
      }
    }
    expect(clashes).toEqual([]);
    expect(owner.size).toBeGreaterThan(200);
  });

  it("writes aliases in lower case, as the schema documents", () => {
    for (const f of k.features) {
      for (const alias of f.aliases) expect(alias, f.id).toBe(alias.toLowerCase());
    }
  });

  it("references only criteria that exist", () => {
    const ids = new Set(k.criteria.map((c) => c.id));
    const referenced: string[] = [];
    for (const q of k.singleQuestions) {
      for (const o of q.options) referenced.push(...Object.keys(o.effects), ...Object.keys(o.scale));
    }
    for (const f of k.features) if (f.need) referenced.push(f.need.criterion);
    for (const p of k.prosCons) referenced.push(...p.criteria);
    expect(referenced.length).toBeGreaterThan(40);
    for (const id of referenced) expect(ids.has(id), id).toBe(true);
  });

  it("gives every criterion fits in 0..1 and a positive weight, and uses each one somewhere", () => {
    const used = new Set<string>();
    for (const q of k.singleQuestions)
      for (const o of q.options) for (const c of Object.keys(o.effects)) used.add(c);
    for (const f of k.needFeatures) used.add(f.need.criterion);
    for (const c of k.criteria) {
      expect(c.weight).toBeGreaterThan(0);
      for (const fit of [c.fit.flask, c.fit.django]) {
        expect(fit).toBeGreaterThanOrEqual(0);
        expect(fit).toBeLessThanOrEqual(1);
      }
      expect(used.has(c.id), `criterion ${c.id} is never raised by any answer or need`).toBe(true);
    }
  });

  it("conditions caveats only on questions and values that exist", () => {
    const values = new Map<string, Set<string>>(
      k.singleQuestions.map((q) => [q.id, new Set(q.options.map((o) => o.value))]),
    );
    values.set(k.needsQuestion.id, new Set(k.needFeatures.map((f) => f.id)));
    for (const caveat of k.caveats) {
      for (const cond of caveat.whenAny) {
        for (const [question, wanted] of Object.entries(cond)) {
          const known = values.get(question);
          expect(known, `${caveat.id}: question ${question}`).toBeDefined();
          for (const v of wanted) expect(known?.has(v), `${caveat.id}: ${question}=${v}`).toBe(true);
        }
      }
    }
  });

  it("offers needs only for features that declare one, in data order", () => {
    expect(k.needFeatures.map((f) => f.id)).toEqual(k.features.filter((f) => f.need).map((f) => f.id));
    expect(k.needFeatures.length).toBeGreaterThanOrEqual(10);
    for (const id of ["admin", "auth", "orm", "rest_api", "i18n", "ml"]) {
      expect(k.needFeatures.map((f) => f.id)).toContain(id);
    }
  });

  it("orders the ordered questions by rank", () => {
    for (const q of k.singleQuestions.filter((x) => x.ordered)) {
      const ranks = q.options.map((o) => o.rank);
      expect(ranks, q.id).toEqual(q.options.map((_, i) => i));
    }
  });

  it("keeps the myths' corrections, each with a source, and phrasings for matching", () => {
    const myths = k.features.flatMap((f) => f.myths);
    expect(myths.length).toBeGreaterThanOrEqual(10);
    for (const m of myths) {
      expect(m.correction.length).toBeGreaterThan(20);
      expect(m.phrasings.length).toBeGreaterThan(0);
    }
  });
});

describe("data repeats none of the seed article's errors", () => {
  /**
   * Each file's text, without the fields that quote a myth on purpose: `claim` (the myth itself) and
   * `phrasings` (questions people ask about it, e.g. "is flask faster than django", which are not assertions).
   */
  function withoutQuotedMyths(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutQuotedMyths);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "claim" && key !== "phrasings")
          .map(([key, v]) => [key, withoutQuotedMyths(v)]),
      );
    }
    return value;
  }

  // `[^."]` keeps a match inside one sentence of one JSON string.
  const ERRORS: Array<[string, RegExp]> = [
    [
      "Flask is faster",
      /\bflask\b[^."]{0,20}\b(?:is|are|runs)\s+(?:much\s+|significantly\s+|a\s+lot\s+)?faster\b/i,
    ],
    ["faster than Django", /\bfaster\s+than\s+django\b/i],
    ["Django is faster", /\bdjango\b[^."]{0,20}\b(?:is|are|runs)\s+(?:much\s+|significantly\s+)?faster\b/i],
    ["slower than Flask/Django", /\bslower\s+than\s+(?:flask|django)\b/i],
    ["created in 2011", /\b(?:created|released|born|launched|started|written)\s+in\s+2011\b/i],
    ["Flask … 2011", /\bflask\b[^."]{0,40}\b2011\b/i],
    [
      "Django admin built on Bootstrap",
      /\bdjango(?:'s)?\s+admin\b[^."]{0,20}\b(?:built|based)\s+on\s+bootstrap\b/i,
    ],
    [
      "does not support MySQL/Oracle",
      /\b(?:does\s*not|doesn't|cannot|can't)\s+(?:support|use|work\s+with)\s+(?:mysql|oracle|mariadb|postgres)/i,
    ],
    [
      "REST framework part of Django",
      /(?:rest\s+framework|\bdrf\b)[^."]{0,40}\b(?:is\s+)?(?:part\s+of|included\s+(?:in|with)|built\s+into|bundled\s+with)\s+django\b/i,
    ],
    [
      "Django includes REST framework",
      /\bdjango\b[^."]{0,20}\b(?:includes|ships|bundles)\b[^."]{0,20}rest\s+framework/i,
    ],
    // Out of date by late 2026 (facts.md, "Corrections found in late 2026"), or unsourced.
    [
      "Flask-Security-Too as the maintained fork",
      /flask-security-too[^."]{0,40}\b(?:maintained|fork)\b|\bflask-security\b[^."]{0,30}\b(?:abandoned|no longer maintained|unmaintained)\b/i,
    ],
    ["SQLAlchemy is the stronger SQL toolkit (opinion)", /\bstronger\s+SQL\s+toolkit\b/i],
    ["a survey share without its source", /\b\d{1,2}%\s+of\s+(?:web\s+)?respondents\b/i],
    [
      "Flask is the easier fit for MongoDB",
      /\bflask\b[^."]{0,40}\beasier\s+fit\b[^."]{0,40}\b(?:mongodb|document)/i,
    ],
    ["Django docs pinned to 6.0", /docs\.djangoproject\.com\/en\/6\.0\//],
  ];

  it("the late-2026 patterns catch what the knowledge base used to say", () => {
    const OLD: Record<string, string> = {
      "Flask-Security-Too as the maintained fork":
        "The maintained project is Flask-Security-Too (the original Flask-Security is no longer maintained)",
      "SQLAlchemy is the stronger SQL toolkit (opinion)": "but SQLAlchemy is the stronger SQL toolkit.",
      "a survey share without its source": "Django about 35%, Flask about 34% of web respondents",
      "Flask is the easier fit for MongoDB":
        "while Flask is the easier fit for a document database such as MongoDB",
      "Django docs pinned to 6.0": "https://docs.djangoproject.com/en/6.0/topics/async/",
    };
    for (const [name, sample] of Object.entries(OLD)) {
      const pattern = ERRORS.find(([n]) => n === name)?.[1];
      expect(pattern, name).toBeDefined();
      expect(sample, name).toMatch(pattern as RegExp);
    }
  });

  it("the patterns do catch the article's claims (so a clean scan means something)", () => {
    const claims = getKnowledge()
      .features.flatMap((f) => f.myths.map((m) => m.claim))
      .join("\n");
    for (const name of [
      "Flask is faster",
      "faster than Django",
      "created in 2011",
      "Django admin built on Bootstrap",
      "does not support MySQL/Oracle",
      "REST framework part of Django",
    ]) {
      const pattern = ERRORS.find(([n]) => n === name)?.[1];
      expect(pattern, name).toBeDefined();
      expect(claims, name).toMatch(pattern as RegExp);
    }
  });

  for (const file of DATA_FILES) {
    it(`${file} states none of them outside quoted myths`, () => {
      const text = JSON.stringify(withoutQuotedMyths(readJson(file)));
      expect(text.length).toBeGreaterThan(50);
      const found = ERRORS.flatMap(([name, re]) => {
        const m = text.match(re);
        return m ? [`${name}: "${m[0]}"`] : [];
      });
      expect(found).toEqual([]);
    });
  }

  it("still mentions Bootstrap only about Flask-Admin", () => {
    const text = JSON.stringify(withoutQuotedMyths(readJson("features.json")));
    const sentences = text.split(/[."]/).filter((s) => /bootstrap/i.test(s));
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s, s).toMatch(/flask-admin/i);
  });
});

describe("broken data files", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function brokenCopy(change: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "flask-or-django-data-"));
    dirs.push(dir);
    cpSync(DATA_DIR, dir, { recursive: true });
    change(dir);
    return dir;
  }

  function editJson(dir: string, file: string, edit: (data: never) => void): void {
    const path = join(dir, file);
    const data = JSON.parse(readFileSync(path, "utf8"));
    edit(data as never);
    writeFileSync(path, JSON.stringify(data, null, 2));
  }

  function loadError(dir: string): KnowledgeError {
    try {
      loadKnowledge(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      expect((err as Error).name).toBe("KnowledgeError");
      return err as KnowledgeError;
    }
    throw new Error(`loadKnowledge(${dir}) did not throw`);
  }

  it("an untouched copy loads", () => {
    const dir = brokenCopy(() => {});
    expect(loadKnowledge(dir).features.length).toBe(getKnowledge().features.length);
  });

  it("invalid JSON names the file", () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, "features.json"), '[{"id": "orm",'));
    expect(loadError(dir).message).toMatch(/^data\/features\.json: cannot read it as JSON/);
  });

  it("an empty file names the file", () => {
    const dir = brokenCopy((d) => writeFileSync(join(d, "meta.json"), ""));
    expect(loadError(dir).message).toContain("data/meta.json");
  });

  it("a missing file names the file", () => {
    const dir = brokenCopy((d) => rmSync(join(d, "scoring.json")));
    expect(loadError(dir).message).toContain("data/scoring.json");
  });

  it("a docs link that is not a URL names the file and the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "features.json", (x: Array<{ flask: { docs: string } }>) => {
        (x[3] as { flask: { docs: string } }).flask.docs = "not a url";
      }),
    );
    expect(loadError(dir).message).toContain("data/features.json at [3].flask.docs");
  });

  it("an http (not https) docs link is rejected", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "features.json", (x: Array<{ django: { docs: string } }>) => {
        (x[7] as { django: { docs: string } }).django.docs = "http://docs.djangoproject.com/en/6.0/";
      }),
    );
    expect(loadError(dir).message).toContain("data/features.json at [7].django.docs");
  });

  it("a wrong type in criteria.json names the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "criteria.json", (x: Array<{ weight: unknown }>) => {
        (x[2] as { weight: unknown }).weight = "1";
      }),
    );
    expect(loadError(dir).message).toContain("data/criteria.json at [2].weight");
  });

  it("a fit above 1 names the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "criteria.json", (x: Array<{ fit: { django: number } }>) => {
        (x[0] as { fit: { django: number } }).fit.django = 1.5;
      }),
    );
    expect(loadError(dir).message).toContain("data/criteria.json at [0].fit.django");
  });

  it("an alias duplicated into another feature names both features", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "features.json", (x: Array<{ id: string; aliases: string[] }>) => {
        const sessions = x.find((f) => f.id === "sessions");
        sessions?.aliases.push("Admin Panel");
      }),
    );
    const message = loadError(dir).message;
    expect(message).toContain("data/features.json");
    expect(message).toContain('alias "admin panel"');
    expect(message).toMatch(/admin and sessions|sessions and admin/);
  });

  it("an unknown criterion in a question option names the file, the option and the criterion", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "questions.json", (x: Array<{ options: Array<{ effects: Record<string, number> }> }>) => {
        const option = x[1]?.options[2];
        if (option) option.effects.teleportation = 1;
      }),
    );
    const message = loadError(dir).message;
    expect(message).toContain("data/questions.json at [1].options[2]");
    expect(message).toContain('unknown criterion "teleportation"');
  });

  it("an unknown criterion in a need names the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "features.json", (x: Array<{ id: string; need?: { criterion: string } }>) => {
        const admin = x.findIndex((f) => f.id === "admin");
        const need = x[admin]?.need;
        if (need) need.criterion = "nope";
      }),
    );
    const admin = getKnowledge().features.findIndex((f) => f.id === "admin");
    expect(loadError(dir).message).toContain(`data/features.json at [${admin}].need.criterion`);
  });

  it("a duplicated feature id is rejected", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "features.json", (x: Array<{ id: string }>) => {
        (x[4] as { id: string }).id = "admin";
      }),
    );
    expect(loadError(dir).message).toContain('data/features.json: id "admin" appears twice');
  });

  it("a default that is not an option names the question", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "questions.json", (x: Array<{ id: string; default: unknown }>) => {
        const size = x.find((q) => q.id === "size");
        if (size) size.default = "gigantic";
      }),
    );
    expect(loadError(dir).message).toContain("data/questions.json at [1].default");
  });

  it("an unknown criterion in pros-cons.json names the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "pros-cons.json", (x: Array<{ criteria: string[] }>) => {
        x[0]?.criteria.push("bogus");
      }),
    );
    expect(loadError(dir).message).toContain("data/pros-cons.json at [0].criteria");
  });

  it("a caveat on an unknown question names the path", () => {
    const dir = brokenCopy((d) =>
      editJson(d, "caveats.json", (x: Array<{ whenAny: Array<Record<string, string[]>> }>) => {
        x[0]?.whenAny.push({ colour: ["red"] });
      }),
    );
    expect(loadError(dir).message).toContain(
      'data/caveats.json at [0].whenAny[2]: unknown question "colour"',
    );
  });
});

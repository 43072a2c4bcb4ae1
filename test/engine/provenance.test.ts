import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  explainFeature,
  type Feature,
  getKnowledge,
  KnowledgeError,
  loadKnowledge,
  type PackageRef,
  provenanceLabel,
} from "../../src/engine/index.js";
import { FeatureSchema } from "../../src/engine/knowledge-schema.js";

const knowledge = getKnowledge();
const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
const SIDES = ["flask", "django"] as const;

function packagesOf(side: Feature["flask"]): PackageRef[] {
  const p = side.provenance;
  return [
    ...(p.kind === "extension" || p.kind === "third_party" ? p.packages : []),
    ...side.addOns.flatMap((a) => a.packages),
  ];
}
/** Every package the knowledge base names, with the kind it is filed under. */
const ALL_PACKAGES = new Map<string, string>();
for (const f of knowledge.features) {
  for (const id of SIDES) {
    const side = f[id];
    const sources = [side.provenance, ...side.addOns];
    for (const s of sources) {
      if (s.kind === "extension" || s.kind === "third_party")
        for (const p of s.packages) ALL_PACKAGES.set(p.name, s.kind);
    }
  }
}
const mentions = (text: string, name: string) =>
  new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "i").test(text);

describe("provenance: the schema makes wrong combinations impossible", () => {
  const admin = knowledge.featureById.get("admin") as Feature;
  const withDjango = (django: unknown) => FeatureSchema.safeParse({ ...admin, django });
  const side = { how: "It is there.", docs: "https://docs.djangoproject.com/en/stable/" };

  it("a built-in cannot list packages", () => {
    const r = withDjango({
      ...side,
      provenance: {
        kind: "built_in",
        modules: ["django.contrib.admin"],
        packages: [{ name: "x", docs: "https://x.org/" }],
      },
    });
    expect(r.success).toBe(false);
  });

  it("a built-in must name at least one module, as a dotted Python name", () => {
    expect(withDjango({ ...side, provenance: { kind: "built_in", modules: [] } }).success).toBe(false);
    expect(withDjango({ ...side, provenance: { kind: "built_in", modules: ["Django admin"] } }).success).toBe(
      false,
    );
    expect(
      withDjango({ ...side, provenance: { kind: "built_in", modules: ["django.contrib.admin"] } }).success,
    ).toBe(true);
  });

  it("a third-party package or an extension has its own docs link; an extension says who maintains it", () => {
    expect(
      withDjango({ ...side, provenance: { kind: "third_party", packages: [{ name: "Celery" }] } }).success,
    ).toBe(false);
    expect(
      withDjango({
        ...side,
        provenance: {
          kind: "extension",
          packages: [{ name: "Channels", docs: "https://channels.readthedocs.io/" }],
        },
      }).success,
    ).toBe(false);
    expect(withDjango({ ...side, provenance: { kind: "third_party", packages: [] } }).success).toBe(false);
  });

  it("a quality carries no modules or packages", () => {
    expect(withDjango({ ...side, provenance: { kind: "quality", modules: ["django"] } }).success).toBe(false);
    expect(withDjango({ ...side, provenance: { kind: "quality" } }).success).toBe(true);
  });

  it("an add-on is never built in", () => {
    const r = withDjango({
      ...side,
      provenance: { kind: "built_in", modules: ["django.contrib.admin"] },
      addOns: [{ for: "themes", kind: "built_in", modules: ["django.contrib.admin"] }],
    });
    expect(r.success).toBe(false);
  });
});

describe("provenance: checks across the knowledge base", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  function loadEdited(edit: (features: Feature[]) => void): string {
    const dir = mkdtempSync(join(tmpdir(), "flask-or-django-provenance-"));
    dirs.push(dir);
    cpSync(DATA_DIR, dir, { recursive: true });
    const path = join(dir, "features.json");
    const features = JSON.parse(readFileSync(path, "utf8")) as Feature[];
    edit(features);
    writeFileSync(path, JSON.stringify(features, null, 2));
    try {
      loadKnowledge(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(KnowledgeError);
      return (err as Error).message;
    }
    throw new Error("the edited knowledge base loaded");
  }
  const at = (id: string) => knowledge.features.findIndex((f) => f.id === id);

  it("the real knowledge base passes them", () => {
    expect(() => loadKnowledge(DATA_DIR)).not.toThrow();
  });

  it("a built-in may name only the framework's own modules: a third-party package's module is refused", () => {
    const message = loadEdited((features) => {
      const auth = features[at("auth")] as Feature;
      auth.flask.provenance = { kind: "built_in", modules: ["flask_login"] };
    });
    expect(message).toContain(`data/features.json at [${at("auth")}].flask.provenance.modules`);
    expect(message).toContain('"flask_login" is not part of flask');
  });

  it("an extension must come from the framework's own organisations", () => {
    const message = loadEdited((features) => {
      const admin = features[at("admin")] as Feature;
      admin.flask.provenance = {
        kind: "extension",
        packages: [{ name: "Flask-Admin", home: "django", docs: "https://flask-admin.readthedocs.io/" }],
      };
    });
    expect(message).toContain("Flask-Admin (django) is not an extension of flask");
  });

  it("a package is the same kind of thing wherever it is named", () => {
    const message = loadEdited((features) => {
      const tasks = features[at("background_tasks")] as Feature;
      tasks.flask.provenance = {
        kind: "extension",
        packages: [{ name: "Celery", home: "pallets-eco", docs: "https://docs.celeryq.dev/" }],
      };
    });
    expect(message).toMatch(
      /Celery is (extension \(pallets-eco\) here but third_party|third_party here but extension \(pallets-eco\))/,
    );
  });
});

describe("provenance over the whole knowledge base", () => {
  it("names every package it files as third-party or extension, and there are plenty", () => {
    expect([...ALL_PACKAGES.values()].filter((k) => k === "third_party").length).toBeGreaterThanOrEqual(15);
    expect([...ALL_PACKAGES.values()].filter((k) => k === "extension").length).toBeGreaterThanOrEqual(8);
  });

  it("no built-in label names a package: the label's built-in part lists modules only", () => {
    for (const f of knowledge.features) {
      for (const id of SIDES) {
        const label = provenanceLabel(f[id]);
        const builtIn = label.match(/^built in \(([^)]*)\)/)?.[1] ?? "";
        for (const name of ALL_PACKAGES.keys())
          expect(mentions(builtIn, name), `${f.id}.${id}: "${builtIn}" names ${name}`).toBe(false);
      }
    }
  });

  it("every package a side's text names is listed in that side's provenance, so none passes as built in", () => {
    let checked = 0;
    for (const f of knowledge.features) {
      for (const id of SIDES) {
        const listed = new Set(packagesOf(f[id]).map((p) => p.name));
        for (const name of ALL_PACKAGES.keys()) {
          if (!mentions(f[id].how, name)) continue;
          checked++;
          expect(listed.has(name), `${f.id}.${id} mentions ${name} but does not list it`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("every listed package links its own docs, never Flask's generic extensions page or tutorial", () => {
    for (const f of knowledge.features) {
      for (const id of SIDES) {
        for (const p of packagesOf(f[id])) {
          expect(p.docs, `${f.id}.${id} ${p.name}`).toMatch(/^https:\/\//);
          expect(p.docs, `${f.id}.${id} ${p.name}`).not.toMatch(
            /palletsprojects\.com\/en\/stable\/(extensions|tutorial)\//,
          );
        }
      }
    }
  });

  it("the labels read right for the cases that used to read wrong", () => {
    const label = (feature: string, id: "flask" | "django") =>
      explainFeature(feature, undefined, knowledge)?.[id].label ?? "";
    expect(label("admin", "django")).toBe("built in (`django.contrib.admin`)");
    expect(label("background_tasks", "flask")).toBe("third-party package (Celery)");
    expect(label("background_tasks", "django")).toContain("third-party package (Celery)");
    expect(label("async", "django")).toContain(
      "websockets: official Django package, installed separately (Channels)",
    );
    expect(label("async", "flask")).toContain("websockets: third-party package (Flask-SocketIO)");
    expect(label("permissions", "django")).toContain(
      "object-level permissions: third-party package (django-guardian)",
    );
    expect(label("testing", "flask")).toContain("a test runner: third-party package (pytest)");
    expect(label("admin", "flask")).toBe("pallets-eco extension (Flask-Admin)");
    for (const quality of ["performance", "learning_curve", "scalability"]) {
      expect(label(quality, "flask"), quality).toBe("");
      expect(label(quality, "django"), quality).toBe("");
    }
  });

  it('no label anywhere says "built in" next to a package in parentheses', () => {
    for (const f of knowledge.features) {
      for (const id of SIDES) {
        expect(provenanceLabel(f[id]), `${f.id}.${id}`).not.toMatch(/built in \([^`)][^)]*\)/);
      }
    }
  });
});

/**
 * Every link the app shows follows the current docs layout: Flask's under /en/stable/, Django's under
 * /en/stable/ (or a version data/meta.json names), each to a page known to exist; and a claim about
 * a Flask extension links that extension's own docs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getKnowledge, type Knowledge } from "../../src/engine/index.js";

const knowledge = getKnowledge();
const PAGES = JSON.parse(readFileSync(new URL("../fixtures/docs-pages.json", import.meta.url), "utf8")) as {
  flask: { root: string; pages: string[] };
  django: { root: string; pages: string[] };
};

/** Every https string anywhere in the knowledge base, with where it is. */
function allLinks(k: Knowledge): Array<{ url: string; where: string }> {
  const out: Array<{ url: string; where: string }> = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") {
      if (value.startsWith("http")) out.push({ url: value, where });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${where}[${i}]`);
    } else if (value && typeof value === "object")
      for (const [key, v] of Object.entries(value)) walk(v, `${where}.${key}`);
  };
  walk(k.meta, "meta");
  walk(k.criteria, "criteria");
  walk(k.features, "features");
  walk(k.prosCons, "pros-cons");
  walk(k.caveats, "caveats");
  return out;
}

/** What is wrong with one link, or nothing. */
function linkProblems(url: string, k: Knowledge): string[] {
  const problems: string[] = [];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [`not a URL: ${url}`];
  }
  if (u.protocol !== "https:") problems.push("not https");
  if (u.hash !== "" && !/^#[a-z0-9-]+$/.test(u.hash)) problems.push(`odd fragment ${u.hash}`);
  if (u.search !== "") problems.push("has a query string");
  if (u.hostname === "flask.palletsprojects.com") {
    const m = u.pathname.match(/^\/en\/stable\/((?:[a-z0-9_-]+\/)*)$/);
    if (!m) problems.push(`Flask docs path ${u.pathname} is not /en/stable/<page>/`);
    else if (!PAGES.flask.pages.includes((m[1] ?? "").replace(/\/$/, "")))
      problems.push(`no Flask docs page ${m[1]} (see test/fixtures/docs-pages.json)`);
  }
  if (u.hostname === "docs.djangoproject.com") {
    const m = u.pathname.match(/^\/en\/([^/]+)\/((?:[a-z0-9_.-]+\/)*)$/);
    if (!m) problems.push(`Django docs path ${u.pathname} is not /en/<version>/<page>/`);
    else {
      const [, version, page] = m;
      if (version !== "stable" && version !== k.meta.frameworks.django.current)
        problems.push(
          `Django docs pinned to ${version}, not stable or the current version in data/meta.json`,
        );
      if (!PAGES.django.pages.includes((page ?? "").replace(/\/$/, "")))
        problems.push(`no Django docs page ${page} (see test/fixtures/docs-pages.json)`);
    }
  }
  return problems;
}

describe("links follow the current docs layout", () => {
  const links = allLinks(knowledge);

  it("finds the links (a clean scan means something)", () => {
    expect(links.length).toBeGreaterThan(150);
    expect(links.filter((l) => l.url.includes("docs.djangoproject.com")).length).toBeGreaterThan(40);
    expect(links.filter((l) => l.url.includes("flask.palletsprojects.com")).length).toBeGreaterThan(40);
  });

  it("the checker catches a pinned version, an unknown page and a wrong layout", () => {
    expect(linkProblems("https://docs.djangoproject.com/en/6.0/topics/async/", knowledge).join()).toMatch(
      /pinned to 6\.0/,
    );
    expect(linkProblems("https://docs.djangoproject.com/en/stable/topics/asynk/", knowledge).join()).toMatch(
      /no Django docs page/,
    );
    expect(linkProblems("https://flask.palletsprojects.com/en/2.3/design/", knowledge).join()).toMatch(
      /not \/en\/stable/,
    );
    expect(
      linkProblems("https://flask.palletsprojects.com/en/stable/patterns/mongo/", knowledge).join(),
    ).toMatch(/no Flask docs page/);
    expect(linkProblems("https://docs.djangoproject.com/en/stable/topics/async", knowledge).join()).toMatch(
      /not \/en\/<version>/,
    );
    expect(linkProblems("https://docs.djangoproject.com/en/stable/topics/async/", knowledge)).toEqual([]);
  });

  it("every link in the knowledge base passes", () => {
    const bad = links.flatMap((l) => linkProblems(l.url, knowledge).map((p) => `${l.where}: ${l.url}: ${p}`));
    expect(bad).toEqual([]);
  });

  it("Django links point at stable (or the version meta names), never a pinned older release", () => {
    expect(knowledge.meta.frameworks.django.docs).toBe("https://docs.djangoproject.com/en/stable/");
    const current = knowledge.meta.frameworks.django.current;
    for (const l of links) {
      const version = l.url.match(/docs\.djangoproject\.com\/en\/([^/]+)\//)?.[1];
      if (version) expect([`stable`, current], l.where).toContain(version);
    }
  });
});

describe("a claim about a Flask extension links that extension's own docs", () => {
  /** The extension's docs, from the knowledge base's own package list (or its PyPI page). */
  const docsOf = new Map<string, string[]>();
  for (const f of knowledge.features) {
    for (const side of [f.flask, f.django]) {
      const sources = [side.provenance, ...side.addOns];
      for (const s of sources) {
        if (s.kind !== "extension" && s.kind !== "third_party") continue;
        for (const p of s.packages) docsOf.set(p.name, [p.docs, `https://pypi.org/project/${p.name}/`]);
      }
    }
  }
  const EXTENSIONS = ["Flask-Login", "Flask-Admin", "Flask-Babel", "Flask-Principal", "Flask-Security"];
  const names = (text: string) =>
    EXTENSIONS.filter((e) => new RegExp(`(?<![\\w-])${e}(?![\\w-])`).test(text));

  /** Each claim with the one link shown beside it. */
  const claims: Array<{ text: string; source: string; more?: string[]; where: string }> = [
    ...knowledge.criteria.flatMap((c) => [
      { text: c.reason.flask, source: c.source.flask, where: `criteria ${c.id}.flask` },
      { text: c.reason.django, source: c.source.django, where: `criteria ${c.id}.django` },
    ]),
    ...knowledge.prosCons.map((p) => ({ text: p.text, source: p.source, where: `pros-cons ${p.id}` })),
    ...knowledge.caveats.map((c) => ({ text: c.text, source: c.source, where: `caveats ${c.id}` })),
    ...knowledge.features.flatMap((f) =>
      f.myths.map((m, i) => ({
        text: m.correction,
        source: m.source,
        more: m.more.map((x) => x.url),
        where: `${f.id}.myths[${i}]`,
      })),
    ),
  ];

  it("knows every extension's docs", () => {
    for (const e of EXTENSIONS) expect(docsOf.get(e), e).toBeDefined();
  });

  it("holds for every reason, pro, con, caveat and myth correction", () => {
    let checked = 0;
    for (const claim of claims) {
      const named = names(claim.text);
      if (named.length === 0) continue;
      checked++;
      const allowed = new Set(named.flatMap((n) => docsOf.get(n) ?? []));
      const shown = [claim.source, ...(claim.more ?? [])];
      expect(
        shown.some((url) => allowed.has(url)),
        `${claim.where}: "${claim.text}" links ${shown.join(", ")}`,
      ).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it("and no feature side about an extension links Flask's generic extensions page or the tutorial", () => {
    for (const f of knowledge.features) {
      expect(f.flask.docs, f.id).not.toMatch(/\/en\/stable\/(extensions|tutorial)\//);
    }
  });
});

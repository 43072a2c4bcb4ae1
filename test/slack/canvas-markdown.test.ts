import { describe, expect, it } from "vitest";
import { adrAsCanvas } from "../../src/slack/services/canvas-markdown.js";
import { adrFileName } from "../../src/slack/services/export-adr.js";

describe("a MADR record as a canvas", () => {
  it("takes the title out, turns the front matter into a list, and spells out autolinks", () => {
    const doc = adrAsCanvas(
      '---\nstatus: "superseded by the decision of 2026-12-01"\ndate: 2026-11-28\n---\n\n# Use \\*Flask\\* here\n\n## Context\n\n* <https://flask.palletsprojects.com/en/stable/>\n',
    );
    expect(doc.title).toBe("Use *Flask* here");
    expect(doc.markdown).toBe(
      "* **Status:** superseded by the decision of 2026-12-01\n* **Date:** 2026-11-28\n\n## Context\n\n* [https://flask.palletsprojects.com/en/stable/](https://flask.palletsprojects.com/en/stable/)\n",
    );
  });

  it("makes mentions of people and channels, never inside a link, an address or a word", () => {
    const doc = adrAsCanvas(
      "# T\n\nFlask for @U0ANN1234 (asked); in \\#C0SHOP123 and #C0WEB4567.\nSee https://example.com/@U0NOTME12 and https://example.com/#C0NOTME12, mail a@W0NOTME12, xx@U0NOTME34.\n",
    );
    expect(doc.markdown).toBe(
      "Flask for ![](@U0ANN1234) (asked); in ![](#C0SHOP123) and ![](#C0WEB4567).\nSee https://example.com/@U0NOTME12 and https://example.com/#C0NOTME12, mail a@W0NOTME12, xx@U0NOTME34.\n",
    );
  });

  it("a record without front matter or title keeps its text, under a plain title", () => {
    expect(adrAsCanvas("Just text.\n")).toEqual({
      title: "Architecture decision record",
      markdown: "Just text.\n",
    });
  });

  it("names the file after the title", () => {
    expect(adrFileName("Use Flask for an online shop or marketplace")).toBe(
      "use-flask-for-an-online-shop-or-marketplace.md",
    );
    expect(adrFileName("Choose Flask or Django for « ça »")).toBe("choose-flask-or-django-for-ca.md");
    expect(adrFileName("***")).toBe("decision.md");
  });
});

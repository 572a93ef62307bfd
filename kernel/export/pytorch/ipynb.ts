// The translated notebook as Jupyter's .ipynb (nbformat 4.5) with a Python 3 kernel, and as a
// plain .py script (cells in order, marked `# %%` as VS Code and Jupytext read them).
import type { TranslatedNotebook } from "./translate/notebook";

/** Jupyter keeps sources as lists of lines, each but the last ending in "\n". */
const lines = (s: string) => (s === "" ? [] : s.split("\n").map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)));

export function pythonNotebookJson(t: TranslatedNotebook, title: string | undefined): string {
  const nb = {
    cells: t.cells.map((c, i) => ({
      cell_type: c.kind,
      id: `cell-${i + 1}`,
      metadata: Object.keys(c.metadata).length ? { actnb: c.metadata } : {},
      source: lines(c.source),
      ...(c.kind === "code" ? { execution_count: null, outputs: [] } : {}),
    })),
    metadata: {
      kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
      language_info: { name: "python", pygments_lexer: "ipython3" },
      ...(title ? { title } : {}),
      actnb: { exported_from: "actnb", runtime: t.runtimeNames.length > 0 },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(nb, null, 1)}\n`;
}

export function pythonScript(t: TranslatedNotebook, title: string | undefined, source: string): string {
  const out = [`# ${title ?? source}`, `# Exported from ${source} by \`actnb export --to pytorch --script\`.`, ""];
  for (const c of t.cells) {
    if (c.kind === "markdown") {
      out.push("# %% [markdown]", ...c.source.split("\n").map((l) => (l ? `# ${l}` : "#")), "");
    } else if (c.kind === "raw") {
      out.push("# %% [raw]", ...c.source.split("\n").map((l) => (l ? `# ${l}` : "#")), "");
    } else if (c.source.trim()) {
      const title = typeof c.metadata.title === "string" ? ` ${c.metadata.title}` : "";
      out.push(`# %%${title}`, c.source, "");
    }
  }
  return out.join("\n");
}

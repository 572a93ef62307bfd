// actnb's exports and what they are in Python: PyTorch's own modules where PyTorch has the
// thing, actnb_pytorch (the helper written beside the notebook) where only actnb has it.
import * as ts from "@tslab/typescript-for-tslab";
import { Context } from "./context";
import { snakeCase } from "./python";
import { refuse } from "./untranslatable";

/** How each name `import { … } from "actnb"` offers is written in Python, and what it needs imported. */
const ACTNB_EXPORTS: Record<string, { python: string; import: string } | { runtime: string }> = {
  torch: { python: "torch", import: "import torch" },
  nn: { python: "nn", import: "import torch.nn as nn" },
  F: { python: "F", import: "import torch.nn.functional as F" },
  optim: { python: "optim", import: "import torch.optim as optim" },
  torchvision: { python: "torchvision", import: "import torchvision" },
  Tensor: { python: "torch.Tensor", import: "import torch" },
  display: { python: "display", import: "from IPython.display import display" },
  displayBundle: { runtime: "display_bundle" },
  markdown: { runtime: "markdown" },
  progress: { runtime: "progress" },
  plot: { runtime: "plot" },
  diagnostics: { runtime: "diagnostics" },
};

/** actnb's own modules, which PyTorch lacks: actnb_pytorch defines them. */
const RUNTIME_MODULES: Record<string, string> = { Swish: "Swish", APL: "APL" };
/** actnb's functional forms that PyTorch lacks. */
const NOT_IN_PYTORCH = new Set(["swish", "apl", "swish_", "apl_"]);

/** The actnb export an identifier refers to (through `import { x as y }` too). */
function actnbImport(ctx: Context, id: ts.Identifier): string | undefined {
  const symbol = ctx.checker.getSymbolAtLocation(id);
  const decl = symbol?.getDeclarations()?.[0];
  if (!decl || !ts.isImportSpecifier(decl)) return undefined;
  const from = decl.parent.parent.parent.moduleSpecifier;
  if (!ts.isStringLiteral(from) || from.text !== "actnb") return undefined;
  return (decl.propertyName ?? decl.name).text;
}

/** The Python for an identifier or a property chain that starts at an actnb import, else undefined. */
export function importedName(ctx: Context, node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) {
    const name = actnbImport(ctx, node);
    if (name === undefined) return undefined;
    const entry = ACTNB_EXPORTS[name];
    if (!entry) return refuse(node, `actnb's ${name}`, "it has no PyTorch counterpart; the translation knows torch, nn, F, optim, torchvision, plot, diagnostics, display, displayBundle, markdown and progress");
    if ("runtime" in entry) return ctx.useRuntime(entry.runtime);
    ctx.useFrom("", entry.import);
    return entry.python;
  }
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.name)) return undefined;
  const base = importedName(ctx, node.expression);
  if (base === undefined) return undefined;
  const name = node.name.text;
  if (base === "nn" && RUNTIME_MODULES[name]) return ctx.useRuntime(RUNTIME_MODULES[name]);
  if ((base === "F" || base === "torch") && NOT_IN_PYTORCH.has(name)) {
    return refuse(node, `${base}.${name}`, `PyTorch has no ${name}; use the module (new nn.${name === "apl" ? "APL" : "Swish"}()), which the exported helper defines, or write the formula with torch functions`);
  }
  // plot's functions and option names are snake_case in Python; its constants and classes are not
  if (base === "plot" && /^[a-z]/.test(name)) return `plot.${snakeCase(name)}`;
  return `${base}.${name}`;
}

/** The import lines the translated notebook needs, in PEP 8 order (standard library, third party, local). */
export function importLines(ctx: Context, runtimeModule: string): string[] {
  const std = [...ctx.modules].sort().map((m) => `import ${m}`);
  const imports = ctx.fromImports.get("") ?? new Set<string>();
  const order = ["import torch", "import torch.nn as nn", "import torch.nn.functional as F", "import torch.optim as optim", "import torchvision"];
  const third = order.filter((l) => imports.has(l) || (l === "import torch" && [...imports].some((i) => i.startsWith("import torch"))));
  for (const [module, names] of ctx.fromImports) if (module !== "") third.push(`from ${module} import ${[...names].join(", ")}`);
  if (imports.has("from IPython.display import display")) third.push("from IPython.display import display");
  const local = ctx.runtime.size ? [`from ${runtimeModule} import ${[...ctx.runtime].join(", ")}`] : [];
  return [...std, ...(std.length ? [""] : []), ...third, ...(local.length && third.length ? [""] : []), ...local];
}

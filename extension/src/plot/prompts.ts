// The "Plot activation" prompts: a multi-select quick pick of the activations, an input box per
// parameter (Enter keeps the default), the x range, and whether to draw derivatives. Escape (or
// clicking away from the quick pick) anywhere returns undefined: nothing happens.
import * as vscode from "vscode";
import { getActivation } from "../../../kernel/engine/activations/registry";
import {
  ActivationPickItem, PlotSettings, activationPickItems, activationsFromFilter, formatNumber, formatValue, paramPrompt, parseParamInput, parseXRange, plotParams,
} from "./model";
import type { ParamValue, PlotActivation, PlotValues } from "./protocol";

const TITLE = "Plot activation";

type PickItem = vscode.QuickPickItem & { name: string };

/**
 * The first answer of a prompt, resolved once: accepting then hiding (which fires onDidHide)
 * must not resolve again, and the widget is disposed with the answer.
 */
function answerOnce<T>(resolve: (v: T | undefined) => void, widget: { dispose(): void }): (v: T | undefined) => void {
  let done = false;
  return (v) => {
    if (done) return;
    done = true;
    resolve(v);
    widget.dispose();
  };
}

const PICK_HINT = "Type a name (or several: GELU, Leaky ReLU) and press Enter, or check rows (↓, Space) and press Enter";

/**
 * The activations to plot: the checked rows (in the list's order); with nothing checked, the
 * highlighted row, else the names typed in the filter (typed order).
 */
function pickActivations(items: readonly ActivationPickItem[]): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem>();
    qp.title = TITLE;
    qp.placeholder = PICK_HINT;
    qp.canSelectMany = true;
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    qp.ignoreFocusOut = false;
    qp.items = items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, name: i.name }));
    const finish = answerOnce(resolve, qp);
    qp.onDidChangeValue(() => { if (qp.title !== TITLE) qp.title = TITLE; });
    qp.onDidAccept(() => {
      if (qp.selectedItems.length) {
        const names = new Set(qp.selectedItems.map((c) => c.name));
        finish(items.filter((i) => names.has(i.name)).map((i) => i.name));
        return;
      }
      if (qp.activeItems.length) {
        finish([qp.activeItems[0].name]);
        return;
      }
      const typed = activationsFromFilter(qp.value, items);
      if (typed.ok) finish(typed.value);
      else qp.title = `${TITLE}: ${typed.message}`; // keep the picker open
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

interface InputOptions {
  title: string;
  prompt: string;
  value: string;
  placeholder: string;
  step: number;
  totalSteps: number;
  validate: (text: string) => string | undefined;
}

/** An input box that shows its step; resolves to the accepted text, or undefined when cancelled. */
function input(o: InputOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = o.title;
    box.prompt = o.prompt;
    box.value = o.value;
    box.valueSelection = [0, o.value.length];
    box.placeholder = o.placeholder;
    box.step = o.step;
    box.totalSteps = o.totalSteps;
    box.ignoreFocusOut = true;
    const finish = answerOnce(resolve, box);
    box.onDidChangeValue((v) => { box.validationMessage = o.validate(v); });
    box.onDidAccept(() => {
      const problem = o.validate(box.value);
      box.validationMessage = problem;
      if (!problem) finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** Yes or no, the default first (so Enter keeps it). */
function pickDerivative(defaultOn: boolean, step: number, totalSteps: number): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    const on = { label: "Show derivatives", description: "f(x) solid, f'(x) dashed (by autograd)", value: true };
    const off = { label: "Curves only", description: "f(x) only", value: false };
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: boolean }>();
    qp.title = TITLE;
    qp.placeholder = `Draw derivatives? Enter keeps "${defaultOn ? on.label : off.label}" (the actnb.plot.showDerivative setting)`;
    qp.items = defaultOn ? [on, off] : [off, on];
    qp.step = step;
    qp.totalSteps = totalSteps;
    qp.ignoreFocusOut = true;
    const finish = answerOnce(resolve, qp);
    qp.onDidAccept(() => finish((qp.selectedItems[0] ?? qp.activeItems[0])?.value));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

/** Asks for everything a plot needs; undefined when the user cancels at any step. */
export async function promptPlotValues(settings: PlotSettings): Promise<PlotValues | undefined> {
  const names = await pickActivations(activationPickItems());
  if (!names?.length) return undefined;
  const defs = names.map((n) => getActivation(n));
  const paramCount = defs.reduce((n, d) => n + plotParams(d).length, 0);
  const totalSteps = paramCount + 2;
  let step = 0;

  const activations: PlotActivation[] = [];
  for (const def of defs) {
    const params: Record<string, ParamValue> = {};
    for (const spec of plotParams(def)) {
      step++;
      const text = await input({
        title: `${TITLE}: ${def.title}, ${spec.name}`,
        prompt: paramPrompt(spec),
        value: formatValue(spec.default),
        placeholder: `${spec.name} (default ${formatValue(spec.default)})`,
        step, totalSteps,
        validate: (t) => { const r = parseParamInput(spec, t); return r.ok ? undefined : r.message; },
      });
      if (text === undefined) return undefined;
      const r = parseParamInput(spec, text);
      if (!r.ok) return undefined; // validated on accept
      if (r.value !== spec.default) params[spec.name] = r.value;
    }
    activations.push(Object.keys(params).length ? { name: def.name, params } : { name: def.name });
  }

  const defaults: [number, number] = [settings.xMin, settings.xMax];
  const xText = await input({
    title: `${TITLE}: x range`,
    prompt: "The smallest and the largest x, e.g. \"-4, 4\"; Enter keeps the actnb.plot.xMin and xMax settings.",
    value: `${formatNumber(defaults[0])}, ${formatNumber(defaults[1])}`,
    placeholder: "min, max",
    step: ++step, totalSteps,
    validate: (t) => { const r = parseXRange(t, defaults); return r.ok ? undefined : r.message; },
  });
  if (xText === undefined) return undefined;
  const x = parseXRange(xText, defaults);
  if (!x.ok) return undefined;

  const derivative = await pickDerivative(settings.showDerivative, ++step, totalSteps);
  if (derivative === undefined) return undefined;
  return { activations, x: x.value, derivative, points: settings.points };
}

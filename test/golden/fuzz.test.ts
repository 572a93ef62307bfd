// Differential fuzzing against PyTorch 1.13: replays the random programs of
// test/golden/fixtures/fuzz.json (written by test/golden/gen_fuzz.py; its docstring describes the
// program representation) in the engine, step by step, and compares every value (shape, dtype,
// elements to a tolerance, requires_grad, grad_fn name), every error (type and exact message, at
// the same step), the values after in-place updates through aliases and views, and every leaf's
// .grad after the backward.
//
// On failure the message shows the program as TypeScript (the step that went wrong is marked)
// and the first mismatch. Environment:
//   FUZZ_ONLY=17,42        replay only these programs
//   FUZZ_LAYOUT=1          also compare is_contiguous() of every value
//   FUZZ_FAILURES=file     write every failure (id, step, kind, message) to file as JSON
//   FUZZ_ALL=1             replay the known failures as ordinary tests too
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { torch, nn, F } from "../../kernel/index";
import { loadFixture } from "./fixtures";

type Rec = [number[], string, unknown, boolean, string | null | { type: string; message: string }, boolean, number[]?] | { py: unknown };
interface Step {
  fn: string; self?: string; args?: unknown[]; kw?: Record<string, unknown>; out: string | string[] | null;
  no_grad?: boolean; ctor?: unknown[]; ctor_kw?: Record<string, unknown>; attrs?: string[];
}
interface Program {
  id: number; summary: string; fwd: number; steps: Step[];
  vals: Record<string, Rec>; final: Record<string, Rec>;
  grads: Record<string, Rec | null> | null;
  error: { step: number; type: string; message: string } | null;
}

const fixture = loadFixture("fuzz") as { programs: Program[] };
const REF = /^v\d+$/;
const LAYOUT = process.env.FUZZ_LAYOUT === "1";
const ONLY = process.env.FUZZ_ONLY ? new Set(process.env.FUZZ_ONLY.split(",").map(Number)) : null;
/**
 * Programs that still disagree with PyTorch, each with the reason (test/golden/fuzz-known-failures.json).
 * The list only shrinks: fix the engine, then delete the entry (the test says when one passes).
 */
const KNOWN: Record<string, string> = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../test/golden/fuzz-known-failures.json"), "utf8"));
const failures: Array<{ id: number; step: number | null; kind: string; message: string; fn: string | null }> = [];

const T = torch as unknown as Record<string, (...a: unknown[]) => unknown>;
const FN = F as unknown as Record<string, (...a: unknown[]) => unknown>;
const NN = nn as unknown as Record<string, new (...a: unknown[]) => ((...a: unknown[]) => unknown) & Record<string, unknown>>;
type Tensor = InstanceType<typeof torch.Tensor>;
const isTensor = (v: unknown): v is Tensor => v instanceof torch.Tensor;

/** A mismatch between the engine and PyTorch (kind: a short category for the report). */
class Mismatch extends Error {
  constructor(public kind: string, message: string, public step: number | null = null) { super(message); }
}

// ------------------------------------------------------------------ interpreter
function resolve(a: unknown, env: Map<string, unknown>): unknown {
  if (typeof a === "string" && REF.test(a)) {
    if (!env.has(a)) throw new Mismatch("replay", `value ${a} does not exist`);
    return env.get(a);
  }
  if (Array.isArray(a)) return a.map((x) => resolve(x, env));
  if (a !== null && typeof a === "object" && "dtype" in a) return (torch as unknown as Record<string, unknown>)[(a as { dtype: string }).dtype];
  return a;
}

function resolveKw(kw: Record<string, unknown> | undefined, env: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw ?? {})) out[k] = resolve(v, env);
  return out;
}

class MissingOp extends Error {}

function fnOf(table: Record<string, unknown>, name: string, label: string): (...a: unknown[]) => unknown {
  const f = table[name];
  if (typeof f !== "function") throw new MissingOp(`the engine has no ${label}`);
  return f as (...a: unknown[]) => unknown;
}

function call(step: Step, env: Map<string, unknown>): unknown {
  const dot = step.fn.indexOf(".");
  const kind = step.fn.slice(0, dot), name = step.fn.slice(dot + 1);
  const args = resolve(step.args ?? [], env) as unknown[];
  const kw = resolveKw(step.kw, env);
  const withKw = Object.keys(kw).length ? [...args, kw] : args;
  const run = (): unknown => {
    switch (kind) {
      case "torch": return fnOf(T, name, `torch.${name}`)(...withKw);
      case "F": return fnOf(FN, name, `F.${name}`)(...withKw);
      case "Tensor": {
        const self = resolve(step.self, env) as Tensor & Record<string, unknown>;
        if (name === "T" || name === "mT") return self[name];
        return fnOf(self as Record<string, unknown>, name, `Tensor.${name}`).apply(self, withKw);
      }
      case "nn": {
        const Ctor = NN[name];
        if (typeof Ctor !== "function") throw new MissingOp(`the engine has no nn.${name}`);
        const ctorKw = resolveKw(step.ctor_kw, env);
        const ctorArgs = resolve(step.ctor ?? [], env) as unknown[];
        const m = new Ctor(...ctorArgs, ...(Object.keys(ctorKw).length ? [ctorKw] : []));
        const r = m(...withKw);
        return step.attrs ? [r, ...step.attrs.map((a) => m[a])] : r;
      }
    }
    throw new Error(`unknown step kind ${step.fn}`);
  };
  return step.no_grad ? torch.no_grad(run) : run();
}

function bind(step: Step, result: unknown, env: Map<string, unknown>): string[] {
  if (step.out === null) return [];
  if (typeof step.out === "string") { env.set(step.out, result); return [step.out]; }
  let items: unknown[];
  if (result !== null && typeof result === "object" && Symbol.iterator in (result as object)) items = Array.from(result as Iterable<unknown>);
  else throw new Mismatch("result", `expected ${step.out.length} results, got ${showValue(result)}`);
  if (items.length !== step.out.length) throw new Mismatch("result", `expected ${step.out.length} results, got ${items.length}`);
  step.out.forEach((n, i) => env.set(n, items[i]));
  return step.out;
}

// ------------------------------------------------------------------ comparison
function flatten(v: unknown): unknown[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

function showValue(v: unknown): string {
  if (isTensor(v)) return `tensor of shape [${v.shape.join(", ")}] ${String(v.dtype)}`;
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}

function fmt(x: unknown): string {
  return typeof x === "number" ? (Object.is(x, -0) ? "-0" : String(x)) : String(x);
}

/** The values a torch.tensor step's data become in the given dtype. */
function leafData(data: unknown, dtype: string): unknown[] {
  return flatten(data).map((v) => {
    if (dtype === "bool") return Boolean(v);
    const n = typeof v === "boolean" ? (v ? 1 : 0) : (v as number);
    if (dtype === "float32") return Math.fround(n);
    if (dtype === "int64" || dtype === "int32") return Math.trunc(n);
    return n;
  });
}

function compareData(got: unknown[], want: unknown[], dtype: string, tol: number[] | undefined, what: string): void {
  if (got.length !== want.length) throw new Mismatch("shape", `${what}: ${got.length} elements, expected ${want.length}`);
  const float = dtype === "float32" || dtype === "float64";
  let scale = 1;
  if (dtype === "float64") for (const e of want) if (typeof e === "number" && Number.isFinite(e)) scale = Math.max(scale, Math.abs(e));
  const rtol = dtype === "float32" ? 1e-5 : 1e-10, atol = dtype === "float32" ? 1e-6 : 1e-12 * scale;
  for (let i = 0; i < want.length; i++) {
    const a = got[i], e = want[i];
    if (!float || typeof e !== "number") {
      if (a !== e) throw new Mismatch("value", `${what}[${i}] (flat): got ${fmt(a)}, expected ${fmt(e)}`);
      continue;
    }
    if (typeof a !== "number") throw new Mismatch("value", `${what}[${i}] (flat): got ${fmt(a)}, expected ${fmt(e)}`);
    if (Number.isNaN(e)) { if (!Number.isNaN(a)) throw new Mismatch("value", `${what}[${i}] (flat): got ${fmt(a)}, expected nan`); continue; }
    if (!Number.isFinite(e)) { if (a !== e) throw new Mismatch("value", `${what}[${i}] (flat): got ${fmt(a)}, expected ${fmt(e)}`); continue; }
    const t = atol + rtol * Math.abs(e) + (tol?.[i] ?? 0);
    if (!(Math.abs(a - e) <= t)) throw new Mismatch("value", `${what}[${i}] (flat): got ${fmt(a)}, expected ${fmt(e)} (tolerance ${t.toPrecision(3)})`);
  }
}

function gradFnName(t: Tensor): string | null | { type: string; message: string } {
  try {
    const g = t.grad_fn;
    // type(grad_fn).__name__ in the fixture; name() adds this prefix to a few (CopySlices)
    return g ? g.name().replace(/^torch::autograd::/, "") : null;
  } catch (e) {
    const err = e as Error;
    return { type: err.name, message: err.message };
  }
}

function compareRecord(v: unknown, rec: Rec, what: string, leaf?: Step): void {
  if (!Array.isArray(rec)) {
    const want = rec.py;
    if (isTensor(v)) throw new Mismatch("result", `${what}: got a tensor, expected the Python value ${fmt(want)}`);
    if (typeof want === "number" && typeof v === "number") compareData([v], [want], "float64", undefined, what);
    else if (v !== want) throw new Mismatch("value", `${what}: got ${showValue(v)}, expected ${fmt(want)}`);
    return;
  }
  const [shape, dtype, data, rg, gf, contiguous, tol] = rec;
  if (!isTensor(v)) throw new Mismatch("result", `${what}: got ${showValue(v)}, expected a tensor`);
  if (JSON.stringify(Array.from(v.shape)) !== JSON.stringify(shape)) throw new Mismatch("shape", `${what}: shape [${v.shape.join(", ")}], expected [${shape.join(", ")}]`);
  if (String(v.dtype) !== `torch.${dtype}`) throw new Mismatch("dtype", `${what}: dtype ${String(v.dtype)}, expected torch.${dtype}`);
  const want = data === 0 && leaf ? leafData(leaf.args![0], dtype) : flatten(data);
  compareData(flatten(v.tolist()), want, dtype, tol, what);
  if (v.requires_grad !== rg) throw new Mismatch("requires_grad", `${what}: requires_grad ${v.requires_grad}, expected ${rg}`);
  const g = gradFnName(v);
  if (JSON.stringify(g) !== JSON.stringify(gf)) throw new Mismatch("grad_fn", `${what}: grad_fn ${JSON.stringify(g)}, expected ${JSON.stringify(gf)}`);
  if (LAYOUT && v.is_contiguous() !== contiguous) throw new Mismatch("layout", `${what}: is_contiguous() ${v.is_contiguous()}, expected ${contiguous}`);
}

// ------------------------------------------------------------------ TypeScript rendering
function tsArg(a: unknown): string {
  if (typeof a === "string") return REF.test(a) ? a : JSON.stringify(a);
  if (typeof a === "number") return Number.isNaN(a) ? "NaN" : a === Infinity ? "Infinity" : a === -Infinity ? "-Infinity" : Object.is(a, -0) ? "-0" : String(a);
  if (Array.isArray(a)) return `[${a.map(tsArg).join(", ")}]`;
  if (a !== null && typeof a === "object" && "dtype" in a) return `torch.${(a as { dtype: string }).dtype}`;
  return String(a);
}

function tsKw(kw: Record<string, unknown> | undefined): string[] {
  const entries = Object.entries(kw ?? {});
  return entries.length ? [`{ ${entries.map(([k, v]) => `${k}: ${tsArg(v)}`).join(", ")} }`] : [];
}

export function tsStep(step: Step): string {
  const dot = step.fn.indexOf(".");
  const kind = step.fn.slice(0, dot), name = step.fn.slice(dot + 1);
  const args = [...(step.args ?? []).map(tsArg), ...tsKw(step.kw)].join(", ");
  let expr: string;
  if (kind === "Tensor") expr = name === "T" || name === "mT" ? `${step.self}.${name}` : `${step.self}.${name}(${args})`;
  else if (kind === "nn") {
    const ctor = `new nn.${name}(${[...(step.ctor ?? []).map(tsArg), ...tsKw(step.ctor_kw)].join(", ")})`;
    expr = step.attrs ? `((m) => [m(${args}), ${step.attrs.map((a) => `m.${a}`).join(", ")}])(${ctor})` : `${ctor}(${args})`;
  } else expr = `${kind}.${name}(${args})`;
  if (step.no_grad) expr = `torch.no_grad(() => ${expr})`;
  if (step.out === null) return `${expr};`;
  if (typeof step.out === "string") return `const ${step.out} = ${expr};`;
  return `const [${step.out.join(", ")}] = ${expr};`;
}

function tsProgram(p: Program, mark: number | null): string {
  return p.steps.map((s, i) => `    ${tsStep(s)}${i === mark ? "   // <-- here" : ""}`).join("\n");
}

// ------------------------------------------------------------------ replay
function replay(p: Program): void {
  const env = new Map<string, unknown>();
  const leafStep = new Map<string, Step>();
  const checkState = (when: string) => {
    for (const [n, v] of env) {
      const rec = p.final[n] ?? p.vals[n];
      if (!rec) continue;
      const fromLeaf = p.final[n] ? undefined : leafStep.get(n);
      compareRecord(v, rec, `${n} ${when}`, fromLeaf);
    }
  };
  for (let i = 0; i < p.steps.length; i++) {
    if (i === p.fwd) {
      try { checkState("after the forward steps"); } catch (e) { if (e instanceof Mismatch) e.step = i - 1; throw e; }
    }
    const step = p.steps[i];
    const expectErr = p.error && p.error.step === i ? p.error : null;
    let result: unknown;
    try {
      result = call(step, env);
    } catch (e) {
      if (e instanceof Mismatch) { e.step = i; throw e; }
      if (e instanceof MissingOp) throw new Mismatch("missing", e.message, i);
      const err = e as Error;
      if (!expectErr) throw new Mismatch("unexpected-error", `the engine threw ${err.name}: ${err.message}\n    PyTorch: no error`, i);
      if (err.name !== expectErr.type || err.message !== expectErr.message) {
        throw new Mismatch("error-message", `the engine threw ${err.name}: ${err.message}\n    PyTorch raised ${expectErr.type}: ${expectErr.message}`, i);
      }
      try { checkState("after the error"); } catch (e2) { if (e2 instanceof Mismatch) e2.step = i; throw e2; }
      return;
    }
    if (expectErr) throw new Mismatch("missing-error", `the engine returned ${showValue(result)}\n    PyTorch raised ${expectErr.type}: ${expectErr.message}`, i);
    try {
      const names = bind(step, result, env);
      for (const n of names) {
        if (step.fn === "torch.tensor") leafStep.set(n, step);
        compareRecord(env.get(n), p.vals[n], n, step.fn === "torch.tensor" ? step : undefined);
      }
    } catch (e) {
      if (e instanceof Mismatch) e.step = i;
      throw e;
    }
  }
  if (p.fwd === p.steps.length) {
    try { checkState("after the forward steps"); } catch (e) { if (e instanceof Mismatch) e.step = p.steps.length - 1; throw e; }
  }
  if (p.grads) {
    for (const [n, rec] of Object.entries(p.grads)) {
      const t = env.get(n) as Tensor;
      const g = t.grad;
      if (rec === null) {
        if (g !== null && g !== undefined) throw new Mismatch("grad", `${n}.grad is ${showValue(g)}, expected null`, p.steps.length - 1);
        continue;
      }
      if (g === null || g === undefined) throw new Mismatch("grad", `${n}.grad is null, expected ${showValue(rec)}`, p.steps.length - 1);
      try { compareRecord(g, rec, `${n}.grad`); } catch (e) {
        if (e instanceof Mismatch) { e.kind = `grad-${e.kind}`; e.step = p.steps.length - 1; }
        throw e;
      }
    }
  }
}

describe("golden: differential fuzzing against PyTorch 1.13", function () {
  this.timeout(10000);
  after(() => {
    if (process.env.FUZZ_FAILURES) fs.writeFileSync(process.env.FUZZ_FAILURES, JSON.stringify(failures, null, 1));
  });

  it("fixture sanity", () => {
    assert.ok(fixture.programs.length >= 2000, `only ${fixture.programs.length} programs`);
  });

  for (const p of fixture.programs) {
    if (ONLY && !ONLY.has(p.id)) continue;
    const summary = p.summary.length > 110 ? `${p.summary.slice(0, 107)}...` : p.summary;
    const known = process.env.FUZZ_ALL === "1" ? undefined : KNOWN[String(p.id)];
    if (known) {
      // a mismatch not fixed yet: it must still fail, the same way, until it is fixed
      it(`#${p.id}: ${summary} [known failure: ${known}]`, () => {
        let failed = false;
        try { replay(p); } catch { failed = true; }
        assert.ok(failed, `program #${p.id} now agrees with PyTorch: remove it from test/golden/fuzz-known-failures.json`);
      });
      continue;
    }
    it(`#${p.id}: ${summary}`, () => {
      try {
        replay(p);
      } catch (e) {
        const m = e instanceof Mismatch ? e : new Mismatch("crash", `${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack ?? ""}`);
        failures.push({ id: p.id, step: m.step, kind: m.kind, message: m.message, fn: m.step !== null ? p.steps[m.step]?.fn ?? null : null });
        const pyErr = p.error ? `\n  (PyTorch raises at step ${p.error.step}: ${p.error.type}: ${p.error.message})` : "";
        throw new assert.AssertionError({
          message: `program #${p.id}, step ${m.step ?? "?"} [${m.kind}]: ${m.message}\n  program (replay only this one with FUZZ_ONLY=${p.id}):\n${tsProgram(p, m.step)}${pyErr}`,
        });
      }
    });
  }
});

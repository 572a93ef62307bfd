// The exported PyTorch notebook's JS-compatible formatting (kernel/export/pytorch/runtime/jsformat.py)
// against node's own: String(x), toFixed, toExponential, toLocaleString("en"), console.table and
// console.log, on the same hundreds of values in both languages, compared character for character.
// Needs plain python3, not torch.
import * as assert from "assert";
import { spawnSync } from "child_process";
import { Console } from "console";
import * as path from "path";
import { Writable } from "stream";

const ROOT = path.resolve(__dirname, "../../..");
const RUNTIME = path.join(ROOT, "kernel/export/pytorch/runtime");
const PYTHON = "/usr/bin/python3";

// Numbers travel as their IEEE bit patterns, so -0, NaN and ±Infinity arrive as they are.
const bits = (x: number) => Buffer.from(new Float64Array([x]).buffer).reverse().toString("hex");
const encode = (v: unknown): unknown =>
  typeof v === "number" ? { __double__: bits(v) }
  : Array.isArray(v) ? v.map(encode)
  : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]))
  : v;

/** Runs `body` in python3 with jsformat imported as `jf` and `data` decoded; returns its JSON answer. */
function python(body: string, data: unknown): any {
  const prelude = [
    "import json, struct, sys",
    `sys.path.insert(0, ${JSON.stringify(RUNTIME)})`,
    "import jsformat as jf",
    "def hook(o):",
    "    return struct.unpack('>d', bytes.fromhex(o['__double__']))[0] if set(o) == {'__double__'} else o",
    "data = json.loads(sys.stdin.read(), object_hook=hook)",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", `${prelude}\n${body}`], { input: JSON.stringify(encode(data)), encoding: "utf8", maxBuffer: 1 << 28 });
  assert.strictEqual(r.status, 0, `python3 failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Evaluates each Python expression (jsformat as `jf`): "Name: message" of what it raised, or what it returned. */
function pythonErrors(expressions: string[]): string[] {
  return python([
    "def attempt(e):",
    "    try:",
    "        return 'no error: ' + repr(eval(e))",
    "    except Exception as x:",
    "        return type(x).__name__ + ': ' + str(x)",
    "print(json.dumps([attempt(e) for e in data]))",
  ].join("\n"), expressions);
}

/** xorshift64*, so the "random" doubles are the same on every run. */
function* randomBits(seed: bigint): Generator<bigint> {
  let s = seed;
  const M = (1n << 64n) - 1n;
  for (;;) {
    s ^= s >> 12n; s ^= (s << 25n) & M; s ^= s >> 27n;
    yield (s * 2685821657736338717n) & M;
  }
}

function testValues(): number[] {
  const values = [0, -0, NaN, Infinity, -Infinity, 1, -1, 3, 3.0, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 12.5, 0.125, 2.5e-7,
    2.5, 0.5, 1.5, -2.5, -0.125, 1.005, 1.45, 8.345, 1.25, 0.0001, -0.0001, 1e-6, 1e-7, 9.99e-7, 1e21, 9.99e20, 1e20,
    123456789012345680000, 5.960464477539063e-8, 1e300, -1e-300, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 60, 999.9995, 0.9995, 9.5, 99.5, 0.05, 0.045, 1234.5678, -1234.5678,
    1000, 3000, 1e6, 60000, 0.000123, 4.35, 0.615, 1.0000000000000002, 0.30000000000000004];
  const gen = randomBits(0x9e3779b97f4a7c15n);
  const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
  for (let i = 0; i < 200; i++) { u64[0] = gen.next().value; values.push(f64[0]); }         // any double
  for (let i = 0; i < 200; i++) {                                                             // everyday magnitudes
    const r = Number(gen.next().value >> 11n) / 2 ** 53;
    values.push((r - 0.5) * 10 ** (Number(gen.next().value % 13n) - 6));
  }
  for (let k = -40; k <= 40; k++) values.push(k / 8, k / 16 + 1000, k / 1000);               // ties in binary and not
  return values;
}

describe("jsformat.py formats numbers as JavaScript does", function () {
  this.timeout(60000);
  const values = testValues();
  const FIXED = [0, 1, 2, 3, 4, 6, 10, 20, 100];
  const EXP = [null, 0, 1, 2, 3, 6, 15, 20, 100];

  function compare(name: string, ours: string[][], theirs: string[][]) {
    const bad: string[] = [];
    values.forEach((v, i) => ours[i].forEach((o, j) => {
      if (o !== theirs[i][j]) bad.push(`${name} #${j} of ${String(v)} (${bits(v)}): node ${JSON.stringify(o)}, python ${JSON.stringify(theirs[i][j])}`);
    }));
    assert.deepStrictEqual(bad.slice(0, 20), [], `${bad.length} differ`);
  }

  it(`String(x) for ${values.length} numbers, and for ints, bools, null, strings and arrays`, () => {
    compare("String", values.map((v) => [String(v)]), python("print(json.dumps([[jf.js_str(v)] for v in data]))", values));
    const misc = python("print(json.dumps([jf.js_str(v) for v in [3, -7, 2**60, 10**400, True, False, None, 'μ s', [1, None, 2.5, -0.0, [3, 4]], []]]))", null);
    assert.deepStrictEqual(misc, ["3", "-7", String(2 ** 60), "Infinity", "true", "false", "null", "μ s", String([1, null, 2.5, -0, [3, 4]]), ""]);
  });

  it("toFixed(d) for every number and d in 0..100", () => {
    compare("toFixed", values.map((v) => FIXED.map((d) => v.toFixed(d))), python(`print(json.dumps([[jf.to_fixed(v, d) for d in ${JSON.stringify(FIXED)}] for v in data]))`, values));
  });

  it("toExponential(d) for every number, with and without d", () => {
    compare("toExponential", values.map((v) => EXP.map((d) => (d === null ? v.toExponential() : v.toExponential(d)))),
      python(`print(json.dumps([[jf.to_exponential(v, d) for d in ${JSON.stringify(EXP).replace("null", "None")}] for v in data]))`, values));
  });

  it('toLocaleString("en") for every number', () => {
    compare("toLocaleString", values.map((v) => [v.toLocaleString("en")]), python("print(json.dumps([[jf.to_locale_string(v)] for v in data]))", values));
  });

  it("refuses digits JavaScript refuses, and non-numbers, with a clear error", () => {
    const errors = pythonErrors(["jf.to_fixed(1.5, 101)", "jf.to_fixed(1.5, -1)", "jf.to_exponential(1.5, 101)", "jf.to_fixed(1.5, 2.0)", "jf.to_fixed('1.5', 2)", "jf.to_locale_string(None)"]);
    assert.deepStrictEqual(errors, [
      "ValueError: RangeError: toFixed() digits argument must be between 0 and 100",
      "ValueError: RangeError: toFixed() digits argument must be between 0 and 100",
      "ValueError: RangeError: toExponential() digits argument must be between 0 and 100",
      "TypeError: toFixed() digits must be an integer, got 2.0",
      "TypeError: expected a number, got str: '1.5'",
      "TypeError: expected a number, got NoneType: None",
    ]);
  });
});

/** What node's console.table / console.log print for these arguments. */
function nodePrints(method: "table" | "log", args: unknown[]): string {
  let text = "";
  const sink = new Writable({ write(chunk, _enc, done) { text += chunk.toString(); done(); } });
  new Console({ stdout: sink, colorMode: false })[method](...args);
  return text;
}

describe("jsformat.py draws console.table and console.log as Node 20 does", function () {
  this.timeout(60000);
  const tables: unknown[] = [
    [{ a: 1, b: 2 }, { a: 3, b: 4 }],
    [{ name: "relu", "mean |grad|": 0.125, dead: 0 }, { name: "sigmoid", "mean |grad|": 2.5e-7, dead: 3 }],
    [{ a: 1 }, { b: "x" }, { a: -0, c: true }, {}, { c: null, a: "" }],                      // missing keys, -0, empty strings
    [{ μ: -1, "Φ(−μ)": 0.15865525393145707, "σ(μ)": "0.269" }, { μ: 1e21, "Φ(−μ)": 1e-7, "σ(μ)": "μ is large" }],
    [{ word: "漢字", emoji: "📈", mark: "e\u0301", zwj: "a\u200db", tab: "a\tb\n" }, { word: "ｗｉｄｅ", emoji: "x", mark: "ü" }],
    [{ quote: "it's", both: "say \"it's\"", all: "' \" `", slash: "a\\b", c1: "\u0085" }],
    [{ list: [1, 2, 3, 4, 5], four: [1, 2, 3, 4], short: [1], empty: [], nested: [[1, 2], { a: 1 }] }, { obj: { p: 1, q: "r" }, big: { a: 1, b: 2, c: 3 }, none: {} }],
    [{ "1": "one", z: "zed", "0": "zero", "10": "ten", "01": "not an index" }],                  // Object.keys order
    [[1, 2, 3], [4, 5], [6, 7, 8, 9]],                                                             // list of lists
    [1, "a", null, true, { x: 2 }, [3]],                                                           // primitives: Values column
    { first: { a: 1 }, "2": { a: 2 }, "0": { b: 3 } },                                             // an object of rows
    [{ "a key": 1, "key-2": 2, valid_id: { "odd key": 1, ok: 2 } }],
    [{ n: NaN, i: Infinity, m: -Infinity, big: 123456789012345680000, tiny: 5e-324, int: 3000 }],
    [],
    [{ long: "x".repeat(120) + "'" + "\n" }],
  ];

  it(`console.table of ${tables.length} tables`, () => {
    const py = python("print(json.dumps([jf.console_table_text(t) + '\\n' for t in data]))", tables);
    tables.forEach((t, i) => assert.strictEqual(py[i], nodePrints("table", [t]), `table ${i}: ${JSON.stringify(t)}`));
  });

  it("console.table of 150 random tables: keys and values drawn from numbers, unicode, quotes, nesting", () => {
    const gen = randomBits(0x2545f4914f6cdd1dn);
    const pick = <T>(xs: T[]): T => xs[Number(gen.next().value % BigInt(xs.length))];
    const numbers = testValues();
    const strings = ["", "μ", "Φ(−μ)", "漢字", "a'b", 'q"', "x\ty", "📈 up", "e\u0301", "ｗｉｄｅ", "relu", "-0", "a".repeat(30)];
    const keys = ["a", "b", "μ", "Φ(−μ)", "0", "1", "10", "loss", "mean |grad|", "漢", "x y"];
    const primitive = (): unknown => pick([() => pick(numbers), () => pick(strings), () => pick([true, false, null]), () => Number(gen.next().value % 1000n)])();
    const value = (depth: number): unknown => {
      const r = Number(gen.next().value % 10n);
      if (depth > 1 || r < 6) return primitive();
      if (r < 8) return Array.from({ length: Number(gen.next().value % 6n) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Number(gen.next().value % 5n) }, () => [pick(keys), value(depth + 1)]));
    };
    const row = (): unknown => {
      const r = Number(gen.next().value % 10n);
      if (r === 0) return primitive();
      if (r === 1) return Array.from({ length: Number(gen.next().value % 4n) }, () => value(1));
      return Object.fromEntries(Array.from({ length: 1 + Number(gen.next().value % 5n) }, () => [pick(keys), value(1)]));
    };
    const tables = Array.from({ length: 150 }, () => Array.from({ length: Number(gen.next().value % 6n) }, row));
    const py = python("print(json.dumps([jf.console_table_text(t) + '\\n' for t in data]))", tables);
    const bad = tables.map((t, i) => [t, py[i], nodePrints("table", [t])]).filter(([, p, n]) => p !== n);
    assert.deepStrictEqual(bad.slice(0, 1), [], `${bad.length} of ${tables.length} tables differ`);
  });

  it("console_table prints the table and refuses values Node would show as class instances", () => {
    const out = spawnSync(PYTHON, ["-c", `import sys; sys.path.insert(0, ${JSON.stringify(RUNTIME)}); import jsformat as jf; jf.console_table([{"a": 1}])`], { encoding: "utf8" });
    assert.strictEqual(out.stdout, nodePrints("table", [[{ a: 1 }]]));
    const bad = spawnSync(PYTHON, ["-c", `import sys; sys.path.insert(0, ${JSON.stringify(RUNTIME)}); import jsformat as jf; jf.console_table([{"a": object()}])`], { encoding: "utf8" });
    assert.notStrictEqual(bad.status, 0);
    assert.match(bad.stderr, /TypeError: console_table cannot show a object as Node would/);
  });

  it("console.log of strings, numbers, booleans and null", () => {
    const cases: unknown[][] = [["a", 1, -0, true, null, 1e21, "x"], ["loss", 0.30000000000000004], [5e-324, NaN, -Infinity], ["μ = %", 2], [""], []];
    const py = python("print(json.dumps([jf.js_log_text(*args) + '\\n' for args in data]))", cases);
    cases.forEach((c, i) => assert.strictEqual(py[i], nodePrints("log", c), `console.log(${JSON.stringify(c)})`));
  });

  it("js_log refuses what it cannot lay out as console.log does", () => {
    const errors = pythonErrors(["jf.js_log_text([1, 2])", "jf.js_log_text('a', {'k': 1})", "jf.js_log_text('%d items', 3)"]).map((e) => e.split(";")[0]);
    assert.deepStrictEqual(errors, [
      "TypeError: js_log cannot lay out a list or dict as console.log does (util.inspect breaks long arrays into columns)",
      "TypeError: js_log cannot lay out a list or dict as console.log does (util.inspect breaks long arrays into columns)",
      "TypeError: js_log: a first argument with % is a format string to console.log",
    ]);
  });
});

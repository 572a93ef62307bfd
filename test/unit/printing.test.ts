// Tensor printing against PyTorch 1.13's str(t) (fixtures from test/golden/gen_printing.py).
import * as assert from "assert";
import { loadFixture } from "../golden/fixtures";
import {
  formatExp,
  formatFixed,
  formatTensor,
  get_printoptions,
  PrintableTensor,
  PrintDtype,
  PrintOptions,
  set_printoptions,
} from "../../kernel/engine/printing";

interface PrintingCase {
  name: string;
  shape: number[];
  dtype: PrintDtype;
  data: number[];
  requires_grad: boolean;
  grad_fn: string | null;
  is_parameter: boolean;
  options: Partial<PrintOptions> & { profile?: "default" | "short" | "full" };
  expected: string;
}

const DEFAULTS: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null };

function toPrintable(c: PrintingCase): PrintableTensor {
  const data = c.dtype === "float32" ? Float32Array.from(c.data) : c.data;
  return {
    shape: c.shape,
    dtype: c.dtype,
    data,
    requires_grad: c.requires_grad,
    grad_fn: c.grad_fn ?? undefined,
    is_parameter: c.is_parameter,
  };
}

describe("printing: PyTorch golden str(t)", () => {
  const cases: PrintingCase[] = loadFixture("printing");
  afterEach(() => set_printoptions({ profile: "default" }));

  it("fixture loaded", () => assert.ok(cases.length > 200, `${cases.length} cases`));

  for (const c of cases) {
    it(c.name, () => {
      const t = toPrintable(c);
      // Through the global options, as torch.set_printoptions(**options); str(t).
      set_printoptions({ profile: "default" });
      set_printoptions(c.options);
      assert.strictEqual(formatTensor(t), c.expected);
      // The float32 values as plain numbers (widened doubles) print the same.
      if (c.dtype === "float32") assert.strictEqual(formatTensor({ ...t, data: c.data }), c.expected);
      set_printoptions({ profile: "default" });
      // Through per-call overrides (a profile has no per-call form).
      if (c.options.profile === undefined) assert.strictEqual(formatTensor(t, c.options), c.expected);
    });
  }
});

describe("printing: set_printoptions", () => {
  afterEach(() => set_printoptions({ profile: "default" }));
  const t: PrintableTensor = { shape: [2], dtype: "float32", data: [1.12345, 2] };
  const arange10: PrintableTensor = { shape: [10], dtype: "int64", data: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };

  it("starts at PyTorch's defaults", () => {
    assert.deepStrictEqual(get_printoptions(), DEFAULTS);
  });

  it("the docstring example, and profile='default' restores", () => {
    set_printoptions({ precision: 2 });
    assert.strictEqual(formatTensor({ shape: [1], dtype: "float32", data: [1.12345] }), "tensor([1.12])");
    set_printoptions({ threshold: 5 });
    assert.strictEqual(formatTensor(arange10), "tensor([0, 1, 2,  ..., 7, 8, 9])");
    set_printoptions({ profile: "default" });
    assert.deepStrictEqual(get_printoptions(), DEFAULTS);
    assert.strictEqual(formatTensor({ shape: [1], dtype: "float32", data: [1.12345] }), "tensor([1.1235])");
    assert.strictEqual(formatTensor(arange10), "tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])");
  });

  it("profiles set precision, threshold, edgeitems and linewidth", () => {
    set_printoptions({ profile: "short" });
    assert.deepStrictEqual(get_printoptions(), { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80, sci_mode: null });
    set_printoptions({ profile: "full", linewidth: 120 });
    assert.deepStrictEqual(get_printoptions(), { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 120, sci_mode: null });
  });

  it("sci_mode resets to null whenever it is not given, as in PyTorch", () => {
    set_printoptions({ sci_mode: true });
    assert.strictEqual(get_printoptions().sci_mode, true);
    assert.strictEqual(formatTensor(t), "tensor([1.1235e+00, 2.0000e+00])");
    set_printoptions({ precision: 3 });
    assert.strictEqual(get_printoptions().sci_mode, null);
    assert.strictEqual(formatTensor(t), "tensor([1.123, 2.000])");
  });

  it("per-call options do not change the globals", () => {
    assert.strictEqual(formatTensor(t, { precision: 1 }), "tensor([1.1, 2.0])");
    assert.deepStrictEqual(get_printoptions(), DEFAULTS);
    assert.strictEqual(formatTensor(t), "tensor([1.1235, 2.0000])");
  });

  it("get_printoptions returns a copy", () => {
    const o = get_printoptions();
    o.precision = 9;
    assert.strictEqual(get_printoptions().precision, 4);
  });
});

describe("printing: Python float formatting", () => {
  it("rounds ties to even on the exact binary value", () => {
    assert.strictEqual(formatFixed(0.125, 2), "0.12");
    assert.strictEqual(formatFixed(0.375, 2), "0.38");
    assert.strictEqual(formatFixed(2.5, 0), "2");
    assert.strictEqual(formatFixed(3.5, 0), "4");
    assert.strictEqual(formatFixed(0.1 + 0.2, 16), "0.3000000000000000");
    assert.strictEqual(formatFixed(1.005, 2), "1.00"); // 1.005 is below the tie in binary
    assert.strictEqual(formatExp(2.5e-5, 0), "3e-05"); // 2.5e-5 is above the tie in binary
    assert.strictEqual(formatExp(2.5, 0), "2e+00");
    assert.strictEqual(formatExp(1.03125, 4), "1.0312e+00");
    assert.strictEqual(formatExp(1.03135, 4), "1.0313e+00");
  });

  it("big, tiny, signed zero, carries and non-finite", () => {
    assert.strictEqual(formatFixed(1e16, 0), "10000000000000000");
    assert.strictEqual(formatFixed(1e22, 1), "10000000000000000000000.0");
    assert.strictEqual(formatExp(1e16, 4), "1.0000e+16");
    assert.strictEqual(formatExp(1e-300, 2), "1.00e-300");
    assert.strictEqual(formatExp(5e-324, 4), "4.9407e-324");
    assert.strictEqual(formatExp(9.99996, 4), "1.0000e+01");
    assert.strictEqual(formatExp(0, 4), "0.0000e+00");
    assert.strictEqual(formatExp(-0, 4), "-0.0000e+00");
    assert.strictEqual(formatFixed(-0, 4), "-0.0000");
    assert.strictEqual(formatFixed(-0.00001, 4), "-0.0000");
    assert.strictEqual(formatFixed(NaN, 4), "nan");
    assert.strictEqual(formatExp(-Infinity, 4), "-inf");
  });
});

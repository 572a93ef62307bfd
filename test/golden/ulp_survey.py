#!/usr/bin/python3
"""Survey of the float32 accuracy of every transcendental activation (not a fixture generator).

Measures, over a dense sample of float32 inputs, the error in units in the last place (ulps)
against a float64 reference of

  * the engine's SIMD kernels (kernel/engine/wasm/assembly) and its JS expressions (the
    fallback), through test/golden/ulp_survey_engine.cjs (run `npm run build` first);
  * PyTorch 1.13's own float32 results: its vectorized path (large contiguous tensors, AVX2 /
    Sleef here) and its scalar path (std:: functions, taken by short inner loops: a tensor of
    fewer than 16 elements, like the guide's tensor([0., 1., 2., 5., 10.])).

Forward values are compared with the float64 function; gradients (upstream gradient 1, as
f(x).sum().backward() gives) with the float64 derivative, and both bit for bit with PyTorch.
"printed" counts the inputs whose value prints differently from PyTorch's at PyTorch's default
precision (4 digits after the point in scientific notation, '%.4e').

    /usr/bin/python3 test/golden/ulp_survey.py [--n MILLIONS] [--only tanh,sigmoid] [--markdown]

Sample: every float32 bit pattern with |x| <= 20 at a fixed odd stride (log-uniform in
magnitude, both signs, from the subnormals up), uniform draws on [-20, 20] and on the tails
[-100, -20] and [20, 100], and the points the guide notebooks print. Results go to stdout
(a table; --markdown for the README's form); the numbers in kernel/engine/wasm/README.md and
the bounds in test/unit/wasm-math.test.ts come from this script.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

from golden_common import setup_torch, torch  # noqa: F401  (re-executes under /usr/bin/python3)

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
GELU_K = np.sqrt(2 / np.pi)
GELU_C = 0.044715


def sig(x):
    """float64 logistic without overflow."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softplus64(x, beta=1.0, threshold=20.0):
    y = x * beta
    sp = (np.maximum(y, 0) + np.log1p(np.exp(-np.abs(y)))) / beta
    return np.where(y > threshold, x, sp)


def erfc64(x):
    return torch.special.erfc(torch.from_numpy(x)).numpy()


def erf64(x):
    return torch.erf(torch.from_numpy(x)).numpy()


def phi64(x):
    return 0.5 * erfc64(-x / np.sqrt(2))


def gelu_tanh_s(x):
    u = GELU_K * (x + GELU_C * x ** 3)
    return sig(2 * u), GELU_K * (1 + 3 * GELU_C * x * x)


def cosh2inv(x):
    with np.errstate(over="ignore"):
        c = np.cosh(x)
    return 1 / (c * c)


# name: (float64 f, float64 f', torch float32 f, domain note)
FUNCTIONS = {
    "tanh": (np.tanh, cosh2inv, torch.tanh),
    "sigmoid": (sig, lambda x: sig(x) * sig(-x), torch.sigmoid),
    "silu": (lambda x: x * sig(x), lambda x: sig(x) * (1 + x * sig(-x)), torch.nn.functional.silu),
    "gelu": (lambda x: x * phi64(x), lambda x: phi64(x) + x * np.exp(-x * x / 2) / np.sqrt(2 * np.pi),
             torch.nn.functional.gelu),
    "gelu_tanh": (lambda x: x * gelu_tanh_s(x)[0],
                  lambda x: (lambda s, du: s + 2 * x * s * (1 - s) * du)(*gelu_tanh_s(x)),
                  lambda t: torch.nn.functional.gelu(t, approximate="tanh")),
    "softplus": (softplus64, lambda x: np.where(x > 20, 1.0, sig(x)), torch.nn.functional.softplus),
    "softplus_b2": (lambda x: softplus64(x, 2.0, 20.0), lambda x: np.where(2 * x > 20, 1.0, sig(2 * x)),
                    lambda t: torch.nn.functional.softplus(t, beta=2, threshold=20)),
    "mish": (lambda x: x * np.tanh(softplus64(x, 1.0, np.inf)),
             lambda x: np.tanh(softplus64(x, 1.0, np.inf)) + x * sig(x) * cosh2inv(softplus64(x, 1.0, np.inf)),
             torch.nn.functional.mish),
    "elu": (lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0))), lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0))),
            torch.nn.functional.elu),
    "selu": (lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * np.expm1(np.minimum(x, 0))),
             lambda x: SELU_SCALE * np.where(x > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(x, 0))),
             torch.nn.functional.selu),
    "celu_a2": (lambda x: np.where(x > 0, x, 2 * np.expm1(np.minimum(x, 0) / 2)),
                lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0) / 2)),
                lambda t: torch.nn.functional.celu(t, alpha=2)),
    "logsigmoid": (lambda x: np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))), lambda x: sig(-x),
                   torch.nn.functional.logsigmoid),
    "softsign": (lambda x: x / (1 + np.abs(x)), lambda x: 1 / (1 + np.abs(x)) ** 2, torch.nn.functional.softsign),
    "exp": (np.exp, np.exp, torch.exp),
    "log": (lambda x: np.log(np.abs(x)), lambda x: 1 / x, lambda t: torch.log(t.abs())),
    "erf": (erf64, lambda x: 2 / np.sqrt(np.pi) * np.exp(-x * x), torch.erf),
}

GUIDE_POINTS = [0.0, 1.0, 2.0, 5.0, 10.0, -5.0, -3.75, -2.5, -1.25, 1.25, 2.5, 3.75]


def sample(millions):
    rng = np.random.default_rng(20240601)
    top = int(np.float32(20).view(np.uint32))
    stride = max(1, int(top // (millions * 0.35e6))) | 1
    pos = np.arange(1, top + 1, stride, dtype=np.uint32).view(np.float32)
    n_uni = int(millions * 0.2e6)
    parts = [pos, -pos,
             rng.uniform(-20, 20, n_uni).astype(np.float32),
             rng.uniform(-100, -20, n_uni // 4).astype(np.float32),
             rng.uniform(20, 100, n_uni // 4).astype(np.float32),
             np.array(GUIDE_POINTS + [-0.0, np.float32(np.pi)], dtype=np.float32),
             np.linspace(-5, 5, 401, dtype=np.float32)]
    return np.concatenate(parts).astype(np.float32)


def ulps(out, ref):
    """|out - ref| in float32 ulps at ref's magnitude (both inf/nan alike: 0)."""
    out = out.astype(np.float64)
    a = np.abs(ref.astype(np.float32).astype(np.float64))
    with np.errstate(all="ignore"):
        _, e = np.frexp(a)
        u = np.where(a < 2.0 ** -126, 2.0 ** -149, np.ldexp(1.0, e - 24))
        err = np.abs(out - ref) / u
    same = (out == ref) | (np.isnan(out) & np.isnan(ref))
    return np.where(same, 0.0, np.where(np.isnan(err), np.inf, err))


def torch_eval(fn, xs, scalar):
    """PyTorch float32 forward and x.grad of fn(x).sum().backward()."""
    if scalar:
        # inner loops of 7 elements: PyTorch's cpu_kernel_vec runs them on its scalar path
        n = len(xs) // 7 * 7
        base = torch.zeros(n // 7, 8)
        base[:, :7] = torch.from_numpy(xs[:n].reshape(-1, 7))
        x = base[:, :7]
        with torch.no_grad():
            y = fn(x).contiguous().reshape(-1).numpy()
        return y, None, n
    outs, grads = [], []
    for s in range(0, len(xs), 1 << 20):
        x = torch.from_numpy(xs[s:s + (1 << 20)].copy()).requires_grad_()
        y = fn(x)
        y.sum().backward()
        outs.append(y.detach().numpy())
        grads.append(x.grad.numpy())
    return np.concatenate(outs), np.concatenate(grads), len(xs)


def printed_differs(a, b):
    fa = np.char.mod("%.4e", a.astype(np.float64))
    fb = np.char.mod("%.4e", b.astype(np.float64))
    return fa != fb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=float, default=6, help="sample size in millions (about)")
    ap.add_argument("--only", default="")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--engine-out", default="", help="reuse the engine outputs in this folder")
    args = ap.parse_args()
    setup_torch()
    names = [n for n in FUNCTIONS if not args.only or n in args.only.split(",")]
    xs = sample(args.n)
    tmp = args.engine_out or tempfile.mkdtemp(prefix="ulp_survey_")
    xs.tofile(os.path.join(tmp, "x.f32"))
    if not args.engine_out or not os.path.exists(os.path.join(tmp, f"{names[0]}.js.fwd.f32")):
        subprocess.run(["node", os.path.join(ROOT, "test/golden/ulp_survey_engine.cjs"), os.path.join(tmp, "x.f32"), tmp],
                       check=True, env={**os.environ, "FUNCS": ",".join(names)})
    print(f"{len(xs)} inputs; engine outputs in {tmp}", file=sys.stderr)
    x64 = xs.astype(np.float64)
    rows = []
    for name in names:
        f64, d64, tf = FUNCTIONS[name]
        with np.errstate(all="ignore"):
            ref, dref = f64(x64), d64(x64)
        res = {}
        for tag in ("simd", "js"):
            y = np.fromfile(os.path.join(tmp, f"{name}.{tag}.fwd.f32"), dtype=np.float32)
            g = np.fromfile(os.path.join(tmp, f"{name}.{tag}.bwd.f32"), dtype=np.float32)
            res[tag] = (y, g)
        ty, tg, _ = torch_eval(tf, xs, scalar=False)
        sy, _, ns = torch_eval(tf, xs, scalar=True)
        res["torch"] = (ty, tg)
        row = {"name": name, "n": len(xs)}
        for tag, (y, g) in res.items():
            e = ulps(y, ref)
            i = int(np.argmax(e))
            row[f"{tag}_fwd"] = (float(e[i]), float(xs[i]))
            fin = np.isfinite(dref) & (np.abs(dref) > 1e-30)
            eg = np.where(fin, ulps(g, dref), 0.0)
            j = int(np.argmax(eg))
            row[f"{tag}_bwd"] = (float(eg[j]), float(xs[j]))
            if tag != "torch":
                row[f"{tag}_fwd_vs_torch"] = (int((y.view(np.uint32) != ty.view(np.uint32)).sum()),
                                             float(ulps(y, ty.astype(np.float64)).max()), int(printed_differs(y, ty).sum()))
                row[f"{tag}_bwd_vs_torch"] = (int((g.view(np.uint32) != tg.view(np.uint32)).sum()),
                                             float(ulps(g, tg.astype(np.float64)).max()), int(printed_differs(g, tg).sum()))
                row[f"{tag}_fwd_vs_torch_scalar"] = (int((y[:ns].view(np.uint32) != sy.view(np.uint32)).sum()),
                                                    int(printed_differs(y[:ns], sy).sum()))
        es = ulps(sy, ref[:ns])
        k = int(np.argmax(es))
        row["torch_scalar_fwd"] = (float(es[k]), float(xs[k]))
        rows.append(row)
        print(name, {k: v for k, v in row.items() if k != "name"}, file=sys.stderr, flush=True)

    def u(v):
        return "inf" if v == np.inf else f"{v:.2f}"
    if args.markdown:
        print("| function | engine SIMD | engine JS | PyTorch vectorized | PyTorch scalar | SIMD ≠ PyTorch: bits / printed | JS ≠ PyTorch: bits / printed |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['name']} | {u(r['simd_fwd'][0])} | {u(r['js_fwd'][0])} | {u(r['torch_fwd'][0])} | {u(r['torch_scalar_fwd'][0])} "
                  f"| {r['simd_fwd_vs_torch'][0] / r['n']:.1%} / {r['simd_fwd_vs_torch'][2]} | {r['js_fwd_vs_torch'][0] / r['n']:.1%} / {r['js_fwd_vs_torch'][2]} |")
        print()
        print("| gradient of | engine SIMD | engine JS | PyTorch | SIMD ≠ PyTorch: bits / printed | JS ≠ PyTorch: bits / printed |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['name']} | {u(r['simd_bwd'][0])} | {u(r['js_bwd'][0])} | {u(r['torch_bwd'][0])} "
                  f"| {r['simd_bwd_vs_torch'][0] / r['n']:.1%} / {r['simd_bwd_vs_torch'][2]} | {r['js_bwd_vs_torch'][0] / r['n']:.1%} / {r['js_bwd_vs_torch'][2]} |")
    else:
        for r in rows:
            print(r)


if __name__ == "__main__":
    main()

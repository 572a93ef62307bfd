#!/usr/bin/python3
"""Fits the polynomial coefficients used by assembly/math.ts (run: /usr/bin/python3 fit_coefficients.py).

Each approximation is a near-minimax fit of relative error, found by Lawson's iteratively
reweighted least squares on a dense Chebyshev grid, with mpmath (40 digits) as the reference.
The printed float32 values are pasted into math.ts; the kernels' accuracy is then measured in
float32 arithmetic by test/unit/wasm-math.test.ts, which is what counts.

  exp:   e^r = 1 + r + r^2 P(r),             r in [-ln2/2, ln2/2]   (also expm1 = r + r^2 P(r))
  log:   log m = 2s + s^3 R(s^2),            s = (m-1)/(m+1), m in [sqrt(1/2), sqrt(2))
  Phi:   Phi(x) - 1/2 = x Q(x^2),            |x| <= 0.75            (standard normal CDF)
  erfc:  erfc(x/sqrt2)/2 = t e^(-x^2/2) F(t), t = 1/(1 + x/2), x in [0.75, 14]
  tanh:  tanh x = x + x^3 T(x^2),            |x| <= 0.625
"""
import numpy as np
import mpmath as mp

mp.mp.dps = 40


def lawson(basis_degree, target, xs, iters=80):
    """Coefficients c minimising max |sum c_i x^i / target - 1| over xs."""
    A = np.vander(xs, basis_degree + 1, increasing=True) / target[:, None]
    y = np.ones(len(xs))
    w = np.ones(len(xs)) / len(xs)
    for _ in range(iters):
        sw = np.sqrt(w)
        c, *_ = np.linalg.lstsq(A * sw[:, None], y * sw, rcond=None)
        e = np.abs(A @ c - y)
        w = w * e
        w /= w.sum()
    return c, np.max(np.abs(A @ c - y))


def cheb(a, b, n=6000):
    k = np.arange(n)
    return (a + b) / 2 + (b - a) / 2 * np.cos(np.pi * (k + 0.5) / n)


def show(name, c, err):
    values = ", ".join(repr(float(np.float32(v))) for v in c)
    print(f"{name} (max rel error {err:.2e}): {values}")


L = float(mp.log(2)) / 2 * 1.01
r = cheb(-L, L)
r = r[np.abs(r) > 1e-5]
show("exp P", *lawson(5, np.array([float((mp.exp(mp.mpf(x)) - 1 - x) / x**2) for x in r]), r))

z = cheb(1e-10, 0.1716**2 * 1.02)
show("log R", *lawson(3, np.array([float((2 * mp.atanh(mp.sqrt(v)) - 2 * mp.sqrt(v)) / mp.sqrt(v)**3) for v in z]), z))

w = cheb(1e-12, 0.75**2 * 1.01)
show("Phi Q", *lawson(4, np.array([float((mp.ncdf(mp.sqrt(v)) - mp.mpf(1) / 2) / mp.sqrt(v)) for v in w]), w))

xs = cheb(0.75 * 0.99, 14.0)
t = 1 / (1 + xs / 2)
show("erfc F", *lawson(9, np.array([float(mp.erfc(mp.mpf(v) / mp.sqrt(2)) / 2 * mp.exp(mp.mpf(v)**2 / 2)) for v in xs]) / t, t))

w = cheb(1e-12, 0.625**2 * 1.01)
show("tanh T", *lawson(5, np.array([float((mp.tanh(mp.sqrt(v)) - mp.sqrt(v)) / mp.sqrt(v)**3) for v in w]), w))

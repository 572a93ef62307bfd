// Elementwise activations, forward and backward, over contiguous float32 runs.
//
// Each activation is a class whose fwd/bwd compute four lanes; the exported loops
// (fwd_<name>, bwd_<name>) are stamped out from runFwd/runBwd, with everything inlined.
// The math mirrors the activation's JS expression in kernel/engine/activations/<name>.ts (the
// single definition and the fallback): the same selects, so the same nan, inf and signed-zero
// results, and for the piecewise-linear ones the same roundings bit for bit.
//
// Exports: fwd_<name>(x, out, n, a, b, c, d) and bwd_<name>(x, y, g, out, n, gStride, a, b, c, d)
// with byte addresses into the engine's memory, n elements, the activation's parameters a..d
// (see `wasm.args` in the definition) and gStride 0 when the incoming gradient is one value
// broadcast (as sum().backward() produces) or 1 when it is a contiguous run.
import { splat, sel, isNan, loadTail, storeTail } from "./simd";
import { clamp, vexp, vexpm1, vlog1p, vtanh, oneMinusSquare, vsigmoid, normalArg, gaussian, normalCdf, INV_SQRT_2PI } from "./math";

@inline function runFwd<K>(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void {
  const k = changetype<K>(0);
  const av = splat(a), bv = splat(b), cv = splat(c), dv = splat(d);
  // Four vectors an iteration: four independent dependency chains for the out-of-order core, and
  // the constants the compiler keeps in registers or on the stack loaded once for all four.
  const end16 = x + ((<usize>n & ~15) << 2);
  for (; x < end16; x += 64, out += 64) {
    const y0 = k.fwd(v128.load(x), av, bv, cv, dv);
    const y1 = k.fwd(v128.load(x, 16), av, bv, cv, dv);
    const y2 = k.fwd(v128.load(x, 32), av, bv, cv, dv);
    const y3 = k.fwd(v128.load(x, 48), av, bv, cv, dv);
    v128.store(out, y0);
    v128.store(out, y1, 16);
    v128.store(out, y2, 32);
    v128.store(out, y3, 48);
  }
  const end = x + ((<usize>n & 12) << 2);
  for (; x < end; x += 16, out += 16) v128.store(out, k.fwd(v128.load(x), av, bv, cv, dv));
  const rem = <usize>n & 3;
  if (rem) storeTail(out, k.fwd(loadTail(x, rem), av, bv, cv, dv), rem);
}

@inline function runBwd<K>(x: usize, y: usize, g: usize, out: usize, n: i32, gStride: i32, a: f32, b: f32, c: f32, d: f32): void {
  const k = changetype<K>(0);
  const av = splat(a), bv = splat(b), cv = splat(c), dv = splat(d);
  const end16 = x + ((<usize>n & ~15) << 2);
  const end = x + ((<usize>n & ~3) << 2);
  const rem = <usize>n & 3;
  // y is read only by activations whose derivative comes from their output
  if (gStride == 0) {
    // one incoming gradient for every element (sum().backward())
    const gv = v128.load32_splat(g);
    for (; x < end16; x += 64, y += 64, out += 64) {
      const r0 = k.bwd(v128.load(x), k.usesY ? v128.load(y) : gv, gv, av, bv, cv, dv);
      const r1 = k.bwd(v128.load(x, 16), k.usesY ? v128.load(y, 16) : gv, gv, av, bv, cv, dv);
      const r2 = k.bwd(v128.load(x, 32), k.usesY ? v128.load(y, 32) : gv, gv, av, bv, cv, dv);
      const r3 = k.bwd(v128.load(x, 48), k.usesY ? v128.load(y, 48) : gv, gv, av, bv, cv, dv);
      v128.store(out, r0);
      v128.store(out, r1, 16);
      v128.store(out, r2, 32);
      v128.store(out, r3, 48);
    }
    for (; x < end; x += 16, y += 16, out += 16) {
      v128.store(out, k.bwd(v128.load(x), k.usesY ? v128.load(y) : gv, gv, av, bv, cv, dv));
    }
    if (rem) storeTail(out, k.bwd(loadTail(x, rem), k.usesY ? loadTail(y, rem) : gv, gv, av, bv, cv, dv), rem);
  } else {
    const zero = splat(0);
    for (; x < end16; x += 64, y += 64, g += 64, out += 64) {
      const r0 = k.bwd(v128.load(x), k.usesY ? v128.load(y) : zero, v128.load(g), av, bv, cv, dv);
      const r1 = k.bwd(v128.load(x, 16), k.usesY ? v128.load(y, 16) : zero, v128.load(g, 16), av, bv, cv, dv);
      const r2 = k.bwd(v128.load(x, 32), k.usesY ? v128.load(y, 32) : zero, v128.load(g, 32), av, bv, cv, dv);
      const r3 = k.bwd(v128.load(x, 48), k.usesY ? v128.load(y, 48) : zero, v128.load(g, 48), av, bv, cv, dv);
      v128.store(out, r0);
      v128.store(out, r1, 16);
      v128.store(out, r2, 32);
      v128.store(out, r3, 48);
    }
    for (; x < end; x += 16, y += 16, g += 16, out += 16) {
      v128.store(out, k.bwd(v128.load(x), k.usesY ? v128.load(y) : zero, v128.load(g), av, bv, cv, dv));
    }
    if (rem) storeTail(out, k.bwd(loadTail(x, rem), k.usesY ? loadTail(y, rem) : zero, loadTail(g, rem), av, bv, cv, dv), rem);
  }
}

// ---------------------------------------------------------------- piecewise linear: exact

/** relu: x < 0 ? 0 : x; backward y <= 0 ? 0 : g (y the output). */
@final class Relu {
  @inline get usesY(): bool { return true; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(splat(0), x, f32x4.lt(x, splat(0)));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(splat(0), g, f32x4.le(y, splat(0)));
  }
}

/** leaky_relu(slope a): x > 0 ? x : x * a; backward x > 0 ? g : g * a. */
@final class LeakyRelu {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(x, f32x4.mul(x, a), f32x4.gt(x, splat(0)));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(g, f32x4.mul(g, a), f32x4.gt(x, splat(0)));
  }
}

/** hardtanh(min a, max b), also relu6 = hardtanh(0, 6): min(max(x, a), b). */
@final class Hardtanh {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    // max(x, a) first, then min with b: a > b gives b everywhere, as PyTorch's clamp does
    const m = sel(a, x, f32x4.lt(x, a));
    return sel(b, m, f32x4.gt(m, b));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(g, splat(0), v128.and(f32x4.gt(x, a), f32x4.lt(x, b)));
  }
}

/** threshold(t a, value b): x <= a ? b : x; backward x <= a ? 0 : g. */
@final class Threshold {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(b, x, f32x4.le(x, a));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(splat(0), g, f32x4.le(x, a));
  }
}

/** min(max(x + 3, 0), 6) in float32; nan stays nan (pmin/pmax pass their first operand). */
@inline function relu6Shifted(x: v128): v128 {
  return f32x4.pmin(f32x4.pmax(f32x4.add(x, splat(3)), splat(0)), splat(6));
}

/** hardsigmoid: min(max(x + 3, 0), 6) / 6; backward (-3 < x < 3) ? g · (1.0f/6.0f) : 0, as PyTorch multiplies by that float constant. */
@final class Hardsigmoid {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(x, f32x4.div(relu6Shifted(x), splat(6)), isNan(x));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(f32x4.mul(g, splat(<f32>(1.0 / 6.0))), splat(0), v128.and(f32x4.gt(x, splat(-3)), f32x4.lt(x, splat(3))));
  }
}

/**
 * hardswish: x * min(max(x + 3, 0), 6) / 6; backward x < -3 ? 0 : (x <= 3 ? g * (x / 3 + 0.5) : g)
 * (nan stays nan). Division, not a multiplication by 1/6, to round as PyTorch does.
 */
@final class Hardswish {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(x, f32x4.div(f32x4.mul(x, relu6Shifted(x)), splat(6)), isNan(x));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const slope = f32x4.mul(g, f32x4.add(f32x4.div(x, splat(3)), splat(0.5)));
    const inner = sel(splat(0), sel(slope, g, f32x4.le(x, splat(3))), f32x4.lt(x, splat(-3)));
    return sel(x, inner, isNan(x));
  }
}

// ---------------------------------------------------------------- transcendental

/**
 * The ELU family, x <= 0 ? a * (e^(x c) - 1) : d * x; backward x <= 0 ? g * b * e^(x c) : g * d
 * (nan stays nan). elu: (alpha, alpha, 1, 1); celu: (alpha, 1, 1/alpha, 1); selu: (negcoef,
 * negcoef, 1, scale).
 */
@final class Elu {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return sel(f32x4.mul(a, vexpm1(f32x4.mul(x, c))), f32x4.mul(d, x), f32x4.le(x, splat(0)));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const neg = f32x4.mul(f32x4.mul(g, b), vexp(f32x4.mul(x, c)));
    return sel(x, sel(neg, f32x4.mul(g, d), f32x4.le(x, splat(0))), isNan(x));
  }
}

/**
 * sigmoid: 1 / (1 + e^-x) in float32 (within a few ulp of the JS path's double result, as
 * PyTorch's own float32 sigmoid is); backward g * (1 - y) * y.
 */
@final class Sigmoid {
  @inline get usesY(): bool { return true; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return vsigmoid(x);
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.mul(f32x4.mul(g, f32x4.sub(splat(1), y)), y);
  }
}

/**
 * tanh; backward g * (1 - y * y) with 1 - y^2 rounded once to float32 before the product, as
 * PyTorch's float32 tanh_backward computes it (its compiler fuses y * y into the subtraction).
 */
@final class Tanh {
  @inline get usesY(): bool { return true; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return vtanh(x);
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.mul(g, oneMinusSquare(y));
  }
}

/** silu: x / (1 + e^-x); backward g * s * (1 + x * (1 - s)) with s = sigmoid(x). */
@final class Silu {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.div(x, f32x4.add(splat(1), vexp(f32x4.neg(x))));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const e = vexp(f32x4.neg(x));
    const s = f32x4.div(splat(1), f32x4.add(splat(1), e));
    // 1 - s without cancellation: e s = e / (1 + e) where e <= 1
    const oneMinusS = sel(f32x4.mul(e, s), f32x4.sub(splat(1), s), f32x4.ge(x, splat(0)));
    return f32x4.mul(f32x4.mul(g, s), f32x4.add(splat(1), f32x4.mul(x, oneMinusS)));
  }
}

/** gelu, exact: x Phi(x); backward g * (Phi(x) + x phi(x)). */
@final class Gelu {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const ax = normalArg(x);
    return f32x4.mul(x, normalCdf(x, ax, gaussian(ax)));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const ax = normalArg(x);
    const gauss = gaussian(ax);
    const density = f32x4.mul(x, f32x4.mul(gauss, splat(INV_SQRT_2PI)));
    return f32x4.mul(g, f32x4.add(normalCdf(x, ax, gauss), density));
  }
}

const GELU_K: f32 = 0.7978845608028654; // sqrt(2/pi)
const GELU_C: f32 = 0.044715;

/**
 * gelu, tanh approximation: 0.5 x (1 + tanh u), u = K (x + 0.044715 x^3), computed as
 * x * s with s = sigmoid(2u) = (1 + tanh u) / 2, which has no cancellation for negative x.
 * Backward: s + x s (1 - s) 2K (1 + 3 * 0.044715 x^2).
 */
@final class GeluTanh {
  @inline get usesY(): bool { return false; }
  /** e^(-2u); |x| capped at 1e4, where s is already exactly 0 or 1. */
  @inline expMinus2u(x: v128): v128 {
    const xc = clamp(x, -1e4, 1e4);
    const u = f32x4.mul(splat(GELU_K), f32x4.add(xc, f32x4.mul(splat(GELU_C), f32x4.mul(xc, f32x4.mul(xc, xc)))));
    return vexp(f32x4.mul(u, splat(-2)));
  }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.div(x, f32x4.add(splat(1), this.expMinus2u(x)));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const e = this.expMinus2u(x);
    const s = f32x4.div(splat(1), f32x4.add(splat(1), e));
    const oneMinusS = sel(f32x4.mul(e, s), f32x4.sub(splat(1), s), f32x4.le(e, splat(1)));
    const xc = clamp(x, -1e4, 1e4);
    const slope = f32x4.mul(splat(2 * GELU_K), f32x4.add(splat(1), f32x4.mul(splat(3 * GELU_C), f32x4.mul(xc, xc))));
    const term = f32x4.mul(f32x4.mul(x, f32x4.mul(s, oneMinusS)), slope);
    return f32x4.mul(g, f32x4.add(s, term));
  }
}

/** The lanes where x * beta > threshold, with the product taken exactly as the JS (double) does. */
@inline function aboveThreshold(x: v128, y: v128, beta: v128, thr: v128): v128 {
  let above = f32x4.gt(y, thr);
  const tie = f32x4.eq(y, thr);
  if (v128.any_true(tie)) {
    // The rounded product equals the threshold: the sign of its rounding error decides
    // (Dekker's exact product with 12-bit halves; rare, so done only when it happens).
    const xh = v128.and(x, i32x4.splat(<i32>0xfffff000)), xl = f32x4.sub(x, xh);
    const bh = v128.and(beta, i32x4.splat(<i32>0xfffff000)), bl = f32x4.sub(beta, bh);
    const err = f32x4.add(f32x4.add(f32x4.add(f32x4.sub(f32x4.mul(xh, bh), y), f32x4.mul(xh, bl)), f32x4.mul(xl, bh)), f32x4.mul(xl, bl));
    above = v128.or(above, v128.and(tie, f32x4.gt(err, splat(0))));
  }
  return above;
}

/**
 * softplus(beta a, threshold b): x * beta > threshold ? x : log1p(e^(x beta)) / beta, the log
 * taken as max(y, 0) + log1p(e^-|y|) (no overflow); backward g * sigmoid(x beta) or g.
 */
@final class Softplus {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const y = f32x4.mul(x, a);
    const sp = f32x4.add(f32x4.pmax(y, splat(0)), vlog1p(vexp(f32x4.neg(f32x4.abs(y)))));
    return sel(x, f32x4.div(sp, a), aboveThreshold(x, y, a, b));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const xb = f32x4.mul(x, a);
    return sel(g, f32x4.mul(g, vsigmoid(xb)), aboveThreshold(x, xb, a, b));
  }
}

/**
 * mish: x tanh(softplus(x)). With e = e^x and n = e (e + 2), tanh(log(1 + e)) = n / (n + 2)
 * and 1 - tanh^2 = (2 / (n + 2)) (1 + tanh): no cancellation anywhere. Past x = 20 tanh is 1
 * in float32 (and taken as exactly 1, with 1 - tanh^2 = 0, as the JS doubles give).
 * Backward: g * (t + x sigmoid(x) (1 - t^2)).
 */
@final class Mish {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const e = vexp(f32x4.pmin(x, splat(20)));
    const n = f32x4.mul(e, f32x4.add(e, splat(2)));
    const t = sel(splat(1), f32x4.div(n, f32x4.add(n, splat(2))), f32x4.gt(x, splat(20)));
    return f32x4.mul(x, t);
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    const big = f32x4.gt(x, splat(20));
    const e = vexp(f32x4.pmin(x, splat(20)));
    const n = f32x4.mul(e, f32x4.add(e, splat(2)));
    const r = f32x4.div(splat(1), f32x4.add(n, splat(2)));
    const t = sel(splat(1), f32x4.mul(n, r), big);
    const oneMinusT2 = sel(splat(0), f32x4.mul(f32x4.add(r, r), f32x4.add(splat(1), t)), big);
    const sig = f32x4.div(e, f32x4.add(splat(1), e));
    return f32x4.mul(g, f32x4.add(t, f32x4.mul(f32x4.mul(x, sig), oneMinusT2)));
  }
}

/** logsigmoid: min(x, 0) - log1p(e^-|x|); backward g / (1 + e^x). */
@final class LogSigmoid {
  @inline get usesY(): bool { return false; }
  @inline fwd(x: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.sub(f32x4.pmin(x, splat(0)), vlog1p(vexp(f32x4.neg(f32x4.abs(x)))));
  }
  @inline bwd(x: v128, y: v128, g: v128, a: v128, b: v128, c: v128, d: v128): v128 {
    return f32x4.div(g, f32x4.add(splat(1), vexp(x)));
  }
}

// ---------------------------------------------------------------- the exported loops

export function fwd_relu(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Relu>(x, out, n, a, b, c, d); }
export function bwd_relu(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Relu>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_leaky_relu(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<LeakyRelu>(x, out, n, a, b, c, d); }
export function bwd_leaky_relu(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<LeakyRelu>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_hardtanh(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Hardtanh>(x, out, n, a, b, c, d); }
export function bwd_hardtanh(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Hardtanh>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_threshold(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Threshold>(x, out, n, a, b, c, d); }
export function bwd_threshold(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Threshold>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_hardsigmoid(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Hardsigmoid>(x, out, n, a, b, c, d); }
export function bwd_hardsigmoid(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Hardsigmoid>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_hardswish(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Hardswish>(x, out, n, a, b, c, d); }
export function bwd_hardswish(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Hardswish>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_elu(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Elu>(x, out, n, a, b, c, d); }
export function bwd_elu(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Elu>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_sigmoid(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Sigmoid>(x, out, n, a, b, c, d); }
export function bwd_sigmoid(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Sigmoid>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_tanh(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Tanh>(x, out, n, a, b, c, d); }
export function bwd_tanh(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Tanh>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_silu(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Silu>(x, out, n, a, b, c, d); }
export function bwd_silu(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Silu>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_gelu(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Gelu>(x, out, n, a, b, c, d); }
export function bwd_gelu(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Gelu>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_gelu_tanh(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<GeluTanh>(x, out, n, a, b, c, d); }
export function bwd_gelu_tanh(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<GeluTanh>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_softplus(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Softplus>(x, out, n, a, b, c, d); }
export function bwd_softplus(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Softplus>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_mish(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<Mish>(x, out, n, a, b, c, d); }
export function bwd_mish(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<Mish>(x, y, g, out, n, gs, a, b, c, d); }
export function fwd_logsigmoid(x: usize, out: usize, n: i32, a: f32, b: f32, c: f32, d: f32): void { runFwd<LogSigmoid>(x, out, n, a, b, c, d); }
export function bwd_logsigmoid(x: usize, y: usize, g: usize, out: usize, n: i32, gs: i32, a: f32, b: f32, c: f32, d: f32): void { runBwd<LogSigmoid>(x, y, g, out, n, gs, a, b, c, d); }

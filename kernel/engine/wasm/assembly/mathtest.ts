// The vector math functions one by one, for test/unit/wasm-math.test.ts (accuracy sweeps).
import { loadTail, storeTail } from "./simd";
import { vexp, vexpm1, vlog1p, vtanh, vsigmoid, normalArg, gaussian, normalCdf } from "./math";

@final class Exp { @inline f(x: v128): v128 { return vexp(x); } }
@final class Expm1 { @inline f(x: v128): v128 { return vexpm1(x); } }
@final class Log1p { @inline f(x: v128): v128 { return vlog1p(x); } }
@final class Tanh { @inline f(x: v128): v128 { return vtanh(x); } }
@final class Sigmoid { @inline f(x: v128): v128 { return vsigmoid(x); } }
@final class NormalCdf { @inline f(x: v128): v128 { const ax = normalArg(x); return normalCdf(x, ax, gaussian(ax)); } }
@final class Gaussian { @inline f(x: v128): v128 { return gaussian(normalArg(x)); } }

@inline function run<K>(x: usize, out: usize, n: i32): void {
  const k = changetype<K>(0);
  const end = x + ((<usize>n & ~3) << 2);
  for (; x < end; x += 16, out += 16) v128.store(out, k.f(v128.load(x)));
  const rem = <usize>n & 3;
  if (rem) storeTail(out, k.f(loadTail(x, rem)), rem);
}

export function math_exp(x: usize, out: usize, n: i32): void { run<Exp>(x, out, n); }
export function math_expm1(x: usize, out: usize, n: i32): void { run<Expm1>(x, out, n); }
export function math_log1p(x: usize, out: usize, n: i32): void { run<Log1p>(x, out, n); }
export function math_tanh(x: usize, out: usize, n: i32): void { run<Tanh>(x, out, n); }
export function math_sigmoid(x: usize, out: usize, n: i32): void { run<Sigmoid>(x, out, n); }
export function math_normal_cdf(x: usize, out: usize, n: i32): void { run<NormalCdf>(x, out, n); }
export function math_gaussian(x: usize, out: usize, n: i32): void { run<Gaussian>(x, out, n); }

// Python's float formatting, exactly: "{:.Nf}".format(x) and "{:.Ne}".format(x) for a double x.
//
// Python rounds the exact binary value of x to N digits, ties to even. JavaScript's toFixed /
// toExponential break ties upward (0.125.toFixed(2) === "0.13", Python gives "0.12"), drop the
// sign of -0, and toFixed switches to exponent notation from 1e21. So we expand x to its exact
// decimal value with BigInt (every double is an integer times a power of two, hence a finite
// decimal) and round that ourselves.

const bigPow10Cache: bigint[] = [];
const bigPow5Cache: bigint[] = [];

function pow10(n: number): bigint {
  let v = bigPow10Cache[n];
  if (v === undefined) bigPow10Cache[n] = v = 10n ** BigInt(n);
  return v;
}

function pow5(n: number): bigint {
  let v = bigPow5Cache[n];
  if (v === undefined) bigPow5Cache[n] = v = 5n ** BigInt(n);
  return v;
}

const view = new DataView(new ArrayBuffer(8));

/** |x| = digits / 10^scale exactly, for finite x. digits is 0n for ±0. */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074; // subnormal (or zero)
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (mant === 0n) return { digits: 0n, scale: 0 };
  // Drop trailing zero bits to keep the numbers small.
  while ((mant & 1n) === 0n && exp < 0) {
    mant >>= 1n;
    exp++;
  }
  if (exp >= 0) return { digits: mant << BigInt(exp), scale: 0 };
  // mant * 2^exp = mant * 5^-exp / 10^-exp
  return { digits: mant * pow5(-exp), scale: -exp };
}

/** Round digits / 10^drop to an integer, ties to even. */
function roundHalfEven(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * pow10(-drop);
  const d = pow10(drop);
  let q = digits / d;
  const r2 = (digits % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q += 1n;
  return q;
}

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return "nan"; // Python prints a negative nan as "nan" too
  return x > 0 ? "inf" : "-inf";
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

/** Python "{:.<precision>f}".format(x). */
export function formatFixed(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { digits, scale } = exactDecimal(x);
  const q = roundHalfEven(digits, scale - precision).toString().padStart(precision + 1, "0");
  const intPart = q.slice(0, q.length - precision);
  const frac = q.slice(q.length - precision);
  return signOf(x) + intPart + (precision > 0 ? "." + frac : "");
}

/** Python "{:.<precision>e}".format(x). */
export function formatExp(x: number, precision: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { digits, scale } = exactDecimal(x);
  let mantissa: string;
  let e10: number;
  if (digits === 0n) {
    mantissa = "0".repeat(precision + 1);
    e10 = 0;
  } else {
    const s = digits.toString();
    e10 = s.length - 1 - scale;
    mantissa = roundHalfEven(digits, s.length - (precision + 1)).toString();
    if (mantissa.length > precision + 1) {
      // Rounded up to the next power of ten (9.99996 -> 10.0000): the dropped digit is a 0.
      mantissa = mantissa.slice(0, precision + 1);
      e10++;
    }
  }
  const exponent = (e10 < 0 ? "-" : "+") + String(Math.abs(e10)).padStart(2, "0");
  return signOf(x) + mantissa[0] + (precision > 0 ? "." + mantissa.slice(1) : "") + "e" + exponent;
}

/** Python "{}".format(n) for an integer held in a double. */
export function formatInt(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (!Number.isFinite(n)) return nonFinite(n);
  if (!Number.isInteger(n)) return String(n); // not an integer: not reachable from valid data
  return BigInt(n).toString();
}

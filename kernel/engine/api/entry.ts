// One public callable's API, written once: its PyTorch signatures and its documentation. The
// generator (scripts/gen-api.mjs) writes the typings from these; the engine binds arguments with
// the same signatures (args.ts: bindEntry), and test/unit/typed-api.test.ts checks that the two agree.
import type { ApiDoc } from "./declare";
import { Signature, parseSignature } from "./signature";

export interface ApiEntry extends ApiDoc {
  /** PyTorch's overloads, each "(params): returns" (signature.ts); most have one. */
  signatures: readonly string[];
  /**
   * For torch functions: also a Tensor method, the input being self (x.sum(0) is torch.sum(x, 0)),
   * declared without the input and without out= (PyTorch's methods take none).
   */
  method?: boolean;
}

/** Callables by name: Tensor methods, torch functions, F functions, module constructors. */
export type ApiTable = Readonly<Record<string, ApiEntry>>;

const parsedCache = new WeakMap<ApiEntry, Signature[]>();

/** The entry's signatures, parsed (once). */
export function signaturesOf(entry: ApiEntry, where: string): Signature[] {
  let found = parsedCache.get(entry);
  if (!found) parsedCache.set(entry, found = entry.signatures.map((s, i) => parseSignature(s, `${where} #${i + 1}`)));
  return found;
}

// A torch function made from its API entry (api/tables/): torch.transpose(x, 0, 1) checks that x
// is a tensor, binds the other arguments by the entry's signature (so the call takes exactly the
// names, order and defaults its typings declare), and runs the op with them. Its Tensor method
// is the same function with self as the input (x.transpose(0, 1)).
import { Tensor } from "../tensor";
import { ApiEntry, signaturesOf } from "../api/entry";
import { bindEntry, checkTensor } from "../args";

export function entryFunction<A extends Record<string, unknown>, R>(name: string, entry: ApiEntry, run: (input: Tensor, a: A) => R): (input: Tensor, ...args: unknown[]) => R {
  const input = signaturesOf(entry, name)[0].params[0].name;
  return (x: Tensor, ...args: unknown[]): R => {
    checkTensor(name, input, 1, x);
    return run(x, bindEntry<A>(name, args, entry, 1));
  };
}

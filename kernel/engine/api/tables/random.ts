// Seeds and the state of the default random number generator: torch.manual_seed(0), ...
import type { ApiTable } from "../entry";

export const TORCH_FUNCTIONS_RANDOM = {
  manual_seed: {
    summary: "Seeds the default generator (torch.default_generator), so that the random numbers after it are the ones PyTorch draws after the same seed; returns the generator.",
    signatures: ["(seed: number | bigint): Generator"],
    params: { seed: "Any integer that fits in 64 bits, signed or not (negative ones wrap modulo 2⁶⁴)." },
    example: "torch.manual_seed(0);\ntorch.rand(2)  // tensor([0.4963, 0.7682])\ntorch.manual_seed(42).initial_seed()  // 42",
    pytorch: "torch.manual_seed",
  },
  initial_seed: {
    summary: "The seed the default generator was last seeded with.",
    signatures: ["(): number | bigint"],
    params: {},
    example: "torch.manual_seed(7);\ntorch.initial_seed()  // 7",
    pytorch: "torch.initial_seed",
  },
  seed: {
    summary: "Seeds the default generator with 64 non-deterministic bits and returns that seed.",
    signatures: ["(): number | bigint"],
    params: {},
    example: "const s = torch.seed();\ntorch.initial_seed() === s  // true",
    pytorch: "torch.seed",
  },
  get_rng_state: {
    summary: "The default generator's state, as bytes in PyTorch's own layout (5056 of them), for set_rng_state.",
    signatures: ["(): Uint8Array"],
    params: {},
    example: "const state = torch.get_rng_state();\nconst a = torch.rand(1);\ntorch.set_rng_state(state);\ntorch.rand(1).equal(a)  // true",
    pytorch: "torch.get_rng_state",
  },
  set_rng_state: {
    summary: "Restores the default generator's state from get_rng_state's bytes: the same random numbers follow.",
    signatures: ["(new_state: Uint8Array): void"],
    params: { new_state: "The state, as get_rng_state returned it." },
    example: "const state = torch.get_rng_state();\nconst a = torch.randn(2);\ntorch.set_rng_state(state);\ntorch.randn(2).equal(a)  // true",
    pytorch: "torch.set_rng_state",
  },
} satisfies ApiTable;

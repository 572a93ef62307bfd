// The nn module classes' constructors: new nn.Linear(4, 8), ...
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

export const CONSTRUCTORS_NN = {
  "nn.Linear": {
    summary: "A fully connected layer: y = x·Wᵀ + b, with W of shape [out_features, in_features].",
    signatures: ["(in_features: number, out_features: number, bias: boolean = true, device: Device | string | null = null, dtype: DType | null = null): Linear"],
    params: {
      ...COMMON,
      in_features: "The size of each input's last dimension.",
      out_features: "The size of each output's last dimension.",
      bias: "Whether the layer learns an additive bias b.",
      dtype: "The parameters' dtype (float32 by default).",
    },
    example: "const fc = new nn.Linear(4, 8);\nString(fc)                                   // Linear(in_features=4, out_features=8, bias=True)\nJSON.stringify(fc(torch.randn(2, 4)).shape)  // [2,8]",
    pytorch: "torch.nn.Linear",
  },
} satisfies ApiTable;

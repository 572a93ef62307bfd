// The seed's PyTorch examples, translated line for line. Each returns what it prints.
import { torch, nn, F } from "../../kernel/index";
import type { Tensor } from "../../kernel/index";

export interface Example { title: string; run(): string[]; expected?: string[] }

const x0 = () => torch.tensor([[-1.0, 0.0, 2.0, -3.0]], { requires_grad: true });
const x1 = () => torch.tensor([[-3.0, -1.0, 0.0, 2.0]]);

class SimpleNN extends nn.Module {
  fc1 = new nn.Linear(4, 8);
  relu = new nn.ReLU();
  fc2 = new nn.Linear(8, 1);
  override forward(x: Tensor): Tensor {
    x = this.fc1(x);
    x = this.relu(x);
    x = this.fc2(x);
    return x;
  }
}

export const seedExamples: Example[] = [
  {
    title: "Option 1: torch.nn.ReLU",
    run: () => { const relu = new nn.ReLU(); return [String(relu(x0()))]; },
    expected: ["tensor([[0., 0., 2., 0.]], grad_fn=<ReluBackward0>)"],
  },
  {
    title: "Option 2: torch.nn.functional.relu",
    run: () => [String(F.relu(x0()))],
    expected: ["tensor([[0., 0., 2., 0.]], grad_fn=<ReluBackward0>)"],
  },
  {
    title: "Forward and backward pass",
    run: () => {
      const x = x0();
      const output = F.relu(x);
      const loss = output.sum();
      loss.backward();
      return [String(x.grad)];
    },
    expected: ["tensor([[0., 0., 1., 0.]])"],
  },
  {
    title: "A network with ReLU (SimpleNN), seeded",
    run: () => {
      torch.manual_seed(0);
      const model = new SimpleNN();
      const sample_input = torch.randn(1, 4);
      return [String(model(sample_input)), String(model)];
    },
    // PyTorch 1.13 prints these for torch.manual_seed(0) before building the model
    expected: [
      "tensor([[-0.1362]], grad_fn=<AddmmBackward0>)",
      "SimpleNN(\n  (fc1): Linear(in_features=4, out_features=8, bias=True)\n  (relu): ReLU()\n  (fc2): Linear(in_features=8, out_features=1, bias=True)\n)",
    ],
  },
  {
    title: "Leaky ReLU",
    run: () => { const leaky_relu = new nn.LeakyReLU({ negative_slope: 0.01 }); return [String(leaky_relu(x1()))]; },
    expected: ["tensor([[-0.0300, -0.0100,  0.0000,  2.0000]])"],
  },
  {
    title: "PReLU",
    run: () => { const prelu = new nn.PReLU(); return [String(prelu(x1()))]; },
    expected: ["tensor([[-0.7500, -0.2500,  0.0000,  2.0000]], grad_fn=<PreluBackward0>)"],
  },
  {
    title: "ELU",
    run: () => { const elu = new nn.ELU({ alpha: 1.0 }); return [String(elu(x1()))]; },
    expected: ["tensor([[-0.9502, -0.6321,  0.0000,  2.0000]])"],
  },
  {
    title: "ReLU6",
    run: () => { const relu6 = new nn.ReLU6(); return [String(relu6(x1()))]; },
    expected: ["tensor([[0., 0., 0., 2.]])"],
  },
];

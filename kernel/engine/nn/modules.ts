// The activation module classes (nn.ReLU, nn.LeakyReLU, ...): one per activation definition,
// generated from the definitions (kernel/engine/activations/generated/modules.ts).
export * from "../activations/generated/modules";

// Every activation the product knows, in the order menus and the guide list them. The list is
// gathered from the activation files by scripts/gen-activations.mjs (generated/definitions.ts):
// adding an activation means adding its file.
import { ActivationDefinition } from "./definition";
import { DEFINITIONS } from "./generated/definitions";

export const ACTIVATIONS: readonly ActivationDefinition[] = DEFINITIONS;

export function getActivation(name: string): ActivationDefinition {
  const key = name.toLowerCase();
  const found = ACTIVATIONS.find((a) => a.name === key || a.module.toLowerCase() === key);
  if (!found) throw new RangeError(`unknown activation '${name}'; known: ${ACTIVATIONS.map((a) => a.name).join(", ")}`);
  return found;
}

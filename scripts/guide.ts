// The guide's PyTorch examples, run by the engine in a terminal. (Until the VS Code extension
// lands, this is how a newcomer sees the guide's code work; `npm run guide` runs it.)
import { seedExamples } from "../test/unit/seed_examples";

for (const ex of seedExamples) {
  console.log(`\n# ${ex.title}`);
  for (const line of ex.run()) console.log(line);
}

import * as assert from "assert";
import { seedExamples } from "./seed_examples";

describe("the seed's PyTorch examples, translated", () => {
  for (const ex of seedExamples) {
    it(`${ex.title} prints what PyTorch prints`, () => {
      assert.deepStrictEqual(ex.run(), ex.expected);
    });
  }
});

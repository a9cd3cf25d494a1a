import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { graphqlCodegen } from "../../bin/graphql-codegen";

describe("generated GraphQL types", () => {
  it("match the documents and the pinned schema (run npm run graphql:codegen when this fails)", async () => {
    // Codegen runs in memory from the introspection in node_modules: no network, a few seconds.
    const outputs = await graphqlCodegen();
    expect([...outputs.keys()].sort()).toEqual([
      "app/graphql/generated/admin.generated.d.ts",
      "app/graphql/generated/admin.types.d.ts",
    ]);
    for (const [file, content] of outputs) {
      const committed = readFileSync(path.resolve(file), "utf8");
      // Not toEqual on 1 MB strings: a stale file should fail with its name, not a huge diff.
      expect(committed === content, `${file} is stale`).toBe(true);
    }
  });
});

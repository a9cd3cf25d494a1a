import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../simulator/schema";
import { API_VERSION } from "../app/shopify.server";

/** Every `#graphql` document in app/, with the file it lives in. */
function collectDocuments(dir: string): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") continue;
    if (statSync(full).isDirectory()) {
      found.push(...collectDocuments(full));
    } else if (/\.(ts|tsx)$/.test(entry) && !entry.includes(".test.")) {
      const text = readFileSync(full, "utf8");
      for (const match of text.matchAll(/`#graphql([\s\S]*?)`/g))
        found.push({ file: full, source: match[1]! });
    }
  }
  return found;
}

const schema = loadAdminSchema(API_VERSION);
const documents = collectDocuments(path.resolve("app"));

function errorsOf(document: DocumentNode) {
  return validate(schema, document).map((e) => e.message);
}

describe(`GraphQL documents in app/ against the Admin API ${API_VERSION} schema`, () => {
  it("finds the documents (the scan itself works)", () => {
    expect(documents.length).toBeGreaterThanOrEqual(3);
  });

  for (const { file, source } of documents) {
    const rel = path.relative(process.cwd(), file);
    it(`${rel} is valid`, () => {
      expect(errorsOf(parse(source))).toEqual([]);
    });

    it(`${rel} holds one named operation, named like its file`, () => {
      const ops = parse(source).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      expect(ops).toHaveLength(1);
      expect(ops[0]!.name?.value).toBe(path.basename(file).replace(/\.tsx?$/, ""));
    });
  }

  it("fails a document whose field is renamed (the check can fail)", () => {
    for (const { source } of documents) {
      // Rename the first selected field of the operation: `shop {` → `shopX {`, `productsCount(` → `productsCountX(`.
      const renamed = source.replace(
        /(\{\s*)([A-Za-z_]\w*)(\s*[({:\s])/,
        (_, open: string, name: string, rest: string) =>
          name.endsWith(":") ? `${open}${name}${rest}` : `${open}${name}Renamed${rest}`,
      );
      expect(renamed).not.toBe(source);
      expect(errorsOf(parse(renamed)).join("\n")).toMatch(/Cannot query field/);
    }
  });
});

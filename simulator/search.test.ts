import { describe, expect, it } from "vitest";
import { filterBySearch, parseSearch, type SearchFields } from "./search";

interface Item {
  title: string;
  status: string;
  tags: string[];
  updatedAt: string;
  qty: number;
}

const fields: SearchFields<Item> = {
  text: (i) => [i.title, ...i.tags],
  fields: {
    title: (i) => i.title,
    status: (i) => i.status,
    tag: (i) => i.tags,
    updated_at: (i) => i.updatedAt,
    qty: (i) => i.qty,
  },
};

const items: Item[] = [
  {
    title: "Rain Jacket",
    status: "ACTIVE",
    tags: ["outerwear"],
    updatedAt: "2026-10-01T00:00:00Z",
    qty: 5,
  },
  {
    title: "Deck Lamp",
    status: "DRAFT",
    tags: ["home", "lighting"],
    updatedAt: "2026-11-01T00:00:00Z",
    qty: 0,
  },
  { title: "Rain Hat", status: "ARCHIVED", tags: [], updatedAt: "2026-09-01T00:00:00Z", qty: 12 },
];

const titles = (q: string): string[] => filterBySearch(items, q, fields).items.map((i) => i.title);

describe("search syntax", () => {
  it("parses fields, comparators, quotes, boolean operators and groups", () => {
    expect(parseSearch(`title:'Rain Hat' OR (status:>=b -tag:x)`)).toEqual({
      kind: "or",
      items: [
        { kind: "term", field: "title", op: ":", value: "Rain Hat" },
        {
          kind: "and",
          items: [
            { kind: "term", field: "status", op: ">=", value: "b" },
            { kind: "not", item: { kind: "term", field: "tag", op: ":", value: "x" } },
          ],
        },
      ],
    });
  });

  it("filters like Shopify", () => {
    expect(titles("rain")).toEqual(["Rain Jacket", "Rain Hat"]);
    expect(titles("title:rain*")).toEqual(["Rain Jacket", "Rain Hat"]);
    expect(titles("title:'rain hat'")).toEqual(["Rain Hat"]);
    expect(titles("status:active,draft")).toEqual(["Rain Jacket", "Deck Lamp"]);
    expect(titles("NOT status:archived AND rain")).toEqual(["Rain Jacket"]);
    expect(titles("updated_at:>=2026-10-01")).toEqual(["Rain Jacket", "Deck Lamp"]);
    expect(titles("updated_at:<'2026-10-01T00:00:00Z'")).toEqual(["Rain Hat"]);
    expect(titles("qty:>4 qty:<=12")).toEqual(["Rain Jacket", "Rain Hat"]);
    expect(titles("tag:lighting OR tag:outerwear")).toEqual(["Rain Jacket", "Deck Lamp"]);
    expect(titles("tag:*")).toEqual(["Rain Jacket", "Deck Lamp"]);
    expect(titles("")).toHaveLength(3);
  });

  it("ignores unknown fields and reports them", () => {
    const r = filterBySearch(items, "colour:red rain", fields);
    expect(r.items.map((i) => i.title)).toEqual(["Rain Jacket", "Rain Hat"]);
    expect(r.unknownFields).toEqual(["colour"]);
  });
});

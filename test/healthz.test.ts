import { describe, expect, it } from "vitest";
import { loader } from "../app/routes/healthz";

describe("GET /healthz", () => {
  it("answers 200 with the database kind and the migration state", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      database: "sqlite",
      migrations: { upToDate: true, pending: [] },
    });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });
});

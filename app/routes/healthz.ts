import { env } from "../env.server";
import { databaseKind } from "../db/url";
import { migrationState } from "../db/migrate.server";

/** Liveness and readiness for load balancers and the demo: database kind and migration state. */
export const loader = async () => {
  const url = env().DATABASE_URL;
  try {
    const migrations = await migrationState(url);
    return Response.json(
      {
        ok: migrations.upToDate,
        database: databaseKind(url),
        migrations,
        demo: env().SEAWORTHY_DEMO,
      },
      { status: migrations.upToDate ? 200 : 503 },
    );
  } catch (error) {
    return Response.json(
      { ok: false, database: databaseKind(url), error: (error as Error).message },
      { status: 503 },
    );
  }
};

/**
 * `npm run keys:rotate`: seals every stored secret with the current SEAWORTHY_ENCRYPTION_KEY.
 * To rotate: move the old key to SEAWORTHY_ENCRYPTION_KEYS_PREVIOUS, set the new one, deploy,
 * run this once; when it reports 0 re-sealed on a second run, drop the old key.
 */
import { db } from "../app/db.server";
import { rotateSecrets } from "../app/secrets/rotate.server";

try {
  const report = await rotateSecrets(db());
  console.log(
    `keys:rotate: ${report.resealed} secret(s) sealed with the current key, ${report.current} already were`,
  );
  await db().$disconnect();
} catch (error) {
  console.error(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

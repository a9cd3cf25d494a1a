import pino from "pino";

/**
 * Fields that may hold a credential, wherever they sit in a log object: redacted before a line is
 * written, so a token can reach the logs only by being pasted into a message (which the test
 * suite's log scan catches, test/setup-file.ts).
 */
const SECRET_KEYS = [
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "client_secret",
  "apiSecretKey",
  "sessionToken",
  "authorization",
  "password",
  "token",
];
const redact = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * One structured logger; every failure is logged with the shop and the operation. Tests write it
 * to SEAWORTHY_LOG_FILE (one file per test file) to scan it for secrets.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { app: "seaworthy" },
    redact: { paths: redact, censor: "[redacted]" },
  },
  process.env.SEAWORTHY_LOG_FILE
    ? pino.destination({ dest: process.env.SEAWORTHY_LOG_FILE, sync: true, append: true })
    : undefined,
);

import pino from "pino";

/** One structured logger; every failure is logged with the shop and the operation. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "seaworthy" },
});

import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DemoProcess {
  port: number;
  /** The demo's own SQLite database. */
  databaseFile: string;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `npm run demo`'s program on a free port with its own database; resolves when it serves. */
export async function startDemo(env: Record<string, string> = {}): Promise<DemoProcess> {
  const port = await freePort();
  const db = path.resolve(".tmp", `e2e-${process.pid}-${port}.sqlite`);
  let log = "";
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["bin/demo.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      DATABASE_URL: `file:${db}`,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`demo did not start in 150 s:\n${log}`)),
      150_000,
    );
    const check = setInterval(() => {
      if (log.includes("Seaworthy demo is running")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 200);
    child.once("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${log}`));
    });
  });
  return { port, databaseFile: db, url: `http://127.0.0.1:${port}`, output: () => log, stop };
}

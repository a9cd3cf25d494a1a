/**
 * A FIFO counting semaphore for one shop's in-flight Admin requests. All clients of a shop in the
 * process share one (see shop-state.ts), because they all drain the same cost bucket. Each
 * caller brings its own limit: a client created with `concurrency: 1` waits until nothing else
 * is in flight for the shop, one with 2 until fewer than two are. FIFO order keeps a low-limit
 * caller from being starved by higher-limit callers that keep slipping in.
 */
import { abortReason } from "./wait";

export type Release = () => void;

interface Waiter {
  limit: number;
  grant: () => void;
}

export class Semaphore {
  private active = 0;
  private readonly queue: Waiter[] = [];

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  acquire(limit: number, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const max = Math.max(1, Math.floor(limit));
    if (this.queue.length === 0 && this.active < max) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        limit: max,
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(abortReason(signal!));
        // The aborted waiter may have been the head blocking others with a higher limit.
        this.pump();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.pump();
    };
  }

  private pump(): void {
    for (let head = this.queue[0]; head && this.active < head.limit; head = this.queue[0]) {
      this.queue.shift();
      this.active++;
      head.grant();
    }
  }
}

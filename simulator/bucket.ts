/**
 * Shopify's leaky bucket for GraphQL Admin API cost: a query may run if its requested cost fits
 * in what is currently available; the bucket refills continuously at `restoreRate` points per
 * second up to `maximumAvailable`. After execution the difference between requested and actual
 * cost is refunded, as Shopify does.
 */

export interface BucketSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class CostBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly settings: BucketSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.available = settings.maximumAvailable;
    this.updatedAt = now();
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.updatedAt) / 1000;
    this.available = Math.min(
      this.settings.maximumAvailable,
      this.available + elapsed * this.settings.restoreRate,
    );
    this.updatedAt = t;
  }

  /** Take `cost` points if they are available; false (and nothing taken) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.settings.maximumAvailable, this.available + Math.max(0, points));
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.settings.maximumAvailable,
      // Shopify reports whole points.
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.settings.restoreRate,
    };
  }

  /** Empty or fill the bucket (tests and demos). */
  set(available: number): void {
    this.available = Math.max(0, Math.min(this.settings.maximumAvailable, available));
    this.updatedAt = this.now();
  }
}

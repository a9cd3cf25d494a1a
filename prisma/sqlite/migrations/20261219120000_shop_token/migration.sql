-- CreateTable
CREATE TABLE "ShopToken" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'expiring',
    "reason" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "refreshedAt" DATETIME,
    "failedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ShopToken_status_idx" ON "ShopToken"("status");

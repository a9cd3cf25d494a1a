-- CreateTable
CREATE TABLE "ShopToken" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'expiring',
    "reason" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "refreshedAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopToken_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "ShopToken_status_idx" ON "ShopToken"("status");

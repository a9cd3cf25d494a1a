-- CreateTable
CREATE TABLE "DeletedRecord" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletedRecord_pkey" PRIMARY KEY ("shop","id")
);

-- CreateIndex
CREATE INDEX "DeletedRecord_shop_deletedAt_idx" ON "DeletedRecord"("shop", "deletedAt");

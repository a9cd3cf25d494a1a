-- CreateTable
CREATE TABLE "DeletedRecord" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "deletedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateIndex
CREATE INDEX "DeletedRecord_shop_deletedAt_idx" ON "DeletedRecord"("shop", "deletedAt");

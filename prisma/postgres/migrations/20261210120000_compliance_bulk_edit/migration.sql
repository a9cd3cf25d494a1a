-- CreateTable
CREATE TABLE "ComplianceBulkEdit" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "selection" TEXT NOT NULL,
    "patch" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ComplianceBulkEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceBulkEdit_shop_createdAt_idx" ON "ComplianceBulkEdit"("shop", "createdAt");

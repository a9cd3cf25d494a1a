-- CreateTable
CREATE TABLE "ComplianceProfileMetafield" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceProfileMetafield_pkey" PRIMARY KEY ("shop","productId")
);

-- CreateTable
CREATE TABLE "ComplianceProfile" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "productId")
);

-- CreateTable
CREATE TABLE "EprRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "role" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ComplianceCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuer" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '{"kind":"all"}',
    "validFrom" TEXT NOT NULL,
    "validTo" TEXT,
    "documentUrl" TEXT,
    "metaobjectId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ComplianceResult" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "findings" TEXT NOT NULL DEFAULT '[]',
    "blockers" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "infos" INTEGER NOT NULL,
    "markets" TEXT NOT NULL DEFAULT ' ',
    "gate" TEXT NOT NULL DEFAULT ' ',
    "packsVersion" TEXT NOT NULL,
    "evaluatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "productId")
);

-- CreateTable
CREATE TABLE "ComplianceSnapshot" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "findings" INTEGER NOT NULL,
    "products" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "day", "market", "severity")
);

-- CreateTable
CREATE TABLE "ComplianceLabel" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "productId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EprRegistration_shop_country_stream_key" ON "EprRegistration"("shop", "country", "stream");

-- CreateIndex
CREATE INDEX "ComplianceCertificate_shop_kind_idx" ON "ComplianceCertificate"("shop", "kind");

-- CreateIndex
CREATE INDEX "ComplianceResult_shop_evaluatedAt_idx" ON "ComplianceResult"("shop", "evaluatedAt");


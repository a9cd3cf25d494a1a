-- RedefineTables (rather than ADD COLUMN, so the table reads exactly as the schema creates it)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ComplianceCertificate" (
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
    "updatedAt" DATETIME NOT NULL,
    "documentFileId" TEXT,
    "documentFileStatus" TEXT,
    "documentName" TEXT
);
INSERT INTO "new_ComplianceCertificate" ("createdAt", "documentUrl", "id", "issuer", "kind", "metaobjectId", "number", "scope", "shop", "updatedAt", "validFrom", "validTo") SELECT "createdAt", "documentUrl", "id", "issuer", "kind", "metaobjectId", "number", "scope", "shop", "updatedAt", "validFrom", "validTo" FROM "ComplianceCertificate";
DROP TABLE "ComplianceCertificate";
ALTER TABLE "new_ComplianceCertificate" RENAME TO "ComplianceCertificate";
CREATE INDEX "ComplianceCertificate_shop_kind_idx" ON "ComplianceCertificate"("shop", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateTable
CREATE TABLE "CertificateMetaobject" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "certificateId" TEXT,
    "fields" TEXT NOT NULL,
    "updatedAt" DATETIME,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "handle")
);

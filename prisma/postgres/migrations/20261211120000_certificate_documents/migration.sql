-- AlterTable
ALTER TABLE "ComplianceCertificate" ADD COLUMN     "documentFileId" TEXT,
ADD COLUMN     "documentFileStatus" TEXT,
ADD COLUMN     "documentName" TEXT;

-- CreateTable
CREATE TABLE "CertificateMetaobject" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "certificateId" TEXT,
    "fields" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateMetaobject_pkey" PRIMARY KEY ("shop","handle")
);


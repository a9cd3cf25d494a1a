-- AlterTable
ALTER TABLE "Product" ADD COLUMN "featuredMediaId" TEXT;

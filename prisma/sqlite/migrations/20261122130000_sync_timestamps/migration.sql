-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CollectionProduct" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "collectionId", "productId")
);
INSERT INTO "new_CollectionProduct" ("collectionId", "productId", "shop") SELECT "collectionId", "productId", "shop" FROM "CollectionProduct";
DROP TABLE "CollectionProduct";
ALTER TABLE "new_CollectionProduct" RENAME TO "CollectionProduct";
CREATE INDEX "CollectionProduct_shop_productId_idx" ON "CollectionProduct"("shop", "productId");
CREATE TABLE "new_OrderLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "sku" TEXT,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" TEXT,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);
INSERT INTO "new_OrderLine" ("id", "orderId", "productId", "quantity", "shop", "sku", "title", "unitPrice", "variantId") SELECT "id", "orderId", "productId", "quantity", "shop", "sku", "title", "unitPrice", "variantId" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_shop_orderId_idx" ON "OrderLine"("shop", "orderId");
CREATE INDEX "OrderLine_shop_productId_idx" ON "OrderLine"("shop", "productId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


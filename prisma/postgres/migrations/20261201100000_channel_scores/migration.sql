-- CreateTable
CREATE TABLE "ChannelScore" (
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "blockers" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "blockerRules" TEXT NOT NULL DEFAULT ' ',
    "ruleIds" TEXT NOT NULL DEFAULT ' ',
    "findings" TEXT NOT NULL DEFAULT '[]',
    "packVersion" TEXT NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelScore_pkey" PRIMARY KEY ("shop","productId","channel")
);

-- CreateIndex
CREATE INDEX "ChannelScore_shop_channel_score_idx" ON "ChannelScore"("shop", "channel", "score");


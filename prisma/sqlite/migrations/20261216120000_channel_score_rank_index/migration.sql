-- CreateIndex
CREATE INDEX "ChannelScore_shop_channel_eligible_score_productId_idx" ON "ChannelScore"("shop", "channel", "eligible" DESC, "score" DESC, "productId");

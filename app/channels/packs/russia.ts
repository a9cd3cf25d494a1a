/** Ozon and Wildberries share Russian law on what may be sold remotely. */
import { TODAY } from "./common";
import { NOT_READ, OZON_TOBACCO, RU_MEDICINE, RU_REMOTE_SALE } from "./goods-sources";
import type { GoodsPolicy } from "./common";

export function russianGoods(channelNote: string): GoodsPolicy {
  return {
    alcohol: { verdict: "prohibited", source: RU_REMOTE_SALE, checked: TODAY },
    tobacco_vape: {
      verdict: "prohibited",
      source: channelNote === "ozon" ? `${OZON_TOBACCO}; ${RU_REMOTE_SALE}` : RU_REMOTE_SALE,
      checked: TODAY,
    },
    weapons: {
      verdict: "restricted",
      source:
        "Russian law on weapons (Federal Law 150-FZ): knives that count as cold weapons need a certificate showing they are not; marketplace rules",
      checked: NOT_READ,
    },
    medicine: { verdict: "prohibited", source: RU_MEDICINE, checked: NOT_READ },
    supplements: {
      verdict: "restricted",
      source: "EAEU: dietary supplements (БАД) need a state registration certificate (СГР)",
      checked: NOT_READ,
    },
    cbd: {
      verdict: "prohibited",
      source: "Russian narcotics law: cannabis and cannabinoid products are controlled",
      checked: NOT_READ,
    },
    sexual_wellness: {
      verdict: "restricted",
      source: `${channelNote === "ozon" ? "Ozon" : "Wildberries"} 18+ category rules`,
      checked: NOT_READ,
    },
    lithium_battery: {
      verdict: "restricted",
      source:
        "Air and cross-border carriers limit lithium batteries (dangerous goods, UN3480/3481)",
      checked: NOT_READ,
    },
    hazardous: {
      verdict: "restricted",
      source: "Pyrotechnics and flammables need certificates and ground shipping",
      checked: NOT_READ,
    },
  };
}

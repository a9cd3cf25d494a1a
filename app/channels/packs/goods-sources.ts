/** Where each channel's prohibited/restricted-goods verdicts come from. */
import { TODAY } from "./common";

/** An official page named for reference that was not re-read for this edition. */
export const NOT_READ =
  "undated: official page not re-read for this edition; verdict from Seaworthy's knowledge of the policy";

export const AMAZON_RESTRICTED =
  "Amazon Seller Central, Restricted Products (https://sellercentral.amazon.com/help/hub/reference/external/G200164330); category list as given in an Amazon Seller Forums staff post (secondary: https://sellercentral.amazon.com/forums/t/ipi-score-calculation-change/566855/11)";
export const AMAZON_DRUGS =
  "Amazon Seller Central, Drugs & drug paraphernalia (https://sellercentral.amazon.com/gp/help/external/200164490): OTC drugs allowed only with the compliance checklist";
export const EBAY_POLICY =
  "eBay, Prohibited and restricted items (https://www.ebay.com/help/policies/prohibited-restricted-items/prohibited-restricted-items?id=4207)";
export const WALMART_TOBACCO =
  "Walmart Marketplace, Prohibited products policy: tobacco, e-cigarettes and vaping products (https://marketplacelearn.walmart.com/guides/Prohibited-products-policy:-tobacco,-e-cigarettes-and-vaping-products)";
export const WALMART_PROHIBITED =
  "Walmart Marketplace, Prohibited Products Policy (https://marketplace.walmart.com/knowledgebase/articles/File_Download/Walmart-Restrictions)";
export const TIKTOK_PROHIBITED =
  "TikTok Shop US, Your Guide to Prohibited Products (https://seller-us.tiktok.com/university/essay?knowledge_id=3719218886117175): firearms, drugs, alcohol are prohibited";
export const TIKTOK_SECONDARY =
  "TikTok Shop Prohibited Products Policy as summarised by secondary sources (https://optimalmarketingagency.net/update-tiktok-shop-prohibited-products-policy/, https://tik128.com/?p=256)";
export const TIKTOK_RESTRICTED =
  "TikTok Shop Restricted Products Policy (approval before listing; creators may not promote without it), via DOMAIN.md §2";
export const RU_REMOTE_SALE =
  "Russian law bans remote sale of alcohol, tobacco, nicotine products, vapes and hookahs (secondary: https://adi19.ru/news/130485-v-rossii-s-1-marta-budut-blokirovat-sajty-s-onlajn-prodazami-tabaka)";
export const OZON_TOBACCO =
  "Ozon press statement: permanent ban on tobacco and nicotine products, devices only empty and age-gated (secondary: https://gar-ag.ru/news/30170)";
export const RU_MEDICINE =
  "Russian law: remote sale of medicines only by licensed pharmacies (Federal Law 61-FZ)";
export const META_COMMERCE =
  "Meta Commerce Policies (https://www.facebook.com/policies_center/commerce/)";
export const SHOPIFY_RESTRICTED =
  "Shopify Payments restricted businesses (https://www.shopify.com/legal/restricted-businesses) and Acceptable Use Policy: allowed only where legal and accepted by the payment provider";

export { TODAY };

/**
 * Seed categories and the Shopify Standard Product Taxonomy (2025-08) leaves the demo products
 * are filed under. Ids and full names are copied from Shopify's categories.txt (the app ships it
 * as app/taxonomy/shopify-categories.tsv); categories.test.ts checks every entry against that
 * file, so a typo fails the build rather than the demo.
 */

export const SEED_CATEGORIES = [
  "home",
  "electronics",
  "apparel",
  "beauty",
  "toys",
  "collectibles",
  "auto_parts",
  "winter_sports",
  "small_appliances",
] as const;

export type SeedCategory = (typeof SEED_CATEGORIES)[number];

export interface TaxonomyCategory {
  id: string;
  name: string;
  fullName: string;
}

function leaf(code: string, fullName: string): TaxonomyCategory {
  const name = fullName.slice(fullName.lastIndexOf(" > ") + 3);
  return { id: `gid://shopify/TaxonomyCategory/${code}`, name, fullName };
}

const HG = "Home & Garden";
const KITCHEN = `${HG} > Kitchen & Dining`;
const APPLIANCES = `${KITCHEN} > Kitchen Appliances`;
const EL = "Electronics";
const AA = "Apparel & Accessories";
const HB = "Health & Beauty";
const COSMETICS = `${HB} > Personal Care > Cosmetics`;
const TOYS = "Toys & Games > Toys";
const FIGURES = `${TOYS} > Dolls, Playsets & Toy Figures`;
const COLLECTIBLES = "Arts & Entertainment > Hobbies & Creative Arts > Collectibles";
const VP = "Vehicles & Parts > Vehicle Parts & Accessories";
const VP_PARTS = `${VP} > Motor Vehicle Parts`;
const SKI =
  "Sporting Goods > Outdoor Recreation > Winter Sports & Activities > Skiing & Snowboarding";

export const TAXONOMY = {
  // home
  throw_pillows: leaf("hg-3-64", `${HG} > Decor > Throw Pillows`),
  candles: leaf("hg-3-40-2", `${HG} > Decor > Home Fragrances > Candles`),
  mugs: leaf("hg-11-10-5-5", `${KITCHEN} > Tableware > Drinkware > Mugs`),
  vases: leaf("hg-3-67", `${HG} > Decor > Vases`),
  bath_towels: leaf(
    "hg-15-4-1-1",
    `${HG} > Linens & Bedding > Towels > Bath Towels & Washcloths > Bath Towels`,
  ),
  bed_sheets: leaf("hg-15-1-2", `${HG} > Linens & Bedding > Bedding > Bed Sheets`),
  blankets: leaf("hg-15-1-4", `${HG} > Linens & Bedding > Bedding > Blankets`),
  cutting_boards: leaf("hg-11-8-21", `${KITCHEN} > Kitchen Tools & Utensils > Cutting Boards`),
  desk_lamps: leaf("hg-13-5-2", `${HG} > Lighting > Lamps > Desk Lamps`),
  baskets: leaf("hg-3-6", `${HG} > Decor > Baskets`),

  // electronics
  in_ear_headphones: leaf(
    "el-2-2-7-1-3",
    `${EL} > Audio > Audio Components > Headphones & Headsets > Headphones > In-Ear Headphones`,
  ),
  headphones: leaf(
    "el-2-2-7-1",
    `${EL} > Audio > Audio Components > Headphones & Headsets > Headphones`,
  ),
  speakers: leaf("el-2-2-10", `${EL} > Audio > Audio Components > Speakers`),
  phone_cases: leaf(
    "el-4-8-4-2",
    `${EL} > Communications > Telephony > Mobile & Smart Phone Accessories > Mobile Phone Cases`,
  ),
  phone_stands: leaf(
    "el-4-8-4-6",
    `${EL} > Communications > Telephony > Mobile & Smart Phone Accessories > Mobile Phone Stands`,
  ),
  power_banks: leaf(
    "el-7-15-5-1",
    `${EL} > Electronics Accessories > Power > Power Adapters & Chargers > Power Banks`,
  ),
  wireless_chargers: leaf(
    "el-7-15-5-2",
    `${EL} > Electronics Accessories > Power > Power Adapters & Chargers > Wireless Chargers`,
  ),
  usb_cables: leaf(
    "el-7-7-5-2",
    `${EL} > Electronics Accessories > Cables > Storage & Data Transfer Cables > USB Cables`,
  ),
  keyboards: leaf(
    "el-7-9-12-8",
    `${EL} > Electronics Accessories > Computer Components > Input Devices > Keyboards`,
  ),
  smart_watches: leaf("aa-6-12", `${AA} > Jewelry > Smart Watches`),
  vaporizers: leaf(
    "fb-3-7-3",
    "Food, Beverages & Tobacco > Tobacco Products > Vaporizers & Electronic Cigarettes > Vaporizers",
  ),

  // apparel
  hoodies: leaf("aa-1-13-13", `${AA} > Clothing > Clothing Tops > Hoodies`),
  t_shirts: leaf("aa-1-13-8", `${AA} > Clothing > Clothing Tops > T-Shirts`),
  leggings: leaf("aa-1-12-8", `${AA} > Clothing > Pants > Leggings`),
  puffer_jackets: leaf(
    "aa-1-10-2-9",
    `${AA} > Clothing > Outerwear > Coats & Jackets > Puffer Jackets`,
  ),
  crew_socks: leaf("aa-1-18-3", `${AA} > Clothing > Socks > Crew Socks`),
  beanies: leaf("aa-2-17-2", `${AA} > Clothing Accessories > Hats > Beanies`),
  gloves: leaf("aa-2-13", `${AA} > Clothing Accessories > Gloves & Mittens`),
  scarves: leaf("aa-2-26", `${AA} > Clothing Accessories > Scarves & Shawls`),
  backpacks: leaf("lb-1", "Luggage & Bags > Backpacks"),

  // beauty
  face_serums: leaf("hb-3-2-9-21", `${COSMETICS} > Skin Care > Face Serums`),
  face_moisturizers: leaf("hb-3-2-9-20", `${COSMETICS} > Skin Care > Face Moisturizers`),
  sunscreen: leaf("hb-3-2-9-15", `${COSMETICS} > Skin Care > Sunscreen`),
  lipsticks: leaf("hb-3-2-6-5-6", `${COSMETICS} > Makeup > Lip Makeup > Lipsticks`),
  nail_polishes: leaf("hb-3-2-7-11", `${COSMETICS} > Nail Care > Nail Polishes`),
  shampoo: leaf(
    "hb-3-10-13-3",
    `${HB} > Personal Care > Hair Care > Shampoo & Conditioner > Shampoo`,
  ),
  cbd_supplements: leaf(
    "hb-1-9-6-10",
    `${HB} > Health Care > Fitness & Nutrition > Vitamins & Supplements > CBD Supplements`,
  ),
  medicine: leaf("hb-1-16", `${HB} > Health Care > Medicine & Drugs`),

  // toys
  interlocking_blocks: leaf("tg-5-7-12", `${TOYS} > Building Toys > Interlocking Blocks`),
  construction_sets: leaf("tg-5-7-8", `${TOYS} > Building Toys > Construction Set Toys`),
  stuffed_animals: leaf("tg-5-8-11", `${FIGURES} > Stuffed Animals`),
  action_figures: leaf("tg-5-8-1-1", `${FIGURES} > Action & Toy Figures > Action Figures`),
  jigsaw_puzzles: leaf("tg-4-7", "Toys & Games > Puzzles > Jigsaw Puzzles"),
  rc_cars: leaf("tg-5-18-3", `${TOYS} > Remote Control Toys > Remote Control Cars & Trucks`),
  board_games: leaf("tg-2-5", "Toys & Games > Games > Board Games"),
  educational_toys: leaf("tg-5-9", `${TOYS} > Educational Toys`),

  // collectibles
  gaming_cards: leaf("ae-2-2-3-2", `${COLLECTIBLES} > Collectible Trading Cards > Gaming Cards`),
  scale_model_cars: leaf("ae-2-2-8-3", `${COLLECTIBLES} > Scale Models > Cars`),
  bobbleheads: leaf("tg-5-8-2", `${FIGURES} > Bobblehead Figures`),
  figurines: leaf("hg-3-30", `${HG} > Decor > Figurines`),
  lapel_pins: leaf("aa-6-4", `${AA} > Jewelry > Brooches & Lapel Pins`),
  folding_knives: leaf(
    "ae-2-2-4-2-3",
    `${COLLECTIBLES} > Collectible Weapons > Collectible Knives > Folding Collectible Knives`,
  ),

  // auto_parts
  floor_mats: leaf("vp-1-4-11-3", `${VP_PARTS} > Motor Vehicle Interior Fittings > Floor Mats`),
  seat_covers: leaf("vp-1-4-11-5", `${VP_PARTS} > Motor Vehicle Interior Fittings > Seat Covers`),
  steering_wheel_covers: leaf(
    "vp-1-4-11-6",
    `${VP_PARTS} > Motor Vehicle Interior Fittings > Steering Wheel Covers`,
  ),
  sun_shades: leaf("vp-1-4-11-7", `${VP_PARTS} > Motor Vehicle Interior Fittings > Sun Shades`),
  wiper_blades: leaf(
    "vp-1-4-21-4-2",
    `${VP_PARTS} > Motor Vehicle Window Parts & Accessories > Windshield Wiper Systems & Components > Wiper Blades`,
  ),
  headlight_bulbs: leaf("vp-1-4-12-4", `${VP_PARTS} > Motor Vehicle Lighting > Light Bulbs`),
  jump_starters: leaf(
    "vp-1-5-7-7",
    `${VP} > Vehicle Maintenance, Care & Decor > Vehicle Repair & Specialty Tools > Vehicle Jump Starters`,
  ),
  car_air_fresheners: leaf(
    "vp-1-5-4-2",
    `${VP} > Vehicle Maintenance, Care & Decor > Vehicle Decor > Vehicle Air Fresheners`,
  ),
  car_shampoo: leaf(
    "vp-1-5-2-2-1",
    `${VP} > Vehicle Maintenance, Care & Decor > Vehicle Cleaning > Car Wash Solutions > Car Shampoo`,
  ),
  vehicle_organizers: leaf("vp-1-7-9", `${VP} > Vehicle Storage & Cargo > Vehicle Organizers`),
  dash_cams: leaf("co-2-7-6", "Cameras & Optics > Cameras > Video Cameras > Dash Video Cameras"),

  // winter_sports
  skis: leaf("sg-4-17-2-13", `${SKI} > Skis`),
  snowboards: leaf("sg-4-17-2-17", `${SKI} > Snowboards`),
  ski_goggles: leaf("sg-4-17-2-3", `${SKI} > Ski & Snowboard Goggles`),
  ski_helmets: leaf("sg-4-17-2-4", `${SKI} > Ski & Snowboard Helmets`),
  ski_poles: leaf("sg-4-17-2-12", `${SKI} > Ski Poles`),
  snowboard_bindings: leaf("sg-4-17-2-15", `${SKI} > Snowboard Bindings`),
  snowboard_boots: leaf("sg-4-17-2-16", `${SKI} > Snowboard Boots`),
  ski_wax: leaf("sg-4-17-2-8", `${SKI} > Ski & Snowboard Wax`),
  ski_bags: leaf("sg-4-17-2-1", `${SKI} > Ski & Snowboard Bags`),
  snow_pants: leaf("aa-1-10-5", `${AA} > Clothing > Outerwear > Snow Pants & Suits`),
  sleds: leaf(
    "sg-4-17-3",
    "Sporting Goods > Outdoor Recreation > Winter Sports & Activities > Sleds",
  ),

  // small_appliances
  air_fryers: leaf("hg-11-7-53", `${APPLIANCES} > Air Fryers`),
  electric_kettles: leaf("hg-11-7-11", `${APPLIANCES} > Electric Kettles`),
  food_blenders: leaf("hg-11-7-17-1", `${APPLIANCES} > Food Mixers & Blenders > Food Blenders`),
  rice_cookers: leaf("hg-11-7-14-3", `${APPLIANCES} > Food Cookers & Steamers > Rice Cookers`),
  drip_coffee_makers: leaf(
    "hg-11-7-4-1",
    `${APPLIANCES} > Coffee Makers & Espresso Machines > Drip Coffee Makers`,
  ),
  humidifiers: leaf(
    "hg-9-1-9",
    `${HG} > Household Appliances > Climate Control Appliances > Humidifiers`,
  ),
  desk_fans: leaf(
    "hg-9-1-6-2",
    `${HG} > Household Appliances > Climate Control Appliances > Fans > Desk & Pedestal Fans`,
  ),
  upright_vacuums: leaf("hg-9-10-2", `${HG} > Household Appliances > Vacuums > Upright Vacuums`),
  hair_dryers: leaf(
    "hb-3-10-12-6",
    `${HB} > Personal Care > Hair Care > Hair Styling Tools > Hair Dryers`,
  ),
  electric_toothbrushes: leaf(
    "hb-3-12-17-1",
    `${HB} > Personal Care > Oral Care > Toothbrushes > Electric Toothbrushes`,
  ),
  electric_massagers: leaf(
    "hb-3-11-8-1",
    `${HB} > Personal Care > Massage & Relaxation > Massagers > Electric Massagers`,
  ),
} as const satisfies Record<string, TaxonomyCategory>;

export type TaxonomyKey = keyof typeof TAXONOMY;

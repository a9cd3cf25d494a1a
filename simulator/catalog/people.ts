/**
 * Buyer names by shipping country. Fictional combinations of common names; e-mails use the
 * reserved example.com domain. Russian buyers keep Cyrillic names with a Latin e-mail.
 */

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

const EN: NamePool = {
  first: [
    "Emma",
    "Olivia",
    "Ava",
    "Sophia",
    "Mia",
    "Liam",
    "Noah",
    "Ethan",
    "Mason",
    "Lucas",
    "Harper",
    "Chloe",
    "Jack",
    "Oliver",
    "Grace",
    "Amelia",
  ],
  last: [
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Miller",
    "Wilson",
    "Davis",
    "Clark",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Green",
    "Baker",
    "Evans",
  ],
};
const DE: NamePool = {
  first: [
    "Lena",
    "Hannah",
    "Leonie",
    "Lukas",
    "Jonas",
    "Felix",
    "Maximilian",
    "Sophie",
    "Paul",
    "Marie",
  ],
  last: [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schäfer",
    "Koch",
  ],
};
const FR: NamePool = {
  first: [
    "Camille",
    "Léa",
    "Chloé",
    "Louis",
    "Gabriel",
    "Hugo",
    "Manon",
    "Jules",
    "Inès",
    "Arthur",
  ],
  last: [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Lefèvre",
    "Moreau",
  ],
};
const ES: NamePool = {
  first: [
    "Lucía",
    "Martina",
    "Sofía",
    "Hugo",
    "Mateo",
    "Pablo",
    "Alejandro",
    "Carmen",
    "Daniel",
    "Elena",
  ],
  last: [
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Ruiz",
    "Díaz",
    "Moreno",
  ],
};
const IT: NamePool = {
  first: [
    "Giulia",
    "Francesca",
    "Sofia",
    "Leonardo",
    "Francesco",
    "Alessandro",
    "Lorenzo",
    "Chiara",
    "Matteo",
    "Aurora",
  ],
  last: [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
  ],
};
const NL: NamePool = {
  first: ["Emma", "Julia", "Sanne", "Daan", "Sem", "Lars", "Fleur", "Bram", "Noor", "Thijs"],
  last: [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
  ],
};
const PL: NamePool = {
  first: ["Zuzanna", "Julia", "Jakub", "Antoni", "Szymon", "Maja", "Oliwia", "Kacper"],
  last: [
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
  ],
};
const SE: NamePool = {
  first: ["Elsa", "Alice", "Maja", "William", "Oscar", "Lucas", "Astrid", "Hugo"],
  last: [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
  ],
};
const PT: NamePool = {
  first: ["Maria", "Beatriz", "Leonor", "Francisco", "Santiago", "Afonso", "Inês", "Tomás"],
  last: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins"],
};
const FI: NamePool = {
  first: ["Aino", "Eevi", "Helmi", "Leo", "Eino", "Väinö", "Venla", "Onni"],
  last: [
    "Korhonen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
  ],
};

export const NAMES_BY_COUNTRY: Record<string, NamePool> = {
  US: EN,
  GB: EN,
  IE: EN,
  DE,
  AT: DE,
  FR,
  BE: FR,
  ES,
  IT,
  NL,
  PL,
  SE,
  PT,
  FI,
};

/** [Cyrillic, Latin] pairs; surnames as [masculine, feminine] pairs of such pairs. */
export const RU_FIRST: readonly { cyr: string; lat: string; female: boolean }[] = [
  { cyr: "Анна", lat: "anna", female: true },
  { cyr: "Мария", lat: "maria", female: true },
  { cyr: "Екатерина", lat: "ekaterina", female: true },
  { cyr: "Ольга", lat: "olga", female: true },
  { cyr: "Наталья", lat: "natalya", female: true },
  { cyr: "Дмитрий", lat: "dmitry", female: false },
  { cyr: "Алексей", lat: "alexey", female: false },
  { cyr: "Иван", lat: "ivan", female: false },
  { cyr: "Сергей", lat: "sergey", female: false },
  { cyr: "Михаил", lat: "mikhail", female: false },
];
export const RU_LAST: readonly { m: string; f: string; lat: string }[] = [
  { m: "Смирнов", f: "Смирнова", lat: "smirnov" },
  { m: "Иванов", f: "Иванова", lat: "ivanov" },
  { m: "Кузнецов", f: "Кузнецова", lat: "kuznetsov" },
  { m: "Попов", f: "Попова", lat: "popov" },
  { m: "Соколов", f: "Соколова", lat: "sokolov" },
  { m: "Лебедев", f: "Лебедева", lat: "lebedev" },
  { m: "Волков", f: "Волкова", lat: "volkov" },
  { m: "Морозов", f: "Морозова", lat: "morozov" },
];

/**
 * Phone number prefix and how many random digits follow, in ranges reserved for fiction or
 * testing where the country has one (US 555-01xx style, Ofcom 07700 900xxx, ARCEP 06 39 98).
 */
export const PHONE_FORMAT: Record<string, readonly [prefix: string, digits: number]> = {
  US: ["+1202555", 4],
  GB: ["+447700900", 3],
  FR: ["+3363998", 4],
  DE: ["+49155", 7],
  RU: ["+7999", 7],
};

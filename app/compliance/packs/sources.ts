/**
 * Where each rule's facts come from. `secondary` marks a vendor, consultant or agency-summary page
 * rather than the law or the official register; `checked` is the day the page was read.
 * DOMAIN.md §3 is the team's digest of these; entries citing it alone were not re-verified.
 */

export interface Source {
  title: string;
  url: string;
  secondary: boolean;
  checked: string;
}

export const SOURCES = {
  domain: {
    title: "Seaworthy DOMAIN.md §3 (team digest of the compliance rules)",
    // The team digest ships with the repository (docs/domain-digest.md); issue 18 replaces citations
    // of it with the public sources themselves.
    url: "file:docs/domain-digest.md",
    secondary: true,
    checked: "2026-12-01",
  },
  lucidNumber: {
    title: "Model Group: LUCID-Nummer – 'Länderkürzel DE und eine 13-stellige Ziffernfolge'",
    url: "https://www.modelgroup.com/de/de/produkte/knowledge-base/lucid-nummer.html",
    secondary: true,
    checked: "2026-12-01",
  },
  lucidRole: {
    title: "Lizenzero: LUCID number invalid when registered as other than producer",
    url: "https://www.lizenzero.de/en/blog/german-packaging-act-what-to-do-if-your-lucid/epr-registration-number-is-invalid/",
    secondary: true,
    checked: "2026-12-01",
  },
  earRegistration: {
    title: "stiftung ear: registration procedure (brand and type of equipment, § 6 ElektroG)",
    url: "https://www.stiftung-ear.de/en/topics/elektrog/producers-ar/registration/registration-procedure",
    secondary: false,
    checked: "2026-12-01",
  },
  weeeNumber: {
    title: "Deutsche Recycling / earn-service: WEEE-Reg.-Nr. = 'DE' + 8 digits",
    url: "https://deutsche-recycling.com/weee-number-registration-with-the-stiftung-ear/",
    secondary: true,
    checked: "2026-12-01",
  },
  ademeIdu: {
    title: "ADEME: identifiant unique (IDU), one per REP stream, since 1 Jan 2022 (L. 541-10-13)",
    url: "https://filieres-rep.ademe.fr/identifiant-unique",
    secondary: false,
    checked: "2026-12-01",
  },
  iduFormat: {
    title: "EPR Representative: IDU structure (sources disagree: 12–14 characters, starts with FR)",
    url: "https://eprrepresentative.com/blog/french-idu-number-verify-understand",
    secondary: true,
    checked: "2026-12-01",
  },
  citeoIdu: {
    title: "Citeo FAQ: IDU in terms of sale, fine up to €30,000 (L. 541-9-5)",
    url: "https://www.citeo.com/faq-lidentifiant-unique",
    secondary: true,
    checked: "2026-12-01",
  },
  spainRpp: {
    title: "RD 1055/2022 art. 15: registration in the RPP packaging section; number on invoices",
    url: "https://camaralicante.com/?p=1245",
    secondary: true,
    checked: "2026-12-01",
  },
  ecoembesRpp: {
    title: "Ecoembes: Register of Producers (MITERD) under RD 1055/2022",
    url: "https://www.ecoembes.com/en/companies/register-of-producers",
    secondary: true,
    checked: "2026-12-01",
  },
  gpsr: {
    title: "Regulation (EU) 2023/988 (GPSR) Article 19, distance sales; applies from 13 Dec 2024",
    url: "https://eur-lex.europa.eu/eli/reg/2023/988/oj",
    secondary: true, // the article text was not in the search corpus; DOMAIN.md digest
    checked: "2026-12-01",
  },
  ecgt: {
    title: "Directive (EU) 2024/825 (ECGT): generic claims, offset-based neutrality, labels",
    url: "https://www.sorena.io/artifacts/eu/green-claims-directive/faq/ucpd-and-empowering-consumers-overlap",
    secondary: true,
    checked: "2026-12-01",
  },
  ecgtExcellence: {
    title:
      "2024/825 'recognised excellent environmental performance': EU Ecolabel or EN ISO 14024 type I",
    url: "https://minespider.com/glossary/terms/recognised-excellent-environmental-performance",
    secondary: true,
    checked: "2026-12-01",
  },
  prop65: {
    title:
      "Prop 65 short-form amendment: chemical named, effective 1 Jan 2025, mandatory 1 Jan 2028",
    url: "https://natlawreview.com/article/prop-65-changes-short-form-warnings-will-cause-long-term-impacts",
    secondary: true,
    checked: "2026-12-01",
  },
  prop65Safe: {
    title: "27 CCR § 25601 (operative 1 Jan 2025): name one chemical per endpoint",
    url: "https://print.casetext.com/regulation/california-code-of-regulations/title-27-environmental-protection/division-4-office-of-environmental-health-hazard-assessment/chapter-1-safe-drinking-water-and-toxic-enforcement-act-of-1986/article-6-clear-and-reasonable-warnings/subarticle-2-safe-harbor-methods-and-content/section-25601-operative-112025-safe-harbor-clear-and-reasonable-warnings-methods-and-content",
    secondary: true,
    checked: "2026-12-01",
  },
  cpsc: {
    title: "CPSC FAQ: Children's Product Certificate, third-party tested; eFiling from 8 Jul 2026",
    url: "https://cpsc.gov/FAQ/Children%E2%80%99s-Product-Certificate",
    secondary: false,
    checked: "2026-12-01",
  },
  chestnyZnak: {
    title: "Честный ЗНАК: mandatory marking groups (light industry, shoes, perfume…)",
    url: "https://ru.wikipedia-on-ipfs.org/wiki/Система_маркировки_и_прослеживаемости_товаров_(Россия)",
    secondary: true,
    checked: "2026-12-01",
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

import type {
  AgeBand,
  Area,
  ExploitationType,
  Gender,
  MeansOfControl,
  Phenomenon,
  RecruiterRelation,
  RecruitmentChannel,
  Sector,
  TransportMode,
} from '../record-fields'
import type { Weighted } from './seeded-random'

/** One way people come to be recorded: where from, how, and for what. */
export interface Route {
  citizenship: string
  origin: string
  transit: readonly string[]
  destination: string
  transport: readonly TransportMode[]
}

/**
 * A pattern of cases the synthetic data reproduces, drawn from the kinds
 * of routes and profiles that public annual reports on trafficking and
 * smuggling in Belgium describe.
 */
export interface RouteProfile {
  key: string
  phenomenon: Phenomenon
  routes: readonly Weighted<Route>[]
  genders: readonly Weighted<Gender>[]
  ageBands: readonly Weighted<AgeBand>[]
  exploitation: readonly Weighted<readonly ExploitationType[]>[]
  sectors: readonly Weighted<Sector | null>[]
  meansOfControl: readonly MeansOfControl[]
  recruiterRelations: readonly Weighted<RecruiterRelation>[]
  recruitment: readonly Weighted<RecruitmentChannel>[]
  areas: readonly Weighted<Area>[]
  /** Largest group one observation covers; most cover one person. */
  maxPersons: number
  /** How strongly the volume swings over the year, 0 for flat. */
  seasonalAmplitude: number
  /** Month (1–12) of the yearly peak. */
  peakMonth: number
}

const route = (
  citizenship: string,
  transit: readonly string[],
  destination: string,
  transport: readonly TransportMode[],
  origin = citizenship,
): Route => ({ citizenship, origin, transit, destination, transport })

const ADULTS: readonly Weighted<AgeBand>[] = [
  ['18-20', 8],
  ['21-23', 14],
  ['24-26', 16],
  ['27-29', 15],
  ['30-38', 24],
  ['39-47', 13],
  ['48+', 5],
  ['unknown', 5],
]

const YOUNG_ADULTS: readonly Weighted<AgeBand>[] = [
  ['9-17', 10],
  ['18-20', 22],
  ['21-23', 24],
  ['24-26', 18],
  ['27-29', 12],
  ['30-38', 8],
  ['unknown', 6],
]

export const WEST_AFRICA_CENTRAL_MEDITERRANEAN: RouteProfile = {
  key: 'west-africa-central-mediterranean',
  phenomenon: 'trafficking',
  routes: [
    [route('NG', ['NE', 'LY', 'IT', 'FR'], 'BE', ['road', 'sea']), 60],
    [route('NG', ['NE', 'LY', 'IT'], 'BE', ['road', 'sea', 'rail']), 20],
    [route('GH', ['BF', 'NE', 'LY', 'IT', 'FR'], 'BE', ['road', 'sea']), 10],
    [route('CM', ['NG', 'NE', 'LY', 'IT'], 'BE', ['road', 'sea']), 10],
  ],
  genders: [
    ['female', 88],
    ['male', 10],
    ['unknown', 2],
  ],
  ageBands: YOUNG_ADULTS,
  exploitation: [
    [['sexual'], 85],
    [['sexual', 'criminality'], 10],
    [['begging'], 5],
  ],
  sectors: [
    ['sex_industry', 90],
    [null, 10],
  ],
  meansOfControl: [
    'debt_bondage',
    'threats',
    'psychological_abuse',
    'takes_earnings',
    'withholds_documents',
    'false_promises',
  ],
  recruiterRelations: [
    ['friend', 35],
    ['family', 25],
    ['other', 25],
    ['unknown', 15],
  ],
  recruitment: [
    ['in_person', 70],
    ['online', 15],
    ['unknown', 15],
  ],
  areas: [
    ['antwerpen', 40],
    ['brussel-bruxelles', 30],
    ['liege', 15],
    ['oost-vlaanderen', 10],
    ['hainaut', 5],
  ],
  maxPersons: 2,
  seasonalAmplitude: 0.15,
  peakMonth: 9,
}

export const EASTERN_EUROPE_LABOUR: RouteProfile = {
  key: 'eastern-europe-labour',
  phenomenon: 'trafficking',
  routes: [
    [route('RO', ['HU', 'AT', 'DE'], 'BE', ['road']), 35],
    [route('BG', ['RO', 'HU', 'AT', 'DE'], 'BE', ['road']), 25],
    [route('UA', ['PL', 'DE'], 'BE', ['road']), 20],
    [route('MD', ['RO', 'HU', 'AT', 'DE'], 'BE', ['road']), 10],
    [route('PL', ['DE'], 'BE', ['road']), 10],
  ],
  genders: [
    ['male', 78],
    ['female', 20],
    ['unknown', 2],
  ],
  ageBands: ADULTS,
  exploitation: [
    [['labour'], 92],
    [['labour', 'criminality'], 8],
  ],
  sectors: [
    ['construction', 30],
    ['agriculture', 25],
    ['transport', 15],
    ['cleaning', 10],
    ['manufacturing', 10],
    ['hospitality', 10],
  ],
  meansOfControl: [
    'takes_earnings',
    'excessive_working_hours',
    'withholds_documents',
    'debt_bondage',
    'false_promises',
    'restricts_movement',
  ],
  recruiterRelations: [
    ['employer', 45],
    ['agency', 35],
    ['friend', 10],
    ['unknown', 10],
  ],
  recruitment: [
    ['agency', 40],
    ['online', 30],
    ['in_person', 25],
    ['unknown', 5],
  ],
  areas: [
    ['west-vlaanderen', 25],
    ['limburg', 20],
    ['antwerpen', 20],
    ['oost-vlaanderen', 15],
    ['hainaut', 10],
    ['leuven', 10],
  ],
  maxPersons: 12,
  seasonalAmplitude: 0.35,
  peakMonth: 7,
}

export const SMUGGLING_TOWARDS_UK: RouteProfile = {
  key: 'smuggling-through-belgium-towards-uk',
  phenomenon: 'smuggling',
  routes: [
    [route('ER', ['SD', 'LY', 'IT', 'FR'], 'GB', ['road', 'sea']), 22],
    [route('SD', ['LY', 'IT', 'FR'], 'GB', ['road', 'sea']), 15],
    [
      route('AF', ['IR', 'TR', 'BG', 'RS', 'HU', 'AT', 'DE'], 'GB', [
        'road',
        'foot',
      ]),
      20,
    ],
    [
      route('SY', ['TR', 'GR', 'MK', 'RS', 'HU', 'AT', 'DE'], 'GB', ['road']),
      13,
    ],
    [
      route('IQ', ['TR', 'GR', 'MK', 'RS', 'HU', 'AT', 'DE'], 'GB', ['road']),
      15,
    ],
    [route('VN', ['RU', 'PL', 'DE', 'NL'], 'GB', ['air', 'road']), 15],
  ],
  genders: [
    ['male', 85],
    ['female', 12],
    ['unknown', 3],
  ],
  ageBands: YOUNG_ADULTS,
  exploitation: [[[], 100]],
  sectors: [[null, 100]],
  meansOfControl: [],
  recruiterRelations: [
    ['other', 60],
    ['unknown', 40],
  ],
  recruitment: [
    ['in_person', 50],
    ['online', 30],
    ['unknown', 20],
  ],
  areas: [
    ['west-vlaanderen', 40],
    ['brussel-bruxelles', 25],
    ['oost-vlaanderen', 20],
    ['antwerpen', 10],
    ['leuven', 5],
  ],
  maxPersons: 25,
  seasonalAmplitude: 0.4,
  peakMonth: 8,
}

export const DOMESTIC_SERVITUDE: RouteProfile = {
  key: 'domestic-servitude',
  phenomenon: 'trafficking',
  routes: [
    [route('MA', ['ES', 'FR'], 'BE', ['air', 'road']), 40],
    [route('PH', [], 'BE', ['air']), 35],
    [route('IN', ['AE'], 'BE', ['air']), 25],
  ],
  genders: [
    ['female', 90],
    ['male', 10],
  ],
  ageBands: ADULTS,
  exploitation: [
    [['domestic_servitude'], 90],
    [['domestic_servitude', 'sexual'], 10],
  ],
  sectors: [['domestic_work', 100]],
  meansOfControl: [
    'withholds_documents',
    'restricts_movement',
    'excessive_working_hours',
    'takes_earnings',
    'psychological_abuse',
  ],
  recruiterRelations: [
    ['employer', 55],
    ['agency', 25],
    ['family', 20],
  ],
  recruitment: [
    ['agency', 45],
    ['family', 30],
    ['in_person', 25],
  ],
  areas: [
    ['brussel-bruxelles', 70],
    ['antwerpen', 15],
    ['waals-brabant', 15],
  ],
  maxPersons: 1,
  seasonalAmplitude: 0,
  peakMonth: 1,
}

export const FORCED_CRIMINALITY: RouteProfile = {
  key: 'forced-criminality',
  phenomenon: 'trafficking',
  routes: [
    [route('VN', ['RU', 'PL', 'DE', 'NL'], 'BE', ['air', 'road']), 50],
    [route('RO', ['HU', 'AT', 'DE'], 'BE', ['road']), 30],
    [route('BG', ['RO', 'HU', 'AT', 'DE'], 'BE', ['road']), 20],
  ],
  genders: [
    ['male', 70],
    ['female', 30],
  ],
  ageBands: [
    ['9-17', 40],
    ['18-20', 25],
    ['21-23', 15],
    ['24-26', 10],
    ['unknown', 10],
  ],
  exploitation: [
    [['criminality'], 70],
    [['begging'], 20],
    [['criminality', 'begging'], 10],
  ],
  sectors: [
    ['illicit_activities', 80],
    [null, 20],
  ],
  meansOfControl: [
    'debt_bondage',
    'threats',
    'uses_children',
    'restricts_movement',
  ],
  recruiterRelations: [
    ['family', 40],
    ['other', 40],
    ['unknown', 20],
  ],
  recruitment: [
    ['family', 40],
    ['in_person', 40],
    ['unknown', 20],
  ],
  areas: [
    ['limburg', 25],
    ['antwerpen', 25],
    ['brussel-bruxelles', 20],
    ['liege', 15],
    ['hainaut', 15],
  ],
  maxPersons: 3,
  seasonalAmplitude: 0.1,
  peakMonth: 10,
}

export const DOMESTIC_SEXUAL_EXPLOITATION: RouteProfile = {
  key: 'domestic-sexual-exploitation',
  phenomenon: 'trafficking',
  routes: [
    [route('BE', [], 'BE', ['road']), 80],
    [route('NL', [], 'BE', ['road', 'rail']), 10],
    [route('FR', [], 'BE', ['road', 'rail']), 10],
  ],
  genders: [
    ['female', 92],
    ['male', 8],
  ],
  ageBands: [
    ['9-17', 55],
    ['18-20', 30],
    ['21-23', 15],
  ],
  exploitation: [[['sexual'], 100]],
  sectors: [['sex_industry', 100]],
  meansOfControl: [
    'psychological_abuse',
    'false_promises',
    'psychoactive_substances',
    'threats',
    'sexual_abuse',
  ],
  recruiterRelations: [
    ['intimate_partner', 75],
    ['friend', 25],
  ],
  recruitment: [
    ['online', 70],
    ['in_person', 30],
  ],
  areas: [
    ['antwerpen', 15],
    ['oost-vlaanderen', 15],
    ['brussel-bruxelles', 15],
    ['hainaut', 12],
    ['liege', 12],
    ['limburg', 10],
    ['west-vlaanderen', 8],
    ['leuven', 6],
    ['namur', 4],
    ['luxembourg', 2],
    ['eupen', 1],
  ],
  maxPersons: 1,
  seasonalAmplitude: 0.05,
  peakMonth: 5,
}

export const SERVICE_SECTOR_LABOUR: RouteProfile = {
  key: 'service-sector-labour',
  phenomenon: 'trafficking',
  routes: [
    [route('CN', [], 'BE', ['air']), 25],
    [route('BR', ['PT'], 'BE', ['air']), 25],
    [route('MA', ['ES', 'FR'], 'BE', ['road']), 25],
    [route('PK', ['AE'], 'BE', ['air']), 25],
  ],
  genders: [
    ['male', 60],
    ['female', 40],
  ],
  ageBands: ADULTS,
  exploitation: [[['labour'], 100]],
  sectors: [
    ['hospitality', 35],
    ['car_wash', 25],
    ['beauty', 20],
    ['retail', 20],
  ],
  meansOfControl: [
    'takes_earnings',
    'excessive_working_hours',
    'threat_of_law_enforcement',
    'withholds_documents',
  ],
  recruiterRelations: [
    ['employer', 60],
    ['friend', 20],
    ['family', 20],
  ],
  recruitment: [
    ['in_person', 50],
    ['online', 30],
    ['family', 20],
  ],
  areas: [
    ['brussel-bruxelles', 35],
    ['antwerpen', 25],
    ['liege', 15],
    ['hainaut', 15],
    ['namur', 10],
  ],
  maxPersons: 6,
  seasonalAmplitude: 0.1,
  peakMonth: 12,
}

export const ROUTE_PROFILES: readonly RouteProfile[] = [
  WEST_AFRICA_CENTRAL_MEDITERRANEAN,
  EASTERN_EUROPE_LABOUR,
  SMUGGLING_TOWARDS_UK,
  DOMESTIC_SERVITUDE,
  FORCED_CRIMINALITY,
  DOMESTIC_SEXUAL_EXPLOITATION,
  SERVICE_SECTOR_LABOUR,
]

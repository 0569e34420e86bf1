/** The Open Government Licence attribution the reference data requires us to show (shared/data/README.md). */

export const DATA_ATTRIBUTION: readonly string[] = [
  'Contains OS data © Crown copyright and database right 2025',
  'Contains Royal Mail data © Royal Mail copyright and database right 2025',
  'Contains National Statistics data © Crown copyright and database right 2025',
  'Organisation Data Service (ODS) data © NHS England, licensed under the Open Government Licence v3.0',
  'Source: Office for National Statistics, licensed under the Open Government Licence v3.0',
];

export interface DataSource {
  name: string;
  what: string;
  publisher: string;
  dataDate: string;
}

/** The reference data sets the platform reads, with their publisher and date. */
export const DATA_SOURCES: readonly DataSource[] = [
  {
    name: 'Code-Point Open postcodes',
    what: 'Every GB postcode with its coordinates, and postcode district and sector centres',
    publisher: 'Ordnance Survey',
    dataDate: 'October 2025 (release 2025.4.0)',
  },
  {
    name: 'GP practices (epraccur)',
    what: 'GP practices and prescribing cost centres in England and Wales, with the sub-ICB location each belongs to',
    publisher: 'NHS England Organisation Data Service',
    dataDate: 'September 2025',
  },
  {
    name: 'Sub-ICB locations (eccg)',
    what: 'Commissioners: the sub-ICB locations that were clinical commissioning groups',
    publisher: 'NHS England Organisation Data Service',
    dataDate: 'July 2024',
  },
  {
    name: 'NHS trusts (etr)',
    what: 'NHS trusts, including closed ones',
    publisher: 'NHS England Organisation Data Service',
    dataDate: 'December 2024',
  },
  { name: 'Integrated care boards', what: 'ICB names and codes', publisher: 'Office for National Statistics', dataDate: 'December 2024' },
];

import { describe, expect, it } from 'vitest';
import { commissionerAreaName, odsNameInTitleCase } from '../../src/domains/reference/ods-names.rules.ts';

describe('ODS names in the words people use', () => {
  it.each([
    ['STATION ROAD SURGERY', 'Station Road Surgery'],
    ['FULWELL MEDICAL CENTRE,', 'Fulwell Medical Centre'],
    ['ORCHARD SURGERY,MELBOURN', 'Orchard Surgery, Melbourn'],
    ['PGPA CALDER AND RYBURN PCN', 'Pgpa Calder and Ryburn PCN'],
    ['NHS WEST YORKSHIRE ICB', 'NHS West Yorkshire ICB'],
    ['MCKENZIE HOUSE SURGERY', 'McKenzie House Surgery'],
    ["O'BRIEN MEDICAL PRACTICE", "O'Brien Medical Practice"],
    ["ST. MARY'S SURGERY", "St. Mary's Surgery"],
    ['DR S HUTCHINSON & PARTNERS', 'Dr S Hutchinson & Partners'],
    ['THE G.P.SUITE', 'The G.P.Suite'],
    ['DR THORNILEY-WALKER & PARTNERS', 'Dr Thorniley-Walker & Partners'],
    ['STOCKTON-ON-TEES MEDICAL GROUP', 'Stockton-on-Tees Medical Group'],
    ['THE SURGERY OF THE ISLES OF SCILLY', 'The Surgery of the Isles of Scilly'],
    ['Pennine Hearing Care (demo)', 'Pennine Hearing Care (demo)'],
  ])('writes %s as %s', (ods, plain) => {
    expect(odsNameInTitleCase(ods)).toBe(plain);
  });
});

describe('the area a commissioner serves', () => {
  const location = { localAuthority: 'Calderdale', sharesLocalAuthority: false, onlyLocationOfIcb: false };

  it('names a sub-ICB location by the local authority of its office', () => {
    expect(commissionerAreaName({ name: 'NHS West Yorkshire ICB - 02T', ...location })).toBe('Calderdale');
    expect(commissionerAreaName({ name: 'NHS WEST YORKSHIRE ICB - X2C4Y', ...location, localAuthority: 'Kirklees' })).toBe('Kirklees');
  });

  it('names it by its ICB when the local authority is unknown or shared with a neighbour, so two areas never look the same', () => {
    expect(commissionerAreaName({ name: 'NHS West Yorkshire ICB - 02T', ...location, localAuthority: null })).toBe('West Yorkshire');
    expect(
      commissionerAreaName({
        name: 'NHS LEICESTER, LEICESTERSHIRE AND RUTLAND ICB - 04C',
        ...location,
        localAuthority: 'Leicester',
        sharesLocalAuthority: true,
      }),
    ).toBe('Leicester, Leicestershire and Rutland');
  });

  it('names the only location of an ICB by the ICB, whose whole area it serves', () => {
    expect(
      commissionerAreaName({
        name: 'NHS CAMBRIDGESHIRE AND PETERBOROUGH ICB - 06H',
        ...location,
        localAuthority: 'East Cambridgeshire',
        onlyLocationOfIcb: true,
      }),
    ).toBe('Cambridgeshire and Peterborough');
  });

  it('names CCGs, ICBs and London reporting entities by their place', () => {
    expect(commissionerAreaName({ name: 'NHS CALDERDALE CCG', ...location, localAuthority: null })).toBe('Calderdale');
    expect(commissionerAreaName({ name: 'NHS West Yorkshire Integrated Care Board', ...location, localAuthority: null })).toBe(
      'West Yorkshire',
    );
    expect(commissionerAreaName({ name: 'CITY AND HACKNEY - SUB-ICB REPORTING ENTITY', ...location, localAuthority: null })).toBe(
      'City and Hackney',
    );
  });

  it('keeps any other name, in title case', () => {
    expect(commissionerAreaName({ name: 'NATIONAL COMMISSIONING HUB 1', ...location, localAuthority: null })).toBe(
      'National Commissioning Hub 1',
    );
  });
});

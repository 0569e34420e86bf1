/** NHS England's seven regions by ODS code: the parents of ICBs. Older region codes in ODS files are kept as text only. */

export const NHS_ENGLAND_REGIONS: readonly { odsCode: string; name: string }[] = [
  { odsCode: 'Y56', name: 'NHS England London' },
  { odsCode: 'Y58', name: 'NHS England South West' },
  { odsCode: 'Y59', name: 'NHS England South East' },
  { odsCode: 'Y60', name: 'NHS England Midlands' },
  { odsCode: 'Y61', name: 'NHS England East of England' },
  { odsCode: 'Y62', name: 'NHS England North West' },
  { odsCode: 'Y63', name: 'NHS England North East and Yorkshire' },
];

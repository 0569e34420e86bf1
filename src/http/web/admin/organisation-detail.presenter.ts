/** View-model for an organisation's page: summary-list rows including its chain of parents as links. */
import nunjucks from 'nunjucks';
import type { OrganisationDetail } from '../../../domains/reference/organisation-lookup.service.ts';
import { formatDate } from '../format.ts';

export interface SummaryRow {
  key: { text: string };
  value: { text?: string; html?: string };
}

/** Nunjucks' own HTML escaping (present at runtime, missing from @types/nunjucks). */
const escape = (text: string) => (nunjucks.lib as unknown as { escape(value: string): string }).escape(text);

/** The rows shown for an organisation, in the order a person reads them. */
export function organisationSummaryRows(organisation: OrganisationDetail): SummaryRow[] {
  const location =
    organisation.latitude !== null && organisation.longitude !== null
      ? `${organisation.latitude}, ${organisation.longitude} (from the ${organisation.geoPrecision ?? 'postcode'})`
      : 'Not placed: its postcode was not found in the postcode data';
  const rows: SummaryRow[] = [
    { key: { text: 'Address' }, value: { text: organisation.address ?? 'Not recorded' } },
    { key: { text: 'Postcode' }, value: { text: organisation.postcode ?? 'Not recorded' } },
    { key: { text: 'Location' }, value: { text: location } },
    { key: { text: 'Opened' }, value: { text: formatDate(organisation.openDate) || 'Not recorded' } },
    { key: { text: 'Closed' }, value: { text: formatDate(organisation.closeDate) || 'Open' } },
  ];
  organisation.parents.forEach((parent, index) => {
    const name = escape(parent.name);
    const html = parent.odsCode
      ? `<a href="/admin/organisations/${encodeURIComponent(parent.odsCode)}">${name}</a> (${escape(parent.odsCode)})`
      : name;
    rows.push({ key: { text: index === 0 ? 'Part of' : 'Within' }, value: { html } });
  });
  return rows;
}

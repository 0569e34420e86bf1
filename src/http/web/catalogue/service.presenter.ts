/** View-model of a service's implementation pack: the words and tables a commissioner reads before adopting it. */
import type { Citation, PackContent, PackSection } from '../../../domains/catalogue/implementation-pack.schema.ts';
import { formatPence } from '../../../lib/money.ts';

const ROUTES: Record<string, string> = { gp: 'GP', 'other-clinician': 'Other clinician', self: 'Self-referral' };

const OTHER_SECTIONS: { section: PackSection; heading: string }[] = [
  { section: 'currency', heading: 'Currency' },
  { section: 'complexityBands', heading: 'Complexity bands' },
  { section: 'kpis', heading: 'Key performance indicators' },
  { section: 'tariff', heading: 'Tariff' },
  { section: 'protocol', heading: 'Referral protocol' },
  { section: 'informationModel', heading: 'Information model' },
];

/** One line per citation naming the original document, saying plainly when the source marks the fact unconfirmed; the internal note stays off the page. */
function citationLines(sources: readonly Citation[], section: PackSection) {
  return sources
    .filter((citation) => citation.section === section)
    .map((citation) => ({
      publisher: citation.publisher,
      title: citation.title,
      date: citation.date,
      url: citation.url,
      detail: `${citation.location}${citation.note ? `. ${citation.note}` : ''}${citation.confirmed ? '' : ' (not confirmed by the source: kept as an assumption)'}`,
    }));
}

/** The pack as a commissioner reads it, each section with the sources it rests on (packs before version 2 have none). */
export function packView(content: PackContent) {
  const { protocol, tariff, currency } = content;
  const ages =
    protocol.ageMin !== undefined && protocol.ageMax !== undefined
      ? `${protocol.ageMin} to ${protocol.ageMax}`
      : protocol.ageMin !== undefined
        ? `${protocol.ageMin} and over`
        : protocol.ageMax !== undefined
          ? `${protocol.ageMax} and under`
          : 'Any age';
  const sources = content.sources ?? [];
  return {
    specification: [
      { heading: '1. Population needs', text: content.specification.populationNeeds, sources: citationLines(sources, 'populationNeeds') },
      { heading: '2. Scope', text: content.specification.scope, sources: citationLines(sources, 'scope') },
      { heading: '3. Outcomes', text: content.specification.outcomes, sources: citationLines(sources, 'outcomes') },
      {
        heading: '4. Service description and pathway',
        text: content.specification.serviceDescription,
        sources: citationLines(sources, 'serviceDescription'),
      },
      {
        heading: '5. Applicable standards',
        text: content.specification.applicableStandards,
        sources: citationLines(sources, 'applicableStandards'),
      },
    ],
    otherSources: OTHER_SECTIONS.map(({ section, heading }) => ({ heading, lines: citationLines(sources, section) })).filter(
      (group) => group.lines.length > 0,
    ),
    currency: `Per ${currency.unit}${currency.sessionCap ? `, up to ${currency.sessionCap} sessions` : ''}${currency.minimumPathwayYears ? `, at least ${currency.minimumPathwayYears} years` : ''}. ${currency.description}`,
    tariff:
      tariff.pricePence !== undefined
        ? `${formatPence(tariff.pricePence)} per ${currency.unit} (${tariff.kind}). ${tariff.note}`
        : `Local price to be set. ${tariff.note}`,
    kpis: content.kpis.map((kpi) => ({
      description: kpi.description,
      target: `${kpi.thresholdPercent}%${kpi.withinDays ? ` within ${kpi.withinDays} ${kpi.dayKind === 'working' ? 'working ' : ''}days` : ''}`,
      source: kpi.source ?? '',
    })),
    bands: content.complexityBands,
    informationModel: content.informationModel,
    protocol: {
      ages,
      routes: protocol.routes.map((route) => ROUTES[route] ?? route).join(', '),
      priorities: protocol.priorities.join(', '),
      deadline: `${protocol.acceptanceDeadlineWorkingDays} working days`,
      repeatLimit: protocol.repeatLimit
        ? `${protocol.repeatLimit.maxReferrals} per ${protocol.repeatLimit.per === 'body-area' ? 'body area' : 'patient'} in ${protocol.repeatLimit.withinMonths} months`
        : 'None',
      exclusions: protocol.exclusions,
      prerequisites: protocol.prerequisites,
    },
  };
}

/** What each side is told at each step of a breach (decision 0056): which KPI, the figure, what was done and what happens next, by date. */
/** The parts of a breach a message names. */
export interface BreachNaming {
  reference: string;
  offer: { reference: string; title: string };
  provider: { name: string };
  commissioner: { name: string };
  kpi: {
    name: string;
    endMonth: string;
    thresholdPercent: number;
    direction: string;
    numerator: number;
    denominator: number;
    percentTenths: number | null;
  };
}

export interface BreachMessage {
  subject: string;
  body: string;
}

/** The figure in words: "80.0% (8 of 10) against at least 90%". */
export function figureInWords(kpi: BreachNaming['kpi']): string {
  const value = kpi.percentTenths === null ? 'no value' : `${(kpi.percentTenths / 10).toFixed(1)}%`;
  const against = `${kpi.direction === 'at-most' ? 'at most' : 'at least'} ${kpi.thresholdPercent}%`;
  return `${value} (${kpi.numerator} of ${kpi.denominator}) against ${against}`;
}

const what = (breach: BreachNaming) =>
  `${breach.kpi.name} on ${breach.offer.reference} ${breach.offer.title}, period ending ${breach.kpi.endMonth}: ${figureInWords(breach.kpi)}`;
const sentence = (text: string) => text.trim().replace(/[.\s]+$/, '');

/** Opening: the provider learns its KPI fell short and a notice may follow; the commissioner that a breach awaits its decision. */
export function breachOpenedMessages(breach: BreachNaming): { provider: BreachMessage; commissioner: BreachMessage } {
  return {
    provider: {
      subject: `KPI breach ${breach.reference}: ${breach.kpi.name}`,
      body: `Your performance fell short of a KPI in your contract. ${what(breach)}. ${breach.commissioner.name} may issue a contract performance notice; you will be asked to respond.`,
    },
    commissioner: {
      subject: `KPI breach ${breach.reference}: ${breach.provider.name}`,
      body: `${breach.provider.name} fell short of a KPI. ${what(breach)}. Issue a contract performance notice, or close the breach if no action is needed.`,
    },
  };
}

/** The step messages: to the provider for the commissioner's steps, to the commissioner for the provider's response. */
export const BREACH_STEP_MESSAGES = {
  notice: (breach: BreachNaming, input: { text: string; respondBy: string }): BreachMessage => ({
    subject: `Contract performance notice ${breach.reference}`,
    body: `${breach.commissioner.name} has issued a contract performance notice about ${what(breach)}. Notice: ${sentence(input.text)}. Respond by ${input.respondBy}: without a response the commissioner may escalate.`,
  }),
  response: (breach: BreachNaming, input: { meetBy: string }): BreachMessage => ({
    subject: `Response to contract performance notice ${breach.reference}`,
    body: `${breach.provider.name} has responded to your contract performance notice about ${what(breach)}. Meet and agree a remedial action plan by ${input.meetBy}.`,
  }),
  plan: (breach: BreachNaming, input: { milestones: readonly { description: string; dueOn: string }[] }): BreachMessage => ({
    subject: `Remedial action plan agreed for ${breach.reference}`,
    body: `${breach.commissioner.name} has recorded the remedial action plan for ${what(breach)}. Milestones: ${input.milestones.map((milestone) => `${sentence(milestone.description)} by ${milestone.dueOn}`).join('; ')}. A missed milestone may be escalated.`,
  }),
  milestone: (breach: BreachNaming, input: { description: string; outcome: string; on: string }): BreachMessage => ({
    subject: `Milestone ${input.outcome === 'met' ? 'met' : 'missed'} on ${breach.reference}`,
    body: `${breach.commissioner.name} has recorded the milestone “${sentence(input.description)}” as ${input.outcome === 'met' ? `met on ${input.on}` : 'missed'}.${input.outcome === 'met' ? '' : ' The commissioner may escalate the breach.'}`,
  }),
  close: (breach: BreachNaming, input: { reason: string }): BreachMessage => ({
    subject: `KPI breach ${breach.reference} closed`,
    body: `${breach.commissioner.name} has closed the breach about ${what(breach)}. Reason: ${sentence(input.reason)}.`,
  }),
  withdraw: (breach: BreachNaming, input: { reason: string }): BreachMessage => ({
    subject: `Contract performance notice ${breach.reference} withdrawn`,
    body: `${breach.commissioner.name} has withdrawn the contract performance notice about ${what(breach)}. Reason: ${sentence(input.reason)}.`,
  }),
  escalate: (breach: BreachNaming, input: { reason: string }): BreachMessage => ({
    subject: `KPI breach ${breach.reference} escalated`,
    body: `${breach.commissioner.name} has escalated the breach about ${what(breach)}. Reason: ${sentence(input.reason)}. The commissioner may now suspend your listing on this offer or agree a revised remedial action plan.`,
  }),
  suspend: (breach: BreachNaming, input: { reason: string }): BreachMessage => ({
    subject: `KPI breach ${breach.reference}: listing stays suspended`,
    body: `${breach.commissioner.name} has ended the breach about ${what(breach)} with the suspension of your listing on ${breach.offer.reference}, which was already suspended. Reason: ${sentence(input.reason)}.`,
  }),
};

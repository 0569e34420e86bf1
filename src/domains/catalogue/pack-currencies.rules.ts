/** The units a pack pays (issue #14 item 1; decision 0042): their own rules, and the single currency older packs imply. */
import type { FieldError } from '../../lib/errors.ts';
import type { PayableCurrency } from './payable-currency.schema.ts';

/** The single currency of packs written before currencies (`PackContent['currency']`). */
interface SingleCurrency {
  unit: 'pathway' | 'episode' | 'session' | 'test' | 'provision';
  sessionCap?: number;
  description: string;
}

const DERIVED_NAMES: Record<SingleCurrency['unit'], string> = {
  pathway: 'Pathway',
  episode: 'Episode of care',
  session: 'Session',
  test: 'Test',
  provision: 'Provision',
};

/** Units that can be paid again and again for one referral, so only they take a cap. */
const CAPPED_UNITS: readonly PayableCurrency['unit'][] = ['episode', 'session'];

/**
 * The currencies a pack pays. Packs written before currencies existed have one `currency`; it stands for a single
 * currency coded by its unit (`pathway`), paid once per referral unless it is a session, with DNAs not payable.
 */
export function currenciesOf(content: { currency: SingleCurrency; currencies?: PayableCurrency[] }): PayableCurrency[] {
  if (content.currencies?.length) return content.currencies;
  const { unit, sessionCap, description } = content.currency;
  return [
    {
      code: unit,
      name: DERIVED_NAMES[unit],
      unit,
      oncePerReferral: unit !== 'session',
      dnaPayable: false,
      ...(sessionCap !== undefined && CAPPED_UNITS.includes(unit) ? { sessionCap } : {}),
      description,
    },
  ];
}

function currencyErrors(currency: PayableCurrency, index: number, seen: Set<string>): FieldError[] {
  const at = (part: string) => `currencies.${index}.${part}`;
  const errors: FieldError[] = [];
  if (seen.has(currency.code))
    errors.push({ field: at('code'), message: `Give each currency a different code: ${currency.code} is used twice` });
  seen.add(currency.code);
  if (currency.unit === 'episode' && currency.sessionCap === undefined)
    errors.push({ field: at('sessionCap'), message: 'An episode currency needs a session cap' });
  if (currency.sessionCap !== undefined && !CAPPED_UNITS.includes(currency.unit))
    errors.push({ field: at('sessionCap'), message: 'Only an episode or session currency has a session cap' });
  if (currency.unit === 'session' && currency.oncePerReferral)
    errors.push({ field: at('oncePerReferral'), message: 'A session currency is paid per session, not once per referral' });
  return errors;
}

/** Field errors for a pack's currencies beyond their shape: unique codes, and a cap only where sessions repeat. */
export function currenciesFieldErrors(currencies: readonly PayableCurrency[] | undefined): FieldError[] {
  if (!currencies) return [];
  const seen = new Set<string>();
  return currencies.flatMap((currency, index) => currencyErrors(currency, index, seen));
}

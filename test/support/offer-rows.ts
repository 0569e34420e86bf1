/** A test builder that inserts offers and their coverage straight into the offers tables, for tests that read offers (the map) or need one to refer to. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

type OfferStatus = 'draft' | 'published' | 'open' | 'closed' | 'withdrawn';

export class OfferRowsBuilder {
  private serviceCode = 'adult-hearing';
  private odsCodes: string[] = [];
  private status: OfferStatus = 'published';
  private title?: string;
  private withProtocol = false;

  constructor(private readonly db: Kysely<Database>) {}

  forService(code: string): this {
    this.serviceCode = code;
    return this;
  }

  /** The commissioners the offer covers, by ODS code; the first leads it. */
  coveringOds(...odsCodes: string[]): this {
    this.odsCodes.push(...odsCodes);
    return this;
  }

  withStatus(status: OfferStatus): this {
    this.status = status;
    return this;
  }

  titled(title: string): this {
    this.title = title;
    return this;
  }

  /** Gives the offer its pack's referral protocol as version 1, as opening an offer does, so referrals can be judged against it. */
  withPackProtocol(): this {
    this.withProtocol = true;
    return this;
  }

  /** Inserts the offer on the service's latest pack and its coverage rows; returns the offer's id. */
  async insert(): Promise<{ id: string }> {
    if (this.odsCodes.length === 0) throw new Error('an offer must cover at least one commissioner: call coveringOds()');
    const service = await this.db
      .selectFrom('services')
      .select(['id', 'name'])
      .where('code', '=', this.serviceCode)
      .executeTakeFirstOrThrow();
    const pack = await this.db
      .selectFrom('implementation_packs')
      .select(['id', 'content'])
      .where('service_id', '=', service.id)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (!pack) throw new Error(`${this.serviceCode} has no implementation pack to adopt; use a national priority service`);
    const organisations = await this.db
      .selectFrom('organisations')
      .select(['id', 'ods_code'])
      .where('ods_code', 'in', this.odsCodes)
      .execute();
    const ids = this.odsCodes.map((code) => {
      const found = organisations.find((organisation) => organisation.ods_code === code);
      if (!found) throw new Error(`no organisation with ODS code ${code}`);
      return found.id;
    });
    return this.db.transaction().execute(async (trx) => {
      const offer = await trx
        .insertInto('offers')
        .values({
          lead_organisation_id: ids[0]!,
          service_id: service.id,
          pack_id: pack.id,
          title: this.title ?? `${service.name} (test offer)`,
          amendments: '[]',
          status: this.status,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('offer_commissioners')
        .values(ids.map((organisationId) => ({ offer_id: offer.id, organisation_id: organisationId })))
        .execute();
      if (this.withProtocol)
        await trx
          .insertInto('offer_protocols')
          .values({
            offer_id: offer.id,
            version: 1,
            content: JSON.stringify((pack.content as { protocol: unknown }).protocol),
            created_by_user_id: null,
          })
          .execute();
      return { id: offer.id };
    });
  }
}

/** Starts an offer row: `anOffer(db).forService('adult-hearing').coveringOds('02T').withStatus('published').insert()`. */
export function anOffer(db: Kysely<Database>): OfferRowsBuilder {
  return new OfferRowsBuilder(db);
}

/** The soak's kinds of traffic over the national dataset: referrals created, their choice lists viewed and chosen from, directory searches and provider worklists, sharing what each has made so far. */
import type { Deps } from '../src/domains/deps.ts';
import { createApiKey } from '../src/domains/identity/api-key.service.ts';
import { apiListsSites, type DirectorySearch, pageListsSites, searchPaths } from './directory-queries.ts';
import type { NewReferralRequest } from './referral-bodies.ts';
import { type Fire, type KindStats, timed } from './soak-traffic.ts';

interface Awaiting {
  ubrn: string;
  token: string;
}
interface FirstEntry {
  listingId: string;
  siteId: string;
  providerOrganisationId: string;
}

/** How many referrals awaiting choice the soak remembers to view and choose: the newest. */
const REMEMBERED = 2_000;

const json = (token: string, body?: string): RequestInit => ({
  method: body ? 'POST' : 'GET',
  headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
  ...(body ? { body } : {}),
});

/** The state the kinds share: referrals awaiting choice, their latest first entries, and providers' keys for their worklists. */
export class SoakJourneys {
  private readonly awaiting: Awaiting[] = [];
  private readonly listed = new Map<string, Awaiting & FirstEntry>();
  /** Referrals with a request in flight: never viewed and chosen at once (a view after the choice is rightly refused). */
  private readonly busy = new Set<string>();
  private readonly providerKeys: string[] = [];
  private readonly keyed = new Set<string>();
  private searchTurn = 0;
  created = 0;
  chosen = 0;

  constructor(
    private readonly deps: Deps,
    private readonly base: string,
    private readonly nextReferral: () => NewReferralRequest,
    private readonly searches: DirectorySearch[],
  ) {}

  /** A new referral through the API, remembered for its choice list. */
  readonly create: Fire = (stats) => {
    const referral = this.nextReferral();
    return timed(stats, `${this.base}/api/v1/referrals`, json(referral.token, referral.body), (status) =>
      status === 201 ? undefined : `HTTP ${status}: not saved`,
    ).then((body) => {
      if (!body) return;
      this.created += 1;
      this.awaiting.push({ ubrn: (JSON.parse(body) as { ubrn: string }).ubrn, token: referral.token });
      if (this.awaiting.length > REMEMBERED) this.listed.delete(this.awaiting.shift()!.ubrn);
    });
  };

  /** The choice list of a recent referral still awaiting choice (viewed again now and then, as a GP or patient returns to it). */
  readonly view: Fire = (stats) => {
    const referral = this.pick(this.awaiting);
    if (!referral) return undefined;
    this.busy.add(referral.ubrn);
    return timed(stats, `${this.base}/api/v1/referrals/${referral.ubrn}/choice-list`, json(referral.token), (status, body) =>
      body.includes('"rank":1') ? undefined : `HTTP ${status}: no entries`,
    )
      .then((body) => {
        if (!body) return;
        const first = (JSON.parse(body) as { entries: FirstEntry[] }).entries[0]!;
        this.listed.set(referral.ubrn, { ...referral, ...first });
      })
      .finally(() => this.busy.delete(referral.ubrn));
  };

  /** The first entry of a viewed choice list chosen: the referral is sent, and its provider's worklist watched from then on. */
  readonly choose: Fire = (stats) => {
    const entry = this.pick([...this.listed.values()].slice(-50));
    if (!entry) return undefined;
    this.listed.delete(entry.ubrn);
    const index = this.awaiting.findIndex((referral) => referral.ubrn === entry.ubrn);
    if (index >= 0) this.awaiting.splice(index, 1);
    this.busy.add(entry.ubrn);
    const body = JSON.stringify({ listingId: entry.listingId, siteId: entry.siteId });
    return timed(stats, `${this.base}/api/v1/referrals/${entry.ubrn}/choice`, json(entry.token, body), (status, answer) =>
      answer.includes('"sent"') ? undefined : `HTTP ${status}: not sent`,
    )
      .then(async (answer) => {
        if (!answer) return;
        this.chosen += 1;
        await this.watchWorklist(entry.providerOrganisationId);
      })
      .finally(() => this.busy.delete(entry.ubrn));
  };

  /** A directory search by the public, alternately the API and the page. */
  readonly search: Fire = (stats) => {
    const turn = this.searchTurn++;
    const paths = searchPaths(this.searches[Math.floor(turn / 2) % this.searches.length]!);
    return turn % 2 === 0
      ? timed(stats, `${this.base}${paths.api}`, {}, apiListsSites).then(() => undefined)
      : timed(stats, `${this.base}${paths.page}`, {}, pageListsSites).then(() => undefined);
  };

  /** A provider that has been sent referrals looks at its worklist. */
  readonly worklist: Fire = (stats) => {
    const token = this.providerKeys[Math.floor(Math.random() * this.providerKeys.length)];
    if (!token) return undefined;
    return timed(stats, `${this.base}/api/v1/worklists/provider`, json(token), (status, body) =>
      body.includes('"items":[') ? undefined : `HTTP ${status}: no worklist`,
    ).then(() => undefined);
  };

  /** The load balancer's health probe. */
  readonly health: Fire = (stats: KindStats) => timed(stats, `${this.base}/health/live`, {}).then(() => undefined);

  private pick<T extends { ubrn: string }>(from: T[]): T | undefined {
    for (let attempt = 0; attempt < 5 && from.length; attempt += 1) {
      const candidate = from[from.length - 1 - Math.floor(Math.random() * Math.min(from.length, 200))]!;
      if (!this.busy.has(candidate.ubrn)) return candidate;
    }
    return undefined;
  }

  private async watchWorklist(providerId: string): Promise<void> {
    if (this.keyed.has(providerId)) return;
    this.keyed.add(providerId);
    const { token } = await createApiKey(
      this.deps,
      { principal: null, clientAddress: null },
      { organisationId: providerId, name: 'Soak benchmark', role: 'provider-admin' },
      { trusted: true },
    );
    this.providerKeys.push(token);
  }
}

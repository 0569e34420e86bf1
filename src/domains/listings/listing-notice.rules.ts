/** The notice a provider receives when a commissioner suspends, reinstates or terminates its listing (issue #11 item 12), worded as the compliance run's suspensions are. */

export type ListingNoticeAction = 'suspended' | 'reinstated' | 'terminated';

export interface ListingNotice {
  subject: string;
  body: string;
}

const SUBJECTS: Record<ListingNoticeAction, string> = {
  suspended: 'Listing suspended',
  reinstated: 'Listing suspension lifted',
  terminated: 'Listing terminated',
};

const NEXT_STEPS: Record<ListingNoticeAction, string> = {
  suspended:
    'Patients cannot choose you for this offer until the commissioner lifts the suspension. Contact the commissioner to agree what must change.',
  reinstated: 'Patients can choose you for this offer again from today, or from your contract start date if it is later.',
  terminated:
    'Patients can no longer choose you for this offer and your contract for it has ended. If the offer is still open, you may apply again with a new application.',
};

/** Says what the commissioner did, on which offer, why, and what happens next, so the provider never learns of it only from the directory. */
export function listingNotice(
  action: ListingNoticeAction,
  input: { offerReference: string; offerTitle: string; commissionerName: string; reason: string },
): ListingNotice {
  const verb = action === 'reinstated' ? 'lifted the suspension of' : action === 'suspended' ? 'suspended' : 'terminated';
  return {
    subject: SUBJECTS[action],
    body: `${input.commissionerName} has ${verb} your listing on ${input.offerReference} ${input.offerTitle}. Reason: ${input.reason.trim().replace(/[.\s]+$/, '')}. ${NEXT_STEPS[action]}`,
  };
}

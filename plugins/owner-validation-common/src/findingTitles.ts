import { OwnerFindingType } from './types';

/** Human titles of the finding types. */
export const FINDING_TYPE_TITLES: Record<OwnerFindingType, string> = {
  missingOwner: 'Missing owner',
  invalidOwnerRef: 'Invalid owner reference',
  ownerNotFound: 'Owner not found',
  ownerRefused: 'Owner refused by the catalog',
  departedUser: 'Owner has left',
  emptyGroup: 'Owner group has no members',
  userOwner: 'Owned by a person',
};

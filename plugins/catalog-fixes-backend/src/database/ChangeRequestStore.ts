import {
  ChangeRequest,
  ChangeRequestEntity,
} from '@internal/plugin-catalog-fixes-common';

/** Where a change request lives. */
export type ChangeRequestProvider = ChangeRequest['provider'];

/** One entity a change request changes, with the blob hash of its file when proposed. */
export interface ChangeRequestEntityRecord {
  entityRef: string;
  path: string;
  baseHash: string;
  fix: ChangeRequestEntity['fix'];
}

/** A change request as stored: what the API serves, plus the commits and hashes merging checks. */
export interface ChangeRequestRecord
  extends Omit<ChangeRequest, 'entities' | 'createdAt' | 'decidedAt'> {
  headCommit?: string;
  createdAt: Date;
  decidedAt?: Date;
  entities: ChangeRequestEntityRecord[];
}

/** A change request to store. */
export type NewChangeRequest = Omit<
  ChangeRequestRecord,
  'id' | 'status' | 'reason' | 'decidedBy' | 'decidedAt'
>;

/** A decision on an open change request. */
export interface ChangeRequestDecision {
  status: 'merged' | 'rejected';
  decidedBy: string;
  decidedAt: Date;
  reason?: string;
  /** The commit the default branch was moved to, when merged. */
  headCommit?: string;
}

/** Change requests and the entities they change. */
export interface ChangeRequestStore {
  create(request: NewChangeRequest): Promise<ChangeRequestRecord>;
  get(id: number): Promise<ChangeRequestRecord | undefined>;
  list(filter: {
    status?: ChangeRequest['status'];
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: ChangeRequestRecord[]; totalCount: number }>;
  /** Decides an open change request; undefined when it is not open (any more). */
  decide(
    id: number,
    decision: ChangeRequestDecision,
  ): Promise<ChangeRequestRecord | undefined>;
}

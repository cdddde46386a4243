import {
  Handover,
  HandoverEntity,
  HandoverPlan,
  PlannedHandoverEntity,
} from '@internal/plugin-catalog-fixes-common';

/** A handover entity as planned by a sync: the suggestion and where its file is. */
export interface SyncedHandoverEntity extends PlannedHandoverEntity {
  provider?: HandoverEntity['provider'];
  /** The repository, when the portal can open a change request there. */
  repository?: string;
  path?: string;
}

/** A handover to record: its subject and every entity the subject owns now. */
export interface SyncedHandoverPlan extends Omit<HandoverPlan, 'entities'> {
  entities: SyncedHandoverEntity[];
}

/** A handover as stored, with its entities (their state worked out from their change requests). */
export interface HandoverRecord
  extends Omit<Handover, 'createdAt' | 'entities'> {
  createdAt: Date;
  entities: HandoverEntity[];
}

/** What a sync changed. */
export interface HandoverSyncResult {
  opened: number[];
  added: number;
  resolved: number;
}

/** Entities whose suggested team has not been told yet, per handover and team. */
export interface UnnotifiedHandover {
  handoverId: number;
  subjectRef: string;
  team: string;
  entityRefs: string[];
}

/** Handovers of departed people's and emptied groups' entities. */
export interface HandoverStore {
  /**
   * Records the current plans in one transaction: opens a handover for a new subject, adds new
   * entities to an open one, marks entities whose finding went away resolved (unless accepted),
   * and completes handovers with nothing left to hand over.
   */
  sync(plans: SyncedHandoverPlan[], now: Date): Promise<HandoverSyncResult>;
  list(filter: { status?: Handover['status'] }): Promise<HandoverRecord[]>;
  get(id: number): Promise<HandoverRecord | undefined>;
  /**
   * Marks pending entities accepted for a team, all or none: throws `ConflictError` naming an
   * entity that is not pending any more.
   */
  claim(
    id: number,
    claims: Array<{ entityRef: string; team: string }>,
    acceptedBy: string,
    at: Date,
  ): Promise<void>;
  /** Links accepted entities to the change request that hands them over. */
  attach(
    id: number,
    entityRefs: string[],
    changeRequestId: number,
  ): Promise<void>;
  /** Makes accepted entities pending again (their change request could not be opened). */
  release(id: number, entityRefs: string[]): Promise<void>;
  unnotified(): Promise<UnnotifiedHandover[]>;
  markNotified(handoverId: number, team: string, at: Date): Promise<void>;
}

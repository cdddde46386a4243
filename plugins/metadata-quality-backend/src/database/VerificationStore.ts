import { Confirmation } from '@internal/plugin-metadata-quality-common';

/** A confirmation of an entity by its owners. */
export interface ConfirmationRow extends Confirmation {
  entityRef: string;
}

/** A confirmation with the entity's owner at its last evaluation, for reminders. */
export interface ScoredConfirmation extends ConfirmationRow {
  /** The owner the entity had when it was last scored; undefined when it has none. */
  currentOwnerRef?: string;
  title?: string;
  kind: string;
  namespace: string;
  name: string;
}

/** A scored entity its owners never confirmed, with when its current content was first seen. */
export interface UnconfirmedEntity {
  entityRef: string;
  ownerRef: string;
  changedAt: Date;
  title?: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Storage of owners' confirmations and of the notifications sent about entities. */
export interface VerificationStore {
  /** Replaces the confirmation of each entity. */
  confirm(rows: ConfirmationRow[]): Promise<void>;
  /** The latest confirmation of entities (lower-case refs), by ref; all of them without refs. */
  getConfirmations(entityRefs?: string[]): Promise<Map<string, Confirmation>>;
  /** Confirmations of scored entities, with the owner each has now. */
  scoredConfirmations(): Promise<ScoredConfirmation[]>;
  /**
   * Owned, scored entities under the confirmation rule that were never confirmed and whose content
   * was first seen before `changedBefore`.
   */
  unconfirmedSince(changedBefore: Date): Promise<UnconfirmedEntity[]>;
  /** Whether a notice about an entity and subject was sent. */
  wasNoticeSent(
    entityRef: string,
    notice: string,
    subject: string,
  ): Promise<boolean>;
  /** Records a sent notice. */
  recordNotice(
    entityRef: string,
    notice: string,
    subject: string,
    sentAt: Date,
  ): Promise<void>;
}

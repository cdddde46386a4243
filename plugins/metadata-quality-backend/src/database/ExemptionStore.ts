import {
  ActiveExemption,
  Exemption,
} from '@internal/plugin-metadata-quality-common';

/** A new request to exempt an entity from a rule. */
export interface ExemptionRequest {
  entityRef: string;
  ruleId: string;
  reason: string;
  until: Date;
  requestedBy: string;
  requestedAt: Date;
}

/** Storage of exemptions; rows are never deleted (the audit trail). */
export interface ExemptionStore {
  request(request: ExemptionRequest): Promise<Exemption>;
  get(id: number): Promise<Exemption | undefined>;
  /** Records a decision on a request still awaiting one; undefined when it was already decided. */
  decide(
    id: number,
    decision: {
      status: 'approved' | 'denied';
      decidedBy: string;
      decidedAt: Date;
      comment: string;
    },
  ): Promise<Exemption | undefined>;
  list(filter: { status?: string; entityRef?: string }): Promise<Exemption[]>;
  /** Approved exemptions of entities, by ref (the scoring ignores ended ones). */
  approvedFor(entityRefs: string[]): Promise<Map<string, ActiveExemption[]>>;
  /** Approved exemptions that ended by `now` and were not yet marked expired. */
  endedBy(now: Date): Promise<Exemption[]>;
  markExpired(id: number, at: Date): Promise<void>;
}

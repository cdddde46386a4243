/**
 * One lease for the in-house backends' full runs across replicas.
 *
 * @packageDocumentation
 */
export {
  DatabaseRunLease,
  HEARTBEAT_MS,
  STALE_AFTER_SECONDS,
} from './DatabaseRunLease';

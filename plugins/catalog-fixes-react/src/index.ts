/**
 * The Propose fix button and dialog other plugins show next to a finding, and the catalog fixes
 * API reference.
 *
 * @packageDocumentation
 */
export { catalogFixesApiRef, errorText } from './api';
export { ProposeFixButton } from './ProposeFixButton';
export { ProposeFixDialog, CHANGE_REQUESTS_PATH } from './ProposeFixDialog';
export { DiffView } from './DiffView';
export { ageOf } from './ageOf';
export { listTableOptions } from './listTableOptions';
export { HandoversCard, HANDOVERS_PATH } from './handovers/HandoversCard';
export { HandoverDetail } from './handovers/HandoverDetail';
export {
  DecisionWithComment,
  type DecisionAction,
} from './DecisionWithComment';

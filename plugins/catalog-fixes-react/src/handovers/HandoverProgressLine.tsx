import type { Handover } from '@internal/plugin-catalog-fixes-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** "3 of 5 entities handed over · 1 change request open, 1 merged", with a bar. */
export function HandoverProgressLine(props: { handover: Handover }) {
  const { progress, status } = props.handover;
  const { total, handedOver, openChangeRequests, mergedChangeRequests } =
    progress;
  const requests = openChangeRequests + mergedChangeRequests;
  return (
    <Box minWidth={220}>
      <Typography variant="body2">
        {status === 'completed' ? 'Complete: ' : ''}
        {handedOver} of {total} {total === 1 ? 'entity' : 'entities'} handed
        over
      </Typography>
      <LinearProgress
        variant="determinate"
        value={total ? (100 * handedOver) / total : 100}
        aria-label={`${handedOver} of ${total} handed over`}
      />
      <Typography variant="caption">
        {requests === 0
          ? 'No change request yet'
          : `${requests} change request${
              requests === 1 ? '' : 's'
            }: ${openChangeRequests} open, ${mergedChangeRequests} merged`}
      </Typography>
    </Box>
  );
}

/** Why the entities need a new owner. */
export function reasonText(handover: Pick<Handover, 'reason'>): string {
  return handover.reason === 'departedUser' ? 'left' : 'has no members';
}

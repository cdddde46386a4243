import { EvaluationSummary } from '@internal/plugin-metadata-quality-common';
import { Box, Button, Typography } from '@material-ui/core';

/** The "Re-evaluate now" button with the outcome of the last run started from it. */
export const ReEvaluateBar = ({
  run,
  onEvaluate,
}: {
  run: { loading: boolean; value?: EvaluationSummary; error?: Error };
  onEvaluate: () => void;
}) => (
  <Box display="flex" alignItems="center" style={{ gap: 16 }}>
    <Button
      variant="outlined"
      color="primary"
      disabled={run.loading}
      onClick={onEvaluate}
    >
      Re-evaluate now
    </Button>
    {run.value && (
      <Typography variant="body2">
        Scored {run.value.evaluated} entities in {run.value.durationMs} ms.
      </Typography>
    )}
    {run.error && (
      <Typography variant="body2" color="error">
        {run.error.message}
      </Typography>
    )}
  </Box>
);

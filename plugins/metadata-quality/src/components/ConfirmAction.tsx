import { Box, Button, Typography } from '@material-ui/core';
import { ReactNode } from 'react';

/**
 * A confirmation button with what came of it beside it: `children` says the outcome, `error` is
 * shown in words (the backend's message, e.g. why this person may not confirm).
 */
export const ConfirmAction = ({
  label,
  busy,
  onConfirm,
  error,
  children,
}: {
  label: string;
  busy: boolean;
  onConfirm: () => void;
  error?: Error;
  children?: ReactNode;
}) => (
  <Box display="flex" alignItems="center" mt={2} style={{ gap: 16 }}>
    <Button
      variant="outlined"
      color="primary"
      disabled={busy}
      onClick={onConfirm}
    >
      {label}
    </Button>
    {children}
    {error && (
      <Typography variant="body2" color="error">
        {error.message}
      </Typography>
    )}
  </Box>
);

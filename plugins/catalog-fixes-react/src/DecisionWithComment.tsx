import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { errorText } from './api';

/** A button of a {@link DecisionWithComment}, and what it does with the comment. */
export interface DecisionAction {
  /** The button's text, unique in the row. */
  label: string;
  /** `contained` for the main action, `outlined` otherwise. */
  variant: 'contained' | 'outlined';
  /** `primary` for the action the row is for. */
  color?: 'primary';
  /** Disabled while the comment is empty (a reason to reject). */
  needsComment?: boolean;
  /** Disabled for a reason of the caller's (nothing selected). */
  disabled?: boolean;
  /** Stands before the comment field: an action the comment is not for. */
  beforeComment?: boolean;
  /** Called with the comment as typed; a thrown error is shown next to the buttons. */
  run(comment: string): Promise<void>;
}

/**
 * A comment field with the buttons that decide with it (merge or reject, approve or deny, accept),
 * disabled while one runs, and the server's sentence when it fails.
 */
export function DecisionWithComment(props: {
  comment: {
    id: string;
    label: string;
    size?: 'small' | 'medium';
    placeholder?: string;
    helperText?: string;
  };
  actions: DecisionAction[];
}) {
  const [comment, setComment] = useState('');
  const [state, decide] = useAsyncFn(
    (action: DecisionAction) => action.run(comment),
    [comment],
  );
  const button = (action: DecisionAction) => (
    <Button
      key={action.label}
      variant={action.variant}
      color={action.color}
      disabled={
        state.loading ||
        action.disabled ||
        (action.needsComment && !comment.trim())
      }
      onClick={() => decide(action)}
    >
      {action.label}
    </Button>
  );
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {props.actions.filter(a => a.beforeComment).map(button)}
      <TextField
        {...props.comment}
        value={comment}
        onChange={e => setComment(e.target.value)}
      />
      {props.actions.filter(a => !a.beforeComment).map(button)}
      {state.error && (
        <Typography variant="body2" color="error" role="alert">
          {errorText(state.error)}
        </Typography>
      )}
    </Box>
  );
}

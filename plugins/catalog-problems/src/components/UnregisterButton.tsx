import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { catalogProblemsApiRef } from '../api';

/** The registration's URL without the `url:`/`file:` prefix. */
export function withoutType(locationRef: string) {
  return locationRef.replace(/^(url|file):/, '');
}

/**
 * Unregisters a broken registration after asking. The backend decides who may (the admins, or
 * whoever owns everything it brought in) and says why not otherwise.
 */
export function UnregisterButton(props: {
  locationId: string;
  locationRef: string;
  onUnregistered: () => void;
}) {
  const api = useApi(catalogProblemsApiRef);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const unregister = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.unregisterLocation({
        params: { path: { id: props.locationId } },
      });
      setOpen(false);
      props.onUnregistered();
    } catch (e) {
      // ResponseError keeps the server's sentence in its body.
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message || (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Unregister
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>Unregister this registration?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The catalog stops reading{' '}
            <code>{withoutType(props.locationRef)}</code> and removes every
            entity it brought in. The file itself is not changed; register it
            again once it is fixed.
          </DialogContentText>
          {error ? (
            <Typography color="error" role="alert">
              {error}
            </Typography>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            disabled={busy}
            onClick={unregister}
          >
            Unregister
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

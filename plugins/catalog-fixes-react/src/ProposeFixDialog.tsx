import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ChangeRequest,
  Fix,
  Preview,
} from '@internal/plugin-catalog-fixes-common';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { catalogFixesApiRef, errorText } from './api';
import { DiffView } from './DiffView';

/** Where the change requests are listed (the catalog-fixes plugin's page). */
export const CHANGE_REQUESTS_PATH = '/change-requests';

function downloadName(preview: Preview) {
  const name = preview.entityRef.split('/').pop() ?? 'entity';
  return `${name}-catalog-info.diff`;
}

/** What happens at the target: a change request, or the diff to apply by hand and why. */
function TargetText({ preview }: { preview: Preview }) {
  const { target } = preview;
  if (!target.canOpen) {
    return (
      <Typography variant="body2" color="textSecondary" paragraph>
        {target.reason}
      </Typography>
    );
  }
  const where =
    target.type === 'local-git'
      ? `a change request in the repository ${target.repository} (the entity's owners or the admins merge it here)`
      : `a ${
          target.type === 'github'
            ? 'pull request on GitHub'
            : 'merge request on GitLab'
        } in ${target.repository}`;
  return (
    <Typography variant="body2" color="textSecondary" paragraph>
      Confirming opens {where}.
    </Typography>
  );
}

function Opened({ request }: { request: ChangeRequest }) {
  return (
    <Typography role="status">
      Change request #{request.id} opened.{' '}
      {request.url ? (
        <Link to={request.url}>
          Open it on {request.provider === 'github' ? 'GitHub' : 'GitLab'}
        </Link>
      ) : (
        <Link to={CHANGE_REQUESTS_PATH}>See the change requests</Link>
      )}
    </Typography>
  );
}

/** The exact diff of a fix and, on confirm, its change request (or the diff to copy or download). */
export function ProposeFixDialog(props: {
  entityRef: string;
  fix: Fix;
  open: boolean;
  onClose: () => void;
}) {
  const { entityRef, fix, open, onClose } = props;
  const api = useApi(catalogFixesApiRef);
  const [copied, setCopied] = useState(false);
  const preview = useAsync(
    async () =>
      open ? api.previewFix({ body: { entityRef, fix } }) : undefined,
    [api, entityRef, fix.type, fix.type === 'rule' ? fix.ruleId : '', open],
  );
  const [proposal, propose] = useAsyncFn(
    async (baseHash: string) =>
      api.proposeFix({ body: { entityRef, fix, baseHash } }),
    [api, entityRef, fix],
  );
  const value = preview.value;
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>Propose fix{value ? `: ${value.title}` : ''}</DialogTitle>
      <DialogContent>
        {preview.loading && <Progress />}
        {preview.error && (
          <Typography color="error" role="alert">
            {errorText(preview.error)}
          </Typography>
        )}
        {value && (
          <>
            <TargetText preview={value} />
            <Typography variant="subtitle2">{value.path}</Typography>
            <DiffView diff={value.diff} />
          </>
        )}
        <Box mt={2}>
          {proposal.error && (
            <Typography color="error" role="alert">
              {errorText(proposal.error)}
            </Typography>
          )}
          {proposal.value && <Opened request={proposal.value} />}
        </Box>
      </DialogContent>
      <DialogActions>
        {value && !value.target.canOpen && (
          <>
            <Button
              onClick={async () => {
                await navigator.clipboard?.writeText(value.diff);
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy diff'}
            </Button>
            <Button
              component="a"
              href={`data:text/x-diff;charset=utf-8,${encodeURIComponent(
                value.diff,
              )}`}
              download={downloadName(value)}
            >
              Download diff
            </Button>
          </>
        )}
        <Button onClick={onClose}>{proposal.value ? 'Close' : 'Cancel'}</Button>
        {value?.target.canOpen && !proposal.value && (
          <Button
            color="primary"
            variant="contained"
            disabled={proposal.loading}
            onClick={() => propose(value.baseHash)}
          >
            Open change request
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

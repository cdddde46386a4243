import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  catalogFixesDecidePermission,
  ChangeRequest,
} from '@internal/plugin-catalog-fixes-common';
import {
  ageOf,
  catalogFixesApiRef,
  DecisionWithComment,
  DiffView,
} from '@internal/plugin-catalog-fixes-react';
import {
  Box,
  Chip,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

type Status = ChangeRequest['status'];

/** Merge, and reject with a reason: for the entity's owners and the admins. */
function Decision(props: { request: ChangeRequest; onDecided: () => void }) {
  const { request, onDecided } = props;
  const api = useApi(catalogFixesApiRef);
  const { allowed } = usePermission({
    permission: catalogFixesDecidePermission,
    resourceRef: request.entities[0]?.entityRef,
  });
  const path = { id: request.id };
  if (request.provider !== 'local-git') {
    return request.url ? (
      <Link to={request.url}>
        Review it on {request.provider === 'github' ? 'GitHub' : 'GitLab'}
      </Link>
    ) : null;
  }
  if (!allowed) {
    return (
      <Typography variant="body2" color="textSecondary">
        The entity's owners or the admins merge or reject it.
      </Typography>
    );
  }
  return (
    <DecisionWithComment
      comment={{
        id: `reject-reason-${request.id}`,
        label: 'Reason to reject',
        size: 'small',
      }}
      actions={[
        {
          label: 'Merge',
          variant: 'contained',
          color: 'primary',
          beforeComment: true,
          run: async () => {
            await api.mergeChangeRequest({ params: { path } });
            onDecided();
          },
        },
        {
          label: 'Reject',
          variant: 'outlined',
          needsComment: true,
          run: async reason => {
            await api.rejectChangeRequest({
              params: { path },
              body: { reason },
            });
            onDecided();
          },
        },
      ]}
    />
  );
}

function ChangeRequestCard(props: {
  request: ChangeRequest;
  onDecided: () => void;
}) {
  const { request } = props;
  return (
    <Box mb={3} data-testid="change-request">
      <InfoCard
        title={`#${request.id} ${request.title}`}
        subheader={
          <>
            {request.entities.map(e => (
              <EntityRefLink key={e.entityRef} entityRef={e.entityRef} />
            ))}{' '}
            in {request.repository}, by {request.author},{' '}
            {ageOf(request.createdAt)}
          </>
        }
      >
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
          <Chip label={request.status} size="small" />
          {request.status === 'rejected' && request.reason && (
            <Typography variant="body2">
              Rejected by {request.decidedBy}: {request.reason}
            </Typography>
          )}
          {request.status === 'merged' && (
            <Typography variant="body2">
              Merged by {request.decidedBy}
            </Typography>
          )}
        </Box>
        <DiffView diff={request.diff} />
        {request.status === 'open' && (
          <Box mt={2}>
            <Decision request={request} onDecided={props.onDecided} />
          </Box>
        )}
      </InfoCard>
    </Box>
  );
}

/** Proposed changes of catalog-info.yaml files, newest first, filtered by status. */
export function ChangeRequestsPage() {
  const api = useApi(catalogFixesApiRef);
  const [status, setStatus] = useState<Status | ''>('open');
  const list = useAsyncRetry(
    () =>
      api.listChangeRequests({
        params: { query: status ? { status } : {} },
      }),
    [api, status],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Change requests"
        subtitle="Fixes of catalog-info.yaml proposed from findings; the entities' owners merge or reject them"
      />
      <Content>
        <Box mb={2}>
          <FormControl style={{ minWidth: 160 }}>
            <InputLabel id="change-request-status">Status</InputLabel>
            <Select
              labelId="change-request-status"
              value={status}
              onChange={e => setStatus(e.target.value as Status | '')}
            >
              <MenuItem value="">Any</MenuItem>
              <MenuItem value="open">Open</MenuItem>
              <MenuItem value="merged">Merged</MenuItem>
              <MenuItem value="rejected">Rejected</MenuItem>
            </Select>
          </FormControl>
        </Box>
        {list.loading && <Progress />}
        {list.error && <ResponseErrorPanel error={list.error} />}
        {list.value && list.value.items.length === 0 && (
          <Typography>
            No {status || ''} change requests. "Propose fix" on an owner finding
            or a failing quality check opens one.
          </Typography>
        )}
        {list.value?.items.map(request => (
          <ChangeRequestCard
            key={request.id}
            request={request}
            onDecided={list.retry}
          />
        ))}
      </Content>
    </Page>
  );
}

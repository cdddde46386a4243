import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ChangeRequest,
  HandoverEntity,
} from '@internal/plugin-catalog-fixes-common';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ageOf } from '../ageOf';
import { catalogFixesApiRef, errorText } from '../api';
import { DecisionWithComment } from '../DecisionWithComment';
import { listTableOptions } from '../listTableOptions';
import { CHANGE_REQUESTS_PATH } from '../ProposeFixDialog';
import { HANDOVERS_PATH } from './HandoversCard';
import { HandoverProgressLine, reasonText } from './HandoverProgressLine';

const STATES: Record<HandoverEntity['state'], string> = {
  pending: 'Waiting for a team',
  accepted: 'Change request open',
  handedOver: 'Handed over',
  resolved: 'Owner changed otherwise',
};

const selectable = (e: HandoverEntity) =>
  e.state === 'pending' && !!e.repository;

function fileOf(e: HandoverEntity) {
  if (e.repository) return `${e.repository}: ${e.path}`;
  return `${e.path ?? 'unknown file'} (${
    e.provider === 'file' ? 'a file on the portal host' : 'no repository'
  }: change it by hand)`;
}

/**
 * One handover: its entities with the team suggested for each and where their files are. A member
 * of the suggested team (or an admin) selects entities, may name another team, and accepts: one
 * change request per repository is opened.
 */
export function HandoverDetail(props: { id: number }) {
  const api = useApi(catalogFixesApiRef);
  const path = { id: props.id };
  const handover = useAsyncRetry(
    () => api.getHandover({ params: { path } }),
    [api, props.id],
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [opened, setOpened] = useState<ChangeRequest[]>();
  useEffect(() => {
    setSelected(
      new Set(
        (handover.value?.entities ?? [])
          .filter(selectable)
          .map(e => e.entityRef),
      ),
    );
  }, [handover.value]);

  const accept = async (team: string) => {
    const result = await api.acceptHandover({
      params: { path },
      body: {
        entityRefs: [...selected],
        ...(team.trim() ? { team: team.trim() } : {}),
      },
    });
    setOpened(result.changeRequests);
    handover.retry();
  };

  if (handover.loading && !handover.value) return <Progress />;
  if (handover.error || !handover.value) {
    return (
      <Typography color="error" role="alert">
        {handover.error ? errorText(handover.error) : 'No such handover'}
      </Typography>
    );
  }
  const h = handover.value;
  const entities = h.entities ?? [];
  const toggle = (ref: string) =>
    setSelected(current => {
      const next = new Set(current);
      if (!next.delete(ref)) next.add(ref);
      return next;
    });

  const columns: TableColumn<HandoverEntity>[] = [
    {
      title: 'Take over',
      render: e =>
        selectable(e) ? (
          <Checkbox
            checked={selected.has(e.entityRef)}
            onChange={() => toggle(e.entityRef)}
            inputProps={{ 'aria-label': `Select ${e.entityRef}` }}
          />
        ) : null,
    },
    {
      title: 'Entity',
      field: 'entityRef',
      render: e => <EntityRefLink entityRef={e.entityRef} title={e.title} />,
    },
    {
      title: 'Suggested team',
      render: e =>
        e.suggestedTeam ? <EntityRefLink entityRef={e.suggestedTeam} /> : '-',
    },
    { title: 'File', render: fileOf },
    {
      title: 'State',
      render: e => (
        <>
          {STATES[e.state]}
          {e.team ? (
            <>
              {' '}
              to <EntityRefLink entityRef={e.team} />
            </>
          ) : null}
          {e.changeRequestId ? ` (change request #${e.changeRequestId})` : ''}
        </>
      ),
    },
  ];

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Link to={HANDOVERS_PATH.replace(/\/handovers$/, '')}>
        All ownership problems and handovers
      </Link>
      <InfoCard
        title={
          <>
            Handover {h.id}: <EntityRefLink entityRef={h.subjectRef} />{' '}
            {reasonText(h)}
          </>
        }
        subheader={`Opened ${ageOf(h.createdAt)}`}
      >
        <HandoverProgressLine handover={h} />
      </InfoCard>
      <Table<HandoverEntity>
        title={`Entities (${entities.length})`}
        options={listTableOptions(entities.length, 50)}
        columns={columns}
        data={entities}
      />
      {h.status === 'open' ? (
        <DecisionWithComment
          comment={{
            id: 'handover-team',
            label: 'Another team (optional)',
            placeholder: 'e.g. platform',
            helperText: 'Leave empty to hand each entity to its suggested team',
          }}
          actions={[
            {
              label: `Accept ${selected.size} ${
                selected.size === 1 ? 'entity' : 'entities'
              }`,
              variant: 'contained',
              color: 'primary',
              disabled: selected.size === 0,
              run: accept,
            },
          ]}
        />
      ) : null}
      {opened ? (
        <Typography role="status">
          Opened {opened.length} change request
          {opened.length === 1 ? '' : 's'}, one per repository:{' '}
          {opened.map(r => `#${r.id} in ${r.repository}`).join(', ')}.{' '}
          <Link to={CHANGE_REQUESTS_PATH}>See the change requests</Link>
        </Typography>
      ) : null}
    </Box>
  );
}

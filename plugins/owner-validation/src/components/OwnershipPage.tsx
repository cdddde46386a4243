import {
  Content,
  InfoCard,
  Progress,
  Select,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import {
  FINDING_TYPE_TITLES,
  OWNED_KINDS,
  OWNER_FINDING_TYPES,
  OwnerFindingType,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ownerValidationApiRef } from '../api';
import { OwnerValidationErrorPanel } from './OwnerValidationErrorPanel';

const LIMIT = 1000;
const ALL = 'all';

const columns: TableColumn<StoredOwnerFinding>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    render: f => (
      <EntityRefLink
        entityRef={f.entityRef}
        title={f.title}
        defaultKind={f.kind}
      />
    ),
  },
  { title: 'Kind', field: 'kind' },
  {
    title: 'Problem',
    field: 'type',
    render: f => FINDING_TYPE_TITLES[f.type],
  },
  { title: 'Details', field: 'message' },
  {
    title: 'Suggested owner',
    field: 'suggestedOwner',
    render: f =>
      f.suggestedOwner ? <EntityRefLink entityRef={f.suggestedOwner} /> : '-',
  },
  {
    title: 'Since',
    field: 'firstSeen',
    render: f => new Date(f.firstSeen).toLocaleDateString(),
  },
];

function teamTitle(team: string | undefined) {
  return team
    ? humanizeEntityRef(
        {
          kind: 'group',
          namespace: team.slice(team.indexOf(':') + 1, team.indexOf('/')),
          name: team.slice(team.indexOf('/') + 1),
        },
        { defaultKind: 'group' },
      )
    : 'No known team';
}

/** Entities with ownership problems, grouped by their last known team. */
export function OwnershipPage() {
  const api = useApi(ownerValidationApiRef);
  const [type, setType] = useState<string>(ALL);
  const [kind, setKind] = useState<string>(ALL);

  const summary = useAsync(() => api.getSummary(), [api]);
  const findings = useAsync(
    () =>
      api.listFindings({
        types: type === ALL ? undefined : [type as OwnerFindingType],
        kinds: kind === ALL ? undefined : [kind],
        limit: LIMIT,
      }),
    [api, type, kind],
  );

  const error = summary.error ?? findings.error;
  if (error) {
    return (
      <Content>
        <OwnerValidationErrorPanel error={error} />
      </Content>
    );
  }

  const byTeam = new Map<string | undefined, StoredOwnerFinding[]>();
  for (const finding of findings.value?.items ?? []) {
    byTeam.set(finding.team, [...(byTeam.get(finding.team) ?? []), finding]);
  }

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="Ownership problems">
            {summary.value ? (
              <>
                <Typography variant="h4" component="p">
                  {summary.value.total} open
                </Typography>
                {OWNER_FINDING_TYPES.filter(t => summary.value?.byType[t]).map(
                  t => (
                    <Chip
                      key={t}
                      label={`${FINDING_TYPE_TITLES[t]}: ${summary.value?.byType[t]}`}
                    />
                  ),
                )}
                {summary.value.lastRun ? (
                  <Typography variant="caption" component="p">
                    Last checked{' '}
                    {new Date(
                      summary.value.lastRun.finishedAt,
                    ).toLocaleString()}{' '}
                    ({summary.value.lastRun.entityCount} entities)
                  </Typography>
                ) : (
                  <Typography variant="caption" component="p">
                    The check has not run yet.
                  </Typography>
                )}
              </>
            ) : (
              <Progress />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={3}>
          <Select
            label="Problem"
            selected={type}
            items={[
              { label: 'All problems', value: ALL },
              ...OWNER_FINDING_TYPES.map(t => ({
                label: FINDING_TYPE_TITLES[t],
                value: t,
              })),
            ]}
            onChange={value => setType(String(value))}
          />
        </Grid>
        <Grid item xs={12} md={3}>
          <Select
            label="Kind"
            selected={kind}
            items={[
              { label: 'All kinds', value: ALL },
              ...OWNED_KINDS.map(k => ({ label: k, value: k })),
            ]}
            onChange={value => setKind(String(value))}
          />
        </Grid>
        {findings.loading ? (
          <Grid item xs={12}>
            <Progress />
          </Grid>
        ) : null}
        {!findings.loading && byTeam.size === 0 ? (
          <Grid item xs={12}>
            <Typography>No ownership problems match.</Typography>
          </Grid>
        ) : null}
        {(findings.value?.totalCount ?? 0) > LIMIT ? (
          <Grid item xs={12}>
            <Typography variant="caption">
              Showing the first {LIMIT} of {findings.value?.totalCount}{' '}
              findings.
            </Typography>
          </Grid>
        ) : null}
        {[...byTeam].map(([team, items]) => (
          <Grid item xs={12} key={team ?? 'none'}>
            <Table<StoredOwnerFinding>
              title={`${teamTitle(team)} (${items.length})`}
              options={{
                paging: items.length > 20,
                pageSize: 20,
                search: false,
                padding: 'dense',
              }}
              columns={columns}
              data={items}
            />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}

import {
  HandoversCard,
  listTableOptions,
  ProposeFixButton,
} from '@internal/plugin-catalog-fixes-react';
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
  EntityDisplayName,
  EntityRefLink,
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
import { FindingMessage } from './FindingMessage';
import { OwnerValidationErrorPanel } from './OwnerValidationErrorPanel';
import { RefusedOwnerLink } from './RefusedOwnerLink';

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
  {
    title: 'Details',
    field: 'message',
    render: f => (
      <>
        <FindingMessage finding={f} />
        {f.type === 'ownerRefused' ? (
          <>
            {'. '}
            <RefusedOwnerLink finding={f} />
          </>
        ) : null}
      </>
    ),
  },
  {
    title: 'Suggested owner',
    field: 'suggestedOwner',
    render: f =>
      f.suggestedOwner ? (
        <>
          <EntityRefLink entityRef={f.suggestedOwner} />{' '}
          <ProposeFixButton entityRef={f.entityRef} fix={{ type: 'owner' }} />
        </>
      ) : (
        '-'
      ),
  },
  {
    title: 'Since',
    field: 'firstSeen',
    render: f => new Date(f.firstSeen).toLocaleDateString(),
  },
];

/**
 * A team's section heading (the table puts it in its title): the team's display name, as the
 * catalog shows it, and the count.
 */
function TeamHeading(props: { team?: string; count: number }) {
  return (
    <>
      {props.team ? (
        <EntityDisplayName entityRef={props.team} hideIcon disableTooltip />
      ) : (
        'No known team'
      )}{' '}
      ({props.count})
    </>
  );
}

/** Kinds metadata quality scores with its "Owner is a known team" rule. */
const QUALITY_KINDS = 'Components, APIs, Resources, Systems and Domains';

/** Entities with ownership problems, grouped by their last known team. */
export function OwnershipPage() {
  const api = useApi(ownerValidationApiRef);
  const [type, setType] = useState<string>(ALL);
  const [kind, setKind] = useState<string>(ALL);

  const summary = useAsync(() => api.getSummary(), [api]);
  const findings = useAsync(
    () =>
      api.listFindings({
        params: {
          query: {
            type: type === ALL ? undefined : [type as OwnerFindingType],
            kind: kind === ALL ? undefined : [kind],
            limit: LIMIT,
          },
        },
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
  const filters = [
    {
      label: 'Problem',
      all: 'All problems',
      selected: type,
      items: OWNER_FINDING_TYPES.map(t => ({
        label: FINDING_TYPE_TITLES[t],
        value: t,
      })),
      onChange: setType,
    },
    {
      label: 'Kind',
      all: 'All kinds',
      selected: kind,
      items: OWNED_KINDS.map(k => ({ label: k, value: k })),
      onChange: setKind,
    },
  ];

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
                <Typography variant="body2" component="p">
                  {summary.value.bySeverity.error ?? 0} errors and{' '}
                  {summary.value.bySeverity.warning ?? 0} warnings. Metadata
                  quality counts the errors and the persons as owners on{' '}
                  {QUALITY_KINDS} as failing its &quot;Owner is a known
                  team&quot; rule, so its number can be lower: an empty team is
                  a warning here and passes there, and Templates are not scored
                  there.
                </Typography>
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
        <Grid item xs={12}>
          <HandoversCard />
        </Grid>
        {filters.map(filter => (
          <Grid item xs={12} md={3} key={filter.label}>
            <Select
              label={filter.label}
              selected={filter.selected}
              items={[{ label: filter.all, value: ALL }, ...filter.items]}
              onChange={value => filter.onChange(String(value))}
            />
          </Grid>
        ))}
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
              title={<TeamHeading team={team} count={items.length} />}
              options={listTableOptions(items.length, 20)}
              columns={columns}
              data={items}
            />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}

import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityScore,
  GroupSummary,
} from '@internal/plugin-metadata-quality-common';
import {
  Box,
  Button,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { EntityListFilter, metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';
import { DistributionChart, LevelChip, TrendChart } from './ScoreParts';

function entityLink(ref: string) {
  const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(ref) ?? [];
  return `/catalog/${namespace}/${kind}/${name}`;
}

const groupColumns: TableColumn<GroupSummary & { rank: number }>[] = [
  { title: '#', field: 'rank', width: '40px' },
  {
    title: 'Team',
    render: g => (
      <Link to={entityLink(g.groupRef)}>{g.title ?? g.groupRef}</Link>
    ),
  },
  { title: 'Average score', render: g => g.averageScore ?? '–' },
  { title: 'Entities', field: 'entityCount' },
  {
    title: 'Levels',
    render: g =>
      Object.entries(g.levels)
        .map(([level, n]) => `${level === 'none' ? 'No level' : level}: ${n}`)
        .join(', '),
  },
];

const entityColumns: TableColumn<EntityScore>[] = [
  {
    title: 'Entity',
    render: e => <Link to={entityLink(e.entityRef)}>{e.title ?? e.name}</Link>,
  },
  { title: 'Kind', field: 'kind' },
  { title: 'Owner', render: e => e.ownerRef ?? '–' },
  { title: 'Score', field: 'score' },
  { title: 'Level', render: e => <LevelChip level={e.level} /> },
  { title: 'Failing', render: e => e.failingRules.join(', ') },
];

/** Distribution, team leaderboard, trend, worst entities and failing rules. */
export const QualityPage = () => {
  const api = useApi(metadataQualityApiRef);
  const [selectedGroup, setSelectedGroup] = useState<string>();
  const [filter, setFilter] = useState<EntityListFilter>({});

  const [run, evaluate] = useAsyncFn(() => api.evaluate(), [api]);
  const overview = useAsync(async () => {
    const [summary, groups, { rules, levels }] = await Promise.all([
      api.getSummary(),
      api.getGroups(),
      api.getRules(),
    ]);
    return { summary, groups, rules, levels };
  }, [api, run.value]);

  const groups = overview.value?.groups ?? [];
  const trendGroup =
    selectedGroup ??
    groups.find(g => !g.parentRef)?.groupRef ??
    groups[0]?.groupRef;
  const trend = useAsync(
    async () => (trendGroup ? api.getGroupHistory(trendGroup) : []),
    [api, trendGroup],
  );
  const worst = useAsync(
    () =>
      api.listEntities({
        ...filter,
        orderBy: 'score',
        order: 'asc',
        limit: 20,
      }),
    [api, JSON.stringify(filter)],
  );

  if (overview.loading) return <Progress />;
  if (overview.error) return <QualityErrorPanel error={overview.error} />;
  const { summary, rules, levels } = overview.value!;
  const ranked = groups
    .filter(g => g.entityCount > 0)
    .map((g, i) => ({ ...g, rank: i + 1 }));
  const set = (key: keyof EntityListFilter) => (value: string) =>
    setFilter(f => ({ ...f, [key]: value || undefined }));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <Button
            variant="outlined"
            color="primary"
            disabled={run.loading}
            onClick={() => evaluate()}
          >
            Re-evaluate now
          </Button>
          {run.value && (
            <Typography variant="body2">
              Scored {run.value.evaluated} entities in {run.value.durationMs}{' '}
              ms.
            </Typography>
          )}
          {run.error && (
            <Typography variant="body2" color="error">
              {run.error.message}
            </Typography>
          )}
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Score distribution">
          <Typography>
            {summary.entityCount} entities, average score{' '}
            {summary.averageScore ?? '–'}.{' '}
            {levels
              .map(l => `${l.name}: ${summary.levels[l.name] ?? 0}`)
              .join(', ')}
            , no level: {summary.levels.none ?? 0}.
          </Typography>
          <DistributionChart buckets={summary.buckets} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Trend">
          <FormControl fullWidth>
            <InputLabel id="trend-group">Team</InputLabel>
            <Select
              labelId="trend-group"
              value={trendGroup ?? ''}
              onChange={e => setSelectedGroup(e.target.value as string)}
            >
              {groups.map(g => (
                <MenuItem key={g.groupRef} value={g.groupRef}>
                  {g.title ?? g.groupRef}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {trend.error ? (
            <QualityErrorPanel error={trend.error} />
          ) : (
            <TrendChart
              points={trend.value ?? []}
              label={`Average score of ${trendGroup ?? 'the team'} over time`}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table
          title="Team leaderboard"
          subtitle="Average score of the entities a team and its child teams own"
          options={{ paging: false, search: false }}
          columns={groupColumns}
          data={ranked}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Worst entities">
          <Box display="flex" style={{ gap: 16 }} mb={2}>
            <TextField
              label="Kind"
              value={filter.kind ?? ''}
              onChange={e => set('kind')(e.target.value)}
            />
            <TextField
              label="Owner"
              value={filter.owner ?? ''}
              onChange={e => set('owner')(e.target.value)}
            />
            <FormControl style={{ minWidth: 140 }}>
              <InputLabel id="level-filter">Level</InputLabel>
              <Select
                labelId="level-filter"
                value={filter.level ?? ''}
                onChange={e => set('level')(e.target.value as string)}
              >
                <MenuItem value="">Any</MenuItem>
                {levels.map(l => (
                  <MenuItem key={l.name} value={l.name}>
                    {l.name}
                  </MenuItem>
                ))}
                <MenuItem value="none">No level</MenuItem>
              </Select>
            </FormControl>
            <FormControl style={{ minWidth: 220 }}>
              <InputLabel id="rule-filter">Failing rule</InputLabel>
              <Select
                labelId="rule-filter"
                value={filter.failingRule ?? ''}
                onChange={e => set('failingRule')(e.target.value as string)}
              >
                <MenuItem value="">Any</MenuItem>
                {rules.map(r => (
                  <MenuItem key={r.id} value={r.id}>
                    {r.title}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          </Box>
          {worst.error ? (
            <QualityErrorPanel error={worst.error} />
          ) : (
            <Table
              options={{ paging: false, search: false, toolbar: false }}
              isLoading={worst.loading}
              columns={entityColumns}
              data={worst.value?.items ?? []}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table
          title="Failing rules"
          subtitle="Pick a rule to list the entities failing it above"
          options={{ paging: false, search: false }}
          columns={[
            {
              title: 'Rule',
              render: (r: { id: string; title: string; count: number }) => (
                <Link
                  to="#"
                  onClick={(e: React.MouseEvent) => {
                    e.preventDefault();
                    set('failingRule')(r.id);
                  }}
                >
                  {r.title}
                </Link>
              ),
            },
            { title: 'Entities failing', field: 'count' },
          ]}
          data={rules
            .map(r => ({
              id: r.id,
              title: r.title,
              count: summary.failingRules[r.id] ?? 0,
            }))
            .sort((a, b) => b.count - a.count)}
        />
      </Grid>
    </Grid>
  );
};

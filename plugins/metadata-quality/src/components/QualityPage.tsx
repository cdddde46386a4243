import {
  Content,
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityScore,
  GroupSummary,
  MetadataQualityClient,
  QualityLevel,
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
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';
import { DistributionChart, LevelChip, TrendChart } from './ScoreParts';

/** "No level: 1, Bronze: 2, Silver: 3, Gold: 4": counts from the lowest level up, zeros left out. */
function levelCounts(
  counts: Record<string, number>,
  levels: QualityLevel[],
): string {
  return [
    ['No level', counts.none] as const,
    ...levels.map(l => [l.name, counts[l.name]] as const),
  ]
    .filter(([, n]) => n)
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ');
}

function groupColumns(
  levels: QualityLevel[],
): TableColumn<GroupSummary & { rank: number }>[] {
  return [
    { title: '#', field: 'rank', width: '40px' },
    {
      title: 'Team',
      render: g => (
        <EntityRefLink entityRef={g.groupRef} title={g.title ?? undefined} />
      ),
    },
    { title: 'Average score', render: g => g.averageScore ?? '–' },
    { title: 'Entities', field: 'entityCount' },
    { title: 'Levels', render: g => levelCounts(g.levels, levels) },
  ];
}

// Words wrap between words, never inside one ("Payme nts").
const wrapWords = { overflowWrap: 'normal', wordBreak: 'normal' } as const;

function entityColumns(
  ruleTitles: Map<string, string>,
): TableColumn<EntityScore>[] {
  return [
    {
      title: 'Entity',
      cellStyle: wrapWords,
      render: e => (
        <EntityRefLink entityRef={e.entityRef} title={e.title ?? e.name} />
      ),
    },
    { title: 'Kind', field: 'kind' },
    {
      title: 'Owner',
      cellStyle: wrapWords,
      render: e =>
        e.ownerRef ? (
          <EntityRefLink entityRef={e.ownerRef} defaultKind="group" />
        ) : (
          '–'
        ),
    },
    { title: 'Score', field: 'score' },
    { title: 'Level', render: e => <LevelChip level={e.level} /> },
    {
      title: 'Failing checks',
      cellStyle: wrapWords,
      render: e =>
        e.failingRules.map(id => ruleTitles.get(id) ?? id).join(', '),
    },
  ];
}

/** Filters of the worst-entities list (query parameters of `GET /entities`). */
type EntityListFilter = Pick<
  NonNullable<
    Parameters<MetadataQualityClient['listEntities']>[0]
  >['params'] extends infer P
    ? P extends { query?: infer Q }
      ? NonNullable<Q>
      : never
    : never,
  'kind' | 'owner' | 'level' | 'failingRule'
>;

/** The list filters kept in the page's URL, so a filtered list can be linked to. */
const FILTER_PARAMS = {
  kind: 'kind',
  owner: 'owner',
  level: 'level',
  failingRule: 'rule',
} as const;
type FilterKey = keyof typeof FILTER_PARAMS;

function useFilterInUrl(): [
  EntityListFilter,
  (key: FilterKey, value: string) => void,
] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f: EntityListFilter = {};
    for (const [key, param] of Object.entries(FILTER_PARAMS)) {
      const value = params.get(param);
      if (value) f[key as FilterKey] = value;
    }
    return f;
  }, [params]);
  const set = (key: FilterKey, value: string) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        if (value) next.set(FILTER_PARAMS[key], value);
        else next.delete(FILTER_PARAMS[key]);
        return next;
      },
      { replace: true },
    );
  return [filter, set];
}

/** Distribution, team leaderboard, trend, worst entities and failing rules. */
export const QualityPage = () => {
  const api = useApi(metadataQualityApiRef);
  const [selectedGroup, setSelectedGroup] = useState<string>();
  const [filter, setFilterValue] = useFilterInUrl();
  const worstList = useRef<HTMLDivElement>(null);

  const [run, evaluate] = useAsyncFn(() => api.evaluate(), [api]);
  const overview = useAsync(async () => {
    const [summary, groups, { rules, levels }] = await Promise.all([
      api.getSummary(),
      api.getGroupSummaries().then(r => r.items),
      api.getRules(),
    ]);
    return { summary, groups, rules, levels };
  }, [api, run.value]);

  const groups = overview.value?.groups ?? [];
  const trendGroup =
    selectedGroup ??
    groups.find(g => !g.parentRef)?.groupRef ??
    groups[0]?.groupRef;
  const trend = useAsync(async () => {
    if (!trendGroup) return [];
    const { namespace, name } = parseEntityRef(trendGroup);
    return (
      await api.getGroupHistory({
        params: { path: { namespace, name }, query: { days: 90 } },
      })
    ).items;
  }, [api, trendGroup]);
  const worst = useAsync(
    () =>
      api.listEntities({
        params: {
          query: { ...filter, orderBy: 'score', order: 'asc', limit: 20 },
        },
      }),
    [api, JSON.stringify(filter)],
  );

  if (overview.loading) return <Progress />;
  if (overview.error) {
    return (
      <Content>
        <QualityErrorPanel error={overview.error} />
      </Content>
    );
  }
  const { summary, rules } = overview.value!;
  // Lowest first: Bronze, Silver, Gold.
  const levels = [...overview.value!.levels].sort(
    (a, b) => a.minScore - b.minScore,
  );
  const topLevel = levels[levels.length - 1]?.name;
  const ruleTitles = new Map(rules.map(r => [r.id, r.title]));
  const ranked = groups
    .filter(g => g.entityCount > 0)
    .map((g, i) => ({ ...g, rank: i + 1 }));
  const set = (key: FilterKey) => (value: string) => setFilterValue(key, value);
  // Worst entities: those that have not reached the top level, unless that level is asked for.
  const worstItems = (worst.value?.items ?? []).filter(
    e => filter.level === topLevel || e.level !== topLevel,
  );
  const showRule = (ruleId: string) => {
    set('failingRule')(ruleId);
    worstList.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const trendTitle = groups.find(g => g.groupRef === trendGroup)?.title;

  return (
    <Content>
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
              {summary.averageScore ?? '–'}. No level:{' '}
              {summary.levels.none ?? 0},{' '}
              {levels
                .map(l => `${l.name}: ${summary.levels[l.name] ?? 0}`)
                .join(', ')}
              .
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
                label={`Average score of ${
                  trendTitle ?? trendGroup ?? 'the team'
                } over time`}
              />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <Table
            title="Team leaderboard"
            subtitle="Average score of the entities a team and its child teams own"
            options={{ paging: false, search: false }}
            columns={groupColumns(levels)}
            data={ranked}
          />
        </Grid>
        <Grid item xs={12}>
          <div ref={worstList} id="worst-entities">
            <InfoCard
              title="Worst entities"
              subheader={`The lowest scores${
                filter.level === topLevel
                  ? ''
                  : ` below ${topLevel ?? 'the top level'}`
              }${
                filter.failingRule
                  ? `, failing "${
                      ruleTitles.get(filter.failingRule) ?? filter.failingRule
                    }"`
                  : ''
              }`}
            >
              <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
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
                  columns={entityColumns(ruleTitles)}
                  data={worstItems}
                />
              )}
            </InfoCard>
          </div>
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
                    to={`?${FILTER_PARAMS.failingRule}=${encodeURIComponent(
                      r.id,
                    )}`}
                    onClick={(e: React.MouseEvent) => {
                      e.preventDefault();
                      showRule(r.id);
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
    </Content>
  );
};

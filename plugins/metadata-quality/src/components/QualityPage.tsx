import { Content, Progress } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { Grid } from '@material-ui/core';
import { useEffect, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../api';
import { FailingRulesTable } from './FailingRulesTable';
import { QualityErrorPanel } from './QualityErrorPanel';
import { ReEvaluateBar } from './ReEvaluateBar';
import { PendingExemptionsCard } from './PendingExemptionsCard';
import { ExemptionTrail } from './ExemptionTrail';
import { usePermission } from '@backstage/plugin-permission-react';
import { metadataQualityExemptionDecidePermission } from '@internal/plugin-metadata-quality-common';
import { ScoreDistributionCard } from './ScoreDistributionCard';
import { TeamLeaderboard } from './TeamLeaderboard';
import { TeamTrendCard } from './TeamTrendCard';
import { useFilterInUrl } from './useFilterInUrl';
import { WorstEntitiesCard } from './WorstEntitiesCard';
import { InitiativeSelect } from './InitiativeSelect';

/** Distribution, team leaderboard, trend, worst entities and failing rules. */
export const QualityPage = () => {
  const api = useApi(metadataQualityApiRef);
  const [selectedGroup, setSelectedGroup] = useState<string>();
  const [filter, setFilterValue] = useFilterInUrl();
  const worstList = useRef<HTMLDivElement>(null);
  // Pending exemption requests are for the admins who decide them.
  const { allowed: canDecide } = usePermission({
    permission: metadataQualityExemptionDecidePermission,
  });

  const [run, evaluate] = useAsyncFn(() => api.evaluate(), [api]);
  const overview = useAsync(async () => {
    const [summary, groups, { rules, levels }, initiatives] = await Promise.all(
      [
        api.getSummary(),
        api.getGroupSummaries().then(r => r.items),
        api.getRules(),
        api.listInitiatives().then(r => r.items),
      ],
    );
    return { summary, groups, rules, levels, initiatives };
  }, [api, run.value]);
  // The leaderboard of the initiative's entities; all groups otherwise.
  const leaderboard = useAsync(
    async () =>
      filter.initiative === undefined
        ? undefined
        : (
            await api.getGroupSummaries({
              params: { query: { initiative: filter.initiative } },
            })
          ).items,
    [api, run.value, filter.initiative],
  );

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
  // A picked rule scrolls its list into view once the list for it has loaded: a scroll started at
  // the click was lost while the list re-rendered (seen in a CI run), and the page stayed put.
  const listWhenPicked = useRef<unknown>(undefined);
  const [scrollPending, setScrollPending] = useState(false);
  useEffect(() => {
    if (!scrollPending || worst.loading) return;
    if (worst.value === listWhenPicked.current && !worst.error) return;
    worstList.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    setScrollPending(false);
  }, [scrollPending, worst.loading, worst.value, worst.error]);

  if (overview.loading) return <Progress />;
  if (overview.error) {
    return (
      <Content>
        <QualityErrorPanel error={overview.error} />
      </Content>
    );
  }
  const { summary, rules, initiatives } = overview.value!;
  const initiative = initiatives.find(i => i.id === filter.initiative);
  // Lowest first: Bronze, Silver, Gold.
  const levels = [...overview.value!.levels].sort(
    (a, b) => a.minScore - b.minScore,
  );
  const showRule = (ruleId: string) => {
    if (filter.failingRule === ruleId) {
      worstList.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    listWhenPicked.current = worst.value;
    setScrollPending(true);
    setFilterValue('failingRule', ruleId);
  };

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ReEvaluateBar run={run} onEvaluate={() => evaluate()} />
        </Grid>
        <Grid item xs={12} md={6}>
          <ScoreDistributionCard summary={summary} levels={levels} />
        </Grid>
        <Grid item xs={12} md={6}>
          <TeamTrendCard
            groups={groups}
            groupRef={trendGroup}
            onSelect={setSelectedGroup}
            trend={trend}
          />
        </Grid>
        <Grid item xs={12}>
          <InitiativeSelect
            initiatives={initiatives}
            value={filter.initiative}
            onChange={value => setFilterValue('initiative', value)}
          />
        </Grid>
        <Grid item xs={12}>
          {leaderboard.error ? (
            <QualityErrorPanel error={leaderboard.error} />
          ) : (
            <TeamLeaderboard
              groups={leaderboard.value ?? groups}
              levels={levels}
              initiative={initiative?.title}
            />
          )}
        </Grid>
        <Grid item xs={12}>
          <div ref={worstList} id="worst-entities">
            <WorstEntitiesCard
              filter={filter}
              onFilter={setFilterValue}
              levels={levels}
              rules={rules}
              worst={worst}
            />
          </div>
        </Grid>
        <Grid item xs={12}>
          <FailingRulesTable
            rules={rules}
            failingRules={summary.failingRules}
            onPick={showRule}
          />
        </Grid>
        {canDecide && (
          <Grid item xs={12}>
            <PendingExemptionsCard />
          </Grid>
        )}
        <Grid item xs={12}>
          <ExemptionTrail />
        </Grid>
      </Grid>
    </Content>
  );
};

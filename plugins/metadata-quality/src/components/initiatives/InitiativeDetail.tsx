import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Grid, LinearProgress, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { metadataQualityApiRef } from '../../api';
import { initiativesRouteRef } from '../../routes';
import { QualityErrorPanel } from '../QualityErrorPanel';
import { SelectField } from '../SelectField';
import { TrendChart } from '../TrendChart';
import {
  InitiativeFailingTable,
  InitiativeTeamsTable,
} from './InitiativeTables';
import { percentPassing, progressText, timeText } from './progress';

/** One initiative: its progress now and over time, per team, and the entities still failing. */
export const InitiativeDetail = ({ id }: { id: number }) => {
  const api = useApi(metadataQualityApiRef);
  const [owner, setOwner] = useState('');
  const listLink = useRouteRef(initiativesRouteRef);
  const data = useAsync(async () => {
    const path = { id };
    const [initiative, failing, { rules }] = await Promise.all([
      api.getInitiative({ params: { path } }),
      api.listInitiativeFailing({ params: { path, query: { limit: 500 } } }),
      api.getRules(),
    ]);
    return { initiative, failing, rules };
  }, [api, id]);
  const history = useAsync(
    async () =>
      (
        await api.getInitiativeHistory({
          params: { path: { id }, query: owner ? { owner } : {} },
        })
      ).items,
    [api, id, owner],
  );

  if (data.loading) return <Progress />;
  if (data.error) return <QualityErrorPanel error={data.error} />;
  const { initiative, failing, rules } = data.value!;
  const ruleTitles = new Map(
    [...rules, ...initiative.rules].map(r => [r.id, r.title]),
  );
  const teams = initiative.teams ?? [];
  const points = (history.value ?? []).map(p => ({
    day: p.day,
    score: percentPassing(p),
  }));
  const teamName = teams.find(t => t.ownerRef === owner)?.title ?? owner;

  return (
    <Grid container spacing={3}>
      {listLink && (
        <Grid item xs={12}>
          <Link to={listLink()}>All initiatives</Link>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title={initiative.title}>
          {initiative.description && (
            <Typography paragraph>{initiative.description}</Typography>
          )}
          <Typography variant="h6">
            {progressText(initiative.progress)}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={percentPassing(initiative.progress)}
            aria-label="Progress"
          />
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {initiative.startsAt.slice(0, 10)} to{' '}
            {initiative.deadline.slice(0, 10)}: {timeText(initiative)}
          </Typography>
          <Typography variant="body2">
            Rules:{' '}
            {[...initiative.ruleIds, ...initiative.rules.map(r => r.id)]
              .map(ruleId => ruleTitles.get(ruleId) ?? ruleId)
              .join(', ')}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {initiative.evaluatedAt
              ? `Measured by the evaluation of ${initiative.evaluatedAt
                  .slice(0, 16)
                  .replace('T', ' ')} UTC`
              : 'Not measured yet: the evaluation that measures it is running.'}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Progress over time">
          <SelectField
            id="initiative-team"
            label="Team"
            showEmpty
            value={owner}
            onChange={setOwner}
            options={[
              { value: '', label: 'All teams' },
              ...teams.flatMap(t =>
                t.ownerRef
                  ? [{ value: t.ownerRef, label: t.title ?? t.ownerRef }]
                  : [],
              ),
            ]}
          />
          {history.error ? (
            <QualityErrorPanel error={history.error} />
          ) : (
            <TrendChart
              points={points}
              label={`Share of ${
                owner ? `${teamName}'s` : 'all'
              } entities passing ${initiative.title} over time, in percent`}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InitiativeTeamsTable teams={teams} />
      </Grid>
      <Grid item xs={12}>
        <InitiativeFailingTable
          items={failing.items}
          totalItems={failing.totalItems}
          ruleTitles={ruleTitles}
        />
      </Grid>
    </Grid>
  );
};

import {
  InfoCard,
  MarkdownContent,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  exemptText,
  refOf,
  ServedQualityRule,
  RuleResult,
} from '@internal/plugin-metadata-quality-common';
import { ExemptionRequestForm } from './ExemptionRequestForm';
import { ExemptionTrail } from './ExemptionTrail';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ProposeFixButton } from '@internal/plugin-catalog-fixes-react';
import { Box, Grid, Typography } from '@material-ui/core';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { getScoreIfAny, metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';
import { useEntityQuality } from './QualityCard';
import { LevelChip } from './LevelChip';
import { TrendChart } from './TrendChart';
import { ConfirmBar } from './ConfirmBar';

/** The entity's daily scores. */
const EntityTrend = (props: {
  entityRef: { kind: string; namespace: string; name: string };
}) => {
  const api = useApi(metadataQualityApiRef);
  const { kind, namespace, name } = props.entityRef;
  const history = useAsync(async () => {
    // No history before the first score: the backend answers 404, the chart says so.
    if (!(await getScoreIfAny(api, { kind, namespace, name }))) return [];
    return (
      await api.getEntityHistory({
        params: { path: { kind, namespace, name }, query: { days: 90 } },
      })
    ).items;
  }, [api, kind, namespace, name]);
  if (history.loading) return <Progress />;
  if (history.error) return <QualityErrorPanel error={history.error} />;
  return (
    <TrendChart
      points={history.value ?? []}
      label={`Score of ${name} over time`}
    />
  );
};

type Row = {
  id: string;
  entityRef: string;
  rule: ServedQualityRule;
  result?: RuleResult;
};

function resultText(result?: RuleResult): string {
  if (!result) return 'Not applicable';
  if (result.exempt) return exemptText(result.exempt);
  return result.passed ? 'Pass' : 'Fail';
}

const columns: TableColumn<Row>[] = [
  { title: 'Check', field: 'rule.title' },
  {
    title: 'Result',
    render: row => resultText(row.result),
  },
  { title: 'Weight', field: 'rule.weight' },
  {
    title: 'Details',
    render: row =>
      row.result && !row.result.passed && !row.result.exempt ? (
        <>
          <Typography variant="body2">{row.result.message}</Typography>
          <MarkdownContent content={row.result.fix ?? row.rule.howToFix} />
          {row.result.edits && (
            <ProposeFixButton
              entityRef={row.entityRef}
              fix={{ type: 'rule', ruleId: row.id }}
            />
          )}
        </>
      ) : (
        row.rule.description ?? ''
      ),
  },
];

/** Every rule and its result on this entity. */
export const QualityTab = () => {
  const { value, loading, error, retry } = useEntityQuality();
  if (loading) return <Progress />;
  if (error) return <QualityErrorPanel error={error} />;
  const { score, rules, levels, ref } = value!;
  const results = new Map(score?.results.map(r => [r.ruleId, r]) ?? []);
  const rows: Row[] = rules
    .map(rule => ({
      id: rule.id,
      entityRef: stringifyEntityRef(ref),
      rule,
      result: results.get(rule.id),
    }))
    .sort(
      (a, b) =>
        Number(!!b.result) - Number(!!a.result) ||
        Number(a.result?.passed ?? 0) - Number(b.result?.passed ?? 0),
    );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Metadata quality">
          {score ? (
            <Box display="flex" alignItems="center" style={{ gap: 16 }}>
              <Typography variant="h4">Score {score.score}</Typography>
              <LevelChip level={score.level} />
              <Typography variant="body2" color="textSecondary">
                Levels:{' '}
                {levels.map(l => `${l.name} ≥ ${l.minScore}`).join(', ')}.
                Evaluated {new Date(score.evaluatedAt).toLocaleString()}.
              </Typography>
            </Box>
          ) : (
            <Typography>Not scored yet.</Typography>
          )}
          <ConfirmBar entityRef={ref} onConfirmed={retry} />
        </InfoCard>
      </Grid>
      {score && (
        <Grid item xs={12}>
          <InfoCard title="Trend">
            <EntityTrend entityRef={value!.ref} />
          </InfoCard>
        </Grid>
      )}
      {score && (
        <Grid item xs={12}>
          <ExemptionRequestForm
            entityRef={ref}
            rules={rules.filter(rule => results.has(rule.id))}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <Table<Row>
          title="Rules"
          options={{ paging: false, search: false }}
          columns={columns}
          data={rows}
        />
      </Grid>
      <Grid item xs={12}>
        <ExemptionTrail entityRef={refOf(ref)} />
      </Grid>
    </Grid>
  );
};

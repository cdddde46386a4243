import { InfoCard } from '@backstage/core-components';
import {
  QualityLevel,
  QualitySummary,
} from '@internal/plugin-metadata-quality-common';
import { Typography } from '@material-ui/core';
import { DistributionChart } from './DistributionChart';

/** Entity count, average score, count per level and the score buckets. */
export const ScoreDistributionCard = ({
  summary,
  levels,
}: {
  summary: QualitySummary;
  /** Lowest first. */
  levels: QualityLevel[];
}) => (
  <InfoCard title="Score distribution">
    <Typography>
      {summary.entityCount} entities, average score{' '}
      {summary.averageScore ?? '–'}. No level: {summary.levels.none ?? 0},{' '}
      {levels.map(l => `${l.name}: ${summary.levels[l.name] ?? 0}`).join(', ')}.
    </Typography>
    <DistributionChart buckets={summary.buckets} />
  </InfoCard>
);

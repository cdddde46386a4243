import { InfoCard } from '@backstage/core-components';
import {
  GroupSummary,
  HistoryPoint,
} from '@internal/plugin-metadata-quality-common';
import { QualityErrorPanel } from './QualityErrorPanel';
import { SelectField } from './SelectField';
import { TrendChart } from './TrendChart';

/** A team picker and the chart of that team's average score over time. */
export const TeamTrendCard = ({
  groups,
  groupRef,
  onSelect,
  trend,
}: {
  groups: GroupSummary[];
  /** The team shown. */
  groupRef?: string;
  onSelect: (groupRef: string) => void;
  trend: { value?: HistoryPoint[]; error?: Error };
}) => {
  const title = groups.find(g => g.groupRef === groupRef)?.title;
  return (
    <InfoCard title="Trend">
      <SelectField
        id="trend-group"
        label="Team"
        value={groupRef ?? ''}
        onChange={onSelect}
        options={groups.map(g => ({
          value: g.groupRef,
          label: g.title ?? g.groupRef,
        }))}
      />
      {trend.error ? (
        <QualityErrorPanel error={trend.error} />
      ) : (
        <TrendChart
          points={trend.value ?? []}
          label={`Average score of ${
            title ?? groupRef ?? 'the team'
          } over time`}
        />
      )}
    </InfoCard>
  );
};

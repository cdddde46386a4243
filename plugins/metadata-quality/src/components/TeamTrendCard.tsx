import { InfoCard } from '@backstage/core-components';
import {
  GroupSummary,
  HistoryPoint,
} from '@internal/plugin-metadata-quality-common';
import { FormControl, InputLabel, MenuItem, Select } from '@material-ui/core';
import { QualityErrorPanel } from './QualityErrorPanel';
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
      <FormControl fullWidth>
        <InputLabel id="trend-group">Team</InputLabel>
        <Select
          labelId="trend-group"
          value={groupRef ?? ''}
          onChange={e => onSelect(e.target.value as string)}
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
            title ?? groupRef ?? 'the team'
          } over time`}
        />
      )}
    </InfoCard>
  );
};

import { Chip, Typography } from '@material-ui/core';
import { ServedQualityRule } from '@internal/plugin-metadata-quality-common';

const LEVEL_COLOURS: Record<string, string> = {
  Gold: '#c9a227',
  Silver: '#9e9e9e',
  Bronze: '#a0522d',
};

/** A chip naming the level, or "No level". */
export const LevelChip = ({ level }: { level: string | null }) => (
  <Chip
    size="small"
    label={level ?? 'No level'}
    style={{
      backgroundColor: level ? LEVEL_COLOURS[level] ?? '#1976d2' : undefined,
      color: level ? '#fff' : undefined,
    }}
  />
);

/** Rules by id. */
export function rulesById(
  rules: ServedQualityRule[],
): Map<string, ServedQualityRule> {
  return new Map(rules.map(r => [r.id, r]));
}

/** A plain SVG line chart of a score series (0..100); one point is drawn as a labelled dot. */
export const TrendChart = ({
  points,
  label,
}: {
  points: { day: string; score: number }[];
  label: string;
}) => {
  const width = 480;
  const height = 160;
  const pad = 28;
  if (points.length === 0) return <p>No history yet.</p>;
  const single = points.length === 1;
  const x = (i: number) =>
    single ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (score: number) =>
    height - pad - (score / 100) * (height - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.score)}`)
    .join(' ');
  const last = points[points.length - 1];
  return (
    <>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={label}
      >
        {[0, 50, 100].map(v => (
          <g key={v}>
            <line x1={pad} x2={width - pad} y1={y(v)} y2={y(v)} stroke="#ddd" />
            <text x={4} y={y(v) + 4} fontSize={12} fill="#666">
              {v}
            </text>
          </g>
        ))}
        {!single && (
          <path d={path} fill="none" stroke="#1976d2" strokeWidth={2} />
        )}
        {points.map((p, i) => (
          <circle
            key={p.day}
            cx={x(i)}
            cy={y(p.score)}
            r={single ? 5 : 3}
            fill="#1976d2"
          >
            <title>{`${p.day}: ${p.score}`}</title>
          </circle>
        ))}
        <text
          x={x(points.length - 1) + (single ? 0 : -4)}
          y={y(last.score) - 10}
          fontSize={14}
          fontWeight="bold"
          fill="#1976d2"
          textAnchor={single ? 'middle' : 'end'}
        >
          {last.score}
        </text>
        {single ? (
          <text
            x={width / 2}
            y={height - 6}
            fontSize={12}
            fill="#666"
            textAnchor="middle"
          >
            {last.day}
          </text>
        ) : (
          <>
            <text x={pad} y={height - 6} fontSize={12} fill="#666">
              {points[0].day}
            </text>
            <text
              x={width - pad}
              y={height - 6}
              fontSize={12}
              fill="#666"
              textAnchor="end"
            >
              {last.day}
            </text>
          </>
        )}
      </svg>
      {single && (
        <Typography variant="body2" color="textSecondary">
          One day of history so far: {last.score} on {last.day}. A line appears
          from the second day.
        </Typography>
      )}
    </>
  );
};

function bucketColour(bucket: number): string {
  if (bucket >= 9) return LEVEL_COLOURS.Gold;
  if (bucket >= 7) return LEVEL_COLOURS.Silver;
  if (bucket >= 5) return LEVEL_COLOURS.Bronze;
  return '#e57373';
}

/** Bars of entity counts in ten-point score buckets. */
export const DistributionChart = ({ buckets }: { buckets: number[] }) => {
  const width = 480;
  const height = 160;
  const max = Math.max(1, ...buckets);
  const barWidth = (width - 40) / buckets.length;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label="Score distribution"
    >
      {buckets.map((count, i) => {
        const h = (count / max) * (height - 40);
        return (
          <g key={i}>
            <rect
              x={20 + i * barWidth + 2}
              y={height - 20 - h}
              width={barWidth - 4}
              height={h}
              fill={bucketColour(i)}
            >
              <title>{`${i * 10}–${
                i === 9 ? 100 : i * 10 + 9
              }: ${count}`}</title>
            </rect>
            <text
              x={20 + i * barWidth + barWidth / 2}
              y={height - 6}
              fontSize={10}
              textAnchor="middle"
              fill="#888"
            >
              {i * 10}
            </text>
            <text
              x={20 + i * barWidth + barWidth / 2}
              y={height - 24 - h}
              fontSize={10}
              textAnchor="middle"
            >
              {count}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

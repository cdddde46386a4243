import { LEVEL_COLOURS } from './levelColours';

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

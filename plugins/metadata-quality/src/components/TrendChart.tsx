import { Typography } from '@material-ui/core';

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
  // The days at either end of the axis, or the one day under its dot.
  const dayLabels: [number, string, 'start' | 'middle' | 'end'][] = single
    ? [[width / 2, last.day, 'middle']]
    : [
        [pad, points[0].day, 'start'],
        [width - pad, last.day, 'end'],
      ];
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
        {dayLabels.map(([at, day, anchor]) => (
          <text
            key={anchor}
            x={at}
            y={height - 6}
            fontSize={12}
            fill="#666"
            textAnchor={anchor}
          >
            {day}
          </text>
        ))}
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

import { Chip } from '@material-ui/core';
import { LEVEL_COLOURS } from './levelColours';

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

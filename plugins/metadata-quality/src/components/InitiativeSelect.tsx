import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Initiative } from '@internal/plugin-metadata-quality-common';
import {
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
} from '@material-ui/core';
import { initiativesRouteRef } from '../routes';

/** Narrows the leaderboard and the worst entities to one initiative's entities; links to the initiatives. */
export const InitiativeSelect = ({
  initiatives,
  value,
  onChange,
}: {
  initiatives: Initiative[];
  value?: number;
  onChange: (value: string) => void;
}) => {
  const initiativesLink = useRouteRef(initiativesRouteRef);
  return (
    <Box display="flex" alignItems="flex-end" style={{ gap: 24 }}>
      <FormControl style={{ minWidth: 280 }}>
        <InputLabel id="initiative-filter">Initiative</InputLabel>
        <Select
          labelId="initiative-filter"
          value={value === undefined ? '' : String(value)}
          onChange={e => onChange(e.target.value as string)}
        >
          <MenuItem value="">All entities</MenuItem>
          {initiatives.map(i => (
            <MenuItem key={i.id} value={String(i.id)}>
              {i.title}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {initiativesLink && <Link to={initiativesLink()}>Initiatives</Link>}
    </Box>
  );
};

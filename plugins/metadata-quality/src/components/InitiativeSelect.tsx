import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Initiative } from '@internal/plugin-metadata-quality-common';
import { Box } from '@material-ui/core';
import { initiativesRouteRef } from '../routes';
import { SelectField } from './SelectField';

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
      <SelectField
        id="initiative-filter"
        label="Initiative"
        minWidth={280}
        value={value === undefined ? '' : String(value)}
        onChange={onChange}
        options={[
          { value: '', label: 'All entities' },
          ...initiatives.map(i => ({ value: String(i.id), label: i.title })),
        ]}
      />
      {initiativesLink && <Link to={initiativesLink()}>Initiatives</Link>}
    </Box>
  );
};

import { Progress } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import { ReactNode } from 'react';
import { QualityErrorPanel } from '../components/QualityErrorPanel';
import { OwnedScores, useOwnedScores } from './useOwnedScores';

/** Says that nothing names the user or their teams as owner, and how that changes. */
export const NothingOwned = ({
  ownershipRefs,
}: {
  ownershipRefs: string[];
}) => (
  <Typography variant="body2">
    No entity in the catalog is owned by you or your teams (
    <EntityRefLinks entityRefs={ownershipRefs} defaultKind="group" />
    ). An entity becomes yours when its <code>spec.owner</code> names one of
    them.
  </Typography>
);

/**
 * Renders the loading state, the error or the empty state of {@link useOwnedScores}, and
 * otherwise its children with the scores.
 */
export function WithOwnedScores(props: {
  children: (scores: OwnedScores) => ReactNode;
}) {
  const { value, loading, error } = useOwnedScores();
  if (error) return <QualityErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  if (value.items.length === 0) {
    return <NothingOwned ownershipRefs={value.ownershipRefs} />;
  }
  return <>{props.children(value)}</>;
}

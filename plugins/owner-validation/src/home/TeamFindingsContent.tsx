import { Link, Progress } from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  FINDING_TYPE_TITLES,
  StoredOwnerFinding,
} from '@internal/plugin-owner-validation-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { ownerValidationApiRef } from '../api';
import { OwnerValidationErrorPanel } from '../components/OwnerValidationErrorPanel';
import { rootRouteRef } from '../plugin';
import { compareFindings, nextStep } from './nextStep';

const SHOWN = 5;

const Finding = ({ finding }: { finding: StoredOwnerFinding }) => (
  <ListItem divider disableGutters>
    <Box width="100%">
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" component="span">
          <EntityRefLink
            entityRef={finding.entityRef}
            title={finding.title}
            defaultKind={finding.kind}
          />
        </Typography>
        <Chip
          size="small"
          label={finding.severity === 'error' ? 'Error' : 'Warning'}
          color={finding.severity === 'error' ? 'secondary' : 'default'}
        />
      </Box>
      <Typography variant="body2">
        <strong>{FINDING_TYPE_TITLES[finding.type]}</strong>: {finding.message}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        To do: {nextStep(finding)}.
      </Typography>
    </Box>
  </ListItem>
);

/** The open owner findings of the entities the signed-in user's teams are responsible for. */
export function TeamFindingsContent() {
  const ownershipPage = useRouteRef(rootRouteRef);
  const identityApi = useApi(identityApiRef);
  const api = useApi(ownerValidationApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const pages = await Promise.all(
      ownershipEntityRefs.map(team =>
        api.listFindings({ params: { query: { team, limit: 100 } } }),
      ),
    );
    const findings = new Map<number, StoredOwnerFinding>();
    for (const finding of pages.flatMap(p => p.items)) {
      findings.set(finding.id, finding);
    }
    return {
      ownershipRefs: ownershipEntityRefs,
      findings: [...findings.values()].sort(compareFindings),
    };
  }, [identityApi, api]);

  if (error) return <OwnerValidationErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  if (value.findings.length === 0) {
    return (
      <Typography variant="body2">
        No open owner findings: nothing you or your teams (
        <EntityRefLinks entityRefs={value.ownershipRefs} defaultKind="group" />)
        are responsible for has an ownership problem.
      </Typography>
    );
  }
  const errors = value.findings.filter(f => f.severity === 'error').length;
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {value.findings.length} open, {errors} of them errors.{' '}
        {ownershipPage ? (
          <Link to={ownershipPage()}>All teams on the Ownership page</Link>
        ) : null}
      </Typography>
      <List dense>
        {value.findings.slice(0, SHOWN).map(f => (
          <Finding key={f.id} finding={f} />
        ))}
      </List>
    </>
  );
}

import { Link, MarkdownContent } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Box, List, ListItem, Typography } from '@material-ui/core';
import { LevelChip } from '../components/LevelChip';
import { rootRouteRef } from '../plugin';
import { NextAction, nextActions } from './nextActions';
import { WithOwnedScores } from './OwnedState';

/** How many entities the card lists; the Quality page has the rest. */
const SHOWN = 5;

const Action = ({ action }: { action: NextAction }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  const { entity, rule } = action;
  return (
    <ListItem divider disableGutters>
      <Box width="100%">
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="subtitle1" component="span">
            <EntityRefLink entityRef={entity.entityRef} title={entity.title} />
          </Typography>
          <LevelChip level={entity.level} />
          <Typography variant="body2" color="textSecondary" component="span">
            Score {entity.score}
          </Typography>
          {entityRoute ? (
            <Link
              to={`${entityRoute(entityRouteParams(entity.entityRef))}/quality`}
            >
              Quality tab
            </Link>
          ) : null}
        </Box>
        <Typography variant="body2">
          <strong>{action.ownerProblem ? 'Owner problem' : rule.title}</strong>
          {action.message ? `: ${action.message}` : null}
        </Typography>
        <MarkdownContent content={action.fix ?? rule.howToFix} />
      </Box>
    </ListItem>
  );
};

/** The owned entities to fix first: failing owner checks, then the lowest scores. */
export function NeedsActionContent() {
  const qualityPage = useRouteRef(rootRouteRef);
  return (
    <WithOwnedScores>
      {({ items, rules }) => {
        const actions = nextActions(items, rules);
        if (actions.length === 0) {
          return (
            <Typography variant="body2">
              Every entity you own passes every quality rule.
            </Typography>
          );
        }
        return (
          <>
            <Typography variant="body2" color="textSecondary">
              {actions.length} of your {items.length} entities fail a quality
              rule. Owner problems first, then the lowest scores.{' '}
              {qualityPage ? (
                <Link to={qualityPage()}>All scores on the Quality page</Link>
              ) : null}
            </Typography>
            <List dense>
              {actions.slice(0, SHOWN).map(a => (
                <Action key={a.entity.entityRef} action={a} />
              ))}
            </List>
          </>
        );
      }}
    </WithOwnedScores>
  );
}

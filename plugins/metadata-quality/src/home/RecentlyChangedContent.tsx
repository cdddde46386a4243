import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText } from '@material-ui/core';
import { WithOwnedScores } from './OwnedState';

const SHOWN = 5;

/** The owned entities whose definition changed most recently. */
export function RecentlyChangedContent() {
  return (
    <WithOwnedScores>
      {({ items }) => (
        <List dense>
          {[...items]
            .sort((a, b) => b.changedAt.localeCompare(a.changedAt))
            .slice(0, SHOWN)
            .map(e => (
              <ListItem key={e.entityRef} divider disableGutters>
                <ListItemText
                  primary={
                    <EntityRefLink entityRef={e.entityRef} title={e.title} />
                  }
                  secondary={`${e.kind}, changed ${new Date(
                    e.changedAt,
                  ).toLocaleString(undefined, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                  })}`}
                />
              </ListItem>
            ))}
        </List>
      )}
    </WithOwnedScores>
  );
}

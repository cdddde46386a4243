import { FavoriteToggleIcon } from '@backstage/core-components';
import {
  CatalogIndexPage,
  CatalogIndexPageProps,
} from '@backstage/plugin-catalog/alpha';
import { useStarredEntities } from '@backstage/plugin-catalog-react';
import { makeStyles, useMediaQuery } from '@material-ui/core';
import { useMemo } from 'react';
import { readableCatalogColumns } from './readableColumns';

const FILTERS_WIDTH = 208;
// Below this width the seven columns do not fit beside the filters without squeezing the
// description to a word per line, so the Tags column gives way.
const TAGS_MIN_VIEWPORT = 1400;

const useStyles = makeStyles({
  // The stock layout gives the filters 2/12 of the width: 168 px at 1280, too little for the owner
  // chips and the "Owned"/"Starred" counts. A fixed column leaves the rest to the table.
  page: {
    '& .MuiGrid-grid-lg-2': {
      flex: `0 0 ${FILTERS_WIDTH}px`,
      maxWidth: FILTERS_WIDTH,
    },
    '& .MuiGrid-grid-lg-10': {
      flex: '1 1 0',
      maxWidth: `calc(100% - ${FILTERS_WIDTH}px)`,
      minWidth: 0,
    },
    // Owner chips show the whole name, on two lines when it is long.
    '& .MuiAutocomplete-tag': { maxWidth: '100%', height: 'auto' },
    '& .MuiAutocomplete-tag .MuiChip-label': {
      whiteSpace: 'normal',
      overflow: 'visible',
      paddingTop: 2,
      paddingBottom: 2,
    },
  },
});

/** The stock catalog index page with columns and filters that can be read at 1280 px and up. */
export function ReadableCatalogPage(props: CatalogIndexPageProps) {
  const classes = useStyles();
  const { isStarredEntity, toggleStarredEntity } = useStarredEntities();
  const wide = useMediaQuery(`(min-width: ${TAGS_MIN_VIEWPORT}px)`, {
    noSsr: true,
  });
  const columns = useMemo(() => readableCatalogColumns({ tags: wide }), [wide]);
  // Only the star: the stock "view" and "edit" actions need annotations no entity here has, and
  // their greyed-out icons took the width the description needs.
  const actions: CatalogIndexPageProps['actions'] = [
    ({ entity }) => {
      const starred = isStarredEntity(entity);
      return {
        icon: () => <FavoriteToggleIcon isFavorite={starred} />,
        tooltip: starred ? 'Remove from favorites' : 'Add to favorites',
        onClick: () => toggleStarredEntity(entity),
      };
    },
  ];
  return (
    <div className={classes.page}>
      <CatalogIndexPage {...props} columns={columns} actions={actions} />
    </div>
  );
}

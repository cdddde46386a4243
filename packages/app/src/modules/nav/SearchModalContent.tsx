import { CatalogSearchResultListItem } from '@backstage/plugin-catalog';
import { SearchModalChildrenProps } from '@backstage/plugin-search';
import {
  SearchBar,
  SearchResult,
  SearchResultPager,
  useSearch,
} from '@backstage/plugin-search-react';
import { TechDocsSearchResultListItem } from '@backstage/plugin-techdocs';
import {
  Box,
  Button,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Typography,
} from '@material-ui/core';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import CloseIcon from '@material-ui/icons/Close';
import { useCallback, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * The search modal's content: the stock layout, but nothing (rather than "no results") until
 * something is typed, and results that name their entity (catalog kind and owner; "... docs"
 * for TechDocs pages).
 */
export function SearchModalContent({ toggleModal }: SearchModalChildrenProps) {
  const navigate = useNavigate();
  const { term } = useSearch();
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => input.current?.focus(), []);
  const openSearchPage = useCallback(() => {
    navigate(`/search?query=${encodeURIComponent(input.current?.value ?? '')}`);
  }, [navigate]);
  const typed = term.trim().length > 0;
  return (
    <>
      <DialogTitle>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Box flexGrow={1}>
            <SearchBar inputProps={{ ref: input }} onSubmit={openSearchPage} />
          </Box>
          <IconButton aria-label="Close search" onClick={toggleModal}>
            <CloseIcon />
          </IconButton>
        </Box>
      </DialogTitle>
      <DialogContent>
        {typed ? (
          <>
            <Box display="flex" justifyContent="flex-end">
              <Button
                color="primary"
                endIcon={<ArrowForwardIcon />}
                onClick={openSearchPage}
              >
                View full results
              </Button>
            </Box>
            <SearchResult>
              <CatalogSearchResultListItem />
              <TechDocsSearchResultListItem />
            </SearchResult>
          </>
        ) : (
          <Typography variant="body1" color="textSecondary">
            Type a name, a team or a word from the docs to search the catalog
            and TechDocs.
          </Typography>
        )}
      </DialogContent>
      {typed ? (
        <DialogActions>
          <SearchResultPager />
        </DialogActions>
      ) : null}
    </>
  );
}

import {
  Content,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  MAX_PAGE_SIZE,
  type ProcessingProblem,
} from '@internal/plugin-catalog-problems-common';
import { catalogProblemsApiRef } from '../api';
import { UnregisterButton, withoutType } from './UnregisterButton';

const PAGE_SIZE = 20;

/** A problem with the searchable text as plain fields, so the table's filter finds files and messages. */
type Row = ProcessingProblem & { fileName: string; messages: string };

function columns(onUnregistered: (ref: string) => void): TableColumn<Row>[] {
  return [
    {
      title: 'File',
      field: 'fileName',
      render: p => <code>{p.fileName}</code>,
      width: '30%',
    },
    {
      title: 'Entity',
      field: 'entityRef',
      render: p => p.entityRef ?? 'none read from the file',
      width: '15%',
    },
    {
      title: 'Errors',
      field: 'messages',
      render: p => (
        <>
          {p.errors.map((e, i) => (
            <Typography
              key={i}
              variant="body2"
              component="pre"
              style={{ whiteSpace: 'pre-wrap', margin: 0 }}
            >
              {e.message}
            </Typography>
          ))}
        </>
      ),
    },
    {
      title: 'In the catalog',
      field: 'ingested',
      render: p => (p.ingested ? 'last good version' : 'no'),
      width: '10%',
    },
    {
      title: 'Registration',
      field: 'originLocation',
      render: p =>
        p.originLocationId && p.originLocation ? (
          <UnregisterButton
            locationId={p.originLocationId}
            locationRef={p.originLocation}
            onUnregistered={() => onUnregistered(p.originLocation!)}
          />
        ) : (
          // Locations from app-config are not registrations; they change with the config.
          'from the configuration'
        ),
      width: '10%',
    },
  ];
}

/**
 * Lists what the catalog could not ingest and why, one row per entity or refused document. `?q=`
 * fills the filter, so other pages can link to one problem.
 */
export function CatalogProblemsPage() {
  const api = useApi(catalogProblemsApiRef);
  const [params] = useSearchParams();
  const [unregistered, setUnregistered] = useState<string>();
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.listProcessingProblems({
        params: { query: { limit: MAX_PAGE_SIZE } },
      }),
    [api],
  );
  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <Content>
        <ResponseErrorPanel error={error} />
      </Content>
    );
  }
  return (
    <Content>
      <Typography paragraph>
        Files and entities the catalog could not ingest. Everything else from
        the same file and registration is in the catalog; fix the file named in
        the error and the catalog picks it up on its next pass.
      </Typography>
      {unregistered ? (
        <Typography paragraph role="status">
          Unregistered <code>{withoutType(unregistered)}</code>.
        </Typography>
      ) : null}
      {value?.items.length ? (
        <Table<Row>
          title={`Catalog problems (${value.totalItems})`}
          options={{
            paging: value.items.length > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [20, 50, 100],
            emptyRowsWhenPaging: false,
            search: true,
            searchText: params.get('q') ?? undefined,
            padding: 'dense',
          }}
          columns={columns(ref => {
            setUnregistered(ref);
            retry();
          })}
          data={value.items.map(p => ({
            ...p,
            fileName: p.file ? withoutType(p.file) : '-',
            messages: p.errors.map(e => e.message).join('\n'),
          }))}
        />
      ) : (
        <Typography>
          No problems: every registered file was ingested.
        </Typography>
      )}
    </Content>
  );
}

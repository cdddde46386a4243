import {
  Content,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type { ProcessingProblem } from '@internal/plugin-catalog-problems-common';
import { catalogProblemsApiRef } from '../api';

/** The file a problem comes from, without the `url:`/`file:` prefix. */
function fileOf(problem: ProcessingProblem) {
  const messageFile = problem.errors
    .map(e => /^(?:url|file):(\S+?): /.exec(e.message)?.[1])
    .find(Boolean);
  return messageFile ?? problem.location?.replace(/^(url|file):/, '') ?? '-';
}

/** A problem with the searchable text as plain fields, so the table's filter finds files and messages. */
type Row = ProcessingProblem & { file: string; messages: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'File',
    field: 'file',
    render: p => <code>{p.file}</code>,
    width: '30%',
  },
  { title: 'Entity', field: 'entityRef', width: '20%' },
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
];

/** Lists what the catalog could not ingest and why, newest registrations included. */
export function CatalogProblemsPage() {
  const api = useApi(catalogProblemsApiRef);
  const { value, loading, error } = useAsync(() => api.listProblems(), [api]);
  if (loading) return <Progress />;
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
        the same registration is in the catalog; fix the file named in the error
        and the catalog picks it up on its next pass.
      </Typography>
      {value?.items.length ? (
        <Table<Row>
          title={`Catalog problems (${value.totalItems})`}
          options={{
            paging: true,
            pageSize: 50,
            search: true,
            padding: 'dense',
          }}
          columns={columns}
          data={value.items.map(p => ({
            ...p,
            file: fileOf(p),
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

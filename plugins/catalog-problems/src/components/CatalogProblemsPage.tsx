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
import { catalogProblemsApiRef, ProcessingProblem } from '../api';

/** The file a problem comes from, without the `url:`/`file:` prefix. */
function fileOf(problem: ProcessingProblem) {
  const messageFile = problem.errors
    .map(e => /^(?:url|file):(\S+?): /.exec(e.message)?.[1])
    .find(Boolean);
  return messageFile ?? problem.location?.replace(/^(url|file):/, '') ?? '-';
}

const columns: TableColumn<ProcessingProblem>[] = [
  {
    title: 'File',
    field: 'location',
    render: p => <code>{fileOf(p)}</code>,
    width: '30%',
  },
  { title: 'Entity', field: 'entityRef', width: '20%' },
  {
    title: 'Errors',
    field: 'errors',
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
        <Table<ProcessingProblem>
          title={`Catalog problems (${value.totalItems})`}
          options={{
            paging: true,
            pageSize: 50,
            search: true,
            padding: 'dense',
          }}
          columns={columns}
          data={value.items}
        />
      ) : (
        <Typography>
          No problems: every registered file was ingested.
        </Typography>
      )}
    </Content>
  );
}

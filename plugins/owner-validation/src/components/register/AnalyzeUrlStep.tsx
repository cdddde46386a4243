import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  AnalyzeResult,
  catalogImportApiRef,
  ImportFlows,
  PrepareResult,
} from '@backstage/plugin-catalog-import';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import { explainAnalyzeError } from './explainAnalyzeError';

/**
 * An example URL that works here: `lighthouse.register.exampleUrl`, else a file on the first
 * configured integration's host; undefined when the portal can read from no host it knows of.
 */
export function useExampleUrl(): string | undefined {
  const config = useApi(configApiRef);
  const configured = config.getOptionalString('lighthouse.register.exampleUrl');
  if (configured) return configured;
  for (const type of ['github', 'gitlab', 'bitbucketCloud', 'azure', 'gitea']) {
    const host = config
      .getOptionalConfigArray(`integrations.${type}`)?.[0]
      ?.getOptionalString('host');
    if (host) return `https://${host}/<org>/<repo>/blob/main/catalog-info.yaml`;
  }
  return undefined;
}

/**
 * The Register page's first step: the stock one's flow, with errors a developer can act on, an
 * example URL that works in this installation, and an error that clears when the URL changes.
 */
export function AnalyzeUrlStep(props: {
  analysisUrl?: string;
  disablePullRequest: boolean;
  onAnalysis: (
    flow: ImportFlows,
    url: string,
    result: AnalyzeResult,
    opts?: { prepareResult?: PrepareResult },
  ) => void;
}) {
  const api = useApi(catalogImportApiRef);
  const example = useExampleUrl();
  const [url, setUrl] = useState(props.analysisUrl ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const analyze = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\//.test(url)) {
      setError('Enter the full URL of the file, starting with https://');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.analyzeUrl(url);
      if (result.type === 'repository') {
        if (!props.disablePullRequest && result.generatedEntities.length) {
          props.onAnalysis('no-location', url, result);
          return;
        }
        setError(
          `No catalog-info.yaml at ${url}: give the URL of the file itself, e.g. ${
            example ?? '…/blob/main/catalog-info.yaml'
          }`,
        );
      } else if (result.locations.length === 1) {
        props.onAnalysis('single-location', url, result, {
          prepareResult: result,
        });
        return;
      } else if (result.locations.length > 1) {
        props.onAnalysis('multiple-locations', url, result);
        return;
      } else {
        setError(`There are no entities in ${url}.`);
      }
    } catch (e) {
      setError(explainAnalyzeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={analyze}>
      <TextField
        id="url"
        label="URL"
        value={url}
        onChange={e => {
          setUrl(e.target.value);
          // An answer about another URL would be wrong about this one.
          setError(undefined);
        }}
        placeholder={example}
        helperText={
          example
            ? `The URL of a catalog-info.yaml, e.g. ${example}`
            : 'The URL of a catalog-info.yaml. No Git host is set up under integrations in this portal; registering works only from hosts its admins allow in backend.reading.allow.'
        }
        fullWidth
        required
        margin="normal"
        variant="outlined"
        error={Boolean(error)}
      />
      {error ? (
        <FormHelperText error role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </FormHelperText>
      ) : null}
      <Button
        type="submit"
        variant="contained"
        color="primary"
        disabled={!url || busy}
        startIcon={busy ? <CircularProgress size={16} /> : undefined}
      >
        Analyze
      </Button>
    </form>
  );
}

import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  catalogImportTranslationRef,
  defaultGenerateStepper,
  ImportInfoCard,
  ImportStepper,
} from '@backstage/plugin-catalog-import';
import Grid from '@material-ui/core/Grid';
import { OwnerFindingsPanel } from './OwnerFindingsPanel';
import { AnalyzeUrlStep, useExampleUrl } from './register/AnalyzeUrlStep';

type GenerateStepper = NonNullable<
  Parameters<typeof ImportStepper>[0]['generateStepper']
>;

/** The stock stepper, with the owner findings shown above the review step's Import button. */
export const generateStepper: GenerateStepper = (flow, defaults, t) => {
  const steps = defaultGenerateStepper(flow, defaults, t);
  return {
    ...steps,
    analyze: (state, opts) => ({
      ...steps.analyze(state, opts),
      content: (
        <AnalyzeUrlStep
          key="analyze"
          analysisUrl={state.analysisUrl}
          onAnalysis={state.onAnalysis}
          disablePullRequest={!opts.apis.catalogImportApi.preparePullRequest}
        />
      ),
    }),
    review: (state, opts) => {
      const step = steps.review(state, opts);
      // The stepper renders every step with the current state, whatever step is active.
      const targets =
        state.activeState === 'review' &&
        state.prepareResult?.type === 'locations'
          ? state.prepareResult.locations.map(l => l.target)
          : [];
      return {
        ...step,
        content: (
          <>
            {targets.length ? <OwnerFindingsPanel targets={targets} /> : null}
            {step.content}
          </>
        ),
      };
    },
  };
};

/** The catalog-import page as the stock one lays it out, with the owner-checking stepper. */
export function OwnerCheckedImportPage() {
  const { t } = useTranslationRef(catalogImportTranslationRef);
  const appTitle =
    useApi(configApiRef).getOptionalString('app.title') || 'Backstage';
  const example = useExampleUrl();
  return (
    <Content>
      <ContentHeader
        title={t('defaultImportPage.contentHeaderTitle', { appTitle })}
      >
        <SupportButton>
          {t('defaultImportPage.supportTitle', { appTitle })}
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={2}>
        <Grid item xs={12} md={8} lg={6} xl={4}>
          <ImportStepper generateStepper={generateStepper} />
        </Grid>
        <Grid item xs={12} md={4} lg={6} xl={8}>
          <ImportInfoCard
            exampleLocationUrl={
              example ?? 'none: no Git host is set up for this portal'
            }
          />
        </Grid>
      </Grid>
    </Content>
  );
}

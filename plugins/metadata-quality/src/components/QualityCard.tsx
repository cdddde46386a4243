import {
  Gauge,
  InfoCard,
  MarkdownContent,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ProposeFixButton } from '@internal/plugin-catalog-fixes-react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ConfirmBar } from './ConfirmBar';
import { exemptText } from '@internal/plugin-metadata-quality-common';
import { getScoreIfAny, metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';
import { LevelChip } from './LevelChip';
import { rulesById } from './rulesById';

/** Hook: the entity's score and the rules, loaded together. */
export function useEntityQuality() {
  const { entity } = useEntity();
  const api = useApi(metadataQualityApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(async () => {
    const [score, { rules, levels }] = await Promise.all([
      getScoreIfAny(api, ref),
      api.getRules(),
    ]);
    return { score, rules, levels, ref };
  }, [api, ref.kind, ref.namespace, ref.name]);
}

/** Score, level and the failing checks with how to fix them. */
export const QualityCard = () => {
  const { value, loading, error, retry } = useEntityQuality();
  if (loading) return <Progress />;
  if (error) return <QualityErrorPanel error={error} />;
  const { score, rules, ref } = value!;
  if (!score) {
    return (
      <InfoCard title="Metadata quality">
        <Typography>
          Not scored: no quality rule applies to this entity, or it has not been
          evaluated yet.
        </Typography>
      </InfoCard>
    );
  }
  const byId = rulesById(rules);
  const failing = score.results.filter(r => !r.passed && !r.exempt);
  const exempt = score.results.filter(r => r.exempt);
  return (
    <InfoCard
      title="Metadata quality"
      deepLink={{ title: 'All checks', link: 'quality' }}
    >
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <Box width={120}>
          {/* The small size keeps "100%" inside a 120 px ring. */}
          <Gauge size="small" value={score.score / 100} />
        </Box>
        <Box>
          <Typography variant="h5" aria-label="Quality score">
            Score {score.score}
          </Typography>
          <LevelChip level={score.level} />
          <Typography variant="body2" color="textSecondary">
            {score.results.length - failing.length - exempt.length} of{' '}
            {score.results.length} checks pass
          </Typography>
        </Box>
      </Box>
      <ConfirmBar entityRef={ref} onConfirmed={retry} />
      {exempt.map(result => (
        <Typography key={result.ruleId} variant="body2" color="textSecondary">
          {byId.get(result.ruleId)?.title ?? result.ruleId}:{' '}
          {exemptText(result.exempt!)}
        </Typography>
      ))}
      {failing.length > 0 && (
        <Box mt={2}>
          <Typography variant="h6">Failing checks</Typography>
          {failing.map(result => {
            const rule = byId.get(result.ruleId);
            return (
              <Box key={result.ruleId} mt={1} data-testid="failing-check">
                <Typography variant="subtitle2">
                  {rule?.title ?? result.ruleId}
                </Typography>
                {result.message && (
                  <Typography variant="body2" color="textSecondary">
                    {result.message}
                  </Typography>
                )}
                {(result.fix ?? rule?.howToFix) && (
                  <MarkdownContent
                    content={result.fix ?? rule?.howToFix ?? ''}
                  />
                )}
                {result.edits && (
                  <ProposeFixButton
                    entityRef={stringifyEntityRef(ref)}
                    fix={{ type: 'rule', ruleId: result.ruleId }}
                  />
                )}
              </Box>
            );
          })}
        </Box>
      )}
    </InfoCard>
  );
};

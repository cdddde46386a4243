import { Finding, LintReport } from './types';

/** The output formats of `--format`. */
export const FORMATS = ['text', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const where = (f: Pick<Finding, 'file' | 'line' | 'column'>) =>
  `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`;

/** Counts by severity. */
export function summaryOf(report: LintReport) {
  const count = (s: Finding['severity']) =>
    report.findings.filter(f => f.severity === s).length;
  return {
    files: report.files.length,
    skipped: report.skipped.length,
    errors: count('error'),
    warnings: count('warning'),
    notices: count('notice'),
  };
}

function text(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(
      `${where(f)}  ${f.severity}  ${f.message.replace(/\n/g, ' ')}  [${
        f.check
      }]`,
    );
  }
  for (const s of report.scores) {
    lines.push(
      `${where(s)}  score  ${s.entityRef}: ${s.score}${
        s.level ? ` (${s.level})` : ' (no level)'
      }`,
    );
  }
  for (const s of report.skipped) lines.push(`${s.file}  skipped  ${s.reason}`);
  const sum = summaryOf(report);
  lines.push(
    `${sum.files} files checked, ${sum.skipped} skipped: ${sum.errors} errors, ${sum.warnings} warnings, ${sum.notices} notices`,
  );
  return `${lines.join('\n')}\n`;
}

// GitHub's workflow commands: data escapes %, CR and LF; properties also : and ,.
const data = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) =>
  data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(report: LintReport): string {
  const lines = report.findings.map(f => {
    const props = [
      `file=${property(f.file)}`,
      ...(f.line ? [`line=${f.line}`] : []),
      ...(f.column ? [`col=${f.column}`] : []),
      `title=${property(`catalog-info ${f.check}`)}`,
    ];
    return `::${f.severity} ${props.join(',')}::${data(f.message)}`;
  });
  for (const s of report.scores) {
    lines.push(
      `::notice file=${property(s.file)},line=${s.line},title=${property(
        'metadata quality',
      )}::${data(
        `${s.entityRef} would score ${s.score}${
          s.level ? ` (${s.level})` : ''
        }`,
      )}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The report as the format asks. */
export function formatReport(report: LintReport, format: Format): string {
  if (format === 'json') {
    return `${JSON.stringify(
      { ...report, summary: summaryOf(report) },
      null,
      2,
    )}\n`;
  }
  return format === 'github' ? github(report) : text(report);
}

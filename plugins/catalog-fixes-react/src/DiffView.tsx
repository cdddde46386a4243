import { Box } from '@material-ui/core';

const colours: Record<string, string> = {
  '+': 'rgba(46, 160, 67, 0.18)',
  '-': 'rgba(248, 81, 73, 0.18)',
};

/** A unified diff, added lines green and removed lines red, as code review tools show it. */
export function DiffView(props: { diff: string }) {
  const lines = props.diff.replace(/\n$/, '').split('\n');
  return (
    <Box
      component="pre"
      aria-label="Diff"
      fontFamily="monospace"
      fontSize={13}
      p={1}
      m={0}
      border={1}
      borderColor="divider"
      borderRadius={4}
      style={{ overflowX: 'auto', whiteSpace: 'pre' }}
    >
      {lines.map((line, i) => (
        <Box
          component="span"
          display="block"
          key={i}
          style={{
            background: /^(\+\+\+|---)/.test(line)
              ? undefined
              : colours[line[0]],
            fontWeight: line.startsWith('@@') ? 'bold' : undefined,
          }}
        >
          {line || ' '}
        </Box>
      ))}
    </Box>
  );
}

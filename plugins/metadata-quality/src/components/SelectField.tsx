import { FormControl, InputLabel, MenuItem, Select } from '@material-ui/core';

/**
 * A labelled drop-down of `options` (an option with the value `''` stands for none: "Any", "All
 * teams"); as wide as its container without `minWidth`.
 */
export const SelectField = ({
  id,
  label,
  value,
  onChange,
  options,
  minWidth,
  showEmpty,
}: {
  /** The label's id; the drop-down is labelled by it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  minWidth?: number;
  /** Shows the option for `''` in the field rather than the label. */
  showEmpty?: boolean;
}) => (
  <FormControl
    fullWidth={minWidth === undefined}
    style={minWidth === undefined ? undefined : { minWidth }}
  >
    <InputLabel id={id} shrink={showEmpty || undefined}>
      {label}
    </InputLabel>
    <Select
      labelId={id}
      value={value}
      displayEmpty={showEmpty}
      onChange={e => onChange(e.target.value as string)}
    >
      {options.map(o => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);

import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { GoldenPathNamesClient } from './schema/openapi/generated';

/** The name as a text field; its one help text is the parameter's description. */
function AvailableNamePicker(
  props: FieldExtensionComponentProps<string, { kind?: string }>,
) {
  const {
    onChange,
    required,
    schema: { title = 'Name', description },
    rawErrors,
    formData,
    uiSchema,
    idSchema,
  } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={title}
      helperText={description}
      required={required}
      value={formData ?? ''}
      onChange={({ target: { value } }) => onChange(value)}
      margin="normal"
      error={(rawErrors?.length ?? 0) > 0}
      inputProps={{ autoFocus: uiSchema?.['ui:autofocus'] }}
      FormHelperTextProps={{ margin: 'dense', style: { marginLeft: 0 } }}
    />
  );
}

/**
 * Asks the backend whether a golden path could create an entity of this name (the same check its
 * validate step runs), so a taken name is refused in the form, naming what holds it.
 */
export const availableNamePickerField = createFormField({
  name: 'AvailableNamePicker',
  component: AvailableNamePicker,
  validation: async (value, validation, { apiHolder, uiSchema }) => {
    if (typeof value !== 'string' || !value) return;
    const discovery = apiHolder.get(discoveryApiRef);
    const fetchApi = apiHolder.get(fetchApiRef);
    if (!discovery || !fetchApi) return;
    const kind = (uiSchema?.['ui:options'] as { kind?: string })?.kind;
    const client = new GoldenPathNamesClient({
      discoveryApi: discovery,
      fetchApi,
    });
    let answer;
    try {
      answer = await client.getNameAvailability({
        params: { path: { name: value }, query: kind ? { kind } : {} },
      });
    } catch (e) {
      const status = (e as { response?: { status?: number } }).response?.status;
      validation.addError(
        `The name could not be checked${
          status ? ` (HTTP ${status})` : ''
        }; try again`,
      );
      return;
    }
    if (!answer.available) {
      validation.addError(`${answer.problem}: choose another name`);
    }
  },
});

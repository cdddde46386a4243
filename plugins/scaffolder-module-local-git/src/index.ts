/**
 * Scaffolder frontend module for the golden paths: the `AvailableNamePicker` form field.
 *
 * @packageDocumentation
 */
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** `ui:field: AvailableNamePicker`: a name field that refuses a taken name before the form moves on. */
const availableNamePickerField = FormFieldBlueprint.make({
  name: 'available-name-picker',
  params: {
    field: () =>
      import('./AvailableNamePicker').then(m => m.availableNamePickerField),
  },
});

export default createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [availableNamePickerField],
});

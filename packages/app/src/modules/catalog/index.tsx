import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

/**
 * The catalog index page with readable columns (names wrap only at spaces, descriptions get three
 * lines) and a filter column wide enough for owner chips. Filters, pagination and the rest of the
 * page stay stock.
 */
const catalogIndexPage = catalogPlugin.getExtension('page:catalog').override({
  factory(originalFactory, { inputs, config }) {
    return originalFactory({
      params: {
        loader: async () => {
          const { ReadableCatalogPage } = await import('./ReadableCatalogPage');
          return (
            <ReadableCatalogPage
              filters={
                <>
                  {inputs.filters.map(filter =>
                    filter.get(coreExtensionData.reactElement),
                  )}
                </>
              }
              pagination={config.pagination}
            />
          );
        },
      },
    });
  },
});

/** Lighthouse's changes to the stock catalog pages. */
export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPage],
});

import { CatalogService } from '@backstage/plugin-catalog-node';
import { CallerClients } from '../services/CallerClients';
import { EntityFinder } from '../services/EntityFinder';

/** What the actions read from: the catalog, the in-house plugins and the search engine, as the caller. */
export interface ActionDeps {
  catalog: CatalogService;
  finder: EntityFinder;
  clients: CallerClients;
  /** The app's base URL, for links to TechDocs pages. */
  appBaseUrl: string;
}

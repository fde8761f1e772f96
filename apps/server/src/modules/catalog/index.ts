/** Catalog: service items (事项), themes (一件事) with variants, zone-assessment kinds and parks; versioned definitions. */

/** Pure rules: which variant applies to form values, the stages it runs, the one combined form of several items. */
export { combinedForm, evaluateRule, type FormValues, planFor, selectVariant } from './domain.ts'
export { catalogRoutes } from './routes.ts'
/** Creates the catalog service (reads are unscoped reference data; edits store a new version and are audited). */
export { type CatalogService, createCatalogService } from './service.ts'

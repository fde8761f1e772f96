/** Directory: divisions (real codes, by data year), departments, service locations and staff with posts. */
export { directoryRoutes } from './routes.ts'
/** Creates the directory service (queries are scope-filtered in SQL; writes are audited). */
export { createDirectoryService, type DirectoryService } from './service.ts'

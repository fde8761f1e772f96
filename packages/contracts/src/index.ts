export * from './access.ts'
export * from './identifiers.ts'

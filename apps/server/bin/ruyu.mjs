#!/usr/bin/env node
// The `ruyu` command: runs the TypeScript CLI through tsx (sources are run directly, there is no build step).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')

import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import type { Files } from '../../platform/files.ts'

/** Subject type of a policy's own attachments in core_file_link (read by whoever may read the policy). */
export const POLICY_FILE_SUBJECT = 'policy_policy'

/** The platform's attach check and link for a policy's attachments, in the saving transaction. */
export const attachPolicyFiles = (files: Files, tx: Tx, p: Principal, id: string, ids: string[]) =>
  files.attachChecked(tx, p, ids, { subjectType: POLICY_FILE_SUBJECT, subjectId: id })

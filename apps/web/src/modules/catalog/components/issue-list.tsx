import { Alert } from 'antd'
import { ApiError } from '../../../shared/request'

/**
 * Every issue of a rejected definition, by path, so problems that have no box of their own on the form (a stage
 * mapping, an item in two stages) are still listed. Shows nothing for errors without issues.
 */
export function IssueList({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || !error.details?.issues?.length) return null
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 16 }}
      title={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {error.details.issues.map((issue) => (
            <li key={`${issue.path.join('.')}:${issue.message}`}>
              <code>{issue.path.join('.')}</code> {issue.message}
            </li>
          ))}
        </ul>
      }
    />
  )
}

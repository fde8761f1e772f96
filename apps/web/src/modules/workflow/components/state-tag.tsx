import { Tag } from 'antd'
import type { WorkflowNode } from '../api'
import { stateLabel } from '../labels'

/** Colour of a node's state: blue waiting, processing under review, orange paused, green/red finished, grey ended. */
function colorOf(node: WorkflowNode): string {
  if (node.status === 'cancelled') return 'default'
  if (node.status === 'completed') return node.outcome === 'approved' ? 'success' : node.outcome ? 'error' : 'default'
  if (node.pausedAt) return 'orange'
  if (node.state === 'pending' || node.state === 'returned') return 'blue'
  return 'processing'
}

/** The state a workflow node is in, as a coloured tag (the definition's name in Chinese). */
export function StateTag({ node }: { node: WorkflowNode }) {
  return (
    <Tag color={colorOf(node)} data-state={node.state} style={{ marginInlineEnd: 0 }}>
      {stateLabel(node.state, node.stateName)}
    </Tag>
  )
}

import { Space, Typography } from 'antd'
import type { Division } from '../api'
import { DivisionKindTag } from './division-kind-tag'

/** `玉林店镇 370612106 [镇]`: how a division is written everywhere in the directory. */
export function DivisionLabel({ division }: { division: Division }) {
  return (
    <Space size={8} wrap={false}>
      <span>{division.name}</span>
      <Typography.Text type="secondary" className="ruyu-tree-node-code" style={{ marginLeft: 0 }}>
        {division.code}
      </Typography.Text>
      <DivisionKindTag kind={division.kind} />
    </Space>
  )
}

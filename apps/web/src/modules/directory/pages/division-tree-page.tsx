import { useQueryClient } from '@tanstack/react-query'
import { App, Card, Col, Input, List, Row, Tree, Typography } from 'antd'
import type { EventDataNode } from 'antd/es/tree'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { useDebouncedValue } from '../../../shared/use-debounced-value'
import { type Division, getDivision } from '../api'
import { DivisionDetail } from '../components/division-detail'
import { DivisionLabel } from '../components/division-label'
import { divisionKeys, useDivisionSearch, useLoadDivisionChildren, useRootDivisions } from '../hooks'

interface DivisionNode {
  key: string
  title: string
  isLeaf: boolean
  division: Division
  children?: DivisionNode[]
}

function toNode(division: Division): DivisionNode {
  return { key: division.code, title: division.name, isLeaf: division.childCount === 0, division }
}

/** Returns a copy of the tree with `children` placed under the node `key`. */
function withChildren(nodes: DivisionNode[], key: string, children: DivisionNode[]): DivisionNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children, isLeaf: children.length === 0 }
    if (node.children) return { ...node, children: withChildren(node.children, key, children) }
    return node
  })
}

function findNode(nodes: DivisionNode[], key: string): DivisionNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node
    const hit = node.children && findNode(node.children, key)
    if (hit) return hit
  }
  return undefined
}

export default function DivisionTreePage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const roots = useRootDivisions()
  const loadChildren = useLoadDivisionChildren()

  const [treeData, setTreeData] = useState<DivisionNode[]>([])
  const treeRef = useRef<DivisionNode[]>([])
  const [expandedKeys, setExpandedKeys] = useState<string[]>([])
  const [loadedKeys, setLoadedKeys] = useState<string[]>([])
  const selectedCode = params.get('code')

  const [input, setInput] = useState('')
  const q = useDebouncedValue(input.trim(), 300)
  const search = useDivisionSearch(q)

  const updateTree = useCallback((next: (prev: DivisionNode[]) => DivisionNode[]) => {
    treeRef.current = next(treeRef.current)
    setTreeData(treeRef.current)
  }, [])

  useEffect(() => {
    if (!roots.data || treeRef.current.length > 0) return
    const items = roots.data.items
    updateTree(() => items.map(toNode))
    // A single root (a district clerk's own district) is opened straight away: its towns are what people look for.
    const only = items.length === 1 ? items[0] : undefined
    if (only && only.childCount > 0) {
      loadChildren(only.code).then(
        (page) => {
          updateTree((prev) => withChildren(prev, only.code, page.items.map(toNode)))
          setLoadedKeys((prev) => [...new Set([...prev, only.code])])
          setExpandedKeys((prev) => [...new Set([...prev, only.code])])
        },
        (err: unknown) => void message.error(toErrorMessage(err)),
      )
    }
  }, [roots.data, updateTree, loadChildren, message])

  const select = useCallback(
    (code: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          if (code) next.set('code', code)
          else next.delete('code')
          return next
        },
        { replace: true },
      )
    },
    [setParams],
  )

  const onLoadData = useCallback(
    async (node: EventDataNode<DivisionNode>) => {
      if (node.children?.length) return
      const page = await loadChildren(node.key)
      updateTree((prev) => withChildren(prev, node.key, page.items.map(toNode)))
      setLoadedKeys((prev) => [...new Set([...prev, node.key])])
    },
    [loadChildren, updateTree],
  )

  /** Opens the tree down to `code` (loading each level on the way), selects it and scrolls it into view. */
  const reveal = useCallback(
    async (code: string) => {
      select(code)
      try {
        const detail = await queryClient.fetchQuery({
          queryKey: divisionKeys.detail(code),
          queryFn: ({ signal }) => getDivision(code, signal),
          staleTime: 10 * 60_000,
        })
        const chain = detail.path.map((p) => p.code)
        if (chain[chain.length - 1] !== code) chain.push(code)
        // The tree starts at the roots of the caller's scope, which may sit below the top of the path.
        const rootKeys = new Set(treeRef.current.map((root) => root.key))
        const start = chain.findIndex((c) => rootKeys.has(c))
        if (start < 0) return
        const ancestors = chain.slice(start, -1)
        for (const ancestor of ancestors) {
          if (findNode(treeRef.current, ancestor)?.children?.length) continue
          const page = await loadChildren(ancestor)
          updateTree((prev) => withChildren(prev, ancestor, page.items.map(toNode)))
        }
        setLoadedKeys((prev) => [...new Set([...prev, ...ancestors])])
        setExpandedKeys((prev) => [...new Set([...prev, ...ancestors])])
        window.setTimeout(() => {
          document.querySelector(`[data-division-code="${code}"]`)?.scrollIntoView({ block: 'nearest' })
        }, 50)
      } catch (err) {
        void message.error(toErrorMessage(err))
      }
    },
    [queryClient, loadChildren, updateTree, select, message],
  )

  // Opening a bookmarked `?code=` reveals it once the roots are in.
  const revealedFromUrl = useRef(false)
  useEffect(() => {
    if (revealedFromUrl.current || !selectedCode || treeData.length === 0) return
    revealedFromUrl.current = true
    void reveal(selectedCode)
  }, [selectedCode, treeData.length, reveal])

  const results = search.data?.items ?? []
  const selectedKeys = useMemo(() => (selectedCode ? [selectedCode] : []), [selectedCode])

  let tree: React.ReactNode
  if (roots.isError) tree = <ErrorDisplay error={roots.error} onRetry={() => void roots.refetch()} />
  else if (roots.isPending) tree = <PageLoading minHeight={200} />
  else if (treeData.length === 0) tree = <EmptyState description={t('directory.divisions.emptyTree')} />
  else
    tree = (
      <Tree<DivisionNode>
        blockNode
        showLine
        treeData={treeData}
        loadData={onLoadData}
        loadedKeys={loadedKeys}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        selectedKeys={selectedKeys}
        onSelect={(keys) => select(keys.length ? String(keys[0]) : null)}
        titleRender={(node) => (
          <span data-division-code={node.key}>
            <DivisionLabel division={node.division} />
          </span>
        )}
        aria-label={t('directory.divisions.tree')}
      />
    )

  return (
    <PageContainer title={t('directory.divisions.title')} description={t('directory.divisions.description')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title={t('directory.divisions.tree')}>
            <Input.Search
              allowClear
              value={input}
              onChange={(e) => setInput(e.target.value)}
              onSearch={(value) => setInput(value)}
              placeholder={t('directory.divisions.searchPlaceholder')}
              aria-label={t('directory.divisions.searchLabel')}
              loading={search.isFetching}
              style={{ marginBottom: 12 }}
            />
            {q ? (
              <div data-testid="division-search-results" style={{ marginBottom: 16 }}>
                {search.isError ? (
                  <ErrorDisplay error={search.error} onRetry={() => void search.refetch()} />
                ) : (
                  <List
                    size="small"
                    bordered
                    loading={search.isPending}
                    header={
                      <Typography.Text strong>
                        {t('directory.divisions.results', { count: results.length })}
                      </Typography.Text>
                    }
                    dataSource={results}
                    locale={{ emptyText: <EmptyState description={t('directory.divisions.noResults', { q })} /> }}
                    style={{ maxHeight: 320, overflow: 'auto' }}
                    renderItem={(division) => (
                      <List.Item
                        key={division.code}
                        style={division.code === selectedCode ? { background: '#e6f0ff' } : undefined}
                      >
                        <button type="button" className="ruyu-result-button" onClick={() => void reveal(division.code)}>
                          <DivisionLabel division={division} />
                        </button>
                      </List.Item>
                    )}
                  />
                )}
              </div>
            ) : null}
            {tree}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <div style={{ position: 'sticky', top: 72 }}>
            <DivisionDetail
              code={selectedCode}
              onSelect={(code) => void reveal(code)}
              canOpen={(code) => Boolean(findNode(treeData, code))}
            />
          </div>
        </Col>
      </Row>
    </PageContainer>
  )
}

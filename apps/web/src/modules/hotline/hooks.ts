import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import {
  type ActionBodies,
  type ActionPath,
  type CategoryNode,
  type CreateCategory,
  type CreateRoutingRule,
  createCategory,
  createKbArticle,
  createRoutingRule,
  type DuplicateQuery,
  deleteRoutingRule,
  findDuplicates,
  getOrder,
  getSettings,
  getStats,
  getSuggestion,
  type Intake,
  intake,
  listCategories,
  listDivisionChildren,
  listOrders,
  listPublicDivisions,
  listRoutingRules,
  listUnits,
  type OrderDetail,
  type OrderQuery,
  type PublicSubmit,
  postAction,
  publicCategories,
  publicSubmit,
  publicTrack,
  type SaveKbArticle,
  type StatsQuery,
  searchKb,
  type UpdateCategory,
  updateCategory,
  updateKbArticle,
} from './api'
import { DISTRICT_CODE } from './district'

/** One order action: the endpoint and its body, matched. */
export type ActionVars = { [P in ActionPath]: { path: P; body: ActionBodies[P] } }[ActionPath]

const root = ['hotline'] as const
const REFERENCE = 10 * 60_000

export const hotlineKeys = {
  root,
  orders: () => [...root, 'orders'] as const,
  order: (id: string) => [...root, 'order', id] as const,
  categories: () => [...root, 'categories'] as const,
  rules: () => [...root, 'rules'] as const,
  kb: () => [...root, 'kb'] as const,
}

// Orders -------------------------------------------------------------------------------------------------------

export function useOrders(query: OrderQuery, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [...hotlineKeys.orders(), query],
    queryFn: ({ signal }) => listOrders(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  })
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: hotlineKeys.order(id ?? ''),
    queryFn: ({ signal }) => getOrder(id ?? '', signal),
    enabled: Boolean(id),
  })
}

export function useIntake() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: Intake) => intake(input),
    onSuccess: (result) => {
      queryClient.setQueryData(hotlineKeys.order(result.order.id), result.order)
      void queryClient.invalidateQueries({ queryKey: hotlineKeys.orders() })
    },
  })
}

/** Any order action; the answer is the order as it is afterwards, put straight into the cache. */
export function useOrderAction(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: ActionVars) => postAction(id, vars.path, vars.body as never),
    onSuccess: (order: OrderDetail) => {
      queryClient.setQueryData(hotlineKeys.order(id), order)
      void queryClient.invalidateQueries({ queryKey: hotlineKeys.orders() })
      void queryClient.invalidateQueries({ queryKey: [...root, 'stats'] })
    },
  })
}

export function useSuggestion(categoryId: string | undefined, divisionCode: string | undefined) {
  return useQuery({
    queryKey: [...root, 'suggestion', categoryId, divisionCode],
    queryFn: ({ signal }) => getSuggestion({ categoryId: categoryId ?? '', divisionCode: divisionCode ?? '' }, signal),
    enabled: Boolean(categoryId && divisionCode),
    placeholderData: keepPreviousData,
  })
}

export function useDuplicates(query: DuplicateQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'duplicates', query],
    queryFn: ({ signal }) => findDuplicates(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  })
}

// Reference data ------------------------------------------------------------------------------------------------

export function useCategories() {
  return useQuery({
    queryKey: hotlineKeys.categories(),
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: REFERENCE,
  })
}

const publicCategoryTree = queryOptions({
  queryKey: [...root, 'public', 'categories'],
  queryFn: ({ signal }) => publicCategories(signal),
  staleTime: REFERENCE,
})

export function usePublicCategories() {
  return useQuery(publicCategoryTree)
}

export function useSaveCategory() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id: string; input: UpdateCategory } | { id?: undefined; input: CreateCategory }) =>
      vars.id ? updateCategory(vars.id, vars.input) : createCategory(vars.input as CreateCategory),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotlineKeys.categories() }),
  })
}

export function useRoutingRules() {
  return useQuery({
    queryKey: hotlineKeys.rules(),
    queryFn: ({ signal }) => listRoutingRules(signal),
  })
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateRoutingRule) => createRoutingRule(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotlineKeys.rules() }),
  })
}

export function useDeleteRoutingRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteRoutingRule(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotlineKeys.rules() }),
  })
}

export function useKbSearch(q: string, page = 1, pageSize = 5, enabled = true) {
  return useQuery({
    queryKey: [...hotlineKeys.kb(), q, page, pageSize],
    queryFn: ({ signal }) => searchKb({ q: q || undefined, page, pageSize }, signal),
    enabled,
    placeholderData: keepPreviousData,
  })
}

export function useSaveKbArticle() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id?: string; input: SaveKbArticle }) =>
      vars.id ? updateKbArticle(vars.id, vars.input) : createKbArticle(vars.input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotlineKeys.kb() }),
  })
}

export function useSettings() {
  return useQuery({
    queryKey: [...root, 'settings'],
    queryFn: ({ signal }) => getSettings(signal),
    staleTime: REFERENCE,
  })
}

export function useUnits() {
  return useQuery({
    queryKey: [...root, 'units'],
    queryFn: ({ signal }) => listUnits(signal),
    staleTime: REFERENCE,
  })
}

/** Loads (or reuses) the children of a division, for the town → village cascader. */
export function useLoadDivisions() {
  const queryClient = useQueryClient()
  return (parentCode: string) =>
    queryClient.fetchQuery({
      queryKey: [...root, 'divisions', parentCode],
      queryFn: ({ signal }) => listDivisionChildren(parentCode, signal),
      staleTime: REFERENCE,
    })
}

const publicDivisions = (parentCode: string | null) =>
  queryOptions({
    queryKey: [...root, 'public-divisions', parentCode],
    queryFn: ({ signal }) => listPublicDivisions(parentCode ?? undefined, signal),
    enabled: parentCode !== null,
    staleTime: REFERENCE,
  })

/** Towns of the district, or villages of a town, for the anonymous public form (a public endpoint); null: none. */
export function usePublicDivisions(parentCode: string | null) {
  return useQuery(publicDivisions(parentCode))
}

/** Starts loading what the public form's pickers show (categories, towns) before the form has rendered. */
export function prefetchPublicForm(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.prefetchQuery(publicCategoryTree),
    queryClient.prefetchQuery(publicDivisions(DISTRICT_CODE)),
  ])
}

// Statistics ----------------------------------------------------------------------------------------------------

export function useStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...root, 'stats', query],
    queryFn: ({ signal }) => getStats(query, signal),
    placeholderData: keepPreviousData,
  })
}

// Public --------------------------------------------------------------------------------------------------------

export function usePublicSubmit() {
  return useMutation({ mutationFn: (input: PublicSubmit) => publicSubmit(input) })
}

type TrackQuery = { token?: string; number?: string; phoneLast4?: string }

/** The look-up a tracking page's address asks for: ?token=…, or ?number=…&phone4=…; null for neither. */
export function trackQueryOf(params: URLSearchParams): TrackQuery | null {
  const token = params.get('token')
  const number = params.get('number')
  const phoneLast4 = params.get('phone4')
  return token ? { token } : number && phoneLast4 ? { number, phoneLast4 } : null
}

const publicTracking = (query: TrackQuery | null) =>
  queryOptions({
    queryKey: [...root, 'public', 'track', query],
    queryFn: ({ signal }) => publicTrack(query ?? {}, signal),
    enabled: Boolean(query),
    retry: false,
  })

export function usePublicTrack(query: TrackQuery | null) {
  return useQuery(publicTracking(query))
}

/** Starts the look-up of a tracking link (…/track?token=…) before the page has rendered. */
export function prefetchPublicTrack(queryClient: QueryClient, query: TrackQuery): Promise<void> {
  return queryClient.prefetchQuery(publicTracking(query))
}

/** Every category of a tree in depth-first order (for look-ups by id). */
export function flattenCategories(nodes: CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((node) => [node, ...flattenCategories(node.children)])
}

/** The towns and streets of the district (for showing division names). */
export function useTowns() {
  return useQuery({
    queryKey: [...root, 'divisions', '370612'],
    queryFn: ({ signal }) => listDivisionChildren('370612', signal),
    staleTime: REFERENCE,
  })
}

/**
 * The package's API without side effects: event classes and types. Registering a widget is an
 * explicit import of its own module, e.g. `import 'gongkai/policy-list.js'`.
 */
export * from './events/index.js';
export { ApiError } from './shared/api-client.js';
export type { ApiIssue, InterpretationQuery, PolicyQuery, SearchFilters, SearchParams } from './shared/api-client.js';
export type { Locale } from './shared/localize.js';
export type { GkPolicyList } from './policy-list/policy-list.js';
export type { GkPolicySearch } from './policy-search/policy-search.js';
export type { GkPolicyBrowser } from './policy-browser/policy-browser.js';
export type { GkHotTopics } from './hot-topics/hot-topics.js';
export type { GkPolicyGraph } from './policy-graph/policy-graph.js';
export type { GkPolicyDetail } from './policy-detail/policy-detail.js';
export type { GkInterpretationList } from './interpretation-list/interpretation-list.js';
export type { GkMediaMatrix, MediaGrouping } from './media-matrix/media-matrix.js';
export type { GkHotArticles } from './hot-articles/hot-articles.js';
export type { GkStatsPanel } from './stats-panel/stats-panel.js';
export type { PolicyDetail } from '../server/schemas/policy-detail.js';
export type { HotArticleList, MediaAccount, MediaAccountGroup, MediaAccountList, MediaArticle, MediaPlatform, MediaTopic, MediaTopicList } from '../server/schemas/media.js';
export type {
  Faq,
  GraphEdge,
  GraphNode,
  InterpretationForm,
  InterpretationList,
  InterpretationMedia,
  InterpretationSummary,
  PolicyGraph,
  PolicyRef,
  RelatedItem,
  RelatedList,
  RelatedReason,
  Relation,
  RelationKind,
  Service,
  ValidityNote,
} from '../server/schemas/lineage.js';
export type {
  Audience,
  PolicyLevel,
  PolicyList,
  PolicySummary,
  PolicyType,
  Validity,
} from '../server/schemas/policy.js';
export type {
  FacetName,
  FacetValue,
  HotTopic,
  SearchHit,
  SearchResult,
  Segment,
  Suggestion,
} from '../server/schemas/search.js';

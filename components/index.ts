/**
 * The package's API without side effects: event classes and types. Registering a widget is an
 * explicit import of its own module, e.g. `import 'gongkai/policy-list.js'`.
 */
export * from './events/index.js';
export { ApiError } from './shared/api-client.js';
export type { ApiIssue, PolicyQuery } from './shared/api-client.js';
export type { Locale } from './shared/localize.js';
export type { GkPolicyList } from './policy-list/policy-list.js';
export type {
  Audience,
  PolicyLevel,
  PolicyList,
  PolicySummary,
  PolicyType,
  Validity,
} from '../server/schemas/policy.js';

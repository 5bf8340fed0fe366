import { REPORTING_GROUPS } from '../api/briefing';
import type { Params } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh-CN';

/**
 * The name of a reporting group (两抢一盗, 电信诈骗 …) in the interface language; a code
 * the console does not know is shown as it came. Shared by the statistics dashboard and
 * the early-warning directives, so both say a group the same way.
 */
export function groupName(tr: (key: MessageKey, params?: Params) => string, group: string): string {
  return (REPORTING_GROUPS as readonly string[]).includes(group) ? tr(`group.${group}` as MessageKey) : group;
}

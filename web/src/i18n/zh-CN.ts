/**
 * Simplified Chinese messages: the reference dictionary. Its keys define
 * `MessageKey`; every other dictionary must provide exactly these keys.
 * Placeholders are written `{name}` and filled by `t()`.
 */
import { circlesZh } from './messages/circles';
import { consoleZh } from './messages/console';
import { dashboardZh } from './messages/dashboard';
import { forecastZh } from './messages/forecast';
import { warningsZh } from './messages/warnings';

export const zhCN = {
  ...consoleZh,
  ...circlesZh,
  ...dashboardZh,
  ...forecastZh,
  ...warningsZh,
  'app.name': '守望 Shouwang',
  'app.subtitle': '110 接处警与指挥调度平台',
  'app.footer': '仅限授权人员使用',

  'lang.label': '界面语言',
  'lang.zh-CN': '中文',
  'lang.en': 'English',

  'status.title': '系统状态',
  'status.refresh': '刷新',
  'status.refreshing': '刷新中…',
  'status.health': '服务健康',
  'status.version': '服务版本',
  'status.api': '接口版本',
  'status.service': '服务名称',
  'status.city': '城市',
  'status.checkedAt': '最后检查',
  'status.never': '尚未检查',

  'health.pending': '检查中…',
  'health.ok': '正常',
  'health.degraded': '异常（{status}）',
  'health.down': '不可用',

  'value.pending': '加载中…',
  'value.unavailable': '—',

  'city.none': '未加载城市数据',
  'city.code': '区划代码 {code}',

  'error.title': '无法获取服务状态',
  'error.network': '无法连接服务器：{detail}',
  'error.timeout': '请求超时（{ms} 毫秒）',
  'error.http': '服务器返回 HTTP {status}：{detail}',
  'error.malformed': '服务器响应格式错误：{detail}',
  'error.line': '{source}：{message}',
  'error.source.health': '健康检查',
  'error.source.version': '版本信息',
  'error.source.city': '城市信息',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;

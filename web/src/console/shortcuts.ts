import type { MessageKey } from '../i18n/zh-CN';
import { h } from '../ui/dom';
import type { ConsoleContext } from './context';
import { hearsGapAlarms, seesCircles } from './circle_model';
import { seesWarnings } from './warning_model';

/** Every dispatcher shortcut, as the sheet lists them. */
export const SHORTCUTS: readonly [keys: string, action: MessageKey][] = [
  ['N / F2', 'shortcut.newCall'],
  ['Q', 'shortcut.queue'],
  ['↑ ↓ / J K', 'shortcut.move'],
  ['A', 'shortcut.accept'],
  ['D', 'shortcut.dispatch'],
  ['1 – 9', 'shortcut.dispatchRank'],
  ['C', 'shortcut.close'],
  ['T', 'shortcut.terminate'],
  ['R', 'shortcut.route'],
  ['U', 'shortcut.units'],
  ['B', 'shortcut.bigScreen'],
  ['S', 'shortcut.dashboard'],
  ['W', 'shortcut.warnings'],
  ['O', 'shortcut.circles'],
  ['G', 'shortcut.gap'],
  ['L', 'shortcut.theme'],
  ['Ctrl+Enter', 'shortcut.submit'],
  ['Esc', 'shortcut.escape'],
  ['?', 'shortcut.sheet'],
];

/**
 * The shortcuts of the seat: the warnings key only where the warnings panel is, the circles
 * key where the map has them, the gap key where gaps are alarms.
 */
export function shortcutsFor(ctx: ConsoleContext): (typeof SHORTCUTS)[number][] {
  const role = ctx.user.role;
  return SHORTCUTS.filter(([, action]) => {
    if (action === 'shortcut.warnings') return seesWarnings(role);
    if (action === 'shortcut.circles') return seesCircles(role);
    if (action === 'shortcut.gap') return seesCircles(role) && hearsGapAlarms(role);
    return true;
  });
}

/** Whether a key press belongs to a text field (shortcuts must not steal it). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** The shortcut sheet (快捷键): a modal table of every key; Esc or ? closes it. */
export function showShortcutSheet(ctx: ConsoleContext): void {
  if (document.querySelector('[data-testid="shortcut-sheet"]')) return;
  const close = h('button', { type: 'button', class: 'btn' }, [ctx.tr('dialog.close')]);
  const dialog = h('dialog', { class: 'dialog', 'data-testid': 'shortcut-sheet', 'aria-labelledby': 'shortcut-title' }, [
    h('h2', { class: 'dialog__title', id: 'shortcut-title' }, [ctx.tr('shortcut.title')]),
    h('table', { class: 'shortcuts' }, [
      h('tbody', {}, shortcutsFor(ctx).map(([keys, action]) => h('tr', {}, [h('td', {}, [h('kbd', {}, [keys])]), h('td', {}, [ctx.tr(action)])]))),
    ]),
    h('div', { class: 'dialog__actions' }, [close]),
  ]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (event) => {
    if (event.key === '?') dialog.close();
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

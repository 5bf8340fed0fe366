import { elapsed } from './format';

/**
 * Brings every running clock under `root` up to `now`: `[data-since]` shows the time
 * since (a waiting time), `[data-due]` the time left to a deadline, and once it has passed
 * the time over it, marked `data-overdue` (styled red, and the text says so).
 */
export function tickTimers(root: ParentNode, now: number, overdueLabel: string): void {
  for (const timer of root.querySelectorAll<HTMLElement>('[data-since]')) {
    timer.textContent = elapsed(now - Number(timer.dataset.since));
  }
  for (const timer of root.querySelectorAll<HTMLElement>('[data-due]')) {
    const left = Number(timer.dataset.due) - now;
    const label = timer.dataset.label ?? '';
    if (left >= 0) {
      timer.removeAttribute('data-overdue');
      timer.textContent = `${label} ${elapsed(left)}`;
    } else {
      timer.setAttribute('data-overdue', 'true');
      timer.textContent = `${label} ${overdueLabel} ${elapsed(-left)}`;
    }
  }
}

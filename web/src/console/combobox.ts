import { h } from '../ui/dom';

export interface ComboOption<T> {
  key: string;
  label: string;
  detail: string;
  value: T;
}

export interface ComboSpec<T> {
  id: string;
  testId: string;
  search: (query: string) => Promise<ComboOption<T>[]> | ComboOption<T>[];
  onPick: (option: ComboOption<T>) => void;
  /** Wait this long after the last keystroke before searching (0: at once). */
  debounceMs?: number;
}

/**
 * A text box with suggestions as you type (WAI-ARIA combobox with a listbox popup):
 * ↓ / ↑ move through the suggestions, Enter picks, Esc closes the list. A search answer
 * that arrives after a newer keystroke is dropped, so the list always matches the text.
 */
export class Combobox<T> {
  readonly input: HTMLInputElement;
  readonly list: HTMLUListElement;
  readonly el: HTMLElement;
  private options: ComboOption<T>[] = [];
  private active = -1;
  private searchNo = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly spec: ComboSpec<T>) {
    const listId = `${spec.id}-list`;
    this.input = h('input', {
      id: spec.id,
      class: 'field__input',
      type: 'text',
      role: 'combobox',
      autocomplete: 'off',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'data-testid': spec.testId,
    });
    this.list = h('ul', { id: listId, class: 'combo__list', role: 'listbox', hidden: true, 'data-testid': `${spec.testId}-options` });
    this.el = h('div', { class: 'combo' }, [this.input, this.list]);
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.list.addEventListener('mousedown', (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!item) return;
      event.preventDefault();
      this.pick(Number(item.dataset.index));
    });
  }

  /** The number of suggestions shown now. */
  get size(): number {
    return this.options.length;
  }

  clear(): void {
    this.input.value = '';
    this.close();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = this.spec.debounceMs ?? 0;
    if (delay === 0) void this.run();
    else this.timer = setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    const no = ++this.searchNo;
    const query = this.input.value.trim();
    if (query === '') {
      this.show([]);
      return;
    }
    let found: ComboOption<T>[];
    try {
      found = await this.spec.search(query);
    } catch {
      found = [];
    }
    if (no === this.searchNo) this.show(found);
  }

  private show(options: ComboOption<T>[]): void {
    this.options = options;
    this.active = options.length > 0 ? 0 : -1;
    this.list.replaceChildren(
      ...options.map((o, i) =>
        h('li', { id: `${this.spec.id}-opt-${i}`, role: 'option', class: 'combo__option', 'data-index': String(i), 'aria-selected': 'false' }, [
          h('span', { class: 'combo__label' }, [o.label]),
          h('span', { class: 'combo__detail muted' }, [o.detail]),
        ]),
      ),
    );
    const open = options.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.highlight();
  }

  private highlight(): void {
    for (const item of this.list.children) {
      const on = Number((item as HTMLElement).dataset.index) === this.active;
      item.setAttribute('aria-selected', String(on));
      if (on) (item as HTMLElement).scrollIntoView({ block: 'nearest' });
    }
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.spec.id}-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private pick(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.input.value = option.label;
    this.close();
    this.spec.onPick(option);
  }

  private onKey(event: KeyboardEvent): void {
    const open = !this.list.hidden && this.options.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        void this.run();
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.options.length) % this.options.length;
      this.highlight();
    } else if (event.key === 'Enter' && open && !event.ctrlKey) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }
}

import { failureText } from '../api/http';
import { postPath, sitePath, type KeySite, type Post } from '../api/circles';
import type { MessageKey } from '../i18n/zh-CN';
import type { StoreChange } from '../live/store';
import { h } from '../ui/dom';
import { hoursText, postKindName, siteTypeName, tierText } from './circle_wording';
import type { ConsoleContext } from './context';
import { ask } from './dialog';
import { syncList } from './keyed';
import { postForm } from './post_form';
import type { RegistryForm } from './registry_form';
import { siteForm } from './site_form';

/** Picks a position on the map: [lon, lat], or null when the user gave up. */
export type PickPosition = (hint: string) => Promise<[number, number] | null>;

type Kind = 'site' | 'post';

/**
 * The registry of key sites and posts (重点部位与驻勤点登记), for the seats that may edit it: a
 * modal drawer with the sites and the posts in service (live from the store), a button to
 * add each, and per row one to edit it and one to retire it (asking why:
 * `POST …/retire {reason}`). The forms (site_form.ts, post_form.ts) take the drawer's place
 * and go back to the list when sent; Esc in a form goes back too, Esc in the list closes.
 * Picking a position on the map puts the drawer away until the map is clicked.
 *
 * Test hooks: `registry` (the dialog), `registry-add-site`, `registry-add-post`, rows
 * `registry-site-row` / `registry-post-row` (`data-key` the code) with `registry-edit` and
 * `registry-retire`; the forms' hooks are in registry_form.ts.
 */
export class CircleRegistry {
  readonly el: HTMLDialogElement;
  private readonly title: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly list: HTMLElement;
  private readonly formBox: HTMLElement;
  private readonly sections: Record<Kind, { title: HTMLElement; add: HTMLButtonElement; body: HTMLElement; empty: HTMLElement; head: HTMLElement }>;
  private form: RegistryForm | null = null;
  private picking = false;

  constructor(
    private readonly ctx: ConsoleContext,
    private readonly pickPosition: PickPosition | null,
  ) {
    this.title = h('h2', { class: 'dialog__title', id: 'registry-title' });
    this.closeButton = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'registry-close' });
    this.closeButton.addEventListener('click', () => this.el.close());
    this.sections = { site: this.section('site'), post: this.section('post') };
    this.list = h('div', { class: 'registry__lists' }, (['site', 'post'] as const).map((k) => this.sectionEl(k)));
    this.formBox = h('div', { class: 'registry__form-box', hidden: true });
    this.el = h('dialog', { class: 'dialog registry', 'aria-labelledby': 'registry-title', 'data-testid': 'registry' }, [
      h('header', { class: 'registry__head' }, [this.title, this.closeButton]),
      h('div', { class: 'registry__body' }, [this.list, this.formBox]),
    ]);
    // Esc in a form goes back to the list; only in the list does it close the drawer.
    this.el.addEventListener('cancel', (event) => {
      if (!this.form) return;
      event.preventDefault();
      this.showList();
    });
    this.el.addEventListener('close', () => {
      if (!this.picking) this.showList();
    });
    ctx.store.subscribe((change) => this.onChange(change));
    this.render();
  }

  private section(kind: Kind) {
    const add = h('button', { type: 'button', class: 'btn btn--small btn--primary', 'data-testid': `registry-add-${kind}` });
    add.addEventListener('click', () => this.edit(kind, null));
    return {
      title: h('h3', { class: 'panel__subtitle', id: `registry-${kind}s-title` }),
      add,
      head: h('tr'),
      body: h('tbody', { 'data-testid': `registry-${kind}s` }),
      empty: h('p', { class: 'empty' }),
    };
  }

  private sectionEl(kind: Kind): HTMLElement {
    const s = this.sections[kind];
    return h('section', { class: 'registry__section', 'aria-labelledby': `registry-${kind}s-title` }, [
      h('div', { class: 'registry__section-head' }, [s.title, s.add]),
      h('table', { class: 'registry__table', 'aria-labelledby': `registry-${kind}s-title` }, [h('thead', {}, [s.head]), s.body]),
      s.empty,
    ]);
  }

  /** Opens the drawer on the list, the cursor on the first button. */
  open(): void {
    if (!this.el.isConnected) document.body.append(this.el);
    this.showList();
    if (!this.el.open) this.el.showModal();
    this.sections.site.add.focus();
  }

  render(): void {
    const { ctx } = this;
    this.title.textContent = ctx.tr('registry.title');
    this.closeButton.textContent = ctx.tr('registry.close');
    const heads: Record<Kind, string[]> = {
      site: ['registry.col.id', 'registry.col.name', 'registry.col.type', 'registry.col.tier', 'registry.col.station', 'registry.col.hours', 'registry.col.actions'].map((k) => ctx.tr(k as MessageKey)),
      post: ['registry.col.id', 'registry.col.name', 'registry.col.kind', 'registry.col.station', 'registry.col.actions'].map((k) => ctx.tr(k as MessageKey)),
    };
    for (const kind of ['site', 'post'] as const) {
      const s = this.sections[kind];
      s.title.textContent = ctx.tr(kind === 'site' ? 'registry.sites' : 'registry.posts');
      s.add.textContent = ctx.tr(kind === 'site' ? 'registry.addSite' : 'registry.addPost');
      s.empty.textContent = ctx.tr(kind === 'site' ? 'registry.noSites' : 'registry.noPosts');
      s.head.replaceChildren(...heads[kind].map((text) => h('th', { scope: 'col' }, [text])));
    }
    this.renderRows();
    this.form?.render();
  }

  private onChange(change: StoreChange): void {
    if (change.reset || change.sites.size > 0 || change.posts.size > 0) this.renderRows();
  }

  private renderRows(): void {
    const { ctx } = this;
    const tr = ctx.tr.bind(ctx);
    const byCode = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const sites = [...ctx.store.sites.values()].sort(byCode);
    const posts = [...ctx.store.posts.values()].sort(byCode);
    syncList(this.sections.site.body, sites, (s) => s.id, () => this.row('site'), (row, site: KeySite) =>
      this.fillRow(row, site.id, site.profile.name, [siteTypeName(tr, site.profile.type), tierText(tr, site.profile.tier_s), ctx.orgName(site.profile.station), hoursText(tr, site.profile.hours)]),
    );
    syncList(this.sections.post.body, posts, (p) => p.id, () => this.row('post'), (row, post: Post) =>
      this.fillRow(row, post.id, post.profile.name, [postKindName(tr, post.profile.kind), ctx.orgName(post.profile.station)]),
    );
    this.sections.site.empty.hidden = sites.length > 0;
    this.sections.post.empty.hidden = posts.length > 0;
  }

  /** A row's buttons are made once, so a live update keeps the keyboard's place. */
  private row(kind: Kind): HTMLElement {
    const edit = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'registry-edit' });
    const retire = h('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'registry-retire' });
    const row = h('tr', { 'data-testid': `registry-${kind}-row` }, [h('td', { class: 'registry__actions' }, [edit, retire])]);
    edit.addEventListener('click', () => {
      const id = row.dataset.key ?? '';
      this.edit(kind, (kind === 'site' ? this.ctx.store.sites.get(id) : this.ctx.store.posts.get(id)) ?? null);
    });
    retire.addEventListener('click', () => void this.retire(kind, row.dataset.key ?? ''));
    return row;
  }

  private fillRow(row: HTMLElement, id: string, name: string, cells: readonly string[]): void {
    const actions = row.lastElementChild as HTMLElement;
    const [edit, retire] = [...actions.children] as HTMLButtonElement[];
    if (edit) {
      edit.textContent = this.ctx.tr('registry.edit');
      edit.setAttribute('aria-label', `${this.ctx.tr('registry.edit')} ${name} ${id}`);
    }
    if (retire) {
      retire.textContent = this.ctx.tr('registry.retire');
      retire.setAttribute('aria-label', `${this.ctx.tr('registry.retire')} ${name} ${id}`);
    }
    row.replaceChildren(
      h('td', { class: 'mono' }, [id]),
      h('th', { scope: 'row' }, [name]),
      ...cells.map((text) => h('td', {}, [text])),
      actions,
    );
  }

  private edit(kind: Kind, record: KeySite | Post | null): void {
    const handlers = {
      onDone: () => this.showList(),
      onBack: () => this.showList(),
      ...(this.pickPosition ? { pick: () => this.pick() } : {}),
    };
    this.form = kind === 'site' ? siteForm(this.ctx, record as KeySite | null, handlers) : postForm(this.ctx, record as Post | null, handlers);
    this.formBox.replaceChildren(this.form.el);
    this.formBox.hidden = false;
    this.list.hidden = true;
    this.form.focusFirst();
  }

  private showList(): void {
    const wasForm = this.form !== null;
    this.form = null;
    this.formBox.replaceChildren();
    this.formBox.hidden = true;
    this.list.hidden = false;
    if (wasForm && this.el.open) this.sections.site.add.focus();
  }

  /** Puts the drawer away while the map is clicked, then brings it back with the form as it was. */
  private async pick(): Promise<[number, number] | null> {
    if (!this.pickPosition) return null;
    this.picking = true;
    this.el.close();
    try {
      return await this.pickPosition(this.ctx.tr('registry.picking'));
    } finally {
      this.picking = false;
      this.el.showModal();
    }
  }

  private async retire(kind: Kind, id: string): Promise<void> {
    const { ctx } = this;
    const record = kind === 'site' ? ctx.store.sites.get(id) : ctx.store.posts.get(id);
    if (!record) return;
    const name = record.profile.name;
    const reason = await ask({
      title: ctx.tr('registry.retireTitle', { name, id }),
      label: ctx.tr('registry.retireReason'),
      confirm: ctx.tr('registry.retire'),
      cancel: ctx.tr('dialog.cancel'),
      testId: 'registry-retire-dialog',
    });
    if (reason === null) return;
    try {
      await ctx.http.post(kind === 'site' ? sitePath(id, 'retire') : postPath(id, 'retire'), { reason });
      ctx.notify(ctx.tr('registry.retired', { name, id }), 'ok');
    } catch (failure) {
      ctx.notify(failureText(failure), 'error');
    }
  }
}

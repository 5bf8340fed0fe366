type Attrs = Readonly<Record<string, string | boolean | undefined>>;
type Child = Node | string;

/**
 * Creates an element. String children become text nodes, never markup: any
 * text that reaches the page (including server-provided values) is inert.
 * `true` sets a boolean attribute; `false`/`undefined` omit it.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

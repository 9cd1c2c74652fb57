/**
 * A few helpers to build the page's elements: text is always set as text, never as markup.
 *
 * @module
 */

type Attributes = Record<string, string | number | boolean | undefined>;

/** An element with attributes and children (text or elements). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string | undefined | null | false)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== null && child !== false) element.append(child);
  return element;
}

/** The element of an id (the page's own markup has it). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no element #${id}`);
  return element as T;
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: (Node | string)[]): void {
  element.replaceChildren(...children);
}

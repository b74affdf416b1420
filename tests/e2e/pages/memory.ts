/**
 * Looks through what a page holds for some strings: the document's HTML, the history entry's
 * state, sessionStorage and localStorage, everything reachable from `window`'s own enumerable
 * properties, and React's tree from the root element (its fibers hold each component's state and
 * props, form values included). Depth- and size-limited walks; each hit says where it was found.
 */
import type { Page } from '@playwright/test';

export async function findInPage(page: Page, needles: readonly string[]): Promise<string[]> {
  return page.evaluate((needles) => {
    const hits: string[] = [];
    const check = (where: string, text: string) => {
      for (const n of needles) if (text.includes(n)) hits.push(`${n} in ${where}`);
    };
    check('the DOM', document.documentElement.outerHTML);
    check('history.state', JSON.stringify(history.state) ?? '');
    for (const [name, store] of [
      ['sessionStorage', sessionStorage],
      ['localStorage', localStorage],
    ] as const) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i) ?? '';
        check(name, `${key}=${store.getItem(key) ?? ''}`);
      }
    }
    const seen = new WeakSet<object>();
    let budget = 300_000;
    const walk = (value: unknown, where: string, depth: number): void => {
      if (typeof value === 'string') return check(where, value);
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
      if (depth === 0 || budget <= 0 || seen.has(value)) return;
      seen.add(value);
      budget--;
      let keys: string[];
      try {
        keys = Object.keys(value);
      } catch {
        return;
      }
      for (const key of keys) {
        let child: unknown;
        try {
          child = (value as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        walk(child, where.length < 160 ? `${where}.${key}` : where, depth - 1);
      }
    };
    walk(window, 'window', 8);
    // The root element's own properties lead into React's fibers (current and alternate trees).
    walk(document.getElementById('root'), '#root', 400);
    return [...new Set(hits)];
  }, needles);
}

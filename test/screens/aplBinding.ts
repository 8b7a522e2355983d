/**
 * What apl-suggester cannot see: it checks a document's structure, not the data bound into it. This
 * checks that every `${payload.screen.…}` a document reads is present in the data sent with it, that
 * every `data`-bound list is a list whose items have every `data.…` field the template reads, and that
 * every component type is APL's own or a layout the document defines.
 */

const PRIMITIVES = new Set([
  'Container',
  'Frame',
  'Text',
  'TouchWrapper',
  'ScrollView',
  'Sequence',
  'Image',
  'VectorGraphic',
  'Pager',
  'GridSequence',
  'EditText',
  'Video',
  'FlexSequence',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pathIn = (root: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), root);

/** Paths after `prefix.` in every data-binding expression of a string. */
function boundPaths(text: string, prefix: string): string[] {
  const paths: string[] = [];
  for (const expr of text.match(/\$\{[^}]*\}/g) ?? []) {
    for (const m of expr.matchAll(new RegExp(`\\b${prefix.replace('.', '\\.')}\\.([A-Za-z_][A-Za-z0-9_.]*)`, 'g'))) {
      const path = (m[1] ?? '').replace(/\.length$/, '');
      paths.push(path);
    }
  }
  return paths;
}

export function bindingProblems(document: Record<string, Json>, datasources: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const screen = datasources.screen;
  const layouts = (document.layouts ?? {}) as Record<string, Json>;
  const walk = (node: Json, where: string, item: unknown[] | undefined): void => {
    if (typeof node === 'string') {
      for (const path of boundPaths(node, 'payload.screen'))
        if (pathIn(screen, path) === undefined) problems.push(`${where}: payload.screen.${path} is missing`);
      if (item) {
        for (const path of boundPaths(node, 'data')) {
          for (const [i, element] of item.entries())
            if (pathIn(element, path) === undefined) problems.push(`${where}: data.${path} is missing in item ${i}`);
        }
        if (/\$\{data\}/.test(node))
          for (const [i, element] of item.entries())
            if (typeof element !== 'string' || element === '') problems.push(`${where}: item ${i} is not a text`);
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}/${i}`, item));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (
      typeof node.type === 'string' &&
      where.includes('items') &&
      !PRIMITIVES.has(node.type) &&
      !(node.type in layouts) &&
      node.type !== 'SendEvent' &&
      node.type !== 'ScrollToIndex'
    ) {
      problems.push(`${where}: unknown component ${node.type}`);
    }
    let scope = item;
    if (typeof node.data === 'string') {
      const [path] = boundPaths(node.data, 'payload.screen');
      const list = path === undefined ? undefined : pathIn(screen, path);
      if (!Array.isArray(list)) problems.push(`${where}: data ${node.data} is not a list`);
      else scope = list;
    }
    for (const [key, child] of Object.entries(node)) walk(child, `${where}/${key}`, key === 'data' ? item : scope);
  };
  walk(document.mainTemplate ?? null, '/mainTemplate', undefined);
  walk(document.onMount ?? null, '/onMount', undefined);
  // Layouts are checked where they are used: their parameters come from the bound item.
  return problems;
}

const PURE_PATH = /^\$\{(payload\.screen|data)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}$/;
const PATH_IN_TEXT = /\$\{(payload\.screen|data)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}/g;

/**
 * The document as a device inflates it with this data, as far as plain data binding goes: every
 * `${payload.screen.x}` and `${data.x}` replaced by its value, and every `data`-bound list written out
 * item by item. What apl-suggester then sees is the screen's own text and lists, not the template.
 * (Expressions that compute — comparisons, `when` — are left for the device.)
 */
export function withData(document: Record<string, Json>, datasources: Record<string, unknown>): Record<string, Json> {
  const screen = datasources.screen;
  const bound = (root: string, path: string, item: unknown): unknown => {
    const base = root === 'data' ? item : screen;
    return path === '' ? base : pathIn(base, path.slice(1));
  };
  const fill = (node: Json, item: unknown): Json => {
    if (typeof node === 'string') {
      const whole = PURE_PATH.exec(node);
      if (whole) {
        const value = bound(whole[1] ?? '', whole[2] ?? '', item);
        return value === undefined ? node : (value as Json);
      }
      return node.replace(PATH_IN_TEXT, (all, root: string, path: string) => {
        const value = bound(root, path, item);
        return typeof value === 'string' || typeof value === 'number' ? String(value) : all;
      });
    }
    if (Array.isArray(node)) return node.map((child) => fill(child, item));
    if (node === null || typeof node !== 'object') return node;
    const list = typeof node.data === 'string' ? fill(node.data, item) : undefined;
    if (Array.isArray(list) && Array.isArray(node.items)) {
      const { data: _data, items, ...rest } = node;
      const filled = fill(rest, item) as Record<string, Json>;
      return { ...filled, items: list.flatMap((element) => items.map((template) => fill(template, element))) };
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child, item)]));
  };
  const inflated: Record<string, Json> = { ...document, mainTemplate: fill(document.mainTemplate ?? null, undefined) };
  if (document.onMount !== undefined) inflated.onMount = fill(document.onMount, undefined);
  return inflated;
}

/** The data with every text made the same: screens whose data differ only in wording share a shape. */
export function shapeOf(token: string | undefined, datasources: unknown): string {
  return `${token}:${JSON.stringify(datasources, (_key, value) => (typeof value === 'string' ? (value === '' ? '' : 's') : value))}`;
}

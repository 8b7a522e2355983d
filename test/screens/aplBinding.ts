/**
 * What apl-suggester cannot see: it checks a document's structure, not the data bound into it. This
 * checks that every `${payload.screen.…}` a document reads is present in the data sent with it, that
 * every `data`-bound list is a list whose items have every `data.…` field the template reads, and that
 * every component type is APL's own or a layout the document defines.
 */

const PRIMITIVES = new Set(['Container', 'Frame', 'Text', 'TouchWrapper', 'ScrollView', 'Sequence', 'Image', 'VectorGraphic', 'Pager', 'GridSequence', 'EditText', 'Video', 'FlexSequence']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pathIn = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), root);

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
      for (const path of boundPaths(node, 'payload.screen')) if (pathIn(screen, path) === undefined) problems.push(`${where}: payload.screen.${path} is missing`);
      if (item) {
        for (const path of boundPaths(node, 'data')) {
          for (const [i, element] of item.entries()) if (pathIn(element, path) === undefined) problems.push(`${where}: data.${path} is missing in item ${i}`);
        }
        if (/\$\{data\}/.test(node)) for (const [i, element] of item.entries()) if (typeof element !== 'string' || element === '') problems.push(`${where}: item ${i} is not a text`);
      }
      return;
    }
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${where}/${i}`, item));
    if (node === null || typeof node !== 'object') return;
    if (typeof node.type === 'string' && where.includes('items') && !PRIMITIVES.has(node.type) && !(node.type in layouts) && node.type !== 'SendEvent' && node.type !== 'ScrollToIndex') {
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

/**
 * A small well-formedness check for the SVG we generate: tags balance and nest, attributes are
 * quoted, and only the five XML entities appear. Enough to catch a broken string builder,
 * without pulling in an XML parser.
 */
export interface XmlCheck {
  readonly ok: boolean;
  readonly problems: string[];
  readonly elements: string[];
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;

export function checkXml(text: string): XmlCheck {
  const problems: string[] = [];
  const elements: string[] = [];
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    for (const entity of chunk.match(/&[^;\s]*;?/g) ?? []) {
      if (!/^&(?:lt|gt|amp|quot|apos);$/.test(entity)) problems.push(`Bad entity ${entity}`);
    }
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) {
      problems.push(`Malformed tag at ${lt}: ${text.slice(lt, lt + 40)}`);
      break;
    }
    const [whole, closing, name = '', , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      elements.push(name);
      if (!selfClosing) stack.push(name);
    }
    i = lt + whole.length;
  }
  if (stack.length > 0) problems.push(`Unclosed: ${stack.join(', ')}`);
  return { ok: problems.length === 0, problems, elements };
}

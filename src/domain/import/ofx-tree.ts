/**
 * A tolerant reader of OFX markup into a tree, for both dialects banks serve: OFX 1.x is SGML
 * ("OFXHEADER:100" header lines, leaf elements never closed: `<TRNAMT>-45.00`), OFX 2.x is XML
 * (`<?xml?><?OFX …?>`, every element closed), and QFX/QBO are OFX 1.x with Intuit's extra
 * elements (`<INTU.BID>`). One rule covers both: an element that receives text is a leaf and ends
 * at the next tag; an element closed implicitly (its parent's end tag arrived first) that holds
 * no text was an empty leaf, so what looked like its children are hoisted back to be its
 * siblings. A small hand-written tokenizer, not an XML library: OFX 1.x is not XML.
 */

import { statementError } from "./statement-error.js";

export type OfxNode = { name: string; line: number; text: string | null; children: OfxNode[] };
export type OfxTree = { version: 1 | 2; headers: Record<string, string>; root: OfxNode };

type Open = { node: OfxNode; parent: Open | null };

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z0-9._:-]+)[^>]*?(\/?)>|<|[^<]+/g;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi;
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** &amp; &lt; &#39; &#x2019; … decoded; an unknown or bare "&" (common in SGML: "AT&T") kept. */
export function decodeOfxEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function readHeaders(text: string): { version: 1 | 2; headers: Record<string, string>; bodyStart: number } {
  const headers: Record<string, string> = {};
  const pi = /<\?OFX\s([^?]*)\?>/i.exec(text);
  if (pi?.[1] !== undefined && /^\s*(<\?xml[^?]*\?>\s*)?<\?OFX/i.test(text)) {
    for (const [, key, value] of pi[1].matchAll(/([A-Z]+)\s*=\s*"([^"]*)"/gi)) {
      if (key !== undefined && value !== undefined) headers[key.toUpperCase()] = value;
    }
    return { version: 2, headers, bodyStart: 0 };
  }
  const bodyStart = Math.max(0, text.indexOf("<"));
  for (const line of text.slice(0, bodyStart).split(/\r\n|\r|\n/)) {
    const match = /^\s*([A-Z]+)\s*:\s*(.*?)\s*$/i.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) headers[match[1].toUpperCase()] = match[2];
  }
  return { version: headers.VERSION?.startsWith("2") ? 2 : 1, headers, bodyStart };
}

function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** Ends `open`, which was never closed by its own tag: an empty leaf gives its "children" back. */
function closeImplicitly(open: Open): void {
  const { node, parent } = open;
  if (node.text !== null || node.children.length === 0 || parent === null) return;
  const siblings = parent.node.children;
  siblings.splice(siblings.indexOf(node) + 1, 0, ...node.children);
  node.children = [];
}

export function parseOfxTree(text: string): OfxTree {
  const { version, headers, bodyStart } = readHeaders(text);
  const root: OfxNode = { name: "#document", line: 1, text: null, children: [] };
  let top: Open = { node: root, parent: null };
  let line = 1 + countBreaks(text.slice(0, bodyStart));
  TOKEN.lastIndex = bodyStart;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const [token, slash, rawName, selfClosing] = match;
    const tokenLine = line;
    line += countBreaks(token);
    if (rawName === undefined) {
      if (token.startsWith("<!--") || token.startsWith("<?")) continue;
      const value = decodeOfxEntities(token.trim());
      if (value !== "" && top.node !== root && top.node.children.length === 0) {
        top.node.text = (top.node.text ?? "") + value;
      }
      continue;
    }
    const name = rawName.toUpperCase();
    if (slash === "/") {
      let open: Open | null = top;
      while (open !== null && open.node.name !== name) open = open.parent;
      if (open === null || open.parent === null) {
        throw statementError(tokenLine, `</${name}> closes an element that is not open.`);
      }
      for (let inner: Open = top; inner !== open; inner = inner.parent as Open) closeImplicitly(inner);
      top = open.parent;
      continue;
    }
    if (top.node.text !== null && top.parent !== null) top = top.parent;
    const node: OfxNode = { name, line: tokenLine, text: null, children: [] };
    top.node.children.push(node);
    if (selfClosing !== "/") top = { node, parent: top };
  }
  for (let open: Open = top; open.parent !== null; open = open.parent) {
    if (open.node.text === null && open.node.children.length > 0) {
      throw statementError(
        line,
        `the file ends before <${open.node.name}> (line ${open.node.line}) is closed; it may be cut short.`,
      );
    }
  }
  return { version, headers, root };
}

export function findChild(node: OfxNode, name: string): OfxNode | undefined {
  return node.children.find((child) => child.name === name);
}

export function childText(node: OfxNode, name: string): string | null {
  return findChild(node, name)?.text ?? null;
}

/** Every descendant called `name`, in document order (not looking inside a match). */
export function findAll(node: OfxNode, name: string): OfxNode[] {
  const found: OfxNode[] = [];
  for (const child of node.children) {
    if (child.name === name) found.push(child);
    else found.push(...findAll(child, name));
  }
  return found;
}

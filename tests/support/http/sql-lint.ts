import ts from "typescript";

/**
 * A small lint for SQL built from strings, used by tests/integration/security/parameterized-queries.test.ts.
 * It reads TypeScript syntax (no type checker: that takes a minute on this code base) and follows
 * identifiers to their declarations within the file.
 */
export type Allowed = { file: string; sql: string; reason: string };
export type Finding = { file: string; line: number; rule: string; code: string };
type Kind = "sql" | "constant" | "dynamic" | "other";

/** Text that reads as a SQL statement or clause. */
const LOOKS_LIKE_SQL =
  /\b(select\s[\s\S]*\bfrom\b|insert\s+into\b|update\s+["\w.]+\s+set\b|delete\s+from\b|where\s+["\w.]+\s*(=|<|>|in\b|like\b|is\b)|(drop|create|alter|truncate)\s+(table|database|index|schema)\b)/i;
/** Raw-SQL methods of drivers (node-postgres, PGlite, postgres.js); `exec` is left out: RegExp has one. */
const RAW_DRIVER_CALLS = new Set(["query", "unsafe"]);
/** Receivers that name a database handle, for a `.query(text)` whose text cannot be seen. */
const DB_HANDLE = /(^|\.)(client|pool|db|tx|trx|conn\w*|connection|pg|sql|executor|database)$/i;

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (
    ts.isParenthesizedExpression(n) ||
    ts.isAsExpression(n) ||
    ts.isSatisfiesExpression(n) ||
    ts.isNonNullExpression(n) ||
    ts.isTypeAssertionExpression(n)
  )
    n = n.expression;
  return n;
}

/** The literal text of a string-ish expression (template parts joined), for the SQL look test. */
function literalText(node: ts.Node): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ? ");
  if (ts.isBinaryExpression(node)) return `${literalText(node.left)} ? ${literalText(node.right)}`;
  return "";
}

/**
 * What an argument is, as far as one file can tell: a drizzle `sql` fragment, a constant string,
 * a string built at run time, or something else. Identifiers are followed to their declaration.
 */
function classify(node: ts.Expression, file: ts.SourceFile, depth = 0): Kind {
  const n = unwrap(node);
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return "constant";
  if (ts.isTemplateExpression(n)) return "dynamic";
  if (ts.isTaggedTemplateExpression(n)) return n.tag.getText(file) === "sql" ? "sql" : "other";
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const sides = [classify(n.left, file, depth), classify(n.right, file, depth)];
    return sides.some((k) => k === "constant" || k === "dynamic") ? "dynamic" : "other";
  }
  if (ts.isCallExpression(n)) {
    const callee = n.expression.getText(file);
    if (/^sql\.(join|identifier|empty|placeholder|param)$/.test(callee)) return "sql";
    if (/(^String|\.(concat|join|replace|replaceAll|padStart|padEnd|toString))$/.test(callee))
      return "dynamic";
    return "other";
  }
  if (ts.isIdentifier(n) && depth < 5) {
    let kind: Kind = "other";
    const visit = (d: ts.Node) => {
      if (
        (ts.isVariableDeclaration(d) || ts.isParameter(d)) &&
        ts.isIdentifier(d.name) &&
        d.name.text === n.text
      ) {
        if (ts.isVariableDeclaration(d) && d.initializer)
          kind = worst(kind, classify(d.initializer, file, depth + 1));
        const type = d.type?.getText(file) ?? "";
        if (/^(SQL|SQLWrapper|SQLChunk)\b/.test(type)) kind = worst(kind, "sql");
        if (/^string\b/.test(type)) kind = worst(kind, "dynamic");
      }
      ts.forEachChild(d, visit);
    };
    visit(file);
    return kind;
  }
  return "other";
}

/** Whether the text an expression holds (following identifiers to their values) reads as SQL. */
function readsAsSql(node: ts.Expression, file: ts.SourceFile, depth = 0): boolean {
  const n = unwrap(node);
  if (LOOKS_LIKE_SQL.test(literalText(n))) return true;
  if (!ts.isIdentifier(n) || depth >= 5) return false;
  let found = false;
  const visit = (d: ts.Node) => {
    if (ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && d.name.text === n.text && d.initializer)
      found ||= readsAsSql(d.initializer, file, depth + 1);
    ts.forEachChild(d, visit);
  };
  visit(file);
  return found;
}

function worst(a: Kind, b: Kind): Kind {
  const order: Kind[] = ["sql", "other", "constant", "dynamic"];
  return order[Math.max(order.indexOf(a), order.indexOf(b))] ?? "dynamic";
}

/** The findings for one source file; `used` collects the allow-list entries that matched. */
export function lintSource(fileName: string, text: string, allowed: Allowed[], used = new Set<Allowed>()) {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const report = (node: ts.Node, rule: string) =>
    findings.push({
      file: fileName,
      line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
      rule,
      code: node.getText(file).replace(/\s+/g, " ").slice(0, 160),
    });
  const allowedConstant = (arg: ts.Expression) => {
    const value = unwrap(arg);
    const entry = allowed.find(
      (a) => a.file === fileName && ts.isStringLiteralLike(value) && value.text === a.sql,
    );
    if (entry) used.add(entry);
    return entry !== undefined;
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments[0]) {
      const name = node.expression.name.text;
      const target = node.expression.expression.getText(file);
      const arg = node.arguments[0];
      const kind = classify(arg, file);
      if (target === "sql" && name === "raw") {
        if (kind !== "constant") report(node, "sql.raw() with a value that is not a constant");
        else if (!allowedConstant(arg)) report(node, "sql.raw() constant not in ALLOWED");
      } else if (name === "execute" && (kind === "constant" || kind === "dynamic")) {
        report(node, "execute() with a string instead of a sql`` template");
      } else if (RAW_DRIVER_CALLS.has(name)) {
        if (kind === "dynamic" && (readsAsSql(arg, file) || DB_HANDLE.test(target)))
          report(node, `.${name}() with SQL built from a string`);
        else if (
          kind === "constant" &&
          (LOOKS_LIKE_SQL.test(literalText(unwrap(arg))) || DB_HANDLE.test(target)) &&
          !allowedConstant(arg)
        )
          report(node, `.${name}() constant SQL not in ALLOWED`);
      }
    }
    const parent = node.parent;
    const untaggedTemplate =
      ts.isTemplateExpression(node) && !(parent && ts.isTaggedTemplateExpression(parent));
    const concatenation =
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      !(parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken);
    if ((untaggedTemplate || concatenation) && LOOKS_LIKE_SQL.test(literalText(node)))
      report(node, "SQL text built by string concatenation or an untagged template");
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

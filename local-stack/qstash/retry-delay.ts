/**
 * `Upstash-Retry-Delay` expressions: arithmetic over the variable `retried` (0 for the first retry)
 * with the functions QStash documents. The result is milliseconds. Parsed by hand, never `eval`ed,
 * because the expression comes from the request.
 */
type Node = (retried: number) => number;

const functions: Record<string, { arity: number; apply: (...args: number[]) => number }> = {
  pow: { arity: 2, apply: (x = 0, y = 0) => x ** y },
  exp: { arity: 1, apply: (x = 0) => Math.exp(x) },
  sqrt: { arity: 1, apply: (x = 0) => Math.sqrt(x) },
  abs: { arity: 1, apply: (x = 0) => Math.abs(x) },
  floor: { arity: 1, apply: (x = 0) => Math.floor(x) },
  ceil: { arity: 1, apply: (x = 0) => Math.ceil(x) },
  round: { arity: 1, apply: (x = 0) => Math.round(x) },
  min: { arity: 2, apply: (x = 0, y = 0) => Math.min(x, y) },
  max: { arity: 2, apply: (x = 0, y = 0) => Math.max(x, y) },
};

const binary: Record<string, (a: number, b: number) => number> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "%": (a, b) => a % b,
};

/** Compiles an expression; throws a plain Error describing the first syntax problem. */
export function compileRetryDelay(expression: string): (retried: number) => number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[A-Za-z_]+|[-+*/%(),]|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`expected ${expected ?? "a value"} at token ${position} of "${expression}"`);
    }
    return token;
  };

  const sum = (): Node => chain(product, ["+", "-"]);
  const product = (): Node => chain(unary, ["*", "/", "%"]);
  const chain = (operand: () => Node, operators: string[]): Node => {
    let left = operand();
    while (operators.includes(peek() ?? "")) {
      const apply = binary[take()]!;
      const [l, r] = [left, operand()];
      left = (retried) => apply(l(retried), r(retried));
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === "-") {
      take();
      const inner = unary();
      return (retried) => -inner(retried);
    }
    return primary();
  };
  const primary = (): Node => {
    const token = take();
    if (/^\d/.test(token)) return () => Number(token);
    if (token === "retried") return (retried) => retried;
    if (token === "(") {
      const inner = sum();
      take(")");
      return inner;
    }
    const fn = functions[token];
    if (!fn) throw new Error(`unknown identifier "${token}" in "${expression}"`);
    take("(");
    const args: Node[] = [sum()];
    while (peek() === ",") {
      take();
      args.push(sum());
    }
    take(")");
    if (args.length !== fn.arity) throw new Error(`${token} takes ${fn.arity} argument(s)`);
    return (retried) => fn.apply(...args.map((arg) => arg(retried)));
  };

  const root = sum();
  if (position !== tokens.length) throw new Error(`unexpected "${peek()}" in "${expression}"`);
  return root;
}

/**
 * JSON that keeps every digit. `JSON.parse` turns 1500000000000000000 into a double and loses
 * digits beyond 2^53; the contract's amounts may be far larger. Here an integer literal that is
 * not a safe integer becomes a `bigint`; every other value reads as `JSON.parse` would read it.
 */
export type JsonValue =
  null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

export function parseJson(text: string): JsonValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${at} of JSON text`);
  };
  const skipWhitespace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const expect = (literal: string) => {
    if (!text.startsWith(literal, at)) fail(`expected ${literal}`);
    at += literal.length;
  };
  const readNumber = (): number | bigint => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
    if (match === null) return fail('unexpected character');
    at += match[0].length;
    const isInteger = match[2] === undefined && match[3] === undefined;
    const value = Number(match[0]);
    return isInteger && !Number.isSafeInteger(value) ? BigInt(match[0]) : value;
  };
  const readString = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail('unterminated string');
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string; // escapes and control characters as JSON.parse reads them
    } catch {
      // JSON.parse's message quotes the text, which may hold a secret: name only the position
      return fail('invalid string');
    }
  };
  /** The members of an object or array, from its opening bracket to `close`, one `readMember` each. */
  const readMembers = (close: '}' | ']', readMember: () => void) => {
    at++;
    skipWhitespace();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      skipWhitespace();
      readMember();
      skipWhitespace();
      if (text[at] === close) break;
      if (text[at] !== ',') fail(`expected ',' or '${close}'`);
      at++;
    }
    at++;
  };
  const readValue = (depth: number): JsonValue => {
    if (depth > 512) fail('nesting too deep');
    skipWhitespace();
    const c = text[at];
    if (c === '{') {
      const object: { [key: string]: JsonValue } = {};
      readMembers('}', () => {
        if (text[at] !== '"') fail('expected a property name');
        const key = readString();
        skipWhitespace();
        expect(':');
        // defineProperty, not assignment: a "__proto__" key stays an own property, as in JSON.parse
        Object.defineProperty(object, key, {
          value: readValue(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      return object;
    }
    if (c === '[') {
      const array: JsonValue[] = [];
      readMembers(']', () => array.push(readValue(depth + 1)));
      return array;
    }
    if (c === '"') return readString();
    if (c === 't') return (expect('true'), true);
    if (c === 'f') return (expect('false'), false);
    if (c === 'n') return (expect('null'), null);
    return readNumber();
  };
  const value = readValue(0);
  skipWhitespace();
  if (at !== text.length) fail('unexpected data after the JSON value');
  return value;
}

/** `JSON.stringify` that writes a `bigint` as the JSON integer it is (`JSON.stringify` throws on it). */
export function stringifyJson(value: unknown): string {
  const write = (v: unknown): string | undefined => {
    if (typeof v === 'bigint') return v.toString();
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const withToJson = v as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON());
    if (Array.isArray(v)) return `[${v.map((item) => write(item) ?? 'null').join(',')}]`;
    const members: string[] = [];
    for (const [key, member] of Object.entries(v)) {
      const written = write(member);
      if (written !== undefined) members.push(`${JSON.stringify(key)}:${written}`);
    }
    return `{${members.join(',')}}`;
  };
  return write(value) ?? 'null';
}

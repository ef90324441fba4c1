// parseJson reads whatever a server sends back: it must agree with JSON.parse on every valid text
// (except that an unsafe integer keeps its digits) and refuse every text JSON.parse refuses.
import { describe, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { parseJson, stringifyJson } from '@openbitgo/accesstoken-client';

describe('parseJson', () => {
  const valid = [
    '{}',
    '[]',
    ' { } ',
    '[ ]',
    '{"a":1,"b":[true,false,null],"c":{"d":"e\\u00e9\\n"}}',
    '[1, -2.5, 3e2, "x", [], {}, [[[]]]]',
    '\n\t{ "spaced" : [ 1 , 2 ] }\r\n',
    '"just a string"',
    '0',
    '{"__proto__":{"polluted":true}}',
  ];
  for (const text of valid) {
    test(`reads ${JSON.stringify(text)} as JSON.parse does`, () => {
      assert.deepEqual(parseJson(text), JSON.parse(text));
    });
  }

  test('keeps "__proto__" an own property, as JSON.parse does', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('reads an integer beyond 2^53 as an exact bigint, in objects and arrays alike', () => {
    const text = '{"amount":123456789012345678901234567890,"list":[18446744073709551617,1]}';
    assert.deepEqual(parseJson(text), {
      amount: 123456789012345678901234567890n,
      list: [18446744073709551617n, 1],
    });
    assert.equal(stringifyJson(parseJson(text)), text);
  });

  const malformed = [
    '',
    '{',
    '[',
    '[1,]',
    '[,1]',
    '[1 2]',
    '{"a":1,}',
    '{,"a":1}',
    '{"a" 1}',
    '{"a":1 "b":2}',
    '{a:1}',
    '[1]]',
    '{"a":1}}',
    '"unterminated',
    'tru',
    '01',
  ];
  for (const text of malformed) {
    test(`refuses ${JSON.stringify(text)}, as JSON.parse does`, () => {
      assert.throws(() => JSON.parse(text), SyntaxError);
      assert.throws(() => parseJson(text), SyntaxError);
    });
  }

  test('refuses nesting deeper than 512 levels', () => {
    assert.throws(() => parseJson('['.repeat(600) + ']'.repeat(600)), /nesting too deep/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseJsonObject } from '../../src/http/json.js';

describe('parseJsonObject', () => {
  it('returns the object of a JSON object', () => {
    expect(parseJsonObject('{"a": 1, "b": [2]}')).toEqual({ object: { a: 1, b: [2] } });
  });

  it.each(['', 'not json', '{"a":', '<html>'])('says %j is not valid JSON', (text) => {
    expect(parseJsonObject(text)).toEqual({ problem: 'is not valid JSON' });
  });

  it.each(['[]', '[{"a":1}]', 'null', '42', '"text"', 'true'])('says %j is not a JSON object', (text) => {
    expect(parseJsonObject(text)).toEqual({ problem: 'is not a JSON object' });
  });
});

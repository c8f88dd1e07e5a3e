import { describe, expect, it } from 'vitest';
import { requestIdOf } from '../../src/http/headers.js';

describe('requestIdOf: the id that names an answer to its operators', () => {
  it.each([
    [{ 'x-request-id': 'abc' }, 'abc'],
    [{ 'x-request-id': '', 'x-amzn-trace-id': 'Root=1-2-3' }, 'Root=1-2-3'],
    [{ 'x-amz-cf-id': 'cf-1' }, 'cf-1'],
    [{ 'x-request-id': ['first', 'second'] }, 'first'],
    [{ 'x-request-id': 'id\n::error::x ##[stop-commands]y' }, 'id : :error: :x # #[stop-commands]y'],
    [{}, undefined],
  ])('%j → %j', (headers, id) => {
    expect(requestIdOf(headers)).toBe(id);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { describeAccess, parseResource } from '../../src/hub/resource.js';

const HUB = 'hub.internal.test';

describe('parseResource', () => {
  it.each([
    ['acme/awesome-model', 'model', 'acme/awesome-model'],
    ['  acme/awesome-model  ', 'model', 'acme/awesome-model'],
    ['datasets/acme/data', 'dataset', 'datasets/acme/data'],
    ['spaces/acme/demo', 'space', 'spaces/acme/demo'],
    ['kernels/acme/flash', 'kernel', 'kernels/acme/flash'],
    ['buckets/acme/cache', 'bucket', 'buckets/acme/cache'],
    ['acme', 'user', 'acme'],
    ['Acme_Corp.ai/model_v2.1', 'model', 'Acme_Corp.ai/model_v2.1'],
    [`acme/${'m'.repeat(96)}`, 'model', `acme/${'m'.repeat(96)}`],
    ['https://huggingface.co/acme/awesome-model', 'model', 'acme/awesome-model'],
    ['https://huggingface.co/datasets/acme/data/', 'dataset', 'datasets/acme/data'],
    ['https://www.huggingface.co/spaces/acme/demo?tab=files#top', 'space', 'spaces/acme/demo'],
    ['https://huggingface.co/acme', 'user', 'acme'],
    [`https://${HUB}/kernels/acme/flash`, 'kernel', 'kernels/acme/flash'],
    [`https://${HUB.toUpperCase()}/acme/x`, 'model', 'acme/x'],
  ])('accepts %j as a %s (%s)', (raw, kind, value) => {
    const resource = parseResource(raw, HUB);
    expect(resource.kind).toBe(kind);
    expect(resource.value).toBe(value);
  });

  it.each([
    ['', 'is empty'],
    ['acme/', 'the name "" is empty'],
    ['a/b/c/d', 'too many'],
    ['datasets/acme/data/extra', 'without both a namespace and a name'],
    ['acme/my model', 'may only contain letters'],
    ['acme/mödel', 'may only contain letters'],
    ['acme/a..b', 'may not contain `--` or `..`'],
    ['.acme/model', 'may not start or end'],
    ['models/acme/x', 'models need no prefix'],
    ['space/acme/x', 'the prefix is plural'],
    ['https://evil.test/acme/x', 'is a URL on evil.test'],
    ['https://user:pw@huggingface.co/acme/x', 'credentials'],
    ['https://huggingface.co/%E0%A4%A/x', 'malformed percent-encoding'],
    ['https://huggingface.co/acme/x/tree/main', 'too many'],
    ['x'.repeat(600), 'too long'],
    ['/awesome-model', 'the namespace "" is empty'],
    ['acme/a--b', 'may not contain `--` or `..`'],
    ['acme/-model', 'may not start or end with `-` or `.`'],
    ['acme/model.', 'may not start or end with `-` or `.`'],
    [`acme/${'m'.repeat(97)}`, 'is 97 characters long (at most 96)'],
    ['acme/awesome-model/extra', 'has too many'],
    ['dataset/acme/data', 'the prefix is plural'],
    ['datasets/acme', 'without both a namespace and a name'],
    ['ftp://huggingface.co/acme/x', 'not an http(s) one'],
    ['https://huggingface.co/', 'without a repository or user path'],
  ])('refuses %j: %s', (raw, why) => {
    let thrown: unknown;
    try {
      parseResource(raw, HUB);
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const message = (thrown as InputError).message;
    expect(message).toContain('Input `resource` is invalid');
    expect(message).toContain(why);
    expect((thrown as InputError).hint).toContain('Accepted forms');
  });

  it('describes what each kind of token can do', () => {
    expect(describeAccess(parseResource('acme/x', HUB))).toBe('write access to the model acme/x only');
    expect(describeAccess(parseResource('acme', HUB))).toMatch(/^read-only access as user acme/);
  });
});

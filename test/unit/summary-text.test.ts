// The demo's text rendering of a job summary: the HTML @actions/core's summary builds (what the
// action writes) comes out as aligned, readable text, with no tag or character reference left.

import { summary } from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSummaryText } from '../support/summary-text.js';

afterEach(() => summary.emptyBuffer());

describe('renderSummaryText', () => {
  it('renders headings, tables, paragraphs, lists, links and code as text', () => {
    summary
      .addHeading('Hugging Face token issued', 3)
      .addTable([
        [
          { data: 'Field', header: true },
          { data: 'Value', header: true },
        ],
        ['Resource', '<code>acme-ai/awesome-model</code>'],
        ['Run', '<a href="https://github.com/acme/model-training/actions/runs/4242">run 4242</a>'],
        ['Same link', '<a href="https://hub.example/x">https://hub.example/x</a>'],
      ])
      .addRaw('<p>The ID token&#39;s <code>repository&#95;id</code> is &lt;123&gt;.</p>', true)
      .addList(['first &#96;cause&#96;', 'second'])
      .addRaw('plain text line', true);
    expect(renderSummaryText(summary.stringify())).toBe(
      [
        'Hugging Face token issued',
        '-------------------------',
        'Field      Value',
        'Resource   acme-ai/awesome-model',
        'Run        run 4242 (https://github.com/acme/model-training/actions/runs/4242)',
        'Same link  https://hub.example/x',
        "The ID token's repository_id is <123>.",
        '- first `cause`',
        '- second',
        'plain text line',
      ].join('\n'),
    );
  });

  it('leaves no tag behind in an empty or unknown block', () => {
    expect(renderSummaryText('')).toBe('');
    expect(renderSummaryText('<details><summary>More</summary>text</details>')).toBe('More\ntext');
  });
});

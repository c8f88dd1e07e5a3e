// A plain-text rendering of a job summary (GITHUB_STEP_SUMMARY), for `npm run demo`: the HTML the
// action writes through @actions/core's summary (headings, tables, paragraphs, lists, links, code)
// shown the way the run page shows it, as text a terminal can print. Only that subset: it is not a
// general HTML renderer, and anything else is printed with its tags removed.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references the toolkit and the action's escaping produce. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Inline markup to text: a link shows its target when that differs from its text. */
function inline(html: string): string {
  const linked = html.replace(
    /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
    (_whole, href: string, body: string) => {
      const text = inline(body);
      const target = decode(href);
      return text === target ? text : `${text} (${target})`;
    },
  );
  return decode(linked.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A table as aligned columns, the header row first. */
function table(html: string): string[] {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((cell) => inline(cell[1] ?? '')),
  );
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The summary as lines of text: headings underlined, tables aligned, list items with a dash. */
export function renderSummaryText(html: string): string {
  const lines: string[] = [];
  const blocks =
    /<h(\d)[^>]*>([\s\S]*?)<\/h\1>|<table[^>]*>([\s\S]*?)<\/table>|<ul[^>]*>([\s\S]*?)<\/ul>|<p[^>]*>([\s\S]*?)<\/p>|([^<]+)|<[^>]*>/gi;
  for (const match of html.matchAll(blocks)) {
    const [, , heading, tableBody, listBody, paragraph, text] = match;
    if (heading !== undefined) {
      const title = inline(heading);
      lines.push('', title, '-'.repeat(title.length));
    } else if (tableBody !== undefined) {
      lines.push(...table(tableBody));
    } else if (listBody !== undefined) {
      for (const item of listBody.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)) lines.push(`- ${inline(item[1] ?? '')}`);
    } else if (paragraph !== undefined) {
      lines.push(inline(paragraph));
    } else if (text !== undefined && text.trim() !== '') {
      lines.push(inline(text));
    }
  }
  // Any other tag (the last alternative) only separates text.
  while (lines[0] === '') lines.shift();
  return lines.join('\n');
}

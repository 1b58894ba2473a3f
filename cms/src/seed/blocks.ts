/**
 * The seed files write rich text as lines: a plain line is a paragraph, "## " starts a heading,
 * "- " a bullet (consecutive bullets make one list). This turns them into Strapi's blocks.
 */
type Text = { type: 'text'; text: string };
export type Block =
  | { type: 'paragraph'; children: Text[] }
  | { type: 'heading'; level: 2; children: Text[] }
  | { type: 'list'; format: 'unordered'; children: Array<{ type: 'list-item'; children: Text[] }> };

const text = (value: string): Text[] => [{ type: 'text', text: value.trim() }];

export function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) blocks.push({ type: 'heading', level: 2, children: text(line.slice(3)) });
    else if (line.startsWith('- ')) {
      const last = blocks.at(-1);
      const item = { type: 'list-item' as const, children: text(line.slice(2)) };
      if (last?.type === 'list') last.children.push(item);
      else blocks.push({ type: 'list', format: 'unordered', children: [item] });
    } else blocks.push({ type: 'paragraph', children: text(line) });
  }
  return blocks;
}

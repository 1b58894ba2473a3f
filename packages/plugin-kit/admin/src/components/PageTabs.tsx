/** A page's views as tabs, the first one open; each view keeps its place below the tab list. */
import type { ReactNode } from 'react';
import { Box, Tabs } from '@strapi/design-system';

export type PageTab = { value: string; label: string; content: ReactNode };

/** `label` names the tab list for screen readers. */
export function PageTabs({ label, tabs }: { label: string; tabs: PageTab[] }) {
  return (
    <Tabs.Root defaultValue={tabs[0]?.value}>
      <Tabs.List aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.value} value={tab.value}>
          <Box paddingTop={6}>{tab.content}</Box>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

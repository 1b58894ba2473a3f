/**
 * A plugin page as the admin lays its own out: the tab's title, the header (a way back, the
 * heading, a line under it, the page's main action) and the content, on one white panel when
 * `panel`. `overlay` is what opens over the page (a dialog), inside its main landmark.
 */
import type { ReactNode } from 'react';
import { Box } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

type Props = {
  title: string;
  /** The tab's title, when it says more than the heading (whose page it is). */
  documentTitle?: string;
  subtitle?: string;
  navigationAction?: ReactNode;
  primaryAction?: ReactNode;
  panel?: boolean;
  overlay?: ReactNode;
  children: ReactNode;
};

export function PluginPage({ title, documentTitle = title, subtitle, navigationAction, primaryAction, panel = false, overlay, children }: Props) {
  return (
    <Page.Main>
      <Page.Title>{documentTitle}</Page.Title>
      <Layouts.Header navigationAction={navigationAction} title={title} subtitle={subtitle} primaryAction={primaryAction} />
      <Layouts.Content>
        {panel ? (
          <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
            {children}
          </Box>
        ) : (
          children
        )}
      </Layouts.Content>
      {overlay}
    </Page.Main>
  );
}

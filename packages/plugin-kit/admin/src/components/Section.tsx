/** A part of a page: a white panel named by its own heading (a landmark screen readers can jump to). */
import type { ReactNode, Ref } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

type Props = { id: string; title: string; children: ReactNode; headingRef?: Ref<HTMLHeadingElement> };

export function Section({ id, title, children, headingRef }: Props) {
  return (
    <Box tag="section" aria-labelledby={`${id}-title`} background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id={`${id}-title`} ref={headingRef} tabIndex={-1} tag="h2" variant="beta">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}

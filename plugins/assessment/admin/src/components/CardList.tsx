/**
 * The card's lists of results and recommendations: an ordered list, each item boxed, or a quiet
 * sentence when there is nothing to list.
 */
import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

type Props<T> = { items: T[]; none: string; keyOf: (item: T) => string | number; children: (item: T, index: number) => ReactNode };

export function CardList<T>({ items, none, keyOf, children }: Props<T>) {
  if (items.length === 0) return <Typography textColor="neutral600">{none}</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={4}>
      {items.map((item, index) => (
        <Box tag="li" key={keyOf(item)} padding={5} borderColor="neutral150" borderStyle="solid" borderWidth="1px" hasRadius>
          {children(item, index)}
        </Box>
      ))}
    </Flex>
  );
}

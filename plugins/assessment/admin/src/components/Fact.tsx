/** One fact of a card's description list: its term over its value, a third of the row on wide screens. */
import type { ReactNode } from 'react';
import { Grid, Typography } from '@strapi/design-system';

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Grid.Item tag="div" col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="dt" variant="sigma" textColor="neutral600">
        {term}
      </Typography>
      <Typography tag="dd">{children}</Typography>
    </Grid.Item>
  );
}

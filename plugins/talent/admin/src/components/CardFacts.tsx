/** A card's facts as a description list (term, then its value), and a short list with its own empty text. */
import type { ReactNode } from 'react';
import { Box, Typography } from '@strapi/design-system';

export function CardFacts({ facts }: { facts: Array<[string, ReactNode]> }) {
  return (
    <Box tag="dl" style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, max-content) 1fr', gap: '0.5rem 1.5rem', margin: 0 }}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <Typography tag="dt" fontWeight="bold">
            {term}
          </Typography>
          <Typography tag="dd" style={{ margin: 0 }}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Typography>
        </div>
      ))}
    </Box>
  );
}

/** A titled part of a section (h3 under the section's h2); its content, or `empty` when there is none. */
export function CardPart({ title, empty, children }: { title: string; empty?: string; children: ReactNode }) {
  return (
    <Box tag="section" paddingTop={2}>
      <Typography tag="h3" variant="delta">
        {title}
      </Typography>
      <Box paddingTop={2}>{children ?? <Typography textColor="neutral600">{empty}</Typography>}</Box>
    </Box>
  );
}

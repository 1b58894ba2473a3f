/**
 * A form named by its heading (the form's accessible name is the heading's text), its fields in a
 * column below it.
 */
import type { FormEvent, ReactNode } from 'react';
import { Flex, Typography } from '@strapi/design-system';

type Props = {
  /** The heading's id, which names the form. */
  titleId: string;
  title: string;
  /** The heading's level where the form stands. */
  level?: 'h2' | 'h3';
  gap?: number;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
};

export function TitledForm({ titleId, title, level = 'h2', gap = 5, onSubmit, children }: Props) {
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <Flex direction="column" alignItems="stretch" gap={gap}>
        <Typography id={titleId} tag={level} variant="delta">
          {title}
        </Typography>
        {children}
      </Flex>
    </form>
  );
}

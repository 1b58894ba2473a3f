/**
 * A value from 0 to 100 drawn as a bar, always with its number written beside it: the bar is a
 * picture of the number (hidden from screen readers), never the only way to read it.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

type Props = {
  value: number;
  /** The words read beside the bar ("82% fit"); the number alone when not given. */
  text?: string;
  /** Person and profession side by side: the profession's bar is drawn lighter. */
  tone?: 'primary' | 'neutral';
  width?: string;
};

const clamp = (value: number) => Math.min(Math.max(Number.isFinite(value) ? value : 0, 0), 100);

export function Bar({ value, text, tone = 'primary', width = '10rem' }: Props) {
  return (
    <Flex gap={2} alignItems="center">
      <Box aria-hidden="true" width={width} height="0.5rem" background="neutral150" hasRadius overflow="hidden" shrink={0}>
        <Box height="100%" width={`${clamp(value)}%`} background={tone === 'primary' ? 'primary600' : 'neutral500'} hasRadius />
      </Box>
      <Typography variant="omega" fontWeight="semiBold">
        {text ?? String(Math.round(value))}
      </Typography>
    </Flex>
  );
}

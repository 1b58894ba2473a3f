/**
 * A status message announced by screen readers as it changes (the region is there before the
 * message, as live regions must be), shown in words and with an icon, never by colour alone.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';

export function LiveStatus({ message }: { message: string }) {
  return (
    <Box role="status" aria-live="polite">
      {message && (
        <Flex gap={2} padding={3} background="success100" borderColor="success200" borderStyle="solid" borderWidth="1px" hasRadius>
          <CheckCircle aria-hidden focusable={false} fill="success700" />
          <Typography textColor="success700">{message}</Typography>
        </Flex>
      )}
    </Box>
  );
}

import { Box, Typography } from '@strapi/design-system';

/** A failure the server explained, announced to screen readers as it appears. */
export function ProblemText({ message }: { message: string }) {
  return (
    <Box role="alert" padding={4} background="danger100" borderColor="danger200" hasRadius>
      <Typography textColor="danger700">{message}</Typography>
    </Box>
  );
}

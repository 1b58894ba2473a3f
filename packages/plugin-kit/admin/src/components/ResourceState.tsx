/**
 * What a view shows for a `useResource` result: the server's refusal, a loader until the first
 * answer (a reload keeps the data shown), the empty state when `isEmpty` says there is nothing, and
 * otherwise `children` with the data.
 */
import type { ReactNode } from 'react';
import { Box, EmptyStateLayout, Loader } from '@strapi/design-system';
import type { Problem } from '../problem';
import { ProblemText } from './ProblemText';

type Props<T> = {
  resource: { data: T | undefined; problem: Problem | undefined };
  /** The loader's text, read to screen readers. */
  loading: string;
  /** The empty state's text, shown when `isEmpty(data)`. */
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
};

export function ResourceState<T>({ resource, loading, empty, isEmpty, children }: Props<T>) {
  if (resource.problem) return <ProblemText message={resource.problem.message} />;
  if (resource.data === undefined)
    return (
      <Box padding={6}>
        <Loader>{loading}</Loader>
      </Box>
    );
  if (empty !== undefined && isEmpty?.(resource.data)) return <EmptyStateLayout content={empty} />;
  return <>{children(resource.data)}</>;
}

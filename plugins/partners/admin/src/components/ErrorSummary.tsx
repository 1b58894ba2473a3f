/**
 * What the server refused, at the top of the form: its message and, for each field, a link that
 * takes focus to that field. It takes focus itself as it appears, so that it is read out first.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type { Problem } from '@qabilet/plugin-kit/admin';
import { fieldId, focusPath, labelOfPath } from '../utils/fieldErrors';
import { useT } from '../utils/translations';

type Props = { id: string; prefix: string; problem: Problem | undefined };

export function ErrorSummary({ id, prefix, problem }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) box.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const entries = Object.entries(problem.fields).filter(([path]) => path !== '');
  const go = (path: string) => (event: MouseEvent) => {
    event.preventDefault();
    focusPath(prefix, path);
  };
  return (
    <Box
      ref={box}
      id={id}
      tabIndex={-1}
      tag="section"
      aria-labelledby={`${id}-title`}
      padding={4}
      background="danger100"
      borderColor="danger600"
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography id={`${id}-title`} tag="h2" variant="delta" textColor="danger700">
          {entries.length ? t('errors.title', { count: entries.length }) : t('errors.refused')}
        </Typography>
        {(!entries.length || problem.fields[''] !== undefined) && <Typography textColor="danger700">{problem.fields[''] ?? problem.message}</Typography>}
        {entries.length > 0 && (
          <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
            {entries.map(([path, message]) => (
              <li key={path}>
                <Link href={`#${fieldId(prefix, path)}`} onClick={go(path)}>
                  {t('errors.item', { field: labelOfPath(t, path), message })}
                </Link>
              </li>
            ))}
          </Box>
        )}
      </Flex>
    </Box>
  );
}

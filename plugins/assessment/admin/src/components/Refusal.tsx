/**
 * Why a list or a card cannot be shown: a refusal (403) or a person outside one's scope (404)
 * explained in the page's words, with the server's own message beside it.
 */
import { Flex, Typography } from '@strapi/design-system';
import { ProblemText, type Problem } from '@qabilet/plugin-kit/admin';
import { useT } from '../utils/translations';

export function Refusal({ problem, card = false }: { problem: Problem; card?: boolean }) {
  const t = useT();
  const why =
    problem.status === 403
      ? t(card ? 'error.forbidden.card' : 'error.forbidden')
      : problem.status === 404
        ? t(card ? 'error.notFound.card' : 'error.notFound')
        : null;
  if (!why) return <ProblemText message={problem.message} />;
  return (
    <Flex role="alert" direction="column" alignItems="flex-start" gap={2} padding={4} background="danger100" borderColor="danger200" hasRadius>
      <Typography tag="h2" variant="delta" textColor="danger700">
        {why}
      </Typography>
      {problem.message && problem.message !== why && <Typography textColor="danger700">{problem.message}</Typography>}
    </Flex>
  );
}

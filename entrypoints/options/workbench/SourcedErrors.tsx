/** The build's problems, each as `file:line`, the JSON path, the message and a link to the field's docs. */
import type { Lang } from '@/utils/i18n';
import type { SourcedError } from '@/utils/pack/authoring/errors';
import { ot } from '../strings';
import { docFor } from './docLinks';

const where = (e: SourcedError) => (e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : null);
const jsonPath = (e: SourcedError) => (e.path && !e.path.startsWith('(') ? e.path : null);

export function SourcedErrors({ errors, lang: l, testid }: { errors: SourcedError[]; lang: Lang; testid: string }) {
  if (!errors.length) return null;
  return (
    <ol class="errors" data-testid={testid}>
      {errors.map((e, k) => {
        const doc = docFor(e);
        return (
          <li key={k}>
            {where(e) && <code class="wb-where">{where(e)}</code>}
            {where(e) ? ': ' : ''}
            {jsonPath(e) && <code>{jsonPath(e)}</code>}
            {jsonPath(e) ? ': ' : ''}
            {e.message}{' '}
            <a href={doc.href} target="_blank" rel="noreferrer" aria-label={ot(l, 'wbDocsFor', { topic: doc.topic })}>
              ({ot(l, 'wbDocs')})
            </a>
          </li>
        );
      })}
    </ol>
  );
}

import type { Lang } from '@/utils/i18n';
import type { PackError } from '@/utils/pack/validate';
import { ot } from './strings';

const label = (e: PackError) => (e.path.startsWith('(') ? null : <code>{e.path}</code>);

/** Every problem, each with the JSON path to fix (pack text is shown as text, never HTML). */
export function ErrorList({ errors }: { errors: PackError[] }) {
  if (!errors.length) return null;
  return (
    <ol class="errors" data-testid="pack-errors">
      {errors.map((e, k) => (
        <li key={k}>
          {label(e)}
          {label(e) ? ': ' : ''}
          {e.message}
        </li>
      ))}
    </ol>
  );
}

export function WarningList({ warnings, lang }: { warnings: PackError[]; lang: Lang }) {
  if (!warnings.length) return null;
  return (
    <details>
      <summary>{ot(lang, 'warnings')}</summary>
      <ul>
        {warnings.map((e, k) => (
          <li key={k}>
            <code>{e.path}</code>: {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

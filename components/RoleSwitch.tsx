/** The rep's role in one click (issue 16.1): two toggle buttons, the pressed one in force. */
import { tr, type Lang } from '@/utils/i18n';
import type { Role } from '@/utils/view/sections';

export function RoleSwitch({ role, lang, onChange }: { role: Role; lang: Lang; onChange(role: Role): void }) {
  const roles: { id: Role; label: string; full: string }[] = [
    { id: 'sales', label: tr(lang, 'roleSalesShort'), full: tr(lang, 'roleSales') },
    { id: 'cs', label: tr(lang, 'roleCsShort'), full: tr(lang, 'roleCs') },
  ];
  return (
    <div class="fl-roles" role="group" aria-label={tr(lang, 'roleLabel')} title={tr(lang, 'roleSwitch')}>
      {roles.map((r) => (
        <button key={r.id} type="button" class="fl-role" aria-pressed={r.id === role ? 'true' : 'false'} data-role={r.id} title={r.full} onClick={() => r.id !== role && onChange(r.id)}>
          {r.label}
        </button>
      ))}
    </div>
  );
}

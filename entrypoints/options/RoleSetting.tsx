/** The rep's role on the options page (issue 16.1): saved by the worker (`role:set`), like the sidebar's switch. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { tr, type Lang } from '@/utils/i18n';
import { roleSetting, type RoleSetting as Role } from '@/utils/settings';
import { ask } from '@/utils/ask';

export function RoleSetting({ lang }: { lang: Lang }) {
  const role = useSignal<Role>('auto');
  useEffect(() => {
    void roleSetting.getValue().then((r) => (role.value = r));
  }, []);
  return (
    <label>
      {tr(lang, 'roleLabel')}{' '}
      <select
        value={role.value}
        data-testid="role"
        onChange={(e) => {
          role.value = (e.target as HTMLSelectElement).value as Role;
          void ask('role:set', { role: role.value }).catch(() => undefined);
        }}
      >
        <option value="auto">{tr(lang, 'roleAuto')}</option>
        <option value="sales">{tr(lang, 'roleSales')}</option>
        <option value="cs">{tr(lang, 'roleCs')}</option>
      </select>
    </label>
  );
}

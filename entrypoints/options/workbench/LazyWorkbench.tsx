/**
 * The workbench is loaded when the page has rendered, as its own chunk: it brings the
 * authoring build, YAML, every site adapter (saved pages) and the sidebar's components,
 * which the rest of the ops console does not need to show the active pack at once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '@/utils/i18n';
import type { PackInfo } from '@/utils/view/types';
import type { Workbench as WorkbenchType } from './Workbench';

type Props = { lang: Lang; onActivated: (info: PackInfo) => void };

export function LazyWorkbench(props: Props) {
  const [Loaded, setLoaded] = useState<typeof WorkbenchType | null>(null);
  useEffect(() => {
    void import('./Workbench').then((m) => setLoaded(() => m.Workbench));
  }, []);
  return Loaded ? <Loaded {...props} /> : <section id="workbench" aria-busy="true" />;
}

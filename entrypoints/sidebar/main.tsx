import { startSidebarApp } from '@/utils/ui/app';
import '@/components/sidebar.css';

void startSidebarApp(document.getElementById('app')!);

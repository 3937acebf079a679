import { startSidebarApp } from './wiring';
import '@/components/sidebar.css';

void startSidebarApp(document.getElementById('app')!);

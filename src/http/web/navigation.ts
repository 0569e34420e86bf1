/** The header navigation for the signed-in role, built from that role's tasks. */
import type { Principal } from '../../domains/identity/principal.ts';
import { TASKS_BY_ROLE } from './role-tasks.ts';

export interface NavigationItem {
  text: string;
  href: string;
  current?: boolean;
  active?: boolean;
}

/** Home plus the role's tasks, marking the current section (as the NHS header component expects). */
export function navigationFor(principal: Principal | null, url: string): NavigationItem[] {
  if (!principal || principal.kind !== 'user') return [];
  const path = url.split('?')[0] ?? '/';
  const items = [
    { text: 'Home', href: '/' },
    ...TASKS_BY_ROLE[principal.role]
      .filter((task) => !task.href.startsWith('/api/'))
      .map((task) => ({ text: task.title, href: task.href })),
  ];
  return items.map((item) => {
    const current = path === item.href;
    const active = !current && item.href !== '/' && path.startsWith(`${item.href}/`);
    return { ...item, ...(current ? { current: true } : {}), ...(active ? { active: true } : {}) };
  });
}

import { describe, expect, it } from 'vitest';
import { DATE_INPUT_FIELDS, formErrors, safeReturnPath } from '../../src/http/web/form.ts';
import { formatDate, formatDateTime } from '../../src/http/web/format.ts';
import { navigationFor } from '../../src/http/web/navigation.ts';
import { pageRequest, paginationView } from '../../src/http/web/pagination.ts';
import { isIsoDate } from '../../src/lib/iso-date.ts';

describe('form errors', () => {
  it('links each summary item to its field and keeps the first message per field inline', () => {
    const errors = formErrors([
      { field: 'email', message: 'Enter your email address' },
      { field: 'email', message: 'second' },
      { field: 'password', message: 'Enter your password' },
    ]);
    expect(errors.errorList[0]).toEqual({ text: 'Enter your email address', href: '#email' });
    expect(errors.fieldErrors).toEqual({ email: { text: 'Enter your email address' }, password: { text: 'Enter your password' } });
  });

  it.each([
    ['/organisation', '/organisation'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil', '/'],
    [undefined, '/'],
  ])('return path %s becomes %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe('pagination', () => {
  it('treats anything but a positive whole number as page 1', () => {
    for (const value of [undefined, '0', '-3', 'abc', '1.5', '9999999']) expect(pageRequest(value).page).toBe(1);
    expect(pageRequest('3')).toEqual({ page: 3, limit: 25, offset: 50 });
  });

  it('links to the previous and next pages, keeping the search', () => {
    const view = paginationView(pageRequest('2'), 120, '/admin/organisations', { q: 'leeds' });
    expect(view.previous).toEqual({ href: '/admin/organisations?q=leeds&page=1', labelText: '1 of 5' });
    expect(view.next).toEqual({ href: '/admin/organisations?q=leeds&page=3', labelText: '3 of 5' });
    expect(view.summary).toBe('Showing 26 to 50 of 120');
    expect(paginationView(pageRequest('1'), 0, '/x').summary).toBe('No results');
  });
});

describe('dates', () => {
  it('formats dates the NHS way in London time', () => {
    expect(formatDate('2013-04-01')).toBe('1 April 2013');
    expect(formatDateTime(new Date('2026-07-01T17:05:00Z'))).toBe('1 July 2026 at 6:05pm');
    expect(formatDate(null)).toBe('');
  });

  it('accepts only real ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1/4/2013')).toBe(false);
  });
});

describe('navigation', () => {
  it('shows nothing to visitors and the role’s areas to a signed-in person, marking where they are', () => {
    expect(navigationFor(null, '/')).toEqual([]);
    const items = navigationFor(
      { kind: 'user', userId: 'u', displayName: 'C', organisationId: 'o', organisationName: 'O', role: 'platform-admin' },
      '/admin/users/new',
    );
    expect(items.map((item) => item.text)).toEqual(['Home', 'Users', 'Organisations', 'Audit log', 'Reference data', 'API keys']);
    expect(items.find((item) => item.text === 'Users')).toMatchObject({ active: true });
  });
});

describe('error summary links to date inputs', () => {
  it('links a date field to its day box, and every date input in the templates is known as one', async () => {
    expect(formErrors([{ field: 'dateOfBirth', message: 'Enter your date of birth' }]).errorList).toEqual([
      { text: 'Enter your date of birth', href: '#dateOfBirth-day' },
    ]);
    const { readdir, readFile } = await import('node:fs/promises');
    const templates = (await readdir('src/views', { recursive: true }))
      .filter((file) => file.endsWith('.njk'))
      .map((file) => `src/views/${file}`);
    expect(templates.length).toBeGreaterThan(10);
    const names = new Set<string>();
    for (const file of templates)
      for (const match of (await readFile(file, 'utf8')).matchAll(/dateField\("([A-Za-z]+)"/g)) names.add(match[1]!);
    expect(names.size).toBeGreaterThan(0);
    for (const name of names) expect(DATE_INPUT_FIELDS.has(name), name).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORUK_SCHEMA_DIR, orukErrors, orukValidators } from '../support/oruk-schemas.ts';

const example = (name: string) => JSON.parse(readFileSync(path.join(ORUK_SCHEMA_DIR, '../examples', name), 'utf8'));

describe('the UK profile schemas the feed is checked against', () => {
  const validator = orukValidators();

  it('accept the profile’s own example service list', () => {
    const list = example('service_list.json');
    expect(orukErrors(validator('page'), list)).toEqual([]);
    for (const service of list.contents) expect(orukErrors(validator('compiled/service_list.json'), service)).toEqual([]);
  });

  it('refuse a service whose id is not a UUID and which has no status', () => {
    expect(orukErrors(validator('compiled/service_list.json'), { id: 'DEMO1-hearing', name: 'Hearing' })).toEqual([
      "/ must have required property 'status'",
      '/id must match format "uuid"',
    ]);
  });
});

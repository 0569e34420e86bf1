/** Where the real Open Government Licence reference data is for tests: AQP_DATA_DIR, else ../shared/data beside the checkout. */
import path from 'node:path';
import { REPO_ROOT } from './cli-server.ts';

export const REFERENCE_DATA_DIR = process.env.AQP_DATA_DIR
  ? path.resolve(process.env.AQP_DATA_DIR)
  : path.resolve(REPO_ROOT, '../shared/data');

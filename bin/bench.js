#!/usr/bin/env node
// `npm run bench -- [name ...]`: runs benchmarks from bench/ through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');

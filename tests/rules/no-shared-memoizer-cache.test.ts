import rule from '../../src/rules/no-shared-memoizer-cache.js';
import { runCases } from '../rule-tester.js';
import { cases } from './no-shared-memoizer-cache.cases.js';

runCases('no-shared-memoizer-cache', rule, cases);

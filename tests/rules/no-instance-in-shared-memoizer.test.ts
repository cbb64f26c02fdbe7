import rule from '../../src/rules/no-instance-in-shared-memoizer.js';
import { runCases } from '../rule-tester.js';
import { cases } from './no-instance-in-shared-memoizer.cases.js';

runCases('no-instance-in-shared-memoizer', rule, cases);

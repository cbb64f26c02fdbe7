import rule from '../../src/rules/no-shared-method-memoizer.js';
import { runCases } from '../rule-tester.js';
import { cases } from './no-shared-method-memoizer.cases.js';

runCases('no-shared-method-memoizer', rule, cases);

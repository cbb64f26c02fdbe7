import rule from '../../src/rules/no-instance-keyed-cache.js';
import { runCases } from '../rule-tester.js';
import { cases } from './no-instance-keyed-cache.cases.js';

runCases('no-instance-keyed-cache', rule, cases);

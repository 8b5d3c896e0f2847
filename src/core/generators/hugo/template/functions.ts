/** The functions templates can call, shortcodes and archetypes alike (the objects differ, not the functions). */
import type { Fn } from './exec';
import { CORE_FUNCTIONS } from './functionsCore';
import { TEXT_FUNCTIONS } from './functionsText';
import { TIME_FUNCTIONS } from './time';
import { REF_FUNCTIONS } from './refs';
import { EvalError } from './values';

export const FUNCTIONS: ReadonlyMap<string, Fn> = new Map<string, Fn>([
  ...CORE_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...TIME_FUNCTIONS,
  ...REF_FUNCTIONS,
  [
    'site',
    (a, env) => {
      if (a.length) throw new EvalError('site takes no arguments');
      return env.site;
    },
  ],
]);

export const isFunction = (name: string): boolean => name === 'and' || name === 'or' || FUNCTIONS.has(name);

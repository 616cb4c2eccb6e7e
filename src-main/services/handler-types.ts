import type { z } from 'zod';
import type { OperationSpec, OutputOf, ParsedInputOf } from '../contract/define';
import type { ServiceContext } from './context';

type HandlerOf<T> = (ctx: ServiceContext, input: ParsedInputOf<T>) => OutputOf<T> | Promise<OutputOf<T>>;

/** The handlers of one domain's operations, type-checked against the contract. */
export type HandlersOf<M extends Record<string, OperationSpec<z.ZodType, unknown>>> = {
  [K in keyof M]: HandlerOf<M[K]>;
};

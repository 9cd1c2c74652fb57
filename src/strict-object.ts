/**
 * `z.strictObject` of `zod/mini`, parsed by zod's compiled object parser (the one of its classic
 * API), for the schemas read once per household or record: the plain `zod/mini` object checks its
 * keys one by one, about three times slower on a survey record. Where code cannot be compiled (a
 * page whose Content-Security-Policy forbids `eval`), zod falls back to that plain parser itself.
 * The schema is a `zod/mini` object in every other respect: same definition, same JSON Schema.
 *
 * @module
 */
import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT, type $ZodObjectDef } from 'zod/v4/core';

/** A constructor's initializer, called as a plain function on an instance being built. */
type Init = (inst: unknown, def: $ZodObjectDef) => void;

/** A `zod/mini` object whose parse is compiled (zod's `$ZodObjectJIT`). */
const CompiledMiniObject = /* @__PURE__ */ $constructor('ZodMiniCompiledObject', (inst: z.core.$ZodObject, def: $ZodObjectDef) => {
  ($ZodObjectJIT.init as Init)(inst, def);
  // The traits already given (the compiled parse above) are skipped: this adds the mini methods and `shape`.
  (z.ZodMiniObject.init as Init)(inst, def);
});

/** `z.strictObject(shape, params)` of `zod/mini`, with a compiled parse: unknown keys are errors. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, params?: string | z.core.$ZodObjectParams): z.ZodMiniObject<z.core.util.Writeable<T>, z.core.$strict> {
  // The definition `zod/mini` makes (its parameters read as it reads them), parsed by the compiled parser.
  const plain = z.strictObject(shape, params);
  return new CompiledMiniObject(plain._zod.def) as unknown as typeof plain;
}

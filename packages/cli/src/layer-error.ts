import type { AmbiguousLayerError } from '@d2ci/core';
import { flagNames } from './fields.ts';
import { UsageError } from './errors.ts';

/**
 * An artifact without one content layer (pull, diff). When naming its media type is the fix (the error's field)
 * and the flag was not given, the message ends with the flag to give.
 */
export function layerUsageError(err: AmbiguousLayerError, given: boolean): UsageError {
  const flag = err.field && !given ? flagNames[err.field] : null;
  return new UsageError(flag ? `${err.message} (${flag})` : err.message);
}

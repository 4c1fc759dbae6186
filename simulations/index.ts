// Public functions of the engines, re-exported for tests, lessons and outside checks.
// Each engine issue names the functions it must export; keep those names and shapes.

export { Quantity, QuantityError, formatBinarySI, formatDecimalSI } from './shared/quantity.ts';
export { parseManifests } from './shared/yaml.ts';
export { ValidationError, LimitExceededError, NotFoundError, formatFieldPath } from './shared/errors.ts';
export { goDuration, humanDuration, shortHumanDuration } from './shared/duration.ts';
export { engines, getEngine } from './registry.ts';

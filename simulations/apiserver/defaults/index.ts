// SetObjectDefaults_<Kind> for every built-in kind: the defaults the API
// server applies when it decodes an object.
// src: pkg/apis/<group>/<version>/defaults.go and zz_generated.defaults.go

import type { JsonObject } from '../../apimachinery/json.ts';

/** Fills in defaults in place. */
export type Defaulter = (obj: JsonObject) => void;

/** Defaulters by kind key ("v1/Pod", "apps/v1/Deployment"). */
export const DEFAULTERS: Readonly<Record<string, Defaulter>> = {};

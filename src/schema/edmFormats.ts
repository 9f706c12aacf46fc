// String formats of the Edm primitive types, registered on the ajv instance that compiles the generated schemas.
import type Ajv from 'ajv';
import addFormats from 'ajv-formats';

// Edm.Duration as OData writes it, [-]P[nD][T[nH][nM][n[.n]S]], with at least one component. Fractional seconds
// matter: Graph sends .NET's TimeSpan.MaxValue as P10675199DT2H48M5.4775807S (ajv-formats' `duration` rejects it).
const edmDuration = /^-?P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export function isEdmDuration(text: string): boolean {
  return edmDuration.test(text);
}

export function addEdmFormats(ajv: Ajv): void {
  addFormats(ajv, ['date-time', 'uuid']);
  ajv.addFormat('edm-duration', edmDuration);
}

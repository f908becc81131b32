/**
 * The one place that imports zod. `zod/mini` keeps the embed small; `jitless` stops zod from
 * probing `new Function`, which a strict Content-Security-Policy reports as a violation even
 * when the probe's exception is caught. It must run before any schema is constructed.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };

import { z } from "zod";

/*
 * Zod 4 compiles object parsers with `new Function` when it may; to find out, it tries once,
 * and under our CSP (`script-src 'self'`, no 'unsafe-eval') that try is refused and reported
 * as a violation. Parsing without the compiler is what happens after the refusal anyway, so
 * say so up front. web/main.tsx imports this first, before any form can parse.
 */
z.config({ jitless: true });

// Property tests explore new inputs on every local run; in continuous integration they use one
// fixed seed, so that a result is reproducible and a run cannot fail by chance alone.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20_251_201 });

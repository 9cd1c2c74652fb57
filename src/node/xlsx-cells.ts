/**
 * Worksheet cells as the row reader reads them (kept here for the Node modules that import it;
 * the rules live in `xlsx/cells`, which has no Node dependency and runs in a browser).
 *
 * @module
 */
export * from '../xlsx/cells.js';

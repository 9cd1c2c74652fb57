/**
 * chuan-ngheo/report: report tables from the measures, rendered as text, CSV, Markdown or JSON,
 * bar charts as SVG, and the category labels in Vietnamese and English. Pure (no I/O); runs in a browser.
 *
 * @packageDocumentation
 * @module chuan-ngheo/report
 */
export { summaryTable, profileTable, transitionsTable, targetsTable, childrenTable, profileChart, ratesChart } from './summary.js';
export type { ReportUnit } from './summary.js';
export { renderTables, safeRenderTables, renderText, renderCsv, renderMarkdown, tableToJson, checkTable } from './table.js';
export type { Table, Cell, Column, Figure, ReportFormat } from './table.js';
export { barChartSvg } from './svg.js';
export type { BarChart, BarGroup } from './svg.js';
export { categoryLabels } from './labels.js';
export type { Lang } from './labels.js';

/**
 * The CSV of the opinions export, the same whichever backend writes it: UTF-8 with a BOM for spreadsheets, a header,
 * LF line ends (spreadsheets read them as well as CRLF), and cells that start like a formula
 * (= + - @ …) prefixed with an apostrophe so that a spreadsheet shows them as text instead of running them.
 */
import { stringify } from 'csv-stringify/sync';

export const EXPORT_COLUMNS = ['id', 'received_at', 'procedure', 'page_step', 'tutorial', 'tutorial_step', 'satisfaction', 'clarity', 'difficulties', 'help', 'comment', 'locale', 'client_created_at'] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

/** The text columns, whose values may start like a formula. */
export const EXPORT_TEXT_COLUMNS = EXPORT_COLUMNS.filter((c) => c !== 'tutorial_step' && c !== 'clarity');

/** What csv-stringify's `escape_formulas` neutralises, for the database that writes the CSV itself (PostgreSQL). */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

export const CSV_HEADER = `\uFEFF${EXPORT_COLUMNS.join(',')}\n`;

/** One page of the export as CSV lines (no header), and the last row's key, to read the next page after it. */
export interface CsvPage {
  text: string;
  rows: number;
  last: { received_at: string; id: string } | null;
}

export function csvPage(rows: Record<string, unknown>[]): CsvPage {
  const last = rows[rows.length - 1];
  return {
    text: rows.length ? stringify(rows, { columns: [...EXPORT_COLUMNS], escape_formulas: true }) : '',
    rows: rows.length,
    last: last ? { received_at: String(last.received_at), id: String(last.id) } : null,
  };
}

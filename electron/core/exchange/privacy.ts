/**
 * What leaves the village for the county: residents' personal data stays
 * home. A bundle carries no phone, ID number or address (村民小组 only), a
 * resident's name masked to the surname (张*), in the content too, and a
 * sensitive demand's content (and its timeline's notes) replaced by its
 * category. The county needs rates and overdue cases, not residents' details
 * (docs/bundle-format.md).
 */
import { maskName } from '../../../shared/demands';

type Row = Record<string, unknown>;

/** The demand's content as the county sees it. */
const sensitiveContent = (r: Row) =>
  `（涉及${String(r['sensitive_kind'] ?? '个人隐私')}，内容留存在村）${String(r['category'])}`;

/** The content with the resident's whole name masked where it says who raised it (12345: “（刘富贵反映）”). */
function maskedContent(r: Row): string {
  const content = String(r['content'] ?? '');
  const name = String(r['resident_name'] ?? '').trim();
  return [...name].length >= 2 ? content.replaceAll(name, maskName(name)) : content;
}

/** The row as it may leave the village; `sensitive` holds the ids of sensitive demands. */
export function forCounty(table: string, row: Row, sensitive: ReadonlySet<string>): Row {
  switch (table) {
    case 'people':
      return { ...row, phone: '' };
    case 'demands':
      return {
        ...row,
        resident_name: maskName(String(row['resident_name'] ?? '')),
        resident_phone: '',
        resident_id_number: '',
        resident_address: '',
        content: row['sensitive'] ? sensitiveContent(row) : maskedContent(row),
      };
    case 'demand_steps':
      return sensitive.has(String(row['demand_id'])) ? { ...row, note: '' } : row;
    default:
      return row;
  }
}

import { describe, expect, it } from 'vitest';
import { pageRequest } from '../../src-main/contract/common';
import { toPageFilter, toPageRequest } from '../../src-renderer/components/grid/pageRequest';

describe('toPageRequest: AG Grid infinite model → x/page input', () => {
  it('turns the block range into offset and limit', () => {
    const r = toPageRequest({ startRow: 400, endRow: 600 });
    expect(r).toEqual({ offset: 400, limit: 200, sort: [], filters: {}, search: '' });
  });

  it('caps the limit at the contract maximum and never asks for zero rows', () => {
    expect(toPageRequest({ startRow: 0, endRow: 5000 }).limit).toBe(1000);
    expect(toPageRequest({ startRow: 10, endRow: 10 }).limit).toBe(1);
  });

  it('maps the sort model in order, dropping unsorted entries and keeping at most four', () => {
    const r = toPageRequest({
      startRow: 0,
      endRow: 100,
      sortModel: [
        { colId: 'date', sort: 'desc' },
        { colId: 'amount', sort: null },
        { colId: 'customerName', sort: 'asc' },
        { colId: 'a', sort: 'asc' },
        { colId: 'b', sort: 'asc' },
        { colId: 'c', sort: 'asc' },
      ],
    });
    expect(r.sort).toEqual([
      { field: 'date', dir: 'desc' },
      { field: 'customerName', dir: 'asc' },
      { field: 'a', dir: 'asc' },
      { field: 'b', dir: 'asc' },
    ]);
  });

  it('trims the search box', () => {
    expect(toPageRequest({ startRow: 0, endRow: 1, search: '  华东 ' }).search).toBe('华东');
  });

  it('produces input the contract schema accepts unchanged', () => {
    const r = toPageRequest({
      startRow: 200,
      endRow: 400,
      sortModel: [{ colId: 'amount', sort: 'desc' }],
      filterModel: {
        customerName: { filterType: 'text', type: 'contains', filter: '贸易' },
        amount: { filterType: 'number', type: 'inRange', filter: 100, filterTo: 5000 },
        date: { filterType: 'date', type: 'greaterThanOrEqual', dateFrom: '2025-03-01 00:00:00', dateTo: null },
      },
      search: 'x',
    });
    expect(pageRequest.strict().parse(r)).toEqual(r);
  });
});

describe('toPageFilter: one column filter', () => {
  it('text contains and equals', () => {
    expect(toPageFilter({ filterType: 'text', type: 'contains', filter: ' 华东 ' })).toEqual({
      type: 'contains',
      value: '华东',
    });
    expect(toPageFilter({ filterType: 'text', type: 'equals', filter: 'SO-1' })).toEqual({
      type: 'equals',
      value: 'SO-1',
    });
  });

  it('text options the API cannot express, and empty values, are dropped', () => {
    expect(toPageFilter({ filterType: 'text', type: 'startsWith', filter: 'a' })).toBeNull();
    expect(toPageFilter({ filterType: 'text', type: 'contains', filter: '   ' })).toBeNull();
    expect(toPageFilter({ filterType: 'text', type: 'contains', filter: null })).toBeNull();
    expect(toPageFilter(null)).toBeNull();
  });

  it('number ranges', () => {
    expect(toPageFilter({ filterType: 'number', type: 'equals', filter: 3 })).toEqual({ type: 'equals', value: 3 });
    expect(toPageFilter({ filterType: 'number', type: 'greaterThanOrEqual', filter: 10 })).toEqual({
      type: 'gte',
      value: 10,
    });
    expect(toPageFilter({ filterType: 'number', type: 'lessThanOrEqual', filter: 0 })).toEqual({
      type: 'lte',
      value: 0,
    });
    expect(toPageFilter({ filterType: 'number', type: 'inRange', filter: 1, filterTo: 9.5 })).toEqual({
      type: 'between',
      value: 1,
      valueTo: 9.5,
    });
  });

  it('a range with only its start is an open range', () => {
    expect(toPageFilter({ filterType: 'number', type: 'inRange', filter: 1, filterTo: null })).toEqual({
      type: 'gte',
      value: 1,
    });
    expect(toPageFilter({ filterType: 'date', type: 'inRange', dateFrom: '2025-01-01', dateTo: null })).toEqual({
      type: 'gte',
      value: '2025-01-01',
    });
  });

  it('strict comparisons are not offered and not mapped', () => {
    expect(toPageFilter({ filterType: 'number', type: 'greaterThan', filter: 10 })).toBeNull();
    expect(toPageFilter({ filterType: 'date', type: 'lessThan', dateFrom: '2025-01-01' })).toBeNull();
  });

  it('dates lose AG Grid time part', () => {
    expect(toPageFilter({ filterType: 'date', type: 'equals', dateFrom: '2025-03-05 00:00:00' })).toEqual({
      type: 'equals',
      value: '2025-03-05',
    });
    expect(
      toPageFilter({
        filterType: 'date',
        type: 'inRange',
        dateFrom: '2025-01-01 00:00:00',
        dateTo: '2025-03-31 00:00:00',
      }),
    ).toEqual({
      type: 'between',
      value: '2025-01-01',
      valueTo: '2025-03-31',
    });
  });

  it('a combined model keeps its first condition', () => {
    expect(
      toPageFilter({
        filterType: 'text',
        operator: 'AND',
        conditions: [
          { filterType: 'text', type: 'contains', filter: 'a' },
          { filterType: 'text', type: 'contains', filter: 'b' },
        ],
      }),
    ).toEqual({ type: 'contains', value: 'a' });
  });
});

import { describe, expect, it } from 'vitest';
import { cellValueToPatchValue, fieldOfError, staffFieldIssue } from '../../src-renderer/pages/team/staffValidation';

describe('staff fields checked with the contract rules', () => {
  it('accepts good values', () => {
    expect(staffFieldIssue('employeeNo', 'S-0001')).toBeNull();
    expect(staffFieldIssue('name', '张伟')).toBeNull();
    expect(staffFieldIssue('email', 'zhang.wei@example.com')).toBeNull();
    expect(staffFieldIssue('email', '')).toBeNull();
    expect(staffFieldIssue('phone', '+86 138-0000-0000')).toBeNull();
    expect(staffFieldIssue('hireDate', '2024-02-29')).toBeNull();
    expect(staffFieldIssue('hireDate', null)).toBeNull();
    expect(staffFieldIssue('teamId', null)).toBeNull();
  });

  it('names the reason with the key of the locales validation section', () => {
    expect(staffFieldIssue('employeeNo', 'S 01')).toBe('employee-no');
    expect(staffFieldIssue('name', '')).toBe('too_small');
    expect(staffFieldIssue('name', 'x'.repeat(51))).toBe('too_big');
    expect(staffFieldIssue('email', 'not-an-email')).toBe('email');
    expect(staffFieldIssue('phone', 'call me')).toBe('phone');
    expect(staffFieldIssue('hireDate', '2025-02-30')).toBe('date');
  });
});

describe('grid cell values become patch values', () => {
  it('select editors give text ids and "" for none', () => {
    expect(cellValueToPatchValue('teamId', '3')).toBe(3);
    expect(cellValueToPatchValue('managerId', '')).toBeNull();
    expect(cellValueToPatchValue('managerId', null)).toBeNull();
  });

  it('text is trimmed; a cleared optional field is null and a cleared required one stays empty', () => {
    expect(cellValueToPatchValue('name', '  李娜 ')).toBe('李娜');
    expect(cellValueToPatchValue('phone', null)).toBeNull();
    expect(cellValueToPatchValue('name', null)).toBe('');
  });
});

describe('server errors are shown beside their field', () => {
  it('by code or by the invalid field named in details', () => {
    expect(fieldOfError('staff/duplicate-employee-no', {})).toBe('employeeNo');
    expect(fieldOfError('staff/manager-cycle', {})).toBe('managerId');
    expect(fieldOfError('request/invalid-input', { field: 'patch.email' })).toBe('email');
    expect(fieldOfError('request/invalid-input', { field: 'reason' })).toBeNull();
    expect(fieldOfError('internal', {})).toBeNull();
  });
});

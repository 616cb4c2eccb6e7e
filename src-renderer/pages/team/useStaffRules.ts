import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { staffFieldIssue, type StaffField } from './staffValidation';

/** One sentence in the user's language for a field that fails the contract's rule, e.g. "E-mail is not valid". */
export function useStaffIssueMessage() {
  const { t } = useTranslation();
  return useCallback(
    (field: StaffField, issue: string) =>
      t('errors.request/invalid-input', {
        field: t(`fields.${field}`),
        reason: t(`validation.${issue}`, { defaultValue: t('validation.custom') }),
      }),
    [t],
  );
}

/** antd Form rules that apply the same schema as the server ('staff/create', 'staff/update'). */
export function useStaffRules() {
  const message = useStaffIssueMessage();
  return useCallback(
    (field: StaffField, toValue: (v: unknown) => unknown = (v) => v): Rule[] => [
      {
        validator: async (_rule, value) => {
          const issue = staffFieldIssue(
            field,
            toValue(value ?? (field === 'employeeNo' || field === 'name' ? '' : null)),
          );
          if (issue) throw new Error(message(field, issue));
        },
      },
    ],
    [message],
  );
}

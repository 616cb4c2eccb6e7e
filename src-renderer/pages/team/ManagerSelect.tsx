import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../src-main/contract/team';

interface Props {
  staff: StaffMember[];
  value?: number | null;
  onChange?: (value: number | undefined) => void;
}

/** Picks a manager among the active people, searchable by name or employee number (a Form.Item control). */
export function ManagerSelect({ staff, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('team.none')}
      value={value}
      onChange={onChange}
      options={staff
        .filter((p) => p.status === 'active')
        .map((p) => ({ value: p.id, label: `${p.name} (${p.employeeNo})` }))}
    />
  );
}

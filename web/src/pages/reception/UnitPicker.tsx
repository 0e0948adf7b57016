import { Select } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useScopeUnits } from '../../lib/units';

/** The unit of a reception screen, kept in the address (`don-vi`); the first unit in scope by default. */
export function useReceptionUnit(): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const units = useScopeUnits();
  const unitId = params.get('don-vi') ?? undefined;
  const first = units.data?.[0]?.id;
  useEffect(() => {
    if (!unitId && first) {
      const next = new URLSearchParams(params);
      next.set('don-vi', first);
      setParams(next, { replace: true });
    }
  }, [unitId, first, params, setParams]);
  const set = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('don-vi', id);
    setParams(next, { replace: true });
  };
  return [unitId ?? first, set];
}

export function UnitPicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const units = useScopeUnits();
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <span>Đơn vị</span>
      <Select
        aria-label="Đơn vị"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 260, maxWidth: '100%' }}
        loading={units.isPending}
        value={value}
        onChange={onChange}
        options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
    </label>
  );
}

import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { showDate } from '../lib/dates';
import { CONTENT_KIND } from '../lib/labels';
import { ScrollTable } from './ScrollTable';

type Duplicate = Schemas['DuplicateSuggestionView'];

/**
 * Letters of the same petitioner with similar content, side by side with the letter at hand: the panel
 * of an officer's own intake (the receipt dialog) and of the online intake queue's check.
 */
export function DuplicatePanel({ subject, duplicates }: { subject: string; duplicates: Duplicate[] }) {
  return (
    <ScrollTable
      label="Đơn có thể trùng"
      minWidth={520}
      rowKey="letterId"
      size="small"
      pagination={false}
      dataSource={duplicates}
      columns={[
        { title: 'Đơn mới', render: () => subject },
        {
          title: 'Đơn đã có',
          render: (_, d) => <Link to={`/don/${d.letterId}`}>{d.subject}</Link>,
        },
        { title: 'Loại', render: (_, d) => CONTENT_KIND[d.classification] },
        { title: 'Ngày nhận', render: (_, d) => showDate(d.receivedOn) },
        { title: 'Giống', render: (_, d) => `${Math.round(d.similarity * 100)}%` },
      ]}
    />
  );
}

import { CONTENT_KIND } from '../../lib/labels';

const TRACK: Record<string, string> = {
  first_time: 'lần đầu',
  second_time: 'lần hai',
  disciplinary_first: 'quyết định kỷ luật, lần đầu',
  disciplinary_second: 'quyết định kỷ luật, lần hai',
};

/** The kind as the queue shows it ("Khiếu nại lần đầu", "Thông tin tố cáo không ghi tên"). */
export function kindText(classification: string, track: string | null | undefined): string {
  if (classification === 'anonymous') return 'Thông tin tố cáo không ghi tên';
  const kind = CONTENT_KIND[classification] ?? classification;
  return track && TRACK[track] ? `${kind} ${TRACK[track]}` : kind;
}

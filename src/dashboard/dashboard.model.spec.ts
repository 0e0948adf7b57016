import { buildDashboard, monthRange, monthsEnding } from './dashboard.model.js';
import { monthText, rateText, renderDashboardPage } from './dashboard-page.html.js';

describe('monthsEnding', () => {
  it('gives the 12 months ending with today’s, across a year boundary', () => {
    expect(monthsEnding('2026-11-25')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(monthsEnding('2027-01-01', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('monthRange', () => {
  it('gives a month as a half-open range of days, December into January', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', until: '2026-03-01' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
  });
});

describe('buildDashboard', () => {
  const empty = { cases: [], overdue: [], settled: [], backlog: [] };

  it('fills every month and state with zero, and gives no rate for a month with nothing settled', () => {
    const d = buildDashboard('2026-11-25', empty);
    expect(d.asOf).toBeNull();
    expect(buildDashboard('2026-11-25', empty, '2026-11-25T02:59:00.000Z').asOf).toBe(
      '2026-11-25T02:59:00.000Z',
    );
    expect(d.casesByMonth).toHaveLength(12);
    expect(d.casesByMonth[0].complaint.byState.received).toBe(0);
    expect(d.onTimeTrend.every((m) => m.rate === null)).toBe(true);
    expect(d.overdue).toEqual({ total: 0, units: [] });
    expect(d.enforcementBacklog.total).toBe(0);
  });

  it('keeps the 10 units with most overdue, and counts all of them in the total', () => {
    const overdue = Array.from({ length: 12 }, (_, i) => ({
      unitId: `u${i}`,
      unitName: `Đơn vị ${String(i).padStart(2, '0')}`,
      n: i % 3 === 0 ? 5 : 1,
    }));
    const d = buildDashboard('2026-11-25', { ...empty, overdue });
    expect(d.overdue.total).toBe(4 * 5 + 8);
    expect(d.overdue.units).toHaveLength(10);
    expect(d.overdue.units.slice(0, 4).map((u) => u.unitId)).toEqual(['u0', 'u3', 'u6', 'u9']);
  });

  it('ignores rows outside the window and rounds the rate', () => {
    const d = buildDashboard('2026-11-25', {
      ...empty,
      cases: [{ kind: 'complaint', month: '2025-11', state: 'received', n: 4 }],
      settled: [
        { month: '2026-11', status: 'met', n: 1 },
        { month: '2026-11', status: 'missed', n: 2 },
      ],
    });
    expect(d.casesByState.complaint.total).toBe(0);
    expect(d.onTimeTrend[11]).toEqual({ month: '2026-11', met: 1, missed: 2, rate: 0.3333 });
  });
});

describe('the page', () => {
  it('escapes unit names and writes Vietnamese numbers', () => {
    const html = renderDashboardPage(
      buildDashboard('2026-11-25', {
        cases: [],
        settled: [],
        overdue: [{ unitId: 'u', unitName: '<b>Phòng "A"</b>', n: 2 }],
        backlog: [{ unitId: 'u', unitName: '<i>x</i>', status: 'blocked', n: 1 }],
      }),
    );
    expect(html).not.toContain('<b>Phòng');
    expect(html).not.toContain('<i>x</i>');
    expect(html).toContain('&#60;b&#62;Phòng &#34;A&#34;&#60;/b&#62;');
    expect(html).not.toContain('<script');
    expect(monthText('2026-01')).toBe('01/2026');
    expect(rateText(0.6667)).toBe('66,7 %');
    expect(rateText(null)).toBe('—');
  });
});

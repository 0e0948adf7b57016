import { lagFromStatus } from './replica-reads.js';

describe('lagFromStatus (SHOW REPLICA STATUS of MariaDB and MySQL 8)', () => {
  it.each([
    [
      'MariaDB, keeping up',
      { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'Yes', Seconds_Behind_Master: 0 },
      0,
    ],
    [
      'MariaDB, behind',
      { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'Yes', Seconds_Behind_Master: '42' },
      42,
    ],
    ['MySQL 8 names', { Replica_IO_Running: 'Yes', Replica_SQL_Running: 'Yes', Seconds_Behind_Source: 3 }, 3],
    [
      'the SQL thread stopped',
      { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'No', Seconds_Behind_Master: null },
      null,
    ],
    [
      'still connecting',
      { Slave_IO_Running: 'Connecting', Slave_SQL_Running: 'Yes', Seconds_Behind_Master: 0 },
      null,
    ],
    ['not a replica at all', undefined, null],
  ])('%s', (_name, row, expected) => {
    expect(lagFromStatus(row as Record<string, unknown> | undefined)).toBe(expected);
  });
});

import type { DataSource } from 'typeorm';

/**
 * Empties every table but the migrations ledger and the rows migrations seed (`mutexes`), so each test
 * starts from the freshly migrated schema.
 */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('migrations', 'mutexes')`,
  );
  await dataSource.transaction(async (manager) => {
    await manager.query('SET FOREIGN_KEY_CHECKS = 0');
    // The audit trail's two tables go together, locked: a sequencer running meanwhile (the worker a test
    // started) waits and then starts a new chain, instead of leaving chained rows without a head.
    await manager.query('LOCK TABLES audit_chain_head WRITE, audit_log WRITE');
    try {
      await manager.query('TRUNCATE TABLE audit_log');
      await manager.query('TRUNCATE TABLE audit_chain_head');
    } finally {
      await manager.query('UNLOCK TABLES');
    }
    for (const { name } of tables) {
      if (name !== 'audit_log' && name !== 'audit_chain_head')
        await manager.query(`TRUNCATE TABLE \`${name}\``);
    }
    await manager.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}

import { AUDIT_SEQUENCER_LOCK } from '../../src/audit/audit-sequencer.js';
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
    // The audit trail's two tables go together while no sequencer runs (the worker a test started): this
    // connection holds the sequencer's own sweep lock meanwhile, so a run waits or skips, and never sees
    // chained rows without their head. (Not LOCK TABLES: inside a transaction it takes InnoDB table locks
    // that a running sequencer's row locks and metadata locks can hold up for the 50 s lock wait.)
    const [{ got }] = await manager.query('SELECT GET_LOCK(CONCAT(DATABASE(), ?), 30) AS got', [
      `.${AUDIT_SEQUENCER_LOCK}`,
    ]);
    if (Number(got) !== 1) throw new Error('truncateAll: the audit sequencer kept its lock for 30 s');
    try {
      await manager.query('TRUNCATE TABLE audit_log');
      await manager.query('TRUNCATE TABLE audit_chain_head');
    } finally {
      await manager.query('SELECT RELEASE_LOCK(CONCAT(DATABASE(), ?))', [`.${AUDIT_SEQUENCER_LOCK}`]);
    }
    for (const { name } of tables) {
      if (name !== 'audit_log' && name !== 'audit_chain_head')
        await manager.query(`TRUNCATE TABLE \`${name}\``);
    }
    await manager.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}

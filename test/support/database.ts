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
    for (const { name } of tables) await manager.query(`TRUNCATE TABLE \`${name}\``);
    await manager.query('SET FOREIGN_KEY_CHECKS = 1');
  });
}

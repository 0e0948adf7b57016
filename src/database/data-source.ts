import '../bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../config/load-config.js';
import { CONFIG_SECTIONS } from '../config-sections.js';
import { databaseOptions } from './database-options.js';

/**
 * The DataSource of the TypeORM CLI (`npm run migration:*`), run from `dist/`. The application builds
 * the same options through TypeOrmModule (database.module.ts).
 */
export default new DataSource({
  ...databaseOptions(loadConfigFromEnvironment(CONFIG_SECTIONS)),
  entities: [join(__dirname, '..', '**', '*.entity.js')],
});

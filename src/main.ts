import './bootstrap/require-supported-node.js'; // first: refuses a Node older than engines, before any native module loads
import 'reflect-metadata';
import { ConfigError, loadConfigFromEnvironment } from './config/load-config.js';
import { CONFIG_SECTIONS } from './config-sections.js';
import { createApiApp } from './bootstrap/create-api-app.js';
import { forceExitAfter } from './bootstrap/shutdown.js';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment(CONFIG_SECTIONS);
  const app = await createApiApp(config);
  forceExitAfter(config.shutdownTimeoutMs);
  await app.listen({ host: config.http.host, port: config.http.port });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`tiepdan api: ${error.message}`);
  } else {
    console.error('tiepdan api: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});

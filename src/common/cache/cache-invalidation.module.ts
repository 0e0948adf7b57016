import { Global, Module } from '@nestjs/common';
import { CacheInvalidationBus } from './cache-invalidation.bus.js';

/** One cache invalidation bus a process (ADR 0012); global, as the caches that use it are in features. */
@Global()
@Module({ providers: [CacheInvalidationBus], exports: [CacheInvalidationBus] })
export class CacheInvalidationModule {}

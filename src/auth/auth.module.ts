import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/app-config.js';
import { AccessGuard } from './access.guard.js';
import { ActorResolver } from './actor.resolver.js';
import { AuthController } from './auth.controller.js';
import { BrowserSessionController } from './browser-session.controller.js';
import { AuthService } from './auth.service.js';
import { PasswordService } from './password.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { SignInThrottleEntity } from './sign-in-throttle.entity.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity, RefreshTokenEntity, SignInThrottleEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given a string, jsonwebtoken tries it as a PEM public key on every
        // verify (a thrown error per request) before taking it as an HMAC secret — the same bytes.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    AuditModule,
  ],
  controllers: [AuthController, BrowserSessionController],
  providers: [
    PasswordService,
    TokenService,
    ActorResolver,
    AuthService,
    SignInThrottleService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordService, AuthService, ActorResolver, SignInThrottleService, TokenService],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { ClockModule } from '../common/clock.js';
import { DenunciationsModule } from '../denunciations/denunciations.module.js';
import { IdentityVaultModule } from '../identity/identity-vault.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { UnitsModule } from '../units/units.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoLetters } from './demo-letters.service.js';
import { DemoSeeder } from './demo-seeder.service.js';

@Module({
  imports: [
    UnitsModule,
    UsersModule,
    ClockModule,
    IdentityVaultModule,
    LettersModule,
    ComplaintsModule,
    DenunciationsModule,
  ],
  providers: [DemoSeeder, DemoLetters],
  exports: [DemoSeeder, DemoLetters],
})
export class DemoModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mailer } from '../../notifications/mailer.service.js';
import { LetterEntity } from '../entities/letter.entity.js';
import { RECEPTION_ENTITIES } from '../../reception/reception-entities.js';
import { UnitEntity } from '../../units/unit.entity.js';
import { UserRoleEntity } from '../../users/user-role.entity.js';
import { UserEntity } from '../../users/user.entity.js';
import { LetterSubscriptionMessageEntity } from './entities/letter-subscription-message.entity.js';
import { LetterSubscriptionEntity } from './entities/letter-subscription.entity.js';
import { LetterEmailsService } from './letter-emails.service.js';

/**
 * The citizen's e-mails about a letter filed online: the service, in the API (subscribing, verifying a
 * mail, unsubscribing) and in the worker (the sweep and the sends; processor and scheduler in
 * worker.module.ts).
 */
@Module({
  imports: [
    // A letter's relations reach the reception book, units and accounts: the worker, which has no
    // LettersModule, must know them all to read a letter.
    TypeOrmModule.forFeature([
      LetterEntity,
      LetterSubscriptionEntity,
      LetterSubscriptionMessageEntity,
      ...RECEPTION_ENTITIES,
      UnitEntity,
      UserEntity,
      UserRoleEntity,
    ]),
  ],
  providers: [Mailer, LetterEmailsService],
  exports: [LetterEmailsService],
})
export class LetterEmailsModule {}

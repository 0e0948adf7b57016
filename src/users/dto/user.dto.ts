import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/domain/password-policy.js';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../../auth/domain/roles.js';
import { IsId } from '../../common/http/id.js';
import { trim } from '../../common/http/text.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { toQueryBoolean } from '../../common/http/query-boolean.js';

const roleMessage = `each role must be one of: ${ROLES.join(', ')}`;

export class CreateUserDto {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  fullName: string;

  @ApiPropertyOptional({ example: 'Chánh Thanh tra' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  title?: string;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: roleMessage })
  roles: Role[];

  @ApiProperty({ description: 'Initial password, at least 12 characters' })
  @IsString()
  @Length(1, 256)
  password: string;
}

export class UpdateUserDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true, message: roleMessage })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sign-ins' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'At least 12 characters' })
  @IsString()
  @Length(1, 256)
  newPassword: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Accounts of this unit and its sub-units' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: roleMessage.replace('each role', 'role') })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Matches name or e-mail' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) lockedUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items: UserView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

/** `POST /users/password-check`: the password policy applied to a password being typed (nothing stored). */
export class PasswordCheckDto {
  @ApiProperty({ description: 'The password being typed' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ description: "The account's e-mail address (the password must not be made of it)" })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: "The account's full name (the password must not be made of it)" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fullName?: string;
}

export class PasswordCheckView {
  @ApiProperty({ example: PASSWORD_MIN_LENGTH }) minLength: number;
  @ApiProperty({ example: PASSWORD_MAX_LENGTH }) maxLength: number;
  @ApiProperty({
    type: [String],
    description: 'What is wrong, as the field messages a save would answer (empty: acceptable)',
  })
  problems: string[];
}

export class RoleView {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: PERMISSIONS, isArray: true, description: 'What the role may do' })
  permissions: Permission[];
}

export class SessionsEndedView {
  @ApiProperty({ description: 'Sign-ins of the account that were open and are now ended' })
  ended: number;
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { UserType } from '../user.type.js';
import type { Passkey } from './passkey.entity.js';

export enum SecondFactorMethodEnum {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
  RECOVERY_CODE = 'RECOVERY_CODE',
}
registerEnumType(SecondFactorMethodEnum, {
  name: 'SecondFactorMethod',
  description: 'A way to prove a second factor: authenticator app, passkey, or a recovery code.',
});

@ObjectType('Passkey')
export class PasskeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => GraphQLDateTimeISO) createdAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Boolean, { description: 'Synced across devices (e.g. a platform keychain).' }) backedUp!: boolean;

  static from(p: Passkey): PasskeyType {
    return Object.assign(new PasskeyType(), { id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt, backedUp: p.backedUp });
  }
}

@ObjectType('TwoFactorStatus', { description: 'The signed-in user’s second factors.' })
export class TwoFactorStatus {
  @Field(() => Boolean) totpEnabled!: boolean;
  @Field(() => [PasskeyType]) passkeys!: PasskeyType[];
  @Field(() => Int) recoveryCodesRemaining!: number;
  @Field(() => Boolean, { description: 'The organisation requires two-factor and this session has not set it up yet.' })
  enrolmentRequired!: boolean;
  @Field(() => Boolean, { description: 'The organisation requires two-factor for every member.' })
  organisationRequiresTwoFactor!: boolean;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When this session last proved a second factor.' })
  verifiedAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Until when sensitive actions need no new step-up.' })
  stepUpValidUntil!: Date | null;
}

@ObjectType({ description: 'An authenticator app being set up: scan the QR code (or type the key), then confirm a code.' })
export class TotpEnrolment {
  @Field(() => String, { description: 'The key in base32, for typing in by hand.' }) secret!: string;
  @Field(() => String, { description: 'The otpauth:// URI the QR code carries.' }) otpauthUri!: string;
  @Field(() => String, { description: 'The QR code as an SVG data URL.' }) qrCode!: string;
}

@ObjectType({ description: 'Recovery codes, shown this once (each works one time). Null when none were made.' })
export class TwoFactorEnrolled {
  @Field(() => TwoFactorStatus) status!: TwoFactorStatus;
  @Field(() => [String], { nullable: true }) recoveryCodes!: string[] | null;
}

@ObjectType({ description: 'What a sign-in waits for after the password.' })
export class SecondFactorChallenge {
  @Field(() => [SecondFactorMethodEnum]) methods!: SecondFactorMethodEnum[];
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
}

@ObjectType({ description: 'Signed in (user), or a second factor is due first (secondFactor).' })
export class SignInPayload {
  @Field(() => UserType, { nullable: true }) user!: UserType | null;
  @Field(() => SecondFactorChallenge, { nullable: true }) secondFactor!: SecondFactorChallenge | null;
}

@ObjectType({ description: 'WebAuthn options for the browser (pass to @simplewebauthn/browser).' })
export class PasskeyOptions {
  @Field(() => GraphQLJSONObject) options!: Record<string, unknown>;
}

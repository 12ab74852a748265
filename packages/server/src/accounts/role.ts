import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  APPROVER = 'APPROVER',
  VIEWER = 'VIEWER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN does everything; APPROVER reviews and accepts changes; VIEWER reads.',
});

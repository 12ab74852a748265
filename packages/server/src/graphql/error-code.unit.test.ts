import type { GraphQLEnumType, GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorCode } from '../common/app-error.js';
import { buildVouchSchema } from '../schema/build-schema.js';

describe('ErrorCode in the schema (the web is generated from it)', () => {
  it('lists every extensions.code the API sends, SERVICE_UNAVAILABLE included', async () => {
    const schema = await buildVouchSchema();
    const type = schema.getType('ErrorCode');
    // By name: graphql is loaded both as ESM and CJS here, so instanceof would compare two classes.
    expect(type?.constructor.name).toBe('GraphQLEnumType');
    const values = (type as GraphQLEnumType).getValues().map((v) => v.value as string);
    expect([...values].sort()).toEqual(Object.values(ErrorCode).sort());
    for (const code of Object.values(ERROR_CODES)) expect(values).toContain(code);
    expect(values).toContain('SERVICE_UNAVAILABLE');
    const extensions = schema.getType('ErrorExtensions') as GraphQLObjectType;
    expect(String(extensions.getFields().code!.type)).toBe('ErrorCode!');
  });
});

import type { StoredContact } from './contact-store.js';

/** A `where` clause Xero would reject: becomes 400 QueryParseException. */
export class WhereParseError extends Error {}

type Value = string | number | boolean | null;
type Predicate = (contact: StoredContact) => boolean;

const FIELDS: Record<string, (c: StoredContact) => Value> = {
  contactid: (c) => c.data.ContactID,
  contactstatus: (c) => c.data.ContactStatus,
  name: (c) => c.data.Name,
  firstname: (c) => c.data.FirstName ?? null,
  lastname: (c) => c.data.LastName ?? null,
  emailaddress: (c) => c.data.EmailAddress ?? null,
  contactnumber: (c) => c.data.ContactNumber ?? null,
  accountnumber: (c) => c.data.AccountNumber ?? null,
  companynumber: (c) => c.data.CompanyNumber ?? null,
  taxnumber: (c) => c.data.TaxNumber ?? null,
  issupplier: (c) => c.data.IsSupplier,
  iscustomer: (c) => c.data.IsCustomer,
  updateddateutc: (c) => c.updatedMs,
  defaultcurrency: (c) => c.data.DefaultCurrency ?? null,
};

interface Token {
  kind: 'ident' | 'string' | 'number' | 'op' | 'punct';
  text: string;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"') {
      let text = '';
      i += 1;
      while (i < source.length && source.charAt(i) !== '"') {
        if (source.charAt(i) === '\\' && i + 1 < source.length) i += 1;
        text += source.charAt(i);
        i += 1;
      }
      if (i >= source.length) throw new WhereParseError('Unterminated string literal');
      i += 1;
      tokens.push({ kind: 'string', text });
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      const text = match?.[0] ?? ch;
      tokens.push({ kind: 'ident', text });
      i += text.length;
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
      if (!match) throw new WhereParseError(`Unexpected character '${ch}'`);
      tokens.push({ kind: 'number', text: match[0] });
      i += match[0].length;
    } else {
      const two = source.slice(i, i + 2);
      if (['==', '!=', '>=', '<=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if (['>', '<', '!'].includes(ch)) {
        tokens.push({ kind: 'op', text: ch });
        i += 1;
      } else if (['(', ')', '.', ','].includes(ch)) {
        tokens.push({ kind: 'punct', text: ch });
        i += 1;
      } else {
        throw new WhereParseError(`Unexpected character '${ch}'`);
      }
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Predicate {
    const predicate = this.or();
    if (this.pos < this.tokens.length) throw new WhereParseError(`Unexpected '${this.tokens[this.pos]?.text ?? ''}'`);
    return predicate;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(): Token {
    const token = this.tokens[this.pos];
    if (!token) throw new WhereParseError('Unexpected end of expression');
    this.pos += 1;
    return token;
  }

  private expect(text: string): void {
    const token = this.take();
    if (token.text !== text) throw new WhereParseError(`Expected '${text}' but found '${token.text}'`);
  }

  private isKeyword(token: Token | undefined, ...words: string[]): boolean {
    return token !== undefined && words.some((w) => token.text.toUpperCase() === w.toUpperCase());
  }

  private or(): Predicate {
    let left = this.and();
    while (this.isKeyword(this.peek(), 'OR', '||')) {
      this.take();
      const right = this.and();
      const l = left;
      left = (c) => l(c) || right(c);
    }
    return left;
  }

  private and(): Predicate {
    let left = this.unary();
    while (this.isKeyword(this.peek(), 'AND', '&&')) {
      this.take();
      const right = this.unary();
      const l = left;
      left = (c) => l(c) && right(c);
    }
    return left;
  }

  private unary(): Predicate {
    if (this.isKeyword(this.peek(), 'NOT', '!')) {
      this.take();
      const inner = this.unary();
      return (c) => !inner(c);
    }
    return this.primary();
  }

  private primary(): Predicate {
    const token = this.peek();
    if (token?.text === '(') {
      this.take();
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    const fieldToken = this.take();
    if (fieldToken.kind !== 'ident') throw new WhereParseError(`Expected a field name but found '${fieldToken.text}'`);
    const getter = FIELDS[fieldToken.text.toLowerCase()];
    if (!getter) throw new WhereParseError(`No property or field '${fieldToken.text}' exists in type 'Contact'`);
    if (this.peek()?.text === '.') {
      this.take();
      const method = this.take().text.toLowerCase();
      this.expect('(');
      const argToken = this.take();
      if (argToken.kind !== 'string') throw new WhereParseError('String methods take a string literal');
      this.expect(')');
      const arg = argToken.text;
      const test: (value: string) => boolean =
        method === 'contains'
          ? (v) => v.includes(arg)
          : method === 'startswith'
            ? (v) => v.startsWith(arg)
            : method === 'endswith'
              ? (v) => v.endsWith(arg)
              : (() => {
                  throw new WhereParseError(`Unsupported method '${method}'`);
                })();
      return (c) => {
        const value = getter(c);
        return typeof value === 'string' && test(value);
      };
    }
    const opToken = this.take();
    if (opToken.kind !== 'op' || opToken.text === '!' || opToken.text === '&&' || opToken.text === '||') {
      throw new WhereParseError(`Expected a comparison operator but found '${opToken.text}'`);
    }
    const literal = this.literal();
    const op = opToken.text;
    return (c) => compare(getter(c), op, literal);
  }

  private literal(): Value {
    const token = this.take();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'ident') {
      const word = token.text.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
      if (word === 'guid') {
        this.expect('(');
        const arg = this.take();
        this.expect(')');
        return arg.text.toLowerCase();
      }
      if (word === 'datetime') {
        this.expect('(');
        const parts: number[] = [];
        while (this.peek()?.text !== ')') {
          const part = this.take();
          if (part.kind === 'number') parts.push(Number(part.text));
          else if (part.text !== ',') throw new WhereParseError('DateTime takes numbers');
        }
        this.expect(')');
        const [y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
        return Date.UTC(y, mo - 1, d, h, mi, s);
      }
    }
    throw new WhereParseError(`Unexpected '${token.text}'`);
  }
}

function compare(actual: Value, op: string, expected: Value): boolean {
  const a = typeof actual === 'string' && typeof expected === 'string' && /^[0-9a-f-]{36}$/i.test(expected) ? actual.toLowerCase() : actual;
  switch (op) {
    case '==':
      return a === expected;
    case '!=':
      return a !== expected;
    default: {
      if (a === null || expected === null) return false;
      if (op === '>') return a > expected;
      if (op === '<') return a < expected;
      if (op === '>=') return a >= expected;
      return a <= expected;
    }
  }
}

/** Compiles a Xero `where` expression (ContactStatus=="ACTIVE" AND IsSupplier==true, Name.Contains("x"), …). */
export function compileWhere(source: string): Predicate {
  return new Parser(tokenize(source)).parse();
}

/** Compiles an `order` parameter such as `Name ASC, UpdatedDateUTC DESC`. */
export function compileOrder(source: string): (a: StoredContact, b: StoredContact) => number {
  const keys = source.split(',').map((part) => {
    const [field = '', direction = 'ASC'] = part.trim().split(/\s+/);
    const getter = FIELDS[field.toLowerCase()];
    if (!getter) throw new WhereParseError(`No property or field '${field}' exists in type 'Contact'`);
    const dir = direction.toUpperCase() === 'DESC' ? -1 : 1;
    return { getter, dir };
  });
  return (a, b) => {
    for (const { getter, dir } of keys) {
      const av = getter(a);
      const bv = getter(b);
      const x = typeof av === 'string' ? av.toLowerCase() : av;
      const y = typeof bv === 'string' ? bv.toLowerCase() : bv;
      if (x === y) continue;
      if (x === null) return -dir;
      if (y === null) return dir;
      return x < y ? -dir : dir;
    }
    return a.data.ContactID < b.data.ContactID ? -1 : 1;
  };
}

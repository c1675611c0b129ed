import { toJdbc, redactUrl } from './postgres';

describe('JDBC settings from DATABASE_URL', () => {
  it('Given the default trust-auth URL, When converted, Then the registry gets its own schema and the postgres user', () => {
    expect(toJdbc('postgres://postgres@127.0.0.1:5432/test', 'apicurio')).toEqual({
      url: 'jdbc:postgresql://127.0.0.1:5432/test?currentSchema=apicurio', username: 'postgres', password: '',
    });
  });

  it('Given a URL with encoded credentials, no port and sslmode, When converted, Then they are decoded and sslmode kept', () => {
    expect(toJdbc('postgresql://hub%40cl:p%3Ass@db.example/hub_db?sslmode=require', 'reg')).toEqual({
      url: 'jdbc:postgresql://db.example:5432/hub_db?currentSchema=reg&sslmode=require', username: 'hub@cl', password: 'p:ss',
    });
  });

  it('Given a URL of another database kind, When converted, Then it is refused without echoing the password', () => {
    expect(() => toJdbc('mysql://root:secret@h/db', 'x')).toThrow(/^not a postgres URL: mysql:\/\/root:\*\*\*@h\/db$/);
  });
});

describe('redactUrl', () => {
  it('Given URLs with and without a password, When redacted, Then only the password is hidden', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(redactUrl('not a url')).toBe('(invalid DATABASE_URL)');
  });
});

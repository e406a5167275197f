import { validateSignatureInput } from '../../functions/core/signature-input';

const valid = { fullName: 'Ana Silva', country: 'BR', email: 'ana@example.org', missionId: 'gb-embassy-br-brasilia', consent: true };

function fieldOf(body: unknown) {
  const r = validateSignatureInput(body);
  return r.ok ? undefined : r.field;
}

describe('the signature form', () => {
  it('accepts names in any script, with accents, apostrophes and hyphens', () => {
    for (const fullName of ["Seán O'Brien-Ní Dhuibhir", '王小明', 'محمد الأحمد', 'Zoë Ça', 'Nguyễn Thị Minh Khai', 'דוד כהן', 'اکبر\u200Cزاده']) {
      const r = validateSignatureInput({ ...valid, fullName });
      expect(r.ok).toBe(true);
    }
  });

  it('tidies spaces and normalises the name', () => {
    const r = validateSignatureInput({ ...valid, fullName: '  Ana   Silva ', email: ' ana@example.org ' });
    expect(r.ok && r.value.fullName).toBe('Ana Silva');
    expect(r.ok && r.value.email).toBe('ana@example.org');
  });

  it('refuses control characters, line breaks and bidi overrides in a name', () => {
    for (const fullName of ['Ana\r\nBcc: x@evil.test', 'Ana\u0000', 'Ana\u202Eevil', 'Ana\tSilva']) {
      expect(fieldOf({ ...valid, fullName })).toBe('fullName');
    }
  });

  it('refuses an oversize name or email', () => {
    expect(fieldOf({ ...valid, fullName: 'a'.repeat(121) })).toBe('fullName');
    expect(fieldOf({ ...valid, email: `${'a'.repeat(250)}@example.org` })).toBe('email');
  });

  it('names the first field at fault, in form order', () => {
    expect(fieldOf({ ...valid, fullName: '', email: 'nope' })).toBe('fullName');
    expect(fieldOf({ ...valid, email: 'not an email' })).toBe('email');
    expect(fieldOf({ ...valid, country: 'XX' })).toBe('country');
    expect(fieldOf({ ...valid, country: 'br' })).toBe('country');
    expect(fieldOf({ ...valid, missionId: '../etc' })).toBe('missionId');
    expect(fieldOf({ ...valid, consent: 'yes' })).toBe('consent');
    expect(fieldOf({ ...valid, consent: false })).toBe('consent');
    expect(fieldOf({ ...valid, shareEmail: 'true' })).toBe('shareEmail');
    expect(fieldOf({ ...valid, display: 'everyone' })).toBe('display');
  });

  it('refuses a name with no letters', () => {
    expect(fieldOf({ ...valid, fullName: '12345 !!' })).toBe('fullName');
  });

  it('refuses a body that is not an object', () => {
    expect(fieldOf([valid])).toBe('body');
    expect(fieldOf(null)).toBe('body');
    expect(fieldOf('text')).toBe('body');
  });

  it('defaults the reply permission to no', () => {
    const r = validateSignatureInput(valid);
    expect(r.ok && r.value.shareEmail).toBe(false);
  });
});

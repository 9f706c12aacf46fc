import assert from 'node:assert/strict';
import {
  evaluateExpression,
  functionCatalog,
  parseExpression,
  resultStrings,
  testInputFrom,
  type ExpressionValue,
} from '../../../src/expressions';

const input = testInputFrom({
  properties: [
    { key: 'userPrincipalName', value: 'John.Doe@contoso.com' },
    { key: 'givenName', value: 'Zoë' },
    { key: 'surname', value: 'Doe' },
    { key: 'mail', value: null },
    { key: 'empty', value: '' },
    { key: 'IsSoftDeleted', value: 'False' },
    { key: 'extensionAttribute1', value: '20150123105347.1Z' },
    { key: 'proxyAddresses', value: ['SMTP:a@contoso.com', 'smtp:b@contoso.com', 'SMTP:a@contoso.com'] },
    { key: 'appRoleAssignments', value: ['Admin'] },
    { key: 'twoRoles', value: ['Admin', 'User'] },
    { key: 'telephoneNumber', value: '+91 9998887777' },
    { key: 'mobile', value: '+1 (999) 888-7777' },
  ],
});

function run(text: string): ExpressionValue {
  const parsed = parseExpression(text);
  assert.deepEqual(parsed.errors, [], text);
  const result = evaluateExpression(parsed.ast!, input);
  if (!result.ok) assert.fail(`${text}: ${result.error.message}`);
  return result.value;
}

function failure(text: string) {
  const result = evaluateExpression(parseExpression(text).ast!, input);
  assert.ok(!result.ok, `${text} should fail`);
  return result.error;
}

// Examples from Microsoft's "Reference for writing expressions for attribute mappings in Microsoft Entra ID" where it
// gives one; the others check the rules the page states.
const cases: [string, ExpressionValue][] = [
  ['Append([userPrincipalName], ".test")', 'John.Doe@contoso.com.test'],
  ['Coalesce([mail], [userPrincipalName])', 'John.Doe@contoso.com'],
  ['Coalesce([mail], [missing])', null],
  ['Coalesce([empty], "x")', ''],
  ['Join(", ", "", [surname], [givenName])', 'Doe, Zoë'],
  ['Join(";", [proxyAddresses])', 'SMTP:a@contoso.com;smtp:b@contoso.com;SMTP:a@contoso.com'],
  ['IIF([surname]="Doe", "yes", "no")', 'yes'],
  ['IIF([surname]<>"Doe", "yes", "no")', 'no'],
  ['IIF(10 > 9, "yes", "no")', 'yes'],
  ['IIF([mail]="", "Other", "set")', 'set'],
  ['Switch([IsSoftDeleted], , "False", "True", "True", "False")', 'True'],
  ['Switch("QLD", "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane")', 'Australia/Brisbane'],
  ['Switch("WA", "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane")', 'Australia/Sydney'],
  ['Replace([mail], "@contoso.com", , , "", , )', null],
  ['Replace([userPrincipalName], "@contoso.com", , , "", , )', 'John.Doe'],
  ['Replace("jsmith", "<username>", , , , , "<username>@contoso.com")', 'jsmith@contoso.com'],
  [
    'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , )',
    '9998887777',
  ],
  ['Replace([mobile], , "[()\\\\s-]+", , "", , )', '+19998887777'],
  ['Replace("545 Tremont Street", , "(?<streetNumber>^\\\\d*)", "streetNumber", "888", , )', '888 Tremont Street'],
  [
    'Replace("", , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber", , "+91 8887779999", )',
    '8887779999',
  ],
  ['Trim("  x y  ")', 'x y'],
  ['ToLower("John.SMITH")', 'john.smith'],
  ['ToUpper("john", "en-US")', 'JOHN'],
  ['Mid("John", 1, 3)', 'Joh'],
  ['Mid("John", 3, 10)', 'hn'],
  ['Left("John Doe", 3)', 'Joh'],
  ['Left("John", 0)', ''],
  ['Left("John", -1)', 'John'],
  ['Left([mail], 2)', ''],
  ['Not("True")', false],
  ['Not([IsSoftDeleted])', true],
  ['IsNull([mail])', true],
  ['IsNull([empty])', false],
  ['IsPresent([empty])', false],
  ['IsPresent([surname])', true],
  ['IsNullOrEmpty([empty])', true],
  ['IsNullOrEmpty([surname])', false],
  ['SingleAppRoleAssignment([appRoleAssignments])', 'Admin'],
  ['FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', '2015-01-23'],
  ['FormatDateTime("2020-12-31-08:00", , "yyyy-MM-ddzzz", "yyyy-MM-dd HH:mm")', '2020-12-31 08:00'],
  ['FormatDateTime("20150123", "yyyyMMdd", "dd/MM/yyyy")', '23/01/2015'],
  ['DateFromNum(129699324000000000)', '1/1/2012 11:00:00 PM'],
  ['NormalizeDiacritics([givenName])', 'Zoe'],
  ['NormalizeDiacritics("Æsa Łukasz Strauß Ørsted")', 'AEsa Lukasz Strauss OErsted'],
  ['StripSpaces("John Smith Jr")', 'JohnSmithJr'],
  [
    'SelectUniqueValue(Join("@", "John.Smith", "contoso.com"), Join("@", "J.Smith", "contoso.com"))',
    'John.Smith@contoso.com',
  ],
  ['Item([proxyAddresses], 2)', 'smtp:b@contoso.com'],
  ['Item([proxyAddresses], 9)', null],
  ['Split("PermissionSetOne,PermissionSetTwo", ",")', ['PermissionSetOne', 'PermissionSetTwo']],
  ['CBool(1)', true],
  ['CBool("0")', false],
  ['CBool([surname] = "Doe")', true],
  ['CStr(42)', '42'],
  ['CStr(true)', 'True'],
  ['Word("The quick brown fox", 3, " ")', 'brown'],
  ['Word("This,string!has&many separators", 3, ",!&#")', 'has'],
  ['Word("one two", 0, " ")', ''],
  ['Word("one two", 5, " ")', ''],
  ['InStr("The quick brown fox", "quick")', 5],
  ['InStr("repEated", "e", 3, vbBinaryCompare)', 7],
  ['BitAnd(&HF, &HF7)', 7],
  ['ConvertToBase64("Hello world!")', 'SABlAGwAbABvACAAdwBvAHIAbABkACEA'],
  ['ConvertToUTF8Hex("Hello world!")', '48656C6C6F20776F726C6421'],
  ['Count([proxyAddresses])', 3],
  ['RemoveDuplicates([proxyAddresses])', ['SMTP:a@contoso.com', 'smtp:b@contoso.com']],
  ['PCase("PINTO-DE\'SILVA", " \'-")', "Pinto-De'Silva"],
  ['IsString([surname])', true],
  ['IgnoreFlowIfNullOrEmpty([surname])', 'Doe'],
  ['Redact([surname])', 'Doe'],
  ['CDate("2009-06-15T01:45:30-07:00")', '6/15/2009 8:45:30 AM'],
];

describe('expressions: evaluator', () => {
  for (const [text, expected] of cases) {
    it(`${text} → ${JSON.stringify(expected)}`, () => assert.deepEqual(run(text), expected));
  }

  it('evaluates Guid() to a new GUID each time', () => {
    const [a, b] = [run('Guid()'), run('Guid()')];
    assert.match(String(a), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.notEqual(a, b);
  });

  it('says when IgnoreFlowIfNullOrEmpty drops the attribute', () => {
    const result = evaluateExpression(parseExpression('IgnoreFlowIfNullOrEmpty([empty])').ast!, input);
    assert.deepEqual(result, { ok: true, value: '', flows: false });
  });

  it('fails with the offsets of the node at fault', () => {
    assert.deepEqual(failure('Append("a", Nope("b"))'), {
      code: 'unknown-function',
      message: 'There is no function named Nope.',
      start: 12,
      end: 21,
    });
    assert.equal(failure('Mid("abc", 1)').code, 'arity');
    assert.match(failure('Switch("a", "b", "c")').message, /even number/);
    const mid = failure('Mid("abc", "x", 1)');
    assert.deepEqual([mid.start, mid.end], [11, 14]);
    assert.match(failure('SingleAppRoleAssignment([twoRoles])').message, /several app role assignments/);
    assert.match(failure('ToLower([proxyAddresses])').message, /multi-valued/);
    assert.match(failure('Replace("a", , "(", , "", , )').message, /not valid/);
    assert.equal(failure('DateAdd("d", 7, Now())').code, 'not-evaluated');
  });

  it('turns results into parseExpressionResponse.evaluationResult strings', () => {
    assert.deepEqual(resultStrings(true), ['True']);
    assert.deepEqual(resultStrings(null), []);
    assert.deepEqual(resultStrings(['a', 'b']), ['a', 'b']);
  });

  it('has an implementation or a clear refusal for every function in the catalog', () => {
    for (const { name, parameters } of functionCatalog) {
      const args = parameters.filter((p) => p.required).map((p) => (p.type === 'Integer' ? '1' : '"1"'));
      const result = evaluateExpression(parseExpression(`${name}(${args.join(', ')})`).ast!, input);
      if (!result.ok) assert.notEqual(result.error.code, 'unknown-function', name);
    }
  });
});

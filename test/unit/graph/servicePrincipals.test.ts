import assert from 'node:assert/strict';
import { odataString, servicePrincipalFilter } from '../../../src/graph/servicePrincipals';

describe('service principal filters', () => {
  it('doubles single quotes in OData string literals', () => {
    assert.equal(odataString("O'Reilly's app"), "'O''Reilly''s app'");
  });

  it('combines a name prefix with the application-template filter', () => {
    assert.equal(
      servicePrincipalFilter({ search: 'Box', onlyFromApplicationTemplates: true }),
      "startswith(displayName,'Box') and applicationTemplateId ne null",
    );
    assert.equal(
      servicePrincipalFilter({ search: '', onlyFromApplicationTemplates: true }),
      'applicationTemplateId ne null',
    );
    assert.equal(servicePrincipalFilter({ onlyFromApplicationTemplates: false }), undefined);
  });
});

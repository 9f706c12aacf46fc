// Whether admin credentials open the sample tenant's app: the one rule behind validateCredentials, the job cycles
// and provisionOnDemand. The right values are sampleTenant.scimCredentials; everything else is wrong.
import { workingScimCredentials } from './sampleTenant';

export interface CredentialProblem {
  /** The credential that failed (BaseAddress or SecretToken). */
  key: string;
  message: string;
}

// Messages are guesses in the provisioning service's style; the key they name is what matters to clients.
export function credentialProblem(
  values: ReadonlyMap<string, string> | Record<string, string | undefined>,
  /** The sample SCIM server's address, when it runs: accepted as well as the placeholder. */
  scimServerBaseAddress?: string,
): CredentialProblem | undefined {
  const get = (key: string) =>
    values instanceof Map ? values.get(key) : (values as Record<string, string | undefined>)[key];
  const { BaseAddress, SecretToken } = workingScimCredentials();
  const address = get('BaseAddress');
  if (!address) return { key: 'BaseAddress', message: 'The credential BaseAddress (Tenant URL) is required.' };
  const accepted = [BaseAddress, workingScimCredentials(scimServerBaseAddress).BaseAddress];
  if (!accepted.includes(address.replace(/\/+$/, ''))) {
    return {
      key: 'BaseAddress',
      message: `The credential BaseAddress is not valid: no SCIM endpoint answered at '${address}'. Check the Tenant URL.`,
    };
  }
  const token = get('SecretToken');
  if (!token) return { key: 'SecretToken', message: 'The credential SecretToken (Secret Token) is required.' };
  if (token !== SecretToken)
    return {
      key: 'SecretToken',
      message:
        'The credential SecretToken is not valid: the SCIM endpoint answered 401 Unauthorized. Check the Secret Token.',
    };
  return undefined;
}

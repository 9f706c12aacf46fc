// Set Credentials… and Test Connection for a service principal or one of its jobs (Graph: synchronization secrets,
// validateCredentials). The fields come from the job's template (credentialFields).
import {
  credentialFields,
  setSecrets,
  settingsEntries,
  validateCredentials,
  type CredentialsTarget,
  type ProvisioningSettings,
  type SecretEntry,
} from '../../graph/credentials';
import { listTemplates } from '../../graph/synchronization';
import type { ServicePrincipal, SynchronizationTemplate } from '../../graph/types';
import type { EntityStore } from '../../model/entityStore';
import type { ConnectionManager } from '../connection';
import { describedAs } from '../failures';
import { safe } from '../plainText';
import { sortTemplates } from '../templates';
import type { Ui } from '../ui';

type ServicePrincipalRef = Pick<ServicePrincipal, 'id' | 'displayName'>;

/** Where credentials are set or tested: a service principal, and the job when there is one. */
export interface CredentialsScope {
  servicePrincipal: ServicePrincipalRef;
  job?: { id: string; templateId?: string };
}

/** What Test Connection found, in words for the notification and the job view. */
export interface ConnectionResult {
  valid: boolean;
  text: string;
  hint?: string;
}

/**
 * Set Credentials… and Test Connection. Secret values live only in this call's variables between the input box and
 * the PUT: never logged (the Graph layer records the body redacted), never in settings, state or a view.
 */
export class CredentialOperations {
  constructor(
    private readonly connection: ConnectionManager,
    private readonly store: EntityStore,
    private readonly ui: Ui,
  ) {}

  /**
   * Asks for each field (secrets masked) and the optional settings, tests the entered values first when asked, then
   * saves them. `saved` is false when the user cancelled; `tested` is the test of the entered values, if one ran.
   */
  async setCredentials(scope: CredentialsScope): Promise<{ saved: boolean; tested?: ConnectionResult }> {
    const template = await this.template(scope);
    const { fields, problem } = credentialFields(template ?? { metadata: null });
    if (problem) this.ui.status(problem);
    const entries: SecretEntry[] = [];
    const who = scope.servicePrincipal.displayName;
    for (const field of fields) {
      const value = await this.ui.input({
        title: safe`Set Credentials for ${who}`,
        prompt: `${field.name}${field.secret ? ' (hidden; it is sent to Graph and never shown again)' : ''}`,
        password: field.secret,
        validate: (text) => (field.required && text.trim() === '' ? `${field.name} is required.` : undefined),
      });
      if (value === undefined) return { saved: false };
      if (value !== '') entries.push({ key: field.name, value });
    }
    const chosen = await this.optionalSettings(who);
    if (!chosen) return { saved: false };
    let tested: ConnectionResult | undefined;
    if (chosen.testFirst) {
      tested = await this.testConnection(scope, entries);
      const keep =
        tested.valid ||
        (await this.ui.confirm('Save credentials that failed Test Connection?', safe`${tested.text}`, 'Save Anyway'));
      if (!keep) return { saved: false, tested };
    }
    entries.push(...settingsEntries(chosen.settings));
    await describedAs(safe`Could not save the credentials of ${who}`, () => {
      const { client } = this.connection.requireConnection();
      return this.ui.progress(safe`Saving the credentials of ${who}…`, (signal) =>
        setSecrets(client, scope.servicePrincipal.id, entries, { version: this.connection.apiVersion, signal }),
      );
    });
    this.ui.status(safe`$(check) Saved ${entries.map((entry) => entry.key).join(', ')} for ${who}.`);
    return { saved: true, tested };
  }

  /** validateCredentials with the saved (or the entered) credentials: on the job, or on a template before a job exists. */
  async testConnection(
    scope: CredentialsScope,
    credentials: SecretEntry[] | 'saved' = 'saved',
  ): Promise<ConnectionResult> {
    const target: CredentialsTarget = scope.job
      ? { jobId: scope.job.id }
      : { templateId: (await this.template(scope))?.id ?? '' };
    if ('templateId' in target && !target.templateId)
      throw new Error('This service principal has no template to test.');
    const who = scope.servicePrincipal.displayName;
    const validation = await describedAs(safe`Could not test the connection of ${who}`, () => {
      const { client } = this.connection.requireConnection();
      return this.ui.progress(safe`Testing the connection of ${who}…`, (signal) =>
        validateCredentials(client, scope.servicePrincipal.id, target, credentials, {
          version: this.connection.apiVersion,
          signal,
        }),
      );
    });
    const which = credentials === 'saved' ? 'saved' : 'entered';
    if (validation.valid)
      return { valid: true, text: `Test Connection passed: Graph reached the app with the ${which} credentials.` };
    const { error, failedCredential } = validation;
    return {
      valid: false,
      text: `Test Connection failed${failedCredential ? ` (${failedCredential})` : ''}: ${error.code ?? error.status} ${error.graphMessage ?? error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}`,
      hint: `Check ${failedCredential ?? 'the credentials'} with the app's administrator, then Set Credentials… and Test Connection again.`,
    };
  }

  private async template(scope: CredentialsScope): Promise<SynchronizationTemplate | undefined> {
    const spId = scope.servicePrincipal.id;
    let templates = this.store.templates(spId)?.value;
    if (!templates) {
      const { client } = this.connection.requireConnection();
      templates = await this.ui.progress(
        safe`Reading the templates of ${scope.servicePrincipal.displayName}…`,
        (signal) => listTemplates(client, spId, { version: this.connection.apiVersion, signal }),
      );
      this.store.putTemplates(spId, templates);
    }
    const templateId = scope.job?.templateId ?? this.store.job(spId, scope.job?.id ?? '')?.value.templateId;
    return templates.find((template) => template.id === templateId) ?? sortTemplates(templates)[0];
  }

  /** Scope, notification email and accidental-deletion threshold: each optional, as in the portal. */
  private async optionalSettings(
    who: string,
  ): Promise<{ settings: ProvisioningSettings; testFirst: boolean } | undefined> {
    type Setting = 'test' | 'scope' | 'email' | 'threshold';
    const chosen = await this.ui.pickMany<Setting>(
      [
        { label: 'Test Connection before saving', detail: 'Check the values just entered first', value: 'test' },
        { label: 'Scope', detail: 'Sync all users and groups, or only assigned ones (SyncAll)', value: 'scope' },
        { label: 'Notification email', detail: 'Where Entra sends failure notifications', value: 'email' },
        {
          label: 'Accidental-deletion threshold',
          detail: 'Stop a cycle that would delete more objects',
          value: 'threshold',
        },
      ],
      {
        title: safe`Before saving the credentials of ${who}`,
        placeHolder: 'Choose what else to do (none: save the credentials only)',
      },
    );
    if (!chosen) return undefined;
    const settings: ProvisioningSettings = {};
    if (chosen.includes('scope')) {
      const all = await this.ui.pick(
        [
          { label: 'Only assigned users and groups', value: false },
          { label: 'All users and groups', value: true },
        ],
        { title: 'Scope' },
      );
      if (all === undefined) return undefined;
      settings.syncAll = all;
    }
    if (chosen.includes('email')) {
      const email = await this.ui.input({
        title: 'Notification email',
        prompt: 'Where to send failure notifications',
        validate: (text) => (/^[^@\s]+@[^@\s]+$/.test(text.trim()) ? undefined : 'Enter an email address.'),
      });
      if (email === undefined) return undefined;
      settings.notificationEmail = email.trim();
    }
    if (chosen.includes('threshold')) {
      const threshold = await this.ui.input({
        title: 'Accidental-deletion threshold',
        prompt: 'Stop a cycle that would delete more than this many objects',
        value: '500',
        validate: (text) =>
          /^\d+$/.test(text.trim()) && Number(text) > 0 ? undefined : 'Enter a whole number above 0.',
      });
      if (threshold === undefined) return undefined;
      settings.deleteThreshold = Number(threshold);
    }
    return { settings, testFirst: chosen.includes('test') };
  }
}

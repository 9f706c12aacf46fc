// Sign-in with no app registration: the delegated methods default to Microsoft's public "Microsoft Graph Command Line
// Tools" client, the one Graph PowerShell uses, with dynamic consent for the Graph scopes asked for (FACTS.md, "Sign-in
// without an app registration"). The setting graphSync.clientId overrides it with the user's own app registration.
export const graphCommandLineToolsClientId = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** The client id for a delegated sign-in: the configured one, or Microsoft's public client. */
export function delegatedClientId(configured: string | undefined): string {
  return configured?.trim() || graphCommandLineToolsClientId;
}
